package convert

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
	"github.com/spf13/pflag"
)

// Options are the options of `sotcap convert`.
type Options struct {
	// Args are the command's arguments: IN OUT, IN... with OutDir, or
	// IN... DIR where DIR is an existing folder. Without Args, In and Out
	// are one conversion.
	Args []string
	// OutDir converts every argument into this folder, each as BASE.EXT of
	// the To format.
	OutDir    string
	In, Out   string
	Encoding  string // the output's character encoding (SRT); "": the format's default
	To        string // a format name (format.ByName); "" to go by OUT's extension
	FPS       string // the target's frame rate; times snap to its frames
	FromFPS   string // an EBU STL input's rate when DFC cannot say (STL30.01 at 30)
	Start     string // programme start timecode (EBU STL in or out)
	Offset    string // ±timecode or ±duration added to every time
	DropFrame bool   // drop-frame labels at 29.97 and 59.94
	Strict    bool   // refuse what the reader would skip with a warning
	// Lenient converts what a truncated EBU STL input still holds (with a
	// warning) instead of refusing it.
	Lenient bool
	Flags   *pflag.FlagSet
}

// convertPlan is the resolved command line. A time moves from IN to OUT as
// out = outOrigin + snap(in - inOrigin + offset).
type convertPlan struct {
	from, to  format.Format
	rate      timing.Rate // the target's rate; zero: none given
	grid      timing.Rate // snap to frames of this rate (an STL's labels); zero: no snapping
	drop      bool        // timecodes at rate are drop frame
	offset    time.Duration
	inOrigin  time.Duration // IN's time that becomes relative 0 (STL: TCP or --start)
	outOrigin time.Duration // where relative 0 lands in OUT (STL out: TCP)
	reader    format.Reader // IN's captions
	src       *stl.File     // the EBU STL input, read whole
	cfg       *config.Config
}

// snap moves one time from IN's timeline to OUT's.
func (p *convertPlan) snap(t time.Duration) time.Duration {
	rel := t - p.inOrigin + p.offset
	if !p.grid.IsZero() {
		rel = p.grid.Duration(p.grid.Frames(rel))
	}
	return p.outOrigin + rel
}

// openSink returns the writer for format f. Times reach it on OUT's
// timeline, so the SRT and WebVTT writers keep Origin 0.
func openSink(f format.Format, w io.Writer, p *convertPlan, o Options) (format.Writer, error) {
	wo := format.WriteOptions{Rate: p.rate, DropFrame: p.drop, Encoding: o.Encoding}
	if isSTL(f) {
		opts, err := p.stlOptions(o)
		if err != nil {
			return nil, err
		}
		wo.STL, wo.Language = opts, opts.Language
		if p.src != nil {
			wo.Title = p.src.Document.Title
		}
	} else if f.Language {
		// The language given, else an STL input's own.
		switch {
		case o.Flags != nil && o.Flags.Changed("language"):
			wo.Language = p.cfg.Rules().Language
		case p.src != nil:
			wo.Language = p.src.Document.Language
		}
	}
	return f.NewWriter(w, wo)
}

// isSTL reports whether f is EBU STL, whose timecodes count from a
// programme start (TCP) and whose header convert carries over.
func isSTL(f format.Format) bool { return f.Name == "stl" }

