package rules

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/timing"
)

// cpsTolerance is the relative slack of the CPS comparison: frame times
// rounded to the nanosecond must not turn an exact fit into a violation.
const cpsTolerance = 1e-6

// Check judges captions against the rules and returns every broken rule,
// in caption order. It is the one checker for sotcap's own captions
// (generate's report) and for anybody else's (`sotcap check`).
//
// Times are snapped to frames at rate (nearest frame; a zero rate means 25)
// for the frame rules. Per caption (Caption counts from 1) it reports at
// most one violation of each rule, in these units:
//
//   - empty: no visible text (Value 0, Limit 1);
//   - lines: number of lines above MaxLines;
//   - cpl: counted characters (Chars) of the longest line above
//     MaxCharsPerLine;
//   - cps: CPS above MaxCPS (see CPS for the formula), when the caption has
//     a positive duration;
//   - min_duration, max_duration: duration in seconds against the limit in
//     seconds (a caption ending at or before its start is a min_duration
//     violation);
//   - order: start (seconds) before the previous caption's start (Limit);
//   - overlap: seconds by which the caption starts before the previous one
//     ends (Limit 0);
//   - gap: frames between the previous caption's end and this start, below
//     MinGapFrames;
//   - shot_change: the caption's in or out time lies within ShotChangeZone
//     of a cut without being on it (Value the distance in frames, Limit the
//     zone in frames). An in-time is on a cut when it is the cut's frame (or
//     inside a soft cut's transition); an out-time when it ends on the cut
//     or up to max(MinGapFrames, 2) frames before it.
func (r Profile) Check(caps []captions.Caption, rate timing.Rate, cuts []timing.Cut) []Violation {
	ck := r.NewChecker(rate, cuts)
	var out []Violation
	for _, c := range caps {
		out = ck.Add(out, c)
	}
	return out
}

// Checker applies Check's rules to captions one at a time, in file order,
// keeping only the previous caption's times: a file of any length is
// checked in constant memory. Make one with Profile.NewChecker.
type Checker struct {
	r                    Profile
	rate                 timing.Rate
	minD, maxD, zone     timing.Frame
	cuts                 []timing.Cut
	n                    int
	prevStart, prevEnd   timing.Frame
	prevStartT, prevEndT time.Duration
}

// NewChecker returns a Checker of the rules at rate (zero means 25) with
// the shot changes cuts.
func (r Profile) NewChecker(rate timing.Rate, cuts []timing.Cut) *Checker {
	if rate.IsZero() {
		rate = timing.Rate25()
	}
	sorted := slices.Clone(cuts)
	slices.SortFunc(sorted, func(a, b timing.Cut) int { return cmpInt64(a.Frame, b.Frame) })
	return &Checker{r: r, rate: rate, cuts: sorted,
		minD: r.MinDuration.Frames(rate), maxD: r.MaxDuration.Frames(rate), zone: r.ShotChangeZone.Frames(rate)}
}

// Count returns how many captions Add was given.
func (k *Checker) Count() int { return k.n }

