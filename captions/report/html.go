package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
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
	// maxBars is how many captions a file's timeline draws one by one;
	// past it the timeline is aggregated (aggCols columns a row, each
	// coloured by the worst CPS class of the captions it covers).
	maxBars = 20000
	aggCols = 150
	// violationsPerRule caps the rows of the violations table per rule;
	// the CSV and JSON reports keep every violation.
	violationsPerRule = 200
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
// is one <line class="shot-change">. All text is escaped as html/template
// escapes it. Bars link to their caption's first row in the violations
// table, which starts folded when it has more than 2,000 rows.
func WriteHTML(w io.Writer, results []FileResult) error {
	if err := validateResults(results, true); err != nil {
		return err
	}
	for i := range results {
		if results[i].streamed() && results[i].count() > 0 && results[i].Timeline == nil {
			return fmt.Errorf("qc: %s: the HTML report draws every caption: give Captions or Spans, or a Timeline with Stats", results[i].File)
		}
	}
	page := htmlPage{Formula: CPSFormula}
	for i := range results {
		r := &results[i]
		page.Files = append(page.Files, htmlTOC{ID: fileID(i), File: r.File, Captions: r.count(), Violations: len(r.Violations)})
	}
	switch len(results) {
	case 0:
		page.Title = "sotcap check"
	case 1:
		page.Title = "sotcap check: " + results[0].File
	default:
		page.Title = "sotcap check: " + strconv.Itoa(len(results)) + " files"
	}
	t := pageTemplate()
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := t.ExecuteTemplate(bw, "head", &page); err != nil {
		return err
	}
	// The timeline and the violations table grow with the file; they are
	// streamed between the template's parts (see htmlFile).
	for i := range results {
		r := &results[i]
		hf := buildHTMLFile(i, r)
		if err := t.ExecuteTemplate(bw, "file-head", &hf); err != nil {
			return err
		}
		if hf.HasTimeline {
			writeTimeline(bw, &hf, r)
		}
		if err := t.ExecuteTemplate(bw, "file-middle", &hf); err != nil {
			return err
		}
		writeViolations(bw, &hf, r)
		if err := t.ExecuteTemplate(bw, "file-foot", &hf); err != nil {
			return err
		}
	}
	if err := t.ExecuteTemplate(bw, "foot", &page); err != nil {
		return err
	}
	return bw.Flush()
}

func fileID(i int) string { return "f" + strconv.Itoa(i+1) }

type htmlPage struct {
	Title   string
	Formula string
	Files   []htmlTOC
}

type htmlTOC struct {
	ID, File             string
	Captions, Violations int
}

// htmlFile is one file's part of the page. The timeline and the
// violations table, which grow with the file, are written by writeTimeline
// and writeViolations straight to the output, every string escaped by
// appendEscaped (html/template would spend reflective calls on each of
// their million values); the rest goes through html/template.
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
	HasTimeline              bool
	RowSpan                  string
	Hist                     htmlHist
	OpenViolations           bool
	CountOK, CountNear, Over int
	CountNone                int
	FrameRate                string
	Aggregated               bool
	Hidden                   []RuleCount // violations left out of the table, per rule

	vi       violationIndex
	shown    []bool  // per violation: has a row in the table
	anchor   []int32 // per caption of vi.caps: its first shown violation, -1 when none
	layout   timelineLayout
	timeline *Timeline // the aggregated timeline, when Aggregated
}

// timelineLayout places a file's captions: rows of span each from t0,
// lanes for overlapping captions.
type timelineLayout struct {
	t0, span time.Duration
	rows     int
	lanes    []uint8 // per caption
	used     int     // lanes used
	height   int     // px per row
}

// timelineCounts is what writeTimeline drew, for tests.
type timelineCounts struct{ rows, bars, conts, cuts int }

