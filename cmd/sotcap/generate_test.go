package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// samplePaths copies the embedded sample into dir and returns its paths.
func samplePaths(t *testing.T, dir string) (script, edl string) {
	t.Helper()
	script, edl = filepath.Join(dir, "pkg.txt"), filepath.Join(dir, "pkg.edl")
	for src, dst := range map[string]string{sampleScript: script, sampleEDL: edl} {
		b, err := sampleFS.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(dst, b, 0o644))
	}
	return script, edl
}

func TestGenerateJSON(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--out", out,
		"--name", "haftar", "--formats", "srt,vtt", "--json", "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	var rep struct {
		Files []string `json:"files"`
		FPS   float64  `json:"fps"`
		Start string   `json:"start"`
		SOTs  []struct {
			Index            int     `json:"index"`
			Speaker          string  `json:"speaker"`
			Language         string  `json:"language"`
			Subtitled        bool    `json:"subtitled"`
			Events           []int   `json:"events"`
			RecordIn         string  `json:"record_in"`
			RecordOut        string  `json:"record_out"`
			Captions         int     `json:"captions"`
			NeededSeconds    float64 `json:"needed_seconds"`
			AvailableSeconds float64 `json:"available_seconds"`
		} `json:"sots"`
		Violations []map[string]any `json:"violations"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&rep), stdout)
	assert.Equal(t, 25.0, rep.FPS)
	assert.Equal(t, "10:00:00:00", rep.Start)
	require.Len(t, rep.SOTs, 3)
	assert.Equal(t, []int{10, 12, 13}, rep.SOTs[2].Events)
	assert.Equal(t, "10:01:58:00", rep.SOTs[2].RecordIn)
	assert.Equal(t, "ar", rep.SOTs[0].Language)
	assert.True(t, rep.SOTs[0].Subtitled)
	assert.NotNil(t, rep.Violations)
	assert.Equal(t, []string{filepath.Join(out, "haftar.srt"), filepath.Join(out, "haftar.vtt"), filepath.Join(out, "haftar.report.json")}, rep.Files)
	for _, f := range rep.Files {
		fi, err := os.Stat(f)
		require.NoError(t, err)
		assert.Positive(t, fi.Size())
	}
	_, err := os.Stat(filepath.Join(out, "haftar.stl"))
	assert.True(t, os.IsNotExist(err), "only the formats asked for")
}

func TestGenerateStrict(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	// A tight reading speed makes the sample break the profile; its
	// captions no longer fit their windows, so --allow-overflow writes them.
	code, stdout, _ := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--out", filepath.Join(dir, "o"),
		"--max-cps", "9", "--strict", "--allow-overflow", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitViolation, code)
	assert.Contains(t, stdout, "cps")
	code, _, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--out", filepath.Join(dir, "o2"),
		"--max-cps", "9", "--allow-overflow", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitOK, code, "violations are reported, not fatal, without --strict")
	assert.Contains(t, stderr, "written anyway (--allow-overflow): SOT 1")
}

func TestGenerateRefusesUnreadableCaptions(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	out := filepath.Join(dir, "o")
	// At 9 cps the sample's SOT 1 needs more than its 47.5 s.
	code, stdout, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--out", out,
		"--max-cps", "9", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitViolation, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "SOT 1 (script line 9, window 10:00:19:00-10:01:06:00) does not fit")
	assert.Regexp(t, `its captions need [0-9.]+ s of reading time at 9 cps, the window and hang give 47.5 s: [0-9.]+ s missing; cut at least [0-9]+ of its [0-9]+ characters`, stderr)
	assert.Contains(t, stderr, "--allow-overflow")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "nothing written")

	// Two SOTs on one event: a mapping error, named as such, in generate and plan.
	for _, cmd := range []string{"generate", "plan"} {
		code, _, stderr = runArgs(t, "", cmd, "--script", script, "--edl", edl, "--fps", "25", "--map", "1=4,2=4,3=10")
		assert.Equal(t, app.ExitBadInput, code, cmd)
		assert.Contains(t, stderr, "mapping error: --map puts SOT 1 (events 4, 10:00:19:00-10:00:40:00) and SOT 2 (events 4, 10:00:19:00-10:00:40:00) on overlapping windows", cmd)
	}
}

func TestGenerateBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	edlBytes, err := os.ReadFile(edl)
	require.NoError(t, err)
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	noSOT := write("nosot.edl", strings.ReplaceAll(string(edlBytes), " SOT ", " INTERVIEW "))
	twoSOTs := write("two.edl", strings.Replace(string(edlBytes), "HAFTAR SOT 2", "HAFTAR INTERVIEW 2", 1))
	// SOT 2's window cut to 4 frames: shorter than one caption's minimum.
	short := write("short.edl", strings.Replace(string(edlBytes), "14:25:02:00 14:25:33:00 10:01:20:00 10:01:51:00", "14:25:02:00 14:25:02:04 10:01:20:00 10:01:20:04", 1))
	badTC := write("badtc.edl", strings.Replace(string(edlBytes), "10:00:19:00 10:00:40:00", "10:00:19:29 10:00:40:00", 1))
	narrative := write("narrative.txt", "Headline\n\nHaftar said “we agree” in Moscow.\n")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"missing script", []string{"--script", filepath.Join(dir, "nope.txt"), "--edl", edl, "--fps", "25"}, []string{"nope.txt"}},
		{"missing edl", []string{"--script", script, "--edl", filepath.Join(dir, "nope.edl"), "--fps", "25"}, []string{"nope.edl"}},
		{"no fps", []string{"--script", script, "--edl", edl}, []string{"--fps"}},
		{"unknown fps", []string{"--script", script, "--edl", edl, "--fps", "26"}, []string{"26"}},
		{"no SOT in script", []string{"--script", narrative, "--edl", edl, "--fps", "25"}, []string{"narrative.txt"}},
		{"no SOT marker in EDL", []string{"--script", script, "--edl", noSOT, "--fps", "25"}, []string{"marks no SOT"}},
		{"count mismatch", []string{"--script", script, "--edl", twoSOTs, "--fps", "25"}, []string{"3 SOTs", "2 SOT windows", "--map"}},
		{"window too short", []string{"--script", script, "--edl", short, "--fps", "25"}, []string{"SOT 2", "script line 10"}},
		{"frame over the rate", []string{"--script", script, "--edl", badTC, "--fps", "25"}, []string{"badtc.edl:14:", "expected frames 00 to 24"}},
		{"bad map", []string{"--script", script, "--edl", edl, "--fps", "25", "--map", "1=x"}, []string{"--map"}},
		{"bad format", []string{"--script", script, "--edl", edl, "--fps", "25", "--formats", "ass"}, []string{"ass"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(c.name, " ", "-"))
			code, _, stderr := runArgs(t, "", append([]string{"generate", "--out", out, "--set", "stl.country=GBR"}, c.args...)...)
			assert.Equal(t, app.ExitBadInput, code, stderr)
			for _, w := range c.want {
				assert.Contains(t, stderr, w)
			}
			entries, _ := os.ReadDir(out)
			assert.Empty(t, entries, "nothing written")
		})
	}
}

func TestPlan(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	code, out, stderr := runArgs(t, "", "plan", "--script", script, "--edl", edl, "--fps", "25")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, "10:02:27:00 10:02:30:00", "the cutaway's two shot changes inside SOT 3")
	assert.Contains(t, out, "Khalifa Haftar, Reporter")
	code, out, _ = runArgs(t, "", "plan", "--script", script, "--edl", edl, "--fps", "25", "--json")
	require.Equal(t, app.ExitOK, code)
	var p struct {
		SOTs []struct {
			Cuts []json.RawMessage `json:"shot_changes"`
		} `json:"sots"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	require.Len(t, p.SOTs, 3)
	assert.Len(t, p.SOTs[2].Cuts, 2)
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 2, "plan writes nothing")
}

