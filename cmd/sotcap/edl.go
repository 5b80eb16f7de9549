package main

import (
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newEDLCmd(s app.IO) *cobra.Command {
	var o app.EDLOptions
	c := &cobra.Command{
		Use:   "edl FILE --fps RATE [--json]",
		Short: "Read a CMX 3600 EDL and print its events, record frames and SOT windows",
		Long: `edl reads a CMX 3600 edit decision list (as Avid, Premiere and Resolve write
it) at the given record rate and prints every event line: event number, reel,
channels, transition, the four timecodes, the record frames counted from
00:00:00:00, and the clip name. With --json it prints the same as JSON for
machines. FILE "-" reads standard input.

Rates: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60. Record timecodes are drop
frame when the header says FCM: DROP FRAME or the timecode uses ';'.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			o.File = args[0]
			return app.RunEDL(o, s)
		},
	}
	c.Flags().StringVar(&o.FPS, "fps", "", "record frame rate (required): 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60")
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON instead of a table")
	return c
}
