package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sotcap/sotcap/internal/atomicfile"
)

// CheckBaseName reports whether base can name a package's output files:
// it must be a plain file name, with no folder in it and not empty, "."
// or "..".
func CheckBaseName(base string) error {
	switch {
	case strings.TrimSpace(base) == "":
		return fmt.Errorf("output name %q: expected a file name", base)
	case base == "." || base == "..", strings.ContainsAny(base, `/\`):
		return fmt.Errorf("output name %q: expected a plain file name without a folder (put the folder in --out)", base)
	}
	return nil
}

// WriteOutputs writes every file of a package into dir (created if
// missing) as dir/base+ext, all or nothing: each is written to a temporary
// file first, and only when every one is complete are they renamed into
// place. On error no new file remains. It returns the paths written, in
// extension order.
//
// base must be a plain file name (no folder, not "." or ".."), and no
// output may land on a folder or a read-only file (atomicfile.CheckWritable):
// both are checked before anything is written, so that a clash never
// leaves half a package renamed into place.
func WriteOutputs(dir, base string, files map[string][]byte) (written []string, err error) {
	if err := CheckBaseName(base); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	exts := make([]string, 0, len(files))
	for ext := range files {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	for _, ext := range exts {
		if err := atomicfile.CheckWritable(filepath.Join(dir, base+ext)); err != nil {
			return nil, err
		}
	}
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
