package segment

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/timing"
)

// ErrWordTooLong is matched (errors.Is) by the error Break returns when a
// word is longer than a line.
var ErrWordTooLong = errors.New("word longer than a line")

// WordTooLongError reports a word that cannot fit on one line of the
// profile. Break never lets a line overflow: it fails with this error.
type WordTooLongError struct {
	Word  string  // the word as written
	Chars float64 // its counted characters (see measure.Chars)
	Limit int     // the profile's MaxCharsPerLine
}

// Error says which word does not fit and why.
func (e *WordTooLongError) Error() string {
	w := e.Word
	if r := []rune(w); len(r) > 60 {
		w = string(r[:57]) + "…"
	}
	return fmt.Sprintf("word %q is %g characters, longer than a line (%d)", w, e.Chars, e.Limit)
}

// Is makes errors.Is(err, ErrWordTooLong) true.
func (e *WordTooLongError) Is(target error) bool { return target == ErrWordTooLong }

// Break splits one unit of text (a sentence, a paragraph, a speaker's turn)
// into captions, each a slice of at most MaxLines lines of at most
// MaxCharsPerLine counted characters (see Chars). A caption never spans two
// units. Whitespace between words is normalised to one space, except that
// a no-break space (U+00A0, U+202F, U+2007) or a full-width space (U+3000)
// the input used is kept; no line or caption breaks at a no-break space,
// nor, in French, at a plain space before ? ! : ; » or after « (French
// typography sets a no-break space there). CJK text is broken between
// characters under the kinsoku rules. Every word of text appears exactly
// once, in order.
//
// The split is the optimum of a cost over every candidate segmentation
// (dynamic programming over the breaks between words), not a greedy fill:
// breaks after sentence and clause punctuation and before conjunctions,
// prepositions and determiners are cheap; breaks inside the guide's
// never-separate pairs (determiner + noun, preposition + object, auxiliary
// + verb, subject pronoun + verb, negation + verb, number + unit, first +
// last name) are dear, using the word lists of the profile's Language
// (English, Spanish, French, German, Italian, Portuguese, Russian, Arabic;
// other languages use punctuation and shape only). In English, guesses
// from word lists and suffixes add: a past-tense verb keeps its object, a
// subject keeps its modifiers until its verb, a participle after a noun
// opens a reduced relative, a present participle after a noun opens a
// clause, "that" or "those" before a conjunction is a pronoun and "that"
// before a time noun a determiner; a verb keeps an object opened by a
// number or following an indirect-object pronoun ("asked us a
// question"), an adverb between auxiliary and verb binds like the pair,
// a superlative or an adjective after an intensifier binds to its noun,
// a compound number is one word and a comma before quoted speech is a
// clause boundary; in every language a quotation that fits a line stays
// on it.
// One line is used when the caption fits; a two-line caption prefers a
// balanced or bottom-heavy pair with the shorter line at least half the
// longer; one-word captions
// and lines, two-word captions that are not a sentence, and captions under
// half a line cut from their sentence are avoided.
// A caption ends at a sentence or clause end where it can: a new sentence
// starts a new line, a caption does not end by starting a sentence it
// leaves unfinished, and a comma inside a line of a two-line caption
// (twice before a conjunction) costs more than ending the caption there.
//
// A word longer than a line is a *WordTooLongError. Empty text gives no
// captions and no error.
func Break(r rules.Profile, text string) ([][]string, error) {
	return BreakStyle(r, text, nil)
}

// BreakStyle is Break in the house style st (nil: DefaultStyle).
func BreakStyle(r rules.Profile, text string, st *Style) ([][]string, error) {
	b, err := newBreaker(r, text, st)
	if err != nil || b == nil {
		return nil, err
	}
	return b.solve(DefaultBlockCost), nil
}

// Segmentation weights. They encode the guide's rules as costs on one
// scale: a plain break between two content words costs 4, a break inside a
// never-separate pair 7–12, a break before a conjunction 1. A caption break
// (eob) after sentence or clause punctuation is cheaper than a line break
// there; elsewhere it costs the line break's cost plus costMidEOB.
const (
	DefaultBlockCost = 2.5 // each caption: fewer, fuller captions unless punctuation says otherwise
	costContent      = 4.0 // between two words with no class
	costSentenceEOL  = 2.0 // line break after . ? ! (plus costSentenceIn: a caption should hold one sentence)
	costSentenceIn   = 4.0 // a sentence ends inside a caption (mid-line it also forces a line break elsewhere)
	costStrongIn     = 2.0 // a ; or : inside a caption
	costClauseEOL    = 2.0 // line break after , — (humans end the caption there instead)
	costSentenceEOB  = 0.0 // caption end after . ? !
	costClauseEOB    = 1.0 // caption end after , —
	costStrongEOL    = 2.5 // line break after ; : (plus costStrongIn)
	costStrongEOB    = 0.5 // caption end after ; :
	costMidEOB       = 3.0 // extra for a caption that ends mid-clause
	costOrphan       = 6.0 // one-word caption in a longer unit
	costCommaInLine  = 2.0 // a , or dash inside a line of a two-line caption, after its first word
	costSentMidLine  = 3.0 // a sentence ends inside a line of a two-line caption (BBC: a new sentence starts a new line)
	costSpill        = 3.0 // a caption ends a sentence and then starts one it does not finish
	costFragment     = 1.0 // a caption under half a line that is not a whole sentence (at least)
	costForbidden    = 1000.0
	// costInsideWordCJK is a break between two characters of one Chinese
	// word: dearer than an extra caption with a caption end mid-clause
	// (about 15), so a split word is chosen only when nothing else fits.
	costInsideWordCJK = 20.0
)

// gap flags of a token.
type tokFlags uint16

const (
	fSentEnd       tokFlags = 1 << iota // ends with . ? ! … (possibly before a closing quote)
	fClause                             // ends with , ; : or is a dash
	fOpen                               // starts with an opening quote or bracket
	fCap                                // starts with an upper-case letter
	fNum                                // starts with a digit
	fDash                               // is a dash (- – — --)
	fNoBreakBefore                      // CJK: closing punctuation, small kana, prolonged sound mark
	fNoBreakAfter                       // CJK: opening punctuation
	fStrong                             // ends with ; or : (between a clause and a sentence)
)

