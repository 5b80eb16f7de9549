package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions/segment/pos"
)

// This file prices the gaps between words from their Universal
// Dependencies parts of speech (captions/segment/pos), once for every
// language with a tagger: the guide's never-separate pairs and phrase
// openers written over UPOS rather than over each language's word lists.

// tagWords sets the first and last content tag of every token of spaced
// text from the tagger of lang. Tokens are text's whitespace-separated
// fields in order; a tagger token belongs to the field its span starts
// in. Punctuation tags are skipped so that a quoted or bracketed word
// keeps its word's tag. Languages without a model keep Unknown tags.
func tagWords(toks []token, text, lang string) {
	tg, err := pos.Load(lang)
	if err != nil || len(toks) == 0 {
		return
	}
	ptoks := tg.Tokenize(text)
	tags := tg.TagTokens(ptoks)
	// Field spans, in the order strings.Fields finds them.
	k, inField, fieldEnd := -1, false, 0
	ends := make([]int, 0, len(toks))
	for i, r := range text {
		sp := unicode.IsSpace(r)
		if !sp && !inField {
			k++
			inField = true
			if k > 0 {
				ends = append(ends, fieldEnd)
			}
		}
		if sp && inField {
			inField = false
		}
		if !sp {
			fieldEnd = i + utf8.RuneLen(r)
		}
	}
	ends = append(ends, fieldEnd)
	if len(ends) != len(toks) {
		return // not the same fields: leave the tags unknown
	}
	f := 0
	for i, pt := range ptoks {
		for f < len(ends)-1 && pt.Start >= ends[f] {
			f++
		}
		u := tags[i].UPOS
		if u == pos.PUNCT {
			continue
		}
		t := &toks[f]
		if t.first == pos.Unknown {
			t.first = u
		}
		t.last = u
	}
}

// uposGap returns the cost of a line break between a word whose last
// syntactic word is tagged l and one whose first is tagged r, with no
// punctuation between them, or -1 when the tags say nothing beyond the
// plain cost between two content words.
func uposGap(l, r pos.UPOS) float64 {
	switch l {
	case pos.DET:
		switch r {
		case pos.NOUN, pos.PROPN, pos.ADJ, pos.NUM, pos.ADV:
			return 12 // inside a noun phrase: "the / house"
		}
	case pos.ADP:
		switch r {
		case pos.DET, pos.NOUN, pos.PROPN, pos.PRON, pos.NUM, pos.ADJ:
			return 11 // a preposition and its object (an adverb after a particle is free: "give up / even")
		}
	case pos.PART:
		if r == pos.VERB || r == pos.AUX {
			return 11 // "to / go", "not / be"
		}
	case pos.AUX:
		switch r {
		case pos.VERB, pos.AUX:
			return 9 // auxiliary and its verb
		case pos.PART, pos.ADV:
			return 7
		}
	case pos.PRON:
		if r == pos.VERB || r == pos.AUX {
			return 9 // subject pronoun and its verb
		}
	case pos.NUM:
		if r == pos.NOUN || r == pos.NUM || r == pos.SYM {
			return 10 // a number and its unit, a compound number
		}
	case pos.ADJ:
		if r == pos.NOUN || r == pos.PROPN {
			return 7 // an adjective and its noun
		}
	case pos.PROPN:
		switch r {
		case pos.PROPN:
			return 10 // a multi-word name
		case pos.NOUN:
			return 6 // "Nobel Peace Prize / winner"
		}
	case pos.NOUN:
		if r == pos.NOUN {
			return 6 // a compound noun
		}
	case pos.VERB:
		switch r {
		case pos.PRON, pos.NOUN, pos.NUM:
			return 5 // a verb and its object (a determiner opens a phrase)
		}
	}
	switch r {
	case pos.CCONJ, pos.SCONJ:
		return 1 // opens a clause
	case pos.ADP:
		return 1.5 // opens a phrase
	case pos.DET:
		return 2
	}
	return -1
}
