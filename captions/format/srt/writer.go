// Package srt reads and writes SubRip (.srt) subtitles.
//
// # Writing
//
// Writer writes one caption at a time, so that a conversion holds one
// caption in memory. Times are rounded to the nearest millisecond (half a
// millisecond away from zero) from the captions' real times; captions
// made from frames therefore land within half a millisecond of the frame.
// The file is UTF-8 without a byte order mark unless Writer.Encoding
// asks for one (UTF8BOM) or for Windows-1252, in which a character the
// code page has no byte for is refused with an *EncodingError naming it;
// lines end in LF and cues are numbered from 1. Before any byte of a caption is written it is checked: times not
// negative (hours may pass 24), an end not before the start (a
// zero-length cue is written with a warning), captions in order
// of start time, at least one line, no blank lines, no line breaks inside
// a line, and no text that readers would take for markup or a timing
// line ("-->", a "<" followed later by ">", which readers such as FFmpeg
// take for a tag, a "<" in an italic or coloured line, whose closing tag
// would supply the ">", or "{\" override codes).
// SRT has no escape for these, so such text is refused with a
// *captions.CaptionError naming the caption rather than written wrongly.
//
// Italic, bold and underlined lines are written as <i>…</i>, <b>…</b> and
// <u>…</u>, coloured lines as <font color="#rrggbb">…</font>. SRT has no
// speakers: Line.Speaker is not written, with a warning (once). Cue
// numbers run 1, 2, 3…, as SRT requires; Caption.ID is not written. A caption's Row and Align are written as the {\anN}
// position code that FFmpeg, VLC and most players read, which keeps only
// thirds of the screen: rows 1–8 are the top, 9–15 the middle, 16–23 and
// 0 the bottom.
//
// go-astisub's SRT writer is not used: it builds the whole file in memory
// (about ten times the output's size), cannot write one cue at a time,
// floors times to the millisecond and writes a byte order mark. The tests
// keep it as an oracle for the bytes we write.
//
// # Reading
//
// Reader reads one cue at a time in memory proportional to the cue. It
// accepts UTF-8 with or without a byte order mark, UTF-16 with one, and
// Windows-1252 (any line that is not UTF-8), with LF, CRLF or CR line
// endings. It never drops text silently: anything it had to guess is
// reported as a warning (Reader.Warnings), and what it cannot read is a
// *captions.ParseError with the line number.
package srt

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

// Writer writes captions as SRT cues.
type Writer struct {
	// Origin is the programme time written as 00:00:00,000: it is
	// subtracted from every caption's times. Set it before the first Write.
	Origin time.Duration
	// Encoding is the file's character encoding (default UTF-8 without a
	// byte order mark). Set it before the first Write.
	Encoding Encoding

	w       cuetext.CueWriter
	check   func(captions.Line) error // checkLine, then Encoding
	lineNo  int                       // the line check is called for
	enc     []byte                    // the cue in Encoding
	started bool                      // the byte order mark is written
}

// NewWriter returns a Writer writing to w. Call Flush when done.
func NewWriter(w io.Writer) *Writer {
	sw := &Writer{}
	sw.w.Init(w)
	sw.check = sw.checkLine
	return sw
}

// checkLine applies checkLine and then the encoding's check; Check calls
// it once per line in order, so it counts the lines.
func (w *Writer) checkLine(l captions.Line) error {
	w.lineNo++
	if err := checkLine(l); err != nil {
		return err
	}
	return w.Encoding.check(l.Text, w.lineNo)
}

// start writes the byte order mark of UTF8BOM once, before anything else.
func (w *Writer) start() {
	if !w.started {
		w.started = true
		if w.Encoding == UTF8BOM {
			w.w.WriteString("\uFEFF")
		}
	}
}

// Count returns how many captions were written.
func (w *Writer) Count() int { return w.w.Count() }

// Write checks c and writes it as the next cue. A caption that fails the
// checks is returned as a *captions.CaptionError and nothing of it is
// written; the Writer stays usable.
func (w *Writer) Write(c captions.Caption) error {
	if w.Encoding < UTF8 || w.Encoding > Windows1252 {
		return &captions.CaptionError{Caption: w.w.Count() + 1, Err: fmt.Errorf("%w: %d", ErrEncodingName, int(w.Encoding))}
	}
	w.lineNo = 0
	ck, b, err := w.w.Begin(c, w.Origin, w.check)
	if err != nil {
		return err
	}
	w.start()
	if w.w.Count() > 1 {
		b = append(b, '\n')
	}
	b = cuetext.AppendTiming(b, w.w.Count(), ck, ',', false)
	b = append(b, '\n')
	if an := position(c.Row, c.Align); an != 0 {
		b = append(b, '{', '\\', 'a', 'n', byte('0'+an), '}')
	}
	for _, l := range c.Lines {
		if l.Color != captions.ColorDefault {
			b = append(b, `<font color="`...)
			b = append(b, hexColor(l.Color)...)
			b = append(b, `">`...)
		}
		b = appendOpen(b, l)
		b = append(b, l.Text...)
		b = appendClose(b, l)
		if l.Speaker != "" {
			w.w.WarnOnce("speaker", w.w.Count(), "SRT has no speakers: speaker %q is not written", l.Speaker)
		}
		if l.Color != captions.ColorDefault {
			b = append(b, "</font>"...)
		}
		b = append(b, '\n')
	}
	if w.Encoding == Windows1252 {
		w.enc = w.Encoding.appendEncoded(w.enc[:0], b)
		out := w.enc
		w.enc = b // End keeps out for the next cue; b is free for encoding
		return w.w.End(out)
	}
	return w.w.End(b)
}

