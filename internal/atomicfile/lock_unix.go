//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockSet takes the set's lock file with flock, without waiting. The lock
// file is removed on unlock; a lock taken on a file another run has just
// removed is retried, so two runs never both hold the set.
func lockSet(dir, set string) (unlock func(), err error) {
	name := filepath.Join(dir, "."+set+lockSuffix)
	for range 5 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if errors.Is(err, syscall.EWOULDBLOCK) {
			_ = f.Close()
			return nil, fmt.Errorf("write %s in %s: %w (lock %s); try again when it ends", set, dir, ErrBusy, name)
		}
		if err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() {
				_ = os.Remove(name)
				_ = f.Close()
			}, nil
		}
		_ = f.Close() // the file was removed by the run that released it
	}
	return nil, fmt.Errorf("write %s in %s: %w (lock %s keeps changing)", set, dir, ErrBusy, name)
}
