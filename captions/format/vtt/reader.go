package vtt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

// Reader reads WebVTT cues one at a time, by the WebVTT parser algorithm
// of the W3C specification (https://www.w3.org/TR/webvtt1/#file-parsing),
// as browsers read a file:
//
//   - The file must start with "WEBVTT" (after an optional byte order
//     mark) followed by a space, a tab or the end of the line; anything
//     else is not WebVTT and is a *captions.ParseError wrapping
//     ErrSignature. Header lines after it (old "Region:" lines,
//     X-TIMESTAMP-MAP) are ignored, up to a blank line or a timing line.
//   - The rest is blocks separated by blank lines. A block whose first or
//     second line holds "-->" is a cue: the line before the timing line,
//     if any, is its identifier (Caption.ID), the lines after it its text,
//     up to a blank line or another line holding "-->". STYLE and REGION
//     blocks before the first cue are skipped with a warning (their
//     styling is not kept); NOTE blocks silently.
//   - Timestamps are [h…h:]mm:ss.ttt with two or more hour digits, or one
//     (browsers accept it), and may pass 24 hours.
//   - A block that is none of these, and a cue whose timing line cannot be
//     parsed, is skipped with a warning naming its line, as browsers skip
//     it; with Strict set it is a *captions.ParseError wrapping
//     ErrBlock or ErrTiming instead. A cue that ends before it starts is
//     kept with a warning (an error when Strict), as is a zero-length cue.
//   - NUL characters are read as U+FFFD; lines that are not UTF-8 are read
//     as Windows-1252, with a warning.
//
// Cue text is read by the cue text parsing rules into the caption model:
// <v Name> gives Line.Speaker, <i> Line.Italic, <b> Line.Bold, <u>
// Line.Underline and the colour classes (<c.yellow>, <c.lime>, …)
// Line.Color; other tags are removed, an end tag closes only the
// innermost open tag of its name (as the specification says), and
// character references (&amp; &lt; &gt; &nbsp; &lrm; &rlm; and numeric
// ones) are decoded. Parsing is linear in the length of the text however
// deeply tags nest. A style that covers only part of a line cannot be
// kept and is reported as a warning; the text is always kept. The cue
// settings line: and align: give Caption.Row and Caption.Align.
type Reader struct {
	// File names the input in errors.
	File string
	// Origin is added to every time read, placing the file's
	// 00:00:00.000 on the programme timeline.
	Origin time.Duration
	// Strict refuses what the lenient reader skips or keeps with a
	// warning: header lines after WEBVTT, blocks that are not cues, NOTE,
	// STYLE or REGION, cues whose timing line cannot be parsed and cues
	// that end before they start.
	Strict bool

	c       cuetext.CueReader
	t       cueText
	started bool
	seenCue bool
	id      []byte
}

// Errors a Reader wraps in *captions.ParseError.
var (
	// ErrSignature is a file that does not start with "WEBVTT".
	ErrSignature = errors.New("not a WebVTT file")
	// ErrTiming is a cue timing line that cannot be parsed.
	ErrTiming = errors.New("malformed cue timing line")
	// ErrBlock is a block that is neither a cue nor a NOTE, STYLE or
	// REGION block, or a header line after WEBVTT (Strict only).
	ErrBlock = errors.New("not a cue")
)

// cueText reads the text of a WebVTT cue and the position its cue
// settings give.
type cueText struct {
	c *cuetext.CueReader
	// stack holds the open tags, each with the style in force inside it,
	// so that a tag costs the same however deep it is.
	stack []span
	row   int
	align captions.Align
}

// span is an open tag in cue text and the style in force inside it.
type span struct {
	name  string
	style cuetext.Style
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
// What cannot be read is a *captions.ParseError; after an error every
// call returns the same error.
func (r *Reader) Read() (captions.Caption, error) {
	r.c.File, r.c.Origin, r.c.Strict = r.File, r.Origin, r.Strict
	return r.c.Read(r.read)
}

// Line returns the line number of the timing line of the cue Read last
// returned, for messages about it.
func (r *Reader) Line() int { return r.c.Line() }

// Skipped returns how many blocks were skipped because they were not
// cues or their timing line could not be parsed.
func (r *Reader) Skipped() int { return r.c.Skipped }

// Skips returns the line and reason of the first skipped cues and blocks.
func (r *Reader) Skips() []captions.Warning { return r.c.Skips() }

// ReadAll reads every remaining cue.
func (r *Reader) ReadAll() ([]captions.Caption, error) { return cuetext.ReadAll(r.Read) }

// ReadOptions are Read's options: the Reader's settings of the same names.
type ReadOptions struct {
	File   string
	Origin time.Duration
	Strict bool
}

// Read reads a whole WebVTT document from r.
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	rd := NewReader(r)
	rd.File, rd.Origin, rd.Strict = opts.File, opts.Origin, opts.Strict
	caps, err := rd.ReadAll()
	return captions.Document{Captions: caps}, rd.Warnings(), err
}

