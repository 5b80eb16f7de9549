// Package qc reports on caption files that have already been checked: it
// summarises each file's reading rates and rule violations and writes the
// results as JSON or CSV for pipelines, as a text table for terminals and as
// a self-contained HTML page (timeline, CPS histogram, violations table) for
// people. It also detects a caption file's format from its first bytes.
//
// The package does not measure or judge captions itself: the caller passes
// each caption's CPS and the violations found by the rule checker, so that
// the numbers in every report are the ones the checker used.
package report

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

// FrameRateText states the rate frames were counted at and where it came
// from: "25 fps (assumed: no --fps given and the format has no frame
// rate)", "29.97 fps (--fps)".
func (r *FileResult) FrameRateText() string {
	if r.FrameRate.IsZero() {
		return "unknown"
	}
	fps := r.FrameRate.String() + " fps"
	switch r.FrameRateSource {
	case "", "default":
		return fps + " (assumed: no --fps given and the file states no frame rate)"
	}
	return fps + " (from " + r.FrameRateSource + ")"
}

// valueText formats a violation's value or limit with its unit ("21.4
// CPS", "3 frames", "0.6 s"); "" for a rule without a quantity.
func valueText(rule string, f float64) string {
	u := rules.RuleUnit(rule)
	if rule == rules.RuleCharset && f > 0 {
		return fmt.Sprintf("U+%04X", int64(f))
	}
	if u == "" {
		return ""
	}
	return formatShort(f) + " " + u
}

// CPSFormula states how characters per second are counted. Text and HTML
// reports print it, because caption tools disagree on the formula.
const CPSFormula = "CPS = characters ÷ seconds on screen; characters are the user-perceived " +
	"characters (grapheme clusters) of the visible text, spaces and punctuation included, " +
	"line breaks and formatting excluded; in CJK profiles a half-width character counts ½."

// FileResult is the checked state of one caption file: what was read and
// what the checker found. Writers take a slice of them, one per file.
type FileResult struct {
	// File names the input as the user gave it.
	File string
	// Format is the input's format: "srt", "vtt" or "stl".
	Format string
	// Profile names the reading-speed profile the file was checked against.
	Profile string
	// MaxCPS is the profile's CPS limit; 0 means none (the HTML report then
	// draws every caption in one neutral colour).
	MaxCPS float64
	// Captions are the captions in file order.
	Captions []captions.Caption
	// Spans, when Captions is nil, are the captions' times in file order:
	// the compact form of a large file, 16 bytes a caption. Texts then
	// holds the lines of the captions whose text the report shows (those
	// with violations, at least), by index counted from 1; a caption
	// without an entry is reported with no text.
	Spans []Span
	Texts map[int][]captions.Line
	// Stats, when set, is the summary gathered while reading (Stats.Add
	// for every caption in file order); Summarize then takes the count,
	// duration and CPS statistics from it instead of Captions, Spans and
	// CPS. With Captions and Spans both nil it is the streamed form of a
	// large file, whose memory does not grow with its captions: Kept then
	// holds the captions the report shows (those with violations), by
	// index counted from 1, and CPS must be nil; for WriteHTML, which shows
	// the first HTMLViolationsPerRule violations of each rule, Kept need
	// hold only their captions. WriteHTML refuses the streamed form without
	// a Timeline.
	Stats *Stats
	Kept  map[int]captions.Caption
	// Timeline, with the streamed form, is the aggregated HTML timeline
	// and CPS histogram of its captions (NewTimeline, then Add for every
	// caption), which lets WriteHTML draw a large file it does not hold.
	// WriteHTML draws it instead of bars whenever it is set.
	Timeline *Timeline
	// CPS holds each caption's characters per second, in the same order as
	// Captions. It must be nil or as long as Captions. A negative or
	// non-finite value (a caption with no duration) means undefined.
	CPS []float64
	// Violations are the broken rules; Violation.Caption counts from 1 and
	// must name one of Captions, except for a malformed caption
	// (rules.RuleMalformed), which has Caption 0, and After at most
	// len(Captions).
	Violations []rules.Violation
	// FrameRate is the rate the frame-based rules (gap, shot change,
	// minimum and maximum duration) counted frames at; zero when unknown.
	FrameRate timing.Rate
	// FrameRateSource says where FrameRate came from, for people: "--fps",
	// "the EBU STL header" or "default" (reports then say the rate was
	// assumed).
	FrameRateSource string
	// Cuts are the shot changes on the same timeline as the captions; nil
	// when no EDL was given.
	Cuts []time.Duration
	// Warnings are problems met while reading the file that did not stop it
	// (malformed cues skipped, encoding guessed).
	Warnings []captions.Warning
}

