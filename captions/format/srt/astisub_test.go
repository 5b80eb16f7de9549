package srt

import (
	"bytes"
	"strings"
	"testing"
	"time"

	astisub "github.com/asticode/go-astisub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
	"github.com/sotcap/sotcap/timing"
)

// go-astisub v0.45.0 is our oracle for the SRT bytes: for captions whose
// times are whole milliseconds and whose text it does not escape, its
// writer and ours must agree byte for byte once its BOM is removed.
func TestAstisubWriterOracle(t *testing.T) {
	caps, _ := cuetest.FrameCaptions(2000, timing.Rate25()) // 40 ms frames: whole milliseconds
	caps = append(caps, captions.Caption{Start: 23*time.Hour + 59*time.Minute, End: 23*time.Hour + 59*time.Minute + 59*time.Second + 999*time.Millisecond,
		Lines: []captions.Line{{Text: "last"}}})
	s := astisub.NewSubtitles()
	for _, c := range caps {
		it := &astisub.Item{StartAt: c.Start, EndAt: c.End}
		for _, l := range c.Lines {
			li := astisub.LineItem{Text: l.Text}
			if l.Italic {
				li.InlineStyle = &astisub.StyleAttributes{SRTItalics: true}
			}
			it.Lines = append(it.Lines, astisub.Line{Items: []astisub.LineItem{li}})
		}
		s.Items = append(s.Items, it)
	}
	var want, got bytes.Buffer
	require.NoError(t, s.WriteToSRT(&want))
	// It escapes & and < in SRT text, which SRT readers do not unescape;
	// we write them as they are.
	w := strings.NewReplacer("&amp;", "&", "&lt;", "<").Replace(strings.TrimPrefix(want.String(), "\ufeff"))
	require.NoError(t, writeDoc(&got, captions.Document{Captions: caps}))
	assert.Equal(t, w, got.String())
	assert.True(t, strings.HasPrefix(want.String(), "\ufeff"), "go-astisub writes a BOM (we do not)")
}

// The defects of go-astisub's SRT reader that make us read with our own.
// Each test shows the defect in v0.45.0 and our reader getting it right;
// if go-astisub fixes one, the test says so.
func TestAstisubReaderDefects(t *testing.T) {
	t.Run("whitespace between tags is lost", func(t *testing.T) {
		in := "1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> <b>world</b>\n"
		s, err := astisub.ReadFromSRT(strings.NewReader(in))
		require.NoError(t, err)
		assert.Equal(t, "Helloworld", s.Items[0].String(), "go-astisub defect fixed?")
		caps, _ := readAll(t, in)
		assert.Equal(t, "Hello world", caps[0].Text())
	})
	t.Run("a blank line inside a cue drops the rest", func(t *testing.T) {
		in := "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nafter a blank line\n\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
		s, err := astisub.ReadFromSRT(strings.NewReader(in))
		require.NoError(t, err)
		require.Len(t, s.Items, 2)
		assert.Equal(t, "first", s.Items[0].String(), "go-astisub defect fixed?")
		caps, r := readAll(t, in)
		assert.Equal(t, "first\nafter a blank line", caps[0].Text())
		assert.Len(t, r.Warnings(), 1, "and we say so")
	})
	t.Run("CRLF split across its 4096-byte buffer drops lines", func(t *testing.T) {
		// 20,000 cues: the first CRLF split at its buffer's end falls
		// near cue 10,442 of this file (8 cues of these 20,000 and 73 of
		// 100,000 lose their text).
		caps, _ := cuetest.FrameCaptions(20000, timing.Rate25())
		var b bytes.Buffer
		require.NoError(t, writeDoc(&b, captions.Document{Captions: caps}))
		crlf := strings.ReplaceAll(b.String(), "\n", "\r\n")
		s, err := astisub.ReadFromSRT(strings.NewReader(crlf))
		require.NoError(t, err)
		lost := 0
		if len(s.Items) != len(caps) {
			lost = -1
		} else {
			for i, it := range s.Items {
				if len(it.Lines) != len(caps[i].Lines) {
					lost++
				}
			}
		}
		assert.NotZero(t, lost, "go-astisub defect fixed?")
		t.Logf("go-astisub lost lines in %d of %d cues (-1: cue count differs)", lost, len(caps))
		got, err := NewReader(strings.NewReader(crlf)).ReadAll()
		require.NoError(t, err)
		require.Len(t, got, len(caps))
		for i := range caps {
			require.Equal(t, caps[i].Text(), got[i].Text())
		}
	})
}
