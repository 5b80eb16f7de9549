package segment

import (
	"errors"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/internal/proptest"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/rules"
)

// FuzzBreak checks Break's promises on any text: no panic, every word once
// in order, no line over the limit, or a WordTooLongError naming a word of
// the text.
func FuzzBreak(f *testing.F) {
	f.Add("We are aiming to get a better television service.", "en", 37, 2)
	f.Add("日本語の文章はスペースを使わずに書かれます。「こんにちは」", "ja", 13, 2)
	f.Add("قال الرئيس الروسي في موسكو، اليوم.", "ar", 42, 2)
	f.Add("e\u0301\u0301 \u200f \r\n x", "fr", 3, 1)
	f.Add("", "ko", 16, 3)
	f.Add("선거를 앞둔 후보들은 \"끝까지\" 최선을 다할 수 있었습니다. 12개월 뒤에", "ko", 6, 2)
	f.Add("Une personne sur trois ne connaît pas son taux, et n'a jamais rien vu.", "fr", 12, 2)
	f.Add("Elle a crié\u00a0: «\u202fAu secours ! » puis plus rien ?", "fr", 8, 2)
	f.Add("ご飯を食べたらすぐに出かけましょう　遅れると 困るから", "ja", 6, 1)
	f.Fuzz(func(t *testing.T, text, lang string, cpl, lines int) {
		if cpl <= 0 || cpl > 200 || lines <= 0 || lines > 4 || len(text) > 2000 {
			return
		}
		r := rules.Profile{Language: lang, MaxCharsPerLine: cpl, MaxLines: lines}
		caps, err := Break(r, text)
		if err != nil {
			var wt *WordTooLongError
			if !errors.As(err, &wt) || !errors.Is(err, ErrWordTooLong) || !strings.Contains(text, wt.Word) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		var all []string
		for _, c := range caps {
			if len(c) == 0 || len(c) > lines {
				t.Fatalf("%d lines", len(c))
			}
			for _, l := range c {
				if r.Chars(l) > float64(cpl) {
					t.Fatalf("line %q: %g > %d", l, r.Chars(l), cpl)
				}
				all = append(all, l)
			}
		}
		cjk := measure.IsCJK(lang)
		if got, want := proptest.Flat(strings.Join(all, " "), cjk), proptest.Flat(text, cjk); got != want {
			t.Fatalf("words changed\n got %q\nwant %q", got, want)
		}
	})
}
