package segment

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sotcap/sotcap/captions/measure"
)

// Korean is written with spaces between eojeol (a word with its particles
// and endings), and the Netflix Korean guide breaks lines only there: a
// break inside an eojeol (앞|둔, 밀어|붙이는) splits a word. Its characters
// still count as CJK (Hangul 1, a space 0.5). The sentences are news
// soundbites written for this test.
func TestBreakKoreanOnlyBetweenEojeol(t *testing.T) {
	for _, text := range []string{
		"정부는 내년 상반기까지 새로운 주택 공급 계획을 발표할 예정이라고 밝혔습니다.",
		"경찰은 사고 원인을 조사하고 있지만 아직 정확한 피해 규모는 파악되지 않았습니다.",
		"선거를 앞둔 후보들은 지지율이 동률을 이루자 마지막 유세에 총력을 기울이고 있습니다.",
		"야당은 정부가 밀어붙이는 예산안에 대해 끝까지 반대하겠다는 입장을 분명히 했습니다.",
	} {
		for cpl := 6; cpl <= 20; cpl++ {
			var got []string
			for _, c := range breakWith(t, "ko", cpl, 2, text) {
				for _, l := range c {
					assert.LessOrEqual(t, measure.Chars(l, "ko"), float64(cpl), "%d: %q", cpl, l)
					got = append(got, strings.Fields(l)...)
				}
			}
			if !slices.Equal(got, strings.Fields(text)) {
				t.Errorf("at %d characters a line the eojeol changed: %q", cpl, got)
			}
		}
	}
}

// TestBreakKoreanPhrases: a Korean line breaks after a phrase's particle
// or a clause's connective ending, not between a modifier and its noun
// (오늘 / 경기는) nor inside a verb and its auxiliary (포기하지 / 않고).
// Sentences written for this test at Netflix Korean's 16 characters.
func TestBreakKoreanPhrases(t *testing.T) {
	for text, want := range map[string][][]string{
		"비가 많이 내려서 오늘 경기는 다음 주로 연기됐습니다.":     {{"비가 많이 내려서 오늘 경기는", "다음 주로 연기됐습니다."}},
		"우리 팀은 끝까지 포기하지 않고 최선을 다할 수 있었습니다.":  {{"우리 팀은 끝까지 포기하지 않고", "최선을 다할 수 있었습니다."}},
		"지난주 발표된 정부의 새 정책은 많은 논란을 불러일으켰습니다.": {{"지난주 발표된 정부의 새 정책은", "많은 논란을 불러일으켰습니다."}},
	} {
		assert.Equal(t, want, breakWith(t, "ko", 16, 2, text))
	}
}
