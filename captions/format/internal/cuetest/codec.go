package cuetest

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
	"github.com/sotcap/sotcap/timing"
)

// Reader is what the SRT and WebVTT readers have in common.
type Reader interface {
	Read() (captions.Caption, error)
	ReadAll() ([]captions.Caption, error)
	Warnings() []captions.Warning
	WarningCount() int
}

// Writer is what the SRT and WebVTT writers have in common.
type Writer interface {
	Write(captions.Caption) error
	Flush() error
}

// Codec is one format's reader and writer, for the tests both formats
// share.
type Codec struct {
	NewReader func(io.Reader) Reader
	NewWriter func(io.Writer) Writer
	// Write writes a whole document, checking every caption first.
	Write func(io.Writer, captions.Document) error
}

func (c Codec) bench100k(b *testing.B) ([]captions.Caption, []byte) {
	caps, _ := FrameCaptions(100000, timing.Rate25())
	var buf bytes.Buffer
	if err := c.Write(&buf, captions.Document{Captions: caps}); err != nil {
		b.Fatal(err)
	}
	return caps, buf.Bytes()
}

// BenchmarkWrite100k writes 100,000 captions (bytes/s of output).
func (c Codec) BenchmarkWrite100k(b *testing.B) {
	caps, out := c.bench100k(b)
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Write(io.Discard, captions.Document{Captions: caps}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead100k reads a 100,000-cue file one cue at a time (bytes/s
// of input).
func (c Codec) BenchmarkRead100k(b *testing.B) {
	_, in := c.bench100k(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := c.NewReader(bytes.NewReader(in))
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100000 {
			b.Fatal(n)
		}
	}
}

// FuzzReadBack is the body of a reader's fuzz test: the reader must not
// panic, must return cues or a *captions.ParseError, no cue may end
// before it starts, warnings stay bounded, and whatever it reads and the
// writer accepts must read back the same: same(back, wrote) compares a
// cue read back with the one written, whose times are rounded to the
// millisecond.
func (c Codec) FuzzReadBack(t *testing.T, in []byte, same func(back, wrote captions.Caption) bool) {
	r := c.NewReader(bytes.NewReader(in))
	got, err := r.ReadAll()
	if err != nil {
		var pe *captions.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T %v is not a ParseError", err, err)
		}
		return
	}
	if len(r.Warnings()) > 100 || r.WarningCount() < len(r.Warnings()) {
		t.Fatalf("warnings %d, count %d", len(r.Warnings()), r.WarningCount())
	}
	// Round trip what the writer accepts.
	var keep []captions.Caption
	w := c.NewWriter(io.Discard)
	for _, c := range got {
		if w.Write(c) == nil {
			keep = append(keep, c)
		}
	}
	var out bytes.Buffer
	if err := c.Write(&out, captions.Document{Captions: keep}); err != nil {
		t.Fatalf("writing what the writer accepted one by one: %v", err)
	}
	back, err := c.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatalf("reading back %q: %v", out.String(), err)
	}
	if len(back) != len(keep) {
		t.Fatalf("read back %d cues, wrote %d:\n%s", len(back), len(keep), out.String())
	}
	for i := range keep {
		k := keep[i]
		k.Start, k.End = msRound(k.Start), msRound(k.End)
		if k.ID == "" {
			k.ID = back[i].ID // numbered by the writer
		}
		if !same(back[i], k) {
			t.Fatalf("cue %d: %+v read back as %+v\n%s", i+1, k, back[i], out.String())
		}
	}
}

func msRound(d time.Duration) time.Duration {
	return time.Duration(cuetext.Millis(d)) * time.Millisecond
}

// WriteRead writes caps as a document and reads them back, failing t if
// either fails; it returns the captions read and the reader, for its
// warnings.
func (c Codec) WriteRead(t *testing.T, caps []captions.Caption) ([]captions.Caption, Reader) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, c.Write(&b, captions.Document{Captions: caps}))
	r := c.NewReader(&b)
	got, err := r.ReadAll()
	require.NoError(t, err)
	return got, r
}

