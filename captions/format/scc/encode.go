package scc

import (
	"errors"
	"fmt"

	"github.com/sotcap/sotcap/captions"
)

// Limits of a pop-on caption.
const (
	// MaxChars is how many characters a 608 row holds.
	MaxChars = screenCols
	// MaxRows is how many rows a pop-on caption may have.
	MaxRows = 4
)

// Errors wrapped in the *captions.CaptionError of Write.
var (
	// ErrLineTooLong: a line needs more than 32 cells (characters, plus
	// the mid-row code cell a coloured or italic line may need).
	ErrLineTooLong = errors.New("line too long for a 608 row")
	ErrTooManyRows = errors.New("too many rows for a pop-on caption")
	ErrNoText      = errors.New("caption has no text")
	ErrCharacter   = errors.New("character CEA-608 cannot carry")
	// ErrNoRoom: the caption's data cannot be sent before it appears.
	ErrNoRoom = errors.New("no time to send the caption before it appears")
	ErrTiming = errors.New("caption times cannot be written")
)

// pair is a byte pair without its parity bits.
type pair [2]byte

// encoder turns captions into byte pairs.
type encoder struct {
	moved []string // captions MoveLate started later
	ch    byte     // chanBit for CC2
	pairs []pair
	subst map[rune]*substitution
	order []rune
	black int
	caps  int // index of the caption being encoded, for substitution
	toks  []token
	subFn func(r rune, with string)
}

type substitution struct {
	with         string
	count, first int
}

// ctrl appends a control code twice.
func (e *encoder) ctrl(b1, b2 byte) {
	b1 |= e.ch
	e.pairs = append(e.pairs, pair{b1, b2}, pair{b1, b2})
}

var colorCode = map[captions.Color]int{
	captions.ColorDefault: colorWhite, captions.ColorWhite: colorWhite, captions.ColorGreen: colorGreen,
	captions.ColorBlue: colorBlue, captions.ColorCyan: colorCyan, captions.ColorRed: colorRed,
	captions.ColorYellow: colorYellow, captions.ColorMagenta: colorMagenta,
}

// load appends the byte pairs that load caption c into non-displayed
// memory: RCL, ENM, then for each line a PAC (row and indent), a tab
// offset and mid-row codes as needed, and the text. Every control code is
// sent twice.
func (e *encoder) load(c captions.Caption) error {
	if len(c.Lines) == 0 {
		return ErrNoText
	}
	if len(c.Lines) > MaxRows {
		return fmt.Errorf("%w: %d lines, a pop-on caption has at most %d rows", ErrTooManyRows, len(c.Lines), MaxRows)
	}
	e.ctrl(miscCC1, codeRCL)
	e.ctrl(miscCC1, codeENM)
	n := len(c.Lines)
	top := screenRows - n + 1
	if c.Row > 0 {
		top = min(ceaRow(c.Row), top)
	}
	left := leftColumn(c)
	for j, l := range c.Lines {
		var err error
		e.toks, _, err = encodeText(e.toks[:0], l.Text, e.subFn)
		if err != nil {
			return fmt.Errorf("line %d: %w: %w", j+1, ErrCharacter, err)
		}
		lt := e.toks
		cells := len(lt)
		if cells == 0 {
			return fmt.Errorf("line %d: %w: the line is empty", j+1, ErrNoText)
		}
		if cells > screenCols {
			return fmt.Errorf("line %d: %w: %d characters, a row holds %d", j+1, ErrLineTooLong, cells, screenCols)
		}
		color, ok := colorCode[l.Color]
		if !ok {
			e.black++ // black (608 has it only as an optional attribute)
			color = colorWhite
		}
		mid := 0
		if color != colorWhite {
			mid++
		}
		if l.Italic {
			mid++
		}
		var col int
		switch c.Align {
		case captions.AlignLeft:
			col = left
		case captions.AlignRight:
			col = screenCols - cells
		default:
			col = (screenCols - cells) / 2
		}
		row := top + j
		if mid > 0 && col < mid {
			// A style PAC at column 0 carries the colour or the italics
			// without a cell; coloured italics need one mid-row code more.
			if color != colorWhite {
				e.pac(pacStyle(row, color))
				col = 0
				if l.Italic {
					e.ctrl(midRow, 0x20+colorItalics<<1)
					col = 1
				}
			} else {
				e.pac(pacStyle(row, colorItalics))
				col = 0
			}
		} else {
			p := col - mid
			e.pac(pacIndent(row, p/4*4))
			if p%4 > 0 {
				e.ctrl(tabCode, 0x20+byte(p%4))
			}
			if color != colorWhite {
				e.ctrl(midRow, 0x20+byte(color)<<1)
			}
			if l.Italic {
				e.ctrl(midRow, 0x20+colorItalics<<1)
			}
		}
		if col+cells > screenCols {
			return fmt.Errorf("line %d: %w: %d characters in coloured italics, which take a mid-row code cell, so the row holds %d", j+1, ErrLineTooLong, cells, screenCols-1)
		}
		e.text(lt)
	}
	return nil
}

