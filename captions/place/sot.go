package place

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
)

// Input is one soundbite to caption: its turns, the window in which it
// plays on the record timeline and the frame rate of that timeline.
type Input struct {
	Turns  []captions.Turn
	Window timing.Window
	Rate   timing.Rate
	// Limit is the first frame the captions may not reach: the next SOT's
	// record in, or 0 when nothing follows. The captions end at the
	// earlier of Window.Out + MaxHang and Limit - MinGapFrames.
	Limit timing.Frame
	// Style is the house style of segmentation; nil means the built-in one.
	Style *segment.Style
}

// Result is the captions of one soundbite and how well they fit.
type Result struct {
	// Captions are timed on the programme timeline, in order.
	Captions []captions.Caption
	// NeededSeconds is the reading time the text needs under the rules:
	// per caption the longer of MinDuration and its characters at MaxCPS,
	// plus the minimum gaps between captions.
	NeededSeconds float64
	// AvailableSeconds is the time the captions may use: from the window's
	// in to its out plus the hang allowed (less where the next SOT follows).
	AvailableSeconds float64
	// Compressed is set when the text could not be read in the time
	// available and every caption was shortened by the same factor.
	Compressed bool
	// Violations are the broken rules (Caption counted from 1 within this
	// SOT), as Check reports them.
	Violations []rules.Violation
}

// ErrWindowTooShort is matched (errors.Is) by the error TimeSOT returns when
// a window cannot show even one caption for the minimum duration.
var ErrWindowTooShort = errors.New("SOT window too short")

// fillBlockCost is the per-caption cost used when the window is short:
// fewer, fuller captions waste less time on minimum durations and gaps.
const fillBlockCost = 25.0

// TimeSOT splits a soundbite's turns into captions (Break, one unit per
// turn: a caption never holds two speakers unless they share it with dash
// lines) and times them inside the window:
//
//  1. every caption needs max(MinDuration, characters / MaxCPS) frames,
//     computed once and rounded up once to whole frames, and at most
//     MaxDuration;
//  2. captions start in proportion to the characters before them (speech
//     is roughly even), then are pushed apart just enough for their needed
//     durations and the minimum gap, and chained: each ends MinGapFrames
//     before the next starts (unless that would exceed MaxDuration);
//  3. the last caption ends at the window's out, or up to MaxHang later if
//     it needs the time, never at or past Limit - MinGapFrames;
//  4. in and out times near a cut move onto it (an out time to MinGapFrames
//     before it) or ShotChangeZone away from it when the durations allow.
//  5. a caption that starts a new speaker's turn within half MaxDuration
//     of a cut starts on it (the editor cuts to who speaks), the captions
//     between such cuts sharing their spans in proportion, unless that
//     breaks a rule the timing without it keeps (then the turns before the
//     cut are re-broken at a price of screen time, or the anchor dropped).
//
// When the text does not fit, TimeSOT first re-breaks it with the same
// search, adding each caption's screen time to its cost at a rising price
// until the captions fit (short captions merge first, clause breaks stay);
// then it tries captions packed as full as they go, and short turns of
// different speakers sharing a caption as dash lines (the language's dash
// style); finally it keeps every word and shortens every caption by the
// same factor, setting Compressed. The
// violations that remain are reported, not fixed by dropping text.
//
// Errors: a zero rate, a window whose Out is not after In, a window too
// short for one caption (ErrWindowTooShort) or a word longer than a line
// (ErrWordTooLong).
func SOT(r rules.Profile, in Input) (Result, error) {
	var res Result
	if in.Rate.IsZero() {
		return res, errors.New("time SOT: no frame rate")
	}
	w := in.Window
	if w.Out <= w.In {
		return res, fmt.Errorf("time SOT: window %d–%d is empty", w.In, w.Out)
	}
	p := newFramePlan(r, in)
	res.AvailableSeconds = in.Rate.Seconds(p.end - w.In)
	if p.end-w.In < p.minD {
		return res, fmt.Errorf("%w: %s available, a caption needs %s (min_duration)",
			ErrWindowTooShort, secs(in.Rate, p.end-w.In), secs(in.Rate, p.minD))
	}

	units, err := segment.PrepareStyle(r, in.Turns, in.Style)
	if err != nil {
		return res, err
	}
	caps := units.Assemble(segment.DefaultBlockCost, r.SpeakerChange == rules.SpeakerDash, nil)
	if len(caps) == 0 {
		return res, nil
	}
	need := p.needed(r, caps)
	if !p.fits(need) {
		caps, need = rebreak(r, units, p, caps, need)
	}
	res.NeededSeconds = in.Rate.Seconds(sum(need) + timing.Frame(len(need)-1)*p.gap)

	var starts, ends []timing.Frame
	if p.fits(need) {
		var all bool
		starts, ends, all = p.place(r, caps, need, w)
		if !all {
			caps, _, starts, ends = rebreakForCuts(r, units, p, w, caps, need, starts, ends)
		}
	} else {
		res.Compressed = true
		starts, ends, err = p.compress(need, w.In)
		if err != nil {
			return res, err
		}
	}
	for k := range caps {
		caps[k].Start = in.Rate.Duration(starts[k])
		caps[k].End = in.Rate.Duration(ends[k])
	}
	res.Captions = caps
	res.Violations = r.Check(caps, in.Rate, w.Cuts)
	return res, nil
}

