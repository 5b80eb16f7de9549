package segment

import (
	"strings"
	"unicode"

	"github.com/sotcap/sotcap/captions/measure"
)

// wordClass is a bit set of the syntactic roles a function word can play.
// Line breaking only needs to know which words bind to the word after them
// (a determiner to its noun, a preposition to its object, an auxiliary to
// its verb) and which words open a new phrase (conjunctions, prepositions,
// determiners), so content words carry no class at all.
type wordClass uint32

const (
	wDet        wordClass = 1 << iota // article, determiner, possessive: binds right
	wPrep                             // preposition: opens a phrase, binds right
	wConj                             // coordinating conjunction: opens a clause
	wSub                              // subordinator, relative, wh-word: opens a clause
	wPronSubj                         // subject pronoun: binds to its verb
	wPronObj                          // object pronoun: binds left to its verb
	wPronAmb                          // subject or object (it, you): binds either way
	wAux                              // auxiliary, modal, copula: binds to its verb
	wNeg                              // negation: binds to its verb
	wMod                              // intensifier / degree adverb: binds to its head
	wPart                             // verb particle (up, out): binds left
	wTo                               // infinitive marker: binds right
	wNum                              // number word: binds to its unit
	wClitic                           // clitic pronoun before the verb (fr, es, it, pt): binds right
	wEnclitic                         // particle that leans on the word before (ru бы, ли, же): binds left
	wAdj                              // prenominal adjective or ordinal (last, next, other): binds to its noun
	wCatenative                       // verb taking an infinitive (want, trying): binds to "to"
	wAdjGuess                         // English word with an adjective or -ly adverb ending: binds to its head
)

// lexicon holds the word knowledge of one language.
type lexicon struct {
	words      map[string]wordClass // lower-case word → classes
	pairs      map[string]bool      // "because of": adjacent words of fixed expressions
	adjEndings []string             // endings that mark adjectives and -ly adverbs
	final      bool                 // verb-final subordinate clauses (German)

	demonstratives map[string]bool // determiners that also stand alone as pronouns
	past           map[string]bool // irregular past-tense verb forms
	regularPast    bool            // -ed marks the past tense (English)
}

// normalize returns a token's word: lower case, without the punctuation
// around it.
func (lx *lexicon) normalize(tok string) string {
	if lx == nil {
		return ""
	}
	w := strings.TrimFunc(tok, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	w = strings.Trim(w, "'’")
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}

// classOf returns the classes of a normalized word.
func (lx *lexicon) classOf(w string) wordClass {
	if lx == nil || w == "" {
		return 0
	}
	if c, ok := lx.words[w]; ok {
		return c
	}
	if c := contraction(w); c != 0 {
		return c
	}
	if len(w) >= 6 {
		for _, e := range lx.adjEndings {
			if strings.HasSuffix(w, e) {
				return wAdjGuess
			}
		}
	}
	return 0
}

// verbFinal reports whether the language ends subordinate clauses with
// its verb cluster (participle or infinitive, then auxiliary), so that an
// auxiliary after a content word closes a verb rather than opening a
// predicate.
func (lx *lexicon) verbFinal() bool { return lx != nil && lx.final }

// fixed reports whether two normalized words form a fixed expression that
// a line break must not split.
func (lx *lexicon) fixed(a, b string) bool {
	if lx == nil || len(lx.pairs) == 0 || a == "" || b == "" {
		return false
	}
	return lx.pairs[a+" "+b]
}

// contraction classifies English contracted forms by their ending: "don't"
// and "can't" are auxiliaries, "we're" and "I'll" subject + auxiliary,
// "John's" a possessive or "it's" a subject + copula: all bind to the
// next word.
func contraction(w string) wordClass {
	w = strings.ReplaceAll(w, "’", "'")
	i := strings.LastIndexByte(w, '\'')
	if i <= 0 {
		return 0
	}
	switch w[i:] {
	case "'t":
		return wAux | wNeg
	case "'re", "'m", "'ve", "'ll", "'d":
		return wPronSubj | wAux
	case "'s":
		return wDet | wAux
	}
	return 0
}

// newLexicon builds a lexicon from lists of space-separated words per
// class, fixed expressions separated by commas, and adjective endings.
func newLexicon(lists map[wordClass]string, fixed string, adjEndings string) *lexicon {
	lx := &lexicon{words: map[string]wordClass{}, pairs: map[string]bool{}, adjEndings: strings.Fields(adjEndings)}
	for c, words := range lists {
		for _, w := range strings.Fields(words) {
			lx.words[w] |= c
		}
	}
	for _, e := range strings.Split(fixed, ",") {
		ws := strings.Fields(e)
		for i := 0; i+1 < len(ws); i++ {
			lx.pairs[ws[i]+" "+ws[i+1]] = true
		}
	}
	return lx
}

// lexicons holds the word lists of every language sotcap breaks with
// linguistic rules. It is built once, at initialisation, and never written.
var lexicons = map[string]*lexicon{
	"en": englishVerbs(newLexicon(englishWords(), englishFixed, englishAdjEndings)),
	"es": newLexicon(spanishWords(), spanishFixed, ""),
	"fr": newLexicon(frenchWords(), frenchFixed, ""),
	"de": verbFinal(newLexicon(germanWords(), germanFixed, "")),
	"it": newLexicon(italianWords(), "", ""),
	"pt": newLexicon(portugueseWords(), "", ""),
	"ru": newLexicon(russianWords(), "", ""),
	"ar": newLexicon(arabicWords(), "", ""),
}

// englishVerbs adds the English demonstratives and past-tense forms that
// guessRoles and adjustGaps use.
func englishVerbs(lx *lexicon) *lexicon {
	lx.demonstratives = map[string]bool{}
	for _, w := range strings.Fields(englishDemonstratives) {
		lx.demonstratives[w] = true
	}
	lx.past = map[string]bool{}
	for _, w := range strings.Fields(englishIrregularPast) {
		lx.past[w] = true
	}
	lx.regularPast = true
	return lx
}

func verbFinal(lx *lexicon) *lexicon {
	lx.final = true
	return lx
}

// lexiconFor returns the lexicon of a BCP 47 language tag; English for an
// empty tag; nil (no word knowledge: punctuation and balance only) for a
// language without lists.
func lexiconFor(lang string) *lexicon {
	b := measure.BaseLanguage(lang)
	if b == "" {
		b = "en"
	}
	return lexicons[b]
}

// Dash returns the prefix that marks a new speaker's line in a shared
// caption: "-" with no space in English (Netflix English guide), "- " with
// a space in most other languages (Netflix French, Spanish, German … guides).
func Dash(lang string) string {
	switch measure.BaseLanguage(lang) {
	case "", "en":
		return "-"
	}
	return "- "
}
