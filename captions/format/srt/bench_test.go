package srt

import (
	"bytes"
	"io"
	"strconv"
	"strings"
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

// nested returns an SRT file of one cue whose text is depth nested tags:
// 10,000 start tags and the word "in" a line, then 10,000 end tags and
// the word "out" a line.
func nested(depth int, open, close string) []byte {
	var b bytes.Buffer
	b.WriteString("1\n00:00:00,000 --> 00:00:01,000\n")
	for _, tag := range []string{open, close} {
		for n := depth; n > 0; n -= 10000 {
			b.WriteString(strings.Repeat(tag, min(n, 10000)))
			if tag == open {
				b.WriteString("in\n")
			} else {
				b.WriteString("out\n")
			}
		}
	}
	return b.Bytes()
}

// BenchmarkNestedTags reads cue text with tags nested ever deeper: the
// time per tag stays the same (cue text parsing is linear).
func BenchmarkNestedTags(b *testing.B) {
	for _, depth := range []int{1000, 10000, 100000} {
		in := nested(depth, `<font color="yellow"><i>`, "</i></font>")
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewReader(bytes.NewReader(in)).ReadAll(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