// plan resolves formats, rates, origins and offset; every error is a usage
// error. r is IN, from which an EBU STL input is read whole.
func (o Options) plan(head []byte, r io.Reader) (*convertPlan, error) {
	p := &convertPlan{}
	var ok bool
	if p.from, ok = format.Detect(head, o.In); !ok {
		return nil, fmt.Errorf("%s: cannot tell its format from the extension or the content; name it %s", o.In, extensionList())
	}
	if o.To != "" {
		if p.to, ok = format.ByName(o.To); !ok {
			return nil, fmt.Errorf("--to %q: expected %s", o.To, format.List(format.Names(), "or"))
		}
	} else if p.to, ok = format.ByExtension(o.Out); !ok {
		return nil, fmt.Errorf("%s: cannot tell the output format from the extension; use --to %s", o.Out, strings.Join(format.Names(), "|"))
	}
	if err := checkEncoding(p.to, o.Encoding); err != nil {
		return nil, err
	}
	cfg, err := config.Load(config.Options{Flags: o.Flags})
	if err != nil {
		return nil, err
	}
	p.cfg = cfg
	if o.Flags != nil && o.Flags.Changed("language") && !p.to.Language {
		return nil, fmt.Errorf("--language sets the captions' language in the formats that carry one (EBU STL, IMSC, EBU-TT-D); %s does not", p.to)
	}
	var target timing.Rate
	if o.FPS != "" {
		if target, err = timing.ParseRate(o.FPS); err != nil {
			return nil, fmt.Errorf("--fps: %w", err)
		}
	}
	if o.FromFPS != "" && !isSTL(p.from) {
		return nil, errors.New("--from-fps gives an EBU STL input's rate; SRT and WebVTT times are real times (use --fps for the target)")
	}
	if isSTL(p.from) {
		if p.reader, err = openSTL(o, r); err != nil {
			return nil, err
		}
		p.src = format.STLFile(p.reader)
	} else if p.reader, err = p.from.NewReader(r, format.ReadOptions{File: o.In, Strict: o.Strict}); err != nil {
		return nil, err
	}
	dropFlag := o.Flags == nil || o.DropFrame
	dropOf := func(r timing.Rate) bool { return dropFlag && r.DropFrameCapable() }
	switch {
	case !target.IsZero():
		p.rate, p.drop = target, dropOf(target)
		if p.src != nil && target == p.src.Rate && (o.Flags == nil || !o.Flags.Changed("drop-frame")) {
			p.drop = p.src.DropFrame // same rate: keep the file's labels
		}
	case p.src != nil:
		p.rate, p.drop = p.src.Rate, p.src.DropFrame
		if o.Flags != nil && o.Flags.Changed("drop-frame") {
			p.drop = dropOf(p.rate)
		}
	case isSTL(p.to):
		// STL counts frames: take the rate the input declares (SCC's NTSC
		// timecodes, TTML's ttp:frameRate), or ask for one.
		tb, ok := format.DeclaredTimeBase(p.reader)
		if !ok {
			return nil, fmt.Errorf("%s → EBU STL needs --fps: STL timecodes count frames, and this %s file does not say at which rate", p.from, p.from)
		}
		p.rate, p.drop = tb.Rate, tb.DropFrame
		if o.Flags != nil && o.Flags.Changed("drop-frame") {
			p.drop = dropOf(p.rate)
		}
	}
	p.grid = p.to.LabelRate(p.rate)
	if o.Start != "" {
		switch {
		case p.src != nil && !isSTL(p.to):
			n, err := timing.ParseTimecode(o.Start, p.src.Rate, p.src.DropFrame)
			if err != nil {
				return nil, fmt.Errorf("--start (at the STL's rate): %w", err)
			}
			p.inOrigin = p.src.Rate.Duration(n)
		case isSTL(p.to):
			n, err := timing.ParseTimecode(o.Start, p.grid, p.drop)
			if err != nil {
				return nil, fmt.Errorf("--start: %w", err)
			}
			p.outOrigin = p.grid.Duration(n)
		default:
			return nil, errors.New("--start sets EBU STL's programme start; it does not apply between SRT and WebVTT (use --offset to shift times)")
		}
	}
	if p.src != nil {
		if o.Start == "" || isSTL(p.to) {
			p.inOrigin = p.src.Start
		}
		if isSTL(p.to) && o.Start == "" {
			p.outOrigin = sameLabel(p.src.Start, p.src.Rate, p.src.DropFrame, p.grid, p.drop)
		}
	}
	if o.Offset != "" {
		d, err := parseOffset(o.Offset, p.grid, p.drop)
		if err != nil {
			return nil, fmt.Errorf("--offset: %w", err)
		}
		p.offset = d
	}
	return p, nil
}

