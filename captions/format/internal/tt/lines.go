package tt

import (
	"strings"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
)

// runStyle is the caption style of a run of text.
type runStyle struct {
	italic  bool
	color   captions.Color
	speaker string
}

type piece struct {
	text string
	st   runStyle
}

// lineBuilder turns the text of a p into caption lines, handling white
// space as TTML does by default (XSL-FO's linefeed-treatment
// treat-as-space, white-space-collapse and suppress-at-line-break: runs
// of spaces, tabs and line feeds are one space, and none is kept at the
// start or end of a line), or keeping it where xml:space is preserve
// (a line feed then breaks the line).
type lineBuilder struct {
	line  []piece
	lines [][]piece
	space bool // the line so far ends in a collapsible space
	sb    strings.Builder
}

func (lb *lineBuilder) reset() {
	lb.line = lb.line[:0]
	lb.lines = lb.lines[:0]
	lb.space = true
}

// add appends text in style st.
func (lb *lineBuilder) add(text string, preserve bool, st runStyle) {
	if preserve {
		for {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				break
			}
			lb.put(strings.TrimSuffix(text[:i], "\r"), st)
			lb.breakLine()
			text = text[i+1:]
		}
		lb.put(text, st)
		lb.space = false
		return
	}
	sb := &lb.sb
	sb.Reset()
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if !lb.space {
				sb.WriteByte(' ')
				lb.space = true
			}
			continue
		}
		sb.WriteByte(c)
		lb.space = false
	}
	lb.put(sb.String(), st)
}

func (lb *lineBuilder) put(s string, st runStyle) {
	if s != "" {
		lb.line = append(lb.line, piece{s, st})
	}
}

// breakLine ends the current line.
func (lb *lineBuilder) breakLine() {
	lb.lines = append(lb.lines, append([]piece(nil), lb.line...))
	lb.line = lb.line[:0]
	lb.space = true
}

// finish returns the caption lines; blank reports that empty lines were
// dropped.
func (lb *lineBuilder) finish(w *cuetext.Warnings, lineNo int) (out []captions.Line, blank bool) {
	lb.breakLine()
	var b cuetext.LineBuilder
	for _, l := range lb.lines {
		// Trim the space at the end of the line.
		for len(l) > 0 {
			k := len(l) - 1
			t := strings.TrimRight(l[k].text, " ")
			if t != "" {
				l[k].text = t
				break
			}
			l = l[:k]
		}
		// And any space at its start (a preserved one too: a caption
		// line's edges hold no space).
		for len(l) > 0 {
			t := strings.TrimLeft(l[0].text, " ")
			if t != "" {
				l[0].text = t
				break
			}
			l = l[1:]
		}
		visible := false
		for _, p := range l {
			if strings.TrimSpace(p.text) != "" {
				visible = true
			}
		}
		if !visible {
			if len(l) > 0 || len(lb.lines) > 1 {
				blank = true
			}
			continue
		}
		for _, p := range l {
			b.AppendString(p.text, cuetext.Style{Italic: p.st.italic, Color: p.st.color, Speaker: p.st.speaker})
		}
		b.EndLine(lineNo, w)
	}
	return b.Take(), blank
}
