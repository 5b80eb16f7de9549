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

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/script"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/internal/pipeline"
	"github.com/sotcap/sotcap/timing"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"
)

// GenerateOptions are the options of `sotcap generate` (and of plan, batch
// and the default run, which share them).
type GenerateOptions struct {
	Script, EDL string // input paths
	// Scripts are the --script values: one script, or one per caption
	// language ("pkg_fr.txt" or "fr=pkg_fr.txt"); when set, Script is
	// ignored. With more than one, outputs are BASE.LANG.EXT and one report.
	Scripts []string
	// ScriptLanguage is the language the scripts are written in
	// (--script-language); "" detects it. A LANG= of a --script wins.
	ScriptLanguage string
	// AllowOverflow writes captions that cannot meet the profile inside
	// their SOT window (with warnings) instead of refusing them.
	AllowOverflow bool
	FPS           string
	Out, Name     string
	Formats       []string
	Start         string
	Mode          string
	Mapping       string
	Strict        bool
	JSON          bool
	Flags         *pflag.FlagSet // for config.Load: --config, --profile, rule flags
	ConfigFile    string         // a sotcap.yaml found by batch
	Style         string         // house style file (--style); "" means the config's style key
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

// loadedPackage is a package read and planned, ready to generate: one
// version per caption language (one script each), all on the same cut.
type loadedPackage struct {
	opts     pipeline.Options // the first version's
	plan     *pipeline.Plan   // the first version's
	versions []version
	multi    bool // several scripts: outputs are BASE.LANG.EXT
	out      string
	name     string
	formats  []string
	profile  string // the first version's
	warns    []string
	edlName  string // the EDL's path, for errors
}

// version is one caption language of a loaded package.
type version struct {
	lang    string
	script  string
	opts    pipeline.Options
	plan    *pipeline.Plan
	profile string
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
	if len(o.Scripts) > 0 && o.ScriptData != nil {
		return nil, errors.New("--script: the sample package takes no other script")
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
	args := make([]pipeline.ScriptArg, 0, len(o.Scripts))
	for _, a := range o.Scripts {
		args = append(args, pipeline.ParseScriptArg(a))
	}
	if len(args) == 0 {
		scriptPath := o.Script
		if scriptPath == "" {
			scriptPath = rel(cfg.String(config.KeyScript), config.KeyScript)
			if relErr != nil {
				return nil, relErr
			}
		}
		if o.ScriptData == nil && scriptPath == "" {
			return nil, errors.New("no script: give --script FILE")
		}
		args = append(args, pipeline.ScriptArg{Path: scriptPath})
	}
	multi := len(args) > 1
	edlPath := o.EDL
	if edlPath == "" {
		edlPath = rel(cfg.String(config.KeyEDL), config.KeyEDL)
	}
	if relErr != nil {
		return nil, relErr
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
	if o.ScriptLanguage != "" {
		t, err := language.Parse(o.ScriptLanguage)
		if err != nil {
			return nil, fmt.Errorf("--script-language %q: expected a BCP 47 language tag such as fr, de, ar", o.ScriptLanguage)
		}
		o.ScriptLanguage = t.String()
	}

	// Read every script, then the EDL (script errors first, as before).
	pkgs := make([]*script.Package, len(args))
	for i, a := range args {
		hint := a.Language
		if hint == "" {
			hint = o.ScriptLanguage
		}
		var r io.Reader
		if o.ScriptData != nil && !multi {
			r = bytes.NewReader(o.ScriptData)
		} else {
			f, err := atomicfile.OpenInput(a.Path, atomicfile.InputOptions{Kind: "script", Limit: atomicfile.LimitScript, RegularOnly: o.Batch})
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r = f
		}
		if pkgs[i], err = pipeline.ReadScript(a.Path, r, hint); err != nil {
			return nil, err
		}
	}
	var edlIn io.Reader
	if o.EDLData != nil {
		edlIn = bytes.NewReader(o.EDLData)
	} else {
		f, err := atomicfile.OpenInput(edlPath, atomicfile.InputOptions{Kind: "EDL", Limit: atomicfile.LimitEDL, RegularOnly: o.Batch})
		if err != nil {
			return nil, err
		}
		defer f.Close()
		edlIn = f
	}
	edl, err := pipeline.ReadEDL(edlPath, edlIn, rate)
	if err != nil {
		return nil, flagHint(err)
	}
	var start *timing.Frame
	if st := pick(o.Start, cfg, config.KeyStart); st != "" {
		n, err := timing.ParseTimecode(st, rate, edl.DropFrame)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", origin(o.Start, "--start", cfg, config.KeyStart), err)
		}
		start = &n
	}

	lp := &loadedPackage{multi: multi, edlName: edlPath}
	langs := make([]string, len(args))
	paths := make([]string, len(args))
	for i, a := range args {
		lang := captionLanguage(a, pkgs[i], cfg, multi)
		for j := 0; j < i; j++ {
			if langs[j] == lang {
				return nil, fmt.Errorf("--script: %s and %s are both in %s; name each script's caption language with LANG=FILE (fr=%s)", paths[j], a.Path, lang, a.Path)
			}
		}
		langs[i], paths[i] = lang, a.Path
	}
	if multi {
		if err := pipeline.CheckSOTCounts(langs, paths, pkgs); err != nil {
			return nil, err
		}
	}
	style, err := loadStyle(pick(o.Style, cfg, config.KeyStyle))
	if err != nil {
		return nil, err
	}
	for i, a := range args {
		rules, profile, warn, err := rulesFor(o, cfg, langs[i])
		if err != nil {
			return nil, err
		}
		if warn != "" {
			lp.warns = append(lp.warns, warn)
		}
		po := pipeline.Options{Style: style, Rate: rate, Rules: rules, Language: rules.Language, Mode: mode, Map: m,
			Markers: cfg.StringSlice(config.KeySOTMarkers), STL: stlOpts, Start: start, ScriptLanguage: pkgs[i].Language}
		plan, err := pipeline.NewPlan(pkgs[i], edl, po)
		if err != nil {
			// Say which files disagree: in a batch of hundreds "the EDL marks
			// no SOT" alone does not.
			var mm *pipeline.MismatchError
			switch {
			case errors.Is(err, pipeline.ErrNoSOTWindows):
				return nil, fmt.Errorf("%s: %w", edlPath, err)
			case errors.As(err, &mm):
				return nil, fmt.Errorf("%s and %s: %w", a.Path, edlPath, err)
			}
			return nil, err
		}
		lp.versions = append(lp.versions, version{lang: langs[i], script: a.Path, opts: po, plan: plan, profile: profile})
	}
	lp.opts, lp.plan, lp.profile = lp.versions[0].opts, lp.versions[0].plan, lp.versions[0].profile
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
		first := args[0].Path
		lp.name = strings.TrimSuffix(filepath.Base(first), filepath.Ext(first))
		if name, l := pipeline.LanguageSuffix(first); multi && l != "" && primary(l) == primary(langs[0]) {
			lp.name = name
		}
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
	for i := range lp.versions {
		v := &lp.versions[i]
		v.opts.Formats = lp.formats
		for _, w := range v.opts.FitFormats() {
			if multi {
				w = v.lang + ": " + w
			}
			lp.warns = append(lp.warns, w)
		}
	}
	lp.opts = lp.versions[0].opts
	return lp, nil
}

// captionLanguage is the language a script's captions are in: LANG= of
// its --script, else --language when there is one script, else the
// language the script is written in, else the profile's.
func captionLanguage(a pipeline.ScriptArg, pkg *script.Package, cfg *config.Config, multi bool) string {
	switch {
	case a.Language != "":
		return a.Language
	case !multi && cfg.Explicit(config.KeyLanguage):
		return cfg.Rules().Language
	case pkg.Language != "":
		return pkg.Language
	}
	return cfg.Rules().Language
}

// rulesFor returns the rules captions in lang are made under: the chosen
// profile when --profile (or the environment or file) chose one, else the
// language's preset (config.PresetFor: netflix-fr for French), with every
// rule flag applied on top; their language is lang.
func rulesFor(o GenerateOptions, cfg *config.Config, lang string) (rules.Profile, string, string, error) {
	r, name := cfg.Rules(), cfg.Profile()
	warn := ""
	if !cfg.ProfileChosen() {
		switch preset := config.PresetFor(lang); preset {
		case "":
			warn = fmt.Sprintf("no preset for captions in %s: the %s limits apply (choose one with --profile)", lang, name)
		case name:
		default:
			c, err := config.Load(config.Options{File: o.ConfigFile, Flags: o.Flags, Environ: o.Environ, Profile: preset})
			if err != nil {
				return rules.Profile{}, "", "", err
			}
			r, name = c.Rules(), c.Profile()
		}
	}
	if primary(r.Language) != primary(lang) {
		r.Language = lang
	}
	return r, name, warn, nil
}

func primary(tag string) string {
	t, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return t
}

// generated is what one package run produced.
type generated struct {
	res      *pipeline.Result // the first version's
	versions []pipeline.Version
	files    []string
	warns    []string
}

// OverflowError is generate's refusal of captions that cannot meet the
// profile inside their SOT windows; nothing was written.
type OverflowError struct {
	Overflows []string // one line per SOT (and language)
}

// Error lists every SOT that does not fit and the ways out.
func (e *OverflowError) Error() string {
	return "captions would be unreadable, nothing written:\n  " + strings.Join(e.Overflows, "\n  ") +
		"\ncut the translation, give the SOT a longer window (--map), or write them anyway with --allow-overflow"
}

// generatePackage loads, generates and writes one package. Captions that
// cannot meet the profile inside their windows are an *OverflowError
// unless o.AllowOverflow.
func generatePackage(o GenerateOptions) (*loadedPackage, *generated, error) {
	lp, err := loadPackage(o)
	if err != nil {
		return nil, nil, err
	}
	g := &generated{}
	var over []string
	for _, v := range lp.versions {
		res, err := pipeline.Generate(v.plan, v.opts)
		if err != nil {
			if lp.multi {
				err = fmt.Errorf("%s (%s): %w", v.lang, v.script, err)
			}
			return lp, nil, err
		}
		g.versions = append(g.versions, pipeline.Version{Language: v.lang, Script: v.script, Result: res})
		for _, ov := range res.Overflows() {
			msg := ov.String()
			if lp.multi {
				msg = v.lang + ": " + msg
			}
			over = append(over, msg)
		}
	}
	g.res = g.versions[0].Result
	if len(over) > 0 && !o.AllowOverflow {
		return lp, nil, &OverflowError{Overflows: over}
	}
	var files map[string][]byte
	if lp.multi {
		for i := range g.versions {
			for _, f := range lp.formats {
				p := filepath.Join(lp.out, lp.name+"."+g.versions[i].Language+"."+f)
				g.versions[i].Files = append(g.versions[i].Files, p)
				g.files = append(g.files, p)
			}
		}
		g.files = append(g.files, filepath.Join(lp.out, lp.name+".report.json"))
		opts := make([]pipeline.Options, len(lp.versions))
		for i, v := range lp.versions {
			opts[i] = v.opts
		}
		var ws []string
		files, ws, err = pipeline.RenderVersions(g.versions, lp.formats, g.files, opts)
		if err != nil {
			return lp, nil, err
		}
		defer func() { g.warns = append(g.warns, ws...) }()
	} else {
		exts := append(append([]string{}, lp.formats...), "report.json")
		for _, e := range exts {
			g.files = append(g.files, filepath.Join(lp.out, lp.name+"."+e))
		}
		g.versions[0].Files = g.files[:len(lp.formats)]
		var ws []captions.Warning
		files, ws, err = g.res.Render(lp.formats, g.files, lp.opts)
		if err != nil {
			// Name the package: in a batch, "stl: caption 5" alone does not.
			return lp, nil, fmt.Errorf("%s and %s: %w", lp.versions[0].script, lp.edlName, err)
		}
		defer func() {
			for _, w := range ws {
				g.warns = append(g.warns, w.String())
			}
		}()
	}
	ctx := o.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if _, err := pipeline.WriteOutputsContext(ctx, lp.out, lp.name, files); err != nil {
		return lp, nil, err
	}
	g.warns = append(g.warns, lp.warns...)
	for _, v := range lp.versions {
		pre := ""
		if lp.multi {
			pre = v.lang + ": "
		}
		for _, w := range v.plan.Warnings {
			g.warns = append(g.warns, pre+w)
		}
		for _, w := range v.plan.Script.Warnings {
			g.warns = append(g.warns, pre+"script "+w.String())
		}
	}
	for _, w := range lp.plan.EDL.Warnings {
		g.warns = append(g.warns, fmt.Sprintf("EDL line %d: %s", w.Line, w.Message))
	}
	for _, m := range over {
		g.warns = append(g.warns, "written anyway (--allow-overflow): "+m)
	}
	return lp, g, nil
}

// RunGenerate runs `sotcap generate`: exit 0 when the package was written,
// 1 when its captions would be unreadable (nothing written) or, with
// --strict, when a rule is broken, 2 on bad input.
func RunGenerate(o GenerateOptions, s IO) error {
	if o.Ctx == nil {
		o.Ctx = s.Ctx
	}
	lp, g, err := generatePackage(o)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		var oe *OverflowError
		if errors.As(err, &oe) {
			return &ExitError{Code: ExitViolation, Err: err}
		}
		return BadInput(err)
	}
	violations := 0
	for _, v := range g.versions {
		violations += len(v.Result.Violations)
	}
	switch {
	case o.JSON && lp.multi:
		if err := writeJSON(s.Out, pipeline.NewMultiReport(g.versions, g.files, false)); err != nil {
			return err
		}
	case o.JSON:
		if err := writeJSON(s.Out, g.res.Report(g.files, false)); err != nil {
			return err
		}
	default:
		sw := &stickyWriter{w: s.Out}
		if lp.multi {
			printLanguages(sw, lp, g.versions)
			fmt.Fprintln(sw)
			for _, f := range g.files {
				fmt.Fprintln(sw, "wrote", f)
			}
		} else {
			printSummary(sw, lp, g)
		}
		for _, w := range g.warns {
			fmt.Fprintln(s.Err, "warning:", w)
		}
		if err := sw.check(); err != nil {
			return err
		}
	}
	if o.Strict && violations > 0 {
		return &ExitError{Code: ExitViolation, Err: fmt.Errorf("%d rule violations (--strict)", violations)}
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printLanguages writes the heading and the per-language table of a
// package generated in several languages.
func printLanguages(w io.Writer, lp *loadedPackage, vs []pipeline.Version) {
	res := vs[0].Result
	var langs []string
	for _, v := range lp.versions {
		langs = append(langs, fmt.Sprintf("%s (%s, max %g cps, %d×%d)", v.lang, v.profile, v.opts.Rules.MaxCPS, v.opts.Rules.MaxLines, v.opts.Rules.MaxCharsPerLine))
	}
	fmt.Fprintf(w, "%s at %s fps, programme start %s\n%d languages: %s\n\n", lp.plan.Script.Title, res.Rate,
		timing.FormatTimecode(res.Start, res.Rate, res.EDL.DropFrame), len(vs), strings.Join(langs, ", "))
	pipeline.WriteLanguageTable(tabwriter.NewWriter(w, 0, 0, 2, ' ', 0), vs)
	for _, v := range vs {
		for _, viol := range v.Result.Violations {
			fmt.Fprintf(w, "  %s SOT %d %s\n", v.Language, viol.SOT, viol.Violation)
		}
	}
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
