package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.srt")
	require.NoError(t, WriteFile(name, func(w io.Writer) error {
		_, err := io.WriteString(w, "one")
		return err
	}))
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "one", string(b))

	boom := errors.New("boom")
	err = WriteFile(name, func(w io.Writer) error {
		_, _ = io.WriteString(w, "partial")
		return boom
	})
	assert.ErrorIs(t, err, boom)
	b, err = os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "one", string(b), "a failed write leaves the old file untouched")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	err = WriteFile(filepath.Join(dir, "missing", "x.srt"), func(io.Writer) error { return nil })
	assert.Error(t, err)
}
