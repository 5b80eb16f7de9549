package config

import (
	"testing"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPresetForEachCaptionLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"en": DefaultProfile, "en-GB": DefaultProfile, "": DefaultProfile,
		"fr": "netflix-fr", "fr-CA": "netflix-fr", "de": "netflix-de", "es": "netflix-es", "ar": "netflix-ar",
		"ru": "netflix-ru", "zh": "netflix-zh-hans", "zh-Hans": "netflix-zh-hans", "ja": "netflix-ja",
		"tr": "", "uk": "",
	} {
		assert.Equal(t, want, PresetFor(lang), lang)
		if want != "" {
			p, err := Preset(want)
			require.NoError(t, err)
			assert.Equal(t, primaryOf(lang, "en"), primaryOf(p.Language, ""), "preset %s is in %s", want, lang)
		}
	}
}

func primaryOf(tag, empty string) string {
	if tag == "" {
		return empty
	}
	for i, r := range tag {
		if r == '-' {
			return tag[:i]
		}
	}
	return tag
}

func TestProfileChosenAndExplicitKeys(t *testing.T) {
	c, err := Load(Options{Environ: []string{}})
	require.NoError(t, err)
	assert.False(t, c.ProfileChosen())
	assert.False(t, c.Explicit(KeyLanguage))

	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	AddFlags(fs)
	require.NoError(t, fs.Parse([]string{"--profile", "netflix-en", "--language", "fr"}))
	c, err = Load(Options{Flags: fs, Environ: []string{}})
	require.NoError(t, err)
	assert.True(t, c.ProfileChosen())
	assert.True(t, c.Explicit(KeyLanguage))

	c, err = Load(Options{Environ: []string{"SOTCAP_PROFILE=ted"}})
	require.NoError(t, err)
	assert.True(t, c.ProfileChosen(), "the environment chose it")
}
