package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckOutIsAnInput: 'check a.srt --out a.srt' is refused and a.srt
// kept: the report never replaces the subtitles it checks.
func TestCheckOutIsAnInput(t *testing.T) {
	dir := t.TempDir()
	srt := filepath.Join(dir, "a.srt")
	const body = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n"
	require.NoError(t, os.WriteFile(srt, []byte(body), 0o644))
	for _, out := range []string{srt, filepath.Join(dir, ".", "a.srt")} {
		code, _, stderr := runArgs(t, "", "check", srt, "--format", "csv", "--out", out)
		assert.Equal(t, app.ExitBadInput, code)
		assert.Contains(t, stderr, "--out "+out+" is the input "+srt)
		b, err := os.ReadFile(srt)
		require.NoError(t, err)
		assert.Equal(t, body, string(b))
	}
}