func secs(r timing.Rate, n timing.Frame) string {
	return fmt.Sprintf("%.3gs (%d frames)", r.Seconds(n), n)
}

// framePlan holds a SOT's rules in frames at its rate.
type framePlan struct {
	rate                   timing.Rate
	minD, maxD, gap, zone  timing.Frame
	snapIn                 timing.Frame // an in-time this close before a cut moves onto it
	end                    timing.Frame // first frame no caption may reach
	cuts                   []timing.Cut
	speechOut, speechStart timing.Frame
}

func newFramePlan(r rules.Profile, in Input) framePlan {
	p := framePlan{rate: in.Rate}
	p.minD = max(r.MinDuration.Frames(in.Rate), 1)
	p.maxD = r.MaxDuration.Frames(in.Rate)
	p.gap = timing.Frame(max(r.MinGapFrames, 0))
	p.zone = r.ShotChangeZone.Frames(in.Rate)
	// Netflix: 7 frames at 24 fps before a cut snap to it; scale with rate.
	p.snapIn = (p.zone*7 + 6) / 12
	p.end = in.Window.Out + r.MaxHang.Frames(in.Rate)
	if in.Limit > 0 && in.Limit-p.gap < p.end {
		p.end = in.Limit - p.gap
	}
	p.speechStart, p.speechOut = in.Window.In, in.Window.Out
	p.cuts = slices.Clone(in.Window.Cuts)
	slices.SortFunc(p.cuts, func(a, b timing.Cut) int { return cmp.Compare(a.Frame, b.Frame) })
	return p
}

// readFrames is the one place a reading time becomes frames: chars at cps,
// rounded up once to a whole frame.
func readFrames(chars, cps float64, rate timing.Rate) timing.Frame {
	if cps <= 0 || chars <= 0 {
		return 0
	}
	f := chars / cps * float64(rate.Num()) / float64(rate.Den())
	return timing.Frame(math.Ceil(f - 1e-9))
}

// needed returns the frames each caption needs.
func (p framePlan) needed(r rules.Profile, caps []captions.Caption) []timing.Frame {
	need := make([]timing.Frame, len(caps))
	for k, c := range caps {
		d := max(p.minD, readFrames(r.CaptionChars(c), r.MaxCPS, p.rate))
		if p.maxD > 0 && d > p.maxD {
			d = max(p.maxD, p.minD)
		}
		need[k] = d
	}
	return need
}

func (p framePlan) fits(need []timing.Frame) bool {
	return sum(need)+timing.Frame(len(need)-1)*p.gap <= p.end-p.speechStart
}

func sum(v []timing.Frame) timing.Frame {
	var s timing.Frame
	for _, x := range v {
		s += x
	}
	return s
}

// rebreakLambdas are the prices of a second of screen time tried, in
// order, when the captions do not fit their window: from a nudge (merge
// what flashes by) to a price that outweighs most linguistic costs.
var rebreakLambdas = [...]float64{1, 2, 4, 8, 16, 32}

