package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chdir moves the test into a fresh folder for commands that write to the
// working directory.
func chdir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func TestDefaultRunsSample(t *testing.T) {
	dir := chdir(t)
	code, out, stderr := runArgs(t, "")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, "embedded sample")
	assert.Contains(t, out, "sotcap generate --script")
	for _, ext := range []string{".srt", ".vtt", ".stl", ".report.json"} {
		fi, err := os.Stat(filepath.Join(dir, "sotcap-out", "haftar_moscow_package"+ext))
		require.NoError(t, err, ext)
		assert.Positive(t, fi.Size(), ext)
	}
	assert.NotContains(t, stderr, "USA", "the sample names its country")
}