func TestBatch(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
		samplePaths(t, filepath.Join(dir, sub))
	}
	// c: a folder driven by its sotcap.yaml, with inputs of other names.
	c := filepath.Join(dir, "c")
	require.NoError(t, os.MkdirAll(c, 0o755))
	s, e := samplePaths(t, c)
	require.NoError(t, os.Rename(s, filepath.Join(c, "script.txt")))
	require.NoError(t, os.Rename(e, filepath.Join(c, "cut.edl")))
	require.NoError(t, os.WriteFile(filepath.Join(c, "sotcap.yaml"), []byte("script: script.txt\nedl: cut.edl\nfps: \"25\"\nname: fromyaml\nformats: srt\nstl:\n  country: GBR\n"), 0o644))
	// d: a broken package does not stop the others.
	d := filepath.Join(dir, "d")
	require.NoError(t, os.MkdirAll(d, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(d, "bad.txt"), []byte("no soundbites here\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(d, "bad.edl"), []byte("TITLE: X\n"), 0o644))

	code, out, stderr := runArgs(t, "", "batch", dir, "--fps", "25", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitViolation, code, "one package failed")
	assert.Contains(t, out, "4 packages: 3 done, 1 failed")
	assert.Contains(t, stderr, "FAIL")
	for _, f := range []string{"a/sotcap-out/pkg.stl", "b/sotcap-out/pkg.srt", "c/sotcap-out/fromyaml.srt"} {
		_, err := os.Stat(filepath.Join(dir, f))
		assert.NoError(t, err, f)
	}
	_, err := os.Stat(filepath.Join(dir, "c/sotcap-out/fromyaml.vtt"))
	assert.True(t, os.IsNotExist(err), "the yaml's formats apply")

	code, _, _ = runArgs(t, "", "batch", filepath.Join(dir, "nope"))
	assert.Equal(t, app.ExitBadInput, code)
}

// A 42-character profile with STL among the formats segments to the
// Teletext row (37), so the STL never fails at the end; without STL the
// profile's own length stands.
func TestGenerateFitsTeletextRows(t *testing.T) {
	dir := t.TempDir()
	script, edl := samplePaths(t, dir)
	maxLine := func(path string) int {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		m := 0
		for _, l := range strings.Split(string(b), "\n") {
			m = max(m, len([]rune(l)))
		}
		return m
	}
	out := filepath.Join(dir, "all")
	code, _, stderr := runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--profile", "netflix-en",
		"--out", out, "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, stderr, "a Teletext STL row 37")
	assert.LessOrEqual(t, maxLine(filepath.Join(out, "pkg.srt")), 37)

	out = filepath.Join(dir, "text")
	code, _, stderr = runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--profile", "netflix-en",
		"--out", out, "--formats", "srt,vtt")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.NotContains(t, stderr, "Teletext")
	assert.Greater(t, maxLine(filepath.Join(out, "pkg.srt")), 37, "42-character lines where no STL is written")
	assert.LessOrEqual(t, maxLine(filepath.Join(out, "pkg.srt")), 42)

	out = filepath.Join(dir, "open")
	code, _, stderr = runArgs(t, "", "generate", "--script", script, "--edl", edl, "--fps", "25", "--profile", "netflix-en",
		"--out", out, "--set", "stl.country=GBR", "--set", "stl.display_standard=open")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.NotContains(t, stderr, "Teletext STL row")
}
