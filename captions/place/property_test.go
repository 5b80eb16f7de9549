package place

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/internal/proptest"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
)

func TestPropertyTimeSOT(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rates := timing.SupportedRates()
	fitted, compressed := 0, 0
	for i := 0; i < proptest.Cases(5000); i++ {
		r := proptest.RandProfile(rng)
		rate := rates[rng.IntN(len(rates))]
		in := timing.Frame(rng.IntN(100000))
		w := timing.Window{In: in, Out: in + timing.Frame(20+rng.IntN(800))}
		for c := rng.IntN(5); c > 0; c-- {
			w.Cuts = append(w.Cuts, timing.Cut{Frame: w.In + 1 + timing.Frame(rng.Int64N(int64(w.Frames()-1))), Frames: timing.Frame(rng.IntN(2) * rng.IntN(20))})
		}
		var limit timing.Frame
		if rng.IntN(2) == 0 {
			limit = w.Out + timing.Frame(rng.IntN(30))
		}
		var turns []captions.Turn
		for k := 1 + rng.IntN(3); k > 0; k-- {
			turns = append(turns, captions.Turn{Speaker: string(rune('A' + rng.IntN(2))), Text: proptest.RandText(rng, r.Language, r.MaxCharsPerLine-2)})
		}
		sot := Input{Turns: turns, Window: w, Rate: rate, Limit: limit}
		res, err := SOT(r, sot)
		p := newFramePlan(r, sot)
		if err != nil {
			if p.end-w.In >= 3*p.minD {
				t.Fatalf("case %d: %v", i, err)
			}
			continue
		}
		if res.Compressed {
			compressed++
		} else {
			fitted++
		}
		// Every word once, in order.
		var got []string
		dash := strings.TrimSpace(segment.Dash(r.Language))
		for _, c := range res.Captions {
			shared := len(c.Lines) == 2 && c.Lines[0].Speaker != c.Lines[1].Speaker
			for _, l := range c.Lines {
				if shared {
					l.Text = strings.TrimPrefix(strings.TrimPrefix(l.Text, dash), " ")
				}
				got = append(got, l.Text)
			}
		}
		var want []string
		for _, tu := range turns {
			want = append(want, tu.Text)
		}
		cjk := measure.IsCJK(r.Language)
		if proptest.Flat(strings.Join(got, " "), cjk) != proptest.Flat(strings.Join(want, " "), cjk) {
			t.Fatalf("case %d: words changed\n got %q\nwant %q", i, got, want)
		}
		var prevEnd timing.Frame = -1
		for k, c := range res.Captions {
			s, e := rate.Frames(c.Start), rate.Frames(c.End)
			if s < w.In || e > p.end || e > w.Out+r.MaxHang.Frames(rate) || (limit > 0 && e > limit-timing.Frame(r.MinGapFrames)) {
				t.Fatalf("case %d caption %d: %d–%d leaves window %d–%d (end %d, limit %d)", i, k, s, e, w.In, w.Out, p.end, limit)
			}
			if e <= s || s < prevEnd {
				t.Fatalf("case %d caption %d: %d–%d after end %d", i, k, s, e, prevEnd)
			}
			if len(c.Lines) > r.MaxLines {
				t.Fatalf("case %d: %d lines", i, len(c.Lines))
			}
			for _, l := range c.Lines {
				if r.Chars(l.Text) > float64(r.MaxCharsPerLine) {
					t.Fatalf("case %d: line %q too long", i, l.Text)
				}
			}
			prevEnd = e
		}
		if !res.Compressed {
			// The window allowed it: durations, gaps and CPS keep the rules
			// (CPS only where the text can be read within MaxDuration).
			for _, v := range res.Violations {
				switch v.Rule {
				case rules.RuleShotChange:
					continue // cuts closer together than the zone cannot all be avoided
				case rules.RuleCPS:
					c := res.Captions[v.Caption-1]
					if readFrames(r.CaptionChars(c), r.MaxCPS, rate) > r.MaxDuration.Frames(rate) {
						continue
					}
				}
				t.Fatalf("case %d: %v in a window that fits\n%+v", i, v, res.Captions)
			}
		}
		if n := timing.Frame(len(res.Captions)); res.Compressed && n*p.minD+(n-1)*p.gap <= p.end-w.In {
			// Compression keeps the minimum duration when the window allows it.
			for _, v := range res.Violations {
				if v.Rule == rules.RuleMinDuration || v.Rule == rules.RuleGap || v.Rule == rules.RuleOverlap {
					t.Fatalf("case %d: compressed %v although %d × %d frames fit in %d", i, v, n, p.minD, p.end-w.In)
				}
			}
		}
		again, _ := SOT(r, sot)
		if !reflect.DeepEqual(res, again) {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
	t.Logf("%d fitted, %d compressed", fitted, compressed)
}
