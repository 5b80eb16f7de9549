package segment

import "strings"

// This file holds the part-of-speech guesses that the word lists alone do
// not give: which determiners stand as pronouns, which content words are
// past-tense verbs, which prepositions are stranded, and where a quotation
// closes. Each turns a rule of the guide ("never separate a verb from its
// object", "break after punctuation") into costs on the gaps the guess
// concerns; words the guesses do not recognise keep the costs of gapCost.

// guessRoles re-classes tokens by their neighbours before the gaps are
// priced: a demonstrative before punctuation or a conjunction is a
// pronoun ("I did that, and", "we make those and"), not a determiner
// waiting for its noun, and so is "that" before a subordinate clause or
// phrase that runs to the end of its sentence without a comma.
func guessRoles(toks []token, lx *lexicon) {
	if lx == nil || len(lx.demonstratives) == 0 {
		return
	}
	for k := range toks {
		t := &toks[k]
		if !lx.demonstratives[t.norm] {
			continue
		}
		if t.norm == "that" && k+1 < len(toks) && t.flags&(fClause|fSentEnd) == 0 && timeNoun(toks[k+1].norm) {
			// "that night", "that year": a determiner of a time
			// adverbial, never a complementiser ("back to the lab that
			// night, / I sat down").
			t.cls = wDet
			continue
		}
		pron := t.flags&(fClause|fSentEnd) != 0 || k+1 == len(toks)
		if next := toks[min(k+1, len(toks)-1)].cls; !pron {
			// Only a conjunction settles it: before a subordinator or a
			// preposition "that" is as often a complementiser ("said that
			// when") and "those" a pronoun with its modifier ("those in
			// power"), which the determiner's binding keeps together.
			pron = next&wConj != 0 && next&(wDet|wPrep) == 0
			if !pron && t.norm == "that" && next&(wSub|wPrep) != 0 && next&wDet == 0 && toks[k+1].flags&(fClause|fSentEnd) == 0 {
				// "that when we…, we…" opens a clause with a fronted
				// adverbial, closed by a comma before its own subject;
				// "understand that until I was much older." has no comma
				// before the sentence ends: "that" is the object and the
				// subordinate clause is the main verb's.
				pron = !commaBeforeSentenceEnd(toks, k+1)
			}
		}
		if pron {
			t.cls = wPronAmb
		}
	}
}

// timeNoun reports whether an English noun names a stretch or point of
// time, the head of an adverbial "that night", "that year".
func timeNoun(w string) bool {
	switch w {
	case "night", "day", "morning", "evening", "afternoon", "week", "month", "year",
		"summer", "winter", "spring", "autumn", "weekend", "time", "moment", "point", "evening's", "day's":
		return true
	}
	return false
}

// commaBeforeSentenceEnd reports whether a clause comma (or ; : or a
// dash) follows toks[k:] before its sentence ends.
func commaBeforeSentenceEnd(toks []token, k int) bool {
	for ; k < len(toks); k++ {
		if toks[k].flags&fSentEnd != 0 {
			return false
		}
		if toks[k].flags&fClause != 0 {
			return true
		}
	}
	return false
}

