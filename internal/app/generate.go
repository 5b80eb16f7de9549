package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/internal/pipeline"
	"github.com/sotcap/sotcap/timing"
	"github.com/spf13/pflag"
)

// GenerateOptions are the options of `sotcap generate` (and of plan, batch
// and the default run, which share them).
type GenerateOptions struct {
	Script, EDL string // input paths
	FPS         string
	Out, Name   string
	Formats     []string
	Start       string
	Mode        string
	Mapping     string
	Strict      bool
	JSON        bool
	Flags       *pflag.FlagSet // for config.Load: --config, --profile, rule flags
	ConfigFile  string         // a sotcap.yaml found by batch
	// Batch is set for a package of `sotcap batch`: inputs must be regular
	// files (a FIFO would block the run), and the paths a sotcap.yaml
	// gives must stay inside its folder unless AllowOutside.
	Batch        bool
	AllowOutside bool
	// Ctx cancels writing (SIGINT, SIGTERM); nil means never.
	Ctx     context.Context
	Environ []string // nil: the process environment

	// Set by the default run: inputs held in memory.
	ScriptData, EDLData []byte
}

// loadedPackage is a package read and planned, ready to generate.
type loadedPackage struct {
	opts    pipeline.Options
	plan    *pipeline.Plan
	out     string
	name    string
	formats []string
	profile string
	warns   []string
	// scriptName and edlName are the inputs, for errors.
	scriptName, edlName string
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
func loadPackage(o GenerateOptions) (*loadedPackage, error) {
	cfg, err := config.Load(config.Options{File: o.ConfigFile, Flags: o.Flags, Environ: o.Environ})
	if err != nil {
		return nil, err
	}
	base := ""
	if o.ConfigFile != "" {
		base = filepath.Dir(o.ConfigFile)
	}
	var relErr error
	rel := func(p, key string) string {
		if p == "" || base == "" {
			return p
		}
		if o.Batch && !o.AllowOutside {
			q, err := confine(base, p, key)
			if err != nil && relErr == nil {
				relErr = fmt.Errorf("%s: %w", cfg.Source(key), err)
			}
			return q
		}
		if !filepath.IsAbs(p) {
			return filepath.Join(base, p)
		}
		return p
	}
	scriptPath := o.Script
	if scriptPath == "" {
		scriptPath = rel(cfg.String(config.KeyScript), config.KeyScript)
	}
	edlPath := o.EDL
	if edlPath == "" {
		edlPath = rel(cfg.String(config.KeyEDL), config.KeyEDL)
	}
	if relErr != nil {
		return nil, relErr
	}
	if o.ScriptData == nil && scriptPath == "" {
		return nil, errors.New("no script: give --script FILE")
	}
	if o.EDLData == nil && edlPath == "" {
		return nil, errors.New("no EDL: give --edl FILE")
	}
	fps := pick(o.FPS, cfg, config.KeyFPS)
	if fps == "" {
		return nil, errors.New("no frame rate: give --fps RATE (the EDL does not say it), e.g. --fps 25")
	}
	rate, err := timing.ParseRate(fps)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin(o.FPS, "--fps", cfg, config.KeyFPS), err)
	}
	rules := cfg.Rules()
	stlOpts, err := cfg.STLOptions()
	if err != nil {
		return nil, err
	}
	mode, err := pipeline.ParseMode(pick(o.Mode, cfg, config.KeyMode))
	if err != nil {
		return nil, err
	}
	m, err := pipeline.ParseMap(pick(o.Mapping, cfg, config.KeyMap))
	if err != nil {
		return nil, err
	}
	po := pipeline.Options{Rate: rate, Rules: rules, Language: rules.Language, Mode: mode, Map: m,
		Markers: cfg.StringSlice(config.KeySOTMarkers), STL: stlOpts}
	if po.Language == "" {
		po.Language = "en"
	}

	in := pipeline.Inputs{ScriptName: scriptPath, EDLName: edlPath}
	if o.ScriptData != nil {
		in.Script = bytes.NewReader(o.ScriptData)
	} else {
		f, err := atomicfile.OpenInput(scriptPath, atomicfile.InputOptions{Kind: "script", Limit: atomicfile.LimitScript, RegularOnly: o.Batch})
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in.Script = f
	}
	if o.EDLData != nil {
		in.EDL = bytes.NewReader(o.EDLData)
	} else {
		f, err := atomicfile.OpenInput(edlPath, atomicfile.InputOptions{Kind: "EDL", Limit: atomicfile.LimitEDL, RegularOnly: o.Batch})
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in.EDL = f
	}
	pkg, edl, err := pipeline.Read(in, po)
	if err != nil {
		return nil, err
	}
	if st := pick(o.Start, cfg, config.KeyStart); st != "" {
		n, err := timing.ParseTimecode(st, rate, edl.DropFrame)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", origin(o.Start, "--start", cfg, config.KeyStart), err)
		}
		po.Start = &n
	}
	plan, err := pipeline.NewPlan(pkg, edl, po)
	if err != nil {
		// Say which files disagree: in a batch of hundreds "the EDL marks
		// no SOT" alone does not.
		var mm *pipeline.MismatchError
		switch {
		case errors.Is(err, pipeline.ErrNoSOTWindows):
			return nil, fmt.Errorf("%s: %w", in.EDLName, err)
		case errors.As(err, &mm):
			return nil, fmt.Errorf("%s and %s: %w", in.ScriptName, in.EDLName, err)
		}
		return nil, err
	}
	lp := &loadedPackage{opts: po, plan: plan, profile: cfg.Profile(), scriptName: in.ScriptName, edlName: in.EDLName}
	lp.out = o.Out
	if lp.out == "" {
		lp.out = rel(cfg.String(config.KeyOut), config.KeyOut)
		if relErr != nil {
			return nil, relErr
		}
	}
	lp.name = o.Name
	if lp.name == "" {
		lp.name = cfg.String(config.KeyName)
	}
	if lp.name == "" {
		lp.name = strings.TrimSuffix(filepath.Base(scriptPath), filepath.Ext(scriptPath))
	}
	if err := pipeline.CheckBaseName(lp.name); err != nil {
		if o.Name != "" {
			return nil, fmt.Errorf("--name: %w", err)
		}
		return nil, err
	}
	lp.formats = o.Formats
	if len(lp.formats) == 0 {
		lp.formats = cfg.StringSlice(config.KeyFormats)
	}
	for _, f := range lp.formats {
		if _, ok := format.ByName(f); !ok {
			return nil, fmt.Errorf("--formats: %q is not %s", f, format.List(format.Names(), "or"))
		}
	}
	lp.opts.Formats = lp.formats
	if w := lp.opts.FitFormats(); w != "" {
		lp.warns = append(lp.warns, w)
	}
	return lp, nil
}

