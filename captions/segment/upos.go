package segment

import (
	"strings"
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

// Japanese bunsetsu (文節): a content word, with any nouns compounded to
// it, and the particles and auxiliaries that follow it. Japanese subtitles
// break lines between bunsetsu, preferably after a particle, and never
// inside one (not 歴史的|な, 行き|ました, 建物|が); the tagger's word
// segmentation and UPOS find them.

// cjkWord is the tagger's word a Japanese or Chinese character token
// belongs to.
type cjkWord struct {
	idx  int // the word's index in the sentence; -1: none
	tag  pos.UPOS
	text string
}

// markJapaneseSpaces reads the spaces of Japanese subtitles as the
// punctuation they stand for (Netflix Japanese Timed Text Style Guide: a
// full-width space instead of 。, a half-width space instead of 、): the
// character before a full-width space ends a sentence, the one before a
// half-width space between two wide characters ends a clause.
func markJapaneseSpaces(toks []token) {
	for k := 1; k < len(toks); k++ {
		l, r := &toks[k-1], &toks[k]
		if !r.space || l.flags&(fSentEnd|fClause) != 0 {
			continue
		}
		if r.sep == "\u3000" {
			l.flags |= fSentEnd
		} else if l.wide && r.wide {
			l.flags |= fClause
		}
	}
}

// tagCJK returns the tagger's word of each token of Japanese or Chinese
// text (tokens from tokenizeCJK), or nil without a model for lang.
func tagCJK(toks []token, text, lang string) []cjkWord {
	tg, err := pos.Load(lang)
	if err != nil || len(toks) == 0 {
		return nil
	}
	ptoks := tg.Tokenize(text)
	tags := tg.TagTokens(ptoks)
	out := make([]cjkWord, len(toks))
	w := 0
	for k := range toks {
		off := toks[k].off
		for w < len(ptoks) && ptoks[w].End <= off {
			w++
		}
		if w < len(ptoks) && ptoks[w].Start <= off {
			out[k] = cjkWord{idx: w, tag: tags[w].UPOS, text: ptoks[w].Text}
		} else {
			out[k] = cjkWord{idx: -1}
		}
	}
	return out
}

// isJaFunction reports whether u tags a word that leans on the word before
// it inside a bunsetsu: a particle, an auxiliary, a conjunctive particle.
func isJaFunction(u pos.UPOS) bool {
	return u == pos.ADP || u == pos.PART || u == pos.AUX || u == pos.SCONJ
}

// isNominal reports whether u tags a noun, a name or a number: a word
// that ends a noun phrase, and in Japanese compounds with a following
// noun into one bunsetsu (東京大学, 午後三時).
func isNominal(u pos.UPOS) bool {
	return u == pos.NOUN || u == pos.PROPN || u == pos.NUM
}

// bunsetsuGap returns the cost of a line break between two Japanese
// characters of words l and r (no punctuation or space between them).
func bunsetsuGap(l, r cjkWord) float64 {
	switch {
	case l.idx < 0 || r.idx < 0:
		return 6 // a character the tagger did not place: as before
	case l.idx == r.idx:
		return 14 // inside a word: 行|き
	case isJaFunction(r.tag) || r.tag == pos.PUNCT:
		return 12 // a particle or auxiliary leans on its word: 建物|が, 行き|ました
	case isJaFunction(l.tag):
		if l.tag == pos.SCONJ && (l.text == "て" || l.text == "で") && isKanaVerb(r) {
			// て/で + an auxiliary verb written in kana (い-る, しま-う,
			// くださ-い, み-る): one predicate, 残って|います.
			return 9
		}
		switch {
		case l.tag == pos.ADP && l.text == "の":
			return 3 // the genitive ties its noun to the next: 東京の|歴史
		case l.tag == pos.AUX:
			return 2.5 // after an inflected ending: 歴史的な|建物, 行った|店
		case l.tag == pos.SCONJ:
			return 1 // a conjunctive clause ends, as before a conjunction: 起きて|公園を
		}
		return 1.5 // after a case or topic particle: 建物が|たくさん
	case isNominal(l.tag) && isNominal(r.tag):
		return 10 // a compound noun or a number and its counter: 午後|三時
	case (l.tag == pos.VERB || l.tag == pos.ADJ) && (r.tag == pos.VERB || r.tag == pos.AUX):
		if endsHiragana(l.text) && startsKanji(r.text) {
			// Kana then a kanji word: the okurigana ended a word, so this
			// is a compound verb (読み|始める) or a mis-tagged word before
			// a new bunsetsu (たくさん|残って): dear, not forbidden.
			return 5
		}
		return 10 // a split inflection: 辞め|なければ
	case l.tag == pos.VERB || l.tag == pos.ADJ:
		return 3 // an attributive verb or adjective and its noun: 始まる|予定
	}
	return 4 // two content words: 毎朝|早く, この|町
}

// isKanaVerb reports whether w is a verb or auxiliary written in hiragana
// only: after て, an auxiliary verb rather than a new predicate.
func isKanaVerb(w cjkWord) bool {
	if w.tag != pos.VERB && w.tag != pos.AUX {
		return false
	}
	return isKanaOnly(w.text)
}

func isKanaOnly(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.Is(unicode.Hiragana, r) }) < 0
}

func endsHiragana(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.Is(unicode.Hiragana, r)
}

func startsKanji(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}