// AssertRoundTrip checks captions read back (got) against those written
// (want, passed through keep when not nil, for what the format keeps):
// times within half a millisecond, on the same frame at rate when frames
// holds each caption's frames, the identifier the caption's number when
// it had none (both writers number such cues 1, 2, 3…), and everything
// else equal.
func AssertRoundTrip(t *testing.T, want, got []captions.Caption, rate timing.Rate, frames [][2]timing.Frame, keep func(captions.Caption) captions.Caption) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		w, g := want[i], got[i]
		if keep != nil {
			w = keep(w)
		}
		if w.ID == "" {
			w.ID = strconv.Itoa(i + 1)
		}
		// Times come back rounded to the millisecond: within half a
		// millisecond of the real time, and on the same frame.
		if d := g.Start - w.Start; d > 500*time.Microsecond || d < -500*time.Microsecond {
			t.Fatalf("cue %d start %v, want %v", i+1, g.Start, w.Start)
		}
		if d := g.End - w.End; d > 500*time.Microsecond || d < -500*time.Microsecond {
			t.Fatalf("cue %d end %v, want %v", i+1, g.End, w.End)
		}
		if frames != nil {
			require.Equal(t, frames[i][0], rate.Frames(g.Start), "cue %d start frame", i+1)
			require.Equal(t, frames[i][1], rate.Frames(g.End), "cue %d end frame", i+1)
		}
		g.Start, g.End = w.Start, w.End
		require.Equal(t, w, g, "cue %d", i+1)
	}
}

// AssertCues checks an independent reader's cues (who names it) against
// the captions we meant to write: same count, same text, times within
// 1 ms.
func AssertCues(t *testing.T, who string, want []captions.Caption, got []Cue) {
	t.Helper()
	require.Len(t, got, len(want), "%s cue count", who)
	for i, w := range want {
		g := got[i]
		if !Within1ms(g.Start, w.Start) || !Within1ms(g.End, w.End) {
			t.Fatalf("%s cue %d: %v --> %v, want %v --> %v", who, i+1, g.Start, g.End, w.Start, w.End)
		}
		if g.Text != w.Text() {
			t.Fatalf("%s cue %d text %q, want %q", who, i+1, g.Text, w.Text())
		}
	}
}

// WarnText returns a reader's warnings, one a line, for assert.Contains.
func WarnText(r interface{ Warnings() []captions.Warning }) string {
	var s []string
	for _, w := range r.Warnings() {
		s = append(s, w.String())
	}
	return strings.Join(s, "\n")
}

// SkippingReader is a Reader in check's reading mode (SkipMalformed set).
type SkippingReader interface {
	Reader
	Skipped() int
}

// SkipMalformedSeeds are the seed inputs of both formats' FuzzSkipMalformed.
func SkipMalformedSeeds() [][]byte {
	return [][]byte{
		[]byte("WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:03,000 -> 00:00:04,000\nBad.\n\n00:00:05.000 --> 00:00:0x.000\nBad end.\n\n00:00:07.000 --> 00:00:08.000\nEight.\n"),
		[]byte("1\n00:00:01,000 --> 00:00:00,500\nEnds first.\n\n\n\n"),
	}
}

// FuzzSkipMalformed checks the QC reading mode on in: it never panics or
// loops, every cue it returns is well formed, and every cue it skips is
// reported with a warning.
func FuzzSkipMalformed(t *testing.T, in []byte, rd SkippingReader) {
	_, err := rd.ReadAll()
	if err != nil {
		var pe *captions.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a ParseError", err)
		}
	}
	if rd.Skipped() > 0 && rd.WarningCount() < rd.Skipped() {
		t.Fatalf("%d cues skipped, %d warnings", rd.Skipped(), rd.WarningCount())
	}
	if lines := bytes.Count(in, []byte("\n")) + 1; rd.Skipped() > lines {
		t.Fatalf("skipped %d cues in %d lines", rd.Skipped(), lines)
	}
}

// Nested returns a one-cue file whose text is depth nested tags: head (the
// format's header and timing line), then up to 10,000 start tags and the
// word "in" a line, then up to 10,000 end tags and the word "out" a line
// (a line stays under 1 MiB).
func Nested(head string, depth int, open, close string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	for _, tag := range []string{open, close} {
		for n := depth; n > 0; n -= 10000 {
			b.WriteString(strings.Repeat(tag, min(n, 10000)))
			if tag == open {
				b.WriteString("in\n")
			} else {
				b.WriteString("out\n")
			}
		}
	}
	return b.Bytes()
}

// BenchmarkNestedTags reads cue text with tags nested ever deeper (nested
// builds the input at a depth): the time per tag stays the same when cue
// text parsing is linear.
func (c Codec) BenchmarkNestedTags(b *testing.B, nested func(depth int) []byte) {
	for _, depth := range []int{1000, 10000, 100000} {
		in := nested(depth)
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				r := c.NewReader(bytes.NewReader(in))
				for {
					if _, err := r.Read(); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
