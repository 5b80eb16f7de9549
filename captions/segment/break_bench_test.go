package segment

import (
	"os"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
)

// BenchmarkBreakEnglish measures Break (tagging included) on the
// evaluation sets' sentences, one unit per line; b.SetBytes makes the
// figure MB/s of text. The floor is 1 MB/s on one core
// (go test -bench BreakEnglish -cpu 1 -benchmem).
func BenchmarkBreakEnglish(b *testing.B) {
	benchBreak(b, tedRules(), "testdata/segment_eval_en.txt", "testdata/segment_holdout2_en.txt")
}

// BenchmarkBreakNews measures Break in every language with a news set,
// at the set's geometry, on both halves.
func BenchmarkBreakNews(b *testing.B) {
	for _, set := range newsSets {
		b.Run(set.lang, func(b *testing.B) {
			r := rules.Profile{Language: set.lang, MaxCharsPerLine: set.chars, MaxLines: set.lines}
			benchBreak(b, r, "testdata/segment_news_tune_"+set.lang+".txt", "testdata/segment_news_holdout_"+set.lang+".txt")
		})
	}
}

func benchBreak(b *testing.B, r rules.Profile, files ...string) {
	var units []string
	size := 0
	sep := " "
	if !writesSpaces(r.Language) {
		sep = ""
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = stripEvalTags(l, sep); l != "" {
				units = append(units, l)
				size += len(l)
			}
		}
	}
	if _, err := Break(r, units[0]); err != nil { // load the tagger outside the timing
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0, ok0 := cpuTime()
	for b.Loop() {
		for _, u := range units {
			if _, err := Break(r, u); err != nil {
				b.Fatal(err)
			}
		}
	}
	// With other work on the machine MB/s (wall) understates the speed;
	// cpu-MB/s is the throughput per second of this process's CPU time.
	if cpu1, ok1 := cpuTime(); ok0 && ok1 && cpu1 > cpu0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpu1-cpu0).Seconds(), "cpu-MB/s")
	}
}

// stripEvalTags returns the text of a tagged line, its words joined by
// sep; "" for a comment.
func stripEvalTags(l, sep string) string {
	if strings.HasPrefix(strings.TrimSpace(l), "#") {
		return ""
	}
	return strings.Join(ParseTagged(l).Words, sep)
}
