package pipeline

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sotcap/sotcap/captions/script"
	"github.com/sotcap/sotcap/timing"
	"golang.org/x/text/language"
)

// ScriptArg is one --script value: a path, or LANG=PATH giving the caption
// language of the script.
type ScriptArg struct {
	Language string // BCP 47, "" when not given
	Path     string
}

// ParseScriptArg parses "pkg_fr.txt" or "fr=pkg_fr.txt". The part before
// the first '=' is a language only when it is a well-formed BCP 47 tag
// with no path separator; otherwise the whole value is the path.
func ParseScriptArg(s string) ScriptArg {
	k, v, ok := strings.Cut(s, "=")
	if ok && k != "" && v != "" && !strings.ContainsAny(k, `/\. `) {
		if t, err := language.Parse(k); err == nil {
			return ScriptArg{Language: t.String(), Path: v}
		}
	}
	return ScriptArg{Path: s}
}

// String formats the argument as ParseScriptArg reads it.
func (a ScriptArg) String() string {
	if a.Language == "" {
		return a.Path
	}
	return a.Language + "=" + a.Path
}

// LanguageSuffix returns the language of a script named NAME.LANG.txt,
// NAME_LANG.txt or NAME-LANG.txt ("fr" for pkg.fr.txt, pkg_fr.txt), and
// the name without it ("pkg"); lang is "" when the name carries no
// language. Only two-letter (ISO 639-1) subtags count, lower case, with an
// optional region or script ("pt-BR", "zh-Hans" after a dot): three
// letters would take "pkg" or "int" for languages.
func LanguageSuffix(path string) (name, lang string) {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	cut := strings.LastIndexAny(base, "._")
	if i := strings.LastIndex(base, "."); i > 0 && strings.Contains(base[i:], "-") {
		cut = i // pkg.pt-BR: the hyphen belongs to the tag
	}
	if cut <= 0 || cut == len(base)-1 {
		return base, ""
	}
	suf := base[cut+1:]
	primary, _, _ := strings.Cut(suf, "-")
	if len(primary) != 2 || strings.ToLower(primary) != primary {
		return base, ""
	}
	t, err := language.Parse(suf)
	if err != nil {
		return base, ""
	}
	b, conf := t.Base()
	if conf != language.Exact || b.String() != primary {
		return base, ""
	}
	return base[:cut], t.String()
}

// CountError says the scripts of a multilingual run disagree on the number
// of SOTs; its message shows their SOTs side by side.
type CountError struct {
	Languages []string
	Scripts   []string
	SOTs      [][]script.SOT
}

