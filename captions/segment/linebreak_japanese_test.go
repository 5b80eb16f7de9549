package segment

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// Japanese subtitles break lines between bunsetsu (文節: a content word
// and the particles and auxiliaries that follow it), never inside one:
// not inside 歴史的な or 行きました, not before the particle of a noun
// (建物|が). The sentences are written for this test in the Netflix
// Japanese Timed Text Style Guide's manner (13 full-width characters a
// line, a half-width space for 、 and a full-width one for 。); the bars
// mark the bunsetsu boundaries, set by hand from the sentences' grammar,
// not from any output of the segmenter.
var japaneseBunsetsu = []string{
	"この|町には|歴史的な|建物が|たくさん|残っています",
	"私は|昨日|友達と|一緒に|東京の|歴史的な|建物を|見に|行きました",
	"明日の|会議は|午後三時から|始まる|予定です",
	"日本語の|文章は| |スペースを|使わずに|書かれます",
	"彼女は|毎朝|早く|起きて|公園を|散歩するのが|好きです",
	"そんな|ことを|言われても|困ります",
	"父は|来週|大阪の|病院で|手術を|受ける|ことに|なりました",
	"ご飯を|食べたら|すぐに|出かけましょう|　|遅れると|困るから",
	"経済的な|理由で|大学を|辞めなければ|なりませんでした",
}

// bunsetsuStops returns the text without bars and the set of counts of
// non-space characters before each bunsetsu boundary.
func bunsetsuStops(annotated string) (string, map[int]bool) {
	stops := map[int]bool{}
	n := 0
	var text strings.Builder
	for _, r := range annotated {
		switch {
		case r == '|':
			stops[n] = true
		case unicode.IsSpace(r):
			text.WriteRune(r)
		default:
			text.WriteRune(r)
			n++
		}
	}
	return text.String(), stops
}

func TestBreakJapaneseAtBunsetsuBoundaries(t *testing.T) {
	for _, a := range japaneseBunsetsu {
		text, stops := bunsetsuStops(a)
		for _, geo := range []struct{ cpl, lines int }{{13, 2}, {10, 2}, {8, 2}, {9, 1}} {
			caps := breakWith(t, "ja", geo.cpl, geo.lines, text)
			n := 0
			for _, c := range caps {
				for _, l := range c {
					if n > 0 && !stops[n] {
						t.Errorf("%s (%d×%d): break inside a bunsetsu before %q in %q", a, geo.cpl, geo.lines, l, caps)
					}
					n += len([]rune(strings.Map(dropSpace, l)))
				}
			}
		}
	}
}

func dropSpace(r rune) rune {
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}

func TestBreakJapanesePrefersParticleEnds(t *testing.T) {
	// The subject phrase ends with its particle and the predicate takes
	// the second line; "この町には歴史的な / 建物が…" splits the noun from
	// its modifier and "…建物 / が…" puts a particle at a line start.
	assert.Equal(t, [][]string{{"この町には歴史的な建物が", "たくさん残っています"}},
		breakWith(t, "ja", 13, 2, "この町には歴史的な建物がたくさん残っています"))
	// A full-width space stands for 。 (Netflix): the sentence ends
	// there, so the caption does too.
	caps := breakWith(t, "ja", 13, 2, "ご飯を食べたらすぐに出かけましょう　遅れると困るから")
	assert.Len(t, caps, 2, "%q", caps)
	assert.Equal(t, []string{"遅れると困るから"}, caps[len(caps)-1])
	// A half-width space stands for 、: the line breaks there (after
	// punctuation, Netflix General Requirements) and drops the space.
	assert.Equal(t, [][]string{{"日本語の文章は", "スペースを使わずに書く"}},
		breakWith(t, "ja", 13, 2, "日本語の文章は スペースを使わずに書く"))
}

func TestBreakJapaneseKeepsKinsoku(t *testing.T) {
	// Bunsetsu costs never override kinsoku: no line starts with a
	// closing bracket, 。、 or a small kana, none ends with an opening one.
	for _, text := range []string{
		"「ちょっと待って」と彼女は言ったが　誰も止まらなかった",
		"彼は『もう二度と来ない』と言って出ていった。",
		"チョコレートケーキを買ってきたよ！",
	} {
		for _, cpl := range []int{6, 8, 10, 13} {
			for _, c := range breakWith(t, "ja", cpl, 2, text) {
				for _, l := range c {
					first := []rune(l)[0]
					last := []rune(l)[len([]rune(l))-1]
					assert.False(t, noBreakBefore(first), "%q starts line %q", string(first), l)
					assert.False(t, noBreakAfter(last), "%q ends line %q", string(last), l)
				}
			}
		}
	}
}
