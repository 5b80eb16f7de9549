package srt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

// Errors a Reader wraps in *captions.ParseError.
var (
	// ErrTiming is a timing line that cannot be parsed (Strict only; the
	// lenient reader skips the cue).
	ErrTiming = errors.New("malformed timing line")
	// ErrGarbage is a line that is not a cue number, a timing line or cue
	// text (Strict only; the lenient reader skips it).
	ErrGarbage = errors.New("not a cue")

	errMarkup   = errors.New(`text contains "<" followed by ">", which readers take for a tag and remove`)
	errStyledLT = errors.New(`text of an italic or coloured line contains "<", which readers would join to the closing tag`)
	errOverride = errors.New(`text contains "{\", which readers take for a position or style code`)
)

var srtTime = cuetext.TimeSyntax{Example: "00:01:02,500", EndExample: "00:01:04,000", Seps: ",.", LooseFraction: true}

// Reader reads SRT cues one at a time, as players (FFmpeg, VLC) read
// them: the cue number is optional and need not be a number or in order
// (it is kept as Caption.ID), timestamps take "," or "." before the
// milliseconds and hours of one or more digits (past 24 hours too), and
// blank lines may repeat. Lines that are neither a cue number, a timing
// line nor cue text are skipped with a warning, as is a cue whose timing
// line cannot be parsed; with Strict set they are a *captions.ParseError
// wrapping ErrTiming or ErrGarbage instead.
//
// Markup is read into the caption model: <i> and {\i1} make a line
// italic, <b> and {\b1} bold, <u> and {\u1} underlined, <font color>
// with one of the caption colours colours it, and {\anN} sets the
// caption's Row (top 1, middle 12, bottom 0) and Align. <s> and other
// <font> attributes are removed. A style that covers only part of a line
// cannot be kept and is reported as a warning; the text is always kept,
// with the whitespace between tags.
//
// What Reader tolerates, each with a warning: a cue without a number, a
// timestamp with "." or with other than three fraction digits ("1,5" is
// 1.5 s), a missing blank line between cues, a blank line inside a cue
// (the text after it stays in the cue), a cue with no text (returned
// with no lines), a cue that starts before the previous one, and lines
// that are not UTF-8 (read as Windows-1252).
type Reader struct {
	// File names the input in errors.
	File string
	// Origin is added to every time read, placing the file's
	// 00:00:00,000 on the programme timeline.
	Origin time.Duration
	// Strict refuses what the lenient reader skips or keeps with a
	// warning: lines that are not cues, a cue number that is not a
	// number, cues whose timing line cannot be parsed and cues that end
	// before they start.
	Strict bool

	c cuetext.CueReader
	t cueText
	// firstGarbage is the first line skipped as not a cue (0: none), and
	// garbageText its start.
	firstGarbage int
	garbageText  string
}

// cueText reads the text of an SRT cue: where it ends and its markup.
type cueText struct {
	c                       *cuetext.CueReader
	italic, bold, underline int
	colors                  []captions.Color
	row                     int
	align                   captions.Align
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	rd := &Reader{}
	rd.c.Init(r)
	rd.t.c = &rd.c
	return rd
}

// Warnings returns the first 100 warnings about the input read so far.
func (r *Reader) Warnings() []captions.Warning { return r.c.Warns.List() }

// WarningCount returns how many warnings there were, including those
// past the first 100.
func (r *Reader) WarningCount() int { return r.c.Warns.Count() }

// Read returns the next cue as a caption, or io.EOF after the last one.
// A malformed cue is a *captions.ParseError; after an error every call
// returns the same error.
func (r *Reader) Read() (captions.Caption, error) {
	r.c.File, r.c.Origin, r.c.Strict = r.File, r.Origin, r.Strict
	return r.c.Read(r.read)
}

// Line returns the line number of the timing line of the cue Read last
// returned, for messages about it.
func (r *Reader) Line() int { return r.c.Line() }

// Skipped returns how many malformed cues and stray lines were skipped.
func (r *Reader) Skipped() int { return r.c.Skipped }

