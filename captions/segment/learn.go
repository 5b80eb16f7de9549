package segment

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/rules"
)

// ErrNothingToLearn is matched (errors.Is) by Learn's error when no
// reference can be used.
var ErrNothingToLearn = errors.New("no usable reference to learn from")

// LearnOptions tune Learn. The zero value uses the defaults.
type LearnOptions struct {
	Epochs int    // passes over the references (default 6)
	Note   string // written into the style (what it was learned from)
	// Rate is the perceptron's step on a gap weight (default 0.1); the
	// price per caption moves a tenth of it per caption of difference.
	Rate float64
}

// Learn fits a house style to human-segmented references under the
// profile r: starting from DefaultStyle, an averaged structured
// perceptron runs the search on every reference and, where its breaks
// differ from the human's, moves the line-break and caption-break weights
// of the gap's feature (the punctuation before it and the UPOS tags of
// the words either side) and the price per caption towards the human's
// choice. The line-length and line-count limits stay hard: a reference
// whose lines break them is skipped, and no weight can make the search
// break them. CJK languages are not supported (their breaks fall between
// characters, not words).
func Learn(r rules.Profile, refs []Reference, o LearnOptions) (*Style, error) {
	if measure.IsCJK(r.Language) {
		return nil, fmt.Errorf("learn: %s: %w", r.Language, errors.ErrUnsupported)
	}
	epochs := o.Epochs
	if epochs <= 0 {
		epochs = 6
	}
	type unit struct {
		b   *breaker
		ref []uint8 // ref[g]: the human's break before token g
	}
	var units []unit
	for _, u := range refs {
		if len(u.Words) < 2 || !fits(r, u) {
			continue
		}
		b, err := newBreaker(r, strings.Join(u.Words, " "), nil)
		if err != nil || b == nil || len(b.toks) != len(u.Words) {
			continue
		}
		ref := make([]uint8, len(u.Words))
		for k := 0; k+1 < len(u.Words); k++ {
			ref[k+1] = uint8(u.Breaks[k])
		}
		units = append(units, unit{b, ref})
	}
	if len(units) == 0 {
		return nil, ErrNothingToLearn
	}
	cur := DefaultStyle()
	cur.Language = r.Language
	cur.Note = o.Note
	var sum Style // running sum of the weights, for the average
	steps := 0.0
	rate := o.Rate
	if rate <= 0 {
		rate = 0.1
	}
	blockRate := rate / 10
	for range epochs {
		for _, u := range units {
			u.b.applyStyle(cur)
			got := u.b.gaps(DefaultBlockCost)
			nGot, nRef := 0, 0
			for g := 1; g < len(got); g++ {
				if got[g] == gapEOB {
					nGot++
				}
				if u.ref[g] == gapEOB {
					nRef++
				}
				if got[g] == u.ref[g] {
					continue
				}
				f := u.b.feat[g]
				switch got[g] {
				case gapEOL:
					cur.eol[f] += rate
				case gapEOB:
					cur.eob[f] += rate
				}
				switch u.ref[g] {
				case gapEOL:
					cur.eol[f] -= rate
				case gapEOB:
					cur.eob[f] -= rate
				}
			}
			cur.BlockCost = max(0, cur.BlockCost+blockRate*float64(nGot-nRef))
			for i := range numGapFeatures {
				sum.eol[i] += cur.eol[i]
				sum.eob[i] += cur.eob[i]
			}
			sum.BlockCost += cur.BlockCost
			steps++
		}
	}
	out := *cur
	for i := range numGapFeatures {
		out.eol[i], out.eob[i] = sum.eol[i]/steps, sum.eob[i]/steps
	}
	out.BlockCost = sum.BlockCost / steps
	return &out, nil
}

// fits reports whether every line of u is within r's limits.
func fits(r rules.Profile, u Reference) bool {
	lines, line := 1, 0.0
	start := 0
	for k := range u.Words {
		if k+1 == len(u.Words) || u.Breaks[k] != NoBreak {
			line = r.Chars(strings.Join(u.Words[start:k+1], " "))
			if line > float64(r.MaxCharsPerLine) || lines > max(r.MaxLines, 1) {
				return false
			}
			start = k + 1
			if k+1 < len(u.Words) && u.Breaks[k] == LineBreak {
				lines++
			} else {
				lines = 1
			}
		}
	}
	return true
}
