package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBadValueNamesItsFile: a batch package whose sotcap.yaml says fps: 26
// was reported as '--fps: unknown frame rate', blaming a flag nobody gave;
// the message now names the file and the key.
func TestBadValueNamesItsFile(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "p")
	require.NoError(t, os.Mkdir(pkg, 0o755))
	for src, dst := range map[string]string{"haftar_moscow_package.txt": "s.txt", "haftar_moscow_package.edl": "e.edl"} {
		b, err := os.ReadFile(filepath.Join("sample", src))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(pkg, dst), b, 0o644))
	}
	yaml := filepath.Join(pkg, "sotcap.yaml")
	for body, want := range map[string]string{
		"script: s.txt\nedl: e.edl\nfps: 26\n":                     "file " + yaml + `: fps: unknown frame rate "26"`,
		"script: s.txt\nedl: e.edl\nfps: 25\nstart: 10:99:00:00\n": "file " + yaml + `: start: timecode "10:99:00:00"`,
	} {
		require.NoError(t, os.WriteFile(yaml, []byte(body), 0o644))
		code, stdout, stderr := runArgs(t, "", "batch", dir)
		assert.Equal(t, app.ExitViolation, code)
		assert.Contains(t, stdout+stderr, want)
		assert.NotContains(t, stdout+stderr, "--fps:")
	}
	// A flag is still named as the flag.
	code, _, stderr := runArgs(t, "", "generate", "--script", filepath.Join(pkg, "s.txt"), "--edl", filepath.Join(pkg, "e.edl"), "--fps", "26")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, `--fps: unknown frame rate "26"`)
}
