package stl

import (
	"io"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// BenchmarkWrite writes the most captions one file can hold (65,535; an
// EBU STL file cannot number 100,000), two rows each with curly quotes.
func BenchmarkWrite(b *testing.B) {
	doc := manyCaptions(MaxSubtitles)
	o := Options{Rate: timing.Rate25(), Country: "GBR", Created: fixed}
	out, _, err := Encode(doc, o)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Write(io.Discard, doc, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead reads that file back.
func BenchmarkRead(b *testing.B) {
	doc := manyCaptions(MaxSubtitles)
	data, _, err := Encode(doc, Options{Rate: timing.Rate25(), Country: "GBR", Created: fixed})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Decode(data, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
