package train

import (
	"strings"

	"github.com/sotcap/sotcap/captions/segment/pos"
)

func lowerStr(s string) string { return strings.ToLower(s) }

// Result is a model's score on a test set.
type Result struct {
	Sentences, Words int
	// TagAcc is UPOS accuracy on the gold tokens; UnknownAcc the same on
	// words the model never saw in training (UnknownWords of them).
	TagAcc, UnknownAcc float64
	UnknownWords       int
	// TokF1 is the F1 of Tokenize on the raw sentence text against the
	// gold words (aligned in order, by form); PipelineAcc counts gold
	// words that Tokenize found and Tag tagged right, over all gold words.
	TokF1, PipelineAcc float64
}

// Evaluate scores tagger t on gold sentences.
func Evaluate(t *pos.Tagger, test []Sentence) Result {
	var r Result
	right, unkRight := 0, 0
	var gold, pred, match, pipeRight int
	for _, s := range test {
		r.Sentences++
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		for i, tg := range t.Tag(forms) {
			ok := int(tg.UPOS)-1 == classOf(s.Words[i].UPOS)
			r.Words++
			if ok {
				right++
			}
			if !tg.Known {
				r.UnknownWords++
				if ok {
					unkRight++
				}
			}
		}
		toks := t.Tokenize(s.Text)
		ptags := t.TagTokens(toks)
		p := make([]string, len(toks))
		for i, tk := range toks {
			p[i] = normApos(tk.Text)
		}
		g := make([]string, len(forms))
		for i, f := range forms {
			g[i] = normApos(f)
		}
		pairs := lcs(g, p)
		gold += len(g)
		pred += len(p)
		match += len(pairs)
		for _, pr := range pairs {
			if int(ptags[pr[1]].UPOS)-1 == classOf(s.Words[pr[0]].UPOS) {
				pipeRight++
			}
		}
	}
	r.TagAcc = float64(right) / float64(max(r.Words, 1))
	r.UnknownAcc = float64(unkRight) / float64(max(r.UnknownWords, 1))
	r.TokF1 = f1(match, gold, pred)
	r.PipelineAcc = float64(pipeRight) / float64(max(gold, 1))
	return r
}

// lcs aligns two sequences by a longest common subsequence and returns the
// matched index pairs.
func lcs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	d := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &d[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else if *at(i+1, j) >= *at(i, j+1) {
				*at(i, j) = *at(i+1, j)
			} else {
				*at(i, j) = *at(i, j+1)
			}
		}
	}
	var out [][2]int
	i, j := 0, 0
	for i < n && j < m {
		if a[i] == b[j] {
			out = append(out, [2]int{i, j})
			i++
			j++
		} else if *at(i+1, j) >= *at(i, j+1) {
			i++
		} else {
			j++
		}
	}
	return out
}