// adjustGaps applies the guesses that need both sides of a gap, after
// gapCost has priced it.
func (b *breaker) adjustGaps(lx *lexicon) {
	b.keepQuotes()
	if lx == nil {
		return
	}
	if lx.regularPast {
		// Only where the verbs can be guessed: elsewhere a subject would
		// run on past its unknown verb.
		b.keepSubjects(lx)
	}
	n := len(b.toks)
	for g := 1; g < n; g++ {
		l, r := &b.toks[g-1], &b.toks[g]
		if l.flags&(fClause|fSentEnd) != 0 {
			if l.flags&fClause != 0 && l.flags&(fStrong|fDash) == 0 && closesQuote(l.text) {
				// '"… for me," / she said.': the end of a quotation is a
				// stronger boundary than a comma inside a clause; the
				// attribution reads as a line of its own.
				b.eol[g] = min(b.eol[g], costStrongEOL)
			}
			continue
		}
		// A past-tense verb and the determiner that opens its object:
		// "The researchers followed / these children" splits the verb
		// from its object, a lower node of the sentence than the adjunct
		// after them ("followed these children / for many years"), so it
		// costs more than a break before a preposition.
		// A number opens an object as a determiner does ("spent / four
		// years").
		opensObject := r.cls&wDet != 0 && r.cls&(wSub|wPronAmb) == 0 || r.cls&wNum != 0 && r.cls&wDet == 0 || r.flags&fNum != 0
		if opensObject && l.cls == 0 && l.flags&(fCap|fNum) == 0 && lx.pastVerb(l.norm) {
			b.eol[g], b.eob[g] = max(b.eol[g], costVerbObject), max(b.eob[g], costVerbObject+costMidEOB)
		}
		// A verb's indirect object is an unstressed pronoun and its direct
		// object follows it: "asked us / a question" splits the verb
		// phrase as "followed / these children" does. The word before the
		// pronoun is a verb: a content word (prepositions and the other
		// closed classes are listed), not ending a phrase.
		if opensObject && g >= 2 && (l.cls&wPronObj != 0 || l.norm == "you" || l.norm == "her") && l.flags&fOpen == 0 {
			if p := &b.toks[g-2]; p.cls&^wCatenative == 0 && p.flags&(fClause|fSentEnd|fCap|fNum) == 0 {
				b.eol[g], b.eob[g] = max(b.eol[g], costVerbObject), max(b.eob[g], costVerbObject+costMidEOB)
			}
		}
		// A past-tense verb after a noun starts the predicate: "the
		// children's trust in the adults / made a huge difference" breaks
		// between subject and verb, the sentence's highest boundary after
		// a clause's.
		if l.cls&^wAdjGuess == 0 && l.flags&fNum == 0 && r.cls == 0 && r.flags&(fCap|fNum|fOpen) == 0 && lx.pastVerb(r.norm) && !lx.pastVerb(l.norm) {
			b.eol[g], b.eob[g] = min(b.eol[g], costPredicate), min(b.eob[g], costPredicate+costMidEOB)
		}
		// A present participle after a noun opens a non-finite clause
		// ("spent twelve years / working on a farm", "a lot of time /
		// looking at it"): a phrase boundary like the predicate's. Not
		// after a verb ("kept / falling asleep" is one verb phrase) and
		// not for the common nouns in -ing.
		if l.cls == 0 && l.flags&(fNum|fCap) == 0 && r.cls == 0 && r.flags&(fCap|fNum|fOpen) == 0 && ingForm(r.norm) && !lx.pastVerb(l.norm) && !ingForm(l.norm) {
			b.eol[g], b.eob[g] = min(b.eol[g], costPredicate), min(b.eob[g], costPredicate+costMidEOB)
		}
		// An adverb between an auxiliary and its verb ("had ever /
		// checked", "have always / wanted", "is really / important")
		// leaves the verb cut from its auxiliary: as dear as the pair.
		if g >= 2 && r.cls&^(wAdj|wAdjGuess) == 0 && r.flags&(fOpen|fNum|fCap|fDash) == 0 && midAdverb(l) {
			if p := &b.toks[g-2]; p.cls&wAux != 0 && p.flags&(fClause|fSentEnd) == 0 {
				b.eol[g], b.eob[g] = max(b.eol[g], bindsRight(wAux)), max(b.eob[g], bindsRight(wAux)+costMidEOB)
			}
		}
		// After an intensifier an unknown word is an adjective ("a very
		// loud / laugh"): it binds to the noun after it as listed
		// adjectives do.
		if g >= 2 && l.cls == 0 && l.flags&(fCap|fNum|fOpen) == 0 && r.cls == 0 && r.flags&(fOpen|fDash|fNum) == 0 {
			if p := &b.toks[g-2]; p.cls&wMod != 0 && p.cls&(wConj|wSub|wDet) == 0 && p.flags&(fClause|fSentEnd) == 0 {
				b.eol[g], b.eob[g] = max(b.eol[g], bindsRight(wAdj)), max(b.eob[g], bindsRight(wAdj)+costMidEOB)
			}
		}
		// A participle after a noun with its agent ("a decision made / by
		// someone") is a reduced relative clause: it opens at the
		// participle (see costPredicate) and holds together after it.
		if r.norm == "by" && g >= 2 && lx.pastVerb(l.norm) && l.cls == 0 {
			if p := &b.toks[g-2]; p.cls&^wAdjGuess == 0 && p.flags&(fClause|fSentEnd|fNum) == 0 && !lx.pastVerb(p.norm) {
				b.eol[g], b.eob[g] = max(b.eol[g], costContent), max(b.eob[g], costContent+costMidEOB)
			}
		}
		// "of" after a noun marks the noun's complement ("a group of
		// students", "the north of Kenya"), bound closer than the
		// adjuncts other prepositions open.
		if r.norm == "of" && l.cls&^wAdjGuess == 0 && l.flags&(fClause|fSentEnd|fNum) == 0 {
			b.eol[g], b.eob[g] = max(b.eol[g], costOf), max(b.eob[g], costOf+costMidEOB)
		}
		// A preposition with no object ("what you are afraid of / and
		// what you hope for") ends its phrase: it stays with the verb,
		// and the conjunction after it opens the next.
		if r.cls&wPrep != 0 && r.cls&(wConj|wSub|wDet|wTo|wPart) == 0 && r.flags&(fClause|fSentEnd) == 0 && g+1 < n {
			nx := &b.toks[g+1]
			if nx.cls&wConj != 0 && nx.cls&(wDet|wPrep) == 0 {
				b.eol[g], b.eob[g] = max(b.eol[g], 6), max(b.eob[g], 6+costMidEOB)
				c := opensPhrase(nx.cls)
				b.eol[g+1], b.eob[g+1] = min(b.eol[g+1], c), min(b.eob[g+1], c+costMidEOB)
			}
		}
	}
}

