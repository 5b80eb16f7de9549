package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/vtt"
	"github.com/sotcap/sotcap/internal/app"
	"github.com/sotcap/sotcap/timing"
)

const sampleSRT = "1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Café “déjà vu”</i>\r\n<font color=\"#ffff00\">— Привет, مرحبا</font>\r\n\r\n" +
	"2\r\n00:00:03,020 --> 00:00:04,980\r\n{\\an8}Top & <3\r\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestConvertSRTToVTTAndBack(t *testing.T) {
	in := writeTemp(t, "in.srt", sampleSRT)
	dir := filepath.Dir(in)
	code, out, stderr := runArgs(t, "", "convert", in, filepath.Join(dir, "out.vtt"))
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, out, "2 captions")
	assert.Empty(t, stderr)
	got, err := os.ReadFile(filepath.Join(dir, "out.vtt"))
	require.NoError(t, err)
	assert.Equal(t, "WEBVTT\n\n"+
		"1\n00:00:01.000 --> 00:00:02.500\n<i>Café “déjà vu”</i>\n<c.yellow>— Привет, مرحبا</c>\n\n"+
		"2\n00:00:03.020 --> 00:00:04.980 line:0%\nTop &amp; &lt;3\n", string(got))

	code, _, stderr = runArgs(t, "", "convert", filepath.Join(dir, "out.vtt"), filepath.Join(dir, "back.txt"), "--to", "srt")
	require.Equal(t, app.ExitOK, code, stderr)
	back, err := os.ReadFile(filepath.Join(dir, "back.txt"))
	require.NoError(t, err)
	want := strings.ReplaceAll(sampleSRT, "\r\n", "\n")
	assert.Equal(t, want, string(back), "SRT → WebVTT → SRT gives the SRT back (LF endings)")
}

func TestConvertSniffsFormatAndHonoursTo(t *testing.T) {
	in := writeTemp(t, "captions.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>Hi</v>\n")
	out := filepath.Join(filepath.Dir(in), "x.out")
	code, _, stderr := runArgs(t, "", "convert", in, out, "--to", "srt")
	require.Equal(t, app.ExitOK, code, stderr)
	b, _ := os.ReadFile(out)
	assert.Equal(t, "1\n00:00:01,000 --> 00:00:02,000\nHi\n", string(b))
}

func TestConvertOffsetAndFPS(t *testing.T) {
	in := writeTemp(t, "in.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:03,000 --> 00:00:04,010\ny\n")
	dir := filepath.Dir(in)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--offset", "+1.5s"}, "00:00:02,500 --> 00:00:03,500"},
		{[]string{"--offset", "-500ms"}, "00:00:00,500 --> 00:00:01,500"},
		{[]string{"--offset", "00:00:10.250"}, "00:00:11,250 --> 00:00:12,250"},
		{[]string{"--offset", "-00:00:00,999"}, "00:00:00,001 --> 00:00:01,001"},
		{[]string{"--offset", "+00:00:10:12", "--fps", "25"}, "00:00:11,480 --> 00:00:12,480"},
		// 29.97: 1 s is frame 29.97 → 30 → 1.001 s; 4.010 s → frame 120 → 4.004 s.
		{[]string{"--fps", "29.97"}, "00:00:01,001 --> 00:00:02,002"},
		{[]string{"--fps", "29.97"}, "00:00:03,003 --> 00:00:04,004"},
		// 00:01:00;02 drop frame is frame 1800 at 29.97 = 60.06 s.
		{[]string{"--fps", "29.97", "--offset", "00:01:00;02"}, "00:01:01,061 --> 00:01:02,062"},
	}
	for _, tc := range cases {
		out := filepath.Join(dir, "out.srt")
		code, _, stderr := runArgs(t, "", append([]string{"convert", in, out}, tc.args...)...)
		require.Equal(t, app.ExitOK, code, "%v: %s", tc.args, stderr)
		b, _ := os.ReadFile(out)
		assert.Contains(t, string(b), tc.want, "%v", tc.args)
	}
}

