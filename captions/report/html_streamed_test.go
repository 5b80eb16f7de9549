package report

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// streamedForm returns r (Captions and CPS) in the streamed form a check of
// a large file gives: Stats, the captions of the violations the HTML table
// shows in Kept, and a Timeline fed caption by caption.
func streamedForm(r FileResult) FileResult {
	s := FileResult{File: r.File, Format: r.Format, Profile: r.Profile, MaxCPS: r.MaxCPS,
		Violations: r.Violations, Cuts: r.Cuts, Warnings: r.Warnings, Stats: &Stats{}, Kept: map[int]captions.Caption{}}
	for i, c := range r.Captions {
		s.Stats.Add(c.Start, c.End, r.CPS[i])
	}
	perRule := map[string]int{}
	for _, v := range r.Violations {
		perRule[v.Rule]++
		if v.Caption > 0 && perRule[v.Rule] <= HTMLViolationsPerRule {
			s.Kept[v.Caption] = r.Captions[v.Caption-1]
		}
	}
	s.Timeline = NewTimeline(&s)
	for i, c := range r.Captions {
		s.Timeline.Add(c.Start, c.End, r.CPS[i])
	}
	return s
}

// TestHTMLStreamedTimelineMatchesCaptions checks that the HTML page of a
// large file given in the streamed form (Stats, Kept and a Timeline built
// in a second pass) is byte for byte the page of the same file given
// whole, which draws its aggregated timeline and histogram from every
// caption held in memory.
func TestHTMLStreamedTimelineMatchesCaptions(t *testing.T) {
	r := synthetic(maxBars+3000, 11)
	// Damaged and undefined rates too: +Inf alone makes the histogram's
	// overflow bin, NaN and negative values are left out.
	for i := range r.CPS {
		r.CPS[i] = min(r.CPS[i], 50)
	}
	r.CPS[5], r.CPS[77], r.CPS[900], r.CPS[20500] = math.Inf(1), math.NaN(), -1, 0
	var whole, streamed bytes.Buffer
	if err := WriteHTML(&whole, []FileResult{r}); err != nil {
		t.Fatal(err)
	}
	s := streamedForm(r)
	if len(s.Kept) >= len(r.Violations) {
		t.Fatalf("Kept holds %d captions for %d violations: expected only those shown", len(s.Kept), len(r.Violations))
	}
	if err := WriteHTML(&streamed, []FileResult{s}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(whole.String(), `class="caption-agg`) || !strings.Contains(whole.String(), "over ") {
		t.Fatal("the whole file's page is not aggregated or has no overflow bin: the test checks nothing")
	}
	if whole.String() != streamed.String() {
		a, b := whole.String(), streamed.String()
		i := 0
		for i < min(len(a), len(b)) && a[i] == b[i] {
			i++
		}
		t.Fatalf("pages differ at byte %d:\nwhole:    %q\nstreamed: %q", i, a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
	}
}

// TestHTMLStreamedNeedsTimeline checks that WriteHTML refuses the streamed
// form without a Timeline, and a Timeline of another number of captions.
func TestHTMLStreamedNeedsTimeline(t *testing.T) {
	r := synthetic(50, 3)
	s := streamedForm(r)
	s.Timeline = nil
	if err := WriteHTML(discard{}, []FileResult{s}); err == nil {
		t.Error("streamed form without a Timeline: no error")
	}
	s = streamedForm(r)
	s.Timeline.Add(time.Hour, 2*time.Hour, 3)
	if err := WriteHTML(discard{}, []FileResult{s}); err == nil {
		t.Error("a Timeline of 51 captions for 50: no error")
	}
}
