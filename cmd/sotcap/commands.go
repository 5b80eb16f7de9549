package main

import (
	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

// commands returns every sub-command. Each lives in its own file as an
// options struct, a run function and a constructor.
func commands(s app.IO) []*cobra.Command {
	return []*cobra.Command{
		newVersionCmd(s),
		newEDLCmd(s),
		newScriptCmd(s),
		newSegmentCmd(s),
		newLearnCmd(s),
		newGenerateCmd(s),
		newPlanCmd(s),
		newBatchCmd(s),
		newCheckCmd(s),
		newConvertCmd(s),
	}
}
