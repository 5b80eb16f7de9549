package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteOutputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	got, err := WriteOutputs(dir, "pkg", map[string][]byte{".srt": []byte("s"), ".vtt": []byte("v")})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "pkg.srt"), filepath.Join(dir, "pkg.vtt")}, got)
	b, err := os.ReadFile(filepath.Join(dir, "pkg.vtt"))
	require.NoError(t, err)
	assert.Equal(t, "v", string(b))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "no temporary files remain")

	// A folder that cannot be created is an error and writes nothing.
	blocker := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o644))
	_, err = WriteOutputs(filepath.Join(blocker, "sub"), "pkg", map[string][]byte{".srt": nil})
	assert.Error(t, err)
}
