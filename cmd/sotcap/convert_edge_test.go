package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConvertRejectsFolderAndEmpty: a folder given as IN is named as a
// folder, and an empty file is bad input, not an empty WebVTT.
func TestConvertRejectsFolderAndEmpty(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "in.srt")
	require.NoError(t, os.Mkdir(folder, 0o755))
	empty := filepath.Join(dir, "empty.srt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	for in, want := range map[string]string{folder: "is a folder", empty: "empty file"} {
		out := filepath.Join(dir, "out.vtt")
		code, _, stderr := runArgs(t, "", "convert", in, out)
		assert.Equal(t, app.ExitBadInput, code)
		assert.Contains(t, stderr, in+": "+want)
		_, err := os.Stat(out)
		assert.True(t, os.IsNotExist(err), "nothing written")
	}
}

// TestConvertToStdout: OUT "-" is standard output, written only once the
// conversion has succeeded, and a failed write is an error.
func TestConvertToStdout(t *testing.T) {
	dir := chdir(t)
	in := filepath.Join(dir, "in.srt")
	require.NoError(t, os.WriteFile(in, []byte("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n"), 0o644))
	code, out, stderr := runArgs(t, "", "convert", in, "-", "--to", "vtt")
	require.Equal(t, app.ExitOK, code, stderr)
	assert.True(t, strings.HasPrefix(out, "WEBVTT"), out)
	assert.Contains(t, out, "Hello there.")
	assert.Contains(t, stderr, "1 captions", "the summary goes to stderr")
	_, err := os.Stat(filepath.Join(dir, "-"))
	assert.True(t, os.IsNotExist(err), "no file named -")

	var errb bytes.Buffer
	code = run([]string{"convert", in, "-", "--to", "vtt"}, strings.NewReader(""), failingWriter{}, &errb)
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, errb.String(), "no space left on device")
}

// failingWriter fails every write, as a full disk or a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A file with no captions (a header-only WebVTT, an STL whose blocks are
// gone) is not converted into a valid empty delivery.
func TestConvertNoCaptions(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "empty.vtt")
	require.NoError(t, os.WriteFile(in, []byte("WEBVTT\n\nNOTE nothing here\n"), 0o644))
	out := filepath.Join(dir, "out.srt")
	code, _, stderr := runArgs(t, "", "convert", in, out)
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "no captions")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "nothing written")

	// An STL cut after its GSI block.
	srtIn := filepath.Join(dir, "one.srt")
	require.NoError(t, os.WriteFile(srtIn, []byte("1\n00:00:01,000 --> 00:00:02,000\nHello.\n"), 0o644))
	stlOut := filepath.Join(dir, "one.stl")
	code, _, stderr = runArgs(t, "", "convert", srtIn, stlOut, "--fps", "25", "--set", "stl.country=GBR")
	require.Equal(t, app.ExitOK, code, stderr)
	b, err := os.ReadFile(stlOut)
	require.NoError(t, err)
	cut := filepath.Join(dir, "cut.stl")
	require.NoError(t, os.WriteFile(cut, b[:1024], 0o644))
	code, _, stderr = runArgs(t, "", "convert", cut, filepath.Join(dir, "cut.srt"))
	assert.Equal(t, app.ExitBadInput, code, stderr)
}

// A line too long for a Teletext row says how to get past it.
func TestConvertRowTooLongHint(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "long.srt")
	require.NoError(t, os.WriteFile(in, []byte("1\n00:00:01,000 --> 00:00:03,000\nThis line has forty-two characters in it.\n"), 0o644))
	code, _, stderr := runArgs(t, "", "convert", in, filepath.Join(dir, "long.stl"), "--fps", "25", "--set", "stl.country=GBR")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "a Teletext row holds 37")
	assert.Contains(t, stderr, "stl.display_standard=open")
	code, _, stderr = runArgs(t, "", "convert", in, filepath.Join(dir, "open.stl"), "--fps", "25", "--set", "stl.country=GBR", "--set", "stl.display_standard=open")
	assert.Equal(t, app.ExitOK, code, stderr)
}
