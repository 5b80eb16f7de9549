package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions/segment/pos"
)

// eojeolGaps prices the gaps between Korean eojeol (a word with its
// particles and endings, written between spaces) from their UPOS tags and
// endings. Korean is head-final: a modifier comes before its noun, so the
// gap after a determiner, a number or an adnominal verb form (인정된, 피할)
// is inside a noun phrase, and a bound noun (수, 것, 때) cannot start a
// line at all (피할 / 수). A verb with a connective ending (-고, -지만,
// -는데, -면, -서; UD Korean tags such forms CCONJ or SCONJ) ends a
// clause, where a line or caption breaks as at a comma; a noun with a
// topic, subject or adverbial particle ends a phrase (제도는, 4월부터),
// a cheaper break than between two plain words. The general UPOS table
// does not apply: a noun eojeol carries its case particle, so noun + noun
// is a phrase boundary, not a compound.
func (b *breaker) eojeolGaps() {
	for g := 1; g < len(b.toks); g++ {
		l, r := &b.toks[g-1], &b.toks[g]
		if l.flags&(fClause|fSentEnd|fStrong) != 0 || l.last == pos.Unknown || r.first == pos.Unknown {
			continue
		}
		c := -1.0
		switch {
		case boundNoun(r.text) && (isVerbTag(l.last) || l.last == pos.ADJ || l.last == pos.DET):
			c = 12 // 할 / 수, 하는 / 것
		case l.last == pos.DET && isNominal(r.first):
			c = 12 // 모든 / 분께
		case l.last == pos.NUM && isNominal(r.first):
			c = 10 // a number and its counter
		case (isVerbTag(l.last) || l.last == pos.ADJ) && adnominal(l.text) && isNominal(r.first):
			c = 9 // an adnominal clause and its noun: 인정된 / 건
		case (isVerbTag(l.last) || l.last == pos.ADJ || l.last == pos.CCONJ || l.last == pos.SCONJ) && connective(l.text):
			b.eol[g], b.eob[g] = costClauseEOL, costClauseEOB+0.5
			continue
		case l.last == pos.ADV && (isVerbTag(r.first) || r.first == pos.ADJ):
			c = 5 // an adverb and the verb it modifies
		case isNominal(l.last) || l.last == pos.PRON:
			switch p := particleOf(l.text); {
			case p == "의":
				c = 9 // a genitive binds to its noun: 마을의 / 전통
			case p == "을" || p == "를":
				// An object leans on its verb: no cheaper than a plain gap.
			case p != "":
				// A topic, subject or adverbial particle ends a phrase:
				// 새 제도는 / 내년 4월부터 (a subtitler's line break).
				b.eol[g], b.eob[g] = costPhraseEnd, costPhraseEnd+costMidEOB
				continue
			case isNominal(r.first):
				c = 6 // a bare noun before a noun: 다음 / 달부터, 방 / 안이
			}
		}
		if c > b.eol[g] {
			b.eol[g], b.eob[g] = c, c+costMidEOB
		}
	}
}

// costPhraseEnd is the price of a break after a Korean noun phrase with
// its particle: less than a break between two unmarked words.
const costPhraseEnd = 2.5

// koreanParticles are the case, topic and delimiter particles that end a
// Korean noun phrase, longest first so that 에서는 is found before 는.
var koreanParticles = []string{"에서는", "까지는", "부터는", "에게는", "에서", "에게", "까지", "부터", "으로", "에는", "처럼", "보다", "는", "은", "이", "가", "을", "를", "에", "께", "도", "만", "로", "와", "과", "의"}

// particleOf returns the particle a Korean noun eojeol ends with, or ""
// when it has none. A one-syllable word is its own noun.
func particleOf(w string) string {
	w = trimClosers(w)
	for _, p := range koreanParticles {
		if strings.HasSuffix(w, p) && utf8.RuneCountInString(w) > utf8.RuneCountInString(p) {
			return p
		}
	}
	return ""
}

// boundNouns are Korean dependent nouns, which follow a modifier and
// never start a phrase.
var boundNouns = []string{"수", "것", "거", "게", "걸", "건", "때", "적", "데", "줄", "뿐", "만큼", "대로", "듯", "중", "바", "리", "채"}

func boundNoun(w string) bool {
	for _, n := range boundNouns {
		if strings.HasPrefix(w, n) && (len(w) == len(n) || utf8.RuneCountInString(w) <= utf8.RuneCountInString(n)+2) {
			return true
		}
	}
	return false
}

// adnominal reports whether a Korean verb form ends in an adnominal
// ending: its last syllable closes with ㄴ or ㄹ (한, 된, 할, 는, 을) or is
// 던.
func adnominal(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimClosers(w))
	if r < 0xAC00 || r > 0xD7A3 {
		return false
	}
	final := (r - 0xAC00) % 28
	return final == 4 || final == 8 || r == '던' // ㄴ, ㄹ
}

// koreanConnectives are the connective endings that close a clause
// (으니 and 면서 are found by 니 and 서).
var koreanConnectives = []string{"고", "며", "면", "서", "지만", "는데", "은데", "니까", "니", "도록", "려고", "거나"}

// connective reports whether a Korean verb form ends in a connective
// ending that closes a clause.
func connective(w string) bool {
	for _, e := range koreanConnectives {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// trimClosers drops the closing quotes and brackets after a word.
func trimClosers(w string) string { return strings.TrimRight(w, "\"'”’)") }
