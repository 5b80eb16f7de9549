package vtt

import (
	"bytes"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

var vttTime = cuetext.TimeSyntax{Example: "00:01:02.500", EndExample: "00:01:04.000", OptionalHours: true, Seps: "."}

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
	// SkipMalformed skips a cue whose timing line cannot be parsed, with a
	// warning naming its line (counted by Skipped), instead of failing:
	// for QC, which reports such cues rather than stopping at the first.
	// Converters leave it off so that no cue is ever lost.
	SkipMalformed bool

	c       cuetext.CueReader
	t       cueText
	started bool
}

// cueText reads the text of a WebVTT cue: where it ends and its markup,
// and the position its cue settings give.
type cueText struct {
	c     *cuetext.CueReader
	stack []span
	row   int
	align captions.Align
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
	r.c.File, r.c.Origin = r.File, r.Origin
	r.c.SkipMalformed = r.SkipMalformed
	return r.c.Read(r.read)
}

// Line returns the line number of the timing line of the cue Read last
// returned, for messages about it.
func (r *Reader) Line() int { return r.c.Line() }

// Skipped returns how many malformed cues SkipMalformed skipped.
func (r *Reader) Skipped() int { return r.c.Skipped }

// ReadAll reads every remaining cue.
func (r *Reader) ReadAll() ([]captions.Caption, error) { return cuetext.ReadAll(r.Read) }

// ReadOptions are Read's options: the Reader's settings of the same names.
type ReadOptions struct {
	File          string
	Origin        time.Duration
	SkipMalformed bool
}

// Read reads a whole WebVTT document from r.
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	rd := NewReader(r)
	rd.File, rd.Origin, rd.SkipMalformed = opts.File, opts.Origin, opts.SkipMalformed
	caps, err := rd.ReadAll()
	return captions.Document{Captions: caps}, rd.Warnings(), err
}

func blank(b []byte) bool { return len(b) == 0 }

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
	line, ln, err := r.c.Next()
	if err == io.EOF {
		return r.c.Errorf(1, 1, "empty input: expected the WEBVTT header")
	}
	if err != nil {
		return err
	}
	if !keyword(line, "WEBVTT") {
		return r.c.Errorf(ln, 1, "expected the WEBVTT header at the start of a WebVTT file, found %q", cuetext.Clip(line))
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
		if cuetext.IsTiming(line) {
			r.c.Warns.Add(ln, "no blank line between the header and the first cue")
			r.c.Unread(line, ln)
			return nil
		}
		r.c.Warns.Add(ln, "header line %q ignored", cuetext.Clip(line))
	}
}

// skipBlock skips the rest of a block up to a blank line.
func (r *Reader) skipBlock() error {
	for {
		line, _, err := r.c.Next()
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

// Blank reports whether b is empty: in WebVTT only an empty line ends a
// cue.
func (t *cueText) Blank(b []byte) bool { return blank(b) }

// MayStartCue reports whether b is a timing line or, after a blank
// line, anything.
func (t *cueText) MayStartCue(b []byte, afterBlank bool) bool {
	return afterBlank || cuetext.IsTiming(b)
}

// StartsCue reports whether line l (held by c, number ln) begins a block
// that is not text of the current cue: a timing line or, after a blank
// line, a NOTE, STYLE or REGION block or a line followed by a timing
// line (a cue identifier). When it does, the lines are pushed back.
func (t *cueText) StartsCue(c *cuetext.CueReader, l []byte, ln int, afterBlank bool) (bool, error) {
	if cuetext.IsTiming(l) || afterBlank && isOtherBlock(l) {
		c.Unread(l, ln)
		return true, nil
	}
	if !afterBlank {
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
	if cuetext.IsTiming(l2) {
		c.Unread(l, ln)
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
		line, ln, err = r.c.Next()
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
			r.c.Warns.Add(ln, "%s block ignored: its styling is not kept", bytes.Fields(line)[0])
			if err := r.skipBlock(); err != nil {
				return captions.Caption{}, err
			}
			continue
		}
		break
	}
	if !cuetext.IsTiming(line) {
		idLine := ln
		line, ln, err = r.c.Next()
		if err == io.EOF {
			return captions.Caption{}, r.c.Errorf(idLine+1, 0, "unexpected end of input: expected a timing line such as 00:00:01.000 --> 00:00:02.500 after the cue identifier on line %d", idLine)
		}
		if err != nil {
			return captions.Caption{}, err
		}
		if !cuetext.IsTiming(line) {
			return captions.Caption{}, r.c.Errorf(ln, 1, "expected a timing line such as 00:00:01.000 --> 00:00:02.500 after the cue identifier on line %d, found %q", idLine, cuetext.Clip(line))
		}
	}
	t := &r.t
	t.stack, t.row, t.align = t.stack[:0], 0, captions.AlignDefault
	start, end, rest, err := r.c.ParseTiming(line, ln, vttTime)
	if err != nil {
		return captions.Caption{}, err
	}
	for _, f := range bytes.Fields(line[rest:]) {
		t.setting(f, ln)
	}
	c, err := r.c.ReadCue(t, start, end, ln)
	c.Row, c.Align = t.row, t.align
	return c, err
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

func (r *cueText) style() cuetext.Style {
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

// TextLine reads one line of cue text with its markup.
func (r *cueText) TextLine(b []byte, ln int) {
	run := 0
	st := r.style()
	for i := 0; i < len(b); {
		switch b[i] {
		case '<':
			e := bytes.IndexByte(b[i:], '>')
			if e < 0 {
				r.c.Warns.Add(ln, "unclosed \"<\" kept as text")
				i = len(b)
				continue
			}
			if i > run {
				r.c.Text.Append(b[run:i], st)
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
				r.c.Text.Append(b[run:i], st)
			}
			r.c.Text.AppendString(rep, st)
			i += n
			run = i
		default:
			i++
		}
	}
	if len(b) > run {
		r.c.Text.Append(b[run:], st)
	}
	r.c.Text.EndLine(ln, &r.c.Warns)
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
func (r *cueText) applyTag(t []byte, ln int) {
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
		r.c.Warns.Add(ln, "unknown tag <%s> removed", cuetext.Clip(t))
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
