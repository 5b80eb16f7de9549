package srt

import (
	"bytes"
	"io"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/internal/cuetest"
	"github.com/sotcap/sotcap/timing"
)

func bench100k(b *testing.B) ([]captions.Caption, []byte) {
	caps, _ := cuetest.FrameCaptions(100000, timing.Rate25())
	var buf bytes.Buffer
	if err := Write(&buf, captions.Document{Captions: caps}); err != nil {
		b.Fatal(err)
	}
	return caps, buf.Bytes()
}

// BenchmarkWrite100k writes 100,000 captions (bytes/s of SRT output).
func BenchmarkWrite100k(b *testing.B) {
	caps, out := bench100k(b)
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, captions.Document{Captions: caps}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead100k reads a 100,000-cue SRT (bytes/s of SRT input).
func BenchmarkRead100k(b *testing.B) {
	_, in := bench100k(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := NewReader(bytes.NewReader(in))
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
