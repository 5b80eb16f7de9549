package report

import (
	"fmt"
	"math/rand/v2"
	"time"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

// testCPS is a stand-in for the checker's CPS (runes over seconds) so the
// tests have plausible numbers; qc itself never computes CPS.
func testCPS(c captions.Caption) float64 {
	n := 0
	for _, l := range c.Lines {
		n += utf8.RuneCountInString(l.Text)
	}
	return float64(n) / c.Duration().Seconds()
}

func caption(start, end time.Duration, lines ...string) captions.Caption {
	c := captions.Caption{Start: start, End: end}
	for _, l := range lines {
		c.Lines = append(c.Lines, captions.Line{Text: l})
	}
	return c
}

// synthetic builds a file of n captions with a realistic mix: most within
// the limit, some fast, some long lines, shot changes every ~7 s. The
// violations are found by a simple stand-in checker (cps and cpl only).
func synthetic(n int, seed uint64) FileResult {
	rng := rand.New(rand.NewPCG(seed, 1))
	words := []string{"the", "minister", "said", "talks", "in", "Moscow", "would", "continue", "and", "that",
		"a", "ceasefire", "was", "close", "Libya", "«quoted»", "café", "naïve", "—", "Haftar", "<b>", "&", `"x"`}
	r := FileResult{File: fmt.Sprintf("synthetic-%d.srt", n), Format: "srt", Profile: "broadcast-en", MaxCPS: 17}
	t := 10 * time.Hour
	for i := 0; i < n; i++ {
		t += time.Duration(80+rng.IntN(400)) * time.Millisecond
		d := time.Duration(900+rng.IntN(5000)) * time.Millisecond
		var lines []string
		for l := 0; l < 1+rng.IntN(2); l++ {
			s := ""
			for len(s) < 20+rng.IntN(22) {
				if s != "" {
					s += " "
				}
				s += words[rng.IntN(len(words))]
			}
			lines = append(lines, s)
		}
		c := caption(t, t+d, lines...)
		r.Captions = append(r.Captions, c)
		cps := testCPS(c)
		r.CPS = append(r.CPS, cps)
		if cps > r.MaxCPS {
			r.Violations = append(r.Violations, rules.Violation{Caption: i + 1, Rule: rules.RuleCPS, Value: cps, Limit: r.MaxCPS})
		}
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > 37 {
				r.Violations = append(r.Violations, rules.Violation{Caption: i + 1, Rule: rules.RuleCPL, Value: float64(n), Limit: 37})
			}
		}
		if rng.IntN(3) == 0 {
			r.Cuts = append(r.Cuts, t+d/2)
		}
		t += d
	}
	return r
}
