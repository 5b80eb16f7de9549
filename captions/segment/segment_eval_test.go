package segment

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
)

// This file scores Break against hand-segmented English (see
// testdata/SEGMENT_EVAL.md for how the references were written). The
// scores are logged, not asserted: the assertions are the properties that
// cannot be tuned (every word kept in order, every line within 42
// characters, at most two lines) and a floor far below the current score,
// so that a regression fails without the test fitting one file.

// evalUnit is one reference line: its words and, after each word but the
// last, the break that follows it ("" none, "eol" or "eob").
type evalUnit struct {
	words  []string
	breaks []string
}

// parseTagged reads one MuST-Cinema line: words with <eol> and <eob> tags.
func parseTagged(line string) evalUnit {
	var u evalUnit
	for _, f := range strings.Fields(line) {
		switch f {
		case "<eol>", "<eob>":
			if n := len(u.breaks); n > 0 {
				u.breaks[n-1] = f[1:4]
			}
		default:
			u.words = append(u.words, f)
			u.breaks = append(u.breaks, "")
		}
	}
	return u
}

// taggedOf writes captions as one MuST-Cinema line.
func taggedOf(caps [][]string) string {
	var sb strings.Builder
	for _, c := range caps {
		for k, l := range c {
			if k > 0 {
				sb.WriteString(" <eol> ")
			}
			sb.WriteString(l)
		}
		sb.WriteString(" <eob> ")
	}
	return strings.TrimSpace(sb.String())
}

// segScore holds break precision, recall and F1 (a break counts when the
// system breaks after the same word, of any type, as in EvalSubtitle's F1),
// the same for <eob> only, and a Sigma-like score.
type segScore struct {
	p, r, f1    float64
	eobF1       float64
	sigma       float64
	lines, over int
}

// sigmaTokens splits a tagged line into the tokens BLEU sees: words with
// their punctuation split off (roughly the 13a tokenizer) and the break
// tags as tokens of their own.
func sigmaTokens(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		if f == "<eol>" || f == "<eob>" {
			out = append(out, f)
			continue
		}
		start := len(out)
		cur := []rune{}
		flush := func() {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
		}
		for _, r := range f {
			if strings.ContainsRune(`.,;:!?"()“”‘`, r) {
				flush()
				out = append(out, string(r))
				continue
			}
			cur = append(cur, r)
		}
		flush()
		_ = start
	}
	return out
}

// bleuStats adds the clipped n-gram matches and totals (n = 1..4) of one
// sentence pair to m and t.
func bleuStats(hyp, ref []string, m, t *[4]float64) {
	for n := 1; n <= 4; n++ {
		counts := map[string]int{}
		for i := 0; i+n <= len(ref); i++ {
			counts[strings.Join(ref[i:i+n], " ")]++
		}
		for i := 0; i+n <= len(hyp); i++ {
			t[n-1]++
			k := strings.Join(hyp[i:i+n], " ")
			if counts[k] > 0 {
				counts[k]--
				m[n-1]++
			}
		}
	}
}

// scoreSegmentation runs Break on the words of every reference line and
// compares the breaks. Sigma follows Karakanta et al. (2022, LREC,
// "Evaluating Subtitle Segmentation for End-to-end Generation Systems"):
// corpus BLEU of the tagged text (breaks as tokens) divided by the BLEU an
// output with the same words and its own number of breaks could reach at
// best. With the words unchanged, as here, the n-gram precisions without
// breaks are 1 and the upper bound is the brevity penalty times 100, so
// Sigma is BLEU_br corrected for that penalty. Our tokenizer only
// approximates sacreBLEU's 13a, so the figure is Sigma-like, not identical.
func scoreSegmentation(t *testing.T, r rules.Profile, refs []evalUnit) segScore {
	return scoreWith(t, r, refs, func(text string) ([][]string, error) { return Break(r, text) })
}

