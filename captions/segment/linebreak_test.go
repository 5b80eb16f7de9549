package segment

import (
	"errors"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func breakWith(t *testing.T, lang string, cpl, lines int, text string) [][]string {
	t.Helper()
	r := rules.Profile{Language: lang, MaxCharsPerLine: cpl, MaxLines: lines}
	caps, err := Break(r, text)
	require.NoError(t, err)
	return caps
}

func TestBreakGuideExamples(t *testing.T) {
	// BBC Subtitle Guidelines: good "We are aiming to get / a better
	// television service.", bad "We are aiming to get a / better …".
	assert.Equal(t, [][]string{{"We are aiming to get", "a better television service."}},
		breakWith(t, "en", 37, 2, "We are aiming to get a better television service."))
	// One line when the text fits.
	assert.Equal(t, [][]string{{"Thank you very much."}}, breakWith(t, "en", 42, 2, "Thank you   very much."))
	assert.Empty(t, breakWith(t, "en", 42, 2, "  \t "))
}

// TestBreakNeverSeparates checks the guide's never-separate pairs: no line
// or caption of these sentences ends with the first word of a pair.
func TestBreakNeverSeparates(t *testing.T) {
	cases := []struct{ text, lang string }{
		{"The committee finally published the report about the economic consequences of the new tax.", "en"},
		{"She said that they would not accept the proposal from the government in its current form.", "en"},
		{"More than 1,000 people were evacuated from the island after the volcano erupted on Sunday.", "en"},
		{"President Barack Obama met Prime Minister David Cameron at the White House on Tuesday.", "en"},
		{"Le gouvernement a présenté hier un nouveau projet de loi sur la réforme des retraites.", "fr"},
		{"El presidente no ha querido comentar las declaraciones de su ministro de economía.", "es"},
		{"Die Bundesregierung hat am Dienstag einen neuen Plan für die Energiewende vorgestellt.", "de"},
		{"Президент заявил, что переговоры в Москве будут продолжены на следующей неделе.", "ru"},
	}
	bad := map[string]bool{}
	for _, lang := range []string{"en", "fr", "es", "de", "ru"} {
		for w, c := range lexiconFor(lang).words {
			if c&(wDet|wPrep|wTo|wPronSubj|wNeg|wClitic) != 0 && c&(wPronObj|wPronAmb|wPart|wEnclitic) == 0 {
				bad[w] = true
			}
		}
	}
	for _, tc := range cases {
		for _, cpl := range []int{30, 37, 42} {
			caps := breakWith(t, tc.lang, cpl, 2, tc.text)
			for ci, c := range caps {
				for li, l := range c {
					if ci == len(caps)-1 && li == len(c)-1 {
						continue
					}
					words := strings.Fields(l)
					last := strings.ToLower(words[len(words)-1])
					assert.False(t, bad[last], "%d: %q ends with %q in %q", cpl, l, last, caps)
					if last == "barack" || last == "prime" || last == "1,000" {
						t.Errorf("%d: %q splits a name or number pair in %q", cpl, l, caps)
					}
				}
			}
		}
	}
}

func TestBreakBalanceAndOrphans(t *testing.T) {
	for _, c := range breakWith(t, "en", 42, 2, "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.") {
		if len(c) == 2 {
			a, b := len(c[0]), len(c[1])
			assert.GreaterOrEqual(t, 2*min(a, b), max(a, b)/2, "very unbalanced pair %q", c)
		}
		assert.Greater(t, len(strings.Fields(strings.Join(c, " "))), 1, "one-word caption %q", c)
	}
}

func TestBreakKinsoku(t *testing.T) {
	text := "日本語の文章はスペースを使わずに書かれます。「こんにちは」と彼は言った。私は東京に住んでいます、そして毎日電車で会社へ行きます！"
	for _, cpl := range []int{5, 8, 13} {
		for _, c := range breakWith(t, "ja", cpl, 2, text) {
			for _, l := range c {
				first, last := []rune(l)[0], []rune(l)[len([]rune(l))-1]
				assert.False(t, noBreakBefore(first), "%d: line %q starts with %q", cpl, l, first)
				assert.False(t, noBreakAfter(last), "%d: line %q ends with %q", cpl, l, last)
			}
		}
	}
	// Half-width characters count 0.5: 26 Latin letters fit a 13-wide line.
	caps := breakWith(t, "ja", 13, 2, "abcdefghijklmnopqrstuvwxyz")
	assert.Equal(t, [][]string{{"abcdefghijklmnopqrstuvwxyz"}}, caps)
}

func TestBreakWordTooLong(t *testing.T) {
	r := rules.Profile{Language: "de", MaxCharsPerLine: 20, MaxLines: 2}
	_, err := Break(r, "Das ist die Donaudampfschifffahrtsgesellschaft.")
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrWordTooLong))
	var wt *WordTooLongError
	require.True(t, errors.As(err, &wt))
	assert.Equal(t, "Donaudampfschifffahrtsgesellschaft.", wt.Word)
	assert.Contains(t, err.Error(), "Donaudampfschifffahrtsgesellschaft")
}
