package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sotcap/sotcap/captions"
)

// TestUnitsEndAtSentenceEnds: an archive's captions group into units that
// end where a sentence ends, in any script: ". ? !", an ellipsis, the
// full-width marks of Japanese and Chinese, before closing quotes.
func TestUnitsEndAtSentenceEnds(t *testing.T) {
	caps := func(lines ...string) captions.Document {
		var d captions.Document
		for _, l := range lines {
			d.Captions = append(d.Captions, captions.Caption{Lines: []captions.Line{{Text: l}}})
		}
		return d
	}
	for _, tc := range []struct {
		doc  captions.Document
		want int
	}{
		{caps("It was late,", "and we left."), 1},
		{caps("We waited…", "Nobody came."), 2},
		{caps("«On verra.»", "Puis il est parti."), 2},
		{caps("会議は明日です。", "遅れないでください！"), 2},
		{caps("他说：“我们会赢。”", "大家都笑了"), 2},
		{caps("Is it true?", "- Yes.", "- No."), 1},
		{caps("Then he said", "nothing at all"), 1},
	} {
		assert.Len(t, unitsOf(tc.doc), tc.want, "%v", tc.doc.Captions)
	}
}
