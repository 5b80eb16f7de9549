package cuetext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// Format is what a CueReader needs to know of a format to read a cue's
// text: where the text ends and how its lines are marked up.
type Format interface {
	// Blank reports whether line is blank, which ends a cue's text
	// unless what follows does not start a cue.
	Blank(line []byte) bool
	// MayStartCue reports, without reading on, whether line could begin
	// the next cue or block; only then is StartsCue asked.
	MayStartCue(line []byte, afterBlank bool) bool
	// StartsCue reports whether l (a copy the CueReader holds, read from
	// line ln) begins the next cue or block instead of going on with the
	// cue's text; afterBlank tells whether a blank line came before it. It
	// may read ahead with c.Next and must push back with c.Unread what it
	// read past l, and l too when it reports true.
	StartsCue(c *CueReader, l []byte, ln int, afterBlank bool) (bool, error)
	// TextLine reads line ln of cue text with its markup into c.Text,
	// ending it with c.Text.EndLine.
	TextLine(line []byte, ln int)
}

// CueReader holds what the SRT and WebVTT readers share: the lines of the
// input with up to two pushed back, the warnings, the text of the cue
// being read, and the count and order of the cues read. Memory is
// proportional to one cue. Call Init before use.
type CueReader struct {
	// File names the input in errors.
	File string
	// Origin is added to every time read.
	Origin time.Duration
	// Text builds the lines of the cue being read.
	Text LineBuilder
	// Warns collects the warnings about the input.
	Warns Warnings
	// Strict makes Read fail on a cue whose timing line cannot be parsed,
	// and on a cue that ends before it starts, instead of skipping or
	// keeping it with a warning.
	Strict bool
	// Skipped counts the malformed cues skipped (see Skip).
	Skipped int
	// skips keeps the first skipped cues' lines and reasons.
	skips Warnings

	lr    *LineReader
	pend  [2]pending
	npend int
	peek  []byte // copy of a line held while looking past it
	n     int    // cues read
	line  int    // timing line of the cue last returned
	prev  time.Duration
	err   error
	// badTiming is set by ParseTiming when it fails, so that Read can tell
	// a malformed cue from an input it cannot read on through.
	badTiming bool
}

type pending struct {
	b    []byte
	line int
}

// Init makes c read lines from r.
func (c *CueReader) Init(r io.Reader) {
	c.lr = NewLineReader(r)
	c.lr.Warn = func(line int, msg string) { c.Warns.Add(line, "%s", msg) }
}

// Read returns read's next caption, unless an earlier call failed: after
// an error every call returns the same error.
func (c *CueReader) Read(read func() (captions.Caption, error)) (captions.Caption, error) {
	if c.err != nil {
		return captions.Caption{}, c.err
	}
	for {
		c.badTiming = false
		cue, err := read()
		if err == nil || err == io.EOF {
			return cue, err
		}
		var pe *captions.ParseError
		if c.Strict || !c.badTiming || !errors.As(err, &pe) {
			c.err = err
			return captions.Caption{}, err
		}
		// Skip the rest of the malformed cue: up to the next blank line.
		c.Skip(pe.Line, "malformed cue", pe.Err.Error())
		for {
			b, _, err := c.Next()
			if err == io.EOF {
				return captions.Caption{}, io.EOF
			}
			if err != nil {
				c.err = err
				return captions.Caption{}, err
			}
			if len(bytes.TrimSpace(b)) == 0 {
				break
			}
		}
	}
}

