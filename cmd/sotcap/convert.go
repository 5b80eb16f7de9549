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

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/srt"
	"github.com/sotcap/sotcap/captions/vtt"
	"github.com/sotcap/sotcap/timing"
)

// convertOptions are the options of `sotcap convert`.
type convertOptions struct {
	in, out  string
	to       string // srt, vtt or stl; "" to go by OUT's extension
	fps      string // snap times to frames of this rate
	start    string // programme start timecode (EBU STL only)
	offset   string // ±timecode or ±duration added to every time
	language string // EBU STL only
	profile  string
}

func newConvertCmd(s stdio) *cobra.Command {
	o := convertOptions{}
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert captions between SRT and WebVTT (EBU STL to come), with offsets and frame snapping",
		Long: `convert reads IN and writes OUT in the format of --to or of OUT's extension
(.srt, .vtt). The input format comes from IN's extension, or from its content
when the extension says nothing. SRT and WebVTT convert one cue at a time, so
memory stays the size of one cue whatever the file's size.

--offset adds a time to every cue: a duration (+1.5s, -500ms), a real time
(-00:00:01.500) or, with --fps, a timecode (+00:00:10:00; HH:MM:SS;FF for
drop frame). With --fps, every time is snapped to the nearest frame of that
rate (half a frame rounds away from zero), then written to the millisecond
(nearest). Styles both formats carry are kept: italics, colours, position.
Speakers (WebVTT voices) are lost going to SRT, which has none.

OUT is written to a temporary file and renamed, so a failed conversion leaves
no partial file. Exit status: 0 done (warnings about the input go to stderr),
2 bad input or usage (nothing written).`,
		Example: `  sotcap convert in.srt out.vtt
  sotcap convert in.vtt out.srt --offset -00:00:01.000
  sotcap convert in.srt out.vtt --fps 25 --offset +10s`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			o.in, o.out = args[0], args[1]
			return runConvert(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.to, "to", "", "output format: srt, vtt or stl (default: from OUT's extension)")
	f.StringVar(&o.fps, "fps", "", "snap times to frames of this rate: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60")
	f.StringVar(&o.start, "start", "", "programme start timecode (EBU STL's TCP)")
	f.StringVar(&o.offset, "offset", "", "add to every time: ±duration (+2s, -500ms), ±HH:MM:SS.mmm or, with --fps, ±HH:MM:SS:FF")
	f.StringVar(&o.language, "language", "", "caption language for EBU STL (BCP 47: en, ar, ru)")
	f.StringVar(&o.profile, "profile", "", "reading-speed profile")
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

// errSTLNotYet is the usage error for EBU STL in or out until the STL
// reader and writer are plugged into openSource and openSink.
var errSTLNotYet = errors.New("convert does not handle EBU STL yet: only SRT and WebVTT in and out for now")

// cueSource yields captions one at a time (SRT and WebVTT readers; an
// EBU STL file, read whole, would be served from a slice).
type cueSource interface {
	Read() (captions.Caption, error)
	Line() int
	Warnings() []captions.Warning
	WarningCount() int
}

// cueSink takes captions one at a time (SRT and WebVTT writers; an EBU STL
// sink would collect them and write the file on Flush, since its header
// counts the subtitles).
type cueSink interface {
	Write(captions.Caption) error
	Flush() error
}

// convertPlan is the resolved command line.
type convertPlan struct {
	from, to format
	rate     timing.Rate // zero: no snapping
	offset   time.Duration
	start    time.Duration // programme start: where SRT/WebVTT 00:00:00 sits
}

// openSource returns the reader for format f. The STL reader plugs in
// here: stl.Read(r) gives File.Document (captions on the programme
// timeline) and File.Start (TCP), which becomes plan.start unless
// --start was given.
func openSource(f format, r io.Reader, name string, p *convertPlan) (cueSource, error) {
	switch f {
	case formatSRT:
		rd := srt.NewReader(r)
		rd.File, rd.Origin = name, p.start
		return rd, nil
	case formatVTT:
		rd := vtt.NewReader(r)
		rd.File, rd.Origin = name, p.start
		return rd, nil
	}
	return nil, errSTLNotYet
}

// openSink returns the writer for format f. The STL writer plugs in here:
// collect the captions and call stl.Write(w, doc, stl.Options{Rate,
// DropFrame, Start: p.start, Language}) on Flush.
func openSink(f format, w io.Writer, p *convertPlan) (cueSink, error) {
	switch f {
	case formatSRT:
		sw := srt.NewWriter(w)
		sw.Origin = p.start
		return sw, nil
	case formatVTT:
		vw := vtt.NewWriter(w)
		vw.Origin = p.start
		return vw, nil
	}
	return nil, errSTLNotYet
}

// plan resolves formats, rate and offset; every error is a usage error.
func (o convertOptions) plan(head []byte) (*convertPlan, error) {
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
	if p.from == formatSTL || p.to == formatSTL {
		return nil, errSTLNotYet
	}
	if o.fps != "" {
		r, err := timing.ParseRate(o.fps)
		if err != nil {
			return nil, fmt.Errorf("--fps: %w", err)
		}
		p.rate = r
	}
	if o.start != "" {
		return nil, errors.New("--start sets EBU STL's programme start; it does not apply between SRT and WebVTT (use --offset to shift times)")
	}
	if o.language != "" {
		return nil, errors.New("--language sets EBU STL's language code; SRT and WebVTT do not carry one")
	}
	if o.profile != "" {
		return nil, errors.New("--profile is not used by convert between SRT and WebVTT yet")
	}
	if o.offset != "" {
		d, err := parseOffset(o.offset, p.rate)
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
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(16)
	p, err := o.plan(head)
	if err != nil {
		return badInput(err)
	}
	src, err := openSource(p.from, br, o.in, p)
	if err != nil {
		return badInput(err)
	}
	n, empty := 0, 0
	err = captions.WriteFile(o.out, func(w io.Writer) error {
		sink, err := openSink(p.to, w, p)
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
			c.Start += p.offset
			c.End += p.offset
			if !p.rate.IsZero() {
				c.Start = p.rate.Duration(p.rate.Frames(c.Start))
				c.End = p.rate.Duration(p.rate.Frames(c.End))
			}
			if err := sink.Write(c); err != nil {
				var ce *captions.CaptionError
				if errors.As(err, &ce) {
					err = ce.Err
				}
				return badInput(fmt.Errorf("%s:line %d: cue %d cannot be written as %s: %w%s", o.in, src.Line(), cue, p.to, err, o.hint()))
			}
			n++
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
	fmt.Fprintf(s.out, "%s (%s) → %s (%s): %d captions\n", o.in, p.from, o.out, p.to, n)
	return nil
}

// hint says which option moved a time, for errors about times.
func (o convertOptions) hint() string {
	switch {
	case o.offset != "" && o.fps != "":
		return " (after --offset " + o.offset + " and --fps " + o.fps + ")"
	case o.offset != "":
		return " (after --offset " + o.offset + ")"
	case o.fps != "":
		return " (after snapping to --fps " + o.fps + ")"
	}
	return ""
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