// Add judges the next caption and appends its violations to out (Caption
// counts the captions given to Add from 1).
func (k *Checker) Add(out []Violation, c captions.Caption) []Violation {
	r, rate := k.r, k.rate
	i := k.n
	k.n++
	add := func(rule string, v, limit float64) {
		out = append(out, Violation{Caption: i + 1, Rule: rule, Value: v, Limit: limit})
	}
	s, e := rate.Frames(c.Start), rate.Frames(c.End)
	chars, longest, visible := 0.0, 0.0, false
	for _, l := range c.Lines {
		n := measure.Chars(l.Text, r.Language)
		chars += n
		longest = max(longest, n)
		if !visible && strings.TrimSpace(l.Text) != "" && n > 0 {
			visible = true
		}
	}
	if !visible {
		add(RuleEmpty, 0, 1)
	}
	if r.MaxLines > 0 && len(c.Lines) > r.MaxLines {
		add(RuleLines, float64(len(c.Lines)), float64(r.MaxLines))
	}
	if r.MaxCharsPerLine > 0 && longest > float64(r.MaxCharsPerLine) {
		add(RuleCPL, longest, float64(r.MaxCharsPerLine))
	}
	if sec := c.Duration().Seconds(); sec > 0 && r.MaxCPS > 0 {
		if cps := chars / sec; cps > r.MaxCPS*(1+cpsTolerance) {
			add(RuleCPS, cps, r.MaxCPS)
		}
	}
	d := e - s
	switch {
	case d <= 0 || d < k.minD:
		add(RuleMinDuration, c.Duration().Seconds(), rate.Seconds(k.minD))
	case k.maxD > 0 && d > k.maxD:
		add(RuleMaxDuration, c.Duration().Seconds(), rate.Seconds(k.maxD))
	}
	if i > 0 {
		switch {
		case s < k.prevStart:
			add(RuleOrder, c.Start.Seconds(), k.prevStartT.Seconds())
		case s < k.prevEnd:
			add(RuleOverlap, (k.prevEndT - c.Start).Seconds(), 0)
		case s-k.prevEnd < timing.Frame(r.MinGapFrames):
			add(RuleGap, float64(s-k.prevEnd), float64(r.MinGapFrames))
		}
	}
	if k.zone > 0 && len(k.cuts) > 0 {
		if dist, bad := r.shotChange(k.cuts, s, e, k.zone); bad {
			add(RuleShotChange, float64(dist), float64(k.zone))
		}
	}
	k.prevStart, k.prevEnd = s, e
	k.prevStartT, k.prevEndT = c.Start, c.End
	return out
}

// shotChange reports whether a caption shown over frames [s, e) has an in
// or out time too near a cut, and the distance of the worst one.
func (r Profile) shotChange(cuts []timing.Cut, s, e, zone timing.Frame) (timing.Frame, bool) {
	before := timing.Frame(max(r.MinGapFrames, 2))
	worst, bad := timing.Frame(math.MaxInt64), false
	// Only cuts within zone of s or e matter.
	lo, _ := slices.BinarySearchFunc(cuts, min(s, e)-zone-before, func(c timing.Cut, f timing.Frame) int { return cmpInt64(c.Frame, f) })
	for _, c := range cuts[lo:] {
		if c.Frame > max(s, e)+zone {
			break
		}
		if d, ok := InTimeOK(s, c, zone); !ok && d < worst {
			worst, bad = d, true
		}
		if d, ok := OutTimeOK(e, c, zone, before); !ok && d < worst {
			worst, bad = d, true
		}
	}
	return worst, bad
}

// InTimeOK reports whether in-time s is on cut c or at least zone frames
// from it, and its distance from the cut.
func InTimeOK(s timing.Frame, c timing.Cut, zone timing.Frame) (timing.Frame, bool) {
	if s >= c.Frame && s <= c.Frame+c.Frames {
		return 0, true
	}
	d := absInt64(s - c.Frame)
	if s > c.Frame+c.Frames {
		d = s - (c.Frame + c.Frames)
	}
	return d, d >= zone
}

// OutTimeOK reports whether out-time e (exclusive) ends on cut c, up to
// `before` frames ahead of it, or at least zone frames from it.
func OutTimeOK(e timing.Frame, c timing.Cut, zone, before timing.Frame) (timing.Frame, bool) {
	if e <= c.Frame && e >= c.Frame-before {
		return 0, true
	}
	if e >= c.Frame && e <= c.Frame+c.Frames {
		return 0, true
	}
	d := absInt64(e - c.Frame)
	if e > c.Frame+c.Frames {
		d = e - (c.Frame + c.Frames)
	}
	return d, d >= zone
}

func cmpInt64(a, b timing.Frame) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func absInt64(a timing.Frame) timing.Frame {
	if a < 0 {
		return -a
	}
	return a
}
