package format

import (
	"errors"
	"fmt"
	"io"
)

// ErrTooLarge is wrapped by the error for an input larger than its format
// can be.
var ErrTooLarge = errors.New("input too large")

// readBounded reads r whole, refusing more than limit bytes without
// reading further: what names the format for the message.
func readBounded(r io.Reader, limit int64, file, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w: larger than %d MiB, more than %s can hold", file, ErrTooLarge, limit>>20, what)
	}
	return data, nil
}
