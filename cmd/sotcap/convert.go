package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/format/vtt"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/sotcap/sotcap/timing"
)

// convertOptions are the options of `sotcap convert`.
type convertOptions struct {
	in, out   string
	to        string // srt, vtt or stl; "" to go by OUT's extension
	fps       string // the target's frame rate; times snap to its frames
	fromFPS   string // an EBU STL input's rate when DFC cannot say (STL30.01 at 30)
	start     string // programme start timecode (EBU STL in or out)
	offset    string // ±timecode or ±duration added to every time
	dropFrame bool   // drop-frame labels at 29.97 and 59.94
	flags     *pflag.FlagSet
}

func newConvertCmd(s stdio) *cobra.Command {
	o := convertOptions{}
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert captions between SRT, WebVTT and EBU STL, with offsets, programme starts and frame rates",
		Long: `convert reads IN and writes OUT in the format of --to or of OUT's extension
(.srt, .vtt, .stl). The input format comes from IN's extension, or from its
content when the extension says nothing. SRT and WebVTT convert one cue at a
time, so memory stays the size of one cue whatever the file's size; EBU STL
is read and written whole (its header counts the subtitles).

Times. SRT and WebVTT count from the start of the file; EBU STL carries
programme timecodes and the programme start (TCP).
  STL → SRT/WebVTT: the TCP becomes 00:00:00,000; --start TC makes that
    programme time 0 instead (--start 00:00:00:00 keeps absolute times).
    --start is read at the STL's rate.
  SRT/WebVTT → STL: --fps is required; --start TC (default 00:00:00:00) is
    where the file's 0 lands and is written as TCP.
  STL → STL: read at the file's rate (--from-fps 30 for an STL30.01 file
    made at 30 fps; STL30.01 is otherwise read as 29.97), written at --fps
    (default: the file's rate). Captions keep their real time from the
    programme start; the TCP keeps its label (10:00:00:00 at 25 stays
    10:00:00;00 at 29.97) unless --start gives another.
--offset then adds a time to every cue: a duration (+1.5s, -500ms), a real
time (-00:00:01.500) or a timecode (+00:00:10:00) counted at the target
rate. Every time is snapped to the nearest frame (half a frame rounds away
from zero) of --fps, else of the STL input's rate (an STL at 48, 50, 59.94
or 60 fps: of its 24, 25 or 30 labels a second); SRT and WebVTT then write
the frame's time to the nearest millisecond. At 29.97 and 59.94 timecodes
(--start, --offset, STL labels) are drop frame unless --drop-frame=false.

EBU STL output takes the stl.* settings (--set stl.country=GBR, --config
FILE); its language (LC and character table) is --language, else an STL
input's own, else the --profile's language. Styles the formats share are
kept: italics (not in Teletext STL), colours (WebVTT classes, SRT font
colour, Teletext colours), vertical position (Teletext row, WebVTT line:,
SRT {\anN}) and alignment; speakers are WebVTT voices only (an STL with
--set stl.speaker_colors=true colours them).

OUT is written to a temporary file and renamed, so a failed conversion leaves
no partial file; OUT - writes to standard output (give --to), only once the
whole conversion has succeeded. Exit status: 0 done (warnings go to stderr), 2 bad input or
usage (nothing written).`,
		Example: `  sotcap convert in.srt out.vtt
  sotcap convert news.stl news.srt                      # 0 = the STL's TCP
  sotcap convert news.stl abs.srt --start 00:00:00:00   # absolute programme times
  sotcap convert in.srt out.stl --fps 25 --start 10:00:00:00 --language en --set stl.country=GBR
  sotcap convert pal.stl ntsc.stl --fps 29.97           # re-timed by real time, drop frame
  sotcap convert in.vtt out.srt --offset -00:00:02:00 --fps 25`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.in, o.out = args[0], args[1]
			o.flags = cmd.Flags()
			return runConvert(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.to, "to", "", "output format: srt, vtt or stl (default: from OUT's extension)")
	f.StringVar(&o.fps, "fps", "", "target frame rate, times snap to its frames: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60 (required for SRT/WebVTT → STL)")
	f.StringVar(&o.fromFPS, "from-fps", "", "an EBU STL input's frame rate when its DFC cannot say (30 for an STL30.01 file at 30 fps)")
	f.StringVar(&o.start, "start", "", "programme start timecode: the STL time that becomes 0 (STL in), or where 0 lands and the TCP (STL out; default 00:00:00:00)")
	f.StringVar(&o.offset, "offset", "", "add to every time: ±duration (+2s, -500ms), ±HH:MM:SS.mmm or ±HH:MM:SS:FF at the target rate")
	f.BoolVar(&o.dropFrame, "drop-frame", true, "drop-frame timecode at 29.97 and 59.94 (broadcast norm); false for non-drop")
	config.AddFlags(f)
	// The reading-speed rules do not apply to a conversion: keep them out
	// of its help (config.Load still reads them, harmlessly).
	for _, k := range config.Keys() {
		if strings.HasPrefix(k.Name, "rules.") && k.Flag != "" {
			_ = f.MarkHidden(k.Flag)
		}
	}
	return cmd
}

