package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
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
	// StrictSyntax makes a caption that cannot be read (a malformed cue, an
	// EBU STL quirk, a truncated file) an unreadable file (exit 2) instead
	// of a malformed violation (exit 1).
	StrictSyntax bool
	Flags        *pflag.FlagSet
}

// maxCheckFile bounds what check reads of one file.
const maxCheckFile = 512 << 20

// keepText is how many captions keep their text in a check's result
// whatever their violations (the HTML report's tooltips); past it only
// captions with violations keep theirs, so memory grows by a caption's
// times and CPS (24 bytes), not its text.
const keepText = 20000

// errTooLarge is the error of a file over maxCheckFile.
var errTooLarge = errors.New("file too large")

// limitedReader reads at most n bytes and then fails with errTooLarge, so
// that an endless input (/dev/zero, a pipe) is refused by its size.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// skipLister is what the SRT and WebVTT readers tell of the cues they
// skipped: how many, and the line and reason of the first ones.
type skipLister interface {
	Skipped() int
	Skips() []captions.Warning
}

// checkedFile is one file as check read and judged it.
type checkedFile struct {
	format format.Format
	spans  []report.Span
	texts  map[int][]captions.Line // by caption number, from 1
	cps    []float64
	// stats and kept replace spans, texts and cps when the report is
	// not HTML: a caption then costs no memory unless it has violations.
	stats      *report.Stats
	kept       map[int]captions.Caption
	timeline   *report.Timeline // the HTML timeline of a large file, with stats
	cuts       []time.Duration  // the shot changes on the captions' timeline
	violations []rules.Violation
	warnings   []captions.Warning
	rate       timing.Rate
	rateSource string
	language   string
}

