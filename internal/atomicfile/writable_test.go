package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteFileRefuses: a missing folder, a folder in the way and a
// read-only file are each refused with a message that says which, and
// nothing is written.
func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "taken.srt"), 0o755))
	ro := filepath.Join(dir, "ro.srt")
	require.NoError(t, os.WriteFile(ro, []byte("old"), 0o444))
	notDir := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(notDir, []byte("x"), 0o644))
	for name, want := range map[string]string{
		filepath.Join(dir, "missing", "x.srt"): "folder " + filepath.Join(dir, "missing") + " does not exist",
		filepath.Join(dir, "taken.srt"):        "it is a folder",
		ro:                                     "read-only",
		filepath.Join(notDir, "x.srt"):         "is not a folder",
	} {
		err := WriteFile(name, func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		})
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), want)
		assert.Contains(t, err.Error(), name)
	}
	b, err := os.ReadFile(ro)
	require.NoError(t, err)
	assert.Equal(t, "old", string(b), "a read-only file is never replaced")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "no temporary file is left behind")
}
