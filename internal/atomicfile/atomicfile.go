package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckWritable reports why name cannot be written as a new or replaced
// file, or nil: its folder is missing or is not a folder, name is a
// folder, or name is an existing file without write permission for its
// owner (a read-only file is never silently replaced). It writes nothing.
func CheckWritable(name string) error {
	dir := filepath.Dir(name)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: folder %s does not exist: expected an existing folder", name, dir)
	case err != nil:
		return fmt.Errorf("write %s: %w", name, err)
	case !fi.IsDir():
		return fmt.Errorf("write %s: %s is not a folder", name, dir)
	}
	fi, err = os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", name, err)
	case fi.IsDir():
		return fmt.Errorf("write %s: it is a folder: expected a file name", name)
	case fi.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("write %s: the file is read-only: make it writable or choose another name", name)
	}
	return nil
}

// WriteFile writes a file atomically: write fills a temporary file in the
// same directory, which replaces name only when write and every flush and
// close succeed. On any error nothing is left at name (an existing file is
// untouched) and no temporary file remains. A name CheckWritable refuses
// is an error before anything is written.
func WriteFile(name string, write func(w io.Writer) error) (err error) {
	if err := CheckWritable(name); err != nil {
		return err
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("write %s: folder %s is not writable: %w", name, filepath.Clean(dir), fs.ErrPermission)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Rename(tmp, name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
