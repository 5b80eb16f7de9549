package srt

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
)

func encCaption(start time.Duration, lines ...string) captions.Caption {
	c := captions.Caption{Start: start, End: start + time.Second}
	for _, l := range lines {
		c.Lines = append(c.Lines, captions.Line{Text: l})
	}
	return c
}

// The expected bytes are Windows-1252's code page table (Microsoft's
// cp1252 / WHATWG index), not our encoder's output.
func TestWriterEncodingsWriteTheCodePageBytes(t *testing.T) {
	text := "Café “déjà” – €5 œ"
	cases := []struct {
		enc  Encoding
		want []byte
	}{
		{UTF8, []byte("1\n00:00:01,000 --> 00:00:02,000\n" + text + "\n")},
		{UTF8BOM, append([]byte{0xEF, 0xBB, 0xBF}, "1\n00:00:01,000 --> 00:00:02,000\n"+text+"\n"...)},
		{Windows1252, append([]byte("1\n00:00:01,000 --> 00:00:02,000\nCaf"),
			0xE9, ' ', 0x93, 'd', 0xE9, 'j', 0xE0, 0x94, ' ', 0x96, ' ', 0x80, '5', ' ', 0x9C, '\n')},
	}
	for _, tc := range cases {
		t.Run(tc.enc.String(), func(t *testing.T) {
			var b bytes.Buffer
			w := NewWriter(&b)
			w.Encoding = tc.enc
			require.NoError(t, w.Write(encCaption(time.Second, text)))
			require.NoError(t, w.Flush())
			assert.Equal(t, tc.want, b.Bytes())

			// Our reader takes every one of them back to the same text.
			r := NewReader(bytes.NewReader(b.Bytes()))
			c, err := r.Read()
			require.NoError(t, err)
			assert.Equal(t, text, c.Lines[0].Text)
		})
	}
}

func TestWindows1252RefusesACharacterItHasNoByteFor(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Encoding = Windows1252
	require.NoError(t, w.Write(encCaption(time.Second, "fine é")))
	err := w.Write(encCaption(3*time.Second, "still fine", "Łódź"))
	require.Error(t, err)
	var ce *captions.CaptionError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 2, ce.Caption)
	var ee *EncodingError
	require.True(t, errors.As(err, &ee))
	assert.Equal(t, 2, ee.Line)
	assert.Equal(t, 'Ł', ee.Rune)
	assert.ErrorIs(t, err, ErrUnencodable)
	assert.Equal(t, `caption 2: line 2: "Ł" (U+0141) cannot be written in windows-1252`, err.Error())

	// Nothing of the refused caption was written; the Writer goes on.
	require.NoError(t, w.Write(encCaption(5*time.Second, "next")))
	require.NoError(t, w.Flush())
	assert.Equal(t, "1\n00:00:01,000 --> 00:00:02,000\nfine \xe9\n\n2\n00:00:05,000 --> 00:00:06,000\nnext\n", b.String())
}

func TestWriteDocumentInWindows1252WritesNothingWhenOneCaptionFails(t *testing.T) {
	doc := captions.Document{Captions: []captions.Caption{
		encCaption(time.Second, "ok"),
		encCaption(2*time.Second, "ok", "ok"),
		encCaption(3*time.Second, "one", "two", "日本"),
	}}
	var b bytes.Buffer
	_, err := Write(&b, doc, WriteOptions{Encoding: Windows1252})
	var ee *EncodingError
	require.True(t, errors.As(err, &ee), "%v", err)
	assert.Equal(t, 3, ee.Line)
	assert.Equal(t, '日', ee.Rune)
	assert.Contains(t, err.Error(), "caption 3: line 3:")
	assert.Contains(t, err.Error(), "U+65E5")
	assert.Zero(t, b.Len())

	_, err = Write(&b, doc, WriteOptions{Encoding: UTF8BOM})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(b.String(), "\uFEFF1\n"))
}

func TestBOMWrittenOnceEvenWithoutCaptions(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Encoding = UTF8BOM
	require.NoError(t, w.Flush())
	require.NoError(t, w.Flush())
	assert.Equal(t, "\uFEFF", b.String())
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]Encoding{"utf-8": UTF8, "UTF8": UTF8, "utf-8-bom": UTF8BOM, "Windows-1252": Windows1252, "cp1252": Windows1252} {
		got, err := ParseEncoding(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		back, err := ParseEncoding(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, back)
	}
	_, err := ParseEncoding("latin1")
	assert.ErrorIs(t, err, ErrEncodingName)
	assert.Contains(t, err.Error(), "utf-8, utf-8-bom, windows-1252")
}

// BenchmarkWriteEncoding writes 10,000 two-line cues with accented text
// in each encoding (bytes/s of output).
func BenchmarkWriteEncoding(b *testing.B) {
	caps := make([]captions.Caption, 10000)
	for i := range caps {
		caps[i] = encCaption(time.Duration(i)*2*time.Second, "Café “déjà vu” à l’école", "– €5, s’il vous plaît")
	}
	for _, e := range []Encoding{UTF8, UTF8BOM, Windows1252} {
		b.Run(e.String(), func(b *testing.B) {
			var n int64
			b.ReportAllocs()
			for b.Loop() {
				var cw countWriter
				w := NewWriter(&cw)
				w.Encoding = e
				for _, c := range caps {
					if err := w.Write(c); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
				n = int64(cw)
			}
			b.SetBytes(n)
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