// HTMLViolationsPerRule is how many violations of each rule the HTML
// report's table shows, in the order of FileResult.Violations; the CSV and
// JSON reports keep every violation.
const HTMLViolationsPerRule = violationsPerRule

// Span is the display time of one caption.
type Span struct{ Start, End time.Duration }

// count returns the number of captions.
func (r *FileResult) count() int {
	switch {
	case r.Captions != nil:
		return len(r.Captions)
	case r.Spans != nil || r.Stats == nil:
		return len(r.Spans)
	}
	return r.Stats.Captions()
}

// streamed reports whether r is in the streamed form (Stats only).
func (r *FileResult) streamed() bool {
	return r.Captions == nil && r.Spans == nil && r.Stats != nil
}

// span returns caption i's times (i counted from 0).
func (r *FileResult) span(i int) Span {
	if r.Captions != nil {
		return Span{r.Captions[i].Start, r.Captions[i].End}
	}
	return r.Spans[i]
}

// at returns caption i (counted from 0), its lines from Texts in the
// compact form.
func (r *FileResult) at(i int) captions.Caption {
	if r.Captions != nil {
		return r.Captions[i]
	}
	if r.streamed() {
		return r.Kept[i+1]
	}
	return captions.Caption{Start: r.Spans[i].Start, End: r.Spans[i].End, Lines: r.Texts[i+1]}
}

// validate reports inconsistent results, which would otherwise make a
// writer index out of range. With capped (the HTML report, which shows the
// first violationsPerRule violations of each rule), Kept need hold only
// the captions of the violations shown.
func (r *FileResult) validate(capped bool) error {
	if r.streamed() && r.CPS != nil {
		return fmt.Errorf("qc: %s: CPS without Captions or Spans", r.File)
	}
	if r.Captions != nil && r.Spans != nil {
		return fmt.Errorf("qc: %s: both Captions and Spans", r.File)
	}
	if r.Stats != nil && r.Stats.Captions() != r.count() {
		return fmt.Errorf("qc: %s: statistics of %d captions for %d captions", r.File, r.Stats.Captions(), r.count())
	}
	if r.Timeline != nil && r.Timeline.Captions() != r.count() {
		return fmt.Errorf("qc: %s: a timeline of %d captions for %d captions", r.File, r.Timeline.Captions(), r.count())
	}
	if r.CPS != nil && len(r.CPS) != r.count() {
		return fmt.Errorf("qc: %s: %d CPS values for %d captions", r.File, len(r.CPS), r.count())
	}
	perRule := map[string]int{}
	for _, v := range r.Violations {
		perRule[v.Rule]++
		if v.Rule == rules.RuleMalformed && v.Caption == 0 {
			if v.After < 0 || v.After > r.count() {
				return fmt.Errorf("qc: %s: malformed caption after caption %d of %d", r.File, v.After, r.count())
			}
			continue
		}
		if v.Caption < 1 || v.Caption > r.count() {
			return fmt.Errorf("qc: %s: violation %q names caption %d of %d", r.File, v.Rule, v.Caption, r.count())
		}
		if r.streamed() && (!capped || perRule[v.Rule] <= violationsPerRule) {
			if _, ok := r.Kept[v.Caption]; !ok {
				return fmt.Errorf("qc: %s: violation %q names caption %d, which Kept does not hold", r.File, v.Rule, v.Caption)
			}
		}
	}
	return nil
}

func validateAll(results []FileResult) error { return validateResults(results, false) }

func validateResults(results []FileResult, capped bool) error {
	for i := range results {
		if err := results[i].validate(capped); err != nil {
			return err
		}
	}
	return nil
}

