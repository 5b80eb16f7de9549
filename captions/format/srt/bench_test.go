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

// nested returns an SRT file of one cue whose text is depth nested tags
// (cuetest.Nested).
func nested(depth int, open, close string) []byte {
	return cuetest.Nested("1\n00:00:00,000 --> 00:00:01,000\n", depth, open, close)
}

// BenchmarkNestedTags reads cue text with tags nested ever deeper: the
// time per tag stays the same (cue text parsing is linear).
func BenchmarkNestedTags(b *testing.B) {
	codec().BenchmarkNestedTags(b, func(depth int) []byte { return nested(depth, `<font color="yellow"><i>`, "</i></font>") })
}
