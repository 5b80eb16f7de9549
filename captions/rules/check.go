package rules

import (
	"math"
	"slices"
	"strings"

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
	if rate.IsZero() {
		rate = timing.Rate25()
	}
	minD := r.MinDuration.Frames(rate)
	maxD := r.MaxDuration.Frames(rate)
	zone := r.ShotChangeZone.Frames(rate)
	sorted := slices.Clone(cuts)
	slices.SortFunc(sorted, func(a, b timing.Cut) int { return cmpInt64(a.Frame, b.Frame) })

	var out []Violation
	add := func(i int, rule string, v, limit float64) {
		out = append(out, Violation{Caption: i + 1, Rule: rule, Value: v, Limit: limit})
	}
	var prevStart, prevEnd timing.Frame
	for i, c := range caps {
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
			add(i, RuleEmpty, 0, 1)
		}
		if r.MaxLines > 0 && len(c.Lines) > r.MaxLines {
			add(i, RuleLines, float64(len(c.Lines)), float64(r.MaxLines))
		}
		if r.MaxCharsPerLine > 0 && longest > float64(r.MaxCharsPerLine) {
			add(i, RuleCPL, longest, float64(r.MaxCharsPerLine))
		}
		if sec := c.Duration().Seconds(); sec > 0 && r.MaxCPS > 0 {
			if cps := chars / sec; cps > r.MaxCPS*(1+cpsTolerance) {
				add(i, RuleCPS, cps, r.MaxCPS)
			}
		}
		d := e - s
		switch {
		case d <= 0 || d < minD:
			add(i, RuleMinDuration, c.Duration().Seconds(), rate.Seconds(minD))
		case maxD > 0 && d > maxD:
			add(i, RuleMaxDuration, c.Duration().Seconds(), rate.Seconds(maxD))
		}
		if i > 0 {
			switch {
			case s < prevStart:
				add(i, RuleOrder, c.Start.Seconds(), caps[i-1].Start.Seconds())
			case s < prevEnd:
				add(i, RuleOverlap, (caps[i-1].End - c.Start).Seconds(), 0)
			case s-prevEnd < timing.Frame(r.MinGapFrames):
				add(i, RuleGap, float64(s-prevEnd), float64(r.MinGapFrames))
			}
		}
		if zone > 0 && len(sorted) > 0 {
			if dist, bad := r.shotChange(sorted, s, e, zone); bad {
				add(i, RuleShotChange, float64(dist), float64(zone))
			}
		}
		prevStart, prevEnd = s, e
	}
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