// Summary is the headline of one file's check.
type Summary struct {
	// Captions is the number of captions.
	Captions int
	// Duration runs from the earliest caption start to the latest caption
	// end (the first caption's start to the last one's end when the captions
	// are in order); 0 when there are no captions.
	Duration time.Duration
	// CPS summarises the captions' reading rates.
	CPS CPSStats
	// Violations is the number of violations, malformed captions included.
	Violations int
	// Malformed is the number of captions that could not be read.
	Malformed int
	// ByRule counts the violations per rule, rules in the order of the
	// captions.Rule… constants followed by any other rule names in
	// alphabetical order; rules without violations are left out.
	ByRule []RuleCount
	// Warnings is the number of reading warnings.
	Warnings int
}

// CPSStats summarises characters per second over the captions whose CPS is
// defined (finite and not negative).
//
// Percentiles use the nearest-rank method: with the N defined values sorted
// ascending, the P-th percentile is the value at 1-based rank ⌈P/100 × N⌉,
// so it is always one of the values (P50 of 1,2,3,4 is 2; P90 of 1…10 is 9).
// All fields are 0 when no value is defined.
type CPSStats struct {
	Mean, P50, P90, Max float64
	// Undefined counts captions left out because their CPS is negative or
	// not finite (zero or negative duration).
	Undefined int
}

// RuleCount is the number of violations of one rule.
type RuleCount struct {
	Rule  string
	Count int
}

// ruleOrder is the order reports list rules in (rules.RuleNames).
func ruleOrder() []string { return rules.RuleNames() }

// Summarize computes r's summary. It does not modify r.
func Summarize(r FileResult) Summary {
	s := Summary{
		Captions:   r.count(),
		Violations: len(r.Violations),
		Warnings:   len(r.Warnings),
	}
	if r.Stats != nil {
		s.CPS = r.Stats.CPS()
		s.Duration = r.Stats.Duration()
	} else if n := r.count(); n > 0 {
		s.CPS = cpsStats(r.CPS)
		first := r.span(0)
		lo, hi := first.Start, first.End
		for i := range n {
			c := r.span(i)
			lo = min(lo, c.Start, c.End)
			hi = max(hi, c.Start, c.End)
		}
		s.Duration = hi - lo
	}
	s.ByRule = countByRule(r.Violations)
	for _, c := range s.ByRule {
		if c.Rule == rules.RuleMalformed {
			s.Malformed = c.Count
		}
	}
	return s
}

func definedCPS(v float64) bool { return v >= 0 && !math.IsInf(v, 0) } // NaN fails v >= 0

func cpsStats(cps []float64) CPSStats {
	var st CPSStats
	vals := make([]float64, 0, len(cps))
	sum := 0.0
	for _, v := range cps {
		if !definedCPS(v) {
			st.Undefined++
			continue
		}
		vals = append(vals, v)
		sum += v
	}
	if len(vals) == 0 {
		return st
	}
	slices.Sort(vals)
	st.Mean = sum / float64(len(vals))
	st.P50 = nearestRank(vals, 50)
	st.P90 = nearestRank(vals, 90)
	st.Max = vals[len(vals)-1]
	return st
}

// nearestRank returns the p-th percentile of the sorted, non-empty vals.
func nearestRank(sorted []float64, p int) float64 {
	n := len(sorted)
	rank := (p*n + 99) / 100 // ⌈p·n/100⌉ in integers, no float rounding
	if rank < 1 {
		rank = 1
	}
	return sorted[rank-1]
}

func countByRule(vs []rules.Violation) []RuleCount {
	if len(vs) == 0 {
		return nil
	}
	order := ruleOrder()
	known := make([]int, len(order))
	var other map[string]int
	for _, v := range vs {
		i := slices.Index(order[:], v.Rule)
		if i >= 0 {
			known[i]++
			continue
		}
		if other == nil {
			other = make(map[string]int)
		}
		other[v.Rule]++
	}
	var out []RuleCount
	for i, n := range known {
		if n > 0 {
			out = append(out, RuleCount{order[i], n})
		}
	}
	names := make([]string, 0, len(other))
	for name := range other {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		out = append(out, RuleCount{name, other[name]})
	}
	return out
}
