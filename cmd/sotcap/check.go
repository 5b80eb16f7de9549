package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/format/vtt"
	"github.com/sotcap/sotcap/captions/report"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
)

// checkOptions are the options of `sotcap check`.
type checkOptions struct {
	files    []string
	fps      string
	edl      string
	start    string
	format   string
	out      string
	stlTable string // "", "auto" or a table code: also check STL deliverability
	flags    *pflag.FlagSet
}

func newCheckCmd(s stdio) *cobra.Command {
	o := checkOptions{}
	cmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Check SRT, WebVTT or EBU STL files against a reading-speed profile",
		Long: `check reads each file (the format from its content, the extension only when
the content cannot tell), judges every caption against the profile — CPS,
characters per line, lines, minimum and maximum duration, minimum gap,
overlap, order, empty text, characters the format cannot carry and, with
--edl, the shot-change zones — and reports what it finds. The rules and the
CPS formula are the same code generate uses.

With --edl, SRT and WebVTT times (which count from the file's start) are
placed on the EDL's timeline at --start, by default the EDL's earliest
record-in; EBU STL files carry programme timecodes already.

Exit status: 0 no violations, 1 violations, 2 unreadable input or usage.`,
		Example: `  sotcap check vendor.srt --profile netflix-en
  sotcap check news.stl --edl cut.edl --fps 25 --format html --out report.html
  sotcap check *.vtt --format csv > violations.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			o.flags = cmd.Flags()
			return runCheck(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.fps, "fps", "", "frame rate for the frame rules (default: an STL file's own, else 25)")
	f.StringVar(&o.edl, "edl", "", "the EDL whose cuts are shot changes (needs --fps)")
	f.StringVar(&o.start, "start", "", "programme start timecode where SRT/WebVTT time 0 sits on the EDL's timeline")
	f.StringVar(&o.format, "format", "text", "report format: text, json, csv or html")
	f.StringVar(&o.out, "out", "", "write the report to FILE instead of standard output")
	f.StringVar(&o.stlTable, "stl-table", "", "also report characters an EBU STL table cannot carry: auto (from the language), 00, 01, 02, 03 or 04")
	config.AddFlags(f)
	return cmd
}

// maxCheckFile bounds what check reads into memory for one file.
const maxCheckFile = 512 << 20

// cueReader is what the SRT and WebVTT readers share.
type cueReader interface {
	ReadAll() ([]captions.Caption, error)
	Warnings() []captions.Warning
}

// readCues reads every cue of an SRT or WebVTT file; on error it returns
// no captions and no warnings.
func readCues(rd cueReader) (captions.Document, []captions.Warning, error) {
	caps, err := rd.ReadAll()
	if err != nil {
		return captions.Document{}, nil, err
	}
	return captions.Document{Captions: caps}, rd.Warnings(), nil
}

// readAtMost reads name whole, but no more than limit+1 bytes, so that an
// endless input (/dev/zero, a pipe) or a huge file is refused by its size
// instead of filling memory.
// A regular file's size is known up front: one over limit is errTooLarge
// without a byte read.
func readAtMost(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, errTooLarge
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// errTooLarge is readAtMost's error for a regular file over its limit.
var errTooLarge = errors.New("file too large")

// readCaptionFile reads one caption file of any supported format. A
// malformed SRT or WebVTT cue is skipped with a warning naming its line, so
// that QC reports every problem of a file rather than the first.
func readCaptionFile(name string, origin time.Duration) (format string, doc captions.Document, rate timing.Rate, warns []captions.Warning, err error) {
	data, err := readAtMost(name, maxCheckFile)
	if errors.Is(err, errTooLarge) || len(data) > maxCheckFile {
		return "", doc, rate, nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
	}
	if err != nil {
		return "", doc, rate, nil, err
	}
	format = report.DetectFormat(data, name)
	switch format {
	case report.FormatSTL:
		f, err := stl.Read(bytes.NewReader(data))
		if err != nil {
			return format, doc, rate, nil, fmt.Errorf("%s: %w", name, err)
		}
		return format, f.Document, f.Rate, f.Warnings, nil
	case report.FormatSRT:
		rd := srt.NewReader(bytes.NewReader(data))
		rd.File, rd.Origin, rd.SkipMalformed = name, origin, true
		doc, warns, err = readCues(rd)
		return format, doc, rate, warns, err
	case report.FormatVTT:
		rd := vtt.NewReader(bytes.NewReader(data))
		rd.File, rd.Origin, rd.SkipMalformed = name, origin, true
		doc, warns, err = readCues(rd)
		return format, doc, rate, warns, err
	}
	return "", doc, rate, nil, fmt.Errorf("%s: not an SRT, WebVTT or EBU STL file (expected a cue number and a \"-->\" timing line, a WEBVTT header, or an STL GSI block)", name)
}

func runCheck(o checkOptions, s stdio) error {
	if o.stlTable != "" && o.stlTable != "auto" {
		if _, ok := stl.ParseCharacterTable(o.stlTable); !ok {
			return badInput(fmt.Errorf("--stl-table %q: expected auto, 00, 01, 02, 03 or 04", o.stlTable))
		}
	}
	if o.out != "" {
		if outInfo, err := os.Stat(o.out); err == nil {
			for _, f := range append([]string{o.edl}, o.files...) {
				if fi, err := os.Stat(f); err == nil && os.SameFile(fi, outInfo) {
					return badInput(fmt.Errorf("--out %s is the input %s: the report would replace it; choose another name", o.out, f))
				}
			}
		}
	}
	cfg, err := config.Load(config.Options{Flags: o.flags})
	if err != nil {
		return badInput(err)
	}
	rules := cfg.Rules()
	var rate timing.Rate
	if o.fps != "" {
		if rate, err = timing.ParseRate(o.fps); err != nil {
			return badInput(fmt.Errorf("--fps: %w", err))
		}
	}
	found := false
	for _, f := range report.ReportFormats() {
		found = found || f == o.format
	}
	if !found {
		return badInput(fmt.Errorf("--format %q: expected text, json, csv or html", o.format))
	}
	var cuts []timing.Cut
	var origin time.Duration
	if o.edl != "" {
		if rate.IsZero() {
			return badInput(errors.New("--edl needs --fps: an EDL does not say its frame rate"))
		}
		f, err := os.Open(o.edl)
		if err != nil {
			return badInput(err)
		}
		rd := timing.NewReader(f, rate)
		rd.File = o.edl
		e, err := rd.Read()
		f.Close()
		if err != nil {
			return badInput(err)
		}
		cuts = e.Cuts()
		start := int64(-1)
		for _, ev := range e.Events {
			if start < 0 || ev.RecordInFrame < start {
				start = ev.RecordInFrame
			}
		}
		if o.start != "" {
			if start, err = timing.ParseTimecode(o.start, rate, e.DropFrame); err != nil {
				return badInput(fmt.Errorf("--start: %w", err))
			}
		}
		origin = rate.Duration(max(start, 0))
	} else if o.start != "" {
		if rate.IsZero() {
			return badInput(errors.New("--start needs --fps"))
		}
		n, err := timing.ParseTimecode(o.start, rate, false)
		if err != nil {
			return badInput(fmt.Errorf("--start: %w", err))
		}
		origin = rate.Duration(n)
	}

	var results []report.FileResult
	var failed []error
	for _, name := range o.files {
		format, doc, fileRate, warns, err := readCaptionFile(name, origin)
		if err != nil {
			failed = append(failed, err)
			fmt.Fprintln(s.err, "sotcap:", err)
			continue
		}
		r := rate
		if r.IsZero() {
			r = fileRate
		}
		if r.IsZero() {
			r = timing.Rate25()
		}
		fileRules := rules
		if doc.Language != "" && !cfg.IsSet(config.KeyLanguage) {
			fileRules.Language = doc.Language
		}
		viol := fileRules.Check(doc.Captions, r, cuts)
		viol = append(viol, charsetViolations(doc, o.stlTable, fileRules.Language)...)
		sortViolations(viol)
		cps := make([]float64, len(doc.Captions))
		for i, c := range doc.Captions {
			cps[i] = fileRules.CPS(c)
		}
		if o.format == report.ReportJSON || o.format == report.ReportCSV {
			// The JSON and CSV shapes have no place for reading warnings.
			for _, w := range warns {
				fmt.Fprintf(s.err, "warning: %s: %s\n", name, w)
			}
		}
		results = append(results, report.FileResult{File: name, Format: format, Profile: cfg.Profile(), MaxCPS: fileRules.MaxCPS,
			Captions: doc.Captions, CPS: cps, Violations: viol, Cuts: report.CutTimes(cuts, r), Warnings: warns})
	}
	if len(results) > 0 {
		write := func(w io.Writer) error { return report.Write(w, o.format, results) }
		if o.out != "" {
			err = atomicfile.WriteFile(o.out, write)
		} else {
			err = write(s.out)
		}
		if err != nil {
			return badInput(err)
		}
	}
	if len(failed) > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d of %d files could not be read", len(failed), len(o.files))}
	}
	for _, r := range results {
		if len(r.Violations) > 0 {
			return &exitError{code: exitViolation}
		}
	}
	return nil
}

// charsetViolations reports, once per caption, a character no caption
// format should carry (a control character, or U+FFFD left by a decoding
// failure) and, when table is set, the first character that EBU STL
// character table cannot carry even after the documented substitutions.
// Value is the character's code point.
func charsetViolations(doc captions.Document, table, lang string) []rules.Violation {
	var ct stl.CharacterTable
	checkSTL := table != ""
	if checkSTL {
		if table == "auto" {
			ct = stl.TableFor(lang)
		} else if t, ok := stl.ParseCharacterTable(table); ok {
			ct = t
		} else {
			checkSTL = false
		}
	}
	var out []rules.Violation
	for i, c := range doc.Captions {
	lines:
		for _, l := range c.Lines {
			for _, r := range l.Text {
				if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t') {
					out = append(out, rules.Violation{Caption: i + 1, Rule: rules.RuleCharset, Value: float64(r)})
					break lines
				}
			}
			if checkSTL {
				if _, err := stl.EncodeText(ct, l.Text); err != nil {
					var ce *stl.CharError
					v := rules.Violation{Caption: i + 1, Rule: rules.RuleCharset}
					if errors.As(err, &ce) {
						v.Value = float64(ce.Rune)
					}
					out = append(out, v)
					break lines
				}
			}
		}
	}
	return out
}

// sortViolations orders violations by caption, keeping each caption's in
// the order they were found.
func sortViolations(v []rules.Violation) {
	sort.SliceStable(v, func(i, j int) bool { return v[i].Caption < v[j].Caption })
}
