package captions

import (
	"strings"
	"unicode"
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
)

// lexicon maps lower-case words of one language to their classes.
type lexicon map[string]wordClass

// class returns the classes of a token: its letters lower-cased, with
// surrounding punctuation removed.
func (lx lexicon) class(tok string) wordClass {
	if lx == nil {
		return 0
	}
	w := strings.TrimFunc(tok, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	w = strings.Trim(w, "'’")
	if w == "" {
		return 0
	}
	if c, ok := lx[w]; ok {
		return c
	}
	lw := strings.ToLower(w)
	if c, ok := lx[lw]; ok {
		return c
	}
	return lx.contraction(lw)
}

// contraction classifies English contracted forms by their ending: "don't"
// and "can't" are auxiliaries, "we're" and "I'll" subject + auxiliary,
// "John's" a possessive or "it's" a subject + copula: all bind to the
// next word.
func (lx lexicon) contraction(w string) wordClass {
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

// newLexicon builds a lexicon from lists of space-separated words per class.
func newLexicon(lists map[wordClass]string) lexicon {
	lx := lexicon{}
	for c, words := range lists {
		for _, w := range strings.Fields(words) {
			lx[w] |= c
		}
	}
	return lx
}

// lexicons holds the word lists of every language sotcap breaks with
// linguistic rules. It is built once, at initialisation, and never written.
var lexicons = map[string]lexicon{
	"en": newLexicon(englishWords()),
	"es": newLexicon(spanishWords()),
	"fr": newLexicon(frenchWords()),
	"de": newLexicon(germanWords()),
	"it": newLexicon(italianWords()),
	"pt": newLexicon(portugueseWords()),
	"ru": newLexicon(russianWords()),
	"ar": newLexicon(arabicWords()),
}

// lexiconFor returns the lexicon of a BCP 47 language tag; English for an
// empty tag; nil (no word knowledge: punctuation and balance only) for a
// language without lists.
func lexiconFor(lang string) lexicon {
	b := baseLanguage(lang)
	if b == "" {
		b = "en"
	}
	return lexicons[b]
}

// dashFor returns the prefix that marks a new speaker's line in a shared
// caption: "-" with no space in English (Netflix English guide), "- " with
// a space in most other languages (Netflix French, Spanish, German … guides).
func dashFor(lang string) string {
	switch baseLanguage(lang) {
	case "", "en":
		return "-"
	}
	return "- "
}
