package segment

import (
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
)

// This file scores Break on human-segmented subtitles in other languages:
// the Tears of Steel subtitles (Blender Foundation, CC BY 3.0; see
// testdata/SOURCES.md), cut into sentence units as `sotcap learn` cuts an
// archive. Each language's units are split in two by time: the first
// half may be looked at while tuning, the second half is held out and is
// never tuned on. The line geometry is the human's own: the longest line
// of the set, two lines a caption, so that the human's segmentation is
// one the search may choose. Scores are logged (testdata/SEGMENT_EVAL.md
// reports them); the sets hold only 3 to 7 human breaks each, too few for
// a score floor, so the assertions are the rules that cannot be tuned:
// every word kept in order (Evaluate) and every line within the geometry
// (scoreStyle). The Sintel German and Italian subtitles (Blender
// Foundation, CC BY 3.0) are scored the same way; they are smaller still
// (13 units and 1 to 8 human breaks a half).

// refGeometry returns the profile of lang whose line is as long as the
// longest line of refs (at least 30 characters), two lines a caption.
func refGeometry(lang string, refs []Reference) rules.Profile {
	r := rules.Profile{Language: lang, MaxCharsPerLine: 30, MaxLines: 2}
	for _, u := range refs {
		start := 0
		for k := range u.Words {
			if k+1 == len(u.Words) || u.Breaks[k] != NoBreak {
				if n := int(r.Chars(strings.Join(u.Words[start:k+1], " ")) + 0.5); n > r.MaxCharsPerLine {
					r.MaxCharsPerLine = n
				}
				start = k + 1
			}
		}
	}
	return r
}

// logThreeWays scores refs from file under r with the built-in style,
// with the word lists alone (no UPOS costs) and with a greedy fill, and
// logs the three; scoreStyle fails the test on a line over the limit.
func logThreeWays(t *testing.T, file string, r rules.Profile, refs []Reference) {
	t.Helper()
	s := scoreStyle(t, r, refs, nil)
	noUPOS := DefaultStyle()
	noUPOS.UPOSWeight = 0
	w := scoreStyle(t, r, refs, noUPOS)
	g, err := Evaluate(r, refs, greedyFill(r))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s (%d×%d): UPOS costs: %v", file, r.MaxCharsPerLine, r.MaxLines, s)
	t.Logf("%s: word lists only: %v", file, w)
	t.Logf("%s: baseline fill: %v", file, g)
}

func TestSegmentEvalOtherLanguages(t *testing.T) {
	for _, set := range []struct {
		film     string // file name part: segment_<film>_<part>_<lang>.txt
		minUnits int    // fewer units than this means the file was cut short
		langs    []string
	}{
		{"tos", 30, []string{"de", "es", "fr"}},
		{"sintel", 13, []string{"de", "it"}},
	} {
		for _, lang := range set.langs {
			for _, part := range []string{"tune", "holdout"} {
				file := "testdata/segment_" + set.film + "_" + part + "_" + lang + ".txt"
				t.Run(set.film+"/"+lang+"/"+part, func(t *testing.T) {
					refs := readEvalSet(t, file)
					if len(refs) < set.minUnits {
						t.Fatalf("%s: %d units, want at least %d", file, len(refs), set.minUnits)
					}
					r := refGeometry(lang, refs)
					logThreeWays(t, file, r, refs)
				})
			}
		}
	}
}
