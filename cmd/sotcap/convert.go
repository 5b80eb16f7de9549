package main

import (
	"strings"

	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/internal/app/convert"
	"github.com/spf13/cobra"
)

func newConvertCmd(s app.IO) *cobra.Command {
	o := convert.Options{}
	cmd := &cobra.Command{
		Use:   "convert IN OUT | convert IN... --to FORMAT --out-dir DIR",
		Short: "Convert captions between SRT, WebVTT, EBU STL and SCC, with offsets, programme starts and frame rates",
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
usage (nothing written).

Many files. With --out-dir DIR every argument is an input, written as
DIR/BASE.EXT in the --to format (DIR is created); IN... DIR, where DIR is an
existing folder, does the same. Two inputs that would write the same file,
or an output that would replace an input, are refused before anything is
converted. A file that fails is reported and the others go on; a summary
line ends the run, a progress bar shows on a terminal, and the exit status
is 1 when any file failed (2 for a usage error, nothing converted).

Encoding. SRT is written as UTF-8 without a byte order mark unless
--encoding utf-8-bom or windows-1252 (a character Windows-1252 lacks is an
error naming the cue, line and character). WebVTT is UTF-8 by
specification and EBU STL, SCC and TTML set their own, so --encoding with
them is a usage error.`,
		Example: `  sotcap convert in.srt out.vtt
  sotcap convert news.stl news.srt                      # 0 = the STL's TCP
  sotcap convert news.stl abs.srt --start 00:00:00:00   # absolute programme times
  sotcap convert in.srt out.stl --fps 25 --start 10:00:00:00 --language en --set stl.country=GBR
  sotcap convert pal.stl ntsc.stl --fps 29.97           # re-timed by real time, drop frame
  sotcap convert in.vtt out.srt --offset -00:00:02:00 --fps 25
  sotcap convert *.srt --to vtt --out-dir web/           # many files at once
  sotcap convert in.vtt out.srt --encoding windows-1252  # for an old player`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Args = args
			o.Flags = cmd.Flags()
			return convert.Run(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.To, "to", "", "output format: "+format.List(format.Names(), "or")+" (default: from OUT's extension)")
	f.StringVar(&o.OutDir, "out-dir", "", "convert every argument into this folder as BASE.EXT of --to (created if missing)")
	f.StringVar(&o.Encoding, "encoding", "", "SRT output's character encoding: utf-8 (default), utf-8-bom or windows-1252")
	f.StringVar(&o.FPS, "fps", "", "target frame rate, times snap to its frames: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60 (required for SRT/WebVTT → STL)")
	f.StringVar(&o.FromFPS, "from-fps", "", "an EBU STL input's frame rate when its DFC cannot say (30 for an STL30.01 file at 30 fps)")
	f.StringVar(&o.Start, "start", "", "programme start timecode: the STL time that becomes 0 (STL in), or where 0 lands and the TCP (STL out; default 00:00:00:00)")
	f.StringVar(&o.Offset, "offset", "", "add to every time: ±duration (+2s, -500ms), ±HH:MM:SS.mmm or ±HH:MM:SS:FF at the target rate")
	f.BoolVar(&o.Strict, "strict", false, "refuse an SRT or WebVTT input with blocks a player would skip (malformed timings, stray lines) instead of skipping them with a warning")
	f.BoolVar(&o.Lenient, "lenient", false, "convert what a truncated EBU STL input still holds (fewer TTI blocks than its header says, a block cut short) with a warning, instead of refusing it")
	f.BoolVar(&o.DropFrame, "drop-frame", true, "drop-frame timecode at 29.97 and 59.94 (broadcast norm); false for non-drop")
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