// checkFile reads one caption file of any format the registry knows,
// caption by caption, and judges each as it comes, keeping only what the
// report needs. A cue the reader skips is a malformed violation at the
// place it was skipped; with strict, it makes the file unreadable.
func checkFile(name string, origin time.Duration, o CheckOptions, rate timing.Rate, cfg *config.Config, profile rules.Profile, cuts []timing.Cut) (*checkedFile, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxCheckFile {
		return nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
	}
	br := bufio.NewReaderSize(&limitedReader{fh, maxCheckFile}, 64<<10)
	head, err := br.Peek(format.DetectSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f, ok := format.Detect(head, name)
	if !ok {
		return nil, fmt.Errorf("%s: not a caption file sotcap reads (%s): expected a cue number and a \"-->\" timing line, a WEBVTT header, an STL GSI block, a TTML document or a Scenarist_SCC header", name, format.List(format.Titles(), "or"))
	}
	ro := format.ReadOptions{File: name, Origin: origin, Strict: o.StrictSyntax}
	ro.STL.Lenient = !o.StrictSyntax
	rd, err := f.NewReader(br, ro)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
		}
		var pe *captions.ParseError
		if f.Binary && !errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", name, err)
		}
		return nil, err
	}
	res := &checkedFile{format: f, rate: rate, rateSource: "--fps", texts: map[int][]captions.Line{}}
	// The HTML report of a regular file keeps every caption's times and
	// CPS only up to keepText captions; past it the file is read a second
	// time to aggregate its timeline (see timelinePass), so both forms are
	// gathered until then.
	html := o.Format == report.ReportHTML
	rereadable := false
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		rereadable = true
	}
	if !html || rereadable {
		res.stats, res.kept = &report.Stats{}, map[int]captions.Caption{}
	}
	if !html {
		res.texts = nil
	}
	count := 0 // captions read
	sf := format.STLFile(rd)
	if sf != nil {
		res.language = sf.Document.Language
	}
	if tb, ok := format.DeclaredTimeBase(rd); ok && rate.IsZero() {
		res.rate, res.rateSource = tb.Rate, declaredRateSource(f.Name)
		if sf != nil {
			res.rateSource = "the EBU STL header, DFC " + sf.GSI.DFC
		}
	}
	if res.rate.IsZero() {
		res.rate, res.rateSource = timing.Rate25(), "default"
	}
	if res.language != "" && !cfg.IsSet(config.KeyLanguage) {
		profile.Language = res.language
	}
	enc := charsetCheck(o.STLTable, profile.Language)
	res.cuts = report.CutTimes(cuts, res.rate)
	maxCPS := profile.MaxCPS
	ck := profile.NewChecker(res.rate, cuts)

	sl, _ := rd.(skipLister)
	skipped := 0
	// collectSkips turns the cues skipped since the last call into
	// malformed violations, each with its line and reason while the
	// reader still keeps them.
	collectSkips := func() {
		if sl == nil {
			return
		}
		n := sl.Skipped() - skipped
		if n <= 0 {
			return
		}
		after := count
		if kept := sl.Skips(); skipped < len(kept) {
			for _, w := range kept[skipped:min(len(kept), skipped+n)] {
				res.violations = append(res.violations, rules.Violation{Rule: rules.RuleMalformed, Line: w.Line, After: after, Message: w.Message})
				n--
				skipped++
			}
		}
		skipped += n
		for ; n > 0; n-- {
			res.violations = append(res.violations, rules.Violation{Rule: rules.RuleMalformed, After: after,
				Message: "cue skipped; its line and reason are past the reader's first warnings"})
		}
	}
	perRule := map[string]int{} // violations per rule so far, for shownRow
	for {
		s0 := len(res.violations)
		c, err := rd.Read()
		collectSkips()
		if html {
			shownRow(perRule, res.violations[s0:])
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errTooLarge) {
				return nil, fmt.Errorf("%s: larger than the %d MiB check reads", name, maxCheckFile>>20)
			}
			return nil, err
		}
		n0 := len(res.violations)
		res.violations = ck.Add(res.violations, c)
		i := count
		count++
		for _, v := range rules.Charset([]captions.Caption{c}, enc) {
			v.Caption = i + 1
			res.violations = append(res.violations, v)
		}
		cps := profile.CPS(c)
		if res.stats != nil {
			res.stats.Add(c.Start, c.End, cps)
			show := html && shownRow(perRule, res.violations[n0:])
			if len(res.violations) > n0 && (!html || sf != nil || show) {
				// The HTML report shows the first violations of each
				// rule only (EBU STL's are sorted later: all kept).
				res.kept[i+1] = captions.Caption{Start: c.Start, End: c.End, Lines: c.Lines}
			}
			if !html {
				continue
			}
			if count > keepText {
				// From here on the streamed form alone.
				res.spans, res.cps, res.texts = nil, nil, nil
				continue
			}
		}
		res.cps = append(res.cps, cps)
		if i < keepText || len(res.violations) > n0 {
			res.texts[i+1] = c.Lines
		}
		res.spans = append(res.spans, report.Span{Start: c.Start, End: c.End})
	}
	if html && res.stats != nil {
		if count <= keepText {
			res.stats, res.kept = nil, nil // the compact form, as for a pipe
		} else if err := timelinePass(name, origin, o, res, profile, count, maxCPS); err != nil {
			return nil, err
		}
	}
	if sf != nil {
		res.warnings = sf.BlockWarnings()
		for _, m := range sf.Malformed {
			res.violations = append(res.violations, rules.Violation{Rule: rules.RuleMalformed, Line: m.Line,
				After: stlAfter(sf, m.Line), Message: m.Message})
		}
		sortViolations(res.violations)
	} else {
		// The skipped cues are violations: leave out the warning the
		// reader gave for each ("WHAT skipped: REASON" on its line).
		reasons := map[int]string{}
		if sl != nil {
			for _, w := range sl.Skips() {
				reasons[w.Line] = "skipped: " + w.Message
			}
		}
		for _, w := range rd.Warnings() {
			if r, ok := reasons[w.Line]; !ok || !strings.HasSuffix(w.Message, r) {
				res.warnings = append(res.warnings, w)
			}
		}
		if extra := rd.WarningCount() - len(rd.Warnings()); extra > 0 {
			res.warnings = append(res.warnings, captions.Warning{Message: fmt.Sprintf("%d more warnings not listed", extra)})
		}
	}
	return res, nil
}

// shownRow counts vs, the violations just found, into perRule and reports
// whether one of them is among the first of its rule, which the HTML
// report's table shows.
func shownRow(perRule map[string]int, vs []rules.Violation) bool {
	shown := false
	for _, v := range vs {
		perRule[v.Rule]++
		shown = shown || perRule[v.Rule] <= report.HTMLViolationsPerRule
	}
	return shown
}

