package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/internal/atomicfile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A config file is read through a bounded reader: an endless device or a
// huge sparse file is refused with ErrTooLarge instead of exhausting
// memory inside viper.
func TestLoadBoundsConfigFile(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "sotcap.yaml")
	f, err := os.Create(sparse)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(1<<30))
	require.NoError(t, f.Close())
	for _, name := range []string{sparse, "/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(name); err != nil {
			continue
		}
		_, err := Load(Options{File: name, Environ: []string{}})
		require.Error(t, err, name)
		assert.ErrorIs(t, err, atomicfile.ErrTooLarge, name)
		assert.Contains(t, err.Error(), "file "+name)
		assert.Contains(t, err.Error(), "1 MiB")
	}
}

// A value outside a key's choices, or of the wrong kind, is an error
// naming the key and where it came from, whether it comes from a file or
// the environment; a valid one (any case) loads.
func TestLoadRefusesTypos(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	for _, tc := range []struct {
		name    string
		file    string
		env     []string
		wantErr string // "" loads
	}{
		{"file choice typo", write("a.yaml", "stl.display_standard: opne\n"), nil, "stl.display_standard: \"opne\": expected teletext, teletext2 or open"},
		{"file nested choice typo", write("b.yaml", "stl:\n  display_standard: opne\n"), nil, "file " + filepath.Join(dir, "b.yaml") + ": stl.display_standard"},
		{"env choice typo", "", []string{"SOTCAP_STL_DISPLAY_STANDARD=opne"}, "environment SOTCAP_STL_DISPLAY_STANDARD: stl.display_standard"},
		{"env bool typo", "", []string{"SOTCAP_STL_SPEAKER_COLORS=yes please"}, "expected true or false"},
		{"file int typo", write("c.yaml", "stl.bottom_row: twenty\n"), nil, "stl.bottom_row: \"twenty\": expected a whole number"},
		{"file mode typo", write("d.yaml", "mode: caption\n"), nil, "expected subtitles or captions"},
		{"valid open", write("e.yaml", "stl.display_standard: open\n"), nil, ""},
		{"valid upper case", "", []string{"SOTCAP_STL_DISPLAY_STANDARD=Teletext2"}, ""},
	} {
		c, err := Load(Options{File: tc.file, Environ: append([]string{}, tc.env...)})
		if tc.wantErr == "" {
			require.NoError(t, err, tc.name)
			_, err := c.STLOptions()
			require.NoError(t, err, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.wantErr, tc.name)
	}
}

// The display standard chosen reaches the STL options.
func TestSTLDisplayStandardChosen(t *testing.T) {
	c, err := Load(Options{Environ: []string{"SOTCAP_STL_DISPLAY_STANDARD=open"}})
	require.NoError(t, err)
	o, err := c.STLOptions()
	require.NoError(t, err)
	assert.Equal(t, stl.OpenSubtitling, o.DisplayStandard)
}

// An stl.* value that passes the key's kind but not the STL rules is an
// error naming the file it came from.
func TestSTLOptionErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]string{
		"stl.bottom_row: 40\n":          "stl.bottom_row: 40: expected a Teletext row",
		"stl.created: 2024-13-45\n":     "stl.created",
		"stl.country: GB\n":             "stl.country",
		"stl.character_table: \"09\"\n": "stl.character_table",
	} {
		p := filepath.Join(dir, "sotcap.yaml")
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		c, err := Load(Options{File: p, Environ: []string{}})
		if err == nil {
			_, err = c.STLOptions()
		}
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), "file "+p, body)
		assert.Contains(t, err.Error(), want, body)
	}
}
