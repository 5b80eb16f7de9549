// Command sotcap turns a broadcast news package (script + edit decision
// list) into subtitle and caption files, and checks and converts caption
// files that others made.
//
// Run with no arguments it generates captions for an embedded sample
// package; `sotcap help` lists the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes sotcap with args and returns the process exit status.
func run(args []string, in io.Reader, out, errw io.Writer) int {
	root := newRootCmd(app.IO{In: in, Out: out, Err: errw})
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.Execute()
	if err == nil {
		return app.ExitOK
	}
	var ee *app.ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintln(errw, "sotcap:", ee.Err)
		}
		return ee.Code
	}
	// Anything cobra itself rejects (unknown flag, wrong argument count) is
	// a usage error.
	fmt.Fprintln(errw, "sotcap:", err)
	return app.ExitBadInput
}

// newRootCmd builds the command tree.
func newRootCmd(s app.IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "sotcap",
		Short: "Turn a news package's soundbites into SRT, WebVTT and EBU STL captions",
		Long: `sotcap reads a news package script (the soundbites and their translations)
and the editor's CMX 3600 EDL, and writes frame-accurate SRT, WebVTT and
EBU STL captions that obey a reading-speed profile, with a report of every
caption that breaks it. It also checks and converts caption files.

Run without arguments, it generates captions for an embedded sample package.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDefault(s)
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return app.BadInput(err) })
	for _, c := range commands(s) {
		root.AddCommand(c)
	}
	return root
}