func blank(b []byte) bool { return len(b) == 0 }

// keyword reports whether line starts with word followed by nothing, a
// space or a tab.
func keyword(line []byte, word string) bool {
	return bytes.HasPrefix(line, []byte(word)) && (len(line) == len(word) || line[len(word)] == ' ' || line[len(word)] == '\t')
}

// styleOrRegion reports whether line is the first line of a STYLE or
// REGION block: the word and nothing but white space after it.
func styleOrRegion(line []byte) (string, bool) {
	for _, w := range [...]string{"STYLE", "REGION"} {
		if rest, ok := bytes.CutPrefix(line, []byte(w)); ok && len(bytes.Trim(rest, " \t\f")) == 0 {
			return w, true
		}
	}
	return "", false
}

func isArrow(line []byte) bool { return bytes.Contains(line, []byte("-->")) }

// ignoref records something a browser ignores (a header line, a STYLE
// block after the cues): a warning, or with Strict an error.
func (r *Reader) ignoref(sentinel error, ln, col int, format string, args ...any) error {
	if r.Strict {
		return &captions.ParseError{File: r.File, Line: ln, Column: col, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
	}
	r.c.Warns.Add(ln, format, args...)
	return nil
}

// skipBlock records a skipped block that may have been a cue (cuetext's
// Skip), or with Strict fails with an error.
func (r *Reader) skipBlock(sentinel error, ln, col int, reason string) error {
	if r.Strict {
		return &captions.ParseError{File: r.File, Line: ln, Column: col, Err: fmt.Errorf("%w: block skipped: %s", sentinel, reason)}
	}
	r.c.Skip(ln, "block", reason)
	return nil
}

// readHeader reads the WEBVTT line and the header lines after it.
func (r *Reader) readHeader() error {
	line, ln, err := r.c.Next()
	if err == io.EOF {
		return &captions.ParseError{File: r.File, Line: 1, Column: 1, Err: fmt.Errorf("%w: empty input, expected the WEBVTT header", ErrSignature)}
	}
	if err != nil {
		return err
	}
	if !keyword(line, "WEBVTT") {
		return &captions.ParseError{File: r.File, Line: ln, Column: 1, Err: fmt.Errorf("%w: expected WEBVTT at the start, found %q", ErrSignature, cuetext.Clip(line))}
	}
	for {
		line, ln, err = r.c.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(line) {
			return nil
		}
		if isArrow(line) {
			r.c.Warns.Add(ln, "no blank line between the header and the first cue")
			r.c.Unread(line, ln)
			return nil
		}
		if err := r.ignoref(ErrBlock, ln, 1, "header line %q ignored", cuetext.Clip(line)); err != nil {
			return err
		}
	}
}

// read collects blocks until one is a cue, and returns it.
func (r *Reader) read() (captions.Caption, error) {
	if !r.started {
		r.started = true
		if err := r.readHeader(); err != nil {
			return captions.Caption{}, err
		}
	}
	for {
		c, ok, err := r.block()
		if err != nil || ok {
			return c, err
		}
	}
}

// block collects one block (the specification's "collect a WebVTT
// block"): blank lines before it are skipped; it reports whether the
// block was a cue.
func (r *Reader) block() (captions.Caption, bool, error) {
	var (
		line []byte
		ln   int
		err  error
	)
	for {
		line, ln, err = r.c.Next()
		if err != nil {
			return captions.Caption{}, false, err
		}
		if !blank(line) {
			break
		}
	}
	first := ln
	r.id = r.id[:0]
	if !isArrow(line) {
		// Line 1 is an identifier, NOTE, STYLE, REGION or garbage; a
		// timing line may follow as line 2.
		r.id = append(r.id, line...)
		line2, ln2, err := r.c.Next()
		switch {
		case err == io.EOF:
			return captions.Caption{}, false, r.notCue(r.id, first)
		case err != nil:
			return captions.Caption{}, false, err
		case blank(line2):
			return captions.Caption{}, false, r.notCue(r.id, first)
		case !isArrow(line2):
			if err := r.notCue(r.id, first); err != nil {
				return captions.Caption{}, false, err
			}
			// The rest of the block is part of what was skipped, up to a
			// blank line or a line with "-->", which starts a new block.
			return captions.Caption{}, false, r.skipRest()
		}
		line, ln = line2, ln2
	}
	// line (number ln) holds "-->": a cue's timing line.
	t := &r.t
	t.stack, t.row, t.align = t.stack[:0], 0, captions.AlignDefault
	start, end, rest, err := r.parseTiming(line, ln)
	if err != nil {
		if r.Strict {
			return captions.Caption{}, false, err
		}
		var pe *captions.ParseError
		errors.As(err, &pe)
		r.c.Skip(ln, "cue", pe.Err.Error())
		// The text of the skipped cue goes with it.
		return captions.Caption{}, false, r.skipRest()
	}
	for _, f := range fields(line[rest:]) {
		t.setting(f, ln)
	}
	id := string(r.id)
	c, err := r.c.ReadCue(t, start, end, ln)
	if err != nil {
		return captions.Caption{}, false, err
	}
	c.ID, c.Row, c.Align = id, t.row, t.align
	r.seenCue = true
	return c, true, nil
}

// skipRest skips lines up to a blank line or a line holding "-->",
// which is pushed back to start the next block.
func (r *Reader) skipRest() error {
	for {
		line, ln, err := r.c.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(line) {
			return nil
		}
		if isArrow(line) {
			r.c.Unread(line, ln)
			return nil
		}
	}
}

// notCue reports a block whose first line is first (number ln) and which
// is not a cue: a NOTE, STYLE or REGION block or garbage.
func (r *Reader) notCue(first []byte, ln int) error {
	if keyword(first, "NOTE") {
		return nil
	}
	if w, ok := styleOrRegion(first); ok {
		if r.seenCue {
			return r.ignoref(ErrBlock, ln, 1, "%s block after the first cue ignored (browsers ignore it)", w)
		}
		r.c.Warns.Add(ln, "%s block ignored: its styling is not kept", w)
		return nil
	}
	return r.skipBlock(ErrBlock, ln, 1, fmt.Sprintf("%q is not followed by a timing line such as 00:00:01.000 --> 00:00:02.500", cuetext.Clip(first)))
}

// webvttSpace reports the WebVTT white space characters: space, tab and
// form feed (line breaks never reach here).
func webvttSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// fields splits settings on WebVTT white space.
func fields(b []byte) [][]byte {
	return bytes.FieldsFunc(b, func(r rune) bool { return r == ' ' || r == '\t' || r == '\f' })
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && webvttSpace(b[i]) {
		i++
	}
	return i
}

// parseTiming parses the timings of a cue (the specification's "collect
// WebVTT cue timings and settings") and returns them and the offset of
// the settings.
func (r *Reader) parseTiming(b []byte, ln int) (start, end time.Duration, rest int, err error) {
	fail := func(col int, format string, args ...any) (time.Duration, time.Duration, int, error) {
		return 0, 0, 0, &captions.ParseError{File: r.File, Line: ln, Column: col, Err: fmt.Errorf("%w: "+format, append([]any{ErrTiming}, args...)...)}
	}
	i := skipSpace(b, 0)
	start, n, ok := timestamp(b[i:])
	if !ok {
		return fail(i+1, "expected a start time such as 00:01.000 or 00:00:01.000, found %q", cuetext.Clip(b[i:]))
	}
	i = skipSpace(b, i+n)
	if !bytes.HasPrefix(b[i:], []byte("-->")) {
		return fail(i+1, `expected "-->" after the start time, found %q`, cuetext.Clip(b[i:]))
	}
	i = skipSpace(b, i+3)
	end, n, ok = timestamp(b[i:])
	if !ok {
		return fail(i+1, "expected an end time such as 00:02.500 or 00:00:02.500, found %q", cuetext.Clip(b[i:]))
	}
	i += n
	switch {
	case end < start && r.Strict:
		return fail(1, "cue ends (%s) before it starts (%s)", cuetext.FormatTime(end), cuetext.FormatTime(start))
	case end < start:
		r.c.Warns.Add(ln, "cue ends (%s) before it starts (%s); kept, though no player shows it", cuetext.FormatTime(end), cuetext.FormatTime(start))
	case end == start:
		r.c.Warns.Add(ln, "zero-length cue (starts and ends at %s); kept", cuetext.FormatTime(start))
	}
	return start, end, i, nil
}

// maxHourDigits bounds the hours of a timestamp so that it fits a
// time.Duration (a million hours is over a century).
const maxHourDigits = 6

// timestamp parses a WebVTT timestamp at the start of b (the
// specification's "collect a WebVTT timestamp") and returns it and the
// bytes it used.
func timestamp(b []byte) (time.Duration, int, bool) {
	i := 0
	digits := func() (int64, int, bool) {
		s := i
		var v int64
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			if i-s >= 18 {
				return 0, 0, false
			}
			v = v*10 + int64(b[i]-'0')
			i++
		}
		return v, i - s, i > s
	}
	v1, n1, ok := digits()
	if !ok {
		return 0, 0, false
	}
	hoursFirst := n1 != 2 || v1 > 59
	if i >= len(b) || b[i] != ':' {
		return 0, 0, false
	}
	i++
	v2, n2, ok := digits()
	if !ok || n2 != 2 {
		return 0, 0, false
	}
	var h, m, s int64
	if hoursFirst || (i < len(b) && b[i] == ':') {
		if i >= len(b) || b[i] != ':' {
			return 0, 0, false
		}
		i++
		v3, n3, ok := digits()
		if !ok || n3 != 2 {
			return 0, 0, false
		}
		if n1 > maxHourDigits {
			return 0, 0, false
		}
		h, m, s = v1, v2, v3
	} else {
		m, s = v1, v2
	}
	if i >= len(b) || b[i] != '.' {
		return 0, 0, false
	}
	i++
	f, n4, ok := digits()
	if !ok || n4 != 3 {
		return 0, 0, false
	}
	if m > 59 || s > 59 {
		return 0, 0, false
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second + time.Duration(f)*time.Millisecond
	return d, i, true
}

// setting applies one cue setting.
func (r *cueText) setting(f []byte, ln int) {
	name, val, ok := bytes.Cut(f, []byte(":"))
	if !ok || len(val) == 0 {
		r.c.Warns.Add(ln, "cue setting %q ignored", f)
		return
	}
	switch string(name) {
	case "line":
		v, _, _ := bytes.Cut(val, []byte(","))
		if p, ok := bytes.CutSuffix(v, []byte("%")); ok {
			x, err := strconv.ParseFloat(string(p), 64)
			if err != nil || x < 0 || x > 100 {
				r.c.Warns.Add(ln, "cue setting %q ignored", f)
				return
			}
			r.row = percentRow(x)
			return
		}
		n, err := strconv.Atoi(string(v))
		if err != nil {
			r.c.Warns.Add(ln, "cue setting %q ignored", f)
			return
		}
		if n >= 0 {
			r.row = min(n+1, 23)
		} else {
			r.row = max(24+n, 1)
		}
	case "align":
		switch string(val) {
		case "start", "left":
			r.align = captions.AlignLeft
		case "center", "middle":
			r.align = captions.AlignCenter
		case "end", "right":
			r.align = captions.AlignRight
		default:
			r.c.Warns.Add(ln, "cue setting %q ignored", f)
		}
	case "position", "size", "vertical", "region":
		// Not part of the caption model; the text is unaffected.
	default:
		r.c.Warns.Add(ln, "unknown cue setting %q ignored", f)
	}
}

// Blank reports whether b is empty: in WebVTT only an empty line ends a
// cue.
func (t *cueText) Blank(b []byte) bool { return blank(b) }

// MayStartCue reports whether b ends the cue's text: a line after a
// blank line, or a line holding "-->".
func (t *cueText) MayStartCue(b []byte, afterBlank bool) bool {
	return afterBlank || isArrow(b)
}

// StartsCue pushes l back for the next block: after a blank line, or at
// a line holding "-->", the cue's text has ended.
func (t *cueText) StartsCue(c *cuetext.CueReader, l []byte, ln int, afterBlank bool) (bool, error) {
	c.Unread(l, ln)
	return true, nil
}

// style returns the style in force: that of the innermost open tag.
func (t *cueText) style() cuetext.Style {
	if len(t.stack) == 0 {
		return cuetext.Style{}
	}
	return t.stack[len(t.stack)-1].style
}

// TextLine reads one line of cue text with its markup.
func (t *cueText) TextLine(b []byte, ln int) {
	run := 0
	st := t.style()
	for i := 0; i < len(b); {
		switch b[i] {
		case '<':
			if i > run {
				t.c.Text.Append(b[run:i], st)
			}
			e := bytes.IndexByte(b[i:], '>')
			if e < 0 {
				// The tokenizer reads a tag to its ">": without one the
				// rest of the line is the tag, and is not shown.
				t.c.Warns.Add(ln, "unclosed tag %q removed", cuetext.Clip(b[i:]))
				i, run = len(b), len(b)
				continue
			}
			t.applyTag(b[i+1:i+e], ln)
			st = t.style()
			i += e + 1
			run = i
		case '&':
			rep, n := entity(b[i:])
			if n == 0 {
				i++
				continue
			}
			if i > run {
				t.c.Text.Append(b[run:i], st)
			}
			t.c.Text.AppendString(rep, st)
			i += n
			run = i
		default:
			i++
		}
	}
	if len(b) > run {
		t.c.Text.Append(b[run:], st)
	}
	t.c.Text.EndLine(ln, &t.c.Warns)
}

// entity decodes a character reference at the start of b.
func entity(b []byte) (string, int) {
	e := bytes.IndexByte(b[:min(len(b), 14)], ';') // looking no further keeps a line of "&" linear
	if e < 2 || e > 12 {
		return "", 0
	}
	name := b[1:e]
	switch string(name) {
	case "amp":
		return "&", e + 1
	case "lt":
		return "<", e + 1
	case "gt":
		return ">", e + 1
	case "nbsp":
		return "\u00a0", e + 1
	case "lrm":
		return "\u200e", e + 1
	case "rlm":
		return "\u200f", e + 1
	case "quot":
		return `"`, e + 1
	case "apos":
		return "'", e + 1
	}
	if name[0] == '#' && len(name) > 1 {
		var v uint64
		var err error
		if name[1] == 'x' || name[1] == 'X' {
			v, err = strconv.ParseUint(string(name[2:]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(name[1:]), 10, 32)
		}
		if err == nil && v > 0 && v <= utf8.MaxRune && utf8.ValidRune(rune(v)) {
			return string(rune(v)), e + 1
		}
	}
	return "", 0
}

// applyTag applies the tag whose text (between < and >) is tag, by the
// cue text parsing rules: a start tag of a known name opens a span, an
// end tag closes the innermost span when its name matches (or, for
// </ruby>, when an <rt> inside the ruby is innermost) and is otherwise
// ignored; timestamp tags and unknown tags are ignored. Each step costs
// the same however deep the spans nest.
func (t *cueText) applyTag(tag []byte, ln int) {
	if len(tag) == 0 {
		return
	}
	if tag[0] == '/' {
		name := tag[1:]
		n := len(t.stack)
		switch {
		case n > 0 && string(name) == t.stack[n-1].name:
			t.stack = t.stack[:n-1]
		case n > 1 && string(name) == "ruby" && t.stack[n-1].name == "rt" && t.stack[n-2].name == "ruby":
			t.stack = t.stack[:n-2]
		}
		return
	}
	if tag[0] >= '0' && tag[0] <= '9' {
		return // a timestamp inside the cue (karaoke): no effect on the text
	}
	head, annotation := tag, []byte(nil)
	if k := bytes.IndexAny(tag, " \t\f"); k >= 0 {
		head, annotation = tag[:k], tag[k+1:]
	}
	name, classes, _ := bytes.Cut(head, []byte("."))
	st := t.style()
	switch string(name) {
	case "i":
		st.Italic = true
	case "b":
		st.Bold = true
	case "u":
		st.Underline = true
	case "v":
		st.Speaker = unescape(bytes.Join(fields(annotation), []byte(" ")))
	case "rt":
		if n := len(t.stack); n == 0 || t.stack[n-1].name != "ruby" {
			return // <rt> opens only inside <ruby>
		}
	case "c", "lang", "ruby":
	default:
		t.c.Warns.Add(ln, "unknown tag <%s> removed", cuetext.Clip(tag))
		return
	}
	for len(classes) > 0 {
		var cls []byte
		cls, classes, _ = bytes.Cut(classes, []byte("."))
		if c, ok := cuetext.ColorByName(string(cls)); ok {
			st.Color = c
		}
	}
	t.stack = append(t.stack, span{name: string(name), style: st})
}

// unescape decodes character references in an annotation.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); {
		if b[i] == '&' {
			if rep, n := entity(b[i:]); n > 0 {
				out = append(out, rep...)
				i += n
				continue
			}
		}
		out = append(out, b[i])
		i++
	}
	return string(out)
}
