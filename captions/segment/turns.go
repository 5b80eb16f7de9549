package segment

import (
	"fmt"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

// Turns is a soundbite's turns, each tokenized and priced once for the
// search, so that captions can be made from them again at other prices
// (see Assemble). A Turns is not safe for concurrent use.
type Turns struct {
	r     rules.Profile
	units []turnBreaker
}

// turnBreaker is one turn, tokenized and priced for the search.
type turnBreaker struct {
	b    *breaker
	turn captions.Turn
}

// Prepare tokenizes and prices every turn that has words, for the profile
// r. Errors: a word longer than a line (ErrWordTooLong), named with its
// turn's speaker when known.
func Prepare(r rules.Profile, turns []captions.Turn) (*Turns, error) {
	return PrepareStyle(r, turns, nil)
}

// PrepareStyle is Prepare in the house style st (nil: DefaultStyle).
func PrepareStyle(r rules.Profile, turns []captions.Turn, st *Style) (*Turns, error) {
	units := make([]turnBreaker, 0, len(turns))
	for _, t := range turns {
		b, err := newBreaker(r, t.Text, st)
		if err != nil {
			if t.Speaker != "" {
				return nil, fmt.Errorf("%s: %w", t.Speaker, err)
			}
			return nil, err
		}
		if b != nil {
			units = append(units, turnBreaker{b: b, turn: t})
		}
	}
	for _, u := range units {
		u.b.memoize() // every search on a Turns differs only in its prices
	}
	return &Turns{r: r, units: units}, nil
}

// Len returns the number of turns that have words.
func (t *Turns) Len() int { return len(t.units) }

// Assemble solves every turn's search at perBlock per caption (with tc,
// when not nil, the price of each caption's screen time) and makes its
// captions, untimed. With dash set, a turn that makes one one-line caption
// shares it with the next turn's when that is one one-line caption too,
// each line led by the language's dash (Dash).
func (t *Turns) Assemble(perBlock float64, dash bool, tc *TimeCost) []captions.Caption {
	return t.AssembleEach(perBlock, dash, tc, len(t.units), nil)
}

// AssembleEach is Assemble with the price of screen time tc on the first
// squeeze turns only; when owner is not nil, it is set to the turn of each
// caption's first line.
func (t *Turns) AssembleEach(perBlock float64, dash bool, tc *TimeCost, squeeze int, owner *[]int) []captions.Caption {
	r, tbs := t.r, t.units
	type unit struct {
		blocks [][]string
		turn   captions.Turn
	}
	units := make([]unit, len(tbs))
	for k, tb := range tbs {
		if k < squeeze {
			tb.b.time = tc
		}
		units[k] = unit{blocks: tb.b.solve(perBlock), turn: tb.turn}
		tb.b.time = nil
	}
	var caps []captions.Caption
	own := func(i int) {
		if owner != nil {
			*owner = append(*owner, i)
		}
	}
	prefix := Dash(r.Language)
	for i := 0; i < len(units); i++ {
		u := units[i]
		if dash && r.MaxLines >= 2 && i+1 < len(units) && units[i+1].turn.Speaker != u.turn.Speaker &&
			len(u.blocks) == 1 && len(u.blocks[0]) == 1 &&
			len(units[i+1].blocks) == 1 && len(units[i+1].blocks[0]) == 1 {
			a, b := prefix+u.blocks[0][0], prefix+units[i+1].blocks[0][0]
			if r.Chars(a) <= float64(r.MaxCharsPerLine) && r.Chars(b) <= float64(r.MaxCharsPerLine) {
				v := units[i+1].turn
				caps = append(caps, captions.Caption{Lines: []captions.Line{
					{Text: a, Speaker: u.turn.Speaker, Italic: u.turn.Italic},
					{Text: b, Speaker: v.Speaker, Italic: v.Italic},
				}})
				own(i)
				i++
				continue
			}
		}
		for _, blk := range u.blocks {
			c := captions.Caption{Lines: make([]captions.Line, len(blk))}
			for k, l := range blk {
				c.Lines[k] = captions.Line{Text: l, Speaker: u.turn.Speaker, Italic: u.turn.Italic}
			}
			caps = append(caps, c)
			own(i)
		}
	}
	return caps
}
