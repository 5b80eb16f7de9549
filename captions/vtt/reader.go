package vtt

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/internal/cuetext"
)

var vttTime = cuetext.TimeSyntax{Example: "00:01:02.500", OptionalHours: true, Seps: "."}

// Reader reads WebVTT cues one at a time.
//
// The file must start with the WEBVTT header (after an optional byte
// order mark); a file without it is an error, not an empty file. NOTE,
// STYLE and REGION blocks are skipped (STYLE and REGION with a warning,
// since their styling is not kept). Cue text markup is read into the
// caption model: <v Name> gives Line.Speaker, <i> Line.Italic, and the
// colour classes (<c.yellow>, <c.lime>, …) Line.Color; other tags are
// removed and the entities &amp; &lt; &gt; &nbsp; &lrm; &rlm; and
// numeric references are decoded. A style that covers only part of a
// line cannot be kept and is reported as a warning; the text is always
// kept, with the whitespace between tags. The cue settings line: and
// align: give Caption.Row and Caption.Align.
//
// Timestamps must be well formed (mm:ss.ttt or hh:mm:ss.ttt): a
// malformed timing line is a *captions.ParseError with its line and
// column, as are a missing header and a block that is neither a cue nor
// a NOTE, STYLE or REGION. What Reader tolerates, each with a warning: a
// missing blank line before a cue, a blank line inside a cue (the text
// after it stays in the cue, where a browser would drop it), a cue with
// no text, a cue that starts before the previous one, unknown cue
// settings and lines that are not UTF-8 (read as Windows-1252).
type Reader struct {
	// File names the input in errors.
	File string
	// Origin is added to every time read, placing the file's
	// 00:00:00.000 on the programme timeline.
	Origin time.Duration

	lr      *cuetext.LineReader
	warns   cuetext.Warnings
	pend    [2]pending
	npend   int
	peek    []byte
	lb      cuetext.LineBuilder
	n       int
	line    int // timing line of the cue last returned
	prev    time.Duration
	err     error
	started bool

	stack []span
	row   int
	align captions.Align
}

type pending struct {
	b    []byte
	line int
}

// span is an open tag in cue text.
type span struct {
	name     string
	italic   bool
	color    captions.Color
	hasColor bool
	speaker  string
	voice    bool
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	rd := &Reader{lr: cuetext.NewLineReader(r)}
	rd.lr.Warn = func(line int, msg string) { rd.warns.Add(line, "%s", msg) }
	return rd
}

// Warnings returns the first 100 warnings about the input read so far.
func (r *Reader) Warnings() []captions.Warning { return r.warns.List() }

// WarningCount returns how many warnings there were, including those
// past the first 100.
func (r *Reader) WarningCount() int { return r.warns.Count() }

// Read returns the next cue as a caption, or io.EOF after the last one.
// A malformed cue is a *captions.ParseError; after an error every call
// returns the same error.
func (r *Reader) Read() (captions.Caption, error) {
	if r.err != nil {
		return captions.Caption{}, r.err
	}
	c, err := r.read()
	if err != nil {
		r.err = err
		return captions.Caption{}, err
	}
	return c, nil
}

// Line returns the line number of the timing line of the cue Read last
// returned, for messages about it.
func (r *Reader) Line() int { return r.line }

