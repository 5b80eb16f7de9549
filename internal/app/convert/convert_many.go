package convert

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/internal/app"
)

// manyArgs resolves the arguments: IN OUT (one conversion: dir is ""),
// IN... with OutDir, or IN... DIR where DIR is an existing folder. Two
// arguments whose second is not an existing folder are always IN OUT, as
// they were before convert took several inputs.
func (o Options) manyArgs() (ins []string, dir string, err error) {
	args := o.Args
	if len(args) == 0 && o.In != "" {
		args = []string{o.In}
		if o.Out != "" {
			args = append(args, o.Out)
		}
	}
	if o.OutDir != "" {
		if len(args) == 0 {
			return nil, "", errors.New("--out-dir: give the files to convert: sotcap convert IN... --to FORMAT --out-dir DIR")
		}
		return args, o.OutDir, nil
	}
	if len(args) < 2 {
		return nil, "", errors.New("expected IN OUT, IN... --out-dir DIR, or IN... DIR (an existing folder)")
	}
	last := args[len(args)-1]
	if fi, err := os.Stat(last); err == nil && fi.IsDir() {
		return args[:len(args)-1], last, nil
	}
	if len(args) > 2 {
		return nil, "", fmt.Errorf("%s is not a folder: to convert several files give --out-dir DIR or end with an existing folder", last)
	}
	return args, "", nil
}

// convertJob is one input of a many-file conversion and its output.
type convertJob struct {
	in, out string
	n       int
	err     error
}

// outName returns DIR/BASE.EXT for input in: its name without its
// format's extension (or its last extension), with to's.
func outName(dir, in string, to format.Format) string {
	base := filepath.Base(in)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if f, ok := format.ByExtension(base); ok {
		for _, e := range f.Extensions {
			if e != "" && len(e) < len(base) && strings.EqualFold(base[len(base)-len(e):], e) {
				stem = base[:len(base)-len(e)]
				break
			}
		}
	}
	return filepath.Join(dir, stem+to.Extension())
}

// planMany resolves every input's output and refuses, before anything
// is converted, two inputs writing the same output and an output that
// would replace one of the inputs.
func planMany(ins []string, dir string, to format.Format) ([]convertJob, error) {
	jobs := make([]convertJob, len(ins))
	key := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		return a
	}
	inputs := map[string]string{}
	for _, in := range ins {
		inputs[key(in)] = in
	}
	owners := map[string][]string{}
	var order []string
	for i, in := range ins {
		out := outName(dir, in, to)
		jobs[i] = convertJob{in: in, out: out}
		k := key(out)
		if owners[k] == nil {
			order = append(order, k)
		}
		owners[k] = append(owners[k], in)
	}
	var clash []string
	for _, k := range order {
		out := jobs[indexOf(ins, owners[k][0])].out
		if len(owners[k]) > 1 {
			clash = append(clash, fmt.Sprintf("%s from %s", out, strings.Join(owners[k], " and ")))
		} else if src, ok := inputs[k]; ok && key(src) == key(owners[k][0]) {
			clash = append(clash, fmt.Sprintf("%s would replace itself", src))
		} else if ok {
			clash = append(clash, fmt.Sprintf("%s from %s would replace the input %s", out, owners[k][0], src))
		}
	}
	if len(clash) > 0 {
		return nil, fmt.Errorf("inputs would write the same output (rename one, or convert them into different folders): %s", strings.Join(clash, "; "))
	}
	return jobs, nil
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// runConvertMany converts every input into dir as BASE.EXT of --to, one
// after the other. A failed input is reported and the rest go on; the
// summary counts them and the exit status is 1 when any failed. Usage
// errors (no --to, an unknown format or encoding, two inputs with one
// output) stop everything before the first conversion with status 2. On
// a terminal a progress bar is drawn on standard error, as batch does.
func runConvertMany(o Options, ins []string, dir string, s app.IO) error {
	if o.To == "" {
		return app.BadInput(errors.New("--to is required to convert several files or into --out-dir: the output format (" + format.List(format.Names(), "or") + ")"))
	}
	to, ok := format.ByName(o.To)
	if !ok {
		return app.BadInput(fmt.Errorf("--to %q: expected %s", o.To, format.List(format.Names(), "or")))
	}
	if err := checkEncoding(to, o.Encoding); err != nil {
		return app.BadInput(err)
	}
	if dir == "-" {
		return app.BadInput(errors.New("--out-dir -: several files cannot go to standard output; convert one file with OUT -"))
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return app.BadInput(fmt.Errorf("--out-dir %s: is not a folder", dir))
	}
	jobs, err := planMany(ins, dir, to)
	if err != nil {
		return app.BadInput(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return app.BadInput(fmt.Errorf("--out-dir: %w", err))
	}
	ctx := s.Context()
	bar := app.IsTerminal(s.Err)
	start := time.Now()
	draw := func(done int, name string) {
		const width = 30
		fill := done * width / len(jobs)
		fmt.Fprintf(s.Err, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, len(jobs), name)
	}
	var out, errb bytes.Buffer
	failed, caps, done := 0, 0, 0
	for i := range jobs {
		j := &jobs[i]
		if ctx.Err() != nil {
			j.err = errors.New("not converted: interrupted")
			failed++
			continue
		}
		if bar {
			draw(done, j.in)
		}
		one := o
		one.Args, one.OutDir, one.In, one.Out = nil, "", j.in, j.out
		out.Reset()
		errb.Reset()
		j.n, j.err = convertFile(one, app.IO{In: s.In, Out: &out, Err: &errb, Ctx: ctx})
		done++
		if bar {
			fmt.Fprint(s.Err, "\r\x1b[K") // clear the bar line for the file's messages
		}
		s.Err.Write(errb.Bytes())
		if j.err != nil {
			failed++
			msg := j.err.Error()
			var ee *app.ExitError
			if errors.As(j.err, &ee) && ee.Err == nil {
				msg = "failed"
			}
			fmt.Fprintf(s.Err, "sotcap: FAIL %s: %s\n", j.in, msg)
		} else {
			caps += j.n
			s.Out.Write(out.Bytes())
		}
		if bar {
			draw(done, j.in)
		}
	}
	if bar {
		fmt.Fprintln(s.Err)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(s.Err, "sotcap: convert interrupted: files not converted are listed as failed")
	}
	files := "files"
	if len(jobs) == 1 {
		files = "file"
	}
	fmt.Fprintf(s.Out, "%d %s → %s (%s): %d converted, %d failed; %d captions; %.2fs\n",
		len(jobs), files, dir, to, len(jobs)-failed, failed, caps, time.Since(start).Seconds())
	if failed > 0 {
		fmt.Fprintln(s.Out, "failed:")
		for _, j := range jobs {
			if j.err != nil {
				fmt.Fprintf(s.Out, "  %s: %s\n", j.in, app.FirstLine(j.err.Error()))
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return &app.ExitError{Code: app.ExitViolation}
	}
	return nil
}
