// Package cuetext holds what the SRT and WebVTT packages share: a line
// reader that normalises encodings and line endings, the cue reader built
// on it (pushed-back lines, warnings, where a cue's text ends, timing
// lines), millisecond timestamps, the checks every written caption
// passes, the cue writer, and the builder that turns styled runs of text
// into caption lines. Each format keeps only its own syntax and markup.
package cuetext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxLine is the longest line a LineReader accepts, in bytes. A longer
// line is an error rather than a silent end of input.
const MaxLine = 1 << 20

// ErrLineTooLong is returned (wrapped in a ParseError by callers) for a
// line longer than MaxLine.
var ErrLineTooLong = errors.New("line longer than 1 MiB")

// LineReader reads lines from text in UTF-8 (with or without a byte order
// mark), UTF-16 (with a byte order mark) or Windows-1252, ended by LF,
// CRLF or CR, and returns each as UTF-8 without its ending. Lines that are
// not valid UTF-8 are decoded as Windows-1252, and the first such line is
// reported through Warn.
type LineReader struct {
	r          io.Reader
	buf        []byte
	start, end int
	err        error // sticky error from r
	n          int   // number of the last line returned
	started    bool
	dec        []byte // scratch for Windows-1252 decoding
	cp1252     int    // lines decoded as Windows-1252
	nul        []byte // scratch for NUL replacement
	nuls       int    // lines with a NUL
	// Warn, when set, receives warnings about the encoding.
	Warn func(line int, msg string)
}

// NewLineReader returns a LineReader reading from r.
func NewLineReader(r io.Reader) *LineReader {
	return &LineReader{r: r, buf: make([]byte, 64<<10)}
}

// Line returns the 1-based number of the line last returned by Next.
func (lr *LineReader) Line() int { return lr.n }

// fill reads more input, moving unread bytes to the front and growing the
// buffer when a line fills it.
func (lr *LineReader) fill() error {
	if lr.start > 0 {
		lr.end = copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.start = 0
	}
	if lr.end == len(lr.buf) {
		if len(lr.buf) >= MaxLine+2 {
			return ErrLineTooLong
		}
		nb := make([]byte, min(2*len(lr.buf), MaxLine+2))
		copy(nb, lr.buf[:lr.end])
		lr.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := lr.r.Read(lr.buf[lr.end:])
		lr.end += n
		if err != nil {
			lr.err = err
			return nil
		}
		if n > 0 {
			return nil
		}
	}
	lr.err = io.ErrNoProgress
	return nil
}

// begin detects a byte order mark at the start of the input.
func (lr *LineReader) begin() error {
	lr.started = true
	for lr.end-lr.start < 3 && lr.err == nil {
		if err := lr.fill(); err != nil {
			return err
		}
	}
	b := lr.buf[lr.start:lr.end]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		lr.start += 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		// UTF-16 with a byte order mark: decode everything to UTF-8 first.
		rest := append([]byte(nil), b...)
		var src io.Reader = bytes.NewReader(rest)
		if lr.err == nil {
			src = io.MultiReader(src, lr.r)
		} else if lr.err != io.EOF {
			return lr.err
		}
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		lr.r = transform.NewReader(src, dec)
		lr.start, lr.end, lr.err = 0, 0, nil
	}
	return nil
}

