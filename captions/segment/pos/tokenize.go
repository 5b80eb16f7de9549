package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

// Token is one syntactic word of the input, as the tagger sees it.
type Token struct {
	// Text is the word: a substring of the input, or, for one part of a
	// contraction, the word it stands for ("de" and "el" for "del").
	Text string
	// Start and End are the byte offsets of the token's surface span in the
	// input. The parts of one contraction share the span of the whole
	// surface form, so a line breaker can map tokens back to its words.
	Start, End int
	// Multi is true for the parts of a contraction (several tokens, one
	// surface span).
	Multi bool
}

// Tokenize splits text into tokens with the model of lang; a language
// without a model gets plain whitespace-and-punctuation splitting.
func Tokenize(lang, text string) []Token {
	t, err := Load(lang)
	if err != nil {
		return plain.Tokenize(text)
	}
	return t.Tokenize(text)
}

// plain is a tokeniser with no learned tables.
var plain = newTagger(&feat.Model{Vocab: &feat.KeyMap{}, TagDict: &feat.KeyMap{}})

// Tokenize splits text into tokens: whitespace, punctuation, learned
// contractions, elisions and clitics; Chinese and Japanese are segmented
// into words.
func (t *Tagger) Tokenize(text string) []Token {
	out := make([]Token, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += sz
		}
		if t.m.Seg != nil {
			out = t.segmentChunk(out, text, i, j)
		} else {
			out = t.splitChunk(out, text, i, j)
		}
		i = j
	}
	return out
}

func (t *Tagger) inVocab(low string) bool {
	return t.m.Vocab.Has(feat.WordKey(low))
}

// normApos lower-cases s and writes typographic apostrophes as ASCII ones
// (rune for rune, so rune counts stay aligned with s).
func normApos(s string) string {
	low := lower(s)
	if strings.ContainsRune(low, '’') {
		low = strings.ReplaceAll(low, "’", "'")
	}
	return low
}

