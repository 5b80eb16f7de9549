package segment

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/internal/proptest"
	"github.com/sotcap/sotcap/captions/measure"
)

func TestPropertyBreak(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < proptest.Cases(5000); i++ {
		r := proptest.RandProfile(rng)
		text := proptest.RandText(rng, r.Language, r.MaxCharsPerLine)
		caps, err := Break(r, text)
		if err != nil {
			t.Fatalf("case %d %+v: %q: %v", i, r, text, err)
		}
		var all []string
		for _, c := range caps {
			if len(c) == 0 || len(c) > r.MaxLines {
				t.Fatalf("case %d: %d lines (max %d): %q", i, len(c), r.MaxLines, c)
			}
			for _, l := range c {
				if r.Chars(l) > float64(r.MaxCharsPerLine) || strings.TrimSpace(l) != l || l == "" {
					t.Fatalf("case %d: line %q is %g chars (max %d)", i, l, r.Chars(l), r.MaxCharsPerLine)
				}
				all = append(all, l)
			}
		}
		cjk := measure.IsCJK(r.Language)
		if got, want := proptest.Flat(strings.Join(all, " "), cjk), proptest.Flat(text, cjk); got != want {
			t.Fatalf("case %d: words changed\n got %q\nwant %q", i, got, want)
		}
		again, _ := Break(r, text)
		if !reflect.DeepEqual(caps, again) {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
}
