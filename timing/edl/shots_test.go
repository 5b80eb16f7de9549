package edl

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// naiveWindows is SOTWindows written the plain way: every window held
// until the end, then each one's cuts.
func naiveWindows(e *EDL) []timing.Window {
	m := newMarkerMatcher(DefaultSOTMarkers())
	type sot struct {
		in, out timing.Frame
		key     string
		ev      *Event
	}
	var sots []sot
	for i := range e.Events {
		ev := &e.Events[i]
		if !ev.HasClipName || !m.match(ev.ClipName) {
			continue
		}
		in, out := ev.RecordInFrame, ev.RecordOutFrame
		if out == in && i+1 < len(e.Events) {
			if next := &e.Events[i+1]; next.Number == ev.Number && next.Kind() != 'C' && next.RecordInFrame == in {
				out = in + next.TransitionFrames
			}
		}
		if out > in {
			sots = append(sots, sot{in, out, ev.ClipName, ev})
		}
	}
	sort.SliceStable(sots, func(i, j int) bool { return sots[i].in < sots[j].in })
	var wins []timing.Window
	open := map[string]int{}
	for _, s := range sots {
		if k, ok := open[s.key]; ok && s.in <= wins[k].Out {
			wins[k].Out = max(wins[k].Out, s.out)
			wins[k].Events = append(wins[k].Events, s.ev.Number)
			wins[k].Lines = append(wins[k].Lines, s.ev.Line)
			continue
		}
		open[s.key] = len(wins)
		wins = append(wins, timing.Window{In: s.in, Out: s.out, Clip: s.key, Events: []string{s.ev.Number}, Lines: []int{s.ev.Line}})
	}
	cuts := e.Cuts()
	for i := range wins {
		for _, c := range cuts {
			if c.Frame > wins[i].In && c.Frame < wins[i].Out {
				wins[i].Cuts = append(wins[i].Cuts, c)
			}
		}
	}
	return wins
}

// TestSOTWindowsStreamedMatchNaive compares the windows EachSOTWindow hands
// out while holding only the open ones with the plain algorithm, on random
// EDLs of overlapping, touching, out-of-order and dissolving soundbites.
func TestSOTWindowsStreamedMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	ts := func(f int) string { return timing.FormatTimecode(timing.Frame(f), timing.Rate25(), false) }
	for round := 0; round < 200; round++ {
		var b strings.Builder
		b.WriteString("TITLE: random\nFCM: NON-DROP FRAME\n")
		n := 5 + rng.IntN(60)
		for i := 1; i <= n; i++ {
			in := 90000 + rng.IntN(3000)
			d := rng.IntN(200)
			ch := []string{"V", "A", "AA/V", "B"}[rng.IntN(4)]
			name := []string{"SOT A", "SOT B", "sb c", "CUTAWAY", "SOT A"}[rng.IntN(5)]
			if rng.IntN(6) == 0 { // a dissolve: outgoing zero-length line, then the incoming one
				fmt.Fprintf(&b, "%03d  AX %s C        %s %s %s %s\n", i, ch, ts(0), ts(0), ts(in), ts(in))
				fmt.Fprintf(&b, "%03d  BX %s D 010    %s %s %s %s\n", i, ch, ts(0), ts(d), ts(in), ts(in+d))
				fmt.Fprintf(&b, "* FROM CLIP NAME: %s\n* TO CLIP NAME: %s\n", name, "SOT B")
				continue
			}
			fmt.Fprintf(&b, "%03d  AX %s C        %s %s %s %s\n* FROM CLIP NAME: %s\n", i, ch, ts(0), ts(d), ts(in), ts(in+d), name)
		}
		e, err := Read(strings.NewReader(b.String()), timing.Rate25())
		if err != nil {
			t.Fatal(err)
		}
		want := naiveWindows(e)
		got := e.SOTWindows(nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d:\ngot  %+v\nwant %+v\n%s", round, got, want, b.String())
		}
		if c := shotsOf(e).EachSOTWindow(nil); c != len(want) {
			t.Fatalf("round %d: EachSOTWindow counts %d, want %d", round, c, len(want))
		}
	}
}

// shotsOf returns the Shots of every event of e.
func shotsOf(e *EDL) *Shots {
	s := NewShots(nil)
	for i := range e.Events {
		s.Add(&e.Events[i])
	}
	return s
}