type token struct {
	text  string
	norm  string // lower case, without surrounding punctuation (spaced languages)
	chars float64
	space bool // a space precedes the token inside a line
	// sep is the space written before the token inside a line when it is
	// not a plain one: a no-break space the input used (U+00A0, U+202F,
	// U+2007) or a Japanese full-width space (U+3000). sepw is the counted
	// width of the space before the token (set by newBreaker).
	sep  string
	sepw float64
	// glue forbids a line or caption break before the token: a no-break
	// space precedes it, or French typography binds it to its neighbour
	// (see gluedFrench).
	glue  bool
	wide  bool // a CJK wide character
	off   int  // CJK: the byte offset of the token in the text
	cls   wordClass
	flags tokFlags
	// first and last are the UPOS tags of the token's first and last
	// syntactic words (Unknown without a tagger).
	first, last pos.UPOS
}

type breaker struct {
	maxChars float64
	maxLines int
	cjk      bool    // characters counted as in CJK (measure.IsCJK)
	words    bool    // written with spaces between words: breaks fall only at spaces
	spw      float64 // counted width of a space
	toks     []token
	pos      []float64 // pos[k]: counted width of tokens[:k] with their spaces
	eol, eob []float64 // cost of a line break / caption break before token g
	sentEnds []int32   // sentEnds[k]: tokens[:k] ending a sentence
	strongs  []int32   // strongs[k]: tokens[:k] ending with ; or :
	commas   []int32   // commas[k]: tokens[:k] ending with , or a dash (twice before a conjunction)

	// The style's inputs: the rule costs before the style, the UPOS
	// rule's cost of each gap (NaN: none) and each gap's feature.
	baseEOL, baseEOB []float64
	uposCost         []float64
	feat             []uint16
	blockCost0       float64 // the style's price per caption
	shapeW           Shape   // the style's line-shape weights

	// Captions of more than two lines (see prepareLines): the best ways to
	// set the tokens from token `from` on exactly l lines.
	from  int
	lbest [][]float64 // lbest[l][x]: cost of tokens [from, from+x) on l lines
	lprev [][]int     // lprev[l][x]: the token where the l-th line starts

	// time, when set, adds the screen time each caption needs to its cost
	// (TimeSOT's re-break when a window is short).
	time *TimeCost
	// memo, when set, holds blockCost(i, j, 0) at memo[memoAt[i]+j-i-1],
	// so that the re-break's repeated searches skip the line layouts.
	memo   []float64
	memoAt []int
}

// memoize fills memo with every caption's cost but the per-caption one.
func (b *breaker) memoize() {
	n := len(b.toks)
	capWidth := float64(b.maxLines)*b.maxChars + float64(b.maxLines-1)*b.spw
	b.memoAt = make([]int, n)
	b.memo = make([]float64, 0, 16*n)
	for i := range n {
		b.memoAt[i] = len(b.memo)
		for j := i + 1; j <= n && b.lineLen(i, j) <= capWidth; j++ {
			b.memo = append(b.memo, b.blockCost(i, j, 0))
		}
	}
}

// TimeCost prices the screen time a caption needs: its characters at
// CPS, at least MinFrames and at most MaxFrames, plus the gap after it,
// times Lambda per second. Splitting a caption costs one gap unless a
// part drops under the minimum duration, so the search merges short
// captions first and keeps the clause breaks it can afford. Placement
// hands it to the search when captions do not fit their window.
type TimeCost struct {
	Lambda                          float64 // cost per second of screen time
	FPS                             float64 // frames per second
	CPS                             float64 // the profile's MaxCPS (0: no reading-speed rule)
	MinFrames, MaxFrames, GapFrames timing.Frame
}

// cost returns the time cost of a caption of chars counted characters.
// The seconds are not rounded to frames: a frame's rounding is noise that
// a high price per second would let outweigh the linguistic costs.
func (t *TimeCost) cost(chars float64) float64 {
	f := float64(t.MinFrames)
	if t.CPS > 0 {
		f = max(f, chars/t.CPS*t.FPS)
	}
	if t.MaxFrames > 0 && f > float64(t.MaxFrames) {
		f = float64(max(t.MaxFrames, t.MinFrames))
	}
	return t.Lambda * (f + float64(t.GapFrames)) / t.FPS
}

