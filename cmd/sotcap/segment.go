package main

import (
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newSegmentCmd(s app.IO) *cobra.Command {
	opts := app.SegmentOptions{}
	cmd := &cobra.Command{
		Use:   "segment [FILE|-]",
		Short: "Split text into captions and lines under a reading-speed profile",
		Long: `segment splits text into captions of at most the profile's lines and
characters per line, choosing the breaks a subtitler would. Each input line
is one unit (a sentence or paragraph): a caption never spans two units.
Markup tags <eol> and <eob> in the input are ignored, so a MuST-Cinema file
can be re-segmented as it is.

Formats:
  text    each caption's lines, a blank line after each caption
  tagged  one output line per input line: <eol> between the lines of a
          caption, <eob> after each caption (the MuST-Cinema convention)
  json    {"profile", "language", "max_chars_per_line", "max_lines",
          "units": [{"line", "captions": [{"lines", "chars"}]}]}`,
		Example: `  sotcap segment talk.txt --profile ted --format tagged
  echo "We are aiming to get a better television service." | sotcap segment --max-chars-per-line 30`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			opts.Flags = cmd.Flags()
			return app.RunSegment(opts, s)
		},
	}
	cmd.Flags().StringVar(&opts.Style, "style", "", "house style file written by sotcap learn [style]")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, tagged or json")
	config.AddFlags(cmd.Flags())
	return cmd
}
