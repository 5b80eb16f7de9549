package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteOutputsClashWritesNothing: when one output's name is taken by a
// folder or a read-only file, no output at all is renamed into place (the
// report, sorted first, used to land before the clash was found).
func TestWriteOutputsClashWritesNothing(t *testing.T) {
	files := map[string][]byte{".report.json": []byte("{}\n"), ".srt": []byte("1\n"), ".vtt": []byte("WEBVTT\n")}
	for name, setup := range map[string]func(dir string){
		"folder": func(dir string) { require.NoError(t, os.Mkdir(filepath.Join(dir, "pkg.srt"), 0o755)) },
		"read-only": func(dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "pkg.vtt"), []byte("old"), 0o444))
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			setup(dir)
			before, err := os.ReadDir(dir)
			require.NoError(t, err)
			written, err := WriteOutputs(dir, "pkg", files)
			require.Error(t, err)
			assert.Empty(t, written)
			after, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Equal(t, len(before), len(after), "nothing new in %s", dir)
		})
	}
}

func TestWriteOutputsBaseName(t *testing.T) {
	for _, base := range []string{"", " ", ".", "..", "a/b", "../up", `a\b`} {
		dir := t.TempDir()
		_, err := WriteOutputs(filepath.Join(dir, "out"), base, map[string][]byte{".srt": []byte("1\n")})
		require.Error(t, err, "%q", base)
		assert.Contains(t, err.Error(), "expected")
		_, err = os.Stat(filepath.Join(dir, "out"))
		assert.True(t, os.IsNotExist(err), "no output folder made for %q", base)
	}
	require.NoError(t, CheckBaseName("haftar_moscow_package"))
}
