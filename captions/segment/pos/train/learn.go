package train

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

func normApos(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// learnTokenizer fills the tokeniser tables of m from training sentences:
// vocabulary, contractions, elisions, clitics, affix rules, abbreviations
// and whether hyphenated compounds are split.
func learnTokenizer(m *feat.Model, sents []Sentence) {
	vocab := map[uint32]byte{}
	type mwtStat struct {
		total, mwt int
		exp        map[string]int
	}
	mwts := map[string]*mwtStat{}
	elis := map[string]int{}
	clit := map[string]int{}
	sufR := map[string]int{}
	preR := map[string]int{}
	abbr := map[string]bool{}
	hyphenSplit, hyphenJoined := 0, 0
	gluedSuf, gluedPre := map[string]int{}, map[string]int{}
	glued, surfaces := 0, 0

	stat := func(k string) *mwtStat {
		s := mwts[k]
		if s == nil {
			s = &mwtStat{exp: map[string]int{}}
			mwts[k] = s
		}
		return s
	}
	for _, s := range sents {
		for _, w := range s.Words {
			vocab[feat.WordKey(normApos(w.Form))] = 1
		}
		for i, sf := range s.Surfaces {
			low := normApos(sf.Form)
			st := stat(low)
			surfaces++
			st.total++
			if sf.MWT {
				st.mwt++
				parts := make([]string, 0, sf.Last-sf.First+1)
				for k := sf.First; k <= sf.Last; k++ {
					parts = append(parts, normApos(s.Words[k].Form))
				}
				st.exp[strings.Join(parts, " ")]++
				if len(parts) >= 2 && strings.Join(parts, "") == low {
					last, first := parts[len(parts)-1], parts[0]
					if n := utf8.RuneCountInString(last); n <= 4 && hasLetter(last) {
						if strings.ContainsAny(last, "'") {
							clit[last]++
						} else {
							sufR[last]++
						}
					}
					if n := utf8.RuneCountInString(first); n <= 2 && hasLetter(first) && !strings.HasSuffix(first, "'") {
						preR[first]++
					}
				}
			}
			var prev, next *Surface
			if i > 0 {
				prev = &s.Surfaces[i-1]
			}
			if i+1 < len(s.Surfaces) {
				next = &s.Surfaces[i+1]
			}
			n := utf8.RuneCountInString(low)
			// Elided prefix glued to the next word.
			if n >= 2 && n <= 8 && strings.HasSuffix(low, "'") && sf.NoSpaceAfter && next != nil && unicode.IsLetter(firstRune(next.Form)) && hasLetter(low) {
				elis[low]++
			}
			// Clitic glued to the previous word.
			if prev != nil && prev.NoSpaceAfter && unicode.IsLetter(lastRune(prev.Form)) && n >= 2 && n <= 5 && hasLetter(low) &&
				(low[0] == '\'' || low[0] == '-' || low == "n't") {
				clit[low]++
			}
			// Letter clitics written glued to their host (Arabic "و" + "قال",
			// "علي" + "ها"): affix rules, used only where what is left is a
			// known word.
			if n <= 3 && lettersOnly(low) && prev != nil && prev.NoSpaceAfter && lettersOnly(prev.Form) {
				gluedSuf[low]++
				glued++
			}
			if n <= 2 && lettersOnly(low) && sf.NoSpaceAfter && next != nil && lettersOnly(next.Form) {
				gluedPre[low]++
			}
			if n >= 2 && strings.HasSuffix(low, ".") && hasLetter(low) {
				abbr[low] = true
			}
			if low == "-" && prev != nil && next != nil && prev.NoSpaceAfter && sf.NoSpaceAfter &&
				unicode.IsLetter(lastRune(prev.Form)) && unicode.IsLetter(firstRune(next.Form)) {
				hyphenSplit++
			}
			if k := strings.IndexByte(low, '-'); k > 0 && k < len(low)-1 && hasLetter(low[:k]) && hasLetter(low[k+1:]) {
				hyphenJoined++
			}
		}
	}
	m.Vocab = feat.NewKeyMap(vocab)
	for surf, st := range mwts {
		if st.mwt == 0 || st.mwt*2 <= st.total {
			continue
		}
		best, bn := "", 0
		for e, c := range st.exp {
			if c > bn || c == bn && e < best {
				best, bn = e, c
			}
		}
		m.MWTs = append(m.MWTs, feat.MWT{Surface: surf, Parts: strings.Split(best, " ")})
	}
	sort.Slice(m.MWTs, func(i, j int) bool { return m.MWTs[i].Surface < m.MWTs[j].Surface })
	m.Elisions = keysAtLeast(elis, 2)
	m.Clitics = keysAtLeast(clit, 3)
	// Glued letter clitics only where the treebank writes many (Arabic), not
	// from the odd "can|not" of a space-delimited language.
	if glued*50 > surfaces {
		for k, c := range gluedSuf {
			sufR[k] += c
		}
		for k, c := range gluedPre {
			preR[k] += c
		}
	}
	m.SuffixRules = keysAtLeast(sufR, 3)
	m.PrefixRules = keysAtLeast(preR, 3)
	for a := range abbr {
		m.Abbrevs = append(m.Abbrevs, a)
	}
	sort.Strings(m.Abbrevs)
	m.SplitHyphen = hyphenSplit > hyphenJoined
}

func keysAtLeast(m map[string]int, min int) []string {
	var out []string
	for k, c := range m {
		if c >= min {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func lettersOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}