func newBreaker(r rules.Profile, text string, st *Style) (*breaker, error) {
	b := &breaker{
		maxChars: float64(r.MaxCharsPerLine),
		maxLines: r.MaxLines,
		cjk:      measure.IsCJK(r.Language),
		words:    writesSpaces(r.Language),
		spw:      1,
	}
	if b.maxChars <= 0 {
		return nil, fmt.Errorf("rules: max_chars_per_line must be positive, not %d", r.MaxCharsPerLine)
	}
	if b.maxLines <= 0 {
		b.maxLines = 1
	}
	if b.cjk {
		b.spw = 0.5
	}
	lx := lexiconFor(r.Language)
	var ja, zh []cjkWord // Japanese, Chinese: the tagger's word of each token
	if !b.words {
		b.toks = tokenizeCJK(text)
		switch measure.BaseLanguage(r.Language) {
		case "ja", "jpn":
			markJapaneseSpaces(b.toks)
			ja = tagCJK(b.toks, text, "ja")
		case "zh", "cmn", "zho":
			zh = tagCJK(b.toks, text, "zh")
		}
	} else {
		b.toks = tokenize(text, lx, measure.BaseLanguage(r.Language) == "fr", b.cjk)
		tagWords(b.toks, text, r.Language)
		guessRoles(b.toks, lx)
	}
	if len(b.toks) == 0 {
		return nil, nil
	}
	n := len(b.toks)
	b.pos = make([]float64, n+1)
	for k, t := range b.toks {
		if t.chars > b.maxChars {
			return nil, &WordTooLongError{Word: t.text, Chars: t.chars, Limit: r.MaxCharsPerLine}
		}
		w := t.chars
		if k > 0 && t.space {
			b.toks[k].sepw = b.spw
			if t.sep != "" {
				b.toks[k].sepw = measure.CharsIn(t.sep, b.cjk)
			}
			w += b.toks[k].sepw
		}
		b.pos[k+1] = b.pos[k] + w
	}
	b.eol = make([]float64, n)
	b.eob = make([]float64, n)
	b.sentEnds = make([]int32, n+1)
	b.strongs = make([]int32, n+1)
	b.commas = make([]int32, n+1)
	for k, t := range b.toks {
		b.sentEnds[k+1], b.strongs[k+1], b.commas[k+1] = b.sentEnds[k], b.strongs[k], b.commas[k]
		if t.flags&(fClause|fStrong|fSentEnd) == fClause && (t.flags&fNum == 0 || !numberListAt(b.toks, k+1)) {
			b.commas[k+1]++
			if k+1 < n && (b.toks[k+1].cls&(wConj|wSub) != 0 || b.toks[k+1].flags&fOpen != 0 && opensQuote(b.toks[k+1].text)) {
				// ", and" / ", but" / ", which" joins two clauses, and
				// 'said, "You' opens quoted speech: the strongest
				// boundary inside a sentence counts twice.
				b.commas[k+1]++
			}
		}
		if t.flags&fSentEnd != 0 {
			b.sentEnds[k+1]++
		} else if t.flags&fStrong != 0 {
			b.strongs[k+1]++
		}
	}
	for g := 1; g < n; g++ {
		if !b.words {
			l, rt := &b.toks[g-1], &b.toks[g]
			b.eol[g], b.eob[g] = gapCostCJK(l, rt, r.Language)
			if ja != nil && b.eol[g] < costForbidden && l.flags&(fSentEnd|fClause) == 0 && rt.flags&fNoBreakAfter == 0 && !rt.space {
				c := bunsetsuGap(ja[g-1], ja[g])
				b.eol[g], b.eob[g] = c, c+costMidEOB
			}
			if zh != nil && zh[g].idx >= 0 && zh[g-1].idx == zh[g].idx {
				// Inside one word of the zh segmenter (预|期, 小|镇).
				b.eol[g], b.eob[g] = max(b.eol[g], costInsideWordCJK), max(b.eob[g], costInsideWordCJK+costMidEOB)
			}
		} else {
			l, rt := &b.toks[g-1], &b.toks[g]
			b.eol[g], b.eob[g] = gapCost(l, rt, g-1 == 0 || b.toks[g-2].flags&fSentEnd != 0, lx.fixed(l.norm, rt.norm))
			if g+1 < n && rt.cls&(wConj|wSub) != 0 && rt.flags&(fClause|fSentEnd) == 0 && b.toks[g+1].cls&wPronSubj != 0 &&
				l.flags&(fClause|fSentEnd) == 0 && b.eol[g] <= costClauseEOB+1 {
				// A conjunction or subordinator before a subject pronoun
				// opens a new clause ("in our country / and we're looking"):
				// a caption may end there almost as well as at a comma.
				b.eob[g] = min(b.eob[g], costClauseEOB+1)
			}
			if g >= 2 && l.cls&^wCatenative == 0 && l.flags&(fClause|fSentEnd|fCap) == 0 && rt.cls&wDet != 0 && rt.cls&wSub == 0 &&
				b.toks[g-2].cls&wAux != 0 && b.toks[g-2].flags&(fClause|fSentEnd) == 0 {
				// After an auxiliary the content word is a verb, and the
				// determiner opens its object: "we will need / the
				// participation" splits the verb phrase.
				b.eol[g], b.eob[g] = max(b.eol[g], costContent), max(b.eob[g], costContent+costMidEOB)
			}
			// A superlative in -est before a content word is an adjective
			// too ("the hardest / part"); before a phrase opener the word
			// is as often a noun ("our request / and").
			superlative := lx != nil && lx.regularPast && l.cls == 0 && rt.cls == 0 && rt.flags&(fOpen|fDash) == 0 && len(l.norm) >= 6 && strings.HasSuffix(l.norm, "est")
			if g >= 2 && (l.cls&(wAdj|wAdjGuess) != 0 || superlative) && l.flags&(fClause|fSentEnd) == 0 {
				if d := &b.toks[g-2]; d.cls&wDet != 0 && d.cls&(wSub|wPronAmb) == 0 && d.flags&(fClause|fSentEnd) == 0 {
					// Determiner + adjective opens a noun phrase whose noun is
					// still to come: "the political / and military spheres".
					b.eol[g], b.eob[g] = max(b.eol[g], 7), max(b.eob[g], 7+costMidEOB)
				}
			}
			if rt.cls&wAux != 0 && l.cls == 0 && lx.verbFinal() {
				// German verb clusters: "fortgesetzt / werden" splits one verb.
				b.eol[g], b.eob[g] = max(b.eol[g], 7), max(b.eob[g], 7+costMidEOB)
			}
		}
	}
	if b.words {
		korean := b.cjk // the one CJK language written with spaces
		b.adjustGaps(lx)
		if korean {
			b.eojeolGaps()
		} else {
			b.subjectVerbGaps()
		}
		if measure.BaseLanguage(r.Language) == "fr" {
			b.frenchNegation()
		}
		b.uposCost = make([]float64, n)
		b.feat = make([]uint16, n)
		for g := 1; g < n; g++ {
			l, rt := &b.toks[g-1], &b.toks[g]
			b.feat[g] = gapFeature(l, rt)
			b.uposCost[g] = math.NaN()
			if !korean && l.flags&(fClause|fSentEnd|fStrong) == 0 && l.last != pos.Unknown && rt.first != pos.Unknown {
				// The tags raise a cost the word lists set too low, and
				// set one they know nothing about (two unlisted words);
				// they do not undo a listed pair ("giving / us").
				if u := uposGap(l.last, rt.first); u >= 0 && (u > b.eol[g] || b.eol[g] == costContent) {
					b.uposCost[g] = u
				}
			}
		}
	}
	for g := 1; g < n; g++ {
		if b.toks[g].glue {
			// A no-break space: the search breaks there only when
			// nothing else fits (a glued run longer than a line).
			b.eol[g], b.eob[g] = costForbidden, costForbidden
			if b.uposCost != nil {
				b.uposCost[g] = math.NaN()
			}
		}
	}
	b.baseEOL, b.baseEOB = slices.Clone(b.eol), slices.Clone(b.eob)
	b.applyStyle(st)
	return b, nil
}

