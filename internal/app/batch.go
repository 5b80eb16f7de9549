package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/sotcap/sotcap/internal/pipeline"
	"github.com/sotcap/sotcap/timing"
	"github.com/spf13/pflag"
)

// BatchOptions are the options of `sotcap batch`.
type BatchOptions struct {
	Dir      string
	FPS      string
	Workers  int
	Progress string // auto, bar, lines
	Style    string // house style file for every package (--style)
	Flags    *pflag.FlagSet
	Environ  []string
	// AllowOutside lets a sotcap.yaml name inputs and outputs outside its
	// package folder (absolute paths, "..", symbolic links out).
	AllowOutside bool
}

// IsTerminal reports whether w is a character device (a terminal), where
// progress is drawn as a bar.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func RunBatch(o BatchOptions, s IO) error {
	switch o.Progress {
	case "auto", "bar", "lines":
	default:
		return BadInput(fmt.Errorf("--progress %q: expected auto, bar or lines", o.Progress))
	}
	if o.FPS != "" {
		// A bad flag is one usage error, not the same failure per package.
		if _, err := timing.ParseRate(o.FPS); err != nil {
			return BadInput(fmt.Errorf("--fps: %w", err))
		}
	}
	if o.Workers < 0 {
		return BadInput(fmt.Errorf("--workers %d: expected a number of packages at once, 1 or more (0: GOMAXPROCS)", o.Workers))
	}
	if fi, err := os.Stat(o.Dir); err != nil || !fi.IsDir() {
		return BadInput(fmt.Errorf("batch: %s is not a folder", o.Dir))
	}
	jobs, unpaired, err := pipeline.FindJobs(o.Dir)
	if err != nil {
		return BadInput(err)
	}
	for _, u := range unpaired {
		fmt.Fprintf(s.Err, "warning: %s has no script of the same name; skipped\n", u)
	}
	if len(jobs) == 0 {
		return BadInput(fmt.Errorf("batch: no packages under %s (a NAME.txt with a NAME.edl, or a %s)", o.Dir, pipeline.ConfigFileName))
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bar := o.Progress == "bar" || (o.Progress == "auto" && IsTerminal(s.Err))
	start := time.Now()
	ctx := s.Context()
	opts := func(j pipeline.Job) GenerateOptions {
		g := GenerateOptions{Script: j.Script, Scripts: j.Scripts, EDL: j.EDL, FPS: o.FPS, Style: o.Style, ConfigFile: j.Config, Flags: o.Flags, Environ: o.Environ,
			Batch: true, AllowOutside: o.AllowOutside, Ctx: ctx}
		if j.Config == "" {
			g.Out = filepath.Join(j.Dir, "sotcap-out")
			g.Name = j.Name
		}
		return g
	}
	// Before anything runs: every package's output target, so that two
	// packages writing the same files is an error and not a race.
	preErr := make([]error, len(jobs))
	owners := map[string][]string{}
	var keys []string
	for i, j := range jobs {
		if j.Err != nil {
			continue
		}
		dir, name, err := packageTarget(opts(j))
		if err != nil {
			preErr[i] = err // a hostile sotcap.yaml fails its package, in the summary
			continue
		}
		abs, _ := filepath.Abs(dir)
		key := filepath.Join(abs, name)
		if owners[key] == nil {
			keys = append(keys, key)
		}
		owners[key] = append(owners[key], filepath.Join(j.Dir, j.Name))
	}
	var clash []string
	for _, k := range keys {
		if len(owners[k]) > 1 {
			clash = append(clash, fmt.Sprintf("%s.* from %s", k, strings.Join(owners[k], ", ")))
		}
	}
	if len(clash) > 0 {
		return BadInput(fmt.Errorf("batch: packages would overwrite each other's files (give each its own out or name): %s", strings.Join(clash, "; ")))
	}
	do := func(j pipeline.Job) pipeline.Outcome {
		if j.Err != nil {
			return pipeline.Outcome{Err: j.Err}
		}
		for i := range jobs {
			if jobs[i].Dir == j.Dir && jobs[i].Name == j.Name && preErr[i] != nil {
				return pipeline.Outcome{Err: preErr[i]}
			}
		}
		_, res, err := generatePackage(opts(j))
		if err != nil {
			return pipeline.Outcome{Err: err}
		}
		return pipeline.Outcome{Files: res.files, Captions: len(res.res.Document.Captions), Violations: len(res.res.Violations)}
	}
	progress := func(done int, oc pipeline.Outcome) {
		name := filepath.Join(oc.Job.Dir, oc.Job.Name)
		if bar {
			const width = 30
			fill := done * width / len(jobs)
			fmt.Fprintf(s.Err, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, len(jobs), name)
			if oc.Err != nil {
				fmt.Fprintf(s.Err, "\nFAIL %s: %v\n", name, oc.Err)
			}
			return
		}
		if oc.Err != nil {
			fmt.Fprintf(s.Err, "[%d/%d] FAIL %s: %v\n", done, len(jobs), name, oc.Err)
		} else {
			fmt.Fprintf(s.Err, "[%d/%d] ok   %s: %d captions, %d violations\n", done, len(jobs), name, oc.Captions, oc.Violations)
		}
	}
	outcomes := pipeline.RunJobs(ctx, jobs, workers, do, progress)
	if bar {
		fmt.Fprintln(s.Err)
	}
	elapsed := time.Since(start)
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(s.Err, "sotcap: batch interrupted: packages not started are listed as failed")
	}
	failed, caps, viol := 0, 0, 0
	for _, oc := range outcomes {
		if oc.Err != nil {
			failed++
		}
		caps += oc.Captions
		viol += oc.Violations
	}
	fmt.Fprintf(s.Out, "%d packages: %d done, %d failed; %d captions, %d rule violations; %.2fs (%.0f packages/s, %d workers)\n",
		len(jobs), len(jobs)-failed, failed, caps, viol, elapsed.Seconds(), float64(len(jobs))/elapsed.Seconds(), workers)
	if failed > 0 {
		fmt.Fprintln(s.Out, "failed:")
		for _, oc := range outcomes {
			if oc.Err != nil {
				fmt.Fprintf(s.Out, "  %s: %v\n", filepath.Join(oc.Job.Dir, oc.Job.Name), FirstLine(oc.Err.Error()))
			}
		}
		return &ExitError{Code: ExitViolation}
	}
	return nil
}

// FirstLine returns the first line of s, for one-line summaries.
func FirstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
