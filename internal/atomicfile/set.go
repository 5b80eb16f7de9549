package atomicfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one member of a set written by WriteSet.
type File struct {
	// Name is the file's base name inside the set's folder.
	Name string
	// Write fills the file; an error abandons the whole set.
	Write func(w io.Writer) error
}

// ErrBusy is the error when another run holds the lock of the same set.
var ErrBusy = errors.New("another sotcap run is writing the same files")

// Names of the bookkeeping files of a set called S in its folder:
//
//	.S.sotcap-lock          the lock (flock) held while the set is written
//	.S.sotcap-commit        the commit journal: "temporary\tfinal" lines
//	.S.sotcap-tmp-*.tmp     the temporary files
const (
	lockSuffix    = ".sotcap-lock"
	journalSuffix = ".sotcap-commit"
	tmpInfix      = ".sotcap-tmp-"
)

// maxJournal bounds what is read of a commit journal.
const maxJournal = 1 << 20

// WriteSet writes files into dir (which must exist) as one set, all or
// nothing, and returns their paths in the order given.
//
// The protocol:
//
//  1. every target is checked (CheckWritable: only a regular file is ever
//     replaced) before anything is written;
//  2. the set's lock .SET.sotcap-lock is taken without waiting: a
//     concurrent run writing the same set fails with ErrBusy, so one run
//     wins whole and never a mix;
//  3. what a killed run left is repaired: a commit journal is rolled
//     forward and stale temporaries are removed;
//  4. each file is written to a temporary file and fsynced; when ctx is
//     cancelled or a write fails, the temporaries are removed and nothing
//     at the targets changes;
//  5. a journal naming every temporary and its target is written and
//     fsynced, the temporaries are renamed into place, the folder is
//     fsynced and the journal removed. A process killed during the renames
//     (SIGKILL, power loss) leaves the journal, and the next WriteSet of the
//     same set, or Recover, completes the renames: a mixed set never
//     survives a later run. Cancellation is not observed during step 5,
//     which takes a few system calls.
func WriteSet(ctx context.Context, dir, set string, files []File) (written []string, err error) {
	if err := checkSetNames(set, files); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := CheckWritable(filepath.Join(dir, f.Name)); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	unlock, err := lockSet(dir, set)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := recoverLocked(dir, set); err != nil {
		return nil, err
	}
	tmps := make([]string, 0, len(files))
	committed := false
	defer func() {
		if !committed {
			for _, t := range tmps {
				_ = os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		target := filepath.Join(dir, f.Name)
		tmp, err := writeTemp(ctx, dir, set, target, f.Write)
		if tmp != "" {
			tmps = append(tmps, tmp)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var journal strings.Builder
	for i, f := range files {
		fmt.Fprintf(&journal, "%s\t%s\n", filepath.Base(tmps[i]), f.Name)
	}
	jtmp, err := writeTemp(ctx, dir, set, filepath.Join(dir, "."+set+journalSuffix), func(w io.Writer) error {
		_, err := io.WriteString(w, journal.String())
		return err
	})
	if jtmp != "" {
		tmps = append(tmps, jtmp)
	}
	if err != nil {
		return nil, err
	}
	jname := filepath.Join(dir, "."+set+journalSuffix)
	if err := os.Rename(jtmp, jname); err != nil {
		return nil, fmt.Errorf("write %s: %w", jname, err)
	}
	tmps = tmps[:len(tmps)-1]
	syncDir(dir)
	// From here the set is committed: the journal completes it even if
	// this process dies.
	committed = true
	if err := rollForward(dir, set); err != nil {
		return nil, err
	}
	for _, f := range files {
		written = append(written, filepath.Join(dir, f.Name))
	}
	return written, nil
}

// checkSetNames refuses a set or file name with a folder in it, and two
// files of one name.
func checkSetNames(set string, files []File) error {
	plain := func(s string) bool {
		return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, `/\`)
	}
	if !plain(set) {
		return fmt.Errorf("output set %q: expected a plain file name", set)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if !plain(f.Name) {
			return fmt.Errorf("output %q: expected a plain file name", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("output %q is named twice", f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// writeTemp writes one temporary file of the set for target and returns
// its path ("" when none was created).
func writeTemp(ctx context.Context, dir, set, target string, write func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(dir, "."+set+tmpInfix+"*.tmp")
	if errors.Is(err, fs.ErrPermission) {
		return "", fmt.Errorf("write %s: folder %s is not writable: %w", target, dir, fs.ErrPermission)
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", target, err)
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		_ = f.Close()
		return tmp, err
	}
	if err := write(f); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("write %s: %w", target, err))
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(fmt.Errorf("write %s: %w", target, err))
	}
	if err := f.Close(); err != nil {
		return tmp, fmt.Errorf("write %s: %w", target, err)
	}
	return tmp, nil
}

// Recover completes or cleans up after a run of set in dir that was
// killed: it rolls a commit journal forward and removes stale temporary
// files. It takes the set's lock, so it returns ErrBusy while a run is
// writing the set.
func Recover(dir, set string) error {
	unlock, err := lockSet(dir, set)
	if err != nil {
		return err
	}
	defer unlock()
	return recoverLocked(dir, set)
}

// recoverLocked is Recover with the lock held.
func recoverLocked(dir, set string) error {
	if err := rollForward(dir, set); err != nil {
		return err
	}
	stale, err := filepath.Glob(filepath.Join(dir, "."+escapeGlob(set)+tmpInfix+"*.tmp"))
	if err != nil {
		return nil
	}
	for _, t := range stale {
		_ = os.Remove(t) // only the lock holder creates them: these are a dead run's
	}
	return nil
}

// rollForward renames what the set's journal lists into place, then
// removes the journal. No journal is nothing to do.
func rollForward(dir, set string) error {
	jname := filepath.Join(dir, "."+set+journalSuffix)
	jf, err := os.Open(jname)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("commit journal %s: %w", jname, err)
	}
	defer jf.Close()
	sc := bufio.NewScanner(io.LimitReader(jf, maxJournal))
	prefix := "." + set + tmpInfix
	for sc.Scan() {
		tmp, final, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !strings.HasPrefix(tmp, prefix) || strings.ContainsAny(tmp+final, `/\`) || final == "" || final == "." || final == ".." {
			return fmt.Errorf("commit journal %s: damaged line %q: remove the file by hand", jname, sc.Text())
		}
		from := filepath.Join(dir, tmp)
		if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
			continue // already renamed before the kill
		}
		if err := os.Rename(from, filepath.Join(dir, final)); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, final), err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("commit journal %s: %w", jname, err)
	}
	syncDir(dir)
	if err := os.Remove(jname); err != nil {
		return fmt.Errorf("commit journal %s: %w", jname, err)
	}
	syncDir(dir)
	return nil
}

// escapeGlob quotes the characters filepath.Match treats specially.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// syncDir fsyncs a folder so that renames in it survive a power loss; a
// system that cannot sync folders is not an error.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
