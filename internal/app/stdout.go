package app

import (
	"fmt"
	"io"
)

// stickyWriter remembers the first write error, so that a command printing
// a table line by line can report a full disk or a closed pipe once, at
// the end, instead of exiting 0 with its output lost.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

// check returns the first write error, naming standard output.
func (s *stickyWriter) check() error {
	if s.err != nil {
		return fmt.Errorf("write standard output: %w", s.err)
	}
	return nil
}
