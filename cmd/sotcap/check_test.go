package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generateSample writes the sample's four files into dir/out.
func generateSample(t *testing.T, dir string) (out, edl string) {
	t.Helper()
	script, edl := samplePaths(t, dir)
	out = filepath.Join(dir, "out")
	code, _, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--out", out, "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	return out, edl
}

// sampleCaptions returns how many captions generate's report lists.
func sampleCaptions(t *testing.T, out string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "pkg.report.json"))
	require.NoError(t, err)
	var rep struct {
		Captions []any `json:"captions"`
	}
	require.NoError(t, json.Unmarshal(b, &rep))
	require.NotEmpty(t, rep.Captions)
	return len(rep.Captions)
}

func TestCheckOwnOutputIsClean(t *testing.T) {
	dir := t.TempDir()
	out, edl := generateSample(t, dir)
	for _, ext := range []string{"srt", "vtt", "stl"} {
		f := filepath.Join(out, "pkg."+ext)
		code, stdout, stderr := runArgs(t, "", "check", f, "--edl", edl, "--fps", "25", "--format", "json")
		assert.Equal(t, app.ExitOK, code, "%s: %s %s", ext, stdout, stderr)
		var rep struct {
			Files []struct {
				File       string           `json:"file"`
				Format     string           `json:"format"`
				Captions   int              `json:"captions"`
				Violations []map[string]any `json:"violations"`
			} `json:"files"`
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &rep), stdout)
		require.Len(t, rep.Files, 1)
		assert.Equal(t, ext, rep.Files[0].Format)
		assert.Equal(t, sampleCaptions(t, out), rep.Files[0].Captions)
		assert.Empty(t, rep.Files[0].Violations, "generate's captions pass the same checker (%s)", ext)
	}
}

func TestCheckFindsViolations(t *testing.T) {
	dir := t.TempDir()
	out, edl := generateSample(t, dir)
	f := filepath.Join(out, "pkg.srt")
	// A stricter profile breaks the reading speed.
	code, stdout, _ := runArgs(t, "", "check", f, "--max-cps", "12", "--format", "csv")
	assert.Equal(t, app.ExitViolation, code)
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	assert.Equal(t, "cps", rows[1][4])

	// A vendor file: a caption across the jump cut inside SOT 1
	// (10:00:40:00 = 40 s after the programme start) and one too long.
	vendor := filepath.Join(dir, "vendor.srt")
	require.NoError(t, os.WriteFile(vendor, []byte("1\r\n00:00:38,000 --> 00:00:40,200\r\nAcross the cut.\r\n\r\n"+
		"2\r\n00:00:41,000 --> 00:00:50,000\r\nFar too long on screen.\r\n\r\n"+
		"3\r\n00:00:50,000 -> 00:00:51,000\r\nMalformed timing line.\r\n"), 0o644))
	code, stdout, stderr := runArgs(t, "", "check", vendor, "--edl", edl, "--fps", "25", "--format", "json")
	require.Equal(t, app.ExitViolation, code, stdout+stderr)
	assert.Contains(t, stdout, `"shot_change"`)
	assert.Contains(t, stdout, `"max_duration"`)
	assert.Contains(t, stdout, `"captions": 2`, "the malformed cue is not a caption")
	assert.Contains(t, stdout, `"malformed": 1`, "but it is a violation")
	assert.Contains(t, stdout, `"line": 10`, "with its line")
	code, stdout, _ = runArgs(t, "", "check", vendor)
	assert.Equal(t, app.ExitViolation, code)
	assert.Contains(t, stdout, "1 caption could not be read", "and counted in the summary")

	// An HTML report to a file.
	html := filepath.Join(dir, "report.html")
	code, _, _ = runArgs(t, "", "check", f, "--max-cps", "12", "--format", "html", "--out", html)
	assert.Equal(t, app.ExitViolation, code)
	b, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Equal(t, sampleCaptions(t, out), strings.Count(string(b), `<rect class="caption-bar`))
}

func TestCheckCharset(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "x.vtt")
	require.NoError(t, os.WriteFile(f, []byte("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nПривет, мир\n\n00:00:05.000 --> 00:00:08.000\nHello world\n"), 0o644))
	code, stdout, _ := runArgs(t, "", "check", f, "--stl-table", "00", "--format", "json")
	assert.Equal(t, app.ExitViolation, code)
	assert.Contains(t, stdout, `"charset"`)
	assert.Equal(t, 1, strings.Count(stdout, `"charset"`), "Latin text fits table 00")
	code, _, _ = runArgs(t, "", "check", f, "--stl-table", "01", "--format", "json")
	assert.Equal(t, app.ExitOK, code, "Cyrillic fits table 01 and ASCII is in every table")
}

func TestCheckUnreadable(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.srt")
	require.NoError(t, os.WriteFile(junk, []byte{0xff, 0x00, 0x12, 'x'}, 0o644))
	code, _, stderr := runArgs(t, "", "check", junk)
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "junk.srt")
	code, _, _ = runArgs(t, "", "check", filepath.Join(dir, "missing.vtt"))
	assert.Equal(t, app.ExitBadInput, code)
	code, _, _ = runArgs(t, "", "check", junk, "--format", "pdf")
	assert.Equal(t, app.ExitBadInput, code)
	code, _, _ = runArgs(t, "", "check", junk, "--edl", "x.edl")
	assert.Equal(t, app.ExitBadInput, code, "--edl needs --fps")
}