// rebreakSlack is how much more time (a fraction) a re-break may need
// than the one needing least, when none fits, to keep better breaks: the
// text is compressed either way, and 1 % of it is a frame or two a caption.
const rebreakSlack = 0.01

// rebreak re-breaks turns whose captions need more time than the window
// has. Each try is the same search as Break, over each whole turn, with
// the screen time of each caption added to its cost at a rising price per
// second; the first that fits wins, so captions stay cut at clause
// boundaries and only as many short ones are merged as the time needs.
// When none fits, captions packed as full as they go (fillBlockCost), and
// then also sharing captions between speakers as dash lines, join the
// tries, and the try at the lowest price that needs at most rebreakSlack
// more time than the least is kept.
func rebreak(r rules.Profile, units *segment.Turns, p framePlan, caps []captions.Caption, need []timing.Frame) ([]captions.Caption, []timing.Frame) {
	total := func(n []timing.Frame) timing.Frame { return sum(n) + timing.Frame(len(n))*p.gap }
	type try struct {
		caps []captions.Caption
		need []timing.Frame
	}
	tries := []try{{caps, need}}
	tc := &segment.TimeCost{FPS: float64(p.rate.Num()) / float64(p.rate.Den()), CPS: r.MaxCPS, MinFrames: p.minD, MaxFrames: p.maxD, GapFrames: p.gap}
	dash := r.SpeakerChange == rules.SpeakerDash
	for _, l := range rebreakLambdas {
		tc.Lambda = l
		c := units.Assemble(segment.DefaultBlockCost, dash, tc)
		n := p.needed(r, c)
		if p.fits(n) {
			return c, n
		}
		tries = append(tries, try{c, n})
	}
	c := units.Assemble(fillBlockCost, dash, nil)
	tries = append(tries, try{c, p.needed(r, c)})
	if !dash {
		// Last resort: short turns of different speakers share a caption.
		c := units.Assemble(fillBlockCost, true, nil)
		tries = append(tries, try{c, p.needed(r, c)})
	}
	for _, t := range tries {
		if p.fits(t.need) {
			return t.caps, t.need
		}
	}
	least := total(tries[0].need)
	for _, t := range tries[1:] {
		least = min(least, total(t.need))
	}
	for _, t := range tries {
		if float64(total(t.need)) <= float64(least)*(1+rebreakSlack) {
			return t.caps, t.need
		}
	}
	return caps, need
}

// place times captions that fit: proportional starts, pushed apart for
// their needs, chained, then moved off cuts. A speaker change near a cut is
// anchored on it when that breaks no rule the plain timing keeps (see
// speakerAnchors).
// all reports whether every anchor found was kept.
func (p framePlan) place(r rules.Profile, caps []captions.Caption, need []timing.Frame, w timing.Window) (starts, ends []timing.Frame, all bool) {
	n := len(caps)
	chars := make([]float64, n)
	for k, c := range caps {
		chars[k] = max(r.CaptionChars(c), 1)
	}
	starts = p.proportional(chars, nil)
	anchors := p.speakerAnchors(caps, starts)
	ends = make([]timing.Frame, n)
	p.settle(starts, ends, need, nil)
	if len(anchors) == 0 {
		return starts, ends, true
	}
	return p.placeAnchored(r, caps, chars, need, anchors, starts, ends)
}

// proportional returns each caption's start in proportion to the
// characters before it: over the whole speech, or, with anchors, within
// each span from one anchor (or the speech's start) to the next (or the
// speech's end), every anchored caption starting on its anchor.
func (p framePlan) proportional(chars []float64, anchors []anchor) []timing.Frame {
	starts := make([]timing.Frame, len(chars))
	from, a := 0, 0
	spanStart := p.speechStart
	for from < len(chars) {
		to, spanEnd := len(chars), p.speechOut
		if a < len(anchors) {
			to, spanEnd = anchors[a].k, anchors[a].frame
		}
		total := 0.0
		for k := from; k < to; k++ {
			total += chars[k]
		}
		span := max(spanEnd-spanStart, 0)
		acc := 0.0
		for k := from; k < to; k++ {
			starts[k] = spanStart + timing.Frame(math.Floor(float64(span)*acc/total))
			acc += chars[k]
		}
		if a >= len(anchors) {
			break
		}
		from, spanStart = to, spanEnd
		a++
	}
	return starts
}