// tokenize splits spaced text into words (its strings.Fields) and
// classifies them. A word after a no-break space is glued to the one
// before and keeps that space; with french set, so is a word after a
// plain space that French typography binds (gluedFrench).
func tokenize(text string, lx *lexicon, french, cjk bool) []token {
	toks := make([]token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		// The run of spaces before the word.
		sep := ""
		for i < len(text) {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				break
			}
			if sep == "" && isNoBreakSpace(r) {
				sep = text[i : i+sz]
			}
			i += sz
		}
		if i == len(text) {
			break
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += sz
		}
		f := text[i:j]
		norm := lx.normalize(f)
		t := token{text: f, norm: norm, chars: measure.CharsIn(f, cjk), space: true, sep: sep, cls: lx.classOf(norm), flags: wordFlags(f)}
		if len(toks) > 0 {
			t.glue = sep != "" || french && gluedFrench(toks[len(toks)-1].text, f)
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}

// subjectVerbGaps makes the gap between a long subject and its verb a
// place to break (BBC, Netflix: "between a long subject and its verb"):
// where a tagged noun, name or number (or an adjective after a noun of the
// clause: "قلة النوم لفترة طويلة") is followed by a verb or auxiliary
// (after at most two short clitics: "ne connaît") and the clause before it
// holds at least subjectWords words and no verb, the gap costs no more
// than subjectVerbEOL.
func (b *breaker) subjectVerbGaps() {
	start, verb, noun := 0, false, false
	for g := 1; g < len(b.toks); g++ {
		l, rt := &b.toks[g-1], &b.toks[g]
		if l.flags&(fClause|fSentEnd|fStrong) != 0 {
			start, verb, noun = g, false, false
			continue
		}
		if rt.first == pos.SCONJ || rt.first == pos.CCONJ {
			start, verb, noun = g+1, false, false // the clause's words start after its conjunction
			continue
		}
		if isVerbTag(l.first) || isVerbTag(l.last) {
			verb = true
		}
		if isNominal(l.last) {
			noun = true
		}
		if !verb && g-start >= subjectWords && (isNominal(l.last) || noun && l.last == pos.ADJ) && b.verbAt(g) {
			b.eol[g] = min(b.eol[g], subjectVerbEOL)
			b.eob[g] = min(b.eob[g], subjectVerbEOL+costMidEOB)
		}
	}
}

// frenchNegation keeps the second part of a French negation (pas, plus,
// jamais, rien, guère) with the verb it follows when a ne or n' opens it a
// word or two before ("ne connaît / pas" splits the verb from its
// negation): that gap is as dear as an auxiliary and its verb.
func (b *breaker) frenchNegation() {
	for g := 2; g < len(b.toks); g++ {
		switch b.toks[g].norm {
		case "pas", "plus", "jamais", "rien", "guère", "point":
		default:
			continue
		}
		for k := g - 1; k >= max(0, g-3); k-- {
			if n := b.toks[k].norm; n == "ne" || strings.HasPrefix(n, "n'") || strings.HasPrefix(n, "n’") {
				b.eol[g], b.eob[g] = max(b.eol[g], 9), max(b.eob[g], 9+costMidEOB)
				break
			}
			if b.toks[k].flags&(fClause|fSentEnd) != 0 {
				break
			}
		}
	}
}

// subjectWords is the fewest words of a subject long enough to be broken
// from its verb; subjectVerbEOL is the line-break cost there.
const (
	subjectWords   = 4
	subjectVerbEOL = 2.0
)

func isVerbTag(u pos.UPOS) bool { return u == pos.VERB || u == pos.AUX }

// verbAt reports whether a verb starts at token g, or after at most two
// clitics or negation particles before it ("ne connaît", "se sont").
func (b *breaker) verbAt(g int) bool {
	for k := g; k < min(g+3, len(b.toks)); k++ {
		t := &b.toks[k]
		if isVerbTag(t.first) {
			return true
		}
		if t.first != pos.ADV && t.first != pos.PRON && t.first != pos.PART || t.flags&(fClause|fSentEnd) != 0 || t.chars > 4 {
			return false
		}
	}
	return false
}

// writesSpaces reports whether lang is written with spaces between words,
// so that lines and captions break only at spaces: every language but
// Japanese and Chinese. Korean counts its characters as CJK but breaks
// between eojeol, at spaces, as the Netflix Korean guide requires.
func writesSpaces(lang string) bool {
	base := measure.BaseLanguage(lang)
	return !measure.IsCJK(lang) || base == "ko" || base == "kor"
}

// isNoBreakSpace reports whether r is a space that forbids a line break
// (Unicode line breaking class GL, UAX #14): the no-break space, the
// narrow no-break space French sets before ? ! ; and the figure space.
func isNoBreakSpace(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007'
}

// gluedFrench reports whether French typography forbids a break in the
// space between words l and r: before the high punctuation ? ! : ; and
// the closing guillemet, which take a no-break space before them, and
// after the opening guillemet (Imprimerie nationale, Lexique des règles
// typographiques; Netflix French Timed Text Style Guide). Input typed with
// a plain space there means the same.
func gluedFrench(l, r string) bool {
	first, _ := utf8.DecodeRuneInString(r)
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune("?!:;»›‼⁇⁈⁉", first) || strings.ContainsRune("«‹", last)
}

func wordFlags(f string) tokFlags {
	var fl tokFlags
	switch f {
	case "-", "–", "—", "--", "―":
		return fDash | fClause
	}
	first, _ := utf8.DecodeRuneInString(f)
	switch {
	case unicode.IsUpper(first):
		fl |= fCap
	case unicode.IsDigit(first) || first == '$' || first == '£' || first == '€':
		fl |= fNum
	case isOpening(first):
		fl |= fOpen
		if len(f) > utf8.RuneLen(first) {
			second, _ := utf8.DecodeRuneInString(f[utf8.RuneLen(first):])
			if unicode.IsUpper(second) {
				fl |= fCap
			}
		}
	}
	// The last character that is not a closing quote or bracket decides.
	end := strings.TrimRightFunc(f, isClosing)
	last, _ := utf8.DecodeLastRuneInString(end)
	switch last {
	case '.', '?', '!', '…', '。', '？', '！', '؟', '‼', '⁇':
		// "Mr." and "e.g." are abbreviations, not sentence ends: a short word
		// with a capital or an inner dot.
		if last == '.' && isAbbreviation(end) {
			break
		}
		fl |= fSentEnd
	case ';', ':', '؛', '；', '：':
		fl |= fClause | fStrong
	case ',', '،', '、', '，', '—', '–':
		fl |= fClause
	}
	if strings.HasSuffix(end, "--") {
		fl |= fClause
	}
	if r, _ := utf8.DecodeLastRuneInString(f); fl&fSentEnd == 0 && (r == ')' || r == ']' && !strings.HasPrefix(f, "[")) {
		// "(Laughter)" and asides end a phrase, and so does an editor's
		// longer insertion ("They [Italian military ships]"). A one-word
		// insertion in square brackets stands for a word of the sentence
		// ("we asked [Russia] to [help] soften") and keeps its syntax.
		fl |= fClause
	}
	return fl
}

func isAbbreviation(w string) bool {
	core := strings.TrimSuffix(w, ".")
	core = strings.TrimLeftFunc(core, isOpening)
	if strings.Contains(core, ".") {
		return true // e.g. U.S. i.e.
	}
	switch core {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "No", "Sra", "Mme", "Mlle", "Nr", "z.B", "bzw", "ca", "Hr", "Fr":
		return core != "etc"
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '„', '‚', '¿', '¡', '「', '『', '（', '【', '〔', '〈', '《', '‹':
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）', '】', '〕', '〉', '》':
		return true
	}
	return false
}

// bindsRight returns the cost of breaking after a word of class c: the
// never-separate pairs of the guide.
func bindsRight(c wordClass) float64 {
	if c == 0 {
		return 0
	}
	best := math.Inf(1)
	take := func(has wordClass, v float64) {
		if c&has != 0 && v < best {
			best = v
		}
	}
	take(wDet, 12)
	take(wTo, 12)
	take(wPrep, 11)
	take(wNeg, 11)
	take(wPronSubj, 11)
	take(wClitic, 11)
	take(wNum, 10)
	take(wConj, 9)
	take(wAux, 9)
	take(wSub, 8)
	take(wMod, 8)
	take(wAdj, 7)
	take(wAdjGuess, 5.5)
	take(wPronAmb, 6)
	take(wPronObj, 1)
	take(wPart, 1)
	take(wEnclitic, 1)
	if math.IsInf(best, 1) {
		return 0
	}
	return best
}

// opensPhrase returns the cost of breaking before a word of class c: low
// when the word opens a phrase or clause, costContent for a content word,
// high for a word that leans on the one before.
func opensPhrase(c wordClass) float64 {
	switch {
	case c&(wConj|wSub) != 0:
		return 1
	case c&(wPrep|wTo) != 0:
		return 1.5
	case c&wDet != 0:
		return 2
	case c&wPronSubj != 0:
		return 2.5
	case c&wAux != 0:
		return 3.5
	case c&wNeg != 0:
		return 5
	case c&wPart != 0:
		return 5.5
	case c&wPronObj != 0:
		// An object pronoun is unstressed and leans on its verb ("giving /
		// us" reads as a new subject): as dear as the guide's pairs.
		return 11
	case c&wEnclitic != 0:
		return 9
	}
	return costContent
}

// gapCost returns the cost of a line break and of a caption break between
// tokens l and r. lFirst says l starts a sentence (its capital is not a
// name's).
func gapCost(l, r *token, lFirst, mwe bool) (eol, eob float64) {
	switch {
	case l.flags&fSentEnd != 0:
		return costSentenceEOL, costSentenceEOB
	case l.flags&fStrong != 0:
		return costStrongEOL, costStrongEOB
	case l.flags&fClause != 0:
		return costClauseEOL, costClauseEOB
	}
	c := opensPhrase(r.cls)
	if r.cls&(wPrep|wPart) != 0 && r.flags&(fClause|fSentEnd) != 0 {
		c = 6 // a stranded preposition stays with its verb: "talking about,"
	}
	if r.flags&fOpen != 0 && c > 2 {
		c = 2
	}
	if r.flags&fDash != 0 {
		c = costClauseEOL
	}
	lc := l.cls
	if r.cls&(wConj|wSub|wPrep|wTo|wDet|wPronSubj) != 0 || r.flags&(fOpen|fDash) != 0 {
		// The next word opens a phrase, so an ambiguous word before it
		// ends its own: a predicative adjective ("it is new / and"), an
		// object pronoun ("thank you / for"), a number used as a pronoun
		// ("one / of the most important").
		lc &^= wAdj | wAdjGuess | wPronAmb | wNum
	} else if r.cls&wAux != 0 {
		lc &^= wAdj | wAdjGuess
	}
	if lc&wAux != 0 && lc&(wPronSubj|wNeg) == 0 && r.cls&(wConj|wSub|wPrep) != 0 && r.cls&(wAux|wNeg) == 0 {
		// An auxiliary before a phrase opener is a copula or a main verb
		// ("we are / on the same wavelength", "the point is / that"): it
		// does not bind to a verb after it, so the break costs what it
		// costs after any verb.
		lc &^= wAux
	}
	c = max(c, bindsRight(lc))
	if r.cls&wTo != 0 && l.cls&wCatenative != 0 {
		c = max(c, 7) // a verb and its infinitive: "trying to", "going to"
	}
	if mwe {
		c = max(c, 8) // a fixed expression: "because of", "a lot", "each other"
	}
	if r.cls&wNum != 0 && (l.cls&wNum != 0 || l.flags&fNum != 0) {
		// A compound number is one word: "three / thousand" or "2 /
		// million" splits it, dearer than the number from its noun.
		c = max(c, 12)
	}
	if l.cls == 0 && r.cls == 0 {
		switch {
		case l.flags&fCap != 0 && r.flags&fCap != 0 && !lFirst:
			c = 10 // first + last name, a multi-word name
		case l.flags&fNum != 0:
			c = 10 // a number and its unit
		}
	}
	return c, c + costMidEOB
}

// tokenizeCJK splits text into one token per wide character (or
// punctuation mark) and one per run of narrow letters or digits.
func tokenizeCJK(text string) []token {
	var toks []token
	space, sep := false, ""
	state := -1
	for rest := text; rest != ""; {
		off := len(text) - len(rest)
		cl, next, width, st := uniseg.FirstGraphemeClusterInString(rest, state)
		rest, state = next, st
		r, _ := utf8.DecodeRuneInString(cl)
		if unicode.IsSpace(r) {
			space = len(toks) > 0
			if sep == "" && (isNoBreakSpace(r) || r == '\u3000') {
				// Netflix Japanese writes a full-width space for 。 and
				// a half-width one for 、: the line keeps the one used.
				sep = cl
			}
			continue
		}
		narrowWord := width < 2 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' || r == '.' || r == ',')
		if narrowWord && !space && len(toks) > 0 {
			p := &toks[len(toks)-1]
			if !p.wide && p.flags&(fNoBreakBefore|fNoBreakAfter) == 0 {
				p.text += cl
				p.chars += measure.CharsIn(cl, true)
				continue
			}
		}
		t := token{text: cl, chars: measure.CharsIn(cl, true), space: space, wide: width >= 2, off: off}
		if space {
			t.sep = sep
			sr, _ := utf8.DecodeRuneInString(sep)
			t.glue = isNoBreakSpace(sr)
		}
		if noBreakBefore(r) {
			t.flags |= fNoBreakBefore
		}
		if noBreakAfter(r) {
			t.flags |= fNoBreakAfter
		}
		switch r {
		case '。', '！', '？', '!', '?', '．', '…', '.':
			t.flags |= fSentEnd
		case '、', '，', '；', '：', ',', ';', ':':
			t.flags |= fClause
		}
		toks = append(toks, t)
		space, sep = false, ""
	}
	return toks
}

// Kinsoku shori: characters that may not start a line (closing brackets
// and quotes, sentence and clause punctuation, small kana, the prolonged
// sound mark, iteration marks) and characters that may not end one
// (opening brackets and quotes). JIS X 4051 §3.1.
func noBreakBefore(r rune) bool {
	return strings.ContainsRune("、。，．,.：；:;？！?!）)」』】〕〉》〙〗］]｝}”’〟ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～…‥・", r)
}

func noBreakAfter(r rune) bool {
	return strings.ContainsRune("（(「『【〔〈《〘〖［[｛{“‘〝", r)
}

// japaneseParticles are hiragana particles after which a Japanese line
// breaks naturally (bunsetsu ends).
const japaneseParticles = "はがをにでとのもへやかねよ"

// chineseAfter are Chinese aspect and sentence-final particles after which
// a line breaks naturally; chineseBefore are conjunctions and adverbs that
// open a phrase. A break after 的 (which ties a modifier to its noun) is
// as dear as a never-separate pair.
const (
	chineseAfter  = "了着过吗呢吧啊"
	chineseBefore = "和与及但而因所如并或在是就都也还"
)

// gapCostCJK is gapCost for text without spaces: kinsoku rules, then
// punctuation, then script changes and particles as phrase boundaries.
func gapCostCJK(l, r *token, lang string) (eol, eob float64) {
	if r.flags&fNoBreakBefore != 0 || l.flags&fNoBreakAfter != 0 {
		return costForbidden, costForbidden
	}
	switch {
	case l.flags&fSentEnd != 0:
		return costSentenceEOL, costSentenceEOB
	case l.flags&fClause != 0:
		return costClauseEOL, costClauseEOB
	case r.flags&fNoBreakAfter != 0:
		return 1.5, 1.5 + costMidEOB
	}
	lr, _ := utf8.DecodeRuneInString(l.text)
	rr, _ := utf8.DecodeRuneInString(r.text)
	c := 6.0 // between two characters of (probably) one word
	switch measure.BaseLanguage(lang) {
	case "ja", "jpn":
		if strings.ContainsRune(japaneseParticles, lr) && !unicode.Is(unicode.Hiragana, rr) {
			c = 2
		} else if scriptOf(lr) != scriptOf(rr) {
			c = 3.5
		}
	case "zh", "cmn", "yue", "wuu", "zho":
		if strings.ContainsRune(chineseAfter, lr) || strings.ContainsRune(chineseBefore, rr) {
			c = 2.5
		} else if lr == '的' || rr == '的' || rr == '了' || rr == '着' || rr == '过' {
			c = 9
		} else if scriptOf(lr) != scriptOf(rr) {
			c = 3.5
		}
	default: // Korean writes spaces; a break inside a word is dear.
		if r.space {
			c = costContent
		} else {
			c = 9
		}
	}
	if r.space && c > costContent {
		c = costContent
	}
	return c, c + costMidEOB
}

func scriptOf(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.Is(unicode.Hiragana, r):
		return 2
	case unicode.Is(unicode.Katakana, r):
		return 3
	case unicode.Is(unicode.Hangul, r):
		return 4
	case r < 0x80:
		return 5
	}
	return 0
}

