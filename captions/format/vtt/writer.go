// Package vtt reads and writes WebVTT (.vtt) captions.
//
// # Writing
//
// Writer writes the WEBVTT header and then one cue at a time, so that a
// conversion holds one caption in memory. Times are rounded to the
// nearest millisecond (half a millisecond away from zero) from the
// captions' real times. No byte order mark is written and lines end in
// LF. A cue's identifier is its Caption.ID, or its number (1, 2, 3…) when
// ID is "" or cannot be an identifier (it holds "-->" or a line break:
// then with a warning). Before any byte of a caption is
// written it is checked: times not negative (hours may pass 24), an end
// not before the start (a zero-length cue is written with a warning),
// captions in order of start time, at least one line,
// no blank lines and no line breaks inside a line. "&", "<" and ">" in
// text are escaped (&amp; &lt; &gt;), so text such as "-->" or "<i>" is
// shown as written rather than refused.
//
// Each line carries its own markup, closed on the same line:
// <v Speaker> for Line.Speaker, <c.yellow> (the WebVTT colour classes
// white, yellow, cyan, lime, red, blue, magenta, black) for Line.Color
// <i>, <b> and <u> for Line.Italic, Line.Bold and Line.Underline. A caption's Row becomes the cue setting
// line:P% with P = round((Row-1)·100/23), which reads back to the same
// row, and Align becomes align:left, align:center or align:right.
//
// go-astisub's WebVTT writer is not used: it builds the whole file in
// memory, cannot write one cue at a time, floors times to the
// millisecond, leaves ">" unescaped (so "-->" in text breaks the cue)
// and leaves voice spans open across lines. The tests keep it as an
// oracle for the bytes we write.
//
// # Reading
//
// Reader reads one cue at a time in memory proportional to the cue. See
// its documentation for what it accepts.
package vtt

import (
	"io"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

// Writer writes captions as WebVTT cues.
type Writer struct {
	// Origin is the programme time written as 00:00:00.000: it is
	// subtracted from every caption's times. Set it before the first Write.
	Origin time.Duration

	w       cuetext.CueWriter
	started bool
}

// NewWriter returns a Writer writing to w. Call Flush when done: it
// writes the header even when no caption was written.
func NewWriter(w io.Writer) *Writer {
	vw := &Writer{}
	vw.w.Init(w)
	return vw
}

// Count returns how many captions were written.
func (w *Writer) Count() int { return w.w.Count() }

func (w *Writer) header() {
	if !w.started {
		w.started = true
		w.w.WriteString("WEBVTT\n")
	}
}

// Write checks c and writes it as the next cue. A caption that fails the
// checks is returned as a *captions.CaptionError and nothing of it is
// written; the Writer stays usable.
func (w *Writer) Write(c captions.Caption) error {
	ck, b, err := w.w.Begin(c, w.Origin, nil)
	if err != nil {
		return err
	}
	w.header()
	b = append(b, '\n')
	switch {
	case c.ID == "":
	case validID(c.ID):
		b = append(b, c.ID...)
		b = append(b, '\n')
	default:
		w.w.WarnOnce("id", w.w.Count(), "cue identifier %q cannot be written (it holds \"-->\" or a line break); the cue number is written", c.ID)
	}
	b = cuetext.AppendTiming(b, w.w.Count(), ck, '.', c.ID != "" && validID(c.ID))
	switch c.Align {
	case captions.AlignLeft:
		b = append(b, " align:left"...)
	case captions.AlignCenter:
		b = append(b, " align:center"...)
	case captions.AlignRight:
		b = append(b, " align:right"...)
	}
	if c.Row > 0 {
		b = append(b, " line:"...)
		b = cuetext.AppendInt(b, rowPercent(c.Row))
		b = append(b, '%')
	}
	b = append(b, '\n')
	for _, l := range c.Lines {
		if l.Speaker != "" {
			b = append(b, "<v "...)
			b = appendEscaped(b, l.Speaker)
			b = append(b, '>')
		}
		if l.Color != captions.ColorDefault {
			b = append(b, "<c."...)
			b = append(b, className(l.Color)...)
			b = append(b, '>')
		}
		if l.Italic {
			b = append(b, "<i>"...)
		}
		if l.Bold {
			b = append(b, "<b>"...)
		}
		if l.Underline {
			b = append(b, "<u>"...)
		}
		b = appendEscaped(b, l.Text)
		if l.Underline {
			b = append(b, "</u>"...)
		}
		if l.Bold {
			b = append(b, "</b>"...)
		}
		if l.Italic {
			b = append(b, "</i>"...)
		}
		if l.Color != captions.ColorDefault {
			b = append(b, "</c>"...)
		}
		if l.Speaker != "" {
			b = append(b, "</v>"...)
		}
		b = append(b, '\n')
	}
	return w.w.End(b)
}

// Flush writes the header if nothing was written yet and any buffered
// data to the underlying writer.
func (w *Writer) Flush() error {
	w.header()
	return w.w.Flush()
}

// Warnings returns the Writer's warnings: identifiers it could not write
// and zero-length cues, once per kind.
func (w *Writer) Warnings() []captions.Warning { return w.w.Warns.List() }

// WriteOptions are Write's options.
type WriteOptions struct {
	// Origin is the programme time written as 00:00:00.000.
	Origin time.Duration
}

// Write writes doc's captions to w as WebVTT after checking all of them,
// so that nothing is written when any caption is refused. It returns the
// Writer's warnings.
func Write(w io.Writer, doc captions.Document, opts WriteOptions) ([]captions.Warning, error) {
	if err := Validate(doc.Captions, opts.Origin); err != nil {
		return nil, err
	}
	vw := NewWriter(w)
	vw.Origin = opts.Origin
	err := cuetext.WriteAll(doc.Captions, vw.Write, vw.Flush)
	return vw.Warnings(), err
}

// validID reports whether id can be written as a WebVTT cue identifier:
// one line without "-->", not blank (a blank line would end the block).
func validID(id string) bool {
	return !strings.Contains(id, "-->") && !strings.ContainsAny(id, "\r\n") && strings.TrimLeft(id, " \t\f") != ""
}

// Validate applies Writer's checks to caps, with origin subtracted from
// their times, and returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration) error {
	return cuetext.Validate(caps, origin, nil)
}

// rowPercent maps a Teletext row (1–23) to a line: percentage such that
// percentRow maps it back.
func rowPercent(row int) int { return ((row-1)*200 + 23) / 46 }

// percentRow maps a line: percentage to the nearest Teletext row.
func percentRow(p float64) int {
	r := int(p*23/100+0.5) + 1
	return min(max(r, 1), 23)
}

func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, rep...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// className returns the WebVTT colour class of c.
func className(c captions.Color) string {
	switch c {
	case captions.ColorWhite:
		return "white"
	case captions.ColorYellow:
		return "yellow"
	case captions.ColorCyan:
		return "cyan"
	case captions.ColorGreen:
		return "lime"
	case captions.ColorRed:
		return "red"
	case captions.ColorBlue:
		return "blue"
	case captions.ColorMagenta:
		return "magenta"
	case captions.ColorBlack:
		return "black"
	}
	return "white"
}
