package vtt

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetest"
)

// ttconvFile is what a file of ttconv's WebVTT tests holds, read from
// the file by the W3C parsing algorithm (not from our Reader's output):
// the cues' text, or that the file is refused.
type ttconvFile struct {
	texts   []string // each cue's lines joined by "\n"
	refused bool     // not a WebVTT file: both readers refuse it
}

var ttconvFiles = map[string]ttconvFile{
	"valid-alignment.vtt": {texts: []string{
		"horizontal left; vertical top", "horizontal start; vertical middle", "horizontal center; vertical bottom",
		"horizontal middle; vertical top", "horizontal middle; vertical middle", "horizontal middle; vertical bottom",
		"horizontal right; vertical top", "horizontal end; vertical middle", "horizontal right; vertical bottom"}},
	"valid-font.vtt":     {texts: []string{"Normal", "Italic", "- Partial Italic\n- Normal"}},
	"valid-position.vtt": {texts: []string{"p75 s25", "p75,l s25", "p75 s25", "p75,l s25"}},
	// The STYLE block is not a cue; the three lines are one cue's text.
	"valid-style.vtt": {texts: []string{"This\nis\nrow 18"}},
	// "vtt" is not the "WEBVTT" signature.
	"invalid-bad-signature.vtt": {refused: true},
}

// ttconvDiffers lists the files where our Reader and a ttconv with a
// WebVTT reader read something else, and why; none is known (Debian's
// ttconv 1.0.5 cannot read WebVTT, so this table has not been checked
// against a ttconv with a WebVTT reader yet).
var ttconvDiffers = map[string]string{}

// TestReaderReadsTTConvFiles reads ttconv's WebVTT test files with our
// Reader: the cues the W3C algorithm finds in them.
func TestReaderReadsTTConvFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/ttconv/*.vtt")
	require.NoError(t, err)
	require.Len(t, files, len(ttconvFiles))
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := ttconvFiles[name]
			require.True(t, ok, "%s has no expectation in ttconvFiles", name)
			ours, err := readTTConvFile(t, f)
			if want.refused {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want.texts, cueTexts(ours))
		})
	}
}

// TestReaderAgreesWithTTConv compares our Reader with ttconv's WebVTT
// reader on the same files: cue count, text and times (within 1 ms), or
// both refusing the file. ttconv's leading and trailing line breaks are
// not compared (it puts one before a styled line that starts a cue).
func TestReaderAgreesWithTTConv(t *testing.T) {
	files, err := filepath.Glob("testdata/ttconv/*.vtt")
	require.NoError(t, err)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			theirs, log, ok := cuetest.TTConvRead(t, f)
			ours, err := readTTConvFile(t, f)
			if why, listed := ttconvDiffers[name]; listed {
				t.Skipf("%s differs as listed: %s", name, why)
			}
			if !ok || err != nil {
				assert.Equal(t, !ok, err != nil, "one reader refuses %s and the other does not (ours: %v; ttconv: %s)", name, err, log)
				return
			}
			require.Len(t, ours, len(theirs), "cue count")
			for i, c := range ours {
				tc := theirs[i]
				assert.Equal(t, strings.Trim(tc.Text, "\n"), cueTexts(ours[i : i+1])[0], "cue %d text", i+1)
				assert.InDelta(t, tc.Start, c.Start, float64(time.Millisecond), "cue %d start", i+1)
				assert.InDelta(t, tc.End, c.End, float64(time.Millisecond), "cue %d end", i+1)
			}
		})
	}
}

func readTTConvFile(t *testing.T, f string) ([]captions.Caption, error) {
	t.Helper()
	b, err := os.ReadFile(f)
	require.NoError(t, err)
	r := NewReader(bytes.NewReader(b))
	r.File = f
	return r.ReadAll()
}

// cueTexts returns each caption's lines joined by "\n".
func cueTexts(caps []captions.Caption) []string {
	var s []string
	for _, c := range caps {
		var lines []string
		for _, l := range c.Lines {
			lines = append(lines, l.Text)
		}
		s = append(s, strings.Join(lines, "\n"))
	}
	return s
}
