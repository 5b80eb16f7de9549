package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/place"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/script"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
	"github.com/sotcap/sotcap/timing/edl"
)

// Mode says which soundbites get captions.
type Mode int

const (
	// Subtitles (the zero Mode) translates only the SOTs spoken in another
	// language than the target language.
	Subtitles Mode = iota
	// Captions captions every SOT (for deaf and hard-of-hearing viewers).
	Captions
)

// ParseMode parses "subtitles" or "captions".
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "subtitles":
		return Subtitles, nil
	case "captions":
		return Captions, nil
	}
	return 0, fmt.Errorf("mode %q: expected subtitles or captions", s)
}

// String returns "subtitles" or "captions".
func (m Mode) String() string {
	if m == Captions {
		return "captions"
	}
	return "subtitles"
}

// Options configure a run. The zero value is not usable: Rate and Rules
// must be set.
type Options struct {
	Rate     timing.Rate
	Rules    rules.Profile
	Language string // the target language (BCP 47); "" means "en"
	Mode     Mode
	Map      Map
	// Markers are the SOT markers of EDL clip names; nil means
	// edl.DefaultSOTMarkers().
	Markers []string
	// Start is the programme start frame; nil means the EDL's earliest
	// record-in.
	Start *timing.Frame
	// STL configures the STL writer; Rate, DropFrame, Start, Language and
	// Title are filled in from the package.
	STL stl.Options
	// Formats are the formats the captions will be written in (format
	// names); they limit the lines (see FitFormats).
	Formats []string
	// Style is the house style of segmentation; nil means the built-in one.
	Style *segment.Style
	// ScriptLanguage is the language the script is written in (BCP 47),
	// for script.Reader.Language; "" detects it.
	ScriptLanguage string
}

// FitFormats limits the profile to what every format in Formats can show
// (format.Format.Limits): a Teletext EBU STL row holds 37 characters, an
// SCC (CEA-608) row 32 and a pop-on caption 4 rows, so when such a format is
// written every format gets lines that fit it, rather than that format
// failing at the end. A row's cells hold half as many counted characters in
// CJK counting, where a Latin letter counts ½. It returns a warning for
// each limit it applied. Generate calls it; a caller calls it first to show
// the warnings.
func (o *Options) FitFormats() []string {
	lang := o.Language
	if lang == "" {
		lang = o.Rules.Language
	}
	var warns []string
	for _, name := range o.Formats {
		f, ok := format.ByName(name)
		if !ok {
			continue
		}
		chars, lines := f.Limits(format.WriteOptions{STL: o.STL})
		row := fmt.Sprint(chars)
		if measure.IsCJK(lang) && chars > 0 {
			row = fmt.Sprintf("%d (%d in CJK counting, where Latin letters count ½)", chars, chars/2)
			chars /= 2
		}
		if chars > 0 && o.Rules.MaxCharsPerLine > chars {
			why := fmt.Sprintf("an %s row %s", f.Title, row)
			hint := fmt.Sprintf("leave %s out of --formats", f.Name)
			if f.Name == "stl" {
				why = fmt.Sprintf("a Teletext STL row %s", row)
				hint = "leave stl out of --formats or set stl.display_standard=open"
			}
			warns = append(warns, fmt.Sprintf("profile %s allows %d characters per line, %s: captions use %d "+
				"(for longer SRT/WebVTT lines, %s)", o.Rules.Name, o.Rules.MaxCharsPerLine, why, chars, hint))
			o.Rules.MaxCharsPerLine = chars
		}
		if lines > 0 && o.Rules.MaxLines > lines {
			warns = append(warns, fmt.Sprintf("profile %s allows %d lines, %s %d: captions use %d", o.Rules.Name, o.Rules.MaxLines, f.Title, lines, lines))
			o.Rules.MaxLines = lines
		}
	}
	return warns
}

// Inputs are a package's two source files.
type Inputs struct {
	ScriptName string
	Script     io.Reader
	EDLName    string
	EDL        io.Reader
}

