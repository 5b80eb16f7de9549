//go:build !unix

package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// lockSet creates the set's lock file exclusively; an existing one means
// another run holds the set (or a killed run left it: remove it by hand).
func lockSet(dir, set string) (unlock func(), err error) {
	name := filepath.Join(dir, "."+set+lockSuffix)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("write %s in %s: %w (lock %s)", set, dir, ErrBusy, name)
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	return func() {
		_ = f.Close()
		_ = os.Remove(name)
	}, nil
}