// Skips returns the line and reason of the first skipped cues and lines.
func (r *Reader) Skips() []captions.Warning { return r.c.Skips() }

// ReadAll reads every remaining cue.
func (r *Reader) ReadAll() ([]captions.Caption, error) { return cuetext.ReadAll(r.Read) }

// ReadOptions are Read's options: the Reader's settings of the same names.
type ReadOptions struct {
	File   string
	Origin time.Duration
	Strict bool
}

// Read reads a whole SRT document from r.
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	rd := NewReader(r)
	rd.File, rd.Origin, rd.Strict = opts.File, opts.Origin, opts.Strict
	caps, err := rd.ReadAll()
	return captions.Document{Captions: caps}, rd.Warnings(), err
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

func isIndex(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 18 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// looksLikeTiming reports whether b is a timing line or starts with a
// timestamp (a timing line with a broken arrow).
func looksLikeTiming(b []byte) bool {
	if cuetext.IsTiming(b) {
		return true
	}
	_, _, _, err := cuetext.ParseTime(bytes.TrimLeft(b, " \t"), srtTime)
	return err == nil
}

// Blank reports whether b is blank: SRT readers take a line of spaces
// for the blank line that ends a cue.
func (t *cueText) Blank(b []byte) bool { return blank(b) }

// MayStartCue reports whether b is a timing line or a cue number.
func (t *cueText) MayStartCue(b []byte, afterBlank bool) bool {
	return cuetext.IsTiming(b) || isIndex(b)
}

// StartsCue reports whether line l (held by c, number ln) begins a cue:
// a timing line, or a number followed by a timing line. After a blank
// line (afterBlank) a number followed by a line that starts with a
// timestamp is a cue too, so that a broken arrow is reported rather than
// read as text. When it starts a cue, the lines are pushed back for the
// next cue.
func (t *cueText) StartsCue(c *cuetext.CueReader, l []byte, ln int, afterBlank bool) (bool, error) {
	if cuetext.IsTiming(l) {
		c.Unread(l, ln)
		return true, nil
	}
	if !isIndex(l) {
		return false, nil
	}
	l2, ln2, err := c.Next()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	c.Unread(l2, ln2)
	if cuetext.IsTiming(l2) || afterBlank && looksLikeTiming(l2) {
		c.Unread(l, ln)
		return true, nil
	}
	return false, nil
}

func (r *Reader) read() (captions.Caption, error) {
	var (
		line []byte
		ln   int
		err  error
		id   string
	)
	for {
		line, ln, err = r.c.Next()
		if err == io.EOF {
			return captions.Caption{}, r.end()
		}
		if err != nil {
			return captions.Caption{}, err
		}
		if blank(line) {
			continue
		}
		if cuetext.IsTiming(line) {
			r.c.Warns.Add(ln, "cue %d has no number", r.c.Count()+1)
			break
		}
		// A cue number, or a line that is not a cue.
		idLine := ln
		id = string(bytes.TrimSpace(line))
		line, ln, err = r.c.Next()
		if err != nil && err != io.EOF {
			return captions.Caption{}, err
		}
		if err == nil && looksLikeTiming(line) {
			if !isIndex([]byte(id)) {
				if r.Strict {
					return captions.Caption{}, r.garbage(idLine, "cue number %q is not a number", cuetext.Clip([]byte(id)))
				}
				r.c.Warns.Add(idLine, "cue number %q is not a number; kept as the cue's identifier", cuetext.Clip([]byte(id)))
			}
			break
		}
		if r.Strict {
			switch {
			case !isIndex([]byte(id)):
				return captions.Caption{}, r.garbage(idLine, "expected a cue number or a timing line such as 00:00:01,000 --> 00:00:02,500, found %q", cuetext.Clip([]byte(id)))
			case err == io.EOF:
				return captions.Caption{}, r.garbage(idLine+1, "unexpected end of input: expected a timing line such as 00:00:01,000 --> 00:00:02,500 after the cue number on line %d", idLine)
			default:
				return captions.Caption{}, r.garbage(ln, "expected a timing line such as 00:00:01,000 --> 00:00:02,500 after the cue number on line %d, found %q", idLine, cuetext.Clip(line))
			}
		}
		r.c.Skip(idLine, fmt.Sprintf("line %q", cuetext.Clip([]byte(id))), "not a cue number, timing line or cue text")
		if r.firstGarbage == 0 {
			r.firstGarbage, r.garbageText = idLine, cuetext.Clip([]byte(id))
		}
		if err == io.EOF {
			return captions.Caption{}, r.end()
		}
		r.c.Unread(line, ln)
	}
	start, end, _, err := r.c.ParseTiming(line, ln, srtTime)
	if err != nil {
		var pe *captions.ParseError
		if r.Strict && errors.As(err, &pe) {
			pe.Err = fmt.Errorf("%w: %w", ErrTiming, pe.Err)
		}
		return captions.Caption{}, err
	}
	t := &r.t
	t.italic, t.bold, t.underline, t.colors, t.row, t.align = 0, 0, 0, t.colors[:0], 0, captions.AlignDefault
	c, err := r.c.ReadCue(t, start, end, ln)
	c.ID, c.Row, c.Align = id, t.row, t.align
	return c, err
}

// end returns io.EOF at the end of the input, or, when lines were
// skipped and no cue was found, an error wrapping ErrGarbage: such an
// input is not SRT, and an empty document would hide that.
func (r *Reader) end() error {
	if r.c.Count() == 0 && r.firstGarbage > 0 {
		return r.garbage(r.firstGarbage, "no SRT cue in the input: expected a cue number or a timing line such as 00:00:01,000 --> 00:00:02,500, found %q", r.garbageText)
	}
	return io.EOF
}

// garbage returns a *captions.ParseError wrapping ErrGarbage.
func (r *Reader) garbage(ln int, format string, args ...any) error {
	return &captions.ParseError{File: r.File, Line: ln, Column: 1, Err: fmt.Errorf("%w: "+format, append([]any{ErrGarbage}, args...)...)}
}

// tag is a recognised SRT tag.
type tag struct {
	name    string // "i", "b", "u", "s", "font"
	closing bool
	attrs   []byte
	n       int // bytes used, including < and >
}

// tagName recognises an SRT tag at the start of b (b[0] == '<').
// gt is the offset in b of the first ">" (-1 when there is none).
func tagName(b []byte, gt int) (tag, int) {
	k := 1
	var t tag
	if k < len(b) && b[k] == '/' {
		t.closing = true
		k++
	}
	s := k
	for k < len(b) && (b[k]|0x20) >= 'a' && (b[k]|0x20) <= 'z' {
		k++
	}
	name := b[s:k]
	for _, known := range [...]string{"i", "b", "u", "s", "font"} {
		if bytes.EqualFold(name, []byte(known)) {
			t.name = known
			break
		}
	}
	if t.name == "" {
		return tag{}, 0
	}
	if k < len(b) && b[k] == '>' {
		t.n = k + 1
		return t, t.n
	}
	// Only <font> takes attributes.
	if t.closing || t.name != "font" || k >= len(b) || (b[k] != ' ' && b[k] != '\t') {
		return tag{}, 0
	}
	if gt < k {
		return tag{}, 0
	}
	e := gt - k
	t.attrs = b[k : k+e]
	t.n = k + e + 1
	return t, t.n
}

// TextLine reads one line of cue text with its markup.
func (r *cueText) TextLine(b []byte, ln int) {
	run := 0
	flush := func(i int) {
		if i > run {
			r.c.Text.Append(b[run:i], r.style())
		}
	}
	// Where the next ">" and "}" are, found once for all the "<" and "{"
	// before them, so that a line of unclosed tags is read in linear time.
	var gt, brace cuetext.NextByte
	for i := 0; i < len(b); {
		switch b[i] {
		case '<':
			g := gt.Find(b, i, '>')
			if g >= 0 {
				g -= i
			}
			t, n := tagName(b[i:], g)
			if n == 0 {
				i++
				continue
			}
			flush(i)
			r.applyTag(t, ln)
			i += n
			run = i
			continue
		case '{':
			if i+1 < len(b) && b[i+1] == '\\' {
				if e := brace.Find(b, i, '}') - i; e > 0 {
					flush(i)
					r.applyOverride(b[i+1:i+e], ln)
					i += e + 1
					run = i
					continue
				}
			}
		}
		i++
	}
	flush(len(b))
	r.c.Text.EndLine(ln, &r.c.Warns)
}

func (r *cueText) style() cuetext.Style {
	st := cuetext.Style{Italic: r.italic > 0, Bold: r.bold > 0, Underline: r.underline > 0}
	if len(r.colors) > 0 {
		st.Color = r.colors[len(r.colors)-1]
	}
	return st
}

// count opens (closing false) or closes a tag counted in n.
func count(n *int, closing bool) {
	switch {
	case !closing:
		*n++
	case *n > 0:
		*n--
	}
}

func (r *cueText) applyTag(t tag, ln int) {
	switch t.name {
	case "i":
		count(&r.italic, t.closing)
	case "b":
		count(&r.bold, t.closing)
	case "u":
		count(&r.underline, t.closing)
	case "font":
		if t.closing {
			if len(r.colors) > 0 {
				r.colors = r.colors[:len(r.colors)-1]
			}
			return
		}
		c := captions.ColorDefault
		if v, ok := attr(t.attrs, "color"); ok {
			if k, ok := cuetext.ColorByName(string(v)); ok {
				c = k
			} else {
				r.c.Warns.Add(ln, "font colour %q is not one of the caption colours; text kept in the default colour", v)
			}
		}
		r.colors = append(r.colors, c)
	}
}

// attr returns the value of attribute name in HTML-like attributes.
func attr(attrs []byte, name string) ([]byte, bool) {
	low := bytes.ToLower(attrs)
	i := bytes.Index(low, []byte(name))
	for i >= 0 {
		j := i + len(name)
		for j < len(attrs) && attrs[j] == ' ' {
			j++
		}
		if j < len(attrs) && attrs[j] == '=' {
			j++
			for j < len(attrs) && attrs[j] == ' ' {
				j++
			}
			if j < len(attrs) && (attrs[j] == '"' || attrs[j] == '\'') {
				q := attrs[j]
				e := bytes.IndexByte(attrs[j+1:], q)
				if e < 0 {
					return attrs[j+1:], true
				}
				return attrs[j+1 : j+1+e], true
			}
			e := j
			for e < len(attrs) && attrs[e] != ' ' {
				e++
			}
			return attrs[j:e], true
		}
		k := bytes.Index(low[i+1:], []byte(name))
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return nil, false
}

// applyOverride applies an ASS override block such as \an8 or \i1.
func (r *cueText) applyOverride(b []byte, ln int) {
	for len(b) > 0 {
		if b[0] != '\\' {
			b = b[1:]
			continue
		}
		b = b[1:]
		e := bytes.IndexByte(b, '\\')
		if e < 0 {
			e = len(b)
		}
		code := b[:e]
		b = b[e:]
		switch {
		case len(code) == 3 && code[0] == 'a' && code[1] == 'n' && code[2] >= '1' && code[2] <= '9':
			n := int(code[2] - '0')
			switch (n - 1) / 3 {
			case 0:
				r.row = 0
			case 1:
				r.row = 12
			case 2:
				r.row = 1
			}
			switch n % 3 {
			case 1:
				r.align = captions.AlignLeft
			case 0:
				r.align = captions.AlignRight
			default:
				r.align = captions.AlignDefault
			}
		case string(code) == "i1":
			count(&r.italic, false)
		case string(code) == "i0":
			count(&r.italic, true)
		case string(code) == "b1":
			count(&r.bold, false)
		case string(code) == "b0":
			count(&r.bold, true)
		case string(code) == "u1":
			count(&r.underline, false)
		case string(code) == "u0":
			count(&r.underline, true)
		default:
			r.c.Warns.Add(ln, "style code {\\%s} is not kept", code)
		}
	}
}