// SOTPlan is one script SOT and the window it plays in.
type SOTPlan struct {
	Index     int
	SOT       script.SOT
	Window    timing.Window
	Mapped    bool // false when --map left the SOT out
	Subtitled bool
	Language  string // BCP 47 of the spoken language, "" unknown
	// NeededSeconds is the reading time the translation needs at the
	// profile's CPS; AvailableSeconds is the window's length plus hang.
	NeededSeconds, AvailableSeconds float64
	Captions                        []captions.Caption
}

// Speaker returns the first turn's speaker.
func (p SOTPlan) Speaker() string {
	if len(p.SOT.Turns) == 0 {
		return ""
	}
	return p.SOT.Turns[0].Speaker
}

// Plan is a package mapped onto its edit.
type Plan struct {
	Script   *script.Package
	EDL      *edl.EDL
	Windows  []timing.Window // every SOT window the EDL marks
	SOTs     []SOTPlan
	Start    timing.Frame // programme start frame
	Rate     timing.Rate
	Warnings []string
}

// SOTViolation is a broken rule with the SOT it belongs to.
type SOTViolation struct {
	SOT int
	rules.Violation
}

// Result is a generated package.
type Result struct {
	*Plan
	Document   captions.Document
	Violations []SOTViolation
	rules      rules.Profile
}

// MismatchError says the script and the edit disagree on the number of
// SOTs; its message shows both lists side by side with a --map hint.
type MismatchError struct {
	SOTs    []script.SOT
	Windows []timing.Window
	Rate    timing.Rate
	Drop    bool
}

// Error lists the script's SOTs beside the EDL's SOT windows.
func (e *MismatchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the script has %d SOTs but the EDL marks %d SOT windows; map them with --map SOT=EVENT[+EVENT…]\n\n", len(e.SOTs), len(e.Windows))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOT\tSCRIPT (line, speaker)\t\tEDL WINDOW\tEVENTS\tCLIP")
	n := max(len(e.SOTs), len(e.Windows))
	for i := 0; i < n; i++ {
		left, right := "\t", "\t\t"
		if i < len(e.SOTs) {
			s := e.SOTs[i]
			left = fmt.Sprintf("%d\tline %d: %s", s.Index, s.Line, clip(speakerOf(s), 30))
		}
		if i < len(e.Windows) {
			w := e.Windows[i]
			right = fmt.Sprintf("%s-%s\t%s\t%s", timing.FormatTimecode(w.In, e.Rate, e.Drop), timing.FormatTimecode(w.Out, e.Rate, e.Drop),
				strings.Join(w.Events, "+"), clip(w.Clip, 30))
		}
		fmt.Fprintf(tw, "%s\t\t%s\n", left, right)
	}
	tw.Flush()
	var hint []string
	for i := 0; i < min(len(e.SOTs), len(e.Windows)); i++ {
		hint = append(hint, fmt.Sprintf("%d=%s", i+1, strings.Join(trimZeros(e.Windows[i].Events), "+")))
	}
	fmt.Fprintf(&b, "\nfor example: --map %s", strings.Join(hint, ","))
	return b.String()
}

func trimZeros(evs []string) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		if n, err := strconv.Atoi(e); err == nil {
			out[i] = strconv.Itoa(n)
		} else {
			out[i] = e
		}
	}
	return out
}

