package vtt

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	f.Add([]byte("WEBVTT\n\n id\n25:00:00.000 --> 25:00:00.000\n<b><u>bold</u></b>\n<i><b>x</b></i>\n"))
	// Every file of the W3C conformance suite (testdata/wpt).
	files, err := filepath.Glob("testdata/wpt/*.test")
	if err != nil || len(files) == 0 {
		f.Fatal("no testdata/wpt files", err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		_, body, _ := strings.Cut(string(b), "\n\n")
		_, src, _ := strings.Cut(body, "===\n")
		f.Add(unescapePy(f, src))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		codec().FuzzReadBack(t, in, equal)
	})
}

// equal reports whether a, read back, is b as written: an identifier the
// writer can write comes back as it was.
func equal(a, b captions.Caption) bool {
	if validID(b.ID) && a.ID != b.ID {
		return false
	}
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
		cuetest.FuzzSkipMalformed(t, in, rd)
	})
}