// Error lists each script's SOTs in a column.
func (e *CountError) Error() string {
	var b strings.Builder
	var counts []string
	for i, l := range e.Languages {
		counts = append(counts, fmt.Sprintf("%s %d (%s)", l, len(e.SOTs[i]), filepath.Base(e.Scripts[i])))
	}
	fmt.Fprintf(&b, "the scripts disagree on the number of SOTs: %s; every language version must have the same SOTs in the same order\n\n", strings.Join(counts, ", "))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	head := []string{"SOT"}
	n := 0
	for i, l := range e.Languages {
		head = append(head, strings.ToUpper(l)+" (line, speaker)")
		n = max(n, len(e.SOTs[i]))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for k := 0; k < n; k++ {
		row := []string{strconv.Itoa(k + 1)}
		for i := range e.Languages {
			cell := "-"
			if k < len(e.SOTs[i]) {
				s := e.SOTs[i][k]
				cell = fmt.Sprintf("line %d: %s", s.Line, clip(speakerOf(s), 28))
			}
			row = append(row, cell)
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	return strings.TrimRight(b.String(), "\n")
}

// CheckSOTCounts returns a *CountError when the packages (one per
// language, read from scripts) do not have the same number of SOTs.
func CheckSOTCounts(langs, scripts []string, pkgs []*script.Package) error {
	for _, p := range pkgs[1:] {
		if len(p.SOTs) != len(pkgs[0].SOTs) {
			e := &CountError{Languages: langs, Scripts: scripts}
			for _, q := range pkgs {
				e.SOTs = append(e.SOTs, q.SOTs)
			}
			return e
		}
	}
	return nil
}

// Version is one caption language of a package generated from one cut.
type Version struct {
	// Language is the caption language (BCP 47).
	Language string
	// Script is the script's file name.
	Script string
	// Result is the language's captions; every version shares the windows.
	Result *Result
	// Files are the output paths of the language's caption files.
	Files []string
}

// MultiReport is the report of a package generated in several languages:
// the shape of BASE.report.json and of `generate --json` with more than one
// --script.
type MultiReport struct {
	Files     []string         `json:"files"`
	FPS       float64          `json:"fps"`
	Start     string           `json:"start"`
	Windows   []ReportWindow   `json:"windows"`
	Languages []LanguageReport `json:"languages"`
	// CPSFormula, in the report file only.
	CPSFormula string `json:"cps_formula,omitempty"`
}

// ReportWindow is the window one SOT plays in, the same for every
// language.
type ReportWindow struct {
	SOT       int     `json:"sot"`
	Events    []int   `json:"events"`
	RecordIn  *string `json:"record_in"`
	RecordOut *string `json:"record_out"`
	Seconds   float64 `json:"seconds"`
}

// LanguageReport is one language of a MultiReport.
type LanguageReport struct {
	Language   string            `json:"language"`
	Script     string            `json:"script"`
	Profile    string            `json:"profile"`
	ProfileCPS float64           `json:"profile_max_cps"`
	Files      []string          `json:"files"`
	SOTs       []LanguageSOT     `json:"sots"`
	Violations []ReportViolation `json:"violations"`
	Overflows  []string          `json:"overflows"`
	// Captions, in the report file only.
	Captions []ReportCaption `json:"captions,omitempty"`
}

// LanguageSOT is one SOT in one language: ReportSOT with the highest
// reading speed among its captions.
type LanguageSOT struct {
	ReportSOT
	MaxCPS float64 `json:"max_cps"`
}

// NewMultiReport summarises versions (all generated on the same plan
// windows); files are every output path; detail adds each caption and the
// CPS formula.
func NewMultiReport(versions []Version, files []string, detail bool) MultiReport {
	first := versions[0].Result
	rep := first.Report(files, false)
	m := MultiReport{Files: rep.Files, FPS: rep.FPS, Start: rep.Start, Windows: []ReportWindow{}, Languages: []LanguageReport{}}
	for i, s := range rep.SOTs {
		m.Windows = append(m.Windows, ReportWindow{SOT: s.Index, Events: s.Events, RecordIn: s.RecordIn, RecordOut: s.RecordOut,
			Seconds: round(first.Rate.Seconds(first.SOTs[i].Window.Frames()), 2)})
	}
	for _, v := range versions {
		r := v.Result.Report(v.Files, detail)
		lr := LanguageReport{Language: v.Language, Script: v.Script, Profile: v.Result.rules.Name, ProfileCPS: v.Result.rules.MaxCPS,
			Files: append([]string{}, v.Files...), Violations: r.Violations, Overflows: []string{}, Captions: r.Captions}
		for i, s := range r.SOTs {
			lr.SOTs = append(lr.SOTs, LanguageSOT{ReportSOT: s, MaxCPS: round(v.Result.MaxCPS(v.Result.SOTs[i]), 2)})
		}
		for _, o := range v.Result.Overflows() {
			lr.Overflows = append(lr.Overflows, o.String())
		}
		m.Languages = append(m.Languages, lr)
	}
	if detail {
		m.CPSFormula = CPSFormula
	}
	return m
}

// RenderVersions encodes every version in each of formats, as
// ".LANG.EXT" → contents, and the one report as ".report.json". files are
// every output path, for the report. Nothing is written.
func RenderVersions(versions []Version, formats []string, files []string, opts []Options) (map[string][]byte, []string, error) {
	out := map[string][]byte{}
	var warns []string
	for i, v := range versions {
		got, ws, err := v.Result.RenderFormats(formats, opts[i])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", v.Language, err)
		}
		for ext, b := range got {
			out["."+v.Language+ext] = b
		}
		for _, w := range ws {
			warns = append(warns, v.Language+": stl: "+w.String())
		}
	}
	rep, err := json.MarshalIndent(NewMultiReport(versions, files, true), "", "  ")
	if err != nil {
		return nil, nil, err
	}
	out[".report.json"] = append(rep, '\n')
	return out, warns, nil
}

// windowText formats a SOT's window for tables.
func windowText(sp SOTPlan, rate timing.Rate, drop bool) string {
	if !sp.Mapped {
		return "not mapped"
	}
	return timing.FormatTimecode(sp.Window.In, rate, drop) + "-" + timing.FormatTimecode(sp.Window.Out, rate, drop)
}

// WriteLanguageTable writes the per-language table a localisation desk
// reads: for each SOT and language the captions, the highest reading
// speed, the time needed against the time available (TOO LONG where it
// does not fit) and the broken rules.
func WriteLanguageTable(w *tabwriter.Writer, versions []Version) {
	first := versions[0].Result
	fmt.Fprintln(w, "SOT\tWINDOW\tLANG\tSPOKEN\tPROFILE\tCAPTIONS\tMAX CPS\tNEEDED/AVAILABLE\tVIOLATIONS")
	for i, sp := range first.SOTs {
		for j, v := range versions {
			sot, win := "", ""
			if j == 0 {
				sot, win = strconv.Itoa(sp.Index), windowText(sp, first.Rate, first.EDL.DropFrame)
			}
			vp := v.Result.SOTs[i]
			spoken := vp.Language
			if spoken == "" {
				spoken = "?"
			}
			if !vp.Subtitled {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t-\t-\tnot subtitled\t-\n", sot, win, v.Language, spoken, v.Result.rules.Name)
				continue
			}
			fit := fmt.Sprintf("%.1fs/%.1fs", vp.NeededSeconds, vp.AvailableSeconds)
			if v.Result.Rate.Frames(seconds(vp.NeededSeconds)) > v.Result.Rate.Frames(seconds(vp.AvailableSeconds)) {
				fit += " TOO LONG"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t%d\n", sot, win, v.Language, spoken, v.Result.rules.Name,
				len(vp.Captions), v.Result.MaxCPS(vp), fit, v.Result.ViolationsOf(vp.Index))
		}
	}
	w.Flush()
}
