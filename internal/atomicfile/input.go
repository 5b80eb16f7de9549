package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Size limits of the inputs sotcap reads, by kind. Readers refuse more
// with ErrTooLarge rather than grow without bound.
const (
	LimitConfig = 1 << 20   // a YAML config file: 1 MiB
	LimitScript = 64 << 20  // a package script: 64 MiB
	LimitEDL    = 256 << 20 // a CMX 3600 EDL: 256 MiB
)

// ErrTooLarge is the error of an input over its limit.
var ErrTooLarge = errors.New("input too large")

// ErrNotRegular is the error of an input that must be a regular file and
// is not (a FIFO, a device, a folder).
var ErrNotRegular = errors.New("not a regular file")

// InputOptions says how OpenInput opens one input.
type InputOptions struct {
	// Kind names the input in errors: "config", "script", "EDL".
	Kind string
	// Limit is the most bytes read; more is ErrTooLarge. 0 means no limit.
	Limit int64
	// RegularOnly refuses anything but a regular file (a symbolic link to
	// one is followed). batch sets it: a FIFO named like a package file
	// would block the run forever on open.
	RegularOnly bool
}

// OpenInput opens name for reading through a reader that fails with
// ErrTooLarge once more than opts.Limit bytes are read. A regular file
// over the limit is refused by its size before reading. With RegularOnly
// a FIFO, device or folder is refused before it is opened (opening a FIFO
// blocks until a writer comes).
func OpenInput(name string, opts InputOptions) (io.ReadCloser, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Kind, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s %s: is a folder: expected a file", opts.Kind, name)
	}
	if opts.RegularOnly && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s: is a %s: %w", opts.Kind, name, kindOf(fi.Mode()), ErrNotRegular)
	}
	if opts.Limit > 0 && fi.Mode().IsRegular() && fi.Size() > opts.Limit {
		return nil, tooLarge(opts.Kind, name, opts.Limit)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Kind, err)
	}
	if opts.RegularOnly {
		// The name may have been replaced between Stat and Open.
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			_ = f.Close()
			return nil, fmt.Errorf("%s %s: %w", opts.Kind, name, ErrNotRegular)
		}
	}
	if opts.Limit <= 0 {
		return f, nil
	}
	return &limitedFile{f: f, r: LimitReader(f, opts.Limit, opts.Kind, name)}, nil
}

// ReadInput reads name whole through OpenInput.
func ReadInput(name string, opts InputOptions) ([]byte, error) {
	r, err := OpenInput(name, opts)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

type limitedFile struct {
	f *os.File
	r io.Reader
}

func (l *limitedFile) Read(p []byte) (int, error) { return l.r.Read(p) }
func (l *limitedFile) Close() error               { return l.f.Close() }

// LimitReader returns a reader of r that fails with ErrTooLarge (naming
// kind and name) once more than limit bytes come from r, instead of
// ending quietly as io.LimitReader does.
func LimitReader(r io.Reader, limit int64, kind, name string) io.Reader {
	return &limitReader{r: r, left: limit, limit: limit, kind: kind, name: name}
}

type limitReader struct {
	r           io.Reader
	left, limit int64
	kind, name  string
	err         error
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	if int64(n) > l.left {
		l.err = tooLarge(l.kind, l.name, l.limit)
		return int(l.left), l.err
	}
	l.left -= int64(n)
	return n, err
}

func tooLarge(kind, name string, limit int64) error {
	return fmt.Errorf("%s %s: larger than the %s limit: %w", kind, name, sizeText(limit), ErrTooLarge)
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d-byte", n)
}
