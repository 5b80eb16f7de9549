package srt

import (
	"io"
	"testing"

	"github.com/sotcap/sotcap/captions"

	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
)

// codec is the SRT reader and writer, for the tests shared with the
// other cue format.
func codec() cuetest.Codec {
	return cuetest.Codec{
		NewReader: func(r io.Reader) cuetest.Reader { return NewReader(r) },
		NewWriter: func(w io.Writer) cuetest.Writer { return NewWriter(w) },
		Write:     writeDoc,
	}
}

// writeDoc is Write without options or warnings, for the shared tests.
func writeDoc(w io.Writer, doc captions.Document) error {
	_, err := Write(w, doc, WriteOptions{})
	return err
}

// BenchmarkWrite100k writes 100,000 captions (bytes/s of SRT output).
func BenchmarkWrite100k(b *testing.B) { codec().BenchmarkWrite100k(b) }

// BenchmarkRead100k reads a 100,000-cue SRT (bytes/s of SRT input).
func BenchmarkRead100k(b *testing.B) { codec().BenchmarkRead100k(b) }
