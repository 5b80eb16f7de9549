package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

func TestPresets(t *testing.T) {
	for _, name := range Profiles() {
		r, err := Preset(name)
		require.NoError(t, err, name)
		assert.Equal(t, name, r.Name)
		assert.Positive(t, r.MaxCharsPerLine, name)
		assert.Equal(t, 2, r.MaxLines, name)
		assert.Positive(t, r.MaxCPS, name)
		// Every preset survives Load unchanged.
		c, err := Load(Options{Profile: name, Environ: []string{}})
		require.NoError(t, err, name)
		assert.Equal(t, r, c.Rules(), name)
	}
	r, _ := Preset("ted")
	assert.Equal(t, 42, r.MaxCharsPerLine)
	assert.Equal(t, 21.0, r.MaxCPS)
	assert.Equal(t, timing.Frame(25), r.MinDuration.Frames(timing.Rate25()))
	r, _ = Preset("netflix-en")
	assert.Equal(t, timing.Frame(20), r.MinDuration.Frames(timing.Rate24()), "5/6 s is 20 frames at 24 fps")
	assert.Equal(t, timing.Frame(12), r.ShotChangeZone.Frames(timing.Rate24()))
	r, _ = Preset("netflix-ja")
	assert.Equal(t, 13, r.MaxCharsPerLine)
	assert.Equal(t, 4.0, r.MaxCPS)
	_, err := Preset("nope")
	assert.ErrorContains(t, err, "broadcast-en")
}

func TestDefault(t *testing.T) {
	c, err := Load(Options{Environ: []string{}})
	require.NoError(t, err)
	assert.Equal(t, DefaultProfile, c.Profile())
	r := c.Rules()
	assert.Equal(t, 37, r.MaxCharsPerLine)
	assert.Equal(t, "en", r.Language)
	assert.Equal(t, timing.TimeLength(500*time.Millisecond), r.MaxHang)
	assert.Equal(t, timing.Frame(13), r.MaxHang.Frames(timing.Rate25()), "12.5 frames rounded up")
}

func TestLayers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sotcap.yaml")
	require.NoError(t, os.WriteFile(file, []byte("profile: ted\nlanguage: fr\nrules:\n  max_cps: 15\n  max_lines: 3\n  min_duration: 20f\nstl:\n  publisher: x\n"), 0o644))
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	AddFlags(fs)
	require.NoError(t, fs.Parse([]string{"--max-cps", "12.5", "--set", "rules.speaker_change=dash", "--config", file}))
	c, err := Load(Options{Flags: fs, Environ: []string{"SOTCAP_RULES_MAX_CPS=14", "SOTCAP_RULES_MAX_LINES=1", "SOTCAP_RULES_MAX_HANG=1s", "HOME=/x"}})
	require.NoError(t, err)
	r := c.Rules()
	assert.Equal(t, "ted", r.Name)
	assert.Equal(t, 42, r.MaxCharsPerLine, "from the file's profile")
	assert.Equal(t, 12.5, r.MaxCPS, "flag beats env beats file")
	assert.Equal(t, 1, r.MaxLines, "env beats file")
	assert.Equal(t, timing.Frame(20), r.MinDuration.Frames(timing.Rate30()), "file: 20 frames at every rate")
	assert.Equal(t, timing.Frame(25), r.MaxHang.Frames(timing.Rate25()))
	assert.Equal(t, rules.SpeakerDash, r.SpeakerChange)
	assert.Equal(t, "fr", r.Language)
	assert.Equal(t, "x", c.String("stl.publisher"))
	assert.Equal(t, "flag --max-cps", c.Source("rules.max_cps"))
	assert.Equal(t, "environment SOTCAP_RULES_MAX_LINES", c.Source("rules.max_lines"))

	// An explicit profile beats the file's.
	c, err = Load(Options{File: file, Profile: "netflix-de", Environ: []string{}})
	require.NoError(t, err)
	assert.Equal(t, "netflix-de", c.Profile())
	assert.Equal(t, 15.0, c.Rules().MaxCPS)
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	n := 0
	write := func(s string) string {
		n++
		f := filepath.Join(dir, fmt.Sprintf("c%d.yaml", n))
		require.NoError(t, os.WriteFile(f, []byte(s), 0o644))
		return f
	}
	cases := []struct {
		opts Options
		want string
	}{
		{Options{Profile: "bogus"}, `profile: unknown profile "bogus"`},
		{Options{File: write("rules:\n  max_cpz: 3\n")}, "rules.max_cpz: unknown rule"},
		{Options{File: write("rules:\n  max_cps: fast\n")}, `rules.max_cps: "fast"`},
		{Options{File: write("rules: [\n")}, "cannot read config"},
		{Options{File: filepath.Join(dir, "missing.yaml")}, "cannot read config"},
		{Options{Environ: []string{"SOTCAP_RULES_MIN_DURATION=soon"}}, "environment SOTCAP_RULES_MIN_DURATION: rules.min_duration"},
		{Options{Environ: []string{"SOTCAP_RULES_SPEAKER_CHANGE=colour"}}, "expected new-caption or dash"},
		{Options{Environ: []string{"SOTCAP_LANGUAGE=not a tag"}}, "BCP 47"},
		{Options{Environ: []string{"SOTCAP_RULES_MAX_CHARS_PER_LINE=0"}}, "above 0"},
		{Options{Environ: []string{"SOTCAP_RULES_MAX_DURATION=10f", "SOTCAP_RULES_MIN_DURATION=1s"}}, "shorter than min_duration"},
	}
	for _, tc := range cases {
		if tc.opts.Environ == nil {
			tc.opts.Environ = []string{}
		}
		_, err := Load(tc.opts)
		require.Error(t, err, tc.want)
		assert.Contains(t, err.Error(), tc.want)
		var ce *Error
		assert.True(t, errors.As(err, &ce))
	}
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	AddFlags(fs)
	require.NoError(t, fs.Parse([]string{"--set", "rules.nope=1"}))
	_, err := Load(Options{Flags: fs, Environ: []string{}})
	assert.ErrorContains(t, err, "unknown key")
}

func TestEnvNames(t *testing.T) {
	assert.Equal(t, "SOTCAP_RULES_MAX_CPS", EnvName("rules.max_cps"))
	for _, k := range Keys() {
		assert.NotEmpty(t, k.Usage, k.Name)
	}
}

func FuzzParseLength(f *testing.F) {
	for _, s := range []string{"1.5s", "20f", "500ms", "0.5", "1m2s", "-1f", "f", "9999999999999999999f", "1e300", "NaN", "+Inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLength(s)
		if err != nil {
			return
		}
		for _, r := range timing.SupportedRates() {
			if n := l.Frames(r); n < 0 {
				t.Fatalf("%q: %d frames at %v", s, n, r)
			}
		}
		back, err := ParseLength(l.String())
		if err != nil || back.Frames(timing.Rate25()) != l.Frames(timing.Rate25()) {
			t.Fatalf("%q → %q does not round-trip: %v", s, l.String(), err)
		}
	})
}

func TestAddFlagsKeepsExisting(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.String("profile", "ted", "the command's own")
	fs.String("config", "", "the command's own")
	AddFlags(fs)
	AddFlags(fs) // twice is harmless
	require.NoError(t, fs.Parse([]string{"--profile", "dcmp", "--max-lines", "3"}))
	c, err := Load(Options{Flags: fs, Environ: []string{}})
	require.NoError(t, err)
	assert.Equal(t, "dcmp", c.Profile())
	assert.Equal(t, 3, c.Rules().MaxLines)
}
