package main

import (
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func newPlanCmd(s app.IO) *cobra.Command {
	o := app.PlanOptions{}
	cmd := &cobra.Command{
		Use:   "plan --script FILE --edl FILE --fps RATE",
		Short: "Show how the script's SOTs map onto the edit, before anything is written",
		Long: `plan reads the same inputs as generate and shows, without writing a file,
which EDL window each SOT of the script plays in, the shot changes inside
each window, and the reading time each translation needs against the time
its window gives.`,
		Example: `  sotcap plan --script pkg.txt --edl cut.edl --fps 25
  sotcap plan --script pkg.txt --edl cut.edl --fps 29.97 --map 1=3,2=5 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Flags = cmd.Flags()
			return app.RunPlan(o, s)
		},
	}
	addPackageFlags(cmd, &o.GenerateOptions)
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the plan as JSON")
	return cmd
}