// midAdverb reports whether an English word is an adverb that stands
// between an auxiliary and its verb: an intensifier, a frequency or time
// adverb, or a word in -ly.
func midAdverb(t *token) bool {
	if t.flags&(fClause|fSentEnd|fOpen) != 0 {
		return false
	}
	if t.cls&wMod != 0 || t.cls&wAdjGuess != 0 && strings.HasSuffix(t.norm, "ly") {
		return true
	}
	switch t.norm {
	case "ever", "always", "already", "still", "often", "sometimes", "usually", "actually", "finally", "probably", "certainly", "simply":
		return true
	}
	return false
}

// ingForm guesses whether a word is a present participle: five letters
// or more in -ing, not one of the common nouns and prepositions of that
// shape.
func ingForm(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "thing", "things", "nothing", "something", "anything", "everything", "morning", "evening",
		"during", "spring", "string", "ceiling", "building", "meeting", "wedding", "feeling", "beginning",
		"ending", "clothing", "housing", "funding", "training", "setting", "painting", "reading",
		"writing", "meaning", "warning", "opening", "pudding", "sibling", "darling", "king", "ring", "wing", "bring", "sing", "swing":
		return false
	}
	return true
}

// costVerbObject is a break between a guessed verb and its object.
const costVerbObject = 3.5

// costPredicate is a break between a noun and the past-tense verb after
// it: as cheap as one before a subject pronoun.
const costPredicate = 2.5

// costSubjectPP is a break between a subject's noun and a prepositional
// phrase that modifies it, before the clause's verb.
const costSubjectPP = 3.0