func TestConvertWarningsGoToStderr(t *testing.T) {
	in := writeTemp(t, "in.srt", "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nafter blank\n\n2\n00:00:03,000 --> 00:00:04,000\n\n3\n00:00:05,000 --> 00:00:06,000\nz\n")
	out := filepath.Join(filepath.Dir(in), "out.vtt")
	code, stdout, stderr := runArgs(t, "", "convert", in, out)
	require.Equal(t, app.ExitOK, code, stderr)
	assert.Contains(t, stderr, "in.srt:5: warning: blank line inside cue 1")
	assert.Contains(t, stderr, "in.srt:8: warning: cue 2 has no text")
	assert.Contains(t, stderr, "1 cues without text were left out")
	assert.Contains(t, stdout, "2 captions")
	caps, err := vtt.NewReader(strings.NewReader(mustRead(t, out))).ReadAll()
	require.NoError(t, err)
	require.Len(t, caps, 2)
	assert.Equal(t, "first\nafter blank", caps[0].Text())
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

// Without --strict a cue players skip is skipped with a warning, and the
// rest converts.
func TestConvertSkipsWhatPlayersSkip(t *testing.T) {
	bad := writeTemp(t, "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:0x,000 --> 00:00:04,000\ny\n\nstray line\n\n3\n25:00:00,000 --> 25:00:01,500\n<b>z</b>\n")
	out := filepath.Join(filepath.Dir(bad), "out.vtt")
	code, _, stderr := runArgs(t, "", "convert", bad, out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "bad.srt:6: warning: malformed cue skipped")
	assert.Contains(t, stderr, `bad.srt:9: warning: line "stray line" skipped`)
	assert.Equal(t, "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nx\n\n3\n25:00:00.000 --> 25:00:01.500\n<b>z</b>\n", mustRead(t, out))
}

func TestConvertBadInputWritesNothing(t *testing.T) {
	good := writeTemp(t, "good.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n")
	dir := filepath.Dir(good)
	bad := filepath.Join(dir, "bad.srt")
	require.NoError(t, os.WriteFile(bad, []byte("1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:0x,000 --> 00:00:04,000\ny\n"), 0o644))
	existing := filepath.Join(dir, "existing.vtt")
	require.NoError(t, os.WriteFile(existing, []byte("keep me"), 0o644))
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{bad, existing, "--strict"}, "bad.srt:6:1: malformed timing line: malformed timestamp"},
		{[]string{good, existing, "--offset", "-2s"}, "good.srt:2: cue 1 cannot be written as WebVTT: starts at -00:00:01.000, before 00:00:00.000 of the file (after --offset -2s)"},
		{[]string{good, existing, "--offset", "+24h"}, "past 24 hours"},
		{[]string{filepath.Join(dir, "missing.srt"), existing}, "missing.srt: no such file"},
		{[]string{good, filepath.Join(dir, "out.xyz")}, "cannot tell the output format"},
		{[]string{good, existing, "--to", "ass"}, `--to "ass": expected srt, vtt, stl`},
		{[]string{good, filepath.Join(dir, "out.stl")}, "SRT → EBU STL needs --fps"},
		{[]string{good, existing, "--fps", "26"}, "--fps: unknown frame rate"},
		{[]string{good, existing, "--offset", "00:00:10:00"}, "give --fps"},
		{[]string{good, existing, "--offset", "10"}, "expected a duration with a unit"},
		{[]string{good, existing, "--offset", "00:00:10;00", "--fps", "25"}, "drop frame exists only at 29.97 and 59.94"},
		{[]string{good, existing, "--start", "10:00:00:00"}, "--start sets EBU STL's programme start"},
		{[]string{good, existing, "--language", "en"}, "--language sets the captions' language"},
		{[]string{good}, "expected IN OUT, IN... --out-dir DIR"},
	}
	for _, tc := range cases {
		code, _, stderr := runArgs(t, "", append([]string{"convert"}, tc.args...)...)
		assert.Equal(t, app.ExitBadInput, code, "%v", tc.args)
		assert.Contains(t, stderr, tc.msg, "%v", tc.args)
		assert.Equal(t, "keep me", mustRead(t, existing), "%v: the existing output is untouched", tc.args)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"good.srt", "bad.srt", "existing.vtt"}, names, "no partial or temporary files")
}