// splitChunk tokenises one whitespace-free chunk text[s:e].
func (t *Tagger) splitChunk(out []Token, text string, s, e int) []Token {
	// Leading punctuation, one run of one character at a time, unless what
	// is left is a known word ("'s", "...", "-").
	for s < e {
		if t.known(text[s:e]) {
			break
		}
		r, sz := utf8.DecodeRuneInString(text[s:])
		if !isPunct(r) {
			break
		}
		k := s + sz
		for k < e {
			r2, sz2 := utf8.DecodeRuneInString(text[k:])
			if r2 != r {
				break
			}
			k += sz2
		}
		out = append(out, Token{Text: text[s:k], Start: s, End: k})
		s = k
	}
	// Trailing punctuation, kept aside to emit after the core.
	var tail []Token
	for s < e {
		if t.known(text[s:e]) {
			break
		}
		r, sz := utf8.DecodeLastRuneInString(text[s:e])
		if !isPunct(r) {
			break
		}
		if r == '.' && t.abbrevs[normApos(text[s:e])] {
			break
		}
		k := e - sz
		for k > s {
			r2, sz2 := utf8.DecodeLastRuneInString(text[s:k])
			if r2 != r {
				break
			}
			k -= sz2
		}
		tail = append(tail, Token{Text: text[k:e], Start: k, End: e})
		e = k
	}
	if s < e {
		out = t.word(out, text, s, e, 0)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// known reports whether a chunk is a training word or contraction as it
// stands.
func (t *Tagger) known(w string) bool {
	low := normApos(w)
	if t.inVocab(low) {
		return true
	}
	_, ok := t.mwt[low]
	return ok
}

// word emits the tokens of one punctuation-free core text[s:e].
func (t *Tagger) word(out []Token, text string, s, e, depth int) []Token {
	w := text[s:e]
	low := normApos(w)
	if parts, ok := t.mwt[low]; ok {
		return t.emitParts(out, w, parts, s, e)
	}
	// A clitic with an apostrophe splits off even a form seen whole in
	// training ("company's"), when what is left is a known word.
	for _, c := range t.clitics {
		if c[0] == '\'' && len(low) > len(c) && strings.HasSuffix(low, c) && t.inVocab(low[:len(low)-len(c)]) {
			cut := runeCut(w, utf8.RuneCountInString(low[:len(low)-len(c)]))
			out = append(out, Token{Text: w[:cut], Start: s, End: s + cut})
			return append(out, Token{Text: w[cut:], Start: s + cut, End: e})
		}
	}
	if t.inVocab(low) || depth > 3 {
		return append(out, Token{Text: w, Start: s, End: e})
	}
	// Elided prefix: "l'homme", "qu'il", "dell'anno".
	if len(t.elisions) > 0 {
		n := 0
		for k, r := range w {
			n++
			if n > t.maxElision {
				break
			}
			if r == '\'' || r == '’' {
				p := k + utf8.RuneLen(r)
				if p < len(w) && t.elisions[normApos(w[:p])] {
					out = t.word(out, text, s, s+p, depth+1)
					return t.word(out, text, s+p, e, depth+1)
				}
				break
			}
		}
	}
	// Clitic suffix: "don't" = do n't, "dit-il" = dit -il.
	for _, c := range t.clitics {
		if len(low) > len(c) && strings.HasSuffix(low, c) {
			cut := runeCut(w, utf8.RuneCountInString(low)-utf8.RuneCountInString(c))
			if cut > 0 && cut < len(w) {
				out = t.word(out, text, s, s+cut, depth+1)
				return append(out, Token{Text: w[cut:], Start: s + cut, End: e})
			}
		}
	}
	// Hyphenated compound, where the treebank splits them.
	if t.m.SplitHyphen && !strings.ContainsAny(w, "/:.@") {
		if k := strings.IndexByte(w, '-'); k > 0 && k < len(w)-1 {
			out = t.word(out, text, s, s+k, depth+1)
			out = append(out, Token{Text: "-", Start: s + k, End: s + k + 1})
			return t.word(out, text, s+k+1, e, depth+1)
		}
	}
	// Learned affix splits of unseen forms whose remainder is a known word:
	// Spanish "comprarlo" = comprar lo, Arabic "وقال" = و قال.
	for _, a := range t.suffixRules {
		if len(low) > len(a)+2 && strings.HasSuffix(low, a) && t.inVocab(low[:len(low)-len(a)]) {
			cut := runeCut(w, utf8.RuneCountInString(low[:len(low)-len(a)]))
			out = t.word(out, text, s, s+cut, depth+1)
			return append(out, Token{Text: w[cut:], Start: s + cut, End: e})
		}
	}
	for _, a := range t.prefixRules {
		if len(low) > len(a)+2 && strings.HasPrefix(low, a) && t.inVocab(low[len(a):]) {
			cut := runeCut(w, utf8.RuneCountInString(a))
			out = append(out, Token{Text: w[:cut], Start: s, End: s + cut})
			return t.word(out, text, s+cut, e, depth+1)
		}
	}
	return append(out, Token{Text: w, Start: s, End: e})
}

// runeCut returns the byte offset of rune n of s.
func runeCut(s string, n int) int {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return i
}

// emitParts emits the words of a contraction, giving the first one the
// surface's capitalisation ("Del" = De el).
func (t *Tagger) emitParts(out []Token, w string, parts []string, s, e int) []Token {
	if len(parts) == 1 {
		return append(out, Token{Text: w, Start: s, End: e})
	}
	r, _ := utf8.DecodeRuneInString(w)
	title := unicode.IsUpper(r)
	for k, p := range parts {
		if k == 0 && title {
			r0, sz := utf8.DecodeRuneInString(p)
			p = string(unicode.ToUpper(r0)) + p[sz:]
		}
		out = append(out, Token{Text: p, Start: s, End: e, Multi: true})
	}
	return out
}

// segmentChunk splits a whitespace-free chunk of Chinese or Japanese into
// words: the BMES sequence with the best total score (Viterbi) under the
// segmenter's weights.
func (t *Tagger) segmentChunk(out []Token, text string, s, e int) []Token {
	chunk := text[s:e]
	n := utf8.RuneCountInString(chunk)
	rs := make([]rune, 0, n)
	offs := make([]int, 0, n+1)
	cls := make([]byte, 0, n)
	for k, r := range chunk {
		rs = append(rs, r)
		offs = append(offs, s+k)
		cls = append(cls, feat.CharClass(r))
	}
	offs = append(offs, e)
	var spans []feat.LexSpan
	if t.m.Lexicon != nil {
		spans = make([]feat.LexSpan, n)
		feat.LexSpans(t.m.Lexicon, rs, spans)
	}
	sc := make([]feat.SegScores, n)
	keys := make([]uint32, 0, feat.MaxSegFeatures)
	for i := range rs {
		keys = feat.SegStateFeatures(keys[:0], rs, cls, spans, i)
		t.m.Seg.Score(keys, sc[i].State[:])
		// The transition features (feat.SegTransFeatures): the previous
		// class alone, scored once at load, and with this rune.
		for p := byte(0); p <= feat.SegStart; p++ {
			if i == 0 && p != feat.SegStart || i > 0 && p == feat.SegStart {
				continue
			}
			sc[i].Trans[p] = t.segPrev[p]
			keys = append(keys[:0], feat.SegPrevRuneKey(p, rs[i]))
			t.m.Seg.Score(keys, sc[i].Trans[p][:])
		}
	}
	labels := make([]byte, n)
	feat.SegViterbi(sc, make([][feat.SegClasses]byte, n), labels)
	start := 0
	for i, c := range labels {
		if c == feat.SegE || c == feat.SegS {
			out = append(out, Token{Text: text[offs[start]:offs[i+1]], Start: offs[start], End: offs[i+1]})
			start = i + 1
		}
	}
	return out
}