// commasIn counts the clause commas (and dashes) that fall inside the
// line of tokens [i, j): not at its end (that is the break) and not after
// its first word when that word opens a sentence ("Now," and "Yes," are
// part of their clause); "before, the children" at a line start still
// runs the end of one clause into the next.
// Subtitlers break a caption's lines at its punctuation (BBC, Netflix),
// so a comma in mid-line with a line break elsewhere reads as two
// phrases run together. Commas between numbers separate list items
// ("24, 25, 29.97,") and are not counted.
func (b *breaker) commasIn(i, j int) int32 {
	from := i
	if i == 0 || b.toks[i-1].flags&fSentEnd != 0 {
		from = i + 1 // "Now, …" opens its sentence
		// So does a short fronted adverbial ("As usual,", "At the same
		// time,", "When I arrived,"): up to four words before the
		// sentence's first comma are a preamble, not a clause of their own.
		for k := i; k < min(i+4, j-1); k++ {
			if t := b.toks[k].flags; t&(fClause|fSentEnd) != 0 {
				// A comma before a conjunction ends a clause of its own
				// ("I was fourteen, and I thought"), not a preamble.
				if t&(fClause|fStrong|fSentEnd|fDash) == fClause && b.toks[k+1].cls&wConj == 0 && !b.mainClause(i, k+1) {
					from = k + 1
				}
				break
			}
		}
	}
	if j-1 <= from {
		return 0
	}
	return b.commas[j-1] - b.commas[from]
}