// timelinePass reads the file a second time to aggregate the HTML
// timeline of its count captions, which the first pass judged and
// counted (res.stats, res.violations) without keeping their times.
func timelinePass(name string, origin time.Duration, o CheckOptions, res *checkedFile, profile rules.Profile, count int, maxCPS float64) error {
	changed := fmt.Errorf("%s: changed while being checked: read it again", name)
	fh, err := os.Open(name)
	if err != nil {
		return err
	}
	defer fh.Close()
	ro := format.ReadOptions{File: name, Origin: origin, Strict: o.StrictSyntax}
	ro.STL.Lenient = !o.StrictSyntax
	rd, err := res.format.NewReader(bufio.NewReaderSize(&limitedReader{fh, maxCheckFile}, 64<<10), ro)
	if err != nil {
		return changed
	}
	res.timeline = report.NewTimeline(&report.FileResult{Stats: res.stats, Cuts: res.cuts, MaxCPS: maxCPS, Violations: res.violations})
	for n := 0; ; n++ {
		c, err := rd.Read()
		if err == io.EOF {
			if n != count {
				return changed
			}
			return nil
		}
		if err != nil || n == count {
			return changed
		}
		res.timeline.Add(c.Start, c.End, profile.CPS(c))
	}
}

// stlAfter is how many subtitles of sf come from TTI blocks before block,
// the place of a malformed subtitle.
func stlAfter(sf *stl.File, block int) int {
	if block <= 0 {
		return len(sf.Document.Captions)
	}
	n, _ := slices.BinarySearch(sf.Blocks, block)
	return n
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
	profile := cfg.Rules()
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
		cf, err := checkFile(name, origin, o, rate, cfg, profile, cuts)
		if err != nil {
			failed = append(failed, err)
			fmt.Fprintln(s.Err, "sotcap:", err)
			continue
		}
		if o.Format == report.ReportJSON || o.Format == report.ReportCSV {
			// The JSON and CSV shapes have no place for reading warnings.
			for _, w := range cf.warnings {
				fmt.Fprintf(s.Err, "warning: %s: %s\n", name, w)
			}
		}
		maxCPS := profile.MaxCPS
		results = append(results, report.FileResult{File: name, Format: cf.format.Name, Profile: cfg.Profile(), MaxCPS: maxCPS,
			Spans: cf.spans, Texts: cf.texts, CPS: cf.cps, Stats: cf.stats, Kept: cf.kept, Timeline: cf.timeline, Violations: cf.violations, Cuts: cf.cuts, Warnings: cf.warnings,
			FrameRate: cf.rate, FrameRateSource: cf.rateSource})
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

// charsetCheck returns what rules.Charset needs to also report what an
// EBU STL character table cannot carry when table is set ("auto" for the
// language's); nil when it is not.
func charsetCheck(table, lang string) func(string) (rune, bool) {
	if table == "" {
		return nil
	}
	ct, ok := stl.TableFor(lang), true
	if table != "auto" {
		ct, ok = stl.ParseCharacterTable(table)
	}
	if !ok {
		return nil
	}
	return func(s string) (rune, bool) {
		if _, err := stl.EncodeText(ct, s); err != nil {
			var ce *stl.CharError
			if errors.As(err, &ce) {
				return ce.Rune, false
			}
			return 0, false
		}
		return 0, true
	}
}

// sortViolations orders violations by place: a caption's in the order
// they were found, a malformed caption between the captions it was found
// between.
func sortViolations(v []rules.Violation) {
	key := func(x rules.Violation) int {
		if x.Caption == 0 {
			return 2*x.After + 1
		}
		return 2 * x.Caption
	}
	sort.SliceStable(v, func(i, j int) bool { return key(v[i]) < key(v[j]) })
}

// declaredRateSource names where a file of the named format declares its
// frame rate, for the report.
func declaredRateSource(formatName string) string {
	switch formatName {
	case "scc":
		return "the SCC timecodes (NTSC)"
	case "ttml", "ebu-tt-d":
		return "the document's frame rate (ttp:frameRate or ebuttm:authoredFrameRate)"
	}
	return "the " + formatName + " file"
}
