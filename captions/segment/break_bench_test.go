package segment

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkBreakEnglish measures Break (tagging included) on the
// evaluation sets' sentences, one unit per line; b.SetBytes makes the
// figure MB/s of text. The floor is 1 MB/s on one core
// (go test -bench BreakEnglish -cpu 1 -benchmem).
func BenchmarkBreakEnglish(b *testing.B) {
	var units []string
	size := 0
	for _, f := range []string{"testdata/segment_eval_en.txt", "testdata/segment_holdout2_en.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = stripEvalTags(l); l != "" {
				units = append(units, l)
				size += len(l)
			}
		}
	}
	r := tedRules()
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

func stripEvalTags(l string) string {
	if strings.HasPrefix(strings.TrimSpace(l), "#") {
		return ""
	}
	return strings.Join(ParseTagged(l).Words, " ")
}
