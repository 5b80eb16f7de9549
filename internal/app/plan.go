package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sotcap/sotcap/internal/pipeline"
	"github.com/sotcap/sotcap/timing"
)

// PlanOptions are the options of `sotcap plan`: generate's inputs.
type PlanOptions struct {
	GenerateOptions
}

type planCutJSON struct {
	Timecode string       `json:"timecode"`
	Frame    timing.Frame `json:"frame"`
	Frames   timing.Frame `json:"transition_frames"`
}

type planSOTJSON struct {
	pipeline.ReportSOT
	Line  int           `json:"line"`
	Clip  string        `json:"clip"`
	Cuts  []planCutJSON `json:"shot_changes"`
	Turns []string      `json:"speakers"`
}

type planJSON struct {
	FPS      float64       `json:"fps"`
	Start    string        `json:"start"`
	Windows  int           `json:"edl_sot_windows"`
	SOTs     []planSOTJSON `json:"sots"`
	Warnings []string      `json:"warnings"`
}

func RunPlan(o PlanOptions, s IO) error {
	lp, err := loadPackage(o.GenerateOptions)
	if err != nil {
		return BadInput(err)
	}
	if lp.multi {
		return planLanguages(o, lp, s)
	}
	res, err := pipeline.Generate(lp.plan, lp.opts)
	if err != nil {
		return BadInput(err)
	}
	rate, drop := res.Rate, res.EDL.DropFrame
	tc := func(n timing.Frame) string { return timing.FormatTimecode(n, rate, drop) }
	rep := res.Report(nil, false)
	out := planJSON{FPS: rep.FPS, Start: rep.Start, Windows: len(res.Windows), SOTs: []planSOTJSON{}, Warnings: append([]string{}, res.Warnings...)}
	for i, sp := range res.SOTs {
		ps := planSOTJSON{ReportSOT: rep.SOTs[i], Line: sp.SOT.Line, Clip: sp.Window.Clip, Cuts: []planCutJSON{}}
		for _, c := range sp.Window.Cuts {
			ps.Cuts = append(ps.Cuts, planCutJSON{Timecode: tc(c.Frame), Frame: c.Frame, Frames: c.Frames})
		}
		for _, t := range sp.SOT.Turns {
			ps.Turns = append(ps.Turns, t.Speaker)
		}
		out.SOTs = append(out.SOTs, ps)
	}
	if o.JSON {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	sw := &stickyWriter{w: s.Out}
	fmt.Fprintf(sw, "%s\n%d SOTs in the script, %d SOT windows in the EDL, %s fps, programme start %s\n\n",
		lp.plan.Script.Title, len(res.SOTs), len(res.Windows), rate, out.Start)
	tw := tabwriter.NewWriter(sw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOT\tSCRIPT\tSPEAKERS\tLANG\tEVENTS\tWINDOW\tLENGTH\tSHOT CHANGES\tNEEDED/AVAILABLE")
	for _, p := range out.SOTs {
		win, length, cuts, fit := "not mapped", "-", "-", "-"
		if p.RecordIn != nil {
			win = *p.RecordIn + "-" + *p.RecordOut
			sp := res.SOTs[p.Index-1]
			length = fmt.Sprintf("%.1fs", rate.Seconds(sp.Window.Frames()))
			var cs []string
			for _, c := range p.Cuts {
				if c.Frames > 0 {
					cs = append(cs, fmt.Sprintf("%s (%df)", c.Timecode, c.Frames))
				} else {
					cs = append(cs, c.Timecode)
				}
			}
			cuts = strings.Join(cs, " ")
			if cuts == "" {
				cuts = "none"
			}
		}
		if p.Subtitled {
			fit = fmt.Sprintf("%.1fs/%.1fs", p.NeededSeconds, p.AvailableSeconds)
			if p.NeededSeconds > p.AvailableSeconds {
				fit += " TOO LONG"
			}
		} else if p.RecordIn != nil {
			fit = "not subtitled"
		}
		events := make([]string, len(p.Events))
		for i, e := range p.Events {
			events[i] = fmt.Sprint(e)
		}
		fmt.Fprintf(tw, "%d\tline %d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Index, p.Line, strings.Join(uniq(p.Turns), ", "), p.Language,
			strings.Join(events, "+"), win, length, cuts, fit)
	}
	tw.Flush()
	for _, w := range out.Warnings {
		fmt.Fprintln(s.Err, "warning:", w)
	}
	return sw.check()
}

// uniq drops repeats, keeping first appearances in order.
func uniq(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// planLanguages shows a package with several caption languages: the
// windows every language shares and, per SOT and language, the captions
// and the reading time needed against the time available.
func planLanguages(o PlanOptions, lp *loadedPackage, s IO) error {
	var vs []pipeline.Version
	var warns []string
	for _, v := range lp.versions {
		res, err := pipeline.Generate(v.plan, v.opts)
		if err != nil {
			return BadInput(fmt.Errorf("%s (%s): %w", v.lang, v.script, err))
		}
		vs = append(vs, pipeline.Version{Language: v.lang, Script: v.script, Result: res})
		for _, w := range res.Warnings {
			warns = append(warns, v.lang+": "+w)
		}
	}
	if o.JSON {
		return writeJSON(s.Out, pipeline.NewMultiReport(vs, []string{}, false))
	}
	sw := &stickyWriter{w: s.Out}
	printLanguages(sw, lp, vs)
	for _, w := range append(lp.warns, warns...) {
		fmt.Fprintln(s.Err, "warning:", w)
	}
	return sw.check()
}
