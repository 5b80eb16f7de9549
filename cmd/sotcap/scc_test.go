package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions/format/scc"
	"github.com/sotcap/sotcap/internal/app"
)

// generate writes SCC beside the other formats, segmented to a 608 row,
// and check and convert read it back by its content.
func TestGenerateSCCAndReadItBack(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	out := filepath.Join(dir, "out")
	code, _, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--formats", "srt,scc", "--out", out)
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, stderr, "an SCC row 32: captions use 32")
	name := strings.TrimSuffix(filepath.Base(script), ".txt")
	data, err := os.ReadFile(filepath.Join(out, name+".scc"))
	require.NoError(t, err)
	require.True(t, scc.Detect(data))
	f, err := scc.Decode(data, scc.ReadOptions{})
	require.NoError(t, err)
	srtData, err := os.ReadFile(filepath.Join(out, name+".srt"))
	require.NoError(t, err)
	assert.Equal(t, strings.Count(string(srtData), " --> "), len(f.Document.Captions), "one SCC caption per SRT cue")
	for _, c := range f.Document.Captions {
		for _, l := range c.Lines {
			assert.LessOrEqual(t, len([]rune(l.Text)), scc.MaxChars, l.Text)
		}
	}

	// check knows it from its content, whatever its name.
	renamed := filepath.Join(dir, "delivery.txt")
	require.NoError(t, os.WriteFile(renamed, data, 0o644))
	code, stdout, stderr := runArgs(t, "", "check", renamed, "--format", "json")
	require.NotEqual(t, app.ExitBadInput, code, stderr)
	assert.Contains(t, stdout, `"format": "scc"`)

	// SCC → SRT → SCC keeps every caption.
	back := filepath.Join(dir, "back.srt")
	code, _, stderr = runArgs(t, "", "convert", renamed, back)
	require.Equal(t, app.ExitOK, code, stderr)
	again := filepath.Join(dir, "again.scc")
	code, _, stderr = runArgs(t, "", "convert", back, again)
	require.Equal(t, app.ExitOK, code, stderr)
	g, err := os.ReadFile(again)
	require.NoError(t, err)
	f2, err := scc.Decode(g, scc.ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, len(f.Document.Captions), len(f2.Document.Captions))
	for i := range f.Document.Captions {
		assert.Equal(t, f.Document.Captions[i].Text(), f2.Document.Captions[i].Text(), "caption %d", i+1)
	}
}
