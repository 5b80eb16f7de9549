package cuetext

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
)

// Checked is a caption that passed Check, with its times in milliseconds
// on the file's timeline.
type Checked struct {
	Start, End int64
}

// Check applies the rules every SRT and WebVTT caption must keep before a
// byte of it is written: times not negative once origin is subtracted and
// they are rounded to the millisecond (hours have two or more digits in
// both formats, so a recording may run past 24 hours), an end not before
// the start (a zero-length cue is written: the caller warns), a start not before prevStart (the previous caption's
// start, or a negative value for the first), at least one line, and
// lines that are valid UTF-8, not blank and without line breaks. line,
// when not nil, adds the format's own rules for a line's text and
// speaker. index counts captions from 1 for the error.
func Check(c captions.Caption, origin time.Duration, prevStart int64, index int, line func(l captions.Line) error) (Checked, error) {
	fail := func(format string, args ...any) (Checked, error) { return failf(index, format, args...) }
	s, e := Millis(c.Start-origin), Millis(c.End-origin)
	switch {
	case s < 0:
		return fail("starts at %s, before 00:00:00.000 of the file", FormatTime(c.Start-origin))
	case e < 0:
		return fail("ends at %s, before 00:00:00.000 of the file", FormatTime(c.End-origin))
	case e < s:
		return fail("ends at %s, before its start %s (times are rounded to the millisecond)",
			FormatTime(c.End-origin), FormatTime(c.Start-origin))
	case s < prevStart:
		return fail("starts at %s, before the previous caption (%s): captions must be in order",
			FormatTime(c.Start-origin), string(AppendTime(nil, prevStart, '.')))
	case len(c.Lines) == 0:
		return fail("has no text")
	}
	for i, l := range c.Lines {
		switch {
		case !utf8.ValidString(l.Text):
			return fail("line %d is not valid UTF-8", i+1)
		}
		switch scanLine(l.Text) {
		case lineBlank:
			return fail("line %d is blank (a blank line ends a cue)", i+1)
		case lineBreak:
			return fail("line %d contains a line break; give each line its own Line", i+1)
		}
		switch {
		case !utf8.ValidString(l.Speaker) || strings.ContainsAny(l.Speaker, "\r\n"):
			return fail("line %d: speaker %q is not one line of UTF-8", i+1, l.Speaker)
		case l.Color > captions.ColorBlack:
			return fail("line %d: unknown colour %d", i+1, l.Color)
		}
		if line != nil {
			if err := line(l); err != nil {
				return fail("line %d: %w", i+1, err)
			}
		}
	}
	if c.Row < 0 || c.Row > 23 {
		return fail("row %d is outside the Teletext rows 1-23 (0 for the default)", c.Row)
	}
	if c.Align > captions.AlignRight {
		return fail("unknown alignment %d", c.Align)
	}
	return Checked{Start: s, End: e}, nil
}

// ErrArrow is the cause for text holding "-->", which readers take for a
// timing line.
var ErrArrow = errors.New(`text contains "-->", which readers take for a timing line`)

func failf(index int, format string, args ...any) (Checked, error) {
	return Checked{}, &captions.CaptionError{Caption: index, Err: fmt.Errorf(format, args...)}
}

const (
	lineOK = iota
	lineBlank
	lineBreak
)

// scanLine finds line breaks (CR, LF, U+2028, U+2029) and reports a line
// with nothing but white space as blank, in one pass.
func scanLine(s string) int {
	visible := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r', '\n':
			return lineBreak
		case ' ', '\t', '\v', '\f':
		default:
			if c < utf8.RuneSelf {
				visible = true
				continue
			}
			if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return lineBreak // U+2028, U+2029
			}
			if visible {
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			// Non-ASCII white space (NBSP, em space) alone is still blank.
			if !unicode.IsSpace(r) {
				visible = true
			}
			i += n - 1
		}
	}
	if !visible {
		return lineBlank
	}
	return lineOK
}