// ReadAll reads every remaining cue.
func (r *Reader) ReadAll() ([]captions.Caption, error) {
	var out []captions.Caption
	for {
		c, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
}

// Read reads a whole WebVTT document from r. name is used in errors.
func Read(r io.Reader, name string) (captions.Document, []captions.Warning, error) {
	rd := NewReader(r)
	rd.File = name
	caps, err := rd.ReadAll()
	return captions.Document{Captions: caps}, rd.Warnings(), err
}

func (r *Reader) errorf(line, col int, format string, args ...any) error {
	return &captions.ParseError{File: r.File, Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

func (r *Reader) next() ([]byte, int, error) {
	if r.npend > 0 {
		r.npend--
		p := &r.pend[r.npend]
		return p.b, p.line, nil
	}
	b, err := r.lr.Next()
	if err != nil {
		if err == io.EOF {
			return nil, r.lr.Line(), io.EOF
		}
		return nil, r.lr.Line(), r.errorf(r.lr.Line(), 0, "%w", err)
	}
	return b, r.lr.Line(), nil
}

func (r *Reader) unread(b []byte, line int) {
	p := &r.pend[r.npend]
	p.b = append(p.b[:0], b...)
	p.line = line
	r.npend++
}

func blank(b []byte) bool { return len(b) == 0 }

func isTiming(b []byte) bool { return bytes.Contains(b, []byte("-->")) }

// keyword reports whether line starts with word followed by nothing, a
// space or a tab.
func keyword(line []byte, word string) bool {
	return bytes.HasPrefix(line, []byte(word)) && (len(line) == len(word) || line[len(word)] == ' ' || line[len(word)] == '\t')
}

func isOtherBlock(l []byte) bool {
	return keyword(l, "NOTE") || keyword(l, "STYLE") || keyword(l, "REGION")
}

// readHeader reads the WEBVTT line and the header block after it.
func (r *Reader) readHeader() error {
	line, ln, err := r.next()
	if err == io.EOF {
		return r.errorf(1, 1, "empty input: expected the WEBVTT header")
	}
	if err != nil {
		return err
	}
	if !keyword(line, "WEBVTT") {
		return r.errorf(ln, 1, "expected the WEBVTT header at the start of a WebVTT file, found %q", clip(line))
	}
	for {
		line, ln, err = r.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(line) {
			return nil
		}
		if isTiming(line) {
			r.warns.Add(ln, "no blank line between the header and the first cue")
			r.unread(line, ln)
			return nil
		}
		r.warns.Add(ln, "header line %q ignored", clip(line))
	}
}

func clip(b []byte) string {
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}

// skipBlock skips the rest of a block up to a blank line.
func (r *Reader) skipBlock() error {
	for {
		line, _, err := r.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(line) {
			return nil
		}
	}
}

// startsBlock reports whether line l (owned by the caller, number ln)
// begins a block that is not text of the current cue. When it does, the
// lines are pushed back.
func (r *Reader) startsBlock(l []byte, ln int) (bool, error) {
	if isTiming(l) || isOtherBlock(l) {
		r.unread(l, ln)
		return true, nil
	}
	r.peek = append(r.peek[:0], l...)
	l2, ln2, err := r.next()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	r.unread(l2, ln2)
	if isTiming(l2) {
		r.unread(r.peek, ln)
		return true, nil
	}
	return false, nil
}

func (r *Reader) read() (captions.Caption, error) {
	if !r.started {
		r.started = true
		if err := r.readHeader(); err != nil {
			return captions.Caption{}, err
		}
	}
	var (
		line []byte
		ln   int
		err  error
	)
	for {
		line, ln, err = r.next()
		if err != nil {
			return captions.Caption{}, err
		}
		if blank(line) {
			continue
		}
		if keyword(line, "NOTE") {
			if err := r.skipBlock(); err != nil {
				return captions.Caption{}, err
			}
			continue
		}
		if keyword(line, "STYLE") || keyword(line, "REGION") {
			r.warns.Add(ln, "%s block ignored: its styling is not kept", bytes.Fields(line)[0])
			if err := r.skipBlock(); err != nil {
				return captions.Caption{}, err
			}
			continue
		}
		break
	}
	if !isTiming(line) {
		idLine := ln
		line, ln, err = r.next()
		if err == io.EOF {
			return captions.Caption{}, r.errorf(idLine+1, 0, "unexpected end of input: expected a timing line such as 00:00:01.000 --> 00:00:02.500 after the cue identifier on line %d", idLine)
		}
		if err != nil {
			return captions.Caption{}, err
		}
		if !isTiming(line) {
			return captions.Caption{}, r.errorf(ln, 1, "expected a timing line such as 00:00:01.000 --> 00:00:02.500 after the cue identifier on line %d, found %q", idLine, clip(line))
		}
	}
	r.stack, r.row, r.align = r.stack[:0], 0, captions.AlignDefault
	start, end, err := r.parseTiming(line, ln)
	if err != nil {
		return captions.Caption{}, err
	}
	timingLine := ln
	for {
		line, ln, err = r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return captions.Caption{}, err
		}
		if !blank(line) {
			if isTiming(line) {
				r.unread(line, ln)
				r.warns.Add(ln, "no blank line before this cue")
				break
			}
			r.textLine(line, ln)
			continue
		}
		for {
			line, ln, err = r.next()
			if err != nil || !blank(line) {
				break
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return captions.Caption{}, err
		}
		l := append(r.peek[:0], line...)
		r.peek = l
		ok, err := r.startsBlock(l, ln)
		if err != nil {
			return captions.Caption{}, err
		}
		if ok {
			break
		}
		r.warns.Add(ln, "blank line inside cue %d (timing on line %d); the text after it is kept in the cue", r.n+1, timingLine)
		r.textLine(append(line[:0:0], l...), ln)
	}
	r.n++
	r.line = timingLine
	c := captions.Caption{Start: start + r.Origin, End: end + r.Origin, Lines: r.lb.Take(), Row: r.row, Align: r.align}
	if len(c.Lines) == 0 {
		r.warns.Add(timingLine, "cue %d has no text", r.n)
	}
	if r.n > 1 && c.Start < r.prev {
		r.warns.Add(timingLine, "cue %d starts before the cue before it", r.n)
	}
	r.prev = c.Start
	return c, nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// parseTiming parses "start --> end [settings]".
func (r *Reader) parseTiming(b []byte, ln int) (start, end time.Duration, err error) {
	i := skipSpace(b, 0)
	start, n, _, err := cuetext.ParseTime(b[i:], vttTime)
	if err != nil {
		return 0, 0, r.errorf(ln, i+1, "%v: expected a time such as 00:01:02.500, found %q", err, clip(b[i:]))
	}
	i = skipSpace(b, i+n)
	if !bytes.HasPrefix(b[i:], []byte("-->")) {
		return 0, 0, r.errorf(ln, i+1, `expected "-->" after the start time, found %q`, clip(b[i:]))
	}
	i = skipSpace(b, i+3)
	end, n, _, err = cuetext.ParseTime(b[i:], vttTime)
	if err != nil {
		return 0, 0, r.errorf(ln, i+1, "%v: expected an end time such as 00:01:04.000, found %q", err, clip(b[i:]))
	}
	i += n
	if i < len(b) && b[i] != ' ' && b[i] != '\t' {
		return 0, 0, r.errorf(ln, i+1, "unexpected %q after the end time", clip(b[i:]))
	}
	if end < start {
		return 0, 0, r.errorf(ln, 1, "cue ends (%s) before it starts (%s)", cuetext.FormatTime(end), cuetext.FormatTime(start))
	}
	for _, f := range bytes.Fields(b[i:]) {
		r.setting(f, ln)
	}
	return start, end, nil
}

// setting applies one cue setting.
func (r *Reader) setting(f []byte, ln int) {
	name, val, ok := bytes.Cut(f, []byte(":"))
	if !ok || len(val) == 0 {
		r.warns.Add(ln, "cue setting %q ignored", f)
		return
	}
	switch string(name) {
	case "line":
		v, _, _ := bytes.Cut(val, []byte(","))
		if p, ok := bytes.CutSuffix(v, []byte("%")); ok {
			x, err := strconv.ParseFloat(string(p), 64)
			if err != nil || x < 0 || x > 100 {
				r.warns.Add(ln, "cue setting %q ignored", f)
				return
			}
			r.row = percentRow(x)
			return
		}
		n, err := strconv.Atoi(string(v))
		if err != nil {
			r.warns.Add(ln, "cue setting %q ignored", f)
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
			r.warns.Add(ln, "cue setting %q ignored", f)
		}
	case "position", "size", "vertical", "region":
		// Not part of the caption model; the text is unaffected.
	default:
		r.warns.Add(ln, "unknown cue setting %q ignored", f)
	}
}

func (r *Reader) style() cuetext.Style {
	var st cuetext.Style
	colorSet, voiceSet := false, false
	for i := len(r.stack) - 1; i >= 0; i-- {
		s := &r.stack[i]
		if s.italic {
			st.Italic = true
		}
		if s.hasColor && !colorSet {
			st.Color, colorSet = s.color, true
		}
		if s.voice && !voiceSet {
			st.Speaker, voiceSet = s.speaker, true
		}
	}
	return st
}

// textLine reads one line of cue text with its markup.
func (r *Reader) textLine(b []byte, ln int) {
	run := 0
	st := r.style()
	for i := 0; i < len(b); {
		switch b[i] {
		case '<':
			e := bytes.IndexByte(b[i:], '>')
			if e < 0 {
				r.warns.Add(ln, "unclosed \"<\" kept as text")
				i = len(b)
				continue
			}
			if i > run {
				r.lb.Append(b[run:i], st)
			}
			r.applyTag(b[i+1:i+e], ln)
			st = r.style()
			i += e + 1
			run = i
		case '&':
			rep, n := entity(b[i:])
			if n == 0 {
				i++
				continue
			}
			if i > run {
				r.lb.Append(b[run:i], st)
			}
			r.lb.AppendString(rep, st)
			i += n
			run = i
		default:
			i++
		}
	}
	if len(b) > run {
		r.lb.Append(b[run:], st)
	}
	r.lb.EndLine(ln, &r.warns)
}

// entity decodes a character reference at the start of b.
func entity(b []byte) (string, int) {
	e := bytes.IndexByte(b, ';')
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

// applyTag applies the tag whose text (between < and >) is t.
func (r *Reader) applyTag(t []byte, ln int) {
	if len(t) == 0 {
		return
	}
	if t[0] == '/' {
		name := string(bytes.TrimSpace(t[1:]))
		for i := len(r.stack) - 1; i >= 0; i-- {
			if r.stack[i].name == name {
				r.stack = r.stack[:i]
				return
			}
		}
		return
	}
	if t[0] >= '0' && t[0] <= '9' {
		return // a timestamp inside the cue (karaoke): no effect on the text
	}
	head, annotation := t, []byte(nil)
	if k := bytes.IndexAny(t, " \t"); k >= 0 {
		head, annotation = t[:k], bytes.TrimSpace(t[k+1:])
	}
	parts := bytes.Split(head, []byte("."))
	name := string(parts[0])
	s := span{name: name}
	switch name {
	case "i":
		s.italic = true
	case "v":
		s.voice = true
		s.speaker = unescape(annotation)
	case "c", "b", "u", "lang", "ruby", "rt":
	default:
		r.warns.Add(ln, "unknown tag <%s> removed", clip(t))
		return
	}
	for _, cls := range parts[1:] {
		if c, ok := cuetext.ColorByName(string(cls)); ok {
			s.color, s.hasColor = c, true
		}
	}
	r.stack = append(r.stack, s)
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
