package main

import (
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newLearnCmd(s app.IO) *cobra.Command {
	o := app.LearnOptions{}
	cmd := &cobra.Command{
		Use:   "learn --out FILE SUBTITLE-FILE...",
		Short: "Learn a house style of line and caption breaks from a subtitle archive",
		Long: `learn reads subtitle files made by a broadcaster's own subtitlers (any format
sotcap reads), groups their captions into sentences, and fits the weights of
the line-break and caption-break search to where the subtitlers broke. It
holds out a share of the files (--holdout). On the other files it chooses,
by cross-validation over whole files, among a small grid of line shapes
(balanced or top-heavy) and learning rates and passes, and keeps the
built-in style unless a candidate beats it by a margin a sign test over
the sentences supports. It prints what it chose, the break F1 and a
Sigma-like score of the built-in style and of the learned one on the
held-out files, and writes the learned style to --out. segment, generate and batch take it with
--style FILE (or the style key in a config file).

The profile (--profile, --max-chars-per-line, --max-lines, --language) is the
geometry the style is learned for: sentences with longer lines are skipped.`,
		Example: `  sotcap learn --out house.style --profile bbc archive/*.srt
  sotcap segment --style house.style talk.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			o.Flags = cmd.Flags()
			return app.RunLearn(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Out, "out", "", "style file to write")
	f.Float64Var(&o.Holdout, "holdout", 0.5, "share of the files held out for scoring (0 to 0.9)")
	f.IntVar(&o.Epochs, "epochs", 0, "passes over the archive (default: 3 or 6, chosen by cross-validation)")
	config.AddFlags(f)
	return cmd
}
