package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/sotcap/sotcap/timing/edl"
)

// IO carries a use case's standard streams, so that every command runs
// from tests without a terminal.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// Ctx is cancelled on SIGINT or SIGTERM: writers then stop, remove
	// their temporary files and change nothing. Nil means never.
	Ctx context.Context
}

// Context returns s.Ctx, or a context that is never cancelled.
func (s IO) Context() context.Context {
	if s.Ctx == nil {
		return context.Background()
	}
	return s.Ctx
}

// Exit statuses, shared by every command.
const (
	ExitOK        = 0 // success
	ExitViolation = 1 // the work was done but rules were broken (or a batch item failed)
	ExitBadInput  = 2 // unreadable input or bad usage: nothing was written
)

// ExitError carries an exit status out of a use case.
type ExitError struct {
	Code int
	Err  error // nil when the use case already said what went wrong
}

// Error returns Err's message, or the exit status when there is none.
func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

// Unwrap returns Err.
func (e *ExitError) Unwrap() error { return e.Err }

// BadInput wraps err as an ExitBadInput error.
func BadInput(err error) error { return &ExitError{Code: ExitBadInput, Err: err} }

// flagHint adds to a library error the flag that fixes it, where there is
// one: the library names what is wrong in the data, the command line
// says which flag to give.
func flagHint(err error) error {
	if errors.Is(err, edl.ErrDropFrameRate) {
		return fmt.Errorf("%w (give --fps 29.97 or 59.94)", err)
	}
	return err
}
