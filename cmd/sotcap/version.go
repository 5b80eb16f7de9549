package main

import (
	"fmt"
	"runtime/debug"

	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newVersionCmd(s app.IO) *cobra.Command {
	var licenses bool
	c := &cobra.Command{
		Use:   "version",
		Short: "Print sotcap's version",
		Long: `Print sotcap's version. With --licenses, also print the licences of the
data built into the binary and the credit they require.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v := "(devel)"
			if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
				v = bi.Main.Version
			}
			if _, err := fmt.Fprintln(s.Out, "sotcap", v); err != nil || !licenses {
				return err
			}
			_, err := fmt.Fprintf(s.Out, "\n%s", pos.Notice())
			return err
		},
	}
	c.Flags().BoolVar(&licenses, "licenses", false, "also print the licences of the built-in part-of-speech models")
	return c
}
