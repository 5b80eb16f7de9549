package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/timing"
)

// batchOptions are the options of `sotcap batch`.
type batchOptions struct {
	dir      string
	fps      string
	workers  int
	progress string // auto, bar, lines
	flags    *pflag.FlagSet
	environ  []string
}

func newBatchCmd(s stdio) *cobra.Command {
	o := batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch DIR",
		Short: "Generate captions for every package under a folder, concurrently",
		Long: `batch finds the packages under DIR — a script (.txt) and an EDL (.edl) with
the same base name in the same folder, or a folder with a sotcap.yaml that
names its script, edl, fps and any other setting — and generates each into
its folder's sotcap-out/, GOMAXPROCS packages at a time. A failed package
does not stop the others. Flags given here apply to every package (a
sotcap.yaml's settings win over the defaults, flags win over both).

Exit status: 0 all packages done, 1 any package failed, 2 bad usage.`,
		Example: `  sotcap batch ./packages --fps 25
  sotcap batch ./packages --fps 29.97 --profile netflix-en --workers 8`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			o.flags = cmd.Flags()
			return runBatch(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.fps, "fps", "", "frame rate of packages whose sotcap.yaml does not give one")
	f.IntVar(&o.workers, "workers", 0, "packages processed at once (default GOMAXPROCS)")
	f.StringVar(&o.progress, "progress", "auto", "auto (a bar on a terminal, lines otherwise), bar or lines")
	config.AddFlags(f)
	return cmd
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func runBatch(o batchOptions, s stdio) error {
	switch o.progress {
	case "auto", "bar", "lines":
	default:
		return badInput(fmt.Errorf("--progress %q: expected auto, bar or lines", o.progress))
	}
	if o.fps != "" {
		// A bad flag is one usage error, not the same failure per package.
		if _, err := timing.ParseRate(o.fps); err != nil {
			return badInput(fmt.Errorf("--fps: %w", err))
		}
	}
	if o.workers < 0 {
		return badInput(fmt.Errorf("--workers %d: expected a number of packages at once, 1 or more (0: GOMAXPROCS)", o.workers))
	}
	if fi, err := os.Stat(o.dir); err != nil || !fi.IsDir() {
		return badInput(fmt.Errorf("batch: %s is not a folder", o.dir))
	}
	jobs, unpaired, err := app.FindJobs(o.dir)
	if err != nil {
		return badInput(err)
	}
	for _, u := range unpaired {
		fmt.Fprintf(s.err, "warning: %s has no script of the same name; skipped\n", u)
	}
	if len(jobs) == 0 {
		return badInput(fmt.Errorf("batch: no packages under %s (a NAME.txt with a NAME.edl, or a %s)", o.dir, app.ConfigFileName))
	}
	workers := o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bar := o.progress == "bar" || (o.progress == "auto" && isTerminal(s.err))
	start := time.Now()
	do := func(j app.Job) app.Outcome {
		if j.Err != nil {
			return app.Outcome{Err: j.Err}
		}
		g := generateOptions{script: j.Script, edl: j.EDL, fps: o.fps, configFile: j.Config, flags: o.flags, environ: o.environ}
		if j.Config == "" {
			g.out = filepath.Join(j.Dir, "sotcap-out")
			g.name = j.Name
		}
		_, res, err := generatePackage(g)
		if err != nil {
			return app.Outcome{Err: err}
		}
		return app.Outcome{Files: res.files, Captions: len(res.res.Document.Captions), Violations: len(res.res.Violations)}
	}
	progress := func(done int, oc app.Outcome) {
		name := filepath.Join(oc.Job.Dir, oc.Job.Name)
		if bar {
			const width = 30
			fill := done * width / len(jobs)
			fmt.Fprintf(s.err, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, len(jobs), name)
			if oc.Err != nil {
				fmt.Fprintf(s.err, "\nFAIL %s: %v\n", name, oc.Err)
			}
			return
		}
		if oc.Err != nil {
			fmt.Fprintf(s.err, "[%d/%d] FAIL %s: %v\n", done, len(jobs), name, oc.Err)
		} else {
			fmt.Fprintf(s.err, "[%d/%d] ok   %s: %d captions, %d violations\n", done, len(jobs), name, oc.Captions, oc.Violations)
		}
	}
	outcomes := app.RunBatch(context.Background(), jobs, workers, do, progress)
	if bar {
		fmt.Fprintln(s.err)
	}
	elapsed := time.Since(start)
	failed, caps, viol := 0, 0, 0
	for _, oc := range outcomes {
		if oc.Err != nil {
			failed++
		}
		caps += oc.Captions
		viol += oc.Violations
	}
	fmt.Fprintf(s.out, "%d packages: %d done, %d failed; %d captions, %d rule violations; %.2fs (%.0f packages/s, %d workers)\n",
		len(jobs), len(jobs)-failed, failed, caps, viol, elapsed.Seconds(), float64(len(jobs))/elapsed.Seconds(), workers)
	if failed > 0 {
		fmt.Fprintln(s.out, "failed:")
		for _, oc := range outcomes {
			if oc.Err != nil {
				fmt.Fprintf(s.out, "  %s: %v\n", filepath.Join(oc.Job.Dir, oc.Job.Name), firstLine(oc.Err.Error()))
			}
		}
		return &exitError{code: exitViolation}
	}
	return nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