// mainClause reports whether tokens [i, j) are tagged as a clause of
// their own: a verb among them and no subordinator first ("Man sollte
// regelmäßig trinken," is a clause; "When I arrived," and "At the same
// time," are preambles).
func (b *breaker) mainClause(i, j int) bool {
	if i >= j || b.toks[i].first == pos.SCONJ || b.toks[i].cls&wSub != 0 {
		return false
	}
	for k := i; k < j; k++ {
		if t := &b.toks[k]; t.first == pos.VERB || t.last == pos.VERB {
			return true
		}
	}
	return false
}

// numberListAt reports whether a list of numbers goes on at toks[k] ("24,
// 25, 29.97" or "24, 25 and 30"): the comma after a number there
// separates list items, not clauses ("in 2012, with money" is a clause
// comma).
func numberListAt(toks []token, k int) bool {
	if k < len(toks) && toks[k].cls&wConj != 0 {
		k++
	}
	return k < len(toks) && toks[k].flags&fNum != 0
}

// lineLen returns the counted width of tokens [i, j) set on one line.
func (b *breaker) lineLen(i, j int) float64 {
	w := b.pos[j] - b.pos[i]
	if i > 0 && b.toks[i].space {
		w -= b.toks[i].sepw
	}
	return w
}

// shape is the cost of a two-line caption with lines of widths a (top) and
// c (bottom) holding na and nc words, where the widest top line that fits
// is top wide. The weights are the style's (see Shape).
func (b *breaker) shape(a, c, top float64, na, nc int) float64 {
	m := b.maxChars
	w := &b.shapeW
	s := 0.0
	if a > c {
		s += w.TopHeavy * (a - c) / m
	} else {
		s += w.BottomHeavy * (c - a) / m
	}
	short, long := min(a, c), max(a, c)
	if short < 0.5*long { // TED: the shorter line at least half the longer
		s += w.ShortLine * (0.5*long - short) / m
	}
	if na == 1 || nc == 1 {
		s += w.OneWordLine
	}
	if w.Fill != 0 {
		s += w.Fill * (top - a) / m
	}
	return s
}

