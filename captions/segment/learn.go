package segment

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sotcap/sotcap/captions/rules"
)

// ErrNothingToLearn is matched (errors.Is) by Learn's error when no
// reference can be used.
var ErrNothingToLearn = errors.New("no usable reference to learn from")

// LearnOptions tune Learn. The zero value uses the defaults.
type LearnOptions struct {
	// Epochs is the number of passes over the references; 0 lets
	// cross-validation choose among 3 and 6.
	Epochs int
	// Rate is the perceptron's step on a gap weight (the price per
	// caption moves a tenth of it per caption of difference); 0 lets
	// cross-validation choose among 0.1, 0.3 and 1. The rule costs the
	// weights add to run from 1 to 12: a small step keeps close to the
	// rules, a large one can overturn them for a house that breaks
	// elsewhere, and overfits a house that does not.
	Rate float64
	// Note is written into the style (what it was learned from), before
	// what Learn chose and why.
	Note string
	// Groups gives the file each reference comes from (Groups[i] for
	// refs[i]): cross-validation holds out whole files, so that a house
	// style is judged on files it did not learn from. Nil, or a single
	// file, holds out single references instead.
	Groups []int
	// Folds is the number of cross-validation folds (default 4, at most
	// one per file).
	Folds int
}

// Learned is the result of Learn: the style and how it was chosen.
type Learned struct {
	// Style is the style to use. It is the built-in style (DefaultStyle)
	// when no candidate beat it in cross-validation; its Note says which
	// was chosen and why.
	Style *Style
	// Chosen names the chosen candidate ("default" for the built-in
	// style).
	Chosen string
	// Default is set when the built-in style was kept.
	Default bool
	// Units is the number of references learned from; Folds the number
	// of cross-validation folds, ByFile whether they held out whole files.
	Units, Folds int
	ByFile       bool
	// CV holds every candidate's cross-validated score, the built-in
	// style first; CV[Best] scored highest (it is chosen only if the sign
	// test supports it).
	CV   []Candidate
	Best int
}

// Candidate is a setting Learn tried and its score on the references
// it did not learn from (cross-validation).
type Candidate struct {
	Name string
	// F1 is the break F1 where a break matches only a human break of
	// the same kind (line or caption) after the same word.
	F1 float64
	// Better and Worse count the references segmented closer to and
	// further from the human's (fewer or more gaps whose break differs)
	// than by the built-in style; P is the one-sided sign test's p-value
	// of Better against Worse.
	Better, Worse int
	P             float64
}

// String formats the candidate's score on one line.
func (c Candidate) String() string {
	return fmt.Sprintf("%s: break F1 %.3f, better on %d units, worse on %d, sign test p %.2g", c.Name, c.F1, c.Better, c.Worse, c.P)
}

// Shapes Learn tries: the built-in one, and two top-heavy house styles
// that fill the top line (Fill) and do not mind a short bottom line,
// one that still keeps a phrase together and one that fills the line
// over most phrase boundaries. A bottom-heavy pair costs what a
// top-heavy one costs in the built-in shape.
var learnShapes = []struct {
	name  string
	shape Shape
}{
	{"balanced", DefaultShape()},
	{"top-heavy", Shape{TopHeavy: 0, BottomHeavy: 1.5, ShortLine: 0, OneWordLine: 2, Fill: 10}},
	{"full top line", Shape{TopHeavy: 0, BottomHeavy: 1.5, ShortLine: 0, OneWordLine: 2, Fill: 30}},
}

// learnSignificance is the sign test's one-sided level, divided among
// the candidates (Bonferroni): the best of many candidates beats the
// built-in style by chance more often than any one does.
const learnSignificance = 0.05

// learnUnit is one reference Learn can use.
type learnUnit struct {
	b     *breaker
	ref   []uint8 // ref[g]: the human's break before token g
	group int
}