// settle pushes proportional starts apart just enough for every caption's
// need and the gaps, within the end and before each anchored start, then
// chains the captions and moves their times off cuts.
func (p framePlan) settle(starts, ends, need []timing.Frame, anchors []anchor) {
	n := len(starts)
	// Latest start of each caption so that it and all after it fit (and,
	// for an anchored caption, no later than its anchor).
	latest := make([]timing.Frame, n)
	l := p.end
	a := len(anchors) - 1
	for k := n - 1; k >= 0; k-- {
		l -= need[k]
		if a >= 0 && anchors[a].k == k {
			l = min(l, anchors[a].frame)
			a--
		}
		latest[k] = l
		l -= p.gap
	}
	for k := range starts {
		if k > 0 {
			starts[k] = max(starts[k], starts[k-1]+need[k-1]+p.gap)
		} else {
			starts[k] = max(starts[k], p.speechStart)
		}
	}
	for k := n - 1; k >= 0; k-- {
		starts[k] = min(starts[k], latest[k])
	}
	p.chain(starts, ends, need)
	p.avoidCuts(starts, ends, need)
}

// chain sets each end from the next start (less the gap) within the
// maximum duration, and the last end at the speech's end or later when the
// caption needs it, within the hang.
func (p framePlan) chain(starts, ends, need []timing.Frame) {
	n := len(starts)
	for k := 0; k < n; k++ {
		var e timing.Frame
		if k+1 < n {
			e = starts[k+1] - p.gap
		} else {
			e = min(max(p.speechOut, starts[k]+need[k]), p.end)
		}
		if p.maxD > 0 && e-starts[k] > p.maxD {
			e = starts[k] + p.maxD
		}
		ends[k] = e
	}
}

// avoidCuts moves in and out times that fall near a cut onto it or away
// from it, keeping every caption's need, the gaps and the bounds. A time
// that cannot move stays and is reported by Check.
func (p framePlan) avoidCuts(starts, ends, need []timing.Frame) {
	if p.zone <= 0 || len(p.cuts) == 0 {
		return
	}
	n := len(starts)
	lo := func(k int) timing.Frame { // earliest start of caption k
		if k == 0 {
			return p.speechStart
		}
		return ends[k-1] + p.gap
	}
	hi := func(k int) timing.Frame { // latest end of caption k
		if k+1 < n {
			return starts[k+1] - p.gap
		}
		return p.end
	}
	before := max(p.gap, 2)
	for k := 0; k < n; k++ {
		chained := k > 0 && starts[k] == ends[k-1]+p.gap
		if p.inOK(starts[k]) && (!chained || p.outOK(ends[k-1], before)) {
			continue
		}
		var best timing.Frame = -1
		for _, c := range p.near(starts[k]) {
			for _, cand := range []timing.Frame{c.Frame, c.Frame + c.Frames + p.zone + p.gap, c.Frame - p.zone, c.Frame + c.Frames + p.zone} {
				if !p.inOK(cand) || cand+need[k] > hi(k) {
					continue
				}
				if chained {
					pe := cand - p.gap
					if pe-starts[k-1] < need[k-1] || p.maxD > 0 && pe-starts[k-1] > p.maxD || !p.outOK(pe, before) {
						continue
					}
				} else if cand < lo(k) {
					continue
				}
				if best < 0 || p.moveCost(starts[k], cand) < p.moveCost(starts[k], best) {
					best = cand
				}
			}
		}
		if best >= 0 {
			if chained {
				ends[k-1] = best - p.gap
			}
			starts[k] = best
			if ends[k] < starts[k]+need[k] {
				ends[k] = starts[k] + need[k]
			}
			if p.maxD > 0 && ends[k]-starts[k] > p.maxD {
				ends[k] = starts[k] + p.maxD
			}
			if k+1 < n && ends[k] > starts[k+1]-p.gap {
				ends[k] = starts[k+1] - p.gap
			}
		}
	}
	// Out times not followed by a chained start (gaps, the last caption).
	for k := 0; k < n; k++ {
		if k+1 < n && starts[k+1] == ends[k]+p.gap {
			continue
		}
		if p.outOK(ends[k], before) {
			continue
		}
		var best timing.Frame = -1
		for _, c := range p.near(ends[k]) {
			for _, cand := range []timing.Frame{c.Frame - p.gap, c.Frame, c.Frame - p.zone, c.Frame + c.Frames + p.zone} {
				if cand-starts[k] < need[k] || cand > hi(k) || !p.outOK(cand, before) {
					continue
				}
				if p.maxD > 0 && cand-starts[k] > p.maxD {
					continue
				}
				if best < 0 || absInt64(cand-ends[k]) < absInt64(best-ends[k]) {
					best = cand
				}
			}
		}
		if best >= 0 {
			ends[k] = best
		}
	}
}

