// Package pos tags caption text with Universal Dependencies parts of speech.
//
// Each supported language has a compact model embedded in the binary
// (models/*.pos.gz, trained offline by tools/trainpos from Universal
// Dependencies treebanks; see models/SOURCES.md for sources, licences and
// accuracy). A model holds three things:
//
//   - tokeniser tables learned from the treebank: contractions (Spanish
//     "del" = de el, German "zum" = zu dem, French "au" = à le), elided
//     prefixes (French and Italian "l'", "qu'"), clitic suffixes (English
//     "n't", "'s"), abbreviations that keep their period, and affix rules
//     for unseen clitic forms (Spanish "comprarlo" = comprar lo);
//   - for Chinese and Japanese, a character-based word segmenter (BMES
//     classes, best sequence by Viterbi, structured averaged perceptron),
//     for Japanese with a word lexicon derived from IPADIC;
//   - an averaged-perceptron tagger (greedy, left to right) with a tag
//     dictionary for frequent unambiguous words.
//
// Typical use:
//
//	t, err := pos.Load("fr")
//	toks := t.Tokenize("Qu'il vienne au marché.")
//	tags := t.TagTokens(toks) // PRON VERB ADP DET NOUN PUNCT ...
//
// A Tagger is immutable once loaded and safe for concurrent use. Load reads
// each language's model once, on first use.
package pos

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// The 17 UPOS tags (https://universaldependencies.org/u/pos/). The zero
// value, Unknown, is never produced by a model.
const (
	Unknown UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
)

// NumUPOS is the number of UPOS tags (ADJ..X).
const NumUPOS = 17

var uposNames = [...]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UD name ("NOUN"), or "_" for Unknown.
func (u UPOS) String() string {
	if int(u) < len(uposNames) {
		return uposNames[u]
	}
	return fmt.Sprintf("UPOS(%d)", u)
}

// ParseUPOS returns the tag named s ("NOUN").
func ParseUPOS(s string) (UPOS, bool) {
	for i := 1; i < len(uposNames); i++ {
		if uposNames[i] == s {
			return UPOS(i), true
		}
	}
	return Unknown, false
}

// IsContent reports whether u is an open-class (content) tag: NOUN, PROPN,
// VERB, ADJ, ADV, NUM, INTJ.
func (u UPOS) IsContent() bool {
	switch u {
	case NOUN, PROPN, VERB, ADJ, ADV, NUM, INTJ:
		return true
	}
	return false
}

// Tag is the tagger's answer for one token.
type Tag struct {
	UPOS UPOS
	// Known is true when the word form (lower-cased) occurred in the
	// training data; tags of unknown words are guesses from context and
	// spelling, and less reliable.
	Known bool
}

// Tagger tokenises and tags one language. It is immutable and safe for
// concurrent use.
type Tagger struct {
	m           *feat.Model
	mwt         map[string][]string
	elisions    map[string]bool
	maxElision  int // in runes
	clitics     []string
	prefixRules []string
	suffixRules []string
	abbrevs     map[string]bool
	// segPrev[p] are the segmenter's scores of the feature "the previous
	// class is p" (feat.SegPrevKey), the same at every rune.
	segPrev [feat.SegClasses + 1][feat.SegClasses]int32
}

//go:embed models/*.pos.gz models/SOURCES.md models/IPADIC-NOTICE.txt
var modelFS embed.FS

// Notice returns the licences of the embedded models and the credit they
// require: the "Licences and attribution" section of models/SOURCES.md
// (the models are adaptations of Universal Dependencies treebanks under
// CC BY-SA) and the IPADIC licence, which every copy of the ja model's
// lexicon must include. A binary that carries the models carries this.
func Notice() string {
	b, _ := modelFS.ReadFile("models/SOURCES.md")
	_, s, _ := strings.Cut(string(b), "## Licences and attribution\n")
	s, _, _ = strings.Cut(s, "\n## ")
	ipadic, _ := modelFS.ReadFile("models/IPADIC-NOTICE.txt")
	return "Part-of-speech models (captions/segment/pos), from Universal Dependencies\n\n" +
		strings.TrimSpace(s) + "\n\n" + string(ipadic)
}

type entry struct {
	once sync.Once
	t    *Tagger
	err  error
}

// entries is filled once at init from the embedded file names and only
// read afterwards; each entry loads its model once.
var entries = func() map[string]*entry {
	m := map[string]*entry{}
	des, _ := modelFS.ReadDir("models")
	for _, de := range des {
		if lang, ok := strings.CutSuffix(de.Name(), ".pos.gz"); ok {
			m[lang] = &entry{}
		}
	}
	return m
}()

// ErrNoModel is returned by Load for a language without an embedded model.
var ErrNoModel = errors.New("pos: no model for language")

