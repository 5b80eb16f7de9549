package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/internal/app"
)

const (
	oneCue    = "1\n00:00:01,000 --> 00:00:02,000\nHello\n"
	twoCueSRT = "1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n"
	brokenSRT = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:0x,000 --> 00:00:04,000\nB\n"
)

// manyDir makes a folder with the named files.
func manyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestConvertMany(t *testing.T) {
	files := map[string]string{"a.srt": oneCue, "b.srt": twoCueSRT, "bad.srt": brokenSRT, "c.vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\nVTT\n", "empty.srt": ""}
	cases := []struct {
		name    string
		args    func(in, out string) []string // in: the inputs' folder; out: a folder that does not exist yet
		code    int
		stdout  []string
		stderr  []string
		written map[string]string // files in out afterwards, with their contents ("" = any)
	}{
		{
			name: "out-dir converts every input",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), filepath.Join(in, "b.srt"), filepath.Join(in, "c.vtt"), "--to", "vtt", "--out-dir", out}
			},
			code:   app.ExitOK,
			stdout: []string{"a.srt (SRT) → ", "a.vtt (WebVTT): 1 captions", "3 files → ", "3 converted, 0 failed; 4 captions"},
			written: map[string]string{
				"a.vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHello\n",
				"b.vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nOne\n\n2\n00:00:03.000 --> 00:00:04.000\nTwo\n",
				"c.vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nVTT\n",
			},
		},
		{
			name: "a failure does not stop the rest and exits 1",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "bad.srt"), filepath.Join(in, "missing.srt"), filepath.Join(in, "empty.srt"), filepath.Join(in, "a.srt"), "--to", "srt", "--out-dir", out, "--strict"}
			},
			code:    app.ExitViolation,
			stdout:  []string{"4 files → ", "1 converted, 3 failed; 1 captions", "failed:\n", "bad.srt: ", "missing.srt: ", "empty.srt: empty file"},
			stderr:  []string{"sotcap: FAIL ", "bad.srt:6:1: malformed timing line", "missing.srt: no such file"},
			written: map[string]string{"a.srt": oneCue},
		},
		{
			name: "IN... DIR with an existing folder",
			args: func(in, out string) []string {
				require.NoError(t, os.Mkdir(out, 0o755))
				return []string{filepath.Join(in, "a.srt"), filepath.Join(in, "b.srt"), out, "--to", "srt", "--encoding", "utf-8-bom"}
			},
			code:    app.ExitOK,
			stdout:  []string{"2 converted, 0 failed"},
			written: map[string]string{"a.srt": "\uFEFF" + oneCue, "b.srt": "\uFEFF" + twoCueSRT},
		},
		{
			name: "IN FOLDER with --to converts into the folder",
			args: func(in, out string) []string {
				require.NoError(t, os.Mkdir(out, 0o755))
				return []string{filepath.Join(in, "b.srt"), out, "--to", "webvtt"}
			},
			code:    app.ExitOK,
			stdout:  []string{"1 file → ", "1 converted, 0 failed; 2 captions"},
			written: map[string]string{"b.vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nOne\n\n2\n00:00:03.000 --> 00:00:04.000\nTwo\n"},
		},
		{
			name: "two inputs with one output are refused before converting",
			args: func(in, out string) []string {
				require.NoError(t, os.WriteFile(filepath.Join(in, "a.vtt"), []byte("WEBVTT\n\n00:05.000 --> 00:06.000\nX\n"), 0o644))
				return []string{filepath.Join(in, "b.srt"), filepath.Join(in, "a.srt"), filepath.Join(in, "a.vtt"), "--to", "srt", "--out-dir", out}
			},
			code:   app.ExitBadInput,
			stderr: []string{"inputs would write the same output", "a.srt from ", "a.srt and ", "a.vtt"},
		},
		{
			name: "the same input twice is refused",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), filepath.Join(in, "a.srt"), "--to", "vtt", "--out-dir", out}
			},
			code:   app.ExitBadInput,
			stderr: []string{"inputs would write the same output"},
		},
		{
			name: "an output replacing another input is refused",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), filepath.Join(in, "c.vtt"), "--to", "srt", "--out-dir", in}
			},
			code:   app.ExitBadInput,
			stderr: []string{"a.srt would replace itself"},
		},
		{
			name:   "out-dir needs --to",
			args:   func(in, out string) []string { return []string{filepath.Join(in, "a.srt"), "--out-dir", out} },
			code:   app.ExitBadInput,
			stderr: []string{"--to is required"},
		},
		{
			name: "three arguments without a folder",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), filepath.Join(in, "b.srt"), out, "--to", "vtt"}
			},
			code:   app.ExitBadInput,
			stderr: []string{"is not a folder: to convert several files give --out-dir"},
		},
		{
			name: "--encoding with WebVTT is a usage error naming the format",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), "--to", "vtt", "--out-dir", out, "--encoding", "windows-1252"}
			},
			code:   app.ExitBadInput,
			stderr: []string{"--encoding: WebVTT has no choice of encoding (WebVTT is UTF-8 by specification)"},
		},
		{
			name: "an unknown encoding",
			args: func(in, out string) []string {
				return []string{filepath.Join(in, "a.srt"), "--to", "srt", "--out-dir", out, "--encoding", "latin1"}
			},
			code:   app.ExitBadInput,
			stderr: []string{`unknown SRT encoding "latin1": expected utf-8, utf-8-bom, windows-1252`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := manyDir(t, files)
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := runArgs(t, "", append([]string{"convert"}, tc.args(in, out)...)...)
			require.Equal(t, tc.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			for _, s := range tc.stdout {
				assert.Contains(t, stdout, s)
			}
			for _, s := range tc.stderr {
				assert.Contains(t, stderr, s)
			}
			if tc.code == app.ExitBadInput {
				_, err := os.Stat(out)
				assert.True(t, os.IsNotExist(err) || len(listDir(t, out)) == 0, "a usage error converts nothing")
				assert.NotContains(t, stdout, "captions")
			}
			if tc.written != nil {
				var names []string
				for name, want := range tc.written {
					names = append(names, name)
					assert.Equal(t, want, mustRead(t, filepath.Join(out, name)), name)
				}
				assert.ElementsMatch(t, names, listDir(t, out), "only the converted files, no temporary ones")
			}
			assert.NotContains(t, stderr, "\r", "no progress bar off a terminal")
		})
	}
}

