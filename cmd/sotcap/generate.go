package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/timing"
)

// generateOptions are the options of `sotcap generate` (and of plan, batch
// and the default run, which share them).
type generateOptions struct {
	script, edl string // input paths
	fps         string
	out, name   string
	formats     []string
	start       string
	mode        string
	mapping     string
	strict      bool
	json        bool
	flags       *pflag.FlagSet // for config.Load: --config, --profile, rule flags
	configFile  string         // a sotcap.yaml found by batch
	environ     []string       // nil: the process environment

	// Set by the default run: inputs held in memory.
	scriptData, edlData []byte
}

// addPackageFlags registers the flags generate and plan share.
func addPackageFlags(cmd *cobra.Command, o *generateOptions) {
	f := cmd.Flags()
	f.StringVar(&o.script, "script", "", "the package script (Ruptly/RT, AP or Reuters soundbites)")
	f.StringVar(&o.edl, "edl", "", "the editor's CMX 3600 EDL")
	f.StringVar(&o.fps, "fps", "", "the EDL's frame rate: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60")
	f.StringVar(&o.start, "start", "", "programme start timecode; SRT/WebVTT count from it, STL's TCP (default: the EDL's earliest record-in)")
	f.StringVar(&o.mode, "mode", "", "subtitles (only SOTs in another language than --language) or captions (every SOT)")
	f.StringVar(&o.mapping, "map", "", "map SOTs to EDL events: 1=3,2=5,3=7+9+10 (default: N-th SOT to N-th marked window)")
	config.AddFlags(f)
}

