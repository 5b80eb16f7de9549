package pipeline

import (
	"math"
	"strconv"

	"github.com/sotcap/sotcap/timing"
)

// CPSFormula states how reports count reading speed.
const CPSFormula = "CPS = characters / seconds on screen; characters are grapheme clusters of the visible text, spaces and punctuation included, line breaks and markup excluded (CJK half-width 0.5); seconds = (out frame - in frame) / frame rate"

// Report is the machine-readable summary of a generated package: the
// shape of `sotcap generate --json` and, with its detail fields, of the
// BASE.report.json file.
type Report struct {
	Files      []string          `json:"files"`
	FPS        float64           `json:"fps"`
	Start      string            `json:"start"`
	SOTs       []ReportSOT       `json:"sots"`
	Violations []ReportViolation `json:"violations"`
	// Detail, in the report file only.
	Profile    string          `json:"profile,omitempty"`
	CPSFormula string          `json:"cps_formula,omitempty"`
	Captions   []ReportCaption `json:"captions,omitempty"`
}

// ReportSOT is one SOT of a Report.
type ReportSOT struct {
	Index            int     `json:"index"`
	Speaker          string  `json:"speaker"`
	Language         string  `json:"language"`
	Subtitled        bool    `json:"subtitled"`
	Events           []int   `json:"events"`
	RecordIn         *string `json:"record_in"`
	RecordOut        *string `json:"record_out"`
	Captions         int     `json:"captions"`
	NeededSeconds    float64 `json:"needed_seconds"`
	AvailableSeconds float64 `json:"available_seconds"`
}

// ReportViolation is one broken rule: Caption is the caption's number in
// the output files (counted from 1 over the whole package).
type ReportViolation struct {
	SOT     int     `json:"sot"`
	Caption int     `json:"caption"`
	Rule    string  `json:"rule"`
	Value   float64 `json:"value"`
	Limit   float64 `json:"limit"`
}

// ReportCaption is one caption with its timecodes and reading speed.
type ReportCaption struct {
	Number int     `json:"number"`
	SOT    int     `json:"sot"`
	In     string  `json:"in"`
	Out    string  `json:"out"`
	CPS    float64 `json:"cps"`
	Text   string  `json:"text"`
}

// Report summarises r; detail adds the profile, the CPS formula and every
// caption.
func (r *Result) Report(files []string, detail bool) Report {
	drop := r.EDL.DropFrame
	rep := Report{
		Files:      append([]string{}, files...),
		FPS:        round(r.Rate.FPS(), 3),
		Start:      timing.FormatTimecode(r.Start, r.Rate, drop),
		SOTs:       []ReportSOT{},
		Violations: []ReportViolation{},
	}
	n := 0
	for _, sp := range r.SOTs {
		s := ReportSOT{Index: sp.Index, Speaker: sp.Speaker(), Language: sp.Language, Subtitled: sp.Subtitled, Events: []int{},
			Captions: len(sp.Captions), NeededSeconds: round(sp.NeededSeconds, 2), AvailableSeconds: round(sp.AvailableSeconds, 2)}
		if sp.Mapped {
			for _, e := range sp.Window.Events {
				if v, err := strconv.Atoi(e); err == nil {
					s.Events = append(s.Events, v)
				}
			}
			in, out := timing.FormatTimecode(sp.Window.In, r.Rate, drop), timing.FormatTimecode(sp.Window.Out, r.Rate, drop)
			s.RecordIn, s.RecordOut = &in, &out
		}
		rep.SOTs = append(rep.SOTs, s)
		if detail {
			for _, c := range sp.Captions {
				n++
				rep.Captions = append(rep.Captions, ReportCaption{Number: n, SOT: sp.Index,
					In:  timing.FormatTimecode(r.Rate.Frames(c.Start), r.Rate, drop),
					Out: timing.FormatTimecode(r.Rate.Frames(c.End), r.Rate, drop),
					CPS: round(r.rules.CPS(c), 2), Text: c.Text()})
			}
		}
	}
	for _, v := range r.Violations {
		rep.Violations = append(rep.Violations, ReportViolation{SOT: v.SOT, Caption: v.Caption, Rule: v.Rule, Value: round(v.Value, 3), Limit: v.Limit})
	}
	if detail {
		rep.Profile = r.rules.Name
		rep.CPSFormula = CPSFormula
	}
	return rep
}

// MaxCPS returns the highest reading speed among the SOT's captions.
func (r *Result) MaxCPS(sp SOTPlan) float64 {
	m := 0.0
	for _, c := range sp.Captions {
		m = math.Max(m, r.rules.CPS(c))
	}
	return m
}

// ViolationsOf counts the violations of SOT index.
func (r *Result) ViolationsOf(index int) int {
	n := 0
	for _, v := range r.Violations {
		if v.SOT == index {
			n++
		}
	}
	return n
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}
