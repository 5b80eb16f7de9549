package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/report"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
	"github.com/sotcap/sotcap/timing/edl"
	"github.com/spf13/pflag"
)

// CheckOptions are the options of `sotcap check`.
type CheckOptions struct {
	Files    []string
	FPS      string
	EDL      string
	Start    string
	Format   string
	Out      string
	STLTable string // "", "auto" or a table code: also check STL deliverability
	Flags    *pflag.FlagSet
}

// maxCheckFile bounds what check reads into memory for one file.
const maxCheckFile = 512 << 20

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

// readCaptionFile reads one caption file of any format the registry
// knows. A malformed cue is skipped with a warning naming its line, so that
// QC reports every problem of a file rather than the first.
func readCaptionFile(name string, origin time.Duration) (format.Format, captions.Document, []captions.Warning, error) {
	data, err := readAtMost(name, maxCheckFile)
	if errors.Is(err, errTooLarge) || len(data) > maxCheckFile {
		return format.Format{}, captions.Document{}, nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
	}
	if err != nil {
		return format.Format{}, captions.Document{}, nil, err
	}
	f, ok := format.Detect(data, name)
	if !ok {
		return f, captions.Document{}, nil, fmt.Errorf("%s: not a caption file sotcap reads (%s): expected a cue number and a \"-->\" timing line, a WEBVTT header, an STL GSI block or a Scenarist_SCC header", name, format.List(titles(), "or"))
	}
	doc, warns, err := f.Read(bytes.NewReader(data), format.ReadOptions{File: name, Origin: origin})
	if err != nil && f.Binary {
		var pe *captions.ParseError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", name, err)
		}
	}
	return f, doc, warns, err
}

func RunCheck(o CheckOptions, s IO) error {
	if o.STLTable != "" && o.STLTable != "auto" {
		if _, ok := stl.ParseCharacterTable(o.STLTable); !ok {
			return BadInput(fmt.Errorf("--stl-table %q: expected auto, 00, 01, 02, 03 or 04", o.STLTable))
		}
	}
	if o.Out != "" {
		if outInfo, err := os.Stat(o.Out); err == nil {
			for _, f := range append([]string{o.EDL}, o.Files...) {
				if fi, err := os.Stat(f); err == nil && os.SameFile(fi, outInfo) {
					return BadInput(fmt.Errorf("--out %s is the input %s: the report would replace it; choose another name", o.Out, f))
				}
			}
		}
	}
	cfg, err := config.Load(config.Options{Flags: o.Flags})
	if err != nil {
		return BadInput(err)
	}
	rules := cfg.Rules()
	var rate timing.Rate
	if o.FPS != "" {
		if rate, err = timing.ParseRate(o.FPS); err != nil {
			return BadInput(fmt.Errorf("--fps: %w", err))
		}
	}
	found := false
	for _, f := range report.ReportFormats() {
		found = found || f == o.Format
	}
	if !found {
		return BadInput(fmt.Errorf("--format %q: expected text, json, csv or html", o.Format))
	}
	var cuts []timing.Cut
	var origin time.Duration
	if o.EDL != "" {
		if rate.IsZero() {
			return BadInput(errors.New("--edl needs --fps: an EDL does not say its frame rate"))
		}
		f, err := os.Open(o.EDL)
		if err != nil {
			return BadInput(err)
		}
		rd := edl.NewReader(f, rate)
		rd.File = o.EDL
		e, err := rd.Read()
		f.Close()
		if err != nil {
			return BadInput(flagHint(err))
		}
		cuts = e.Cuts()
		start := e.Start()
		if o.Start != "" {
			if start, err = timing.ParseTimecode(o.Start, rate, e.DropFrame); err != nil {
				return BadInput(fmt.Errorf("--start: %w", err))
			}
		}
		origin = rate.Duration(max(start, 0))
	} else if o.Start != "" {
		if rate.IsZero() {
			return BadInput(errors.New("--start needs --fps"))
		}
		n, err := timing.ParseTimecode(o.Start, rate, false)
		if err != nil {
			return BadInput(fmt.Errorf("--start: %w", err))
		}
		origin = rate.Duration(n)
	}

	var results []report.FileResult
	var failed []error
	for _, name := range o.Files {
		f, doc, warns, err := readCaptionFile(name, origin)
		if err != nil {
			failed = append(failed, err)
			fmt.Fprintln(s.Err, "sotcap:", err)
			continue
		}
		r := rate
		if r.IsZero() {
			r = doc.TimeBase.Rate
		}
		if r.IsZero() {
			r = timing.Rate25()
		}
		fileRules := rules
		if doc.Language != "" && !cfg.IsSet(config.KeyLanguage) {
			fileRules.Language = doc.Language
		}
		viol := fileRules.Check(doc.Captions, r, cuts)
		viol = append(viol, charsetViolations(doc, o.STLTable, fileRules.Language)...)
		sortViolations(viol)
		cps := make([]float64, len(doc.Captions))
		for i, c := range doc.Captions {
			cps[i] = fileRules.CPS(c)
		}
		if o.Format == report.ReportJSON || o.Format == report.ReportCSV {
			// The JSON and CSV shapes have no place for reading warnings.
			for _, w := range warns {
				fmt.Fprintf(s.Err, "warning: %s: %s\n", name, w)
			}
		}
		results = append(results, report.FileResult{File: name, Format: f.Name, Profile: cfg.Profile(), MaxCPS: fileRules.MaxCPS,
			Captions: doc.Captions, CPS: cps, Violations: viol, Cuts: report.CutTimes(cuts, r), Warnings: warns})
	}
	if len(results) > 0 {
		write := func(w io.Writer) error { return report.Write(w, o.Format, results) }
		if o.Out != "" {
			err = atomicfile.WriteFile(o.Out, write)
		} else {
			err = write(s.Out)
		}
		if err != nil {
			return BadInput(err)
		}
	}
	if len(failed) > 0 {
		return &ExitError{Code: ExitBadInput, Err: fmt.Errorf("%d of %d files could not be read", len(failed), len(o.Files))}
	}
	for _, r := range results {
		if len(r.Violations) > 0 {
			return &ExitError{Code: ExitViolation}
		}
	}
	return nil
}

// charsetViolations is rules.Charset with, when table is set ("auto" for
// the language's), what that EBU STL character table cannot carry.
func charsetViolations(doc captions.Document, table, lang string) []rules.Violation {
	if table == "" {
		return rules.Charset(doc.Captions, nil)
	}
	ct, ok := stl.TableFor(lang), true
	if table != "auto" {
		ct, ok = stl.ParseCharacterTable(table)
	}
	if !ok {
		return rules.Charset(doc.Captions, nil)
	}
	return rules.Charset(doc.Captions, func(s string) (rune, bool) {
		if _, err := stl.EncodeText(ct, s); err != nil {
			var ce *stl.CharError
			if errors.As(err, &ce) {
				return ce.Rune, false
			}
			return 0, false
		}
		return 0, true
	})
}

// sortViolations orders violations by caption, keeping each caption's in
// the order they were found.
func sortViolations(v []rules.Violation) {
	sort.SliceStable(v, func(i, j int) bool { return v[i].Caption < v[j].Caption })
}