// Learn fits a house style to human-segmented references under the
// profile r, choosing among a small grid of settings by cross-validation
// on the references alone.
//
// A candidate is a line shape (balanced, as built in, or one of two
// top-heavy shapes; see Shape) with or without learned gap weights: an
// averaged structured perceptron that, starting from the built-in
// weights, runs the search on every reference and, where its breaks
// differ from the human's, moves the line-break and caption-break weights
// of the gap's feature (the punctuation before it and the UPOS tags of
// the words either side) and the price per caption towards the human's
// choice, at a rate and for a number of epochs from the grid (see
// LearnOptions). Each candidate is learned on all folds but one and
// scored on that one, in turn; the best by break F1 is refitted on every
// reference. It is chosen only if it beats the built-in style in
// cross-validation and a one-sided sign test over the references it
// segments better and worse supports that at 5 % divided by the number
// of candidates; otherwise Learn returns the built-in style. Either way
// the style's Note says which and why.
//
// The line-length and line-count limits stay hard: a reference whose
// lines break them is skipped, and no weight can make the search break
// them. Japanese and Chinese are not supported (their breaks fall
// between characters, not words); Korean, written with spaces, is.
func Learn(r rules.Profile, refs []Reference, o LearnOptions) (*Learned, error) {
	if !writesSpaces(r.Language) {
		return nil, fmt.Errorf("learn: %s: %w", r.Language, errors.ErrUnsupported)
	}
	if o.Groups != nil && len(o.Groups) != len(refs) {
		return nil, fmt.Errorf("learn: %d groups for %d references", len(o.Groups), len(refs))
	}
	var units []*learnUnit
	for i, u := range refs {
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
		g := i
		if o.Groups != nil {
			g = o.Groups[i]
		}
		units = append(units, &learnUnit{b: b, ref: ref, group: g})
	}
	if len(units) == 0 {
		return nil, ErrNothingToLearn
	}
	fold, k, byFile := assignFolds(units, o)

	rates := []float64{0.1, 0.3, 1}
	if o.Rate > 0 {
		rates = []float64{o.Rate}
	}
	epochs := []int{3, 6}
	if o.Epochs > 0 {
		epochs = []int{o.Epochs}
	}
	type setting struct {
		name   string
		shape  Shape
		rate   float64
		epochs int
	}
	var grid []setting // grid[0] is the built-in style
	for _, sh := range learnShapes {
		grid = append(grid, setting{name: "shape " + sh.name + ", no gap weights", shape: sh.shape})
		for _, rate := range rates {
			for _, ep := range epochs {
				grid = append(grid, setting{name: fmt.Sprintf("shape %s, rate %g × %d epochs", sh.name, rate, ep), shape: sh.shape, rate: rate, epochs: ep})
			}
		}
	}
	grid[0].name = "default"

	start := func(sh Shape) *Style {
		st := DefaultStyle()
		st.Shape = sh
		return st
	}
	// pred[c][u]: the breaks candidate c makes on unit u when u was not
	// learned from.
	pred := make([][][]uint8, len(grid))
	for c := range grid {
		pred[c] = make([][]uint8, len(units))
	}
	for f := range k {
		var train, test []*learnUnit
		var testAt []int
		for i, u := range units {
			if fold[i] == f {
				test, testAt = append(test, u), append(testAt, i)
			} else {
				train = append(train, u)
			}
		}
		// Candidates that share a shape and a rate share their run: the
		// averaged weights after each number of epochs are taken from it.
		for c := 0; c < len(grid); {
			s := grid[c]
			var styles []*Style
			n := 1
			if s.rate == 0 {
				styles = []*Style{start(s.shape)}
			} else {
				for c+n < len(grid) && grid[c+n].rate == s.rate && grid[c+n].shape == s.shape {
					n++
				}
				eps := make([]int, n)
				for d := range n {
					eps[d] = grid[c+d].epochs
				}
				styles = perceptron(train, start(s.shape), s.rate, eps)
			}
			for d, st := range styles {
				for t, u := range test {
					u.b.applyStyle(st)
					pred[c+d][testAt[t]] = u.b.gaps(DefaultBlockCost)
				}
			}
			c += n
		}
	}

	cv := make([]Candidate, len(grid))
	for c, s := range grid {
		cv[c] = scoreCandidate(s.name, units, pred[c], pred[0])
	}
	best := 0
	for c := range cv {
		if cv[c].F1 > cv[best].F1 {
			best = c
		}
	}
	level := learnSignificance / float64(len(grid)-1)
	out := &Learned{Units: len(units), Folds: k, ByFile: byFile, CV: cv, Best: best}
	how := fmt.Sprintf("%d-fold cross-validation by %s over %d units", k, map[bool]string{true: "file", false: "unit"}[byFile], len(units))
	var st *Style
	if best == 0 || cv[best].P >= level {
		st = DefaultStyle()
		out.Chosen, out.Default = "default", true
		why := "no candidate scored higher"
		if best != 0 {
			why = fmt.Sprintf("the best candidate (%s) scored break F1 %.3f against %.3f, better on %d units and worse on %d: sign test p %.2g, not under %.2g",
				cv[best].Name, cv[best].F1, cv[0].F1, cv[best].Better, cv[best].Worse, cv[best].P, level)
		}
		st.Note = fmt.Sprintf("kept the built-in style: %s; %s", why, how)
	} else {
		s := grid[best]
		st = start(s.shape)
		if s.rate > 0 {
			st = perceptron(units, st, s.rate, []int{s.epochs})[0]
		}
		out.Chosen = s.name
		st.Note = fmt.Sprintf("chose %s: break F1 %.3f against the built-in style's %.3f, better on %d units and worse on %d, sign test p %.2g (under %.2g); %s",
			s.name, cv[best].F1, cv[0].F1, cv[best].Better, cv[best].Worse, cv[best].P, level, how)
	}
	st.Language = r.Language
	if o.Note != "" {
		st.Note = o.Note + "; " + st.Note
	}
	out.Style = st
	return out, nil
}

