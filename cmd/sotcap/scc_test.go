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

// SCC → EBU STL without --fps takes SCC's own rate (29.97, drop-frame
// labels), which the STL header then declares; a TTML file without
// ttp:frameRate still needs --fps.
func TestConvertToSTLTakesTheDeclaredRate(t *testing.T) {
	dir := t.TempDir()
	in := writeTemp(t, "pop.scc", "Scenarist_SCC V1.0\n\n00:00:01;00\t9420 9420 94ae 94ae c8e5 ecec efae 942f 942f\n\n00:00:03;00\t942c 942c\n")
	out := filepath.Join(dir, "out.stl")
	code, _, stderr := runArgs(t, "", "convert", in, out, "--set", "stl.country=USA")
	require.Equal(t, app.ExitOK, code, stderr)
	code, stdout, stderr := runArgs(t, "", "check", out)
	require.NotEqual(t, app.ExitBadInput, code, stderr)
	assert.Contains(t, stdout, "frame rate: 29.97 fps (from the EBU STL header, DFC STL30.01)")

	ttml := writeTemp(t, "plain.ttml", `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="1s" end="2s">Hello.</p></div></body></tt>
`)
	code, _, stderr = runArgs(t, "", "convert", ttml, filepath.Join(dir, "plain.stl"))
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "needs --fps")
}
