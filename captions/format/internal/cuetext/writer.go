package cuetext

import (
	"bufio"
	"io"
	"time"

	"github.com/sotcap/sotcap/captions"
)

// CueWriter holds what the SRT and WebVTT writers share: the buffered
// output, the number and start of the last cue written, and the first
// write error, which every later call returns. Call Init before use.
type CueWriter struct {
	// Warns collects what the format could not carry, once per kind.
	Warns Warnings

	bw   *bufio.Writer
	buf  []byte
	n    int
	prev int64
	err  error
	seen []string // kinds warned about
}

// WarnOnce adds a warning about caption index (counted from 1) unless one
// of the same kind was added before.
func (w *CueWriter) WarnOnce(kind string, index int, format string, args ...any) {
	for _, k := range w.seen {
		if k == kind {
			return
		}
	}
	w.seen = append(w.seen, kind)
	w.Warns.Add(0, "caption %d: "+format+" (warned once)", append([]any{index}, args...)...)
}

// Init makes w write to out.
func (w *CueWriter) Init(out io.Writer) {
	w.bw = bufio.NewWriterSize(out, 64<<10)
	w.prev = -1
}

// Count returns how many cues were written.
func (w *CueWriter) Count() int { return w.n }

// Begin checks c with Check (origin subtracted, line adding the format's
// rules) and, when it passes, counts it and returns its times and an
// empty buffer to build the cue in. After a write error it returns that
// error.
func (w *CueWriter) Begin(c captions.Caption, origin time.Duration, line func(captions.Line) error) (Checked, []byte, error) {
	if w.err != nil {
		return Checked{}, nil, w.err
	}
	ck, err := Check(c, origin, w.prev, w.n+1, line)
	if err != nil {
		return Checked{}, nil, err
	}
	w.n++
	w.prev = ck.Start
	if ck.Start == ck.End {
		w.WarnOnce("zero-length", w.n, "zero-length cue written (starts and ends at %s); players do not show it", string(AppendTime(nil, ck.Start, '.')))
	}
	return ck, w.buf[:0], nil
}

// AppendTiming appends the cue number n (unless noNumber) and the timing
// line of ck, with sep before the milliseconds:
// "n\nHH:MM:SS,mmm --> HH:MM:SS,mmm" without the line's end.
func AppendTiming(b []byte, n int, ck Checked, sep byte, noNumber bool) []byte {
	if !noNumber {
		b = AppendInt(b, n)
		b = append(b, '\n')
	}
	b = AppendTime(b, ck.Start, sep)
	b = append(b, " --> "...)
	return AppendTime(b, ck.End, sep)
}

// End writes b, the cue Begin was called for, and keeps b's memory for
// the next cue.
func (w *CueWriter) End(b []byte) error {
	w.buf = b
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	return nil
}

// WriteString writes s (a file header) unless an error came first.
func (w *CueWriter) WriteString(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// Flush writes any buffered data to the underlying writer.
func (w *CueWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	if err := w.bw.Flush(); err != nil {
		w.err = err
	}
	return w.err
}

// Validate applies Check to caps in order, with origin subtracted from
// their times, and returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration, line func(captions.Line) error) error {
	prev := int64(-1)
	for i, c := range caps {
		ck, err := Check(c, origin, prev, i+1, line)
		if err != nil {
			return err
		}
		prev = ck.Start
	}
	return nil
}

// WriteAll writes caps one by one with write and then calls flush; call
// it once Validate has passed them, so that nothing is written when any
// caption is refused.
func WriteAll(caps []captions.Caption, write func(captions.Caption) error, flush func() error) error {
	for _, c := range caps {
		if err := write(c); err != nil {
			return err
		}
	}
	return flush()
}