// Two arguments whose second is not a folder stay one conversion, with
// its own exit statuses (2, not 1, for a bad input).
func TestConvertTwoArgumentsStayOneConversion(t *testing.T) {
	in := manyDir(t, map[string]string{"bad.srt": brokenSRT, "a.srt": oneCue})
	code, _, stderr := runArgs(t, "", "convert", filepath.Join(in, "bad.srt"), filepath.Join(in, "x.vtt"), "--strict")
	assert.Equal(t, app.ExitBadInput, code, stderr)
	code, stdout, stderr := runArgs(t, "", "convert", filepath.Join(in, "a.srt"), filepath.Join(in, "x.vtt"))
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Equal(t, filepath.Join(in, "a.srt")+" (SRT) → "+filepath.Join(in, "x.vtt")+" (WebVTT): 1 captions\n", stdout)
}

func TestConvertEncodingWindows1252(t *testing.T) {
	in := manyDir(t, map[string]string{
		"ok.vtt":  "WEBVTT\n\n00:01.000 --> 00:02.000\nCafé – €5\n",
		"bad.vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\n00:03.000 --> 00:04.000\nfine\nŁódź\n",
	})
	out := filepath.Join(in, "ok.srt")
	code, _, stderr := runArgs(t, "", "convert", filepath.Join(in, "ok.vtt"), out, "--encoding", "windows-1252")
	require.Equal(t, app.ExitOK, code, stderr)
	// é E9, – 96, € 80 in the Windows-1252 code page.
	assert.Equal(t, "1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9 \x96 \x805\n", mustRead(t, out))

	code, _, stderr = runArgs(t, "", "convert", filepath.Join(in, "bad.vtt"), filepath.Join(in, "bad.srt"), "--encoding", "windows-1252")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "bad.vtt:6: cue 2 cannot be written as SRT: line 2: \"Ł\" (U+0141) cannot be written in windows-1252")
	assert.NoFileExists(t, filepath.Join(in, "bad.srt"))

	for _, to := range []string{"vtt", "stl", "scc", "ttml"} {
		code, _, stderr = runArgs(t, "", "convert", filepath.Join(in, "ok.vtt"), filepath.Join(in, "x."+to), "--to", to, "--fps", "25", "--encoding", "utf-8")
		assert.Equal(t, app.ExitBadInput, code, to)
		assert.Contains(t, stderr, "has no choice of encoding", to)
		assert.True(t, strings.Contains(stderr, "--encoding"), to)
	}
}
