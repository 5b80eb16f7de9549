package place

import (
	"slices"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
)

// anchor fixes caption k's in-time on the cut at frame.
type anchor struct {
	k     int
	frame timing.Frame
}

// speakerReach is how far (in frames) a cut may be from a speaker change's
// proportional in-time and still be taken as the editor's cut to the new
// speaker. The proportional estimate assumes even speech, so a turn's
// start is off by the pauses and changes of pace in the speech before it:
// in practice up to about half a caption's longest screen time (a breath
// between sentences, a two-line caption said a little faster or slower).
// Half of MaxDuration (3.5 s at the usual 7 s) therefore bounds the
// estimate's error; a cut further away belongs to another moment. It is
// never less than the shot-change zone, inside which the in-time would
// move to the cut anyway; without a MaxDuration, 3.5 s is used.
func (p framePlan) speakerReach() timing.Frame {
	reach := p.maxD / 2
	if p.maxD <= 0 {
		reach = p.rate.Frames(3500e6) // 3.5 s
	}
	return max(reach, p.zone)
}

// speakerChange reports whether caption k starts a new speaker's turn: its
// first line's speaker is not the previous caption's last line's.
func speakerChange(caps []captions.Caption, k int) bool {
	if k == 0 || len(caps[k].Lines) == 0 || len(caps[k-1].Lines) == 0 {
		return false
	}
	prev := caps[k-1].Lines[len(caps[k-1].Lines)-1]
	return caps[k].Lines[0].Speaker != prev.Speaker
}

// speakerAnchors pairs the captions that start a new speaker's turn with
// cuts inside the speech: each pair within speakerReach of the caption's
// proportional start, each cut used once, in order (a short turn's cuts in
// and out go to its own change and the next). Of all such pairings it
// takes the one pairing the most changes, then the one nearest the
// estimates in total (a dynamic programme over changes × cuts). Ordinary
// caption boundaries never anchor.
func (p framePlan) speakerAnchors(caps []captions.Caption, starts []timing.Frame) []anchor {
	if len(p.cuts) == 0 {
		return nil
	}
	var changes []int
	for k := 1; k < len(caps); k++ {
		if speakerChange(caps, k) {
			changes = append(changes, k)
		}
	}
	var cuts []timing.Frame
	for _, c := range p.cuts {
		if c.Frame > p.speechStart && c.Frame < p.speechOut && (len(cuts) == 0 || c.Frame > cuts[len(cuts)-1]) {
			cuts = append(cuts, c.Frame)
		}
	}
	m, q := len(changes), len(cuts)
	if m == 0 || q == 0 {
		return nil
	}
	reach := p.speakerReach()
	// score[i][j]: best pairing of the first i changes with the first j
	// cuts, as (pairs, total distance); better is more pairs, then less
	// distance. how records the step: 0 change unpaired, 1 cut unused,
	// 2 paired.
	type score struct{ pairs, dist timing.Frame }
	better := func(a, b score) bool { return a.pairs > b.pairs || a.pairs == b.pairs && a.dist < b.dist }
	w := q + 1
	sc := make([]score, (m+1)*w)
	how := make([]uint8, (m+1)*w)
	for i := 0; i <= m; i++ {
		for j := 0; j <= q; j++ {
			if i == 0 || j == 0 {
				continue // nothing paired yet
			}
			best, h := sc[(i-1)*w+j], uint8(0)
			if s := sc[i*w+j-1]; better(s, best) {
				best, h = s, 1
			}
			if d := absInt64(cuts[j-1] - starts[changes[i-1]]); d <= reach {
				s := sc[(i-1)*w+j-1]
				s.pairs++
				s.dist += d
				if better(s, best) {
					best, h = s, 2
				}
			}
			sc[i*w+j], how[i*w+j] = best, h
		}
	}
	anchors := make([]anchor, 0, sc[m*w+q].pairs)
	for i, j := m, q; i > 0 && j > 0; {
		switch how[i*w+j] {
		case 0:
			i--
		case 1:
			j--
		default:
			anchors = append(anchors, anchor{k: changes[i-1], frame: cuts[j-1]})
			i--
			j--
		}
	}
	slices.Reverse(anchors)
	return anchors
}

