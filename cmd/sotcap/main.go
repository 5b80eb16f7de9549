// Command sotcap turns a broadcast news package (script + edit decision
// list) into subtitle and caption files, and checks and converts caption
// files that others made.
//
// Run with no arguments it generates captions for an embedded sample
// package; `sotcap help` lists the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/spf13/cobra"
)

// graceAfterSignal is how long a run may take, after SIGINT or SIGTERM,
// to remove its temporary files before the process exits anyway.
const graceAfterSignal = 5 * time.Second

func main() {
	// A write to a closed pipe (sotcap convert a.srt - | head) returns
	// EPIPE instead of killing the process with SIGPIPE, so that run can
	// end cleanly.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }()
	select {
	case code := <-done:
		os.Exit(code)
	case sig := <-sigs:
		// Stop: writers see the cancellation, remove their temporaries
		// and leave every output as it was.
		cancel()
		select {
		case <-done:
		case <-sigs:
		case <-time.After(graceAfterSignal):
		}
		fmt.Fprintf(os.Stderr, "sotcap: interrupted by %v: outputs not yet committed were left as they were\n", sig)
		os.Exit(signalStatus(sig))
	}
}

// signalStatus is the shell's exit status for a process ended by sig:
// 130 for SIGINT, 143 for SIGTERM.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// run executes sotcap with args and returns the process exit status.
func run(args []string, in io.Reader, out, errw io.Writer) int {
	return runContext(context.Background(), args, in, out, errw)
}

// runContext is run with a context that SIGINT and SIGTERM cancel.
func runContext(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	root := newRootCmd(app.IO{In: in, Out: out, Err: errw, Ctx: ctx})
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
	if errors.Is(err, syscall.EPIPE) {
		// The reader of standard output went away (| head, | true): it
		// has what it wanted, which is not an error of sotcap's.
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