func newGenerateCmd(s stdio) *cobra.Command {
	o := generateOptions{}
	cmd := &cobra.Command{
		Use:   "generate --script FILE --edl FILE --fps RATE",
		Short: "Script + EDL in; SRT, WebVTT, EBU STL and a reading-rate report out",
		Long: `generate reads the package script and the editor's EDL, maps the N-th SOT of
the script onto the N-th SOT window of the EDL (clip names or locators marked
SOT, SOUNDBITE, SB or UPSOUND), splits each translation into captions under
the profile and times them inside the window, and writes DIR/BASE.srt, .vtt,
.stl and .report.json, all or nothing.

Exit status: 0 done (broken rules are reported), 1 with --strict when a rule
is broken, 2 bad input or usage (nothing written).`,
		Example: `  sotcap generate --script pkg.txt --edl cut.edl --fps 25
  sotcap generate --script pkg.txt --edl cut.edl --fps 29.97 --profile netflix-en --formats srt,vtt
  sotcap generate --script pkg.txt --edl cut.edl --fps 25 --map 1=3,2=5,3=7+9+10 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.flags = cmd.Flags()
			return runGenerate(o, s)
		},
	}
	addPackageFlags(cmd, &o)
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output folder (default sotcap-out)")
	f.StringVar(&o.name, "name", "", "base name of the output files (default: the script's)")
	f.StringSliceVar(&o.formats, "formats", nil, "formats to write: srt,vtt,stl (default all)")
	f.BoolVar(&o.strict, "strict", false, "exit 1 when any caption breaks a rule")
	f.BoolVar(&o.json, "json", false, "print the summary as JSON")
	return cmd
}

// loadedPackage is a package read and planned, ready to generate.
type loadedPackage struct {
	opts    app.Options
	plan    *app.Plan
	out     string
	name    string
	formats []string
	profile string
	warns   []string
}

// pick returns the flag's value when it is set (by the user or by the
// default run), else the config's.
func pick(flagVal string, cfg *config.Config, key string) string {
	if flagVal != "" {
		return flagVal
	}
	return cfg.String(key)
}

// origin names where a value pick chose came from, for its error: the flag
// when it was given, else the config's source and key ("file
// pkg/sotcap.yaml: fps"), so that a batch package's bad sotcap.yaml is not
// blamed on a flag nobody gave.
func origin(flagVal, flag string, cfg *config.Config, key string) string {
	if flagVal != "" {
		return flag
	}
	return cfg.Source(key) + ": " + key
}

// loadPackage resolves configuration and flags, reads both inputs and maps
// them. Every error is bad input.
func loadPackage(o generateOptions) (*loadedPackage, error) {
	cfg, err := config.Load(config.Options{File: o.configFile, Flags: o.flags, Environ: o.environ})
	if err != nil {
		return nil, err
	}
	base := ""
	if o.configFile != "" {
		base = filepath.Dir(o.configFile)
	}
	rel := func(p string) string {
		if p != "" && base != "" && !filepath.IsAbs(p) {
			return filepath.Join(base, p)
		}
		return p
	}
	scriptPath := o.script
	if scriptPath == "" {
		scriptPath = rel(cfg.String(config.KeyScript))
	}
	edlPath := o.edl
	if edlPath == "" {
		edlPath = rel(cfg.String(config.KeyEDL))
	}
	if o.scriptData == nil && scriptPath == "" {
		return nil, errors.New("no script: give --script FILE")
	}
	if o.edlData == nil && edlPath == "" {
		return nil, errors.New("no EDL: give --edl FILE")
	}
	fps := pick(o.fps, cfg, config.KeyFPS)
	if fps == "" {
		return nil, errors.New("no frame rate: give --fps RATE (the EDL does not say it), e.g. --fps 25")
	}
	rate, err := timing.ParseRate(fps)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin(o.fps, "--fps", cfg, config.KeyFPS), err)
	}
	rules := cfg.Rules()
	stlOpts, err := cfg.STLOptions()
	if err != nil {
		return nil, err
	}
	mode, err := app.ParseMode(pick(o.mode, cfg, config.KeyMode))
	if err != nil {
		return nil, err
	}
	m, err := app.ParseMap(pick(o.mapping, cfg, config.KeyMap))
	if err != nil {
		return nil, err
	}
	po := app.Options{Rate: rate, Rules: rules, Language: rules.Language, Mode: mode, Map: m,
		Markers: cfg.StringSlice(config.KeySOTMarkers), STL: stlOpts}
	if po.Language == "" {
		po.Language = "en"
	}

	in := app.Inputs{ScriptName: scriptPath, EDLName: edlPath}
	if o.scriptData != nil {
		in.Script = bytes.NewReader(o.scriptData)
	} else {
		f, err := os.Open(scriptPath)
		if err != nil {
			return nil, fmt.Errorf("script: %w", err)
		}
		defer f.Close()
		in.Script = f
	}
	if o.edlData != nil {
		in.EDL = bytes.NewReader(o.edlData)
	} else {
		f, err := os.Open(edlPath)
		if err != nil {
			return nil, fmt.Errorf("EDL: %w", err)
		}
		defer f.Close()
		in.EDL = f
	}
	pkg, edl, err := app.Read(in, po)
	if err != nil {
		return nil, err
	}
	if st := pick(o.start, cfg, config.KeyStart); st != "" {
		n, err := timing.ParseTimecode(st, rate, edl.DropFrame)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", origin(o.start, "--start", cfg, config.KeyStart), err)
		}
		po.Start, po.HasStart = n, true
	}
	plan, err := app.NewPlan(pkg, edl, po)
	if err != nil {
		// Say which files disagree: in a batch of hundreds "the EDL marks
		// no SOT" alone does not.
		var mm *app.MismatchError
		switch {
		case errors.Is(err, app.ErrNoSOTWindows):
			return nil, fmt.Errorf("%s: %w", in.EDLName, err)
		case errors.As(err, &mm):
			return nil, fmt.Errorf("%s and %s: %w", in.ScriptName, in.EDLName, err)
		}
		return nil, err
	}
	lp := &loadedPackage{opts: po, plan: plan, profile: cfg.Profile()}
	lp.out = o.out
	if lp.out == "" {
		lp.out = rel(cfg.String(config.KeyOut))
	}
	lp.name = o.name
	if lp.name == "" {
		lp.name = cfg.String(config.KeyName)
	}
	if lp.name == "" {
		lp.name = strings.TrimSuffix(filepath.Base(scriptPath), filepath.Ext(scriptPath))
	}
	if err := app.CheckBaseName(lp.name); err != nil {
		if o.name != "" {
			return nil, fmt.Errorf("--name: %w", err)
		}
		return nil, err
	}
	lp.formats = o.formats
	if len(lp.formats) == 0 {
		lp.formats = cfg.StringSlice(config.KeyFormats)
	}
	for _, f := range lp.formats {
		switch f {
		case "srt", "vtt", "stl":
		default:
			return nil, fmt.Errorf("--formats: %q is not srt, vtt or stl", f)
		}
	}
	// A Teletext STL row holds 37 characters: when STL is written, every
	// format gets lines that fit it, rather than the STL failing at the end.
	if rc := stl.RowChars(lp.opts.STL); rc > 0 && slices.Contains(lp.formats, "stl") && lp.opts.Rules.MaxCharsPerLine > rc {
		lp.warns = append(lp.warns, fmt.Sprintf("profile %s allows %d characters per line, a Teletext STL row %d: captions use %d "+
			"(for longer SRT/WebVTT lines, leave stl out of --formats or set stl.display_standard=open)",
			lp.profile, lp.opts.Rules.MaxCharsPerLine, rc, rc))
		lp.opts.Rules.MaxCharsPerLine = rc
	}
	return lp, nil
}

// generated is what one package run produced.
type generated struct {
	res   *app.Result
	files []string
	warns []string
}

// generatePackage loads, generates and writes one package.
func generatePackage(o generateOptions) (*loadedPackage, *generated, error) {
	lp, err := loadPackage(o)
	if err != nil {
		return nil, nil, err
	}
	res, err := app.Generate(lp.plan, lp.opts)
	if err != nil {
		return lp, nil, err
	}
	exts := append(append([]string{}, lp.formats...), "report.json")
	names := make([]string, len(exts))
	for i, e := range exts {
		names[i] = filepath.Join(lp.out, lp.name+"."+e)
	}
	files, ws, err := res.Render(lp.formats, names, lp.opts)
	if err != nil {
		return lp, nil, err
	}
	if _, err := app.WriteOutputs(lp.out, lp.name, files); err != nil {
		return lp, nil, err
	}
	g := &generated{res: res, files: names}
	g.warns = append(g.warns, lp.warns...)
	g.warns = append(g.warns, lp.plan.Warnings...)
	for _, w := range lp.plan.Script.Warnings {
		g.warns = append(g.warns, "script "+w.String())
	}
	for _, w := range lp.plan.EDL.Warnings {
		g.warns = append(g.warns, fmt.Sprintf("EDL line %d: %s", w.Line, w.Message))
	}
	for _, w := range ws {
		g.warns = append(g.warns, "stl: "+w.String())
	}
	return lp, g, nil
}

func runGenerate(o generateOptions, s stdio) error {
	lp, g, err := generatePackage(o)
	if err != nil {
		return badInput(err)
	}
	if o.json {
		rep := g.res.Report(g.files, false)
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		sw := &stickyWriter{w: s.out}
		printSummary(sw, lp, g)
		for _, w := range g.warns {
			fmt.Fprintln(s.err, "warning:", w)
		}
		if err := sw.check(); err != nil {
			return err
		}
	}
	if o.strict && len(g.res.Violations) > 0 {
		return &exitError{code: exitViolation, err: fmt.Errorf("%d rule violations (--strict)", len(g.res.Violations))}
	}
	return nil
}

// printSummary writes the per-SOT table and the files written.
func printSummary(w io.Writer, lp *loadedPackage, g *generated) {
	res := g.res
	drop := res.EDL.DropFrame
	fmt.Fprintf(w, "%s at %s fps, programme start %s, profile %s (max %g cps, %d×%d)\n\n", lp.plan.Script.Title, res.Rate,
		timing.FormatTimecode(res.Start, res.Rate, drop), lp.profile, lp.opts.Rules.MaxCPS, lp.opts.Rules.MaxLines, lp.opts.Rules.MaxCharsPerLine)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOT\tSPEAKER\tLANG\tWINDOW\tCAPTIONS\tMAX CPS\tNEEDED/AVAILABLE\tVIOLATIONS")
	for _, sp := range res.SOTs {
		win := "not mapped"
		if sp.Mapped {
			win = timing.FormatTimecode(sp.Window.In, res.Rate, drop) + "-" + timing.FormatTimecode(sp.Window.Out, res.Rate, drop)
		}
		if !sp.Subtitled {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t-\t-\t-\t-\n", sp.Index, sp.Speaker(), sp.Language, win)
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%.1f\t%.1fs/%.1fs\t%d\n", sp.Index, sp.Speaker(), sp.Language, win,
			len(sp.Captions), res.MaxCPS(sp), sp.NeededSeconds, sp.AvailableSeconds, res.ViolationsOf(sp.Index))
	}
	tw.Flush()
	if len(res.Violations) > 0 {
		fmt.Fprintln(w)
		for _, v := range res.Violations {
			fmt.Fprintf(w, "  SOT %d %s\n", v.SOT, v.Violation)
		}
	}
	fmt.Fprintln(w)
	for _, f := range g.files {
		fmt.Fprintln(w, "wrote", f)
	}
}
