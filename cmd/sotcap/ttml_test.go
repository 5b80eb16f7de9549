package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions/format/ebuttd"
	"github.com/sotcap/sotcap/captions/format/ttml"
	"github.com/sotcap/sotcap/internal/app"
)

// generate writes IMSC and EBU-TT-D beside SRT with the same captions;
// check knows each from its content; convert goes STL → EBU-TT-D → SRT
// without losing a caption.
func TestGenerateTTMLAndEBUTTD(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	out := filepath.Join(dir, "out")
	code, _, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--formats", "srt,stl,ttml,ebu-tt-d", "--out", out)
	require.Equal(t, app.ExitOK, code, stderr)
	name := strings.TrimSuffix(filepath.Base(script), ".txt")
	srtData, err := os.ReadFile(filepath.Join(out, name+".srt"))
	require.NoError(t, err)
	cues := strings.Count(string(srtData), " --> ")

	imsc, err := os.ReadFile(filepath.Join(out, name+".ttml"))
	require.NoError(t, err)
	require.True(t, ttml.Detect(imsc))
	doc, _, err := ttml.Read(strings.NewReader(string(imsc)), ttml.ReadOptions{})
	require.NoError(t, err)
	assert.Len(t, doc.Captions, cues)

	ebu, err := os.ReadFile(filepath.Join(out, name+".ebu-tt-d.xml"))
	require.NoError(t, err)
	require.True(t, ebuttd.Detect(ebu))
	doc, _, err = ebuttd.Read(strings.NewReader(string(ebu)), ebuttd.ReadOptions{})
	require.NoError(t, err)
	assert.Len(t, doc.Captions, cues)

	for _, f := range []struct{ file, format string }{{name + ".ttml", "ttml"}, {name + ".ebu-tt-d.xml", "ebu-tt-d"}} {
		code, stdout, stderr := runArgs(t, "", "check", filepath.Join(out, f.file), "--format", "json")
		require.NotEqual(t, app.ExitBadInput, code, stderr)
		assert.Contains(t, stdout, `"format": "`+f.format+`"`)
	}

	mid := filepath.Join(dir, "from-stl.xml")
	code, _, stderr = runArgs(t, "", "convert", filepath.Join(out, name+".stl"), mid, "--to", "ebu-tt-d")
	require.Equal(t, app.ExitOK, code, stderr)
	back := filepath.Join(dir, "back.srt")
	code, _, stderr = runArgs(t, "", "convert", mid, back)
	require.Equal(t, app.ExitOK, code, stderr)
	b, err := os.ReadFile(back)
	require.NoError(t, err)
	assert.Equal(t, cues, strings.Count(string(b), " --> "))
}
