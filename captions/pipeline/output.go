package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// WriteOutputs writes every file of a package into dir (created if
// missing) as dir/base+ext, all or nothing: each is written to a temporary
// file first, and only when every one is complete are they renamed into
// place. On error no new file remains. It returns the paths written, in
// extension order.
func WriteOutputs(dir, base string, files map[string][]byte) (written []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	exts := make([]string, 0, len(files))
	for ext := range files {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	tmps := make([]string, 0, len(exts))
	defer func() {
		if err != nil {
			for _, t := range tmps {
				_ = os.Remove(t)
			}
		}
	}()
	for _, ext := range exts {
		f, err := os.CreateTemp(dir, "."+base+ext+".*.tmp")
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, base+ext), err)
		}
		tmps = append(tmps, f.Name())
		// No fsync: the rename is what keeps a reader from ever seeing a
		// partial file, and a sync per file would cap batch at the disk's
		// flush rate.
		_, werr := f.Write(files[ext])
		cerr := f.Close()
		for _, e := range []error{werr, cerr, os.Chmod(f.Name(), 0o644)} {
			if e != nil {
				return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, base+ext), e)
			}
		}
	}
	for i, ext := range exts {
		final := filepath.Join(dir, base+ext)
		if err := os.Rename(tmps[i], final); err != nil {
			// Undo the renames done so far would lose the old files; they
			// are complete new files, so report and keep them.
			for _, t := range tmps[i:] {
				_ = os.Remove(t)
			}
			tmps = nil
			return written, fmt.Errorf("write %s: %w", final, err)
		}
		written = append(written, final)
	}
	return written, nil
}
