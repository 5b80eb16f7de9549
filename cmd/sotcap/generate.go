package main

import (
	"strings"

	"github.com/sotcap/sotcap/captions/format"
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

// addPackageFlags registers the flags generate and plan share.
func addPackageFlags(cmd *cobra.Command, o *app.GenerateOptions) {
	f := cmd.Flags()
	f.StringArrayVar(&o.Scripts, "script", nil, "the package script (Ruptly/RT, AP or Reuters soundbites); repeat it for each caption language, as FILE or LANG=FILE (fr=pkg_fr.txt)")
	f.StringVar(&o.ScriptLanguage, "script-language", "", "the language the scripts are written in, BCP 47 (default: detected from their words)")
	f.StringVar(&o.EDL, "edl", "", "the editor's CMX 3600 EDL")
	f.StringVar(&o.FPS, "fps", "", "the EDL's frame rate: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60")
	f.StringVar(&o.Start, "start", "", "programme start timecode; SRT/WebVTT count from it, STL's TCP (default: the EDL's earliest record-in)")
	f.StringVar(&o.Mode, "mode", "", "subtitles (only SOTs in another language than --language) or captions (every SOT)")
	f.StringVar(&o.Style, "style", "", "house style file written by sotcap learn [style]")
	f.StringVar(&o.Mapping, "map", "", "map SOTs to EDL events: 1=3,2=5,3=7+9+10 (default: N-th SOT to N-th marked window)")
	config.AddFlags(f)
}

func newGenerateCmd(s app.IO) *cobra.Command {
	o := app.GenerateOptions{}
	cmd := &cobra.Command{
		Use:   "generate --script FILE --edl FILE --fps RATE",
		Short: "Script + EDL in; SRT, WebVTT, EBU STL and a reading-rate report out",
		Long: `generate reads the package script and the editor's EDL, maps the N-th SOT of
the script onto the N-th SOT window of the EDL (clip names or locators marked
SOT, SOUNDBITE, SB or UPSOUND), splits each translation into captions under
the profile and times them inside the window, and writes DIR/BASE.srt, .vtt,
.stl and .report.json, all or nothing.

Give --script once per language version of the script (one EDL, one script
per caption language) and it writes DIR/BASE.LANG.srt, .vtt, .stl for each
language, each under its own profile (the language's preset, netflix-fr for
French, unless --profile names one), in the same SOT windows, and one
BASE.report.json comparing the languages. A script's caption language is the
one it is written in, or LANG= before its name.

When a SOT's captions cannot meet the profile inside its window (the reading
time needed is more than the window and hang give, or a caption would be on
screen for less than the minimum duration), nothing is written and generate
says which SOT and how much to cut, unless --allow-overflow.

Exit status: 0 done (broken rules are reported), 1 when captions would be
unreadable (nothing written) or with --strict when a rule is broken, 2 bad
input or usage (nothing written).`,
		Example: `  sotcap generate --script pkg.txt --edl cut.edl --fps 25
  sotcap generate --script pkg.txt --edl cut.edl --fps 29.97 --profile netflix-en --formats srt,vtt
  sotcap generate --script pkg.txt --edl cut.edl --fps 25 --map 1=3,2=5,3=7+9+10 --json
  sotcap generate --edl cut.edl --fps 25 --script pkg_en.txt --script pkg_fr.txt --script ar=pkg_ar.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Flags = cmd.Flags()
			return app.RunGenerate(o, s)
		},
	}
	addPackageFlags(cmd, &o)
	f := cmd.Flags()
	f.StringVar(&o.Out, "out", "", "output folder (default sotcap-out)")
	f.StringVar(&o.Name, "name", "", "base name of the output files (default: the script's)")
	f.StringSliceVar(&o.Formats, "formats", nil, "formats to write, of "+strings.Join(format.Names(), ",")+" (default srt,vtt,stl)")
	f.BoolVar(&o.Strict, "strict", false, "exit 1 when any caption breaks a rule")
	f.BoolVar(&o.AllowOverflow, "allow-overflow", false, "write captions that cannot meet the profile inside their SOT window (warnings, exit 0) instead of refusing them")
	f.BoolVar(&o.JSON, "json", false, "print the summary as JSON")
	return cmd
}