// assignFolds gives each unit a cross-validation fold: whole files in
// turn, in the order of their first unit, when there are two or more
// files; single units in turn otherwise. It returns the folds, their
// number and whether they hold out files.
func assignFolds(units []*learnUnit, o LearnOptions) ([]int, int, bool) {
	k := o.Folds
	if k <= 0 {
		k = 4
	}
	order := map[int]int{}
	for _, u := range units {
		if _, ok := order[u.group]; !ok {
			order[u.group] = len(order)
		}
	}
	byFile := o.Groups != nil && len(order) >= 2
	fold := make([]int, len(units))
	if byFile {
		k = min(k, len(order))
		for i, u := range units {
			fold[i] = order[u.group] % k
		}
	} else {
		k = max(1, min(k, len(units)))
		for i := range units {
			fold[i] = i % k
		}
	}
	return fold, k, byFile
}

// perceptron runs the averaged perceptron from start over units for the
// largest of epochs (ascending) and returns the averaged style after
// each of them.
func perceptron(units []*learnUnit, start *Style, rate float64, epochs []int) []*Style {
	cur := *start
	// The average of the weights over every step is kept lazily: acc sums
	// each update times the number of steps before it, so that after T
	// steps the average is cur - acc/T (Daumé's trick), without adding
	// every weight at every step.
	var acc Style
	sumBlock := 0.0 // running sum of the price per caption
	steps := 0.0
	blockRate := rate / 10
	var out []*Style
	if len(units) == 0 {
		for range epochs {
			st := *start
			out = append(out, &st)
		}
		return out
	}
	for e := 1; e <= epochs[len(epochs)-1]; e++ {
		for _, u := range units {
			u.b.applyStyle(&cur)
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
					acc.eol[f] += rate * steps
				case gapEOB:
					cur.eob[f] += rate
					acc.eob[f] += rate * steps
				}
				switch u.ref[g] {
				case gapEOL:
					cur.eol[f] -= rate
					acc.eol[f] -= rate * steps
				case gapEOB:
					cur.eob[f] -= rate
					acc.eob[f] -= rate * steps
				}
			}
			cur.BlockCost = max(0, cur.BlockCost+blockRate*float64(nGot-nRef))
			sumBlock += cur.BlockCost
			steps++
		}
		if slices.Contains(epochs, e) {
			avg := cur
			for i := range numGapFeatures {
				avg.eol[i], avg.eob[i] = cur.eol[i]-acc.eol[i]/steps, cur.eob[i]-acc.eob[i]/steps
			}
			avg.BlockCost = sumBlock / steps
			out = append(out, &avg)
		}
	}
	return out
}

// scoreCandidate scores the breaks pred against the human's and, unit by
// unit, against the built-in style's breaks def.
func scoreCandidate(name string, units []*learnUnit, pred, def [][]uint8) Candidate {
	c := Candidate{Name: name}
	var tp, fp, fn float64
	for i, u := range units {
		wrong, wrongDef := 0, 0
		for g := 1; g < len(u.ref); g++ {
			got, want := pred[i][g], u.ref[g]
			switch {
			case got != gapNone && got == want:
				tp++
			case got != want:
				if got != gapNone {
					fp++
				}
				if want != gapNone {
					fn++
				}
			}
			if got != want {
				wrong++
			}
			if def[i][g] != want {
				wrongDef++
			}
		}
		switch {
		case wrong < wrongDef:
			c.Better++
		case wrong > wrongDef:
			c.Worse++
		}
	}
	if tp > 0 {
		p, r := tp/(tp+fp), tp/(tp+fn)
		c.F1 = 2 * p * r / (p + r)
	}
	c.P = signTest(c.Better, c.Worse)
	return c
}

// signTest returns the one-sided sign test's p-value of better successes
// against worse failures: the chance of at least better heads in
// better+worse fair coin tosses (1 when there are none).
func signTest(better, worse int) float64 {
	n := better + worse
	if n == 0 {
		return 1
	}
	lgn, _ := math.Lgamma(float64(n + 1))
	p := 0.0
	for x := better; x <= n; x++ {
		a, _ := math.Lgamma(float64(x + 1))
		b, _ := math.Lgamma(float64(n - x + 1))
		p += math.Exp(lgn - a - b - float64(n)*math.Ln2)
	}
	return min(p, 1)
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
