package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

func TestCheckRules(t *testing.T) {
	r := Profile{Language: "en", MaxCharsPerLine: 37, MaxLines: 2, MaxCPS: 17,
		MinDuration: timing.TimeLength(5 * time.Second / 6), MaxDuration: timing.TimeLength(7 * time.Second),
		MinGapFrames: 2, ShotChangeZone: timing.TimeLength(time.Second / 2)}
	rate := timing.Rate25()
	f := func(n timing.Frame) time.Duration { return rate.Duration(n) }
	caps := []captions.Caption{
		{Start: f(0), End: f(50), Lines: []captions.Line{{Text: "Fine."}}},
		{Start: f(51), End: f(60), Lines: []captions.Line{{Text: "Too fast and too short for anyone"}}},                       // gap 1, min_duration, cps
		{Start: f(40), End: f(300), Lines: []captions.Line{{Text: ""}}},                                                       // order, empty, max_duration
		{Start: f(310), End: f(400), Lines: []captions.Line{{Text: "a"}, {Text: "b"}, {Text: "c"}}},                           // lines
		{Start: f(390), End: f(480), Lines: []captions.Line{{Text: "This line is much longer than thirty-seven characters"}}}, // overlap, cpl
		{Start: f(505), End: f(600), Lines: []captions.Line{{Text: "Near a cut."}}},                                           // shot_change at 510
	}
	got := map[string][]int{}
	for _, v := range r.Check(caps, rate, []timing.Cut{{Frame: 510}}) {
		got[v.Rule] = append(got[v.Rule], v.Caption)
	}
	assert.Equal(t, map[string][]int{
		RuleGap: {2}, RuleMinDuration: {2}, RuleCPS: {2}, RuleOrder: {3}, RuleEmpty: {3}, RuleMaxDuration: {3},
		RuleLines: {4}, RuleOverlap: {5}, RuleCPL: {5}, RuleShotChange: {6},
	}, got)
}
