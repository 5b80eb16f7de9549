package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The sentences below are written for these tests (not taken from the
// evaluation sets); each checks one guess of linebreak_guess.go on a gap
// where the word lists alone price the break wrongly.

func TestBreakPastVerbKeepsItsObject(t *testing.T) {
	// A past-tense verb (-ed or irregular) and its object stay together;
	// the adjunct after them is the better break.
	for text, want := range map[string][][]string{
		"The volunteers painted these walls for three weeks.":    {{"The volunteers painted these walls", "for three weeks."}},
		"My neighbours planted those trees in the spring.":       {{"My neighbours planted those trees", "in the spring."}},
		"The inspectors visited every factory for two years.":    {{"The inspectors visited every factory", "for two years."}},
		"Her grandfather built these houses with his own hands.": {{"Her grandfather built these houses", "with his own hands."}},
	} {
		assert.Equal(t, want, breakWith(t, "en", 42, 2, text), text)
	}
}

func TestBreakQuotationAttribution(t *testing.T) {
	// A quotation that fits a line stays on it; the attribution is a line
	// of its own.
	assert.Equal(t, [][]string{{`"We will never give up this fight,"`, "he said."}},
		breakWith(t, "en", 42, 2, `"We will never give up this fight," he said.`))
	// A longer quotation breaks inside, and the attribution ends its line.
	assert.Equal(t, [][]string{{`"Nobody believed that a small town`, `could build its own school," she said.`}},
		breakWith(t, "en", 42, 2, `"Nobody believed that a small town could build its own school," she said.`))
}

func TestBreakStrandedPreposition(t *testing.T) {
	// "talk about" has no object before "and": the preposition stays with
	// its verb and the conjunction opens the next line.
	got := breakWith(t, "en", 42, 2, "Tell me what you really want to talk about and what you would rather forget.")
	for _, c := range got {
		for _, l := range c {
			assert.NotEqual(t, "about and what you would rather forget.", l)
		}
	}
	assert.Equal(t, [][]string{{"Tell me what you really want to talk about", "and what you would rather forget."}}, got)
}

func TestBreakDemonstrativePronoun(t *testing.T) {
	// "that" before a conjunction is a pronoun, the object of its verb:
	// the break goes after it, not between the verb and it.
	assert.Equal(t, [][]string{{"We could never have imagined that", "and neither could our parents."}},
		breakWith(t, "en", 42, 2, "We could never have imagined that and neither could our parents."))
	assert.Equal(t, wPronAmb, tokenClass("I did that, and", 2))
	assert.Equal(t, wPronAmb, tokenClass("we make those and", 2))
	// Before a subordinator or a preposition it stays a determiner: a
	// complementiser when a comma closes the fronted clause ("he said
	// that when we arrived, the school …"), a pronoun with its modifier in
	// "those in power", kept together by the determiner's binding; without
	// the comma "that" is the verb's object.
	assert.NotEqual(t, wPronAmb, tokenClass("he said that when we arrived, the school was closed.", 2))
	assert.Equal(t, wPronAmb, tokenClass("nobody noticed that until the lights went out.", 2))
	assert.NotEqual(t, wPronAmb, tokenClass("we asked those in power", 2))
	for _, c := range breakWith(t, "en", 42, 2, "The new rules will hurt those in power more than anyone else.") {
		for _, l := range c {
			assert.NotRegexp(t, `^in power`, l)
		}
	}
}

func tokenClass(text string, k int) wordClass {
	lx := lexiconFor("en")
	toks := tokenize(text, lx, false, false)
	guessRoles(toks, lx)
	return toks[k].cls
}

func TestBreakSubjectAndPredicate(t *testing.T) {
	// A subject opened by a determiner keeps its prepositional modifier;
	// the break falls before the past-tense verb that starts the predicate.
	for text, want := range map[string][][]string{
		"The old bridge across the river collapsed during the storm.": {{"The old bridge across the river", "collapsed during the storm."}},
		"The first doctor in our family studied medicine in Cairo.":   {{"The first doctor in our family", "studied medicine in Cairo."}},
		// An imperative is no subject: "in which" opens the relative.
		"Imagine a world in which nobody has to wait for water.": {{"Imagine a world", "in which nobody has to wait for water."}},
	} {
		assert.Equal(t, want, breakWith(t, "en", 42, 2, text), text)
	}
	assert.True(t, possessive("children's", lexiconFor("en")))
	assert.False(t, possessive("it's", lexiconFor("en")))
}

func TestBreakReducedRelativeAndOf(t *testing.T) {
	// A participle after a noun opens a reduced relative clause and holds
	// its agent; "of" after a noun binds the noun's complement.
	for text, want := range map[string][][]string{
		"We found a letter written by my grandmother in 1952.":        {{"We found a letter", "written by my grandmother in 1952."}},
		"He gave the villagers a share of the money they had raised.": {{"He gave the villagers", "a share of the money they had raised."}},
	} {
		assert.Equal(t, want, breakWith(t, "en", 42, 2, text), text)
	}
}

func TestBreakThatAsObject(t *testing.T) {
	// "that" before a clause that runs to the sentence's end without a
	// comma is the verb's object; with the comma it is a complementiser.
	assert.Equal(t, [][]string{{"My parents never told me that", "until I had children of my own."}},
		breakWith(t, "en", 42, 2, "My parents never told me that until I had children of my own."))
	assert.Equal(t, [][]string{{"He told us that when the war ended,", "his family had nothing left."}},
		breakWith(t, "en", 42, 2, "He told us that when the war ended, his family had nothing left."))
}
