package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
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

// WriteOutputs is WriteOutputsContext without cancellation.
func WriteOutputs(dir, base string, files map[string][]byte) ([]string, error) {
	return WriteOutputsContext(context.Background(), dir, base, files)
}

// WriteOutputsContext writes every file of a package into dir (created
// if missing) as dir/base+ext, all or nothing, with atomicfile.WriteSet:
// the set base is locked (a concurrent run writing the same base into dir
// fails with atomicfile.ErrBusy), every file is written to a temporary
// name and fsynced, and the set is committed through a journal that a
// later run completes if this one is killed. A cancelled ctx (SIGINT,
// SIGTERM) before the commit removes the temporaries and changes nothing.
// It returns the paths written, in extension order.
//
// base must be a plain file name (no folder, not "." or ".."), and no
// output may land on a folder, a read-only file or anything but a regular
// file (atomicfile.CheckWritable): all are checked before anything is
// written.
func WriteOutputsContext(ctx context.Context, dir, base string, files map[string][]byte) (written []string, err error) {
	if err := CheckBaseName(base); err != nil {
		return nil, err
	}
	exts := make([]string, 0, len(files))
	for ext := range files {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	set := make([]atomicfile.File, len(exts))
	for i, ext := range exts {
		data := files[ext]
		set[i] = atomicfile.File{Name: base + ext, Write: func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}}
	}
	return atomicfile.WriteSet(ctx, dir, base, set)
}
