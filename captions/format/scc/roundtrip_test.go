package scc

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// TestRoundTrip: random documents (accents, special and extended
// characters, italics, colours, rows, alignments, back-to-back captions)
// read back exactly: every start and end frame, text and style, at every
// label mode and on both channels.
func TestRoundTrip(t *testing.T) {
	for _, o := range []WriteOptions{{}, {NonDrop: true}, {Rate: timing.Rate30()}, {Channel: 2}} {
		r := o.Rate
		if r.IsZero() {
			r = df
		}
		for seed := uint64(1); seed <= 20; seed++ {
			doc := randomDoc(rand.New(rand.NewPCG(seed, 7)), 200, r)
			b, _ := mustEncode(t, doc, o)
			f := mustDecode(t, b, ReadOptions{Rate: o.Rate, Channel: o.Channel, Strict: true})
			sameCaptions(t, r, doc.Captions, f.Document.Captions)
			if f.WarningCount != 0 {
				t.Fatalf("warnings reading our own file: %v", f.Warnings)
			}
			// What was read writes back to the same bytes.
			b2, _ := mustEncode(t, f.Document, o)
			if !bytes.Equal(b, b2) {
				t.Fatalf("%+v seed %d: read and written again, the file changed", o, seed)
			}
		}
	}
}
