package place

import (
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimeSOTRebreakKeepsClauses gives a window too short for Break's
// captions under a long minimum duration, so TimeSOT must re-break. The
// re-break must fit without compression, must not leave a fragment of a
// sentence under half a line (the 'on the table.' of packing), and must
// not break lines where packing does: after a preposition or article, or
// after a sentence's end in mid-line.
func TestSOTRebreakKeepsClauses(t *testing.T) {
	r := testRules()
	r.MinDuration = timing.TimeLength(3 * time.Second)
	rate := timing.Rate25()
	text := "As usual, we meet to exchange opinions and clarify the situation in Libya. " +
		"We have put everything we have in the political and military spheres on the table. " +
		"We trust each other because we do not hide anything."
	plain, err := segment.Break(r, text)
	require.NoError(t, err)
	in := Input{Turns: []captions.Turn{{Text: text}}, Rate: rate, Window: timing.Window{In: 0, Out: 100 * 25}}
	roomy, err := SOT(r, in)
	require.NoError(t, err)
	require.Len(t, roomy.Captions, len(plain))
	for _, c := range roomy.Captions {
		t.Logf("roomy %q", c.Text())
	}
	// Half a minimum duration short of what Break's captions need.
	frames := rate.Frames(time.Duration(roomy.NeededSeconds*float64(time.Second))) - 3*25/2
	in.Window = timing.Window{In: 0, Out: frames}
	in.Limit = frames + 2
	res, err := SOT(r, in)
	require.NoError(t, err)
	for _, c := range res.Captions {
		t.Logf("%d-%d %q", rate.Frames(c.Start), rate.Frames(c.End), c.Text())
	}
	assert.False(t, res.Compressed, "the text fits once short captions are merged")
	assert.Less(t, len(res.Captions), len(plain))
	for k, c := range res.Captions {
		text := strings.Join(lineTexts(c), " ")
		whole := (k == 0 || endsSentence(lineTexts(res.Captions[k-1]))) && endsSentence(lineTexts(c))
		if !whole && r.Chars(text) < float64(r.MaxCharsPerLine)/2 {
			t.Errorf("caption %d %q is a fragment under half a line", k+1, text)
		}
		for _, l := range c.Lines {
			// The guide's never-separate pairs and "a new sentence starts a
			// new line" (BBC), which packing breaks first.
			words := strings.Fields(l.Text)
			switch strings.ToLower(words[len(words)-1]) {
			case "the", "a", "an", "in", "of", "on", "to", "for", "with":
				t.Errorf("caption %d line %q ends in %q", k+1, l.Text, words[len(words)-1])
			}
			for _, w := range words[:len(words)-1] {
				if endsSentence([]string{w}) {
					t.Errorf("caption %d line %q ends a sentence mid-line", k+1, l.Text)
				}
			}
		}
	}
}

func lineTexts(c captions.Caption) []string {
	out := make([]string, len(c.Lines))
	for k, l := range c.Lines {
		out[k] = l.Text
	}
	return out
}

func endsSentence(lines []string) bool {
	s := strings.TrimRight(lines[len(lines)-1], `"'”’)]`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}