// layout returns the cost of setting tokens [i, j) as one caption and, when
// want is set, the token indices where its lines start after the first.
func (b *breaker) layout(i, j int, want bool) (float64, []int) {
	if b.lineLen(i, j) <= b.maxChars {
		return 0, nil
	}
	if b.maxLines < 2 {
		return math.Inf(1), nil
	}
	if b.maxLines == 2 {
		top := 0.0 // the widest top line that fits (Shape.Fill)
		if b.shapeW.Fill != 0 {
			for m := i + 1; m < j && b.lineLen(i, m) <= b.maxChars; m++ {
				top = b.lineLen(i, m)
			}
		}
		best, bm := math.Inf(1), -1
		for m := i + 1; m < j; m++ {
			a := b.lineLen(i, m)
			if a > b.maxChars {
				break
			}
			c := b.lineLen(m, j)
			if c > b.maxChars {
				continue
			}
			v := b.eol[m] + b.shape(a, c, top, m-i, j-m) + costCommaInLine*float64(b.commasIn(i, m)+b.commasIn(m, j)) +
				costSentMidLine*float64(b.sentEnds[m-1]-b.sentEnds[i]+b.sentEnds[j-1]-b.sentEnds[m])
			if v < best {
				best, bm = v, m
			}
		}
		if want && bm >= 0 {
			return best, []int{bm}
		}
		return best, nil
	}
	return b.layoutMany(i, j, want)
}

// prepareLines computes, for captions starting at token i, the cheapest
// way to set tokens [i, i+x) on exactly l lines for every x and l ≤
// maxLines (maxLines > 2 only): a line costs its break plus its distance
// from four fifths of the line width. One pass serves every caption end,
// so the whole search stays O(n · W²) for captions of W tokens.
func (b *breaker) prepareLines(i int) {
	if b.lbest != nil && b.from == i {
		return
	}
	b.from = i
	capWidth := float64(b.maxLines)*b.maxChars + float64(b.maxLines-1)*b.spw
	w := 0
	for i+w < len(b.toks) && b.lineLen(i, i+w+1) <= capWidth {
		w++
	}
	if b.lbest == nil {
		b.lbest = make([][]float64, b.maxLines+1)
		b.lprev = make([][]int, b.maxLines+1)
	}
	target := 0.8 * b.maxChars
	dev := func(s, e int) float64 { return math.Abs(b.lineLen(s, e)-target) / b.maxChars }
	for l := 1; l <= b.maxLines; l++ {
		b.lbest[l] = slices.Grow(b.lbest[l][:0], w+1)[:w+1]
		b.lprev[l] = slices.Grow(b.lprev[l][:0], w+1)[:w+1]
		for x := 0; x <= w; x++ {
			e := i + x
			b.lbest[l][x], b.lprev[l][x] = math.Inf(1), -1
			if x == 0 {
				continue
			}
			if l == 1 {
				if b.lineLen(i, e) <= b.maxChars {
					b.lbest[1][x], b.lprev[1][x] = dev(i, e), i
				}
				continue
			}
			for st := e - 1; st > i && b.lineLen(st, e) <= b.maxChars; st-- {
				if v := b.lbest[l-1][st-i] + b.eol[st] + dev(st, e); v < b.lbest[l][x] {
					b.lbest[l][x], b.lprev[l][x] = v, st
				}
			}
		}
	}
}