// greedyFill is the baseline of the issue: fill each line to the limit,
// two lines a caption, no linguistics.
func greedyFill(r rules.Profile) func(string) ([][]string, error) {
	return func(text string) ([][]string, error) {
		var caps [][]string
		var cur []string
		line := ""
		for _, w := range strings.Fields(text) {
			if line != "" && r.Chars(line+" "+w) > float64(r.MaxCharsPerLine) {
				cur = append(cur, line)
				line = ""
				if len(cur) == r.MaxLines {
					caps, cur = append(caps, cur), nil
				}
			}
			if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		if line != "" {
			cur = append(cur, line)
		}
		if len(cur) > 0 {
			caps = append(caps, cur)
		}
		return caps, nil
	}
}

func scoreWith(t *testing.T, r rules.Profile, refs []evalUnit, seg func(string) ([][]string, error)) segScore {
	t.Helper()
	var s segScore
	var tp, fp, fn, etp, efp, efn float64
	var m, tot [4]float64
	var hypLen, refLen float64
	var nBreaks, nWords float64
	for _, u := range refs {
		caps, err := seg(strings.Join(u.words, " "))
		if err != nil {
			t.Fatalf("Break(%q): %v", strings.Join(u.words, " "), err)
		}
		got := parseTagged(taggedOf(caps))
		if strings.Join(got.words, " ") != strings.Join(u.words, " ") {
			t.Fatalf("words changed:\n got %q\nwant %q", got.words, u.words)
		}
		for _, c := range caps {
			if len(c) > r.MaxLines {
				t.Errorf("%d lines in %q", len(c), c)
			}
			for _, l := range c {
				s.lines++
				if r.Chars(l) > float64(r.MaxCharsPerLine) {
					s.over++
					t.Errorf("line over %d: %q", r.MaxCharsPerLine, l)
				}
			}
		}
		for k := 0; k+1 < len(u.words); k++ {
			g, w := got.breaks[k], u.breaks[k]
			switch {
			case g != "" && w != "":
				tp++
			case g != "":
				fp++
			case w != "":
				fn++
			}
			switch {
			case g == "eob" && w == "eob":
				etp++
			case g == "eob":
				efp++
			case w == "eob":
				efn++
			}
		}
		h, rf := sigmaTokens(taggedOf(caps)), sigmaTokens(joinTagged(u))
		bleuStats(h, rf, &m, &tot)
		hypLen += float64(len(h))
		refLen += float64(len(rf))
		for _, x := range h {
			if x == "<eol>" || x == "<eob>" {
				nBreaks++
			} else {
				nWords++
			}
		}
	}
	f1 := func(tp, fp, fn float64) (p, r, f float64) {
		if tp == 0 {
			return 0, 0, 0
		}
		p, r = tp/(tp+fp), tp/(tp+fn)
		return p, r, 2 * p * r / (p + r)
	}
	s.p, s.r, s.f1 = f1(tp, fp, fn)
	_, _, s.eobF1 = f1(etp, efp, efn)

	bp := 1.0
	if hypLen < refLen {
		bp = math.Exp(1 - refLen/hypLen)
	}
	logp := 0.0
	for n := range 4 {
		logp += math.Log(max(m[n], 1e-9)/tot[n]) / 4
	}
	bleuBr := 100 * bp * math.Exp(logp)
	// Upper bound (the paper's): with the word precisions p1..p4 of the
	// text without breaks (all 1 here) and alpha = breaks per word.
	a := nBreaks / nWords
	p1 := (1 + a) / (1 + a)
	p2 := ((1 - a) + 2*a) / (1 + a)
	p3 := ((1 - 2*a) + 3*a) / (1 + a)
	p4 := ((1 - 3*a) + 4*a) / (1 + a)
	ub := 100 * bp * math.Exp((math.Log(p1)+math.Log(p2)+math.Log(p3)+math.Log(p4))/4)
	s.sigma = 100 * bleuBr / ub
	return s
}

// joinTagged writes a reference unit back as a tagged line.
func joinTagged(u evalUnit) string {
	var sb strings.Builder
	for k, w := range u.words {
		sb.WriteString(w)
		if b := u.breaks[k]; b != "" {
			sb.WriteString(" <" + b + ">")
		} else if k == len(u.words)-1 {
			sb.WriteString(" <eob>")
		}
		sb.WriteString(" ")
	}
	return strings.TrimSpace(sb.String())
}

func readEvalSet(t *testing.T, path string) []evalUnit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []evalUnit
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			refs = append(refs, parseTagged(line))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return refs
}

// tedRules is the ted profile's line geometry (42 characters, 2 lines).
func tedRules() rules.Profile { return rules.Profile{Language: "en", MaxCharsPerLine: 42, MaxLines: 2} }

func TestSegmentEvalEnglish(t *testing.T) {
	for _, tc := range []struct {
		file  string
		floor float64 // break F1 below this is a regression
	}{
		{"testdata/segment_eval_en.txt", 0.55},
		{"testdata/segment_holdout_en.txt", 0.55},
		{"testdata/segment_holdout2_en.txt", 0.55},
		{"testdata/segment_holdout3_en.txt", 0.55},
	} {
		t.Run(tc.file, func(t *testing.T) {
			refs := readEvalSet(t, tc.file)
			if len(refs) < 30 {
				t.Fatalf("%s: %d units, want a real set", tc.file, len(refs))
			}
			s := scoreSegmentation(t, tedRules(), refs)
			t.Logf("%s: %d units, break P %.3f R %.3f F1 %.3f, <eob> F1 %.3f, Sigma-like %.1f, %d/%d lines within 42",
				tc.file, len(refs), s.p, s.r, s.f1, s.eobF1, s.sigma, s.lines-s.over, s.lines)
			g := scoreWith(t, tedRules(), refs, greedyFill(tedRules()))
			t.Logf("%s: baseline fill-to-42: break F1 %.3f, <eob> F1 %.3f, Sigma-like %.1f", tc.file, g.f1, g.eobF1, g.sigma)
			if s.f1 < tc.floor {
				t.Errorf("break F1 %.3f below the regression floor %.2f", s.f1, tc.floor)
			}
		})
	}
}

// TestSigmaIdentity checks the metric itself: a reference scored against
// itself is perfect, and one wrong break lowers it.
func TestSigmaIdentity(t *testing.T) {
	u := parseTagged("I asked her why she kept coming back, <eob> and she looked at me as if <eol> I had asked a very strange question. <eob>")
	if got := joinTagged(u); got != "I asked her why she kept coming back, <eob> and she looked at me as if <eol> I had asked a very strange question. <eob>" {
		t.Fatalf("round trip: %q", got)
	}
	var m, tot [4]float64
	toks := sigmaTokens(joinTagged(u))
	bleuStats(toks, toks, &m, &tot)
	for n := range 4 {
		if m[n] != tot[n] {
			t.Errorf("%d-grams: %v of %v match themselves", n+1, m[n], tot[n])
		}
	}
	var m2, tot2 [4]float64
	other := sigmaTokens("I asked her why she kept coming back, <eob> and she looked at me <eol> as if I had asked a very strange question. <eob>")
	bleuStats(other, toks, &m2, &tot2)
	if m2[3] >= tot2[3] {
		t.Errorf("a moved break kept every 4-gram: %v of %v", m2[3], tot2[3])
	}
}
