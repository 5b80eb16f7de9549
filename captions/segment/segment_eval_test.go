package segment

import (
	"bufio"
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

func readEvalSet(t testing.TB, path string) []Reference {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []Reference
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			refs = append(refs, ParseTagged(line))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return refs
}

// tedRules is the ted profile's line geometry (42 characters, 2 lines).
func tedRules() rules.Profile { return rules.Profile{Language: "en", MaxCharsPerLine: 42, MaxLines: 2} }

func scoreStyle(t *testing.T, r rules.Profile, refs []Reference, st *Style) Score {
	t.Helper()
	s, err := Evaluate(r, refs, func(text string) ([][]string, error) { return BreakStyle(r, text, st) })
	if err != nil {
		t.Fatal(err)
	}
	if s.LinesOver > 0 {
		t.Errorf("%d lines over the limit or captions over %d lines", s.LinesOver, r.MaxLines)
	}
	return s
}

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
			s := scoreStyle(t, tedRules(), refs, nil)
			t.Logf("%s: %v", tc.file, s)
			noUPOS := DefaultStyle()
			noUPOS.UPOSWeight = 0
			t.Logf("%s: word lists only: %v", tc.file, scoreStyle(t, tedRules(), refs, noUPOS))
			g, err := Evaluate(tedRules(), refs, greedyFill(tedRules()))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: baseline fill-to-42: %v", tc.file, g)
			if s.F1 < tc.floor {
				t.Errorf("break F1 %.3f below the regression floor %.2f", s.F1, tc.floor)
			}
		})
	}
}

// TestSigmaIdentity checks the metric itself: a reference scored against
// itself is perfect, and one wrong break lowers it.
func TestSigmaIdentity(t *testing.T) {
	const line = "I asked her why she kept coming back, <eob> and she looked at me as if <eol> I had asked a very strange question. <eob>"
	u := ParseTagged(line)
	if got := u.Tagged(); got != line {
		t.Fatalf("round trip: %q", got)
	}
	var m, tot [4]float64
	toks := sigmaTokens(u.Tagged())
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
	r := tedRules()
	self, err := Evaluate(r, []Reference{u}, func(string) ([][]string, error) {
		return [][]string{{"I asked her why she kept coming back,"}, {"and she looked at me as if", "I had asked a very strange question."}}, nil
	})
	if err != nil || self.F1 != 1 || self.EOBF1 != 1 || self.Sigma < 99.99 {
		t.Errorf("reference against itself: %v, %v", self, err)
	}
}
