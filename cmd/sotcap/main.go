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

	"github.com/spf13/cobra"
)

// Exit statuses, shared by every command.
const (
	exitOK        = 0 // success
	exitViolation = 1 // the work was done but rules were broken (or a batch item failed)
	exitBadInput  = 2 // unreadable input or bad usage: nothing was written
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// stdio carries a command's standard streams so that every command can be
// run from tests without a terminal.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// exitError carries an exit status through cobra's error return.
type exitError struct {
	code int
	err  error // nil when the command already said what went wrong
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// badInput wraps err as an exit-status-2 error.
func badInput(err error) error { return &exitError{code: exitBadInput, err: err} }

// run executes sotcap with args and returns the process exit status.
func run(args []string, in io.Reader, out, errw io.Writer) int {
	root := newRootCmd(stdio{in: in, out: out, err: errw})
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(errw, "sotcap:", ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, wrong argument count) is
	// a usage error.
	fmt.Fprintln(errw, "sotcap:", err)
	return exitBadInput
}

// newRootCmd builds the command tree.
func newRootCmd(s stdio) *cobra.Command {
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
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return badInput(err) })
	for _, c := range commands(s) {
		root.AddCommand(c)
	}
	return root
}
