package srt

import (
	"bytes"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
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
	if err := writeDoc(&b, captions.Document{Captions: caps}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		codec().FuzzReadBack(t, in, func(back, wrote captions.Caption) bool {
			return back.Text() == wrote.Text() && back.Start == wrote.Start && back.End == wrote.End
		})
	})
}

// FuzzSkipMalformed checks the QC reading mode (see cuetest.FuzzSkipMalformed).
func FuzzSkipMalformed(f *testing.F) {
	for _, seed := range cuetest.SkipMalformedSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		rd := NewReader(bytes.NewReader(in))
		cuetest.FuzzSkipMalformed(t, in, rd)
	})
}
