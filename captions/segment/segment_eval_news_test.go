package segment

import (
	"os"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
)

// This file scores Break on news sets written for this project in each
// caption language: translated soundbites of the kind a news package
// carries, segmented by hand by the published guidelines for that language
// (sources and guidelines in testdata/SEGMENT_EVAL.md), never from sotcap's
// output. Each language has a tuning half (segment_news_tune_<lang>.txt),
// which may be looked at while choosing rules, and a held-out half
// (segment_news_holdout_<lang>.txt), written first and never tuned on.

// newsSets lists the languages with a news set and the line geometry the
// set was segmented for: 42 characters × 2 lines where the guides of the
// script agree on it (BBC, EBU, Netflix for Latin, Cyrillic and Arabic
// scripts), Netflix's 13 full-width characters for Japanese and 16 for
// Chinese and Korean.
var newsSets = []struct {
	lang  string
	chars int
	lines int
}{
	{"de", 42, 2},
	{"es", 42, 2},
	{"fr", 42, 2},
	{"it", 42, 2},
	{"pt", 42, 2},
	{"ru", 42, 2},
	{"ja", 13, 2},
	{"zh", 16, 2},
	{"ko", 16, 2},
	{"ar", 42, 2},
}

// newsMinUnits is the fewest units a half may hold: a shorter file was cut
// short.
const newsMinUnits = 30

func TestSegmentEvalNews(t *testing.T) {
	for _, set := range newsSets {
		r := rules.Profile{Language: set.lang, MaxCharsPerLine: set.chars, MaxLines: set.lines}
		for _, part := range []string{"tune", "holdout"} {
			file := "testdata/segment_news_" + part + "_" + set.lang + ".txt"
			t.Run(set.lang+"/"+part, func(t *testing.T) {
				refs := readEvalSet(t, file)
				if len(refs) < newsMinUnits {
					t.Fatalf("%s: %d units, want at least %d", file, len(refs), newsMinUnits)
				}
				for i, u := range refs {
					if len(u.Words) == 0 {
						t.Errorf("%s: unit %d is empty", file, i+1)
					}
				}
				logThreeWays(t, file, r, refs)
			})
		}
	}
}

// TestNewsSetsListed fails when a news set in testdata is missing from
// newsSets, so that no set goes unscored.
func TestNewsSetsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, s := range newsSets {
		listed[s.lang] = true
	}
	ents, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		rest, news := strings.CutPrefix(e.Name(), "segment_news_")
		rest, txt := strings.CutSuffix(rest, ".txt")
		_, lang, ok := strings.Cut(rest, "_")
		if news && txt && ok && !listed[lang] {
			t.Errorf("%s is not scored: add %q to newsSets", e.Name(), lang)
		}
	}
}

func TestEvaluateScoresPerCharacterWithoutSpaces(t *testing.T) {
	ref := ParseTagged("この町には <eol> 歴史的な建物が <eob> 残っています <eob>")
	r := rules.Profile{Language: "ja", MaxCharsPerLine: 13, MaxLines: 2}
	var gotText string
	s, err := Evaluate(r, []Reference{ref}, func(text string) ([][]string, error) {
		gotText = text
		return [][]string{{"この町には歴史的な"}, {"建物が残っています"}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if gotText != "この町には歴史的な建物が残っています" {
		t.Errorf("segmenter got %q, want the words joined without spaces", gotText)
	}
	// Reference breaks after には, が; the result breaks after な (a
	// caption end): no break matches.
	if s.F1 != 0 || s.Units != 1 {
		t.Errorf("score %v, want F1 0 over 1 unit", s)
	}
	s, err = Evaluate(r, []Reference{ref}, func(string) ([][]string, error) {
		return [][]string{{"この町には", "歴史的な建物が"}, {"残っています"}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.F1 != 1 || s.EOBF1 != 1 || s.Sigma < 99.9 {
		t.Errorf("score %v, want every break matched", s)
	}
	if _, err := Evaluate(r, []Reference{ref}, func(string) ([][]string, error) {
		return [][]string{{"この町に"}}, nil
	}); err == nil {
		t.Error("a result that drops characters was scored")
	}
}
