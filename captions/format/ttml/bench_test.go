package ttml

import (
	"bytes"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/tt/tttest"
	"github.com/sotcap/sotcap/timing"
)

// Benchmark100k writes and reads 100,000 captions (tttest.Bench100k).
func Benchmark100k(b *testing.B) {
	tttest.Bench100k(b,
		func(doc captions.Document, r timing.Rate) ([]byte, error) {
			out, _, err := Encode(doc, WriteOptions{Rate: r})
			return out, err
		},
		func(in []byte) (captions.Document, error) {
			d, _, err := Read(bytes.NewReader(in), ReadOptions{})
			return d, err
		})
}
