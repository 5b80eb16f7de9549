package report

import (
	"bufio"
	"math"
	"slices"
	"strconv"
	"time"
)

// aggClasses are the colour classes of an aggregated timeline column, in
// increasing order of concern: a column takes the worst class of the
// captions that cover it.
var aggClasses = [...]string{"", "cps-ok", "cps-nolimit", "cps-none", "cps-near", "cps-over"}

func aggRank(class string) int {
	for i, c := range aggClasses {
		if c == class {
			return i
		}
	}
	return 0
}

// MaxTimelineBars is how many captions the HTML report's timeline draws
// one by one; past it the timeline is aggregated into columns (see
// Timeline).
const MaxTimelineBars = maxBars

// Timeline is the aggregated HTML timeline and CPS histogram of a file of
// more than MaxTimelineBars captions, gathered caption by caption in
// memory bounded by the page (rows × columns), not by the captions. A
// caller that gives the streamed form of a large file (Stats and Kept, no
// Spans) builds one with NewTimeline after a first pass over the file and
// Adds every caption again in a second pass, in file order.
type Timeline struct {
	layout  timelineLayout
	col     time.Duration
	total   int
	maxCPS  float64
	diff    [len(aggClasses)][]int32 // coverage per class, as difference arrays
	flag    []int32                  // coverage by captions with violations
	flagged []int32                  // numbers of the captions with violations, ascending
	next    int                      // place in flagged
	n       int                      // captions added
	classes [len(aggClasses)]int     // captions per CPS class
	shape   histShape
	hist    []int // captions per histogram bin; nil when no CPS is defined
}

// NewTimeline returns the empty Timeline of r, whose Stats (gathered in a
// first pass over every caption), Cuts, MaxCPS and Violations it takes
// its layout, histogram bins and flags from. It returns nil when r has no
// Stats.
func NewTimeline(r *FileResult) *Timeline {
	st := r.Stats
	if st == nil {
		return nil
	}
	lo, hi := timeLimit, -timeLimit
	if st.n > 0 {
		lo, hi = clampTime(st.lo), clampTime(st.hi)
	}
	top := st.max
	if st.inf > 0 {
		top = math.Inf(1)
	}
	return newTimeline(layoutRows(lo, hi, r.Cuts), st.defined+st.inf, top, r)
}

// newTimeline returns an empty timeline with the given layout, for
// captions of which valid have a defined CPS (+Inf included), top the
// largest.
func newTimeline(l timelineLayout, valid int, top float64, r *FileResult) *Timeline {
	t := &Timeline{layout: l, maxCPS: r.MaxCPS}
	t.total = l.rows * aggCols
	t.col = l.span / aggCols
	if t.col <= 0 {
		t.col = 1
	}
	for k := 1; k < len(aggClasses); k++ {
		t.diff[k] = make([]int32, t.total+1)
	}
	t.flag = make([]int32, t.total+1)
	for _, v := range r.Violations {
		if v.Caption > 0 {
			t.flagged = append(t.flagged, int32(v.Caption))
		}
	}
	slices.Sort(t.flagged)
	t.flagged = slices.Compact(t.flagged)
	if valid > 0 {
		t.shape = newHistShape(top, r.MaxCPS)
		t.hist = make([]int, t.shape.nb)
	}
	return t
}

// spansTimeline aggregates the captions r holds (Captions or Spans).
func spansTimeline(r *FileResult) *Timeline {
	valid, top := 0, 0.0
	for _, v := range r.CPS {
		if math.IsNaN(v) || v < 0 {
			continue
		}
		valid++
		top = max(top, v)
	}
	t := newTimeline(layoutTimeline(r, false), valid, top, r)
	for i := range r.count() {
		c := r.span(i)
		t.Add(c.Start, c.End, cpsAt(r, i))
	}
	return t
}

// Add counts the next caption, in file order: its times and its CPS
// (negative or NaN: undefined).
func (t *Timeline) Add(start, end time.Duration, cps float64) {
	t.n++
	idx := func(x time.Duration) int {
		return max(0, min(int(floorDiv(clampTime(x)-t.layout.t0, t.col)), t.total-1))
	}
	a := idx(start)
	e := max(clampTime(end), clampTime(start))
	z := idx(e - 1)
	if e <= start || z < a {
		z = a
	}
	k := aggRank(cpsClass(cps, t.maxCPS))
	t.classes[k]++
	t.diff[k][a]++
	t.diff[k][z+1]--
	for t.next < len(t.flagged) && int(t.flagged[t.next]) < t.n {
		t.next++
	}
	if t.next < len(t.flagged) && int(t.flagged[t.next]) == t.n {
		t.flag[a]++
		t.flag[z+1]--
	}
	if t.hist != nil && !math.IsNaN(cps) && cps >= 0 {
		t.hist[t.shape.bin(cps)]++
	}
}

// Captions returns the number of captions added.
func (t *Timeline) Captions() int { return t.n }

