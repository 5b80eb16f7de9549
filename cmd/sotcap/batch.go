package main

import (
	"github.com/sotcap/sotcap/config"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newBatchCmd(s app.IO) *cobra.Command {
	o := app.BatchOptions{}
	cmd := &cobra.Command{
		Use:   "batch DIR",
		Short: "Generate captions for every package under a folder, concurrently",
		Long: `batch finds the packages under DIR — a script (.txt) and an EDL (.edl) with
the same base name in the same folder, or a folder with a sotcap.yaml that
names its script, edl, fps and any other setting — and generates each into
its folder's sotcap-out/, GOMAXPROCS packages at a time. A failed package
does not stop the others. Flags given here apply to every package (a
sotcap.yaml's settings win over the defaults, flags win over both).

Each package stays inside its folder: a sotcap.yaml's script, edl and out
are resolved there, and absolute paths, ".." and symbolic links that lead
out are refused unless --allow-outside. Inputs must be regular files (a
FIFO would block the run); a sotcap.yaml over 1 MiB is refused. Two
packages that would write the same files are an error before anything runs.
Outputs are written as one locked set (see generate); SIGINT or SIGTERM
stops the batch, leaving every package's files whole, old or new.

Exit status: 0 all packages done, 1 any package failed, 2 bad usage.`,
		Example: `  sotcap batch ./packages --fps 25
  sotcap batch ./packages --fps 29.97 --profile netflix-en --workers 8`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			o.Flags = cmd.Flags()
			return app.RunBatch(o, s)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Style, "style", "", "house style file written by sotcap learn [style]")
	f.StringVar(&o.FPS, "fps", "", "frame rate of packages whose sotcap.yaml does not give one")
	f.IntVar(&o.Workers, "workers", 0, "packages processed at once (default GOMAXPROCS)")
	f.StringVar(&o.Progress, "progress", "auto", "auto (a bar on a terminal, lines otherwise), bar or lines")
	f.BoolVar(&o.AllowOutside, "allow-outside", false, "let a sotcap.yaml name inputs and outputs outside its package folder (absolute paths, .., symbolic links out)")
	config.AddFlags(f)
	return cmd
}
