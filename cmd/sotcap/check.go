package main

import (
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newCheckCmd(s app.IO) *cobra.Command {
	o := app.CheckOptions{}
	cmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Check SRT, WebVTT, EBU STL or SCC files against a reading-speed profile",
		Long: `check reads each file (the format from its content, the extension only when
the content cannot tell), judges every caption against the profile — CPS,
characters per line, lines, minimum and maximum duration, minimum gap,
overlap, order, empty text, characters the format cannot carry and, with
--edl, the shot-change zones — and reports what it finds. The rules and the
CPS formula are the same code generate uses.

With --edl, SRT and WebVTT times (which count from the file's start) are
placed on the EDL's timeline at --start, by default the EDL's earliest
record-in; EBU STL files carry programme timecodes already.

Every caption that cannot be read (a malformed cue, an EBU STL subtitle
whose out time is before its in time, the blocks a truncated STL file
lacks) is a "malformed" violation with its line or TTI block and the reason,
in every report format. Frame rules count frames at --fps, else an STL
file's own rate, else 25 fps; every report says which.

Exit status: 0 no violations, 1 violations (malformed captions included),
2 unreadable input or usage (and, with --strict-syntax, any caption that
cannot be read).`,
		Example: `  sotcap check vendor.srt --profile netflix-en
  sotcap check news.stl --edl cut.edl --fps 25 --format html --out report.html
  sotcap check *.vtt --format csv > violations.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			o.Flags = cmd.Flags()
			return app.RunCheck(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.FPS, "fps", "", "frame rate for the frame rules (default: an STL file's own, else 25)")
	f.StringVar(&o.EDL, "edl", "", "the EDL whose cuts are shot changes (needs --fps)")
	f.StringVar(&o.Start, "start", "", "programme start timecode where SRT/WebVTT time 0 sits on the EDL's timeline")
	f.StringVar(&o.Format, "format", "text", "report format: text, json, csv or html")
	f.StringVar(&o.Out, "out", "", "write the report to FILE instead of standard output")
	f.BoolVar(&o.StrictSyntax, "strict-syntax", false, "a caption that cannot be read makes the file unreadable (exit 2) instead of a malformed violation (exit 1)")
	f.StringVar(&o.STLTable, "stl-table", "", "also report characters an EBU STL table cannot carry: auto (from the language), 00, 01, 02, 03 or 04")
	config.AddFlags(f)
	return cmd
}