// leftColumn is where a left-aligned caption's lines start: column 1 when
// a line is in coloured italics (its colour PAC and italics code put its
// text there) and every line fits, so the lines stay aligned; else 0.
func leftColumn(c captions.Caption) int {
	if c.Align != captions.AlignLeft {
		return 0
	}
	shift := false
	for _, l := range c.Lines {
		if col, ok := colorCode[l.Color]; ok && col != colorWhite && l.Italic {
			shift = true
		}
	}
	if !shift {
		return 0
	}
	for _, l := range c.Lines {
		if n := Cells(l.Text); n < 0 || n >= screenCols {
			return 0
		}
	}
	return 1
}

func (e *encoder) pac(p [2]byte) { e.ctrl(p[0], p[1]) }

// text appends the characters: basic ones two to a pair, special ones as
// control pairs (twice), extended ones after their basic look-alike.
func (e *encoder) text(toks []token) {
	var pend byte
	has := false
	basicByte := func(b byte) {
		if has {
			e.pairs = append(e.pairs, pair{pend, b})
			has = false
		} else {
			pend, has = b, true
		}
	}
	flush := func() {
		if has {
			e.pairs = append(e.pairs, pair{pend, 0})
			has = false
		}
	}
	for _, t := range toks {
		switch t.kind {
		case tokBasic:
			basicByte(t.b)
		case tokSpecial:
			flush()
			e.ctrl(midRow, t.b)
		case tokExtended:
			basicByte(extendedFallback[int(t.set-0x12)*32+int(t.b-0x20)])
			flush()
			e.ctrl(t.set, t.b)
		}
	}
	flush()
}

func (e *encoder) substituted(r rune, with string) {
	if e.subst == nil {
		e.subst = map[rune]*substitution{}
	}
	s := e.subst[r]
	if s == nil {
		s = &substitution{with: with, first: e.caps + 1}
		e.subst[r] = s
		e.order = append(e.order, r)
	}
	s.count++
}

// warnings reports the transliterations and colours 608 lacks.
func (e *encoder) warnings() []captions.Warning {
	var w []captions.Warning
	for _, r := range e.order {
		s := e.subst[r]
		w = append(w, captions.Warning{Message: fmt.Sprintf("SCC: CEA-608 has no %q (%U): written as %q %d times, first in caption %d", r, r, s.with, s.count, s.first)})
	}
	if e.black > 0 {
		w = append(w, captions.Warning{Message: fmt.Sprintf("SCC: CEA-608 has black text only as an optional attribute few decoders show: %d black lines written in white", e.black)})
	}
	if len(e.moved) > 0 {
		w = append(w, captions.Warning{Message: fmt.Sprintf("SCC: %d captions start later so that their data can be sent before they appear (2 bytes a frame); first: %s", len(e.moved), e.moved[0])})
	}
	return w
}

// warnMoved records a caption MoveLate started later.
func (e *encoder) warnMoved(format string, a ...any) {
	e.moved = append(e.moved, fmt.Sprintf(format, a...))
}