// RunConvert runs `sotcap convert`: one conversion (IN OUT), or, with
// OutDir or a last argument that is an existing folder, one per input
// (runConvertMany in convert_many.go).
func Run(o Options, s app.IO) error {
	if len(o.Args) > 0 || o.OutDir != "" {
		ins, dir, err := o.manyArgs()
		if err != nil {
			return app.BadInput(err)
		}
		if dir != "" {
			if o.OutDir == "" && o.To == "" {
				return app.BadInput(fmt.Errorf("%s is a folder: give --to FORMAT (%s) to convert into it as BASE.EXT", dir, format.List(format.Names(), "or")))
			}
			return runConvertMany(o, ins, dir, s)
		}
		o.In, o.Out = ins[0], ins[1]
	}
	_, err := convertFile(o, s)
	return err
}

// checkEncoding refuses an --encoding that format to does not offer.
func checkEncoding(to format.Format, enc string) error {
	if enc == "" {
		return nil
	}
	names := to.Encodings()
	if names == nil {
		_, err := to.NewWriter(io.Discard, format.WriteOptions{Encoding: enc})
		return fmt.Errorf("--encoding: %w; it applies to SRT output only", err)
	}
	for _, n := range names {
		if strings.EqualFold(n, enc) {
			return nil
		}
	}
	if _, err := to.NewWriter(io.Discard, format.WriteOptions{Encoding: enc}); err != nil {
		return fmt.Errorf("--encoding: %w", err)
	}
	return nil
}

