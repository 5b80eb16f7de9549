package main

import (
	"fmt"
	"runtime/debug"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newVersionCmd(s app.IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print sotcap's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v := "(devel)"
			if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
				v = bi.Main.Version
			}
			_, err := fmt.Fprintln(s.Out, "sotcap", v)
			return err
		},
	}
}
