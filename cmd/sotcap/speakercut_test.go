package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// srtTimes returns the "in --> out" line of the SRT cue whose text is text.
func srtTimes(t *testing.T, srt, text string) string {
	t.Helper()
	for _, cue := range strings.Split(strings.ReplaceAll(srt, "\r\n", "\n"), "\n\n") {
		lines := strings.Split(strings.TrimSpace(cue), "\n")
		if len(lines) >= 3 && strings.Join(lines[2:], " ") == text {
			return lines[1]
		}
	}
	t.Fatalf("no cue %q", text)
	return ""
}

// In SOT 3 of the sample the reporter's interjection is on a video-only
// cutaway (10:02:27:00–10:02:30:00, programme 00:02:27–00:02:30). Haftar's
// reply starts on the cut back and the interjection ends two frames before
// it, inside the cutaway. Its in-time cannot be on the cut at 00:02:27:
// Haftar's ten captions before it need 29.24 s at 17 cps (with the
// minimum gaps) and only 29 s lie between the window's in and that cut, so
// that anchor would break CPS and is dropped.
func TestSampleSpeakerChangeOnCut(t *testing.T) {
	dir := t.TempDir()
	out, _ := generateSample(t, dir)
	b, err := os.ReadFile(filepath.Join(out, "pkg.srt"))
	require.NoError(t, err)
	srt := string(b)
	assert.Equal(t, "00:02:28,320 --> 00:02:29,920", srtTimes(t, srt, "Turn it into colonisation."))
	assert.True(t, strings.HasPrefix(srtTimes(t, srt, "Yes, into colonisation."), "00:02:30,000 --> "),
		"Haftar's reply starts on the cut back to him")

	rb, err := os.ReadFile(filepath.Join(out, "pkg.report.json"))
	require.NoError(t, err)
	var rep struct {
		Violations []any `json:"violations"`
	}
	require.NoError(t, json.Unmarshal(rb, &rep))
	assert.Empty(t, rep.Violations)
}