// convertFile converts o.In to o.Out and returns how many captions it
// wrote.
func convertFile(o Options, s app.IO) (int, error) {
	f, err := os.Open(o.In)
	if err != nil {
		return 0, app.BadInput(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		return 0, app.BadInput(fmt.Errorf("%s: is a folder: expected a caption file (%s)", o.In, format.List(format.Titles(), "or")))
	}
	if err == nil && o.Out != "-" {
		if err := notTheInput(o.In, fi, o.Out); err != nil {
			return 0, app.BadInput(err)
		}
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(format.DetectSize)
	if len(head) == 0 {
		return 0, app.BadInput(fmt.Errorf("%s: empty file: expected SRT cues, a WEBVTT header or an EBU STL GSI block", o.In))
	}
	p, err := o.plan(head, br)
	if err != nil {
		return 0, app.BadInput(err)
	}
	src := p.reader
	n, empty := 0, 0
	var at [][2]int // IN's line and cue number of each caption written, for errors
	err = writeConverted(s.Context(), o.Out, s.Out, func(w io.Writer) error {
		sink, err := openSink(p.to, w, p, o)
		if err != nil {
			return app.BadInput(err)
		}
		for cue := 1; ; cue++ {
			c, err := src.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return app.BadInput(err)
			}
			if len(c.Lines) == 0 {
				empty++ // the reader has warned about it
				continue
			}
			c.Start, c.End = p.snap(c.Start), p.snap(c.End)
			if isSTL(p.to) {
				// Only the STL writer reports captions at Flush; keeping
				// positions for SRT or WebVTT would grow with the input.
				at = append(at, [2]int{src.Line(), cue})
			}
			if err := sink.Write(c); err != nil {
				var ce *captions.CaptionError
				if errors.As(err, &ce) {
					err = ce.Err
				}
				return app.BadInput(fmt.Errorf("%s: %s cannot be written as %s: %w%s", where(o.In, p.from, src.Line()), cueName(p.from, cue), p.to, err, o.hint(p)))
			}
			n++
		}
		if n == 0 {
			// A damaged STL (header counts subtitles, no blocks) or a file of
			// empty cues would otherwise become a valid, empty delivery.
			return app.BadInput(fmt.Errorf("%s: no captions to convert (%d without text)", o.In, empty))
		}
		if err := sink.Flush(); err != nil {
			return o.flushError(p, err, at)
		}
		if ww, ok := sink.(interface{ Warnings() []captions.Warning }); ok {
			for _, w := range ww.Warnings() {
				fmt.Fprintf(s.Err, "sotcap: %s: warning: %s\n", o.Out, w.Message)
			}
		}
		return nil
	})
	printWarnings(s.Err, o.In, src)
	var ee *app.ExitError
	if err != nil && !errors.As(err, &ee) && !errors.Is(err, context.Canceled) && !errors.Is(err, syscall.EPIPE) {
		err = app.BadInput(err) // the output could not be written: nothing was
	}
	if err != nil {
		return 0, err
	}
	if empty > 0 {
		fmt.Fprintf(s.Err, "sotcap: %s: %d cues without text were left out\n", o.In, empty)
	}
	summary := s.Out
	if o.Out == "-" {
		summary = s.Err // standard output holds the captions
	}
	fmt.Fprintf(summary, "%s (%s) → %s (%s): %d captions\n", o.In, p.from, o.Out, p.to, n)
	return n, nil
}

// writeConverted writes OUT atomically with atomicfile.WriteFileContext,
// or, when out is "-", converts everything into an unnamed temporary file
// first and then copies it to stdout, so that a failed conversion prints
// nothing, a failed write (a full disk) is an error, and memory stays
// bounded whatever the size of the output.
func writeConverted(ctx context.Context, out string, stdout io.Writer, write func(w io.Writer) error) error {
	if out != "-" {
		return atomicfile.WriteFileContext(ctx, out, write)
	}
	spool, err := os.CreateTemp("", "sotcap-convert-*.tmp")
	if err != nil {
		return fmt.Errorf("temporary file for standard output: %w", err)
	}
	_ = os.Remove(spool.Name()) // unnamed from now on: nothing to clean up after a kill
	defer spool.Close()
	bw := bufio.NewWriterSize(spool, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("temporary file for standard output: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file for standard output: %w", err)
	}
	if _, err := io.Copy(stdout, spool); err != nil {
		if errors.Is(err, syscall.EPIPE) {
			return err // the reader went away: not a failure of the conversion
		}
		return app.BadInput(fmt.Errorf("write standard output: %w", err))
	}
	return nil
}

// notTheInput refuses an output that is the input itself (by name or as
// the same file under another name): writing would replace what is being
// read.
func notTheInput(in string, inInfo os.FileInfo, out string) error {
	if filepath.Clean(in) == filepath.Clean(out) {
		return fmt.Errorf("%s: the output is the input: choose another output name", out)
	}
	if oi, err := os.Stat(out); err == nil && os.SameFile(inInfo, oi) {
		return fmt.Errorf("%s: the output is the input %s (the same file): choose another output name", out, in)
	}
	return nil
}

// hint says what moved a time, for errors about times.
func (o Options) hint(p *convertPlan) string {
	var parts []string
	if o.Start != "" {
		parts = append(parts, "--start "+o.Start)
	}
	if o.Offset != "" {
		parts = append(parts, "--offset "+o.Offset)
	}
	if o.FPS != "" {
		parts = append(parts, "snapping to --fps "+o.FPS)
	}
	h := ""
	if len(parts) > 0 {
		h = " (after " + strings.Join(parts, ", ") + ")"
	}
	if p.src != nil && !isSTL(p.to) && o.Start == "" && p.inOrigin != 0 {
		h += "; times are relative to the STL's programme start " + timing.FormatTimecode(p.src.Rate.Frames(p.inOrigin), p.src.Rate, p.src.DropFrame) + ", and --start 00:00:00:00 keeps them absolute"
	}
	return h
}

func printWarnings(w io.Writer, name string, src format.Reader) {
	ws := src.Warnings()
	for _, x := range ws {
		if x.Line > 0 {
			fmt.Fprintf(w, "sotcap: %s:%d: warning: %s\n", name, x.Line, x.Message)
		} else {
			fmt.Fprintf(w, "sotcap: %s: warning: %s\n", name, x.Message)
		}
	}
	if more := src.WarningCount() - len(ws); more > 0 {
		fmt.Fprintf(w, "sotcap: %s: %d more warnings\n", name, more)
	}
}

// extensionList lists the extensions convert reads: ".srt, .vtt or .stl".
func extensionList() string {
	var ext []string
	for _, f := range format.All() {
		ext = append(ext, f.Extension())
	}
	return format.List(ext, "or")
}
