package segment

import (
	"fmt"
	"testing"
)

// BenchmarkLearn measures Learn on 1,090 English units at 42×2: the four
// English evaluation sets, five times over, each copy of a set counted as
// one file.
func BenchmarkLearn(b *testing.B) {
	var refs []Reference
	for copy := range 5 {
		for _, f := range []string{"segment_eval_en", "segment_holdout_en", "segment_holdout2_en", "segment_holdout3_en"} {
			set := readEvalSet(b, "testdata/"+f+".txt")
			if copy == 0 && len(set) == 0 {
				b.Fatal(fmt.Errorf("%s: no units", f))
			}
			refs = append(refs, set...)
		}
	}
	r := tedRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Learn(r, refs, LearnOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(refs)), "units")
}