// A big file converts cue by cue and reads back exactly.
func TestConvertLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	var b strings.Builder
	w := srt.NewWriter(&b)
	rate := timing.Rate25()
	for i := 0; i < 20000; i++ {
		require.NoError(t, w.Write(captionAt(rate, int64(i))))
	}
	require.NoError(t, w.Flush())
	in := writeTemp(t, "big.srt", b.String())
	out := filepath.Join(filepath.Dir(in), "big.vtt")
	code, _, stderr := runArgs(t, "", "convert", in, out, "--fps", "25")
	require.Equal(t, app.ExitOK, code, stderr)
	caps, err := vtt.NewReader(strings.NewReader(mustRead(t, out))).ReadAll()
	require.NoError(t, err)
	require.Len(t, caps, 20000)
	for i, c := range caps {
		want := captionAt(rate, int64(i))
		require.Equal(t, want.Start, c.Start)
		require.Equal(t, want.End, c.End)
		require.Equal(t, want.Text(), c.Text())
	}
}

func captionAt(r timing.Rate, i int64) (c captions.Caption) {
	c.Start = r.Duration(timing.Frame(25 + 30*i))
	c.End = r.Duration(timing.Frame(25 + 30*i + 20))
	c.Lines = append(c.Lines, captions.Line{Text: "Caption " + time.Duration(i).String()})
	return c
}

// SRT → WebVTT → SRT through the command at every rate keeps every cue
// on its frame and its text.
func TestConvertRoundTripEveryRate(t *testing.T) {
	for _, rate := range timing.SupportedRates() {
		caps, frames := frameCaptions(300, rate)
		var b strings.Builder
		_, err := srt.Write(&b, captions.Document{Captions: caps}, srt.WriteOptions{})
		require.NoError(t, err)
		in := writeTemp(t, "in.srt", b.String())
		dir := filepath.Dir(in)
		mid, out := filepath.Join(dir, "mid.vtt"), filepath.Join(dir, "out.srt")
		code, _, stderr := runArgs(t, "", "convert", in, mid, "--fps", rate.String())
		require.Equal(t, app.ExitOK, code, stderr)
		code, _, stderr = runArgs(t, "", "convert", mid, out, "--fps", rate.String())
		require.Equal(t, app.ExitOK, code, stderr)
		got, err := srt.NewReader(strings.NewReader(mustRead(t, out))).ReadAll()
		require.NoError(t, err)
		require.Len(t, got, len(caps), rate.String())
		for i := range caps {
			require.Equal(t, frames[i][0], rate.Frames(got[i].Start), "%s cue %d", rate, i+1)
			require.Equal(t, frames[i][1], rate.Frames(got[i].End), "%s cue %d", rate, i+1)
			require.Equal(t, caps[i].Lines, got[i].Lines, "%s cue %d", rate, i+1)
		}
		assert.Equal(t, b.String(), mustRead(t, out), "%s: the SRT comes back byte for byte", rate)
	}
}

// frameCaptions makes n captions on whole frames of rate, in several
// scripts, some italic, some coloured, some placed.
func frameCaptions(n int, rate timing.Rate) ([]captions.Caption, [][2]timing.Frame) {
	texts := []string{"Café “déjà vu” — naïve…", "مرحبا بالعالم", "Съешь же ещё", "Fish & chips > 5 €", "2 < 3"}
	var caps []captions.Caption
	var frames [][2]timing.Frame
	f := timing.Frame(rate.Nominal())
	for i := 0; i < n; i++ {
		in, out := f+timing.Frame(i%3), f+timing.Frame(i%3)+timing.Frame(rate.Nominal())+timing.Frame(i%7)
		c := captions.Caption{Start: rate.Duration(in), End: rate.Duration(out)}
		if i%4 == 1 {
			c.Row, c.Align = 1, captions.AlignLeft
		}
		for k := 0; k <= i%3; k++ {
			l := captions.Line{Text: texts[(i+k)%len(texts)]}
			if (i+k)%len(texts) < 3 {
				l.Italic = (i+k)%2 == 0
				l.Color = captions.Color((i + k) % 9)
			}
			c.Lines = append(c.Lines, l)
		}
		caps = append(caps, c)
		frames = append(frames, [2]timing.Frame{in, out})
		f = out + 1
	}
	return caps, frames
}
