package ebuttd

import (
	"bytes"
	"io"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
	"github.com/sotcap/sotcap/timing"
)

func doc100k(b *testing.B) (captions.Document, []byte) {
	caps, _ := cuetest.FrameCaptions(100000, timing.Rate25())
	doc := captions.Document{Language: "en", Captions: caps}
	out, _, err := Encode(doc, WriteOptions{Rate: timing.Rate25()})
	if err != nil {
		b.Fatal(err)
	}
	return doc, out
}

// BenchmarkWrite100k writes 100,000 captions (bytes/s of output).
func BenchmarkWrite100k(b *testing.B) {
	doc, out := doc100k(b)
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Write(io.Discard, doc, WriteOptions{Rate: timing.Rate25()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead100k reads a 100,000-caption document (bytes/s of input).
func BenchmarkRead100k(b *testing.B) {
	_, in := doc100k(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, _, err := Read(bytes.NewReader(in), ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Captions) != 100000 {
			b.Fatal(len(d.Captions))
		}
	}
}
