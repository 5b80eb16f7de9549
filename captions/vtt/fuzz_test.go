package vtt

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/internal/cuetext"
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
		r := NewReader(bytes.NewReader(in))
		got, err := r.ReadAll()
		if err != nil {
			var pe *captions.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a ParseError", err, err)
			}
			return
		}
		for i, c := range got {
			if c.End < c.Start {
				t.Fatalf("cue %d ends before it starts", i+1)
			}
		}
		var keep []captions.Caption
		w := NewWriter(io.Discard)
		for _, c := range got {
			if w.Write(c) == nil {
				keep = append(keep, c)
			}
		}
		var out bytes.Buffer
		if err := Write(&out, captions.Document{Captions: keep}); err != nil {
			t.Fatalf("writing what the writer accepted one by one: %v", err)
		}
		back, err := NewReader(&out).ReadAll()
		if err != nil {
			t.Fatalf("reading back %q: %v", out.String(), err)
		}
		if len(back) != len(keep) {
			t.Fatalf("read back %d cues, wrote %d:\n%s", len(back), len(keep), out.String())
		}
		for i := range keep {
			k := keep[i]
			k.Start, k.End = msRound(k.Start), msRound(k.End)
			if !equal(back[i], k) {
				t.Fatalf("cue %d: %+v read back as %+v\n%s", i+1, k, back[i], out.String())
			}
		}
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

func msRound(d time.Duration) time.Duration {
	return time.Duration(cuetext.Millis(d)) * time.Millisecond
}

func writeStyled(f *testing.F) []byte {
	var b bytes.Buffer
	if err := Write(&b, captions.Document{Captions: styled()}); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}