type htmlTick struct {
	X     string
	Label string
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

func px(f float64) string { return string(appendPx(nil, f)) }

func appendPx(b []byte, f float64) []byte { return strconv.AppendFloat(b, f, 'f', 1, 64) }

// appendEscaped appends s escaped for HTML text and quoted attribute
// values, as html/template escapes them: & < > " ' become character
// references and NUL becomes U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// violationIndex lists the violations of the captions that have any:
// caps are those captions' numbers (counted from 1) in increasing order,
// and caption caps[k]'s violations are the indices idx[start[k]:start[k+1]]
// in r.Violations. It is sparse, so that its size grows with the
// violations, not with the captions.
type violationIndex struct{ caps, start, idx []int32 }

func indexViolations(r *FileResult) violationIndex {
	var vi violationIndex
	for _, v := range r.Violations {
		if v.Caption > 0 { // a malformed caption (0) has no bar
			vi.caps = append(vi.caps, int32(v.Caption))
		}
	}
	slices.Sort(vi.caps)
	vi.caps = slices.Compact(vi.caps)
	vi.start = make([]int32, len(vi.caps)+1)
	for _, v := range r.Violations {
		if v.Caption > 0 {
			vi.start[vi.pos(v.Caption)+1]++
		}
	}
	for k := 1; k < len(vi.start); k++ {
		vi.start[k] += vi.start[k-1]
	}
	vi.idx = make([]int32, vi.start[len(vi.caps)])
	fill := make([]int32, len(vi.caps))
	for j, v := range r.Violations {
		if v.Caption <= 0 {
			continue
		}
		k := vi.pos(v.Caption)
		vi.idx[vi.start[k]+fill[k]] = int32(j)
		fill[k]++
	}
	return vi
}

// pos returns the place of caption in caps, or -1 when it has no
// violations.
func (vi violationIndex) pos(caption int) int {
	k, ok := slices.BinarySearch(vi.caps, int32(caption))
	if !ok {
		return -1
	}
	return k
}

func (vi violationIndex) of(caption int) []int32 {
	k := vi.pos(caption)
	if k < 0 {
		return nil
	}
	return vi.idx[vi.start[k]:vi.start[k+1]]
}

// anchorOf returns the index of caption's first shown violation (counted
// from 1), -1 when it has none.
func (hf *htmlFile) anchorOf(caption int) int32 {
	k := hf.vi.pos(caption)
	if k < 0 {
		return -1
	}
	return hf.anchor[k]
}

func buildHTMLFile(i int, r *FileResult) htmlFile {
	s := Summarize(*r)
	hf := htmlFile{
		ID:             fileID(i),
		File:           r.File,
		Format:         r.Format,
		Profile:        r.Profile,
		Captions:       s.Captions,
		Duration:       formatClock(s.Duration),
		Mean:           formatShort(s.CPS.Mean),
		P50:            formatShort(s.CPS.P50),
		P90:            formatShort(s.CPS.P90),
		Max:            formatShort(s.CPS.Max),
		Undefined:      s.CPS.Undefined,
		Violations:     s.Violations,
		ByRule:         s.ByRule,
		Warnings:       r.Warnings,
		Cuts:           len(r.Cuts),
		HasTimeline:    r.count() > 0 || len(r.Cuts) > 0,
		OpenViolations: len(r.Violations) <= openViolLimit,
		FrameRate:      r.FrameRateText(),
		Aggregated:     r.count() > maxBars || r.Timeline != nil,
		vi:             indexViolations(r),
	}
	hf.shown, hf.anchor, hf.Hidden = capViolations(r, hf.vi)
	if r.MaxCPS > 0 {
		hf.Limit = formatShort(r.MaxCPS)
	}
	if hf.Aggregated {
		tl := r.Timeline
		if tl == nil {
			tl = spansTimeline(r)
		}
		hf.timeline = tl
		hf.CountOK = tl.classes[aggRank("cps-ok")]
		hf.CountNear = tl.classes[aggRank("cps-near")]
		hf.Over = tl.classes[aggRank("cps-over")]
		hf.CountNone = tl.classes[aggRank("cps-none")]
		hf.layout = tl.layout
		hf.RowSpan = shortDur(hf.layout.span)
		hf.layout.used = 1
		hf.layout.height = rowTop + laneHeight + 8
		hf.Hist = tl.histogram()
		return hf
	}
	for i := range r.count() {
		switch cpsClass(cpsAt(r, i), r.MaxCPS) {
		case "cps-ok":
			hf.CountOK++
		case "cps-near":
			hf.CountNear++
		case "cps-over":
			hf.Over++
		case "cps-none":
			hf.CountNone++
		}
	}
	if hf.HasTimeline {
		hf.layout = layoutTimeline(r, true)
		hf.RowSpan = shortDur(hf.layout.span)
	}
	hf.Hist = buildHist(r.CPS, r.MaxCPS)
	return hf
}

// capViolations chooses the violations the table shows: the first
// violationsPerRule of each rule. It returns which are shown, each
// caption's first shown violation (-1 when none) and how many of each rule
// are left out.
func capViolations(r *FileResult, vi violationIndex) ([]bool, []int32, []RuleCount) {
	shown := make([]bool, len(r.Violations))
	anchor := make([]int32, len(vi.caps))
	for i := range anchor {
		anchor[i] = -1
	}
	perRule := map[string]int{}
	for j, v := range r.Violations {
		perRule[v.Rule]++
		if perRule[v.Rule] > violationsPerRule {
			continue
		}
		shown[j] = true
		if k := vi.pos(v.Caption); v.Caption > 0 && anchor[k] < 0 {
			anchor[k] = int32(j)
		}
	}
	var hidden []RuleCount
	for _, rc := range countByRule(r.Violations) {
		if rc.Count > violationsPerRule {
			hidden = append(hidden, RuleCount{rc.Rule, rc.Count - violationsPerRule})
		}
	}
	return shown, anchor, hidden
}

// writeViolations writes the rows of the violations table (at most
// violationsPerRule per rule). The first row of each caption has the id
// the timeline's bars link to.
func writeViolations(w *bufio.Writer, hf *htmlFile, r *FileResult) {
	b := make([]byte, 0, 64<<10)
	for j, v := range r.Violations {
		if !hf.shown[j] {
			continue
		}
		if v.Rule == rules.RuleMalformed && v.Caption == 0 {
			b = append(b, "\n<tr class=\"malformed\"><td class=\"num\">–</td><td class=\"time\">–</td><td class=\"time\">–</td><td>"...)
			b = appendEscaped(b, rules.RuleTitle(v.Rule))
			b = append(b, `</td><td class="num"></td><td class="num"></td><td class="text">`...)
			b = appendEscaped(b, malformedText(v))
			b = append(b, "</td></tr>"...)
			continue
		}
		c := r.at(v.Caption - 1)
		b = append(b, "\n<tr"...)
		if hf.anchorOf(v.Caption) == int32(j) {
			b = append(b, ` id="`...)
			b = appendEscaped(b, hf.ID)
			b = append(b, "-c"...)
			b = strconv.AppendInt(b, int64(v.Caption), 10)
			b = append(b, '"')
		}
		b = append(b, `><td class="num">`...)
		b = strconv.AppendInt(b, int64(v.Caption), 10)
		b = append(b, `</td><td class="time">`...)
		b = appendClock(b, c.Start)
		b = append(b, `</td><td class="time">`...)
		b = appendClock(b, c.End)
		b = append(b, `</td><td title="`...)
		b = appendEscaped(b, v.Rule)
		b = append(b, `">`...)
		b = appendEscaped(b, rules.RuleTitle(v.Rule))
		b = append(b, `</td><td class="num">`...)
		b = appendEscaped(b, valueText(v.Rule, v.Value))
		b = append(b, `</td><td class="num">`...)
		if v.Rule != rules.RuleCharset && v.Rule != rules.RuleEmpty {
			b = appendEscaped(b, valueText(v.Rule, v.Limit))
		}
		b = append(b, `</td><td class="text">`...)
		for k, l := range c.Lines {
			if k > 0 {
				b = append(b, '\n')
			}
			b = appendEscaped(b, l.Text)
		}
		b = append(b, "</td></tr>"...)
		if len(b) >= 32<<10 {
			w.Write(b) // errors stick in w and come back from Flush
			b = b[:0]
		}
	}
	w.Write(b)
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

// Times beyond ±73 years are damage; clamping them keeps the timeline
// arithmetic from overflowing and the page drawable.
const timeLimit = time.Duration(math.MaxInt64 / 4)

func clampTime(t time.Duration) time.Duration { return max(min(t, timeLimit), -timeLimit) }

// layoutTimeline chooses the rows and assigns lanes: a caption goes in the
// first lane free at its start, or the one that frees first.
func layoutTimeline(r *FileResult, lanes bool) timelineLayout {
	lo, hi := timeLimit, -timeLimit
	for i := range r.count() {
		c := r.span(i)
		lo = min(lo, clampTime(c.Start), clampTime(c.End))
		hi = max(hi, clampTime(c.Start), clampTime(c.End))
	}
	l := layoutRows(lo, hi, r.Cuts)
	if !lanes {
		return l
	}
	var laneEnd [maxLanes]time.Duration
	for k := range laneEnd {
		laneEnd[k] = time.Duration(math.MinInt64)
	}
	l.used = 1
	l.lanes = make([]uint8, r.count())
	for i := range r.count() {
		c := r.span(i)
		best := 0
		for k := range laneEnd {
			if laneEnd[k] <= c.Start {
				best = k
				break
			}
			if laneEnd[k] < laneEnd[best] {
				best = k
			}
		}
		l.lanes[i] = uint8(best)
		laneEnd[best] = max(c.End, c.Start)
		l.used = max(l.used, best+1)
	}
	l.height = rowTop + l.used*laneHeight + 4
	return l
}

// layoutRows chooses the rows of a timeline whose captions run from lo to
// hi (clamped), with the given cuts.
func layoutRows(lo, hi time.Duration, cuts []time.Duration) timelineLayout {
	for _, t := range cuts {
		lo = min(lo, clampTime(t))
		hi = max(hi, clampTime(t))
	}
	var l timelineLayout
	l.span = rowSpan(hi - lo)
	l.t0 = floorDiv(lo, l.span) * l.span
	l.rows = int(floorDiv(hi-l.t0, l.span)) + 1
	return l
}

// rowOf returns the row a time falls in.
func (l *timelineLayout) rowOf(t time.Duration) int {
	return max(0, min(int(floorDiv(clampTime(t)-l.t0, l.span)), l.rows-1))
}

func (l *timelineLayout) rowStart(k int) time.Duration { return l.t0 + time.Duration(k)*l.span }

// writeTimeline writes the timeline's rows: stacked divs, each an SVG with
// tick marks, the continuations of captions from earlier rows, the bars of
// the captions that start in the row, and its cuts. Captions are bucketed
// by row first, so the output streams in one pass.
func writeTimeline(w *bufio.Writer, hf *htmlFile, r *FileResult) timelineCounts {
	if hf.Aggregated {
		return writeAggregateTimeline(w, hf, r, hf.timeline)
	}
	l := &hf.layout
	var n timelineCounts
	n.rows = l.rows
	scale := float64(timelineWidth) / float64(l.span)

	// Bucket captions and cuts by row (counting sort, stable).
	capRow := make([]int32, r.count())
	capStart := make([]int32, l.rows+1)
	for i := range r.count() {
		k := l.rowOf(r.span(i).Start)
		capRow[i] = int32(k)
		capStart[k+1]++
	}
	for k := 1; k <= l.rows; k++ {
		capStart[k] += capStart[k-1]
	}
	byRow := make([]int32, r.count())
	fill := append([]int32(nil), capStart[:l.rows]...)
	for i, k := range capRow {
		byRow[fill[k]] = int32(i)
		fill[k]++
	}
	// Continuations and cuts are few; they get per-row lists.
	type cont struct {
		caption int32
		width   float64
	}
	conts := make([][]cont, l.rows)
	for i := range r.count() {
		c := r.span(i)
		start := clampTime(c.Start)
		end := max(clampTime(c.End), start)
		for k := int(capRow[i]) + 1; k < l.rows; k++ {
			rs := l.rowStart(k)
			if end <= rs {
				break
			}
			conts[k] = append(conts[k], cont{int32(i), float64(min(end, rs+l.span)-rs) * scale})
		}
	}
	cuts := make([][]time.Duration, l.rows)
	for _, t := range r.Cuts {
		k := l.rowOf(t)
		cuts[k] = append(cuts[k], t)
	}

	h := strconv.Itoa(l.height)
	tick := l.span / 6
	b := make([]byte, 0, 64<<10)
	for k := range l.rows {
		rs := l.rowStart(k)
		b = append(b, "\n<div class=\"row lanes-"...)
		b = strconv.AppendInt(b, int64(l.used), 10)
		b = append(b, `"><div class="row-label">`...)
		b = appendClock(b, rs)
		b = append(b, `</div><svg width="1204" height="`...)
		b = append(b, h...)
		b = append(b, `" viewBox="-2 0 1204 `...)
		b = append(b, h...)
		b = append(b, `">`...)
		for j := range 6 {
			t := time.Duration(j) * tick
			x := float64(t) * scale
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
			b = append(b, shortDur(t)...)
			b = append(b, "</text>"...)
		}
		for _, c := range conts[k] {
			b = append(b, `<rect class="caption-cont `...)
			b = append(b, cpsClass(cpsAt(r, int(c.caption)), r.MaxCPS)...)
			b = append(b, `" x="0" y="`...)
			b = strconv.AppendInt(b, int64(rowTop+int(l.lanes[c.caption])*laneHeight), 10)
			b = append(b, `" width="`...)
			b = appendPx(b, max(c.width, 1))
			b = append(b, `" height="14"></rect>`...)
			n.conts++
		}
		for _, i := range byRow[capStart[k]:capStart[k+1]] {
			b = appendBar(b, hf, r, int(i), rs, scale)
			n.bars++
			if len(b) >= 32<<10 {
				w.Write(b) // errors stick in w and come back from Flush
				b = b[:0]
			}
		}
		for _, t := range cuts[k] {
			b = append(b, `<line class="shot-change" x1="`...)
			x := float64(clampTime(t)-rs) * scale
			b = appendPx(b, x)
			b = append(b, `" x2="`...)
			b = appendPx(b, x)
			b = append(b, `" y1="10" y2="`...)
			b = append(b, h...)
			b = append(b, `"><title>shot change at `...)
			b = appendClock(b, t)
			b = append(b, "</title></line>"...)
			n.cuts++
		}
		b = append(b, "\n</svg></div>"...)
		if len(b) >= 32<<10 {
			w.Write(b)
			b = b[:0]
		}
	}
	w.Write(b)
	return n
}

// appendBar appends caption i's bar in the row starting at rs: a rect with
// a tooltip, inside a link to its violations when it has any.
func appendBar(b []byte, hf *htmlFile, r *FileResult, i int, rs time.Duration, scale float64) []byte {
	c := r.at(i)
	l := &hf.layout
	n := i + 1
	cps := cpsAt(r, i)
	vs := hf.vi.of(n)
	start := clampTime(c.Start)
	end := max(clampTime(c.End), start)
	x := float64(start-rs) * scale
	w := float64(min(end, rs+l.span)-start) * scale
	linked := hf.anchorOf(n) >= 0

	b = append(b, '\n')
	if linked {
		b = append(b, `<a href="#`...)
		b = appendEscaped(b, hf.ID)
		b = append(b, "-c"...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `">`...)
	}
	b = append(b, `<rect class="caption-bar `...)
	b = append(b, cpsClass(cps, r.MaxCPS)...)
	if len(vs) > 0 {
		b = append(b, " flagged"...)
	}
	b = append(b, `" data-index="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `" x="`...)
	b = appendPx(b, x)
	b = append(b, `" y="`...)
	b = strconv.AppendInt(b, int64(rowTop+int(l.lanes[i])*laneHeight), 10)
	b = append(b, `" width="`...)
	b = appendPx(b, max(w, 1))
	b = append(b, `" height="14"><title>#`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, "  "...)
	b = appendClock(b, c.Start)
	b = append(b, " → "...)
	b = appendClock(b, c.End)
	b = append(b, "  ("...)
	b = appendShort(b, c.Duration().Seconds())
	b = append(b, " s)\n"...)
	if math.IsNaN(cps) || cps < 0 {
		b = append(b, "CPS undefined"...)
	} else {
		b = appendShort(b, cps)
		b = append(b, " CPS"...)
	}
	if r.MaxCPS > 0 {
		b = append(b, " (limit "...)
		b = append(b, hf.Limit...)
		b = append(b, " CPS)"...)
	}
	for _, j := range vs {
		v := &r.Violations[j]
		b = append(b, "\n✗ "...)
		b = appendEscaped(b, rules.RuleTitle(v.Rule))
		if val := valueText(v.Rule, v.Value); val != "" {
			b = append(b, ' ')
			b = appendEscaped(b, val)
		}
		if lim := valueText(v.Rule, v.Limit); lim != "" && v.Rule != rules.RuleCharset {
			b = append(b, " (limit "...)
			b = appendEscaped(b, lim)
			b = append(b, ')')
		}
	}
	for _, line := range c.Lines {
		b = append(b, '\n')
		b = appendEscaped(b, line.Text)
	}
	b = append(b, "</title></rect>"...)
	if linked {
		b = append(b, "</a>"...)
	}
	return b
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
	valid, top := 0, 0.0
	for _, v := range cps {
		if math.IsNaN(v) || v < 0 {
			continue
		}
		valid++
		top = max(top, v)
	}
	if valid == 0 {
		return htmlHist{Empty: true}
	}
	shape := newHistShape(top, limit)
	counts := make([]int, shape.nb)
	for _, v := range cps {
		if math.IsNaN(v) || v < 0 {
			continue
		}
		counts[shape.bin(v)]++
	}
	return shape.render(counts, limit)
}

// histShape is the binning of a CPS histogram: nb bins of bw CPS, the
// last one holding every value above the ceiling when overflow.
type histShape struct {
	bw       float64
	nb       int
	overflow bool
}

// newHistShape bins values up to top (the largest, +Inf included).
func newHistShape(top, limit float64) histShape {
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
	return histShape{bw: bw, nb: nb, overflow: overflow}
}

// bin returns the bin of a defined value v.
func (s histShape) bin(v float64) int {
	b := int(math.Ceil(v/s.bw)) - 1 // bins are (lo, hi]; 0 goes in the first
	if math.IsInf(v, 1) || b >= s.nb {
		b = s.nb - 1
	}
	return max(b, 0)
}

// render draws the histogram of the given counts per bin.
func (s histShape) render(counts []int, limit float64) htmlHist {
	var h htmlHist
	bw, nb, overflow := s.bw, s.nb, s.overflow
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