// appendOpen appends the tags that open line l's styles.
func appendOpen(b []byte, l captions.Line) []byte {
	if l.Italic {
		b = append(b, "<i>"...)
	}
	if l.Bold {
		b = append(b, "<b>"...)
	}
	if l.Underline {
		b = append(b, "<u>"...)
	}
	return b
}

// appendClose appends the tags that close line l's styles, innermost
// first.
func appendClose(b []byte, l captions.Line) []byte {
	if l.Underline {
		b = append(b, "</u>"...)
	}
	if l.Bold {
		b = append(b, "</b>"...)
	}
	if l.Italic {
		b = append(b, "</i>"...)
	}
	return b
}

// Flush writes any buffered data to the underlying writer (and the byte
// order mark of UTF8BOM when no caption was written).
func (w *Writer) Flush() error {
	w.start()
	return w.w.Flush()
}

// Warnings returns what the captions carried that SRT cannot, once per
// kind (speakers), and zero-length cues.
func (w *Writer) Warnings() []captions.Warning { return w.w.Warns.List() }

// WriteOptions are Write's options.
type WriteOptions struct {
	// Origin is the programme time written as 00:00:00,000.
	Origin time.Duration
	// Encoding is the file's character encoding (default UTF-8).
	Encoding Encoding
}

// Write writes doc's captions to w as SRT after checking all of them, so
// that nothing is written when any caption is refused. It returns the
// Writer's warnings.
func Write(w io.Writer, doc captions.Document, opts WriteOptions) ([]captions.Warning, error) {
	if err := validate(doc.Captions, opts.Origin, opts.Encoding); err != nil {
		return nil, err
	}
	sw := NewWriter(w)
	sw.Origin, sw.Encoding = opts.Origin, opts.Encoding
	err := cuetext.WriteAll(doc.Captions, sw.Write, sw.Flush)
	return sw.Warnings(), err
}

// Validate applies Writer's checks to caps, with origin subtracted from
// their times, and returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration) error {
	return cuetext.Validate(caps, origin, checkLine)
}

// validate is Validate with the checks of encoding e.
func validate(caps []captions.Caption, origin time.Duration, e Encoding) error {
	if e == UTF8 || e == UTF8BOM {
		return Validate(caps, origin)
	}
	v := &Writer{Encoding: e}
	prev := int64(-1)
	for i, c := range caps {
		v.lineNo = 0
		ck, err := cuetext.Check(c, origin, prev, i+1, v.checkLine)
		if err != nil {
			return err
		}
		prev = ck.Start
	}
	return nil
}

// checkLine refuses text SRT cannot carry.
func checkLine(l captions.Line) error {
	t := l.Text
	if strings.Contains(t, "-->") {
		return cuetext.ErrArrow
	}
	if strings.Contains(t, `{\`) {
		return errOverride
	}
	// FFmpeg takes anything from "<" to a later ">" for a tag and drops
	// it, so refuse that, not just the tags SRT defines.
	if i := strings.IndexByte(t, '<'); i >= 0 {
		if strings.IndexByte(t[i:], '>') > 0 {
			return errMarkup
		}
		// The closing </i> or </font> written after the text would
		// supply the ">".
		if l.Italic || l.Bold || l.Underline || l.Color != captions.ColorDefault {
			return errStyledLT
		}
	}
	return nil
}

// position returns the {\anN} code for a row and alignment (0 for the
// default, bottom centre).
func position(row int, a captions.Align) int {
	n := 2
	switch a {
	case captions.AlignLeft:
		n = 1
	case captions.AlignRight:
		n = 3
	}
	switch {
	case row >= 1 && row <= 8:
		n += 6
	case row >= 9 && row <= 15:
		n += 3
	}
	if n == 2 {
		return 0
	}
	return n
}

// hexColor returns the HTML colour of c.
func hexColor(c captions.Color) string {
	switch c {
	case captions.ColorWhite:
		return "#ffffff"
	case captions.ColorYellow:
		return "#ffff00"
	case captions.ColorCyan:
		return "#00ffff"
	case captions.ColorGreen:
		return "#00ff00"
	case captions.ColorRed:
		return "#ff0000"
	case captions.ColorBlue:
		return "#0000ff"
	case captions.ColorMagenta:
		return "#ff00ff"
	case captions.ColorBlack:
		return "#000000"
	}
	return "#ffffff"
}
