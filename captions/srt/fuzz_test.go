package srt

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/internal/cuetest"
	"github.com/sotcap/sotcap/captions/internal/cuetext"
	"github.com/sotcap/sotcap/timing"
)

// FuzzReader checks that the reader never panics, returns either cues or
// a *captions.ParseError, and that whatever it reads and our writer
// accepts reads back the same.
func FuzzReader(f *testing.F) {
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> <b>world</b>\n\n2\r\n00:00:03,000 --> 00:00:04,000\r\n{\\an8}x\r\n"))
	f.Add([]byte("\ufeff1\r00:00:01.5 --> 00:00:02,25\r\x93a\x94\r\r\rb\r"))
	f.Add([]byte("00:00:01,000 --> 00:00:02,000\n<font color=\"yellow\">y</font>\n2\n00:00:03,000 --> 00:00:04,000\n"))
	caps, _ := cuetest.FrameCaptions(20, timing.Rate2997())
	var b bytes.Buffer
	if err := Write(&b, captions.Document{Captions: caps}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		r := NewReader(bytes.NewReader(in))
		got, err := r.ReadAll()
		if err != nil {
			var pe *captions.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a ParseError", err, err)
			}
			return
		}
		for i, c := range got {
			if c.End < c.Start {
				t.Fatalf("cue %d ends before it starts", i+1)
			}
		}
		if len(r.Warnings()) > 100 || r.WarningCount() < len(r.Warnings()) {
			t.Fatalf("warnings %d, count %d", len(r.Warnings()), r.WarningCount())
		}
		// Round trip what the writer accepts.
		var keep []captions.Caption
		w := NewWriter(io.Discard)
		for _, c := range got {
			if w.Write(c) == nil {
				keep = append(keep, c)
			}
		}
		var out bytes.Buffer
		if err := Write(&out, captions.Document{Captions: keep}); err != nil {
			t.Fatalf("writing what the writer accepted one by one: %v", err)
		}
		back, err := NewReader(&out).ReadAll()
		if err != nil {
			t.Fatalf("reading back %q: %v", out.String(), err)
		}
		if len(back) != len(keep) {
			t.Fatalf("read back %d cues, wrote %d:\n%s", len(back), len(keep), out.String())
		}
		for i := range keep {
			if back[i].Text() != keep[i].Text() || back[i].Start != msRound(keep[i].Start) || back[i].End != msRound(keep[i].End) {
				t.Fatalf("cue %d: %+v read back as %+v\n%s", i+1, keep[i], back[i], out.String())
			}
		}
	})
}

func msRound(d time.Duration) time.Duration {
	return time.Duration(cuetext.Millis(d)) * time.Millisecond
}
