package scc

import (
	"io"
	"strconv"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// manyCaptions returns n one-line pop-on captions back to back, 22 frames
// each from 00:00:01;00: 100,000 of them fill 20 hours, as many as 2 bytes
// a frame can carry in a day with room to load each.
func manyCaptions(n int) captions.Document {
	doc := captions.Document{Captions: make([]captions.Caption, n)}
	f := timing.Frame(30)
	for i := range doc.Captions {
		doc.Captions[i] = captions.Caption{Start: df.Duration(f), End: df.Duration(f + 22), Lines: []captions.Line{{Text: "Café nº" + strconv.Itoa(i)}}}
		if i%10 == 0 {
			doc.Captions[i].Lines[0] = captions.Line{Text: "«Oui» ½", Italic: true}
		}
		f += 22
	}
	return doc
}

func BenchmarkWrite(b *testing.B) {
	doc := manyCaptions(100000)
	out, _ := mustEncode(b, doc, WriteOptions{})
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Write(io.Discard, doc, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data, _ := mustEncode(b, manyCaptions(100000), WriteOptions{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Decode(data, ReadOptions{})
		if err != nil || len(f.Document.Captions) != 100000 {
			b.Fatal(err)
		}
	}
}

// TestManyCaptions: the benchmark's 100,000 captions round-trip.
func TestManyCaptions(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	doc := manyCaptions(100000)
	b, w := mustEncode(t, doc, WriteOptions{})
	if len(w) != 1 { // º is written as o
		t.Errorf("warnings %v", w)
	}
	for i := range doc.Captions {
		doc.Captions[i].Lines[0].Text = collapseSpaces(doc.Captions[i].Lines[0].Text)
	}
	got := mustDecode(t, b, ReadOptions{Strict: true}).Document.Captions
	if len(got) != len(doc.Captions) || got[99999].End != doc.Captions[99999].End || got[12345].Lines[0].Text != "Café no12345" {
		t.Fatalf("%d captions, last %v", len(got), got[len(got)-1])
	}
}