func speakerOf(s script.SOT) string {
	if len(s.Turns) == 0 {
		return ""
	}
	return s.Turns[0].Speaker
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ErrNoSOTWindows is returned when the EDL marks no SOT at all.
var ErrNoSOTWindows = errors.New("the EDL marks no SOT")

// Read reads a package's script and EDL.
func Read(in Inputs, opts Options) (*script.Package, *edl.EDL, error) {
	if opts.Rate.IsZero() {
		return nil, nil, errors.New("no frame rate: give --fps")
	}
	pkg, err := ReadScript(in.ScriptName, in.Script, opts.ScriptLanguage)
	if err != nil {
		return nil, nil, err
	}
	list, err := ReadEDL(in.EDLName, in.EDL, opts.Rate)
	if err != nil {
		return nil, nil, err
	}
	return pkg, list, nil
}

// ReadScript reads one script named name (for errors); lang is the
// language it is written in, "" to detect it.
func ReadScript(name string, r io.Reader, lang string) (*script.Package, error) {
	srd := script.Reader{File: name, Language: lang}
	return srd.Read(r)
}

// ReadEDL reads one CMX 3600 EDL named name (for errors) at rate.
func ReadEDL(name string, r io.Reader, rate timing.Rate) (*edl.EDL, error) {
	if rate.IsZero() {
		return nil, errors.New("no frame rate: give --fps")
	}
	erd := edl.NewReader(r, rate)
	erd.File = name
	return erd.Read()
}

// NewPlan maps the script's SOTs onto the EDL's SOT windows: the N-th SOT
// to the N-th window, or as opts.Map says.
func NewPlan(pkg *script.Package, list *edl.EDL, opts Options) (*Plan, error) {
	markers := opts.Markers
	if markers == nil {
		markers = edl.DefaultSOTMarkers()
	}
	p := &Plan{Script: pkg, EDL: list, Rate: opts.Rate, Windows: list.SOTWindows(markers)}
	if opts.Start != nil {
		p.Start = *opts.Start
	} else {
		p.Start = list.Start()
	}
	target := primary(opts.Language)
	if target == "" {
		target = "en"
	}
	if opts.Map.IsZero() {
		if len(p.Windows) == 0 {
			return nil, fmt.Errorf("%w (markers %s in a clip name or locator); mark the soundbites in the edit or map them with --map", ErrNoSOTWindows, strings.Join(markers, ", "))
		}
		if len(pkg.SOTs) != len(p.Windows) {
			return nil, &MismatchError{SOTs: pkg.SOTs, Windows: p.Windows, Rate: opts.Rate, Drop: list.DropFrame}
		}
	} else {
		for _, k := range opts.Map.SOTs() {
			if k > len(pkg.SOTs) {
				return nil, fmt.Errorf("--map names SOT %d but the script has %d SOTs", k, len(pkg.SOTs))
			}
		}
	}
	cuts := list.Cuts()
	for i, sot := range pkg.SOTs {
		sp := SOTPlan{Index: sot.Index, SOT: sot, Language: script.LanguageTag(sot.Language())}
		if opts.Map.IsZero() {
			sp.Window, sp.Mapped = p.Windows[i], true
		} else if evs := opts.Map.Events(sot.Index); evs != nil {
			w, err := windowOf(list, evs, cuts)
			if err != nil {
				return nil, fmt.Errorf("--map %d=…: %w", sot.Index, err)
			}
			sp.Window, sp.Mapped = w, true
		} else {
			p.Warnings = append(p.Warnings, fmt.Sprintf("SOT %d (line %d) is not in --map: no captions", sot.Index, sot.Line))
		}
		switch {
		case !sp.Mapped:
		case opts.Mode == Captions:
			sp.Subtitled = true
		case sp.Language == "":
			sp.Subtitled = true
			p.Warnings = append(p.Warnings, fmt.Sprintf("SOT %d (line %d): spoken language %q unknown; subtitled", sot.Index, sot.Line, sot.Language()))
		default:
			sp.Subtitled = sp.Language != target
		}
		p.SOTs = append(p.SOTs, sp)
	}
	if !opts.Map.IsZero() {
		if err := checkMapped(p.SOTs, opts.Rate, list.DropFrame); err != nil {
			return nil, err
		}
	}
	for _, sp := range p.SOTs {
		if sp.Subtitled && sp.Window.In < p.Start {
			tc := func(n timing.Frame) string { return timing.FormatTimecode(n, opts.Rate, list.DropFrame) }
			return nil, fmt.Errorf("programme start %s is after SOT %d's window (%s-%s): its captions would come before the start; expected a start at or before %s",
				tc(p.Start), sp.Index, tc(sp.Window.In), tc(sp.Window.Out), tc(sp.Window.In))
		}
	}
	return p, nil
}

// ErrMapping is matched (errors.Is) by the errors NewPlan returns when
// --map gives two SOTs overlapping windows or puts them out of script
// order.
var ErrMapping = errors.New("mapping error")

// checkMapped refuses a --map under which two SOTs' windows overlap (their
// captions would be on screen at once) or a later SOT of the script plays
// before an earlier one (captions are written in script order).
func checkMapped(sots []SOTPlan, rate timing.Rate, drop bool) error {
	tc := func(n timing.Frame) string { return timing.FormatTimecode(n, rate, drop) }
	desc := func(sp SOTPlan) string {
		return fmt.Sprintf("SOT %d (events %s, %s-%s)", sp.Index, strings.Join(trimZeros(sp.Window.Events), "+"), tc(sp.Window.In), tc(sp.Window.Out))
	}
	var prev *SOTPlan
	for i := range sots {
		a := &sots[i]
		if !a.Mapped {
			continue
		}
		for j := i + 1; j < len(sots); j++ {
			b := sots[j]
			if b.Mapped && a.Window.In < b.Window.Out && b.Window.In < a.Window.Out {
				return fmt.Errorf("%w: --map puts %s and %s on overlapping windows; give each SOT its own events", ErrMapping, desc(*a), desc(b))
			}
		}
		if prev != nil && a.Window.In < prev.Window.In {
			return fmt.Errorf("%w: --map puts %s before %s, but captions follow the script's order; map the SOTs in the order they play", ErrMapping, desc(*a), desc(*prev))
		}
		prev = a
	}
	return nil
}

func primary(tag string) string {
	t, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return t
}

// windowOf builds the window of the EDL events numbered evs.
func windowOf(edl *edl.EDL, evs []int, cuts []timing.Cut) (timing.Window, error) {
	var w timing.Window
	found := map[int]bool{}
	for _, ev := range edl.Events {
		n, err := strconv.Atoi(ev.Number)
		if err != nil || !slicesContains(evs, n) || ev.RecordOutFrame <= ev.RecordInFrame {
			continue
		}
		if !found[n] {
			w.Events = append(w.Events, ev.Number)
		}
		found[n] = true
		if len(w.Lines) == 0 || ev.RecordInFrame < w.In {
			w.In = ev.RecordInFrame
		}
		if len(w.Lines) == 0 || ev.RecordOutFrame > w.Out {
			w.Out = ev.RecordOutFrame
		}
		if w.Clip == "" {
			w.Clip = ev.ClipName
		}
		w.Lines = append(w.Lines, ev.Line)
	}
	for _, n := range evs {
		if !found[n] {
			return timing.Window{}, fmt.Errorf("the EDL has no event %d with a record range", n)
		}
	}
	for _, c := range cuts {
		if c.Frame > w.In && c.Frame < w.Out {
			w.Cuts = append(w.Cuts, c)
		}
	}
	return w, nil
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// SOTError is a failure to caption one SOT.
type SOTError struct {
	SOT  int
	Line int // the SOT's line in the script
	Err  error
}

// Error names the SOT and its script line.
func (e *SOTError) Error() string {
	return fmt.Sprintf("SOT %d (script line %d): %v", e.SOT, e.Line, e.Err)
}

// Unwrap returns the cause.
func (e *SOTError) Unwrap() error { return e.Err }

// Generate segments and times every subtitled SOT of the plan.
func Generate(p *Plan, opts Options) (*Result, error) {
	opts.FitFormats()
	res := &Result{Plan: p, rules: opts.Rules, Document: captions.Document{Title: p.Script.Title, Language: opts.Language}}
	if res.Document.Language == "" {
		res.Document.Language = "en"
	}
	// Every window any SOT plays in limits the hang of the one before it,
	// subtitled or not.
	var ins []timing.Frame
	for _, w := range p.Windows {
		ins = append(ins, w.In)
	}
	for _, sp := range p.SOTs {
		if sp.Mapped {
			ins = append(ins, sp.Window.In)
		}
	}
	sort.Slice(ins, func(i, j int) bool { return ins[i] < ins[j] })
	for i := range p.SOTs {
		sp := &p.SOTs[i]
		if !sp.Subtitled {
			continue
		}
		var limit timing.Frame
		for _, in := range ins {
			if in > sp.Window.In {
				limit = in
				break
			}
		}
		// Captions never cross midnight: a timecode stops at the day's
		// last frame (23:59:59:24 at 25 fps), the latest out time EBU STL
		// can label. place ends captions MinGapFrames before Limit.
		day := p.Rate.Frames(24*time.Hour) - 1 + timing.Frame(opts.Rules.MinGapFrames)
		if limit == 0 || limit > day {
			limit = day
		}
		turns := make([]captions.Turn, 0, len(sp.SOT.Turns))
		for _, t := range sp.SOT.Turns {
			if strings.TrimSpace(t.Text) != "" {
				turns = append(turns, captions.Turn{Speaker: t.Speaker, Text: t.Text})
			}
		}
		if len(turns) == 0 {
			return nil, &SOTError{SOT: sp.Index, Line: sp.SOT.Line, Err: errors.New("no text to caption")}
		}
		out, err := place.SOT(opts.Rules, place.Input{Style: opts.Style, Turns: turns, Window: sp.Window, Rate: p.Rate, Limit: limit})
		if err != nil {
			return nil, &SOTError{SOT: sp.Index, Line: sp.SOT.Line, Err: err}
		}
		sp.Captions = out.Captions
		sp.NeededSeconds, sp.AvailableSeconds = out.NeededSeconds, out.AvailableSeconds
		base := len(res.Document.Captions)
		for _, v := range out.Violations {
			v.Caption += base
			res.Violations = append(res.Violations, SOTViolation{SOT: sp.Index, Violation: v})
		}
		res.Document.Captions = append(res.Document.Captions, out.Captions...)
	}
	return res, nil
}

// writeCues writes caps one at a time and flushes the writer.
func writeCues(w format.Writer, caps []captions.Caption) error {
	for _, c := range caps {
		if err := w.Write(c); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Render encodes the result in each of formats (format names: "srt",
// "vtt", "stl", …), and always the report, returning file contents by
// extension (".srt", …, ".report.json"). files are the paths the outputs
// will have, for the report. Nothing is written; any error leaves nothing
// to write.
func (r *Result) Render(formats []string, files []string, opts Options) (map[string][]byte, []captions.Warning, error) {
	out, warns, err := r.RenderFormats(formats, opts)
	if err != nil {
		return nil, nil, err
	}
	rep, err := json.MarshalIndent(r.Report(files, true), "", "  ")
	if err != nil {
		return nil, nil, err
	}
	out[".report.json"] = append(rep, '\n')
	return out, warns, nil
}

// RenderFormats encodes the result in each of formats (format names),
// returning file contents by extension (".srt", …) without the report.
func (r *Result) RenderFormats(formats []string, opts Options) (map[string][]byte, []captions.Warning, error) {
	out := map[string][]byte{}
	var warns []captions.Warning
	origin := r.Rate.Duration(r.Start)
	for _, name := range formats {
		f, ok := format.ByName(name)
		if !ok {
			return nil, nil, fmt.Errorf("format %q: expected %s", name, format.List(format.Names(), "or"))
		}
		so := opts.STL
		so.Rate = r.Rate
		so.DropFrame = r.EDL.DropFrame
		so.Start = origin
		var buf bytes.Buffer
		w, err := f.NewWriter(&buf, format.WriteOptions{Origin: origin, Title: r.Document.Title, Language: r.Document.Language,
			Rate: r.Rate, DropFrame: r.EDL.DropFrame, STL: so})
		if err == nil {
			err = writeCues(w, forFormat(f, r.Document.Captions))
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		if ww, ok := w.(interface{ Warnings() []captions.Warning }); ok {
			for _, x := range ww.Warnings() {
				x.Message = f.Name + ": " + x.Message
				warns = append(warns, x)
			}
		}
		out[f.Extension()] = buf.Bytes()
	}
	return out, warns, nil
}

// forFormat returns the captions as generate writes them in f: without
// speakers in a format that cannot carry them (by design, not a loss to
// warn about: the speakers are in the formats that carry them).
func forFormat(f format.Format, caps []captions.Caption) []captions.Caption {
	if f.Speakers {
		return caps
	}
	out := make([]captions.Caption, len(caps))
	for i, c := range caps {
		c.Lines = slices.Clone(c.Lines)
		for k := range c.Lines {
			c.Lines[k].Speaker = ""
		}
		out[i] = c
	}
	return out
}
