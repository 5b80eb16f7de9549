package report

import (
	"bufio"
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

// writeAggregateTimeline draws the timeline of a file with more than
// maxBars captions in bounded size: each row is cut into aggCols columns,
// and runs of columns of the same worst CPS class are one
// <rect class="caption-agg …"> (with a tooltip of its time range), columns
// holding a caption with violations are underlined by a
// <rect class="flag-agg">, and a column with shot changes gets one
// <line class="shot-change">. The page then grows with the number of rows
// (at most maxRows), never with the number of captions.
func writeAggregateTimeline(w *bufio.Writer, hf *htmlFile, r *FileResult) timelineCounts {
	l := &hf.layout
	var n timelineCounts
	n.rows = l.rows
	total := l.rows * aggCols
	col := l.span / aggCols
	if col <= 0 {
		col = 1
	}
	idx := func(t time.Duration) int {
		return max(0, min(int(floorDiv(clampTime(t)-l.t0, col)), total-1))
	}
	// Difference arrays: coverage per class, and of flagged captions.
	diff := make([][]int32, len(aggClasses))
	for k := 1; k < len(aggClasses); k++ {
		diff[k] = make([]int32, total+1)
	}
	flag := make([]int32, total+1)
	for i := range r.count() {
		c := r.span(i)
		a := idx(c.Start)
		e := max(clampTime(c.End), clampTime(c.Start))
		z := idx(e - 1)
		if e <= c.Start || z < a {
			z = a
		}
		k := aggRank(cpsClass(cpsAt(r, i), r.MaxCPS))
		diff[k][a]++
		diff[k][z+1]--
		if len(hf.vi.of(i+1)) > 0 {
			flag[a]++
			flag[z+1]--
		}
	}
	cut := make([]bool, total)
	for _, t := range r.Cuts {
		cut[idx(t)] = true
	}
	worst := make([]uint8, total)
	run := make([]int32, len(aggClasses))
	fl := int32(0)
	flagged := make([]bool, total)
	for g := 0; g < total; g++ {
		for k := 1; k < len(aggClasses); k++ {
			run[k] += diff[k][g]
			if run[k] > 0 {
				worst[g] = uint8(k)
			}
		}
		fl += flag[g]
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