// moveCost ranks moving an in-time from s to cand: the distance, except
// that an in-time up to snapIn frames before a cut moves onto it first
// (Netflix: "within 7 frames before a shot change, move to the shot
// change").
func (p framePlan) moveCost(s, cand timing.Frame) timing.Frame {
	if d := cand - s; d > 0 && d <= p.snapIn && p.isCut(cand) {
		return 0
	}
	return absInt64(cand - s)
}

func (p framePlan) isCut(f timing.Frame) bool {
	for _, c := range p.near(f) {
		if c.Frame == f {
			return true
		}
	}
	return false
}

// near returns the cuts within the zone (plus the in-snap) of frame f.
func (p framePlan) near(f timing.Frame) []timing.Cut {
	lo, _ := slices.BinarySearchFunc(p.cuts, f-p.zone-p.gap-2, func(c timing.Cut, x timing.Frame) int { return cmp.Compare(c.Frame+c.Frames, x) })
	hiI := lo
	for hiI < len(p.cuts) && p.cuts[hiI].Frame <= f+p.zone+p.gap+2 {
		hiI++
	}
	return p.cuts[lo:hiI]
}

func (p framePlan) inOK(s timing.Frame) bool {
	for _, c := range p.near(s) {
		if _, ok := rules.InTimeOK(s, c, p.zone); !ok {
			return false
		}
	}
	return true
}

func (p framePlan) outOK(e, before timing.Frame) bool {
	for _, c := range p.near(e) {
		if _, ok := rules.OutTimeOK(e, c, p.zone, before); !ok {
			return false
		}
	}
	return true
}

// compress times captions that do not fit, as evenly as the rules allow:
// the minimum gaps are kept when there is room for them, then the minimum
// duration, and every caption gets the same fraction f of the frames it
// needs (the largest f that fits, found by bisection), never less than the
// minimum duration; the frames left over go, one each, to the captions
// squeezed hardest.
func (p framePlan) compress(need []timing.Frame, in timing.Frame) (starts, ends []timing.Frame, err error) {
	n := timing.Frame(len(need))
	gap := p.gap
	avail := p.end - in - (n-1)*gap
	if avail < n {
		gap = 0
		avail = p.end - in
	}
	if avail < n {
		return nil, nil, fmt.Errorf("%w: %d captions need at least %d frames, %d available",
			ErrWindowTooShort, n, n, p.end-in)
	}
	floor := min(p.minD, avail/n)
	durs := func(f float64, dur []timing.Frame) timing.Frame {
		var used timing.Frame
		for k, d := range need {
			dur[k] = max(floor, timing.Frame(float64(d)*f))
			used += dur[k]
		}
		return used
	}
	dur := make([]timing.Frame, n)
	lo, hi := 0.0, 1.0
	for range 60 {
		if mid := (lo + hi) / 2; durs(mid, dur) <= avail {
			lo = mid
		} else {
			hi = mid
		}
	}
	used := durs(lo, dur)
	order := make([]int, n)
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ra := float64(need[a]) / float64(dur[a])
		rb := float64(need[b]) / float64(dur[b])
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return 0
	})
	for i := 0; used < avail; i = (i + 1) % len(order) {
		dur[order[i]]++
		used++
	}
	starts = make([]timing.Frame, n)
	ends = make([]timing.Frame, n)
	t := in
	for k := range dur {
		starts[k] = t
		ends[k] = t + dur[k]
		t = ends[k] + gap
	}
	return starts, ends, nil
}

func absInt64(a timing.Frame) timing.Frame {
	if a < 0 {
		return -a
	}
	return a
}
