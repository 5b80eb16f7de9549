package atomicfile

import (
	"context"
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
	fi, err = os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", name, err)
	case fi.IsDir():
		return fmt.Errorf("write %s: it is a folder: expected a file name", name)
	case !fi.Mode().IsRegular():
		// A rename would replace a device node, a FIFO or a symbolic link
		// (and not what it points to) with a regular file.
		return fmt.Errorf("write %s: it is a %s, not a regular file: only a regular file is replaced (use - for standard output)", name, kindOf(fi.Mode()))
	case fi.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("write %s: the file is read-only: make it writable or choose another name", name)
	}
	return nil
}

// kindOf names a file type for errors.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// WriteFile writes one file atomically: write fills a temporary file in
// the same folder, which replaces name only when write and every flush,
// fsync and close succeed. On any error nothing is left at name (an
// existing file is untouched) and no temporary file remains. A name
// CheckWritable refuses is an error before anything is written. It is
// WriteSet with one file and no cancellation.
func WriteFile(name string, write func(w io.Writer) error) error {
	return WriteFileContext(context.Background(), name, write)
}

// WriteFileContext is WriteFile that stops, removing its temporary file,
// when ctx is cancelled before the file is committed.
func WriteFileContext(ctx context.Context, name string, write func(w io.Writer) error) error {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	_, err := WriteSet(ctx, filepath.Clean(dir), base, []File{{Name: base, Write: write}})
	return err
}