// ReadAll calls read until io.EOF and returns the captions it gave.
func ReadAll(read func() (captions.Caption, error)) ([]captions.Caption, error) {
	var out []captions.Caption
	for {
		c, err := read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
}

// Count returns how many cues were read.
func (c *CueReader) Count() int { return c.n }

// Line returns the line number of the timing line of the cue last read.
func (c *CueReader) Line() int { return c.line }

// Errorf returns a *captions.ParseError about line and column col of the
// input (col 0 when no column helps).
func (c *CueReader) Errorf(line, col int, format string, args ...any) error {
	return &captions.ParseError{File: c.File, Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// Next returns the next line and its number, pushed back lines first. The
// line is valid until the next call of Next. At the end of the input it
// returns io.EOF; any other error is a *captions.ParseError.
func (c *CueReader) Next() ([]byte, int, error) {
	if c.npend > 0 {
		c.npend--
		p := &c.pend[c.npend]
		return p.b, p.line, nil
	}
	b, err := c.lr.Next()
	if err != nil {
		if err == io.EOF {
			return nil, c.lr.Line(), io.EOF
		}
		return nil, c.lr.Line(), c.Errorf(c.lr.Line(), 0, "%w", err)
	}
	return b, c.lr.Line(), nil
}

// Unread pushes a copy of line b (number line) back; the last pushed is
// read first. At most two lines may be pushed back.
func (c *CueReader) Unread(b []byte, line int) {
	p := &c.pend[c.npend]
	p.b = append(p.b[:0], b...)
	p.line = line
	c.npend++
}

// ReadCue reads the text of a cue whose timing line, number timingLine,
// gave start and end, up to the start of the next cue, and returns it as
// a caption with Origin added to its times. A blank line ends the text
// only when f.StartsCue says a cue follows it; otherwise it is reported
// and the text after it is kept in the cue. A cue with no text and one
// that starts before the cue before it are reported too.
func (c *CueReader) ReadCue(f Format, start, end time.Duration, timingLine int) (captions.Caption, error) {
	size := 0
	for {
		line, ln, err := c.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return captions.Caption{}, err
		}
		afterBlank := f.Blank(line)
		if afterBlank {
			for {
				line, ln, err = c.Next()
				if err != nil || !f.Blank(line) {
					break
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return captions.Caption{}, err
			}
		}
		if f.MayStartCue(line, afterBlank) {
			c.peek = append(c.peek[:0], line...)
			line = c.peek
			ok, err := f.StartsCue(c, line, ln, afterBlank)
			if err != nil {
				return captions.Caption{}, err
			}
			if ok {
				if !afterBlank {
					c.Warns.Add(ln, "no blank line before this cue")
				}
				break
			}
		}
		if afterBlank {
			c.Warns.Add(ln, "blank line inside cue %d (timing on line %d); the text after it is kept in the cue", c.n+1, timingLine)
		}
		if size += len(line) + 1; size > MaxCueText {
			return captions.Caption{}, c.Errorf(ln, 0, "%w (cue %d, timing on line %d)", ErrCueTooLong, c.n+1, timingLine)
		}
		f.TextLine(line, ln)
	}
	c.n++
	c.line = timingLine
	cue := captions.Caption{Start: start + c.Origin, End: end + c.Origin, Lines: c.Text.Take()}
	if len(cue.Lines) == 0 {
		c.Warns.Add(timingLine, "cue %d has no text", c.n)
	}
	if c.n > 1 && cue.Start < c.prev {
		c.Warns.Add(timingLine, "cue %d starts before the cue before it", c.n)
	}
	c.prev = cue.Start
	return cue, nil
}

// MaxCueText is the most text, in bytes of input, one cue may hold: a
// reader holds one cue in memory, so this bounds its memory whatever the
// input's size.
const MaxCueText = 16 << 20

// ErrCueTooLong is the cause of the error for a cue longer than
// MaxCueText.
var ErrCueTooLong = errors.New("cue text longer than 16 MiB")

// IsTiming reports whether line holds the "-->" of a timing line.
func IsTiming(line []byte) bool { return bytes.Contains(line, []byte("-->")) }

// Clip returns the start of b for a message.
func Clip(b []byte) string {
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// ParseTiming parses the "start --> end" of timing line b (number ln) in
// syntax syn and returns the times and the offset in b of what follows
// the end time (settings, or nothing). A loose timestamp and a
// zero-length cue are reported as warnings, as is a cue that ends before
// it starts unless Strict (players keep it; it is never shown); a
// malformed timestamp, a missing arrow and text stuck to the end time
// are a *captions.ParseError with the column.
func (c *CueReader) ParseTiming(b []byte, ln int, syn TimeSyntax) (start, end time.Duration, rest int, err error) {
	defer func() { c.badTiming = err != nil }()
	i := skipSpace(b, 0)
	start, n, loose, err := ParseTime(b[i:], syn)
	if err != nil {
		return 0, 0, 0, c.Errorf(ln, i+1, "%v: expected a time such as %s, found %q", err, syn.Example, Clip(b[i:]))
	}
	if loose {
		c.Warns.Add(ln, "start time %q is not in the form %s", b[i:i+n], syn.Example)
	}
	i = skipSpace(b, i+n)
	if !bytes.HasPrefix(b[i:], []byte("-->")) {
		return 0, 0, 0, c.Errorf(ln, i+1, `expected "-->" after the start time, found %q`, Clip(b[i:]))
	}
	i = skipSpace(b, i+3)
	end, n, loose, err = ParseTime(b[i:], syn)
	if err != nil {
		return 0, 0, 0, c.Errorf(ln, i+1, "%v: expected an end time such as %s, found %q", err, syn.EndExample, Clip(b[i:]))
	}
	if loose {
		c.Warns.Add(ln, "end time %q is not in the form %s", b[i:i+n], syn.Example)
	}
	i += n
	if i < len(b) && b[i] != ' ' && b[i] != '\t' {
		return 0, 0, 0, c.Errorf(ln, i+1, "unexpected %q after the end time", Clip(b[i:]))
	}
	switch {
	case end < start && c.Strict:
		return 0, 0, 0, c.Errorf(ln, 1, "cue ends (%s) before it starts (%s)", FormatTime(end), FormatTime(start))
	case end < start:
		c.Warns.Add(ln, "cue ends (%s) before it starts (%s); kept, though no player shows it", FormatTime(end), FormatTime(start))
	case end == start:
		c.Warns.Add(ln, "zero-length cue (starts and ends at %s); kept", FormatTime(start))
	}
	return start, end, i, nil
}

// Skip records that what (a cue, a block) at line was skipped for reason:
// it counts it, warns "WHAT skipped: REASON", and keeps the line and the
// reason for Skips, so that a caller (QC) can report every skipped cue
// without reading warning texts.
func (c *CueReader) Skip(line int, what, reason string) {
	c.Skipped++
	c.Warns.Add(line, "%s skipped: %s", what, reason)
	c.skips.Add(line, "%s", reason)
}

// Skips returns the line and reason of the first skipped cues (the first
// MaxWarnings of them; Skipped counts them all).
func (c *CueReader) Skips() []captions.Warning { return c.skips.List() }
