package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMappingErrorsNameTheFiles: "the EDL marks no SOT" and the SOT count
// mismatch did not say which EDL or script; in a batch that is the only
// clue.
func TestMappingErrorsNameTheFiles(t *testing.T) {
	dir := t.TempDir()
	edl, err := os.ReadFile("sample/haftar_moscow_package.edl")
	require.NoError(t, err)
	noSOT := filepath.Join(dir, "nosot.edl")
	require.NoError(t, os.WriteFile(noSOT, []byte(strings.ReplaceAll(string(edl), " SOT ", " INTERVIEW ")), 0o644))
	two := filepath.Join(dir, "two.edl")
	require.NoError(t, os.WriteFile(two, []byte(strings.Replace(string(edl), "HAFTAR SOT 2", "HAFTAR INTERVIEW 2", 1)), 0o644))
	script := "sample/haftar_moscow_package.txt"
	for _, cmd := range [][]string{{"plan"}, {"generate", "--out", filepath.Join(dir, "out")}} {
		code, _, stderr := runArgs(t, "", append(cmd, "--script", script, "--edl", noSOT, "--fps", "25")...)
		assert.Equal(t, app.ExitBadInput, code)
		assert.Contains(t, stderr, noSOT+": the EDL marks no SOT")
		code, _, stderr = runArgs(t, "", append(cmd, "--script", script, "--edl", two, "--fps", "25")...)
		assert.Equal(t, app.ExitBadInput, code)
		assert.Contains(t, stderr, script+" and "+two+": the script has 3 SOTs but the EDL marks 2 SOT windows")
	}
}