// Next returns the next line without its ending. The slice is valid until
// the next call. At the end of the input it returns io.EOF; a read error
// is returned as is.
func (lr *LineReader) Next() ([]byte, error) {
	if !lr.started {
		if err := lr.begin(); err != nil {
			return nil, err
		}
	}
	scanned := 0 // bytes after start already known to hold no line ending
	for {
		b := lr.buf[lr.start:lr.end]
		for k := scanned; k < len(b); k++ {
			c := b[k]
			if c == '\n' {
				lr.start += k + 1
				return lr.finish(b[:k])
			}
			if c == '\r' {
				if k+1 < len(b) {
					adv := k + 1
					if b[k+1] == '\n' {
						adv++
					}
					lr.start += adv
					return lr.finish(b[:k])
				}
				if lr.err != nil {
					lr.start += k + 1
					return lr.finish(b[:k])
				}
				// A CR at the end of the buffer: read on to see whether
				// an LF follows (a CRLF split across reads is one ending).
				break
			}
		}
		if lr.err != nil {
			if len(b) == 0 {
				if lr.err == io.EOF {
					return nil, io.EOF
				}
				return nil, lr.err
			}
			lr.start = lr.end
			return lr.finish(b)
		}
		scanned = len(b)
		if scanned > 0 && b[scanned-1] == '\r' {
			scanned--
		}
		if err := lr.fill(); err != nil {
			lr.n++
			return nil, err
		}
	}
}

// finish counts the line and makes sure it is UTF-8.
func (lr *LineReader) finish(line []byte) ([]byte, error) {
	lr.n++
	if len(line) > MaxLine {
		return nil, ErrLineTooLong
	}
	if bytes.IndexByte(line, 0) >= 0 {
		line = lr.replaceNUL(line)
	}
	if utf8.Valid(line) {
		return line, nil
	}
	lr.cp1252++
	if lr.cp1252 == 1 && lr.Warn != nil {
		lr.Warn(lr.n, "text is not UTF-8; read as Windows-1252")
	}
	lr.dec = lr.dec[:0]
	for _, c := range line {
		if c < utf8.RuneSelf {
			lr.dec = append(lr.dec, c)
			continue
		}
		lr.dec = utf8.AppendRune(lr.dec, charmap.Windows1252.DecodeByte(c))
	}
	return lr.dec, nil
}

// replaceNUL replaces every NUL in line with U+FFFD, as the WebVTT parser
// does (and as SRT players show it), and warns about the first.
func (lr *LineReader) replaceNUL(line []byte) []byte {
	lr.nuls++
	if lr.nuls == 1 && lr.Warn != nil {
		lr.Warn(lr.n, "NUL character read as U+FFFD")
	}
	lr.nul = lr.nul[:0]
	for {
		i := bytes.IndexByte(line, 0)
		if i < 0 {
			return append(lr.nul, line...)
		}
		lr.nul = append(append(lr.nul, line[:i]...), "\uFFFD"...)
		line = line[i+1:]
	}
}

// Windows1252Lines returns how many lines were decoded as Windows-1252.
func (lr *LineReader) Windows1252Lines() int { return lr.cp1252 }

// Warnings collects warnings: the first hundred are kept, all are counted,
// so that memory stays bounded on any input.
type Warnings struct {
	list  []captions.Warning
	count int
}

// MaxWarnings is how many warnings a Warnings keeps.
const MaxWarnings = 100

// Add records a warning about a line.
func (w *Warnings) Add(line int, format string, args ...any) {
	w.count++
	if len(w.list) < MaxWarnings {
		msg := format
		if len(args) > 0 {
			msg = fmt.Sprintf(format, args...)
		}
		w.list = append(w.list, captions.Warning{Line: line, Message: msg})
	}
}

// Count returns how many warnings were added.
func (w *Warnings) Count() int { return w.count }

// List returns a copy of the kept warnings.
func (w *Warnings) List() []captions.Warning {
	return append([]captions.Warning(nil), w.list...)
}

// NextByte finds the next occurrence of a byte in one line, remembering
// where it found it, so that searching from every position of the line
// in turn costs time linear in the line's length in all. The zero value
// is ready; use a new one for each line.
type NextByte struct {
	at    int
	valid bool
}

// Find returns the offset of the first c at or after i in b, or -1. Calls
// for one b must not decrease i.
func (f *NextByte) Find(b []byte, i int, c byte) int {
	if !f.valid || (f.at >= 0 && f.at < i) {
		f.valid = true
		f.at = -1
		if k := bytes.IndexByte(b[i:], c); k >= 0 {
			f.at = i + k
		}
	}
	return f.at
}
