// Package captions is sotcap's document model: a Document of timed
// Captions made of styled Lines, the Turns of speech they are made from,
// and the error and warning shapes every reader and writer shares. Its
// subpackages read scripts (script), count (measure), judge (rules),
// segment (segment), time (place), read and write formats (format) and
// report (report).
package captions

import (
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/timing"
)

// Color is a caption line's foreground colour. The zero value, ColorDefault,
// leaves the colour to the format's default (white in Teletext).
type Color uint8

// Colours shared by the formats that carry them (Teletext STL, WebVTT classes).
const (
	ColorDefault Color = iota
	ColorWhite
	ColorYellow
	ColorCyan
	ColorGreen
	ColorRed
	ColorBlue
	ColorMagenta
	ColorBlack
)

var colorNames = [...]string{"", "white", "yellow", "cyan", "green", "red", "blue", "magenta", "black"}

// String returns the colour's lower-case name, or "" for ColorDefault.
func (c Color) String() string {
	if int(c) < len(colorNames) {
		return colorNames[c]
	}
	return "unknown"
}

// Align is a caption's horizontal alignment. The zero value, AlignDefault,
// lets the format choose (centred in every format sotcap writes).
type Align uint8

// Alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Line is one displayed row of a caption.
type Line struct {
	// Text is the visible text, without markup, in logical (not visual) order.
	Text string
	// Speaker names who speaks this line ("" when unknown). Formats that
	// carry speakers write it (WebVTT voice tags); others ignore it.
	Speaker string
	// Italic marks an off-screen voice or interpreter.
	Italic bool
	// Bold sets the line in bold (SRT and WebVTT <b>); formats without
	// bold write it upright and warn.
	Bold bool
	// Underline underlines the line (SRT and WebVTT <u>); formats without
	// underlining leave it out and warn.
	Underline bool
	// Color is the line's colour (Teletext STL, WebVTT class).
	Color Color
}

// Caption is one subtitle or caption event: lines shown together from Start
// to End. Times are real times on the programme timeline, measured from
// 00:00:00:00 (not from the programme start); writers subtract an offset
// where their format counts from the start of the file.
type Caption struct {
	// ID is the cue identifier as the file wrote it (an SRT cue number, a
	// WebVTT cue identifier), "" when none.
	ID         string
	Start, End time.Duration
	Lines      []Line
	// Row is the vertical position as a Teletext row (1–23, counted from
	// the top); 0 means the format's default (bottom).
	Row int
	// Align is the horizontal alignment.
	Align Align
}

// Text returns the caption's lines joined with "\n".
func (c Caption) Text() string {
	n := 0
	for _, l := range c.Lines {
		n += len(l.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, l := range c.Lines {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, l.Text...)
	}
	return string(b)
}

// Duration returns End - Start.
func (c Caption) Duration() time.Duration { return c.End - c.Start }

// Turn is one speaker's uninterrupted stretch of text inside a soundbite.
type Turn struct {
	// Speaker names who speaks ("" when unknown). A new speaker starts a new
	// caption.
	Speaker string
	// Text is what is said (or its translation).
	Text string
	// Italic marks an off-screen voice or interpreter; the captions' lines
	// are set in italics.
	Italic bool
}

// TimeBase says how a document's times were counted in its file. The zero
// value is real time counted from the start of the file (SRT, WebVTT).
type TimeBase struct {
	// Rate is the frame rate of the file's timecodes; zero when the file
	// counts real time.
	Rate timing.Rate
	// DropFrame says the timecode labels are drop-frame (29.97, 59.94).
	DropFrame bool
	// Start is the programme start the file declares (EBU STL's TCP), as a
	// time on the programme timeline; zero when it declares none.
	Start time.Duration
}

// Document is a sequence of captions with what the formats need to know
// about them as a whole.
type Document struct {
	// Title names the programme (EBU STL's programme title).
	Title string
	// Language is the captions' language as a BCP 47 tag ("en", "ar").
	Language string
	// TimeBase is how the file the document was read from counts time.
	// Caption times are programme times whatever it says.
	TimeBase TimeBase
	// Captions are in display order.
	Captions []Caption
}

// Warning is a problem in an input that did not stop it being read.
type Warning struct {
	// Line is the 1-based line of the input the warning is about (0 when it
	// concerns the whole input).
	Line int
	// Message says what was wrong and what was done about it.
	Message string
}

// String formats w as "line 12: message".
func (w Warning) String() string {
	if w.Line == 0 {
		return w.Message
	}
	return "line " + itoa(w.Line) + ": " + w.Message
}

// ParseError is an error in an input, with its position: the one error
// shape of every sotcap reader (captions, scripts, EDLs). It works with
// errors.As; Unwrap gives the underlying cause, so errors.Is finds the
// reader's sentinel errors.
type ParseError struct {
	File   string // the input's name, when known
	Line   int    // 1-based; 0 when unknown or the error concerns the whole input
	Column int    // 1-based; 0 when unknown
	Err    error
	// Binary says Line counts the blocks and Column the bytes (from 1) of a
	// binary file such as EBU STL. Err then names the block and byte
	// itself, so Error does not print them as a line and a column.
	Binary bool
}

// Error formats e as "file:line:column: message", as compilers do, or,
// when the input has no name, "line 3, column 7: message"; it leaves out
// what is not known.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 && !e.Binary {
		switch {
		case e.File == "":
			b.WriteString("line " + itoa(e.Line))
			if e.Column > 0 {
				b.WriteString(", column " + itoa(e.Column))
			}
		case e.Column > 0:
			b.WriteString(":" + itoa(e.Line) + ":" + itoa(e.Column))
		default:
			b.WriteString(":" + itoa(e.Line))
		}
	}
	if b.Len() == 0 {
		return e.Err.Error()
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

func itoa(n int) string { return strconv.Itoa(n) }
