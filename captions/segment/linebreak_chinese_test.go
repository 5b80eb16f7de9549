package segment

import (
	"strings"
	"testing"
)

// Chinese is written without spaces, so a line may break between any two
// characters, but not inside a word (预|期, 农|业): the zh model's word
// segmentation prices those gaps. The sentences are news copy written for
// this test; the words listed for each are ones a break must not split.
func TestBreakChineseKeepsWords(t *testing.T) {
	for text, words := range map[string][]string{
		"经济学家预期今年第四季度的增长速度将明显放缓": {"经济", "预期", "季度", "增长", "速度", "明显", "放缓"},
		"这个小镇的居民大多数以捕鱼为生已经有几百年了": {"小镇", "居民", "捕鱼", "已经"},
		"政府宣布将在明年年初全面推行新的医疗保险制度": {"政府", "宣布", "明年", "全面", "推行", "医疗", "保险", "制度"},
		"专家认为气候变化对农业生产的影响越来越严重":  {"专家", "认为", "气候", "变化", "农业", "生产", "影响", "严重"},
	} {
		for cpl := 10; cpl <= 16; cpl++ {
			var lines []string
			for _, c := range breakWith(t, "zh", cpl, 2, text) {
				lines = append(lines, c...)
			}
			for i := 1; i < len(lines); i++ {
				for _, w := range words {
					for k := 1; k < len([]rune(w)); k++ {
						a, b := string([]rune(w)[:k]), string([]rune(w)[k:])
						if strings.HasSuffix(lines[i-1], a) && strings.HasPrefix(lines[i], b) {
							t.Errorf("at %d characters a line %q is split: %q", cpl, w, lines)
						}
					}
				}
			}
		}
	}
}