// layoutMany is layout for maxLines > 2.
func (b *breaker) layoutMany(i, j int, want bool) (float64, []int) {
	b.prepareLines(i)
	x := j - i
	if x >= len(b.lbest[1]) {
		return math.Inf(1), nil
	}
	best, bl := math.Inf(1), 0
	for l := 2; l <= b.maxLines; l++ {
		if v := b.lbest[l][x]; v < best {
			best, bl = v, l
		}
	}
	if !want || bl == 0 {
		return best, nil
	}
	brk := make([]int, bl-1)
	for l, e := bl, j; l > 1; l-- {
		st := b.lprev[l][e-i]
		brk[l-2] = st
		e = st
	}
	return best, brk
}

// blockCost returns the cost of tokens [i, j) as one caption, line layout
// included, given the cost per caption.
func (b *breaker) blockCost(i, j int, perBlock float64) float64 {
	lc, _ := b.layout(i, j, false)
	if math.IsInf(lc, 1) {
		return lc
	}
	n := len(b.toks)
	c := perBlock + lc
	if j < n {
		c += b.eob[j]
	}
	// Sentences (and ; : clauses) that end inside the caption, not at its end.
	c += costSentenceIn*float64(b.sentEnds[j-1]-b.sentEnds[i]) + costStrongIn*float64(b.strongs[j-1]-b.strongs[i])
	if j < n && b.toks[j-1].flags&fSentEnd == 0 && b.sentEnds[j-1] > b.sentEnds[i] {
		// "… for migrants. At the same time, | these countries": the
		// caption ends one sentence and leaves the next one hanging.
		c += costSpill
	}
	if j-i == 1 && n > 1 {
		c += costOrphan
	} else if j-i == 2 && n > 2 && !b.wholeSentence(i, j) {
		// Two words that are not a sentence of their own ("As usual,",
		// "The opposite,") flash by as an orphan too.
		c += costOrphan
	}
	// Captions much shorter than a line flash by; captions near the full
	// two lines are harder to read than two shorter ones.
	w := b.lineLen(i, j)
	if short := 0.35 * b.maxChars; w < short && n > 1 {
		c += 3 * (short - w) / short
	}
	if half := 0.5 * b.maxChars; w < half && n > j-i && !b.wholeSentence(i, j) {
		// A fragment cut from its sentence and shorter than half a line
		// ("on the table." after two full lines) is on screen for the
		// minimum time and reads as a leftover: subtitlers rebalance the
		// sentence's captions instead.
		c += costFragment * (1 + 2*(half-w)/half)
	}
	t := 1.2 * b.maxChars
	c += 2 * ((w - t) / t) * ((w - t) / t)
	return c
}

// wholeSentence reports whether tokens [i, j) are one or more whole
// sentences: they start the unit or follow a sentence end, and end one.
func (b *breaker) wholeSentence(i, j int) bool {
	return (i == 0 || b.toks[i-1].flags&fSentEnd != 0) && (j == len(b.toks) || b.toks[j-1].flags&fSentEnd != 0)
}

// solve returns the best segmentation of the tokens into captions of lines.
func (b *breaker) solve(perBlock float64) [][]string {
	starts := b.search(perBlock)
	n := len(b.toks)
	out := make([][]string, 0, len(starts))
	for s := len(starts) - 1; s >= 0; s-- {
		i := starts[s]
		j := n
		if s > 0 {
			j = starts[s-1]
		}
		_, brk := b.layout(i, j, true)
		lines := make([]string, 0, len(brk)+1)
		from := i
		for _, m := range brk {
			lines = append(lines, b.join(from, m))
			from = m
		}
		lines = append(lines, b.join(from, j))
		out = append(out, lines)
	}
	return out
}

// gaps returns the break the best segmentation makes before each token:
// gapNone, gapEOL or gapEOB (index 0 is unused).
func (b *breaker) gaps(perBlock float64) []uint8 {
	starts := b.search(perBlock)
	n := len(b.toks)
	out := make([]uint8, n)
	for s := len(starts) - 1; s >= 0; s-- {
		i := starts[s]
		j := n
		if s > 0 {
			j = starts[s-1]
		}
		if i > 0 {
			out[i] = gapEOB
		}
		_, brk := b.layout(i, j, true)
		for _, m := range brk {
			out[m] = gapEOL
		}
	}
	return out
}

// Break types of a gap.
const (
	gapNone uint8 = iota
	gapEOL
	gapEOB
)

// search returns the caption starts of the best segmentation, last first.
// perBlock is the caller's price per caption at the default style; the
// style moves it by its own BlockCost.
func (b *breaker) search(perBlock float64) []int {
	perBlock += b.blockCost0 - DefaultBlockCost
	n := len(b.toks)
	f := make([]float64, n+1)
	back := make([]int, n+1)
	for k := 1; k <= n; k++ {
		f[k] = math.Inf(1)
	}
	capWidth := float64(b.maxLines)*b.maxChars + float64(b.maxLines-1)*b.spw
	for i := 0; i < n; i++ {
		if math.IsInf(f[i], 1) {
			continue
		}
		for j := i + 1; j <= n; j++ {
			w := b.lineLen(i, j)
			if w > capWidth {
				break
			}
			var c float64
			if b.memo != nil {
				c = f[i] + b.memo[b.memoAt[i]+j-i-1] + perBlock
			} else {
				c = f[i] + b.blockCost(i, j, perBlock)
			}
			if b.time != nil {
				if w > b.maxChars {
					w -= b.spw // the line break is not counted
				}
				c += b.time.cost(w)
			}
			if c < f[j] {
				f[j], back[j] = c, i
			}
		}
	}
	// Every token fits a line, so one token per caption is always feasible
	// and f[n] is finite.
	var starts []int
	for j := n; j > 0; j = back[j] {
		starts = append(starts, back[j])
	}
	return starts
}

// join returns tokens [i, j) as the text of one line.
func (b *breaker) join(i, j int) string {
	var sb strings.Builder
	for k := i; k < j; k++ {
		if k > i && b.toks[k].space {
			if s := b.toks[k].sep; s != "" {
				sb.WriteString(s)
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(b.toks[k].text)
	}
	return sb.String()
}