// generated is what one package run produced.
type generated struct {
	res   *pipeline.Result
	files []string
	warns []string
}

// generatePackage loads, generates and writes one package.
func generatePackage(o GenerateOptions) (*loadedPackage, *generated, error) {
	lp, err := loadPackage(o)
	if err != nil {
		return nil, nil, err
	}
	res, err := pipeline.Generate(lp.plan, lp.opts)
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
		// Name the package: in a batch, "stl: caption 5" alone does not.
		return lp, nil, fmt.Errorf("%s and %s: %w", lp.scriptName, lp.edlName, err)
	}
	ctx := o.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if _, err := pipeline.WriteOutputsContext(ctx, lp.out, lp.name, files); err != nil {
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

func RunGenerate(o GenerateOptions, s IO) error {
	if o.Ctx == nil {
		o.Ctx = s.Ctx
	}
	lp, g, err := generatePackage(o)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return BadInput(err)
	}
	if o.JSON {
		rep := g.res.Report(g.files, false)
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		sw := &stickyWriter{w: s.Out}
		printSummary(sw, lp, g)
		for _, w := range g.warns {
			fmt.Fprintln(s.Err, "warning:", w)
		}
		if err := sw.check(); err != nil {
			return err
		}
	}
	if o.Strict && len(g.res.Violations) > 0 {
		return &ExitError{Code: ExitViolation, Err: fmt.Errorf("%d rule violations (--strict)", len(g.res.Violations))}
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
