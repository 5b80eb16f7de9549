package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/internal/pipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frenchSample copies the sample's French translation into dir.
func frenchSample(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile("sample/haftar_moscow_package.fr.txt")
	require.NoError(t, err)
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

func TestGenerateSeveralLanguagesFromOneCut(t *testing.T) {
	dir := t.TempDir()
	en, edl := samplePaths(t, dir)
	fr := frenchSample(t, dir, "pkg_fr.txt")
	out := filepath.Join(dir, "o")
	code, stdout, stderr := runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", en, "--script", fr,
		"--formats", "srt,vtt", "--out", out, "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	var rep pipeline.MultiReport
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	require.Len(t, rep.Languages, 2)
	assert.Equal(t, "en", rep.Languages[0].Language)
	assert.Equal(t, "broadcast-en", rep.Languages[0].Profile)
	assert.Equal(t, "fr", rep.Languages[1].Language, "detected from the translation")
	assert.Equal(t, "netflix-fr", rep.Languages[1].Profile, "French captions under the French preset")
	for _, f := range []string{"pkg.en.srt", "pkg.en.vtt", "pkg.fr.srt", "pkg.fr.vtt", "pkg.report.json"} {
		_, err := os.Stat(filepath.Join(out, f))
		assert.NoError(t, err, f)
	}
	srt, err := os.ReadFile(filepath.Join(out, "pkg.fr.srt"))
	require.NoError(t, err)
	assert.Contains(t, string(srt), "Tout d’abord")
	// The same windows for every language: both first captions start on
	// SOT 1's record in.
	for _, l := range []string{"en", "fr"} {
		b, err := os.ReadFile(filepath.Join(out, "pkg."+l+".srt"))
		require.NoError(t, err)
		assert.Contains(t, string(b), "1\n00:00:19,000 --> ", l)
	}

	// --profile applies to every language.
	code, stdout, stderr = runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", en, "--script", "fr="+fr,
		"--formats", "srt", "--out", filepath.Join(dir, "p"), "--profile", "netflix-en", "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	assert.Equal(t, "netflix-en", rep.Languages[1].Profile)
}

func TestGenerateLanguagesWhoseSOTsDisagree(t *testing.T) {
	dir := t.TempDir()
	en, edl := samplePaths(t, dir)
	b, err := os.ReadFile("sample/haftar_moscow_package.fr.txt")
	require.NoError(t, err)
	// Drop the French SOT 2.
	var keep []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, "La Russie ne nous a jamais refusé") {
			keep = append(keep, l)
		}
	}
	fr := filepath.Join(dir, "pkg.fr.txt")
	require.NoError(t, os.WriteFile(fr, []byte(strings.Join(keep, "\n")), 0o644))
	code, _, stderr := runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", en, "--script", fr, "--out", filepath.Join(dir, "o"))
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "the scripts disagree on the number of SOTs: en 3 (pkg.txt), fr 2 (pkg.fr.txt)")
	assert.Regexp(t, `(?m)^3 +line 12: Khalifa Haftar +-$`, stderr)

	// Two scripts in one language need LANG= to tell them apart.
	code, _, stderr = runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", en, "--script", en, "--out", filepath.Join(dir, "o"))
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "are both in en")
}

func TestScriptLanguageFlag(t *testing.T) {
	dir := t.TempDir()
	_, edl := samplePaths(t, dir)
	fr := frenchSample(t, dir, "pkg.txt")
	code, stdout, stderr := runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", fr, "--script-language", "fr",
		"--formats", "srt", "--out", filepath.Join(dir, "o"), "--json")
	require.Equal(t, app.ExitOK, code, stderr)
	var rep pipeline.Report
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	assert.Equal(t, []string{filepath.Join(dir, "o", "pkg.srt")}, rep.Files[:1], "one script: no language in the names")
	code, _, stderr = runArgs(t, "", "generate", "--edl", edl, "--fps", "25", "--script", fr, "--script-language", "not a language!")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "--script-language")
}

func TestBatchFindsLanguageVersions(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "haftar")
	require.NoError(t, os.MkdirAll(pkg, 0o755))
	en, edl := samplePaths(t, pkg)
	require.NoError(t, os.Rename(en, filepath.Join(pkg, "haftar.txt")))
	require.NoError(t, os.Rename(edl, filepath.Join(pkg, "haftar.edl")))
	frenchSample(t, pkg, "haftar.fr.txt")
	code, stdout, stderr := runArgs(t, "", "batch", dir, "--fps", "25", "--progress", "lines")
	require.Equal(t, app.ExitOK, code, stdout+stderr)
	for _, f := range []string{"haftar.en.srt", "haftar.fr.srt", "haftar.fr.stl", "haftar.report.json"} {
		_, err := os.Stat(filepath.Join(pkg, "sotcap-out", f))
		assert.NoError(t, err, f)
	}
}