// Languages lists the languages with an embedded model, sorted.
func Languages() []string {
	out := make([]string, 0, len(entries))
	for l := range entries {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Load returns the tagger of lang (an ISO 639-1 code such as "en"; a
// region or script suffix such as "pt-BR" or "zh_Hans" is ignored). The
// model is decoded on first use and shared afterwards.
func Load(lang string) (*Tagger, error) {
	base := baseLang(lang)
	e, ok := entries[base]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrNoModel, lang)
	}
	e.once.Do(func() {
		f, err := modelFS.Open("models/" + base + ".pos.gz")
		if err != nil {
			e.err = err
			return
		}
		defer f.Close()
		e.t, e.err = LoadFrom(f)
	})
	return e.t, e.err
}

func baseLang(lang string) string {
	return measure.BaseLanguage(strings.TrimSpace(lang))
}

// LoadFrom decodes a model file written by tools/trainpos.
func LoadFrom(r io.Reader) (*Tagger, error) {
	m, err := feat.Decode(r)
	if err != nil {
		return nil, err
	}
	return newTagger(m), nil
}

// LoadBytes decodes a model held in memory.
func LoadBytes(b []byte) (*Tagger, error) { return LoadFrom(bytes.NewReader(b)) }

func newTagger(m *feat.Model) *Tagger {
	t := &Tagger{m: m, mwt: make(map[string][]string, len(m.MWTs)), elisions: map[string]bool{}, abbrevs: map[string]bool{}}
	for _, x := range m.MWTs {
		t.mwt[x.Surface] = x.Parts
	}
	for _, e := range m.Elisions {
		t.elisions[e] = true
		if n := utf8.RuneCountInString(e); n > t.maxElision {
			t.maxElision = n
		}
	}
	for _, a := range m.Abbrevs {
		t.abbrevs[a] = true
	}
	byLen := func(ss []string) []string {
		out := append([]string(nil), ss...)
		sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
		return out
	}
	t.clitics = byLen(m.Clitics)
	t.prefixRules = byLen(m.PrefixRules)
	t.suffixRules = byLen(m.SuffixRules)
	if m.Seg != nil {
		for p := range t.segPrev {
			m.Seg.Score([]uint32{feat.SegPrevKey(byte(p))}, t.segPrev[p][:])
		}
	}
	return t
}

// Lang is the model's language code.
func (t *Tagger) Lang() string { return t.m.Lang }

// Source names the treebank(s) the model was trained on.
func (t *Tagger) Source() string { return t.m.Source }

// Known reports whether the word form (any case) occurred in training.
func (t *Tagger) Known(word string) bool {
	return t.m.Vocab.Has(feat.WordKey(lower(word)))
}

// Tag tags a sentence (or caption) of tokens, as Tokenize splits them.
func (t *Tagger) Tag(tokens []string) []Tag {
	return t.tag(len(tokens), func(i int) string { return tokens[i] })
}

// TagTokens tags the tokens Tokenize returned.
func (t *Tagger) TagTokens(toks []Token) []Tag {
	return t.tag(len(toks), func(i int) string { return toks[i].Text })
}

// tag tags the n tokens text(0) ... text(n-1). The lower-case forms share
// one buffer, so that a sentence costs a handful of allocations rather
// than several per token.
func (t *Tagger) tag(n int, text func(int) string) []Tag {
	out := make([]Tag, n)
	if n == 0 {
		return out
	}
	ws := make([]feat.Word, n)
	var lb strings.Builder
	size := 0
	for i := range n {
		size += len(text(i))
	}
	lb.Grow(size)
	ends := make([]int, n)
	for i := range n {
		appendLower(&lb, text(i))
		ends[i] = lb.Len()
	}
	lows := lb.String()
	var sbuf [8]byte
	start := 0
	for i := range n {
		ws[i] = feat.MakeWord(text(i), lows[start:ends[i]], sbuf[:0])
		ws[i].Lex = feat.LexClass(t.m.Lexicon, ws[i].Raw)
		start = ends[i]
	}
	keys := make([]uint32, 0, feat.MaxTaggerFeatures)
	var scores [NumUPOS]int32
	p1, p2 := byte(feat.NoTag), byte(feat.NoTag)
	for i := range n {
		known := t.m.Vocab.Has(feat.WordKey(ws[i].Low))
		c, ok := t.m.TagDict.Get(feat.WordKey(ws[i].Raw))
		if !ok {
			keys = feat.TaggerFeatures(keys[:0], ws, i, p1, p2)
			scores = [NumUPOS]int32{}
			t.m.Tagger.Score(keys, scores[:])
			best := 0
			for k := 1; k < NumUPOS; k++ {
				if scores[k] > scores[best] {
					best = k
				}
			}
			c = byte(best)
		}
		out[i] = Tag{UPOS: UPOS(c + 1), Known: known}
		p2, p1 = p1, c
	}
	return out
}

// appendLower writes lower(s) to b.
func appendLower(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			b.WriteString(strings.ToLower(s))
			return
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// lower lower-cases s, without allocating when it has no upper case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