// A caption format convert knows.
type format string

const (
	formatSRT format = "srt"
	formatVTT format = "vtt"
	formatSTL format = "stl"
)

// String names the format for messages.
func (f format) String() string {
	switch f {
	case formatSRT:
		return "SRT"
	case formatVTT:
		return "WebVTT"
	case formatSTL:
		return "EBU STL"
	}
	return string(f)
}

// parseFormat reads a --to value or a file extension.
func parseFormat(s string) (format, bool) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "srt":
		return formatSRT, true
	case "vtt", "webvtt":
		return formatVTT, true
	case "stl":
		return formatSTL, true
	}
	return "", false
}

// sniffFormat guesses a format from the first bytes of a file.
func sniffFormat(head []byte) (format, bool) {
	h := bytes.TrimPrefix(head, []byte("\ufeff"))
	switch {
	case bytes.HasPrefix(h, []byte("WEBVTT")):
		return formatVTT, true
	case len(head) >= 11 && bytes.HasPrefix(head[3:], []byte("STL")) && bytes.HasSuffix(head[3:11], []byte(".01")):
		return formatSTL, true
	}
	t := bytes.TrimLeft(h, " \t\r\n")
	if len(t) > 0 && t[0] >= '0' && t[0] <= '9' {
		return formatSRT, true
	}
	return "", false
}

// cueSource yields captions one at a time: the SRT and WebVTT readers, or
// an EBU STL file read whole (stlSource).
type cueSource interface {
	Read() (captions.Caption, error)
	Line() int
	Warnings() []captions.Warning
	WarningCount() int
}

// cueSink takes captions one at a time: the SRT and WebVTT writers, or
// stlSink, which collects them and writes the file on Flush, since its
// header counts the subtitles.
type cueSink interface {
	Write(captions.Caption) error
	Flush() error
}