// placeAnchored times the captions with speaker changes anchored on their
// cuts: each anchored caption starts on its cut (so the caption before it,
// chained, ends MinGapFrames before the cut) and the captions between
// anchors share their now fixed spans in proportion to their characters.
// A set of anchors is kept only when every anchored caption really starts
// on its cut and the timing breaks no rule (per caption, as Check reports
// it) that the plain timing, plainS and plainE, keeps: all anchors at once
// first, else one by one in order; with none kept the plain timing stands.
func (p framePlan) placeAnchored(r rules.Profile, caps []captions.Caption, chars []float64, need []timing.Frame, anchors []anchor, plainS, plainE []timing.Frame) (starts, ends []timing.Frame, all bool) {
	var base map[brokenRule]struct{} // the plain timing's, when needed
	// try times the captions with the anchors as and reports whether they
	// stay in the window, every anchored caption starts on its cut and no
	// new rule is broken.
	try := func(as []anchor) (s, e []timing.Frame, ok bool) {
		s = p.proportional(chars, as)
		e = make([]timing.Frame, len(s))
		p.settle(s, e, need, as)
		if s[0] < p.speechStart || e[len(e)-1] > p.end {
			return nil, nil, false // Check does not know the window
		}
		for _, a := range as {
			if s[a.k] != a.frame {
				return nil, nil, false
			}
		}
		for v := range p.brokenRules(r, caps, s, e) {
			if base == nil {
				base = p.brokenRules(r, caps, plainS, plainE)
			}
			if _, had := base[v]; !had {
				return nil, nil, false
			}
		}
		return s, e, true
	}
	// All together first: a short turn's in and out anchors need each
	// other (alone, its out would fall near the next cut).
	if s, e, ok := try(anchors); ok {
		return s, e, true
	}
	starts, ends = plainS, plainE
	var kept []anchor
	for _, a := range anchors {
		with := append(slices.Clip(kept), a)
		if s, e, ok := try(with); ok {
			kept, starts, ends = with, s, e
		}
	}
	return starts, ends, false
}

// rebreakForCuts is tried when some speaker changes could not be anchored
// on their cuts: a span between cuts is often a few frames short of its
// captions' needs. It re-breaks the turns before the last anchor (those
// whose time the cuts fix) with the same search and the same rising price
// of screen time as rebreak (short captions merge first, clause breaks
// stay), the turns after it as before, and takes the first re-break whose
// captions fit and keep every anchor they find, breaking no more rules
// than the first break's timing. Otherwise the first break and its timing
// (starts, ends) stand.
func rebreakForCuts(r rules.Profile, units *segment.Turns, p framePlan, w timing.Window, caps []captions.Caption, need, starts, ends []timing.Frame) ([]captions.Caption, []timing.Frame, []timing.Frame, []timing.Frame) {
	dash := r.SpeakerChange == rules.SpeakerDash
	chars := make([]float64, len(caps))
	for k, c := range caps {
		chars[k] = max(r.CaptionChars(c), 1)
	}
	anchors := p.speakerAnchors(caps, p.proportional(chars, nil))
	if len(anchors) == 0 {
		return caps, need, starts, ends
	}
	var owner []int
	units.AssembleEach(segment.DefaultBlockCost, dash, nil, 0, &owner)
	if len(owner) != len(caps) {
		return caps, need, starts, ends
	}
	lastTurn := owner[anchors[len(anchors)-1].k] // first turn not squeezed
	tc := &segment.TimeCost{FPS: float64(p.rate.Num()) / float64(p.rate.Den()), CPS: r.MaxCPS, MinFrames: p.minD, MaxFrames: p.maxD, GapFrames: p.gap}
	base := len(p.brokenRules(r, caps, starts, ends))
	for _, l := range rebreakLambdas {
		tc.Lambda = l
		c := units.AssembleEach(segment.DefaultBlockCost, dash, tc, lastTurn, nil)
		n := p.needed(r, c)
		if !p.fits(n) {
			continue
		}
		s, e, all := p.place(r, c, n, w)
		if !all || len(p.brokenRules(r, c, s, e)) > base {
			continue // captions differ, so compare counts
		}
		return c, n, s, e
	}
	return caps, need, starts, ends
}

// brokenRule is one rule one caption breaks.
type brokenRule struct {
	caption int
	rule    string
}

// brokenRules returns the rules Check finds broken by the captions timed
// at starts and ends.
func (p framePlan) brokenRules(r rules.Profile, caps []captions.Caption, starts, ends []timing.Frame) map[brokenRule]struct{} {
	timed := slices.Clone(caps)
	for k := range timed {
		timed[k].Start = p.rate.Duration(starts[k])
		timed[k].End = p.rate.Duration(ends[k])
	}
	set := make(map[brokenRule]struct{})
	for _, v := range r.Check(timed, p.rate, p.cuts) {
		set[brokenRule{v.Caption, v.Rule}] = struct{}{}
	}
	return set
}
