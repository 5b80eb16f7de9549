package vtt

import (
	"bytes"
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
)

// FuzzReader checks that the reader never panics, returns either cues or
// a *captions.ParseError, and that whatever it reads and our writer
// accepts reads back the same, styles included.
func FuzzReader(f *testing.F) {
	f.Add([]byte("WEBVTT\n\nNOTE x\n\nid\n00:01.000 --> 00:02.000 line:83% align:start\n<v Anna>Hello</v> <c.yellow><i>world</i></c>\n\n00:00:03.000 --> 00:00:04.000\n&amp;&lt;&#x41;\n"))
	f.Add([]byte("\ufeffWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n\x93a\x94\r\n\r\nb\r\n"))
	f.Add([]byte("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\nSTYLE\n::cue{}\n\n00:00.000 --> 00:01.000 line:-2 align:end\n<ruby>a<rt>b</rt></ruby><00:00.500>c\n"))
	f.Add(writeStyled(f))
	f.Fuzz(func(t *testing.T, in []byte) {
		codec().FuzzReadBack(t, in, equal)
	})
}

func equal(a, b captions.Caption) bool {
	if a.Start != b.Start || a.End != b.End || a.Row != b.Row || a.Align != b.Align || len(a.Lines) != len(b.Lines) {
		return false
	}
	for i := range a.Lines {
		if a.Lines[i] != b.Lines[i] {
			return false
		}
	}
	return true
}

func writeStyled(f *testing.F) []byte {
	var b bytes.Buffer
	if err := writeDoc(&b, captions.Document{Captions: styled()}); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// FuzzSkipMalformed checks the QC reading mode (see cuetest.FuzzSkipMalformed).
func FuzzSkipMalformed(f *testing.F) {
	for _, seed := range cuetest.SkipMalformedSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		rd := NewReader(bytes.NewReader(in))
		rd.SkipMalformed = true
		cuetest.FuzzSkipMalformed(t, in, rd)
	})
}