// convertPlan is the resolved command line. A time moves from IN to OUT as
// out = outOrigin + snap(in - inOrigin + offset).
type convertPlan struct {
	from, to  format
	rate      timing.Rate // the target's rate; zero: none given
	grid      timing.Rate // snap to frames of this rate (an STL's labels); zero: no snapping
	drop      bool        // timecodes at rate are drop frame
	offset    time.Duration
	inOrigin  time.Duration // IN's time that becomes relative 0 (STL: TCP or --start)
	outOrigin time.Duration // where relative 0 lands in OUT (STL out: TCP)
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

// openSource returns the reader for format f.
func openSource(f format, r io.Reader, name string, p *convertPlan) cueSource {
	switch f {
	case formatSRT:
		rd := srt.NewReader(r)
		rd.File = name
		return rd
	case formatVTT:
		rd := vtt.NewReader(r)
		rd.File = name
		return rd
	}
	return &stlSource{f: p.src}
}

// openSink returns the writer for format f. Times reach it on OUT's
// timeline, so the SRT and WebVTT writers keep Origin 0.
func openSink(f format, w io.Writer, p *convertPlan, o convertOptions, s stdio) (cueSink, error) {
	switch f {
	case formatSRT:
		return srt.NewWriter(w), nil
	case formatVTT:
		return vtt.NewWriter(w), nil
	}
	opts, err := p.stlOptions(o)
	if err != nil {
		return nil, err
	}
	doc := captions.Document{Language: opts.Language}
	if p.src != nil {
		doc.Title = p.src.Document.Title
	}
	return &stlSink{w: w, doc: doc, opts: opts, in: o.in, out: o.out, from: p.from, stderr: s.err}, nil
}

// plan resolves formats, rates, origins and offset; every error is a usage
// error. r is IN, from which an EBU STL input is read whole.
func (o convertOptions) plan(head []byte, r io.Reader) (*convertPlan, error) {
	p := &convertPlan{}
	var ok bool
	if p.from, ok = parseFormat(filepath.Ext(o.in)); !ok {
		if p.from, ok = sniffFormat(head); !ok {
			return nil, fmt.Errorf("%s: cannot tell its format from the extension or the content; name it .srt, .vtt or .stl", o.in)
		}
	}
	if o.to != "" {
		if p.to, ok = parseFormat(o.to); !ok {
			return nil, fmt.Errorf("--to %q: expected srt, vtt or stl", o.to)
		}
	} else if p.to, ok = parseFormat(filepath.Ext(o.out)); !ok {
		return nil, fmt.Errorf("%s: cannot tell the output format from the extension; use --to srt|vtt|stl", o.out)
	}
	cfg, err := config.Load(config.Options{Flags: o.flags})
	if err != nil {
		return nil, err
	}
	p.cfg = cfg
	if o.flags != nil && o.flags.Changed("language") && p.to != formatSTL {
		return nil, errors.New("--language sets EBU STL's language code and character table; SRT and WebVTT do not carry one")
	}
	var target timing.Rate
	if o.fps != "" {
		if target, err = timing.ParseRate(o.fps); err != nil {
			return nil, fmt.Errorf("--fps: %w", err)
		}
	}
	if o.fromFPS != "" && p.from != formatSTL {
		return nil, errors.New("--from-fps gives an EBU STL input's rate; SRT and WebVTT times are real times (use --fps for the target)")
	}
	if p.from == formatSTL {
		if p.src, err = readSTL(o, r); err != nil {
			return nil, err
		}
	}
	dropFlag := o.flags == nil || o.dropFrame
	dropOf := func(r timing.Rate) bool { return dropFlag && r.DropFrameCapable() }
	switch {
	case !target.IsZero():
		p.rate, p.drop = target, dropOf(target)
		if p.src != nil && target == p.src.Rate && (o.flags == nil || !o.flags.Changed("drop-frame")) {
			p.drop = p.src.DropFrame // same rate: keep the file's labels
		}
	case p.src != nil:
		p.rate, p.drop = p.src.Rate, p.src.DropFrame
		if o.flags != nil && o.flags.Changed("drop-frame") {
			p.drop = dropOf(p.rate)
		}
	case p.to == formatSTL:
		return nil, fmt.Errorf("%s → EBU STL needs --fps: STL timecodes count frames, and %s times do not say at which rate", p.from, p.from)
	}
	p.grid = p.rate
	if p.to == formatSTL {
		p.grid = stlLabelRate(p.rate)
	}
	if o.start != "" {
		switch {
		case p.src != nil && p.to != formatSTL:
			n, err := timing.ParseTimecode(o.start, p.src.Rate, p.src.DropFrame)
			if err != nil {
				return nil, fmt.Errorf("--start (at the STL's rate): %w", err)
			}
			p.inOrigin = p.src.Rate.Duration(n)
		case p.to == formatSTL:
			n, err := timing.ParseTimecode(o.start, p.grid, p.drop)
			if err != nil {
				return nil, fmt.Errorf("--start: %w", err)
			}
			p.outOrigin = p.grid.Duration(n)
		default:
			return nil, errors.New("--start sets EBU STL's programme start; it does not apply between SRT and WebVTT (use --offset to shift times)")
		}
	}
	if p.src != nil {
		if o.start == "" || p.to == formatSTL {
			p.inOrigin = p.src.Start
		}
		if p.to == formatSTL && o.start == "" {
			p.outOrigin = sameLabel(p.src.Start, p.src.Rate, p.src.DropFrame, p.grid, p.drop)
		}
	}
	if o.offset != "" {
		d, err := parseOffset(o.offset, p.grid, p.drop)
		if err != nil {
			return nil, fmt.Errorf("--offset: %w", err)
		}
		p.offset = d
	}
	return p, nil
}

func runConvert(o convertOptions, s stdio) error {
	f, err := os.Open(o.in)
	if err != nil {
		return badInput(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return badInput(fmt.Errorf("%s: is a folder: expected an SRT, WebVTT or EBU STL file", o.in))
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(16)
	if len(head) == 0 {
		return badInput(fmt.Errorf("%s: empty file: expected SRT cues, a WEBVTT header or an EBU STL GSI block", o.in))
	}
	p, err := o.plan(head, br)
	if err != nil {
		return badInput(err)
	}
	src := openSource(p.from, br, o.in, p)
	n, empty := 0, 0
	err = writeConverted(o.out, s.out, func(w io.Writer) error {
		sink, err := openSink(p.to, w, p, o, s)
		if err != nil {
			return badInput(err)
		}
		for cue := 1; ; cue++ {
			c, err := src.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return badInput(err)
			}
			if len(c.Lines) == 0 {
				empty++ // the reader has warned about it
				continue
			}
			c.Start, c.End = p.snap(c.Start), p.snap(c.End)
			if ss, ok := sink.(*stlSink); ok {
				ss.note(src.Line(), cue)
			}
			if err := sink.Write(c); err != nil {
				var ce *captions.CaptionError
				if errors.As(err, &ce) {
					err = ce.Err
				}
				return badInput(fmt.Errorf("%s: %s cannot be written as %s: %w%s", where(o.in, p.from, src.Line()), cueName(p.from, cue), p.to, err, o.hint(p)))
			}
			n++
		}
		if n == 0 {
			// A damaged STL (header counts subtitles, no blocks) or a file of
			// empty cues would otherwise become a valid, empty delivery.
			return badInput(fmt.Errorf("%s: no captions to convert (%d without text)", o.in, empty))
		}
		return sink.Flush()
	})
	printWarnings(s.err, o.in, src)
	if err != nil {
		return err
	}
	if empty > 0 {
		fmt.Fprintf(s.err, "sotcap: %s: %d cues without text were left out\n", o.in, empty)
	}
	summary := s.out
	if o.out == "-" {
		summary = s.err // standard output holds the captions
	}
	fmt.Fprintf(summary, "%s (%s) → %s (%s): %d captions\n", o.in, p.from, o.out, p.to, n)
	return nil
}

// writeConverted writes OUT atomically with atomicfile.WriteFile, or, when
// out is "-", converts everything in memory first and then copies it to
// stdout, so that a failed conversion prints nothing and a failed write
// (a full disk, a closed pipe) is an error.
func writeConverted(out string, stdout io.Writer, write func(w io.Writer) error) error {
	if out != "-" {
		return atomicfile.WriteFile(out, write)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return badInput(fmt.Errorf("write standard output: %w", err))
	}
	return nil
}

// hint says what moved a time, for errors about times.
func (o convertOptions) hint(p *convertPlan) string {
	var parts []string
	if o.start != "" {
		parts = append(parts, "--start "+o.start)
	}
	if o.offset != "" {
		parts = append(parts, "--offset "+o.offset)
	}
	if o.fps != "" {
		parts = append(parts, "snapping to --fps "+o.fps)
	}
	h := ""
	if len(parts) > 0 {
		h = " (after " + strings.Join(parts, ", ") + ")"
	}
	if p.src != nil && p.to != formatSTL && o.start == "" && p.inOrigin != 0 {
		h += "; times are relative to the STL's programme start " + timing.FormatTimecode(p.src.Rate.Frames(p.inOrigin), p.src.Rate, p.src.DropFrame) + ", and --start 00:00:00:00 keeps them absolute"
	}
	return h
}

func printWarnings(w io.Writer, name string, src cueSource) {
	ws := src.Warnings()
	for _, x := range ws {
		if x.Line > 0 {
			fmt.Fprintf(w, "sotcap: %s:line %d: warning: %s\n", name, x.Line, x.Message)
		} else {
			fmt.Fprintf(w, "sotcap: %s: warning: %s\n", name, x.Message)
		}
	}
	if more := src.WarningCount() - len(ws); more > 0 {
		fmt.Fprintf(w, "sotcap: %s: %d more warnings\n", name, more)
	}
}