// histogram draws the CPS histogram.
func (t *Timeline) histogram() htmlHist {
	if t.hist == nil {
		return htmlHist{Empty: true}
	}
	return t.shape.render(t.hist, t.maxCPS)
}

// writeAggregateTimeline draws the timeline of a file with more than
// maxBars captions in bounded size: each row is cut into aggCols columns,
// and runs of columns of the same worst CPS class are one
// <rect class="caption-agg …"> (with a tooltip of its time range), columns
// holding a caption with violations are underlined by a
// <rect class="flag-agg">, and a column with shot changes gets one
// <line class="shot-change">. The page then grows with the number of rows
// (at most maxRows), never with the number of captions.
func writeAggregateTimeline(w *bufio.Writer, hf *htmlFile, r *FileResult, t *Timeline) timelineCounts {
	l := &hf.layout
	var n timelineCounts
	n.rows = l.rows
	total, col := t.total, t.col
	idx := func(x time.Duration) int {
		return max(0, min(int(floorDiv(clampTime(x)-l.t0, col)), total-1))
	}
	cut := make([]bool, total)
	for _, c := range r.Cuts {
		cut[idx(c)] = true
	}
	worst := make([]uint8, total)
	run := make([]int32, len(aggClasses))
	fl := int32(0)
	flagged := make([]bool, total)
	for g := 0; g < total; g++ {
		for k := 1; k < len(aggClasses); k++ {
			run[k] += t.diff[k][g]
			if run[k] > 0 {
				worst[g] = uint8(k)
			}
		}
		fl += t.flag[g]
		flagged[g] = fl > 0
	}

	h := strconv.Itoa(l.height)
	cw := float64(timelineWidth) / aggCols
	b := make([]byte, 0, 64<<10)
	for k := range l.rows {
		rs := l.rowStart(k)
		b = append(b, "\n<div class=\"row lanes-1\"><div class=\"row-label\">"...)
		b = appendClock(b, rs)
		b = append(b, `</div><svg width="1204" height="`...)
		b = append(b, h...)
		b = append(b, `" viewBox="-2 0 1204 `...)
		b = append(b, h...)
		b = append(b, `">`...)
		tick := l.span / 6
		for j := range 6 {
			x := float64(j) * timelineWidth / 6
			b = append(b, `<line class="tick" x1="`...)
			b = appendPx(b, x)
			b = append(b, `" x2="`...)
			b = appendPx(b, x)
			b = append(b, `" y1="10" y2="`...)
			b = append(b, h...)
			b = append(b, `"></line><text x="`...)
			b = appendPx(b, x)
			b = append(b, `" y="9">`...)
			if j > 0 {
				b = append(b, '+')
			}
			b = append(b, shortDur(time.Duration(j)*tick)...)
			b = append(b, "</text>"...)
		}
		base := k * aggCols
		for c := 0; c < aggCols; {
			g := base + c
			e := c + 1
			for e < aggCols && worst[base+e] == worst[g] {
				e++
			}
			if worst[g] != 0 {
				b = append(b, `<rect class="caption-agg `...)
				b = append(b, aggClasses[worst[g]]...)
				b = append(b, `" x="`...)
				b = appendPx(b, float64(c)*cw)
				b = append(b, `" y="`...)
				b = strconv.AppendInt(b, rowTop, 10)
				b = append(b, `" width="`...)
				b = appendPx(b, float64(e-c)*cw)
				b = append(b, `" height="14"><title>`...)
				b = appendClock(b, rs+time.Duration(c)*col)
				b = append(b, " – "...)
				b = appendClock(b, rs+time.Duration(e)*col)
				b = append(b, "</title></rect>"...)
				n.bars++
			}
			c = e
		}
		for c := 0; c < aggCols; {
			e := c + 1
			for e < aggCols && flagged[base+e] == flagged[base+c] {
				e++
			}
			if flagged[base+c] {
				b = append(b, `<rect class="flag-agg" x="`...)
				b = appendPx(b, float64(c)*cw)
				b = append(b, `" y="`...)
				b = strconv.AppendInt(b, rowTop+laneHeight, 10)
				b = append(b, `" width="`...)
				b = appendPx(b, float64(e-c)*cw)
				b = append(b, `" height="3"></rect>`...)
			}
			c = e
		}
		for c := 0; c < aggCols; c++ {
			if !cut[base+c] {
				continue
			}
			x := (float64(c) + 0.5) * cw
			b = append(b, `<line class="shot-change" x1="`...)
			b = appendPx(b, x)
			b = append(b, `" x2="`...)
			b = appendPx(b, x)
			b = append(b, `" y1="10" y2="`...)
			b = append(b, h...)
			b = append(b, `"></line>`...)
			n.cuts++
		}
		b = append(b, "\n</svg></div>"...)
		if len(b) >= 32<<10 {
			w.Write(b) // errors stick in w and come back from Flush
			b = b[:0]
		}
	}
	w.Write(b)
	return n
}
