package qc

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// Layout of the HTML timeline. The timeline is cut into rows of equal
// length stacked vertically, so that a file of any length stays readable
// and scrolls one way; rows off screen are not laid out by the browser
// (CSS content-visibility), which keeps pages of 100,000 captions usable.
const (
	timelineWidth = 1200 // px per row
	maxRows       = 500  // rows per file at most; the row length grows to fit
	maxLanes      = 3    // overlapping captions are drawn in up to 3 lanes
	laneHeight    = 16   // px per lane
	rowTop        = 14   // px above the lanes for tick labels
	histWidth     = 640
	histHeight    = 180
	histBins      = 40 // bins in the CPS histogram at most
	openViolLimit = 2000
)

// WriteHTML writes results as one self-contained HTML page: inline CSS and
// inline SVG, no scripts, no fonts, nothing fetched from the network. Per
// file it shows a summary, a timeline of the captions as bars coloured by
// CPS against the profile's limit (green up to 80 % of the limit, amber up
// to the limit, red above it) with shot changes as vertical lines, a CPS
// histogram with the limit marked, the reading warnings and the violations
// table with each caption's text.
//
// Each caption is exactly one <rect class="caption-bar" data-index="N">
// (N counted from 1, as in the violations) whose <title> tooltip gives its
// times, CPS, violations and text; a caption that runs past the end of a
// timeline row continues in <rect class="caption-cont"> elements. Each cut
// is one <line class="shot-change">. All text is escaped by html/template.
func WriteHTML(w io.Writer, results []FileResult) error {
	if err := validateAll(results); err != nil {
		return err
	}
	page := htmlPage{Formula: CPSFormula}
	for i := range results {
		page.Files = append(page.Files, buildHTMLFile(i, &results[i]))
	}
	switch len(results) {
	case 0:
		page.Title = "sotcap check"
	case 1:
		page.Title = "sotcap check: " + results[0].File
	default:
		page.Title = "sotcap check: " + strconv.Itoa(len(results)) + " files"
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTemplate().Execute(bw, &page); err != nil {
		return err
	}
	return bw.Flush()
}

type htmlPage struct {
	Title   string
	Formula string
	Files   []htmlFile
}

type htmlFile struct {
	ID                       string
	File, Format, Profile    string
	Limit                    string // "" when there is no limit
	Captions                 int
	Duration                 string
	Mean, P50, P90, Max      string
	Undefined                int
	Violations               int
	ByRule                   []RuleCount
	Warnings                 []captions.Warning
	Cuts                     int
	Rows                     []htmlRow
	RowSpan                  string
	Lanes                    int
	RowHeight                int
	Hist                     htmlHist
	ViolRows                 []htmlViol
	OpenViolations           bool
	CountOK, CountNear, Over int
	CountNone                int
}

type htmlRow struct {
	Label string
	Ticks []htmlTick
	Bars  []htmlBar
	Conts []htmlCont
	Cuts  []htmlCut
}

type htmlTick struct {
	X     string
	Label string
}

type htmlBar struct {
	Index   int
	Class   string
	X, Y, W string
	Title   string
	Href    string
}

type htmlCont struct {
	Class   string
	X, Y, W string
}

type htmlCut struct {
	X     string
	Title string
}

type htmlHist struct {
	Bars     []htmlHistBar
	Labels   []htmlTick
	MaxCount int
	LimitX   string
	Limit    string
	Empty    bool
}

type htmlHistBar struct {
	Class      string
	X, Y, W, H string
	Title      string
}

type htmlViol struct {
	ID                 string
	Caption            int
	Start, End         string
	Rule, Value, Limit string
	Text               string
}

// cpsClass is the colour class of a caption with the given CPS.
func cpsClass(cps, limit float64) string {
	switch {
	case math.IsNaN(cps) || cps < 0:
		return "cps-none"
	case limit <= 0:
		return "cps-nolimit"
	case cps <= 0.8*limit:
		return "cps-ok"
	case cps <= limit:
		return "cps-near"
	}
	return "cps-over"
}

func px(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func buildHTMLFile(i int, r *FileResult) htmlFile {
	s := Summarize(*r)
	id := "f" + strconv.Itoa(i+1)
	hf := htmlFile{
		ID:         id,
		File:       r.File,
		Format:     r.Format,
		Profile:    r.Profile,
		Captions:   s.Captions,
		Duration:   formatClock(s.Duration),
		Mean:       formatShort(s.CPS.Mean),
		P50:        formatShort(s.CPS.P50),
		P90:        formatShort(s.CPS.P90),
		Max:        formatShort(s.CPS.Max),
		Undefined:  s.CPS.Undefined,
		Violations: s.Violations,
		ByRule:     s.ByRule,
		Warnings:   r.Warnings,
		Cuts:       len(r.Cuts),
	}
	if r.MaxCPS > 0 {
		hf.Limit = formatShort(r.MaxCPS)
	}

	// Violations: per caption for the tooltips, in order for the table.
	perCaption := make(map[int][]captions.Violation)
	hf.ViolRows = make([]htmlViol, len(r.Violations))
	for j, v := range r.Violations {
		c := &r.Captions[v.Caption-1]
		row := htmlViol{
			Caption: v.Caption,
			Start:   formatClock(c.Start),
			End:     formatClock(c.End),
			Rule:    v.Rule,
			Value:   formatShort(v.Value),
			Limit:   formatShort(v.Limit),
			Text:    c.Text(),
		}
		if perCaption[v.Caption] == nil {
			row.ID = id + "-c" + strconv.Itoa(v.Caption)
		}
		perCaption[v.Caption] = append(perCaption[v.Caption], v)
		hf.ViolRows[j] = row
	}
	hf.OpenViolations = len(r.Violations) <= openViolLimit

	buildTimeline(&hf, r, perCaption)
	hf.Hist = buildHist(r.CPS, r.MaxCPS)
	return hf
}

func cpsAt(r *FileResult, i int) float64 {
	if r.CPS == nil {
		return math.NaN()
	}
	return r.CPS[i]
}

// rowSpan picks the length of a timeline row: a round length such that
// the file needs at most maxRows rows.
func rowSpan(total time.Duration) time.Duration {
	for _, s := range [...]time.Duration{
		time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute,
		20 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
	} {
		if total <= s*maxRows {
			return s
		}
	}
	// Absurd spans (a damaged time stamp): whole days, enough of them.
	day := 24 * time.Hour
	return (total/maxRows/day + 1) * day
}

func floorDiv(a, b time.Duration) time.Duration {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func buildTimeline(hf *htmlFile, r *FileResult, perCaption map[int][]captions.Violation) {
	if len(r.Captions) == 0 && len(r.Cuts) == 0 {
		return
	}
	lo, hi := time.Duration(math.MaxInt64), time.Duration(math.MinInt64)
	for _, c := range r.Captions {
		lo = min(lo, c.Start, c.End)
		hi = max(hi, c.Start, c.End)
	}
	for _, t := range r.Cuts {
		lo = min(lo, t)
		hi = max(hi, t)
	}
	// Spans beyond ±146 years overflow time.Duration arithmetic; such
	// times are damage, and clamping keeps the page drawable.
	const limit = time.Duration(math.MaxInt64 / 4)
	lo = max(min(lo, limit), -limit)
	hi = max(min(hi, limit), -limit)
	span := rowSpan(hi - lo)
	t0 := floorDiv(lo, span) * span
	nrows := int(floorDiv(hi-t0, span)) + 1
	hf.RowSpan = shortDur(span)
	hf.Rows = make([]htmlRow, nrows)
	scale := float64(timelineWidth) / float64(span)
	tick := span / 6
	for k := range hf.Rows {
		start := t0 + time.Duration(k)*span
		row := &hf.Rows[k]
		row.Label = formatClock(start)
		for j := 0; j < 6; j++ {
			t := time.Duration(j) * tick
			row.Ticks = append(row.Ticks, htmlTick{X: px(float64(t) * scale), Label: "+" + shortDur(t)})
		}
	}
	rowOf := func(t time.Duration) int {
		k := int(floorDiv(max(min(t, limit), -limit)-t0, span))
		return max(0, min(k, nrows-1))
	}

	// Lanes: a caption goes in the first lane free at its start.
	var laneEnd [maxLanes]time.Duration
	for l := range laneEnd {
		laneEnd[l] = time.Duration(math.MinInt64)
	}
	used := 1
	lanes := make([]int, len(r.Captions))
	for i, c := range r.Captions {
		best := 0
		for l := range laneEnd {
			if laneEnd[l] <= c.Start {
				best = l
				break
			}
			if laneEnd[l] < laneEnd[best] {
				best = l
			}
		}
		lanes[i] = best
		laneEnd[best] = max(c.End, c.Start)
		used = max(used, best+1)
	}
	hf.Lanes = used
	hf.RowHeight = rowTop + used*laneHeight + 4

	var title strings.Builder
	for i, c := range r.Captions {
		cps := cpsAt(r, i)
		class := cpsClass(cps, r.MaxCPS)
		switch class {
		case "cps-ok":
			hf.CountOK++
		case "cps-near":
			hf.CountNear++
		case "cps-over":
			hf.Over++
		case "cps-none":
			hf.CountNone++
		}
		n := i + 1
		vs := perCaption[n]
		bar := htmlBar{Index: n, Class: "caption-bar " + class}
		if len(vs) > 0 {
			bar.Class += " flagged"
			bar.Href = "#" + hf.ID + "-c" + strconv.Itoa(n)
		}
		start := max(min(c.Start, limit), -limit)
		end := max(min(c.End, limit), start)
		k := rowOf(start)
		rowStart := t0 + time.Duration(k)*span
		y := px(float64(rowTop + lanes[i]*laneHeight))
		x := float64(start-rowStart) * scale
		w := float64(min(end, rowStart+span)-start) * scale
		bar.X, bar.Y, bar.W = px(x), y, px(max(w, 1))

		title.Reset()
		title.WriteString("#")
		title.WriteString(strconv.Itoa(n))
		title.WriteString("  ")
		title.WriteString(formatClock(c.Start))
		title.WriteString(" → ")
		title.WriteString(formatClock(c.End))
		title.WriteString("  (")
		title.WriteString(formatShort(c.Duration().Seconds()))
		title.WriteString(" s)\n")
		if math.IsNaN(cps) || cps < 0 {
			title.WriteString("CPS undefined")
		} else {
			title.WriteString(formatShort(cps))
			title.WriteString(" CPS")
		}
		if r.MaxCPS > 0 {
			title.WriteString(" (limit ")
			title.WriteString(hf.Limit)
			title.WriteString(")")
		}
		for _, v := range vs {
			title.WriteString("\n✗ ")
			title.WriteString(v.Rule)
			title.WriteString(" ")
			title.WriteString(formatShort(v.Value))
			title.WriteString(" (limit ")
			title.WriteString(formatShort(v.Limit))
			title.WriteString(")")
		}
		title.WriteString("\n")
		title.WriteString(c.Text())
		bar.Title = title.String()
		hf.Rows[k].Bars = append(hf.Rows[k].Bars, bar)

		// The rest of a caption that runs past its row's end.
		for kk := k + 1; kk < nrows; kk++ {
			rs := t0 + time.Duration(kk)*span
			if end <= rs {
				break
			}
			cw := float64(min(end, rs+span)-rs) * scale
			hf.Rows[kk].Conts = append(hf.Rows[kk].Conts, htmlCont{Class: "caption-cont " + class, X: "0", Y: y, W: px(max(cw, 1))})
		}
	}
	for _, t := range r.Cuts {
		k := rowOf(t)
		rowStart := t0 + time.Duration(k)*span
		hf.Rows[k].Cuts = append(hf.Rows[k].Cuts, htmlCut{
			X:     px(float64(t-rowStart) * scale),
			Title: "shot change at " + formatClock(t),
		})
	}
}

// niceStep returns the least of 1, 2 or 5 times a power of ten that is at
// least f, and at least 1.
func niceStep(f float64) float64 {
	if f <= 1 || math.IsNaN(f) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(f)))
	for _, m := range [...]float64{1, 2, 5, 10} {
		if m*p >= f {
			return m * p
		}
	}
	return 10 * p
}

// shortDur formats a whole-second duration compactly: "0", "10s", "1m",
// "1m30s", "2h", "1h30m".
func shortDur(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	d = d.Round(time.Second)
	h, m, sec := d/time.Hour, d/time.Minute%60, d/time.Second%60
	var b []byte
	if h != 0 {
		b = append(strconv.AppendInt(b, int64(h), 10), 'h')
	}
	if m != 0 {
		b = append(strconv.AppendInt(b, int64(m), 10), 'm')
	}
	if sec != 0 {
		b = append(strconv.AppendInt(b, int64(sec), 10), 's')
	}
	return string(b)
}

func buildHist(cps []float64, limit float64) htmlHist {
	var h htmlHist
	var vals []float64
	top := 0.0
	for _, v := range cps {
		if math.IsNaN(v) || v < 0 {
			continue
		}
		vals = append(vals, v)
		top = max(top, v)
	}
	if len(vals) == 0 {
		h.Empty = true
		return h
	}
	// Values above cap (damaged or zero-length captions) share the last
	// bin, so that one absurd value does not squash the rest.
	ceiling := max(60, 3*limit)
	overflow := top > ceiling
	top = min(top, ceiling)
	if limit > 0 {
		top = max(top, limit*1.1)
	}
	bw := niceStep(top / histBins)
	nb := max(1, int(math.Ceil(top/bw)))
	if overflow {
		nb++
	}
	counts := make([]int, nb)
	for _, v := range vals {
		b := int(math.Ceil(v/bw)) - 1 // bins are (lo, hi]; 0 goes in the first
		if math.IsInf(v, 1) || b >= nb {
			b = nb - 1
		}
		counts[max(b, 0)]++
	}
	for _, c := range counts {
		h.MaxCount = max(h.MaxCount, c)
	}
	const left, bottom, topPad = 40.0, 22.0, 14.0
	plotW := float64(histWidth) - left - 10
	plotH := float64(histHeight) - bottom - topPad
	barW := plotW / float64(nb)
	for b, c := range counts {
		lo, hi := float64(b)*bw, float64(b+1)*bw
		class := "hist-bar "
		switch {
		case limit <= 0:
			class += "cps-nolimit"
		case overflow && b == nb-1, lo >= limit:
			class += "cps-over"
		case hi <= 0.8*limit:
			class += "cps-ok"
		default:
			class += "cps-near"
		}
		bh := plotH * float64(c) / float64(h.MaxCount)
		rng := formatShort(lo) + "–" + formatShort(hi)
		if overflow && b == nb-1 {
			rng = "over " + formatShort(lo)
		}
		h.Bars = append(h.Bars, htmlHistBar{
			Class: class,
			X:     px(left + float64(b)*barW),
			Y:     px(topPad + plotH - bh),
			W:     px(max(barW-1, 1)),
			H:     px(bh),
			Title: rng + " CPS: " + strconv.Itoa(c) + " caption" + plural(c),
		})
	}
	step := max(1, nb/10)
	for b := 0; b <= nb; b += step {
		label := formatShort(float64(b) * bw)
		if overflow && b == nb {
			label = "∞"
		}
		h.Labels = append(h.Labels, htmlTick{X: px(left + float64(b)*barW), Label: label})
	}
	if limit > 0 {
		h.Limit = formatShort(limit)
		h.LimitX = px(left + limit/bw*barW)
	}
	return h
}
