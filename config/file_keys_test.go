package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFileRejectsUnknownKeysAndWrongShapes: a misspelt top-level key and a
// list or mapping where one value belongs used to be ignored (fps: [25]
// then failed later as "no frame rate"); each is now an error naming the
// file and the key.
func TestFileRejectsUnknownKeysAndWrongShapes(t *testing.T) {
	for yaml, want := range map[string]string{
		"fsp: 25\n":                     "fsp: unknown key: expected one of",
		"script: a.txt\nbogus_key: 3\n": "bogus_key: unknown key",
		"stl:\n  titel: x\n":            "stl.titel: unknown key",
		"fps: [25, 30]\n":               "fps: a list [25 30]: expected a single value",
		"rules:\n  max_cps: [1]\n":      "rules.max_cps: a list [1]: expected a single value",
		"fps:\n  rate: 25\n":            "fps.rate: unknown key",
		"formats: [srt, [vtt]]\n":       "formats: a nested list",
	} {
		file := filepath.Join(t.TempDir(), "sotcap.yaml")
		require.NoError(t, os.WriteFile(file, []byte(yaml), 0o644))
		_, err := Load(Options{File: file, Environ: []string{}})
		require.Error(t, err, yaml)
		assert.Contains(t, err.Error(), "file "+file+": "+want, yaml)
	}
	file := filepath.Join(t.TempDir(), "sotcap.yaml")
	require.NoError(t, os.WriteFile(file, []byte("fps: 25\nformats: [srt, vtt]\nedl:\n  sot_markers: [SOT, BITE]\n"), 0o644))
	c, err := Load(Options{File: file, Environ: []string{}})
	require.NoError(t, err)
	assert.Equal(t, []string{"srt", "vtt"}, c.StringSlice(KeyFormats))
	assert.Equal(t, "25", c.String(KeyFPS))
}