// keepSubjects finds subjects opened by a determiner at the start of a
// clause ("the children's trust in the adults made") and prices a break
// between their noun and a preposition after it as splitting the noun
// from its modifier: the prepositional phrase belongs to the noun phrase
// until a verb has come. A verb is guessed from an auxiliary, a
// past-tense form, a subject pronoun, a new clause or punctuation; an
// imperative ("Imagine a world in which") does not start with a
// determiner and is left alone.
func (b *breaker) keepSubjects(lx *lexicon) {
	inSubject := false
	for k := range b.toks {
		t := &b.toks[k]
		start := k == 0 || b.toks[k-1].flags&(fSentEnd|fClause) != 0 || b.toks[k-1].cls&(wConj|wSub) != 0
		if start {
			inSubject = t.cls&wDet != 0 && t.cls&(wSub|wPronAmb) == 0
		} else if t.cls&(wAux|wPronSubj|wConj|wSub|wNeg|wTo) != 0 && !possessive(t.norm, lx) || t.cls == 0 && lx.pastVerb(t.norm) {
			inSubject = false
		}
		if !inSubject || k == 0 || start {
			continue
		}
		if l := &b.toks[k-1]; l.cls&^wAdjGuess == 0 && l.flags&(fClause|fSentEnd|fNum) == 0 && t.cls&wPrep != 0 && t.cls&(wSub|wConj) == 0 {
			b.eol[k], b.eob[k] = max(b.eol[k], costSubjectPP), max(b.eob[k], costSubjectPP+costMidEOB)
		}
		if t.flags&(fClause|fSentEnd) != 0 {
			inSubject = false
		}
	}
}

// possessive reports whether a word in 's is a noun's possessive
// ("children's") rather than a pronoun with "is" or "has" ("it's").
func possessive(w string, lx *lexicon) bool {
	w = strings.ReplaceAll(w, "’", "'")
	stem, ok := strings.CutSuffix(w, "'s")
	if !ok {
		stem, ok = strings.CutSuffix(w, "s'")
	}
	return ok && stem != "" && lx.classOf(stem) == 0
}

// costOf is a break between a noun and the "of" of its complement.
const costOf = 2.5

// costInQuote is added to a break inside a quotation that fits on one
// line: a short quotation is one phrase ('"Because they are waiting for
// me," / she said.').
const costInQuote = 1.5

// keepQuotes adds costInQuote to the gaps inside every quotation that
// fits on one line.
func (b *breaker) keepQuotes() {
	n := len(b.toks)
	for k := 0; k < n; k++ {
		if b.toks[k].flags&fOpen == 0 || !opensQuote(b.toks[k].text) {
			continue
		}
		for e := k; e < n && b.lineLen(k, e+1) <= b.maxChars; e++ {
			if closesQuote(b.toks[e].text) {
				for g := k + 1; g <= e; g++ {
					b.eol[g] += costInQuote
					b.eob[g] += costInQuote
				}
				k = e
				break
			}
		}
	}
}

func opensQuote(w string) bool {
	return strings.HasPrefix(w, `"`) || strings.HasPrefix(w, "“") || strings.HasPrefix(w, "‘") || strings.HasPrefix(w, "'") || strings.HasPrefix(w, "«") || strings.HasPrefix(w, "„")
}

// closesQuote reports whether a word ends a quotation: its last
// character is a closing quote after the punctuation inside it ('me,"').
func closesQuote(w string) bool {
	t := strings.TrimRightFunc(w, isClosing)
	return len(t) < len(w) && (strings.HasSuffix(w, `"`) || strings.HasSuffix(w, "”") || strings.HasSuffix(w, "’") || strings.HasSuffix(w, "'") || strings.HasSuffix(w, "»"))
}

// pastVerb guesses whether a lower-case content word is a past-tense
// verb: a listed irregular form, or a regular -ed form of five letters or
// more (not "-eed", whose words are mostly nouns: need, speed, seed).
func (lx *lexicon) pastVerb(w string) bool {
	if lx.past[w] {
		return true
	}
	if !lx.regularPast || len(w) < 5 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") {
		return false
	}
	return true
}
