package report

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
)

func TestNearestRank(t *testing.T) {
	tests := []struct {
		vals     []float64
		p        int
		want     float64
		whyQuote string
	}{
		{[]float64{1, 2, 3, 4}, 50, 2, "rank ⌈0.5·4⌉ = 2"},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9, "rank ⌈0.9·10⌉ = 9"},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10, "rank ⌈9.9⌉ = 10"},
		{[]float64{15, 20, 35, 40, 50}, 50, 35, "Wikipedia's nearest-rank example"},
		{[]float64{15, 20, 35, 40, 50}, 90, 50, "rank ⌈4.5⌉ = 5"},
		{[]float64{7}, 50, 7, "single value"},
		{[]float64{7}, 90, 7, "single value"},
	}
	for _, tt := range tests {
		if got := nearestRank(tt.vals, tt.p); got != tt.want {
			t.Errorf("nearestRank(%v, %d) = %v, want %v (%s)", tt.vals, tt.p, got, tt.want, tt.whyQuote)
		}
	}
}

func TestSummarize(t *testing.T) {
	s := time.Second
	r := FileResult{
		Captions: []captions.Caption{
			caption(10*s, 12*s, "a"),
			caption(5*s, 6*s, "b"), // out of order: earliest start
			caption(20*s, 25*s, "c"),
			caption(13*s, 13*s, "d"), // no duration
		},
		CPS: []float64{10, 20, 4, math.Inf(1)},
		Violations: []rules.Violation{
			{Caption: 4, Rule: rules.RuleMinDuration},
			{Caption: 2, Rule: "zz_custom"},
			{Caption: 4, Rule: rules.RuleCPS},
			{Caption: 2, Rule: rules.RuleOrder},
			{Caption: 1, Rule: rules.RuleCPS},
			{Caption: 3, Rule: "aa_custom"},
		},
		Warnings: []captions.Warning{{Line: 3, Message: "x"}},
	}
	got := Summarize(r)
	want := Summary{
		Captions: 4,
		Duration: 20 * s,
		CPS:      CPSStats{Mean: 34.0 / 3, P50: 10, P90: 20, Max: 20, Undefined: 1},
		ByRule: []RuleCount{
			{rules.RuleCPS, 2}, {rules.RuleMinDuration, 1}, {rules.RuleOrder, 1},
			{"aa_custom", 1}, {"zz_custom", 1},
		},
		Violations: 6,
		Warnings:   1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Summarize:\n got %+v\nwant %+v", got, want)
	}
}

func TestSummarizeEmpty(t *testing.T) {
	got := Summarize(FileResult{})
	if !reflect.DeepEqual(got, Summary{}) {
		t.Errorf("Summarize(zero) = %+v, want zero Summary", got)
	}
	// NaN and negative CPS are undefined too; all undefined gives zero stats.
	got = Summarize(FileResult{Captions: make([]captions.Caption, 2), CPS: []float64{math.NaN(), -3}})
	if got.CPS != (CPSStats{Undefined: 2}) {
		t.Errorf("CPS stats of undefined values = %+v", got.CPS)
	}
}

func TestValidate(t *testing.T) {
	two := []captions.Caption{caption(0, time.Second, "a"), caption(time.Second, 2*time.Second, "b")}
	bad := []FileResult{
		{File: "cps.srt", Captions: two, CPS: []float64{1}},
		{File: "zero.srt", Captions: two, Violations: []rules.Violation{{Caption: 0, Rule: "cps"}}},
		{File: "past.srt", Captions: two, Violations: []rules.Violation{{Caption: 3, Rule: "cps"}}},
	}
	writers := map[string]func([]FileResult) error{
		"json": func(r []FileResult) error { return WriteJSON(discard{}, r) },
		"csv":  func(r []FileResult) error { return WriteCSV(discard{}, r) },
		"text": func(r []FileResult) error { return WriteText(discard{}, r) },
		"html": func(r []FileResult) error { return WriteHTML(discard{}, r) },
	}
	for name, write := range writers {
		for _, r := range bad {
			if err := write([]FileResult{r}); err == nil {
				t.Errorf("%s: no error for inconsistent %s", name, r.File)
			}
		}
		// nil CPS is allowed.
		if err := write([]FileResult{{File: "ok", Captions: two}}); err != nil {
			t.Errorf("%s: nil CPS: %v", name, err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
