package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEDLJSONFileStreamsAsStdin checks that --json on a regular file, which
// reads the file twice and never holds its events, writes byte for byte
// the document of the same bytes on standard input, which are read whole
// and written by writeEDLJSON (checked against encoding/json by
// TestEDLJSONStreamMatchesEncoder); and that an error anywhere in the file
// writes nothing.
func TestEDLJSONFileStreamsAsStdin(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("..", "..", "cmd", "sotcap", "sample", "haftar_moscow_package.edl"))
	require.NoError(t, err)
	for name, text := range map[string]string{
		"sample":       string(sample),
		"with warning": "TITLE: x\n001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n* FROM CLIP NAME: SOT <1>\nGARBAGE LINE\n002  BL V D 010 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n* LOC: 01:00:01:05 RED note\nM2   BL       000.0                00:00:00:00\n",
	} {
		path := filepath.Join(t.TempDir(), "x.edl")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		var fromFile, fromStdin, errb bytes.Buffer
		require.NoError(t, RunEDL(EDLOptions{File: path, FPS: "25", JSON: true}, IO{Out: &fromFile, Err: &errb}), name)
		require.NoError(t, RunEDL(EDLOptions{File: "-", FPS: "25", JSON: true}, IO{In: strings.NewReader(text), Out: &fromStdin, Err: &errb}), name)
		assert.Equal(t, fromStdin.String(), strings.ReplaceAll(fromFile.String(), path, "<stdin>"), name)
		assert.Contains(t, fromFile.String(), `"events": [`, name)
	}
	// A bad line after 5,000 good events: nothing written.
	var b strings.Builder
	for i := 1; i <= 5000; i++ {
		b.WriteString("001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n")
	}
	b.WriteString("002  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 BAD\n")
	path := filepath.Join(t.TempDir(), "bad.edl")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	var out, errb bytes.Buffer
	err = RunEDL(EDLOptions{File: path, FPS: "25", JSON: true}, IO{Out: &out, Err: &errb})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.edl:5001")
	assert.Empty(t, out.String())
}

// TestEDLTableFileStreamsAsStdin checks that the table of a regular file,
// read twice without holding its events, is the table of the same bytes
// on standard input, read whole; and that an error writes nothing.
func TestEDLTableFileStreamsAsStdin(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("..", "..", "cmd", "sotcap", "sample", "haftar_moscow_package.edl"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "x.edl")
	require.NoError(t, os.WriteFile(path, sample, 0o644))
	var fromFile, fromStdin, errb bytes.Buffer
	require.NoError(t, RunEDL(EDLOptions{File: path, FPS: "25"}, IO{Out: &fromFile, Err: &errb}))
	require.NoError(t, RunEDL(EDLOptions{File: "-", FPS: "25"}, IO{In: bytes.NewReader(sample), Out: &fromStdin, Err: &errb}))
	assert.Equal(t, fromStdin.String(), strings.ReplaceAll(fromFile.String(), path, "<stdin>"))
	assert.Contains(t, fromFile.String(), "SOT windows")

	bad := filepath.Join(t.TempDir(), "bad.edl")
	require.NoError(t, os.WriteFile(bad, append(sample, "999  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 BAD\n"...), 0o644))
	var out bytes.Buffer
	require.Error(t, RunEDL(EDLOptions{File: bad, FPS: "25"}, IO{Out: &out, Err: &errb}))
	assert.Empty(t, out.String())
}
