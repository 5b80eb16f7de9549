package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// French typography puts a no-break space (U+00A0, or the narrow U+202F)
// before ? ! : ; and », and after «: the mark never starts a line or a
// caption and « never ends one (Imprimerie nationale, Lexique des règles
// typographiques; Netflix French Timed Text Style Guide writes
// "comprendre !"). Input typed with a plain space there is read the same
// way.

// frenchBreakViolation returns the first line boundary of caps that
// separates a word from its ? ! : ; » or « from its word, or "".
func frenchBreakViolation(caps [][]string) string {
	var lines []string
	for _, c := range caps {
		lines = append(lines, c...)
	}
	for k := 1; k < len(lines); k++ {
		first, _ := utf8.DecodeRuneInString(lines[k])
		last, _ := utf8.DecodeLastRuneInString(lines[k-1])
		if strings.ContainsRune("?!:;»›", first) || strings.ContainsRune("«‹", last) {
			return lines[k-1] + " / " + lines[k]
		}
	}
	return ""
}

func TestBreakFrenchNoBreakBeforeHighPunctuation(t *testing.T) {
	cases := []struct {
		text     string
		cpl, max int
	}{
		// Each line is full before the mark, so a breaker that takes the
		// space before it for an ordinary one ends the line there.
		{"Tu viens avec nous ce soir ? Oui, bien sûr.", 26, 1},
		{"Il y a trois choses à retenir : le temps, l'argent et la patience.", 16, 1},
		{"Elle est partie très tôt ; personne ne sait où elle est allée.", 24, 1},
		{"C'est incroyable ! Je n'aurais jamais cru voir ça un jour.", 16, 1},
		{"Est-ce que tu as vraiment compris ce qu'il voulait dire ?", 41, 2},
		{"Je me disais bien que tu finirais par comprendre !", 33, 1},
		{"Il m'a répondu « Pas question » avant de claquer la porte.", 16, 2},
		{"Il a dit « Jamais de la vie » et il est parti sans un mot.", 10, 2},
		{"Elle a crié : « Au secours ! » puis plus rien.", 12, 2},
	}
	for _, c := range cases {
		for _, sp := range []string{" ", "\u00a0", "\u202f"} {
			text := frenchSpaces(c.text, sp)
			caps := breakWith(t, "fr", c.cpl, c.max, text)
			if v := frenchBreakViolation(caps); v != "" {
				t.Errorf("%q (%d×%d, space %U): break at %q in %q", text, c.cpl, c.max, []rune(sp)[0], v, caps)
			}
		}
	}
}

// frenchSpaces writes sp for the space before ? ! : ; » and after « in s.
func frenchSpaces(s, sp string) string {
	r := strings.NewReplacer(" ?", sp+"?", " !", sp+"!", " :", sp+":", " ;", sp+";", " »", sp+"»", "« ", "«"+sp)
	return r.Replace(s)
}

func TestBreakFrenchKeepsTheInputSpace(t *testing.T) {
	// Whichever space the input used before the mark is the one the line
	// shows: a no-break space stays one (a renderer must not break
	// there either), a plain space stays plain.
	for _, sp := range []string{" ", "\u00a0", "\u202f"} {
		text := frenchSpaces("Tu viens avec nous ce soir ? Il a dit « Jamais » !", sp)
		caps := breakWith(t, "fr", 42, 2, text)
		var all []string
		for _, c := range caps {
			all = append(all, c...)
		}
		joined := strings.Join(all, "\n")
		for _, want := range []string{"soir" + sp + "?", "«" + sp + "Jamais" + sp + "»" + sp + "!"} {
			assert.Contains(t, joined, want, "space %U", []rune(sp)[0])
		}
	}
	// A plain space elsewhere is still one space: the other spaces of
	// the line are not turned into no-break spaces.
	caps := breakWith(t, "fr", 42, 2, "Tu\u00a0viens ?")
	assert.Equal(t, [][]string{{"Tu\u00a0viens ?"}}, caps)
}

func TestBreakNoBreakSpaceInAnyLanguage(t *testing.T) {
	// A no-break space is the writer's instruction in every language
	// (Unicode line breaking, UAX #14 class GL): "10 km", "Mr Smith".
	text := "The storm moved 120\u00a0km inland and reached the town of Port\u00a0Elizabeth."
	caps := breakWith(t, "en", 20, 2, text)
	for _, c := range caps {
		for _, l := range c {
			assert.False(t, strings.HasSuffix(l, "120") || strings.HasPrefix(l, "km") ||
				strings.HasSuffix(l, "Port") || strings.HasPrefix(l, "Elizabeth"), "line %q of %q", l, caps)
			assert.Equal(t, l, strings.TrimFunc(l, unicode.IsSpace))
		}
	}
}

func TestBreakKeepsFrenchNegation(t *testing.T) {
	// "ne connaît / pas": the verb keeps the second part of its negation,
	// at every line width where the sentence needs two lines.
	for cpl := 24; cpl <= 40; cpl++ {
		for _, c := range breakWith(t, "fr", cpl, 2, "Une personne sur trois ne connaît pas son taux de cholestérol, et n'a jamais fait de bilan.") {
			for _, l := range c {
				assert.False(t, strings.HasSuffix(l, "connaît") || strings.HasSuffix(l, "n'a"), "%d: %q", cpl, c)
			}
		}
	}
}
