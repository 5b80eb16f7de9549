package feat

import (
	"unicode"
	"unicode/utf8"
)

// Segmenter classes: begin, middle, end and single-character word.
const (
	SegB = iota
	SegM
	SegE
	SegS
	SegClasses
)

// SegStart is the index of the start state in the previous-class
// dimension of the segmenter's transition scores (after the four
// classes).
const SegStart = SegClasses

// CharClass is a coarse class of a rune for the segmenter's features.
func CharClass(r rune) byte {
	switch {
	case r == 0:
		return '_'
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return 'd'
	case r < utf8.RuneSelf && unicode.IsLetter(r), r >= 'Ａ' && r <= 'ｚ':
		return 'l'
	case unicode.Is(unicode.Hiragana, r):
		return 'h'
	case unicode.Is(unicode.Katakana, r), r == 'ー':
		return 'k'
	case unicode.Is(unicode.Han, r), r == '々', r == '〇':
		return 'C'
	case unicode.Is(unicode.Hangul, r):
		return 'g'
	case unicode.IsLetter(r):
		return 'L'
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsPunct(r), unicode.IsSymbol(r):
		return 'p'
	}
	return 'o'
}

// LexMaxLen is the longest lexicon word, in runes, the segmenter looks
// up.
const LexMaxLen = 8

// LexKey is the key of a lexicon word given as runes.
func LexKey(rs []rune) uint32 {
	h := Start(201)
	for _, r := range rs {
		h = h.Rune(r)
	}
	return h.Key()
}

// LexClass returns the class of word w in lexicon lx plus one, or 0 if w
// is not in it (or lx is nil).
func LexClass(lx *KeyMap, w string) byte {
	if lx == nil || utf8.RuneCountInString(w) > LexMaxLen {
		return 0
	}
	h := Start(201)
	for _, r := range w {
		h = h.Rune(r)
	}
	if c, ok := lx.Get(h.Key()); ok {
		return c + 1
	}
	return 0
}

// LexSpan is what a lexicon says about one position of a chunk.
type LexSpan struct {
	// StartMask has bit k-1 set when a lexicon word of k runes starts at
	// the position; EndMask when one ends there.
	StartMask, EndMask uint8
	// StartLen and EndLen are the lengths of the longest such words,
	// StartTag and EndTag their classes (0 when there is none).
	StartLen, EndLen uint8
	StartTag, EndTag byte
	// Inside is the length of the longest lexicon word that covers the
	// position but neither starts nor ends there.
	Inside uint8
}

// LexSpans fills spans[i] for every rune of rs from lexicon lx (a map of
// LexKey to a word class). spans must have len(rs) elements.
func LexSpans(lx *KeyMap, rs []rune, spans []LexSpan) {
	clear(spans)
	for i := range rs {
		h := Start(201)
		for k := 1; k <= LexMaxLen && i+k <= len(rs); k++ {
			h = h.Rune(rs[i+k-1])
			tag, ok := lx.Get(h.Key())
			if !ok {
				continue
			}
			s, e := &spans[i], &spans[i+k-1]
			s.StartMask |= 1 << (k - 1)
			e.EndMask |= 1 << (k - 1)
			s.StartLen, s.StartTag = uint8(k), tag+1
			if uint8(k) > e.EndLen {
				e.EndLen, e.EndTag = uint8(k), tag+1
			}
			for j := i + 1; j < i+k-1; j++ {
				if uint8(k) > spans[j].Inside {
					spans[j].Inside = uint8(k)
				}
			}
		}
	}
}

// MaxSegFeatures bounds what SegStateFeatures appends.
const MaxSegFeatures = 24

// SegStateFeatures appends the keys of the features of rune i of rs that
// do not depend on the previous class: characters and character classes
// around it (cls holds CharClass of each rune) and, when spans is not nil,
// the lexicon words starting, ending and running through it.
func SegStateFeatures(dst []uint32, rs []rune, cls []byte, spans []LexSpan, i int) []uint32 {
	at := func(k int) rune {
		if k < 0 || k >= len(rs) {
			return 0
		}
		return rs[k]
	}
	ct := func(k int) byte {
		if k < 0 || k >= len(rs) {
			return '_'
		}
		return cls[k]
	}
	cm2, cm1, c0, cp1, cp2 := at(i-2), at(i-1), at(i), at(i+1), at(i+2)
	dst = append(dst,
		Start(100).Key(),
		Start(101).Rune(cm2).Key(),
		Start(102).Rune(cm1).Key(),
		Start(103).Rune(c0).Key(),
		Start(104).Rune(cp1).Key(),
		Start(105).Rune(cp2).Key(),
		Start(106).Rune(cm1).Rune(c0).Key(),
		Start(107).Rune(c0).Rune(cp1).Key(),
		Start(108).Rune(cm1).Rune(cp1).Key(),
		Start(109).Rune(cm2).Rune(cm1).Key(),
		Start(110).Rune(cp1).Rune(cp2).Key(),
		Start(111).Byte(ct(i-1)).Byte(ct(i)).Byte(ct(i+1)).Key(),
		Start(114).Byte(ct(i-2)).Byte(ct(i-1)).Byte(ct(i)).Byte(ct(i+1)).Byte(ct(i+2)).Key(),
	)
	if spans == nil {
		return dst
	}
	sp := spans[i]
	var endBefore, startAfter uint8
	if i > 0 {
		endBefore = spans[i-1].EndLen
	}
	if i+1 < len(spans) {
		startAfter = spans[i+1].StartLen
	}
	dst = append(dst,
		Start(120).Byte(sp.StartMask).Key(),
		Start(121).Byte(sp.EndMask).Key(),
		Start(122).Byte(sp.StartLen).Byte(sp.StartTag).Key(),
		Start(123).Byte(sp.EndLen).Byte(sp.EndTag).Key(),
		Start(124).Byte(sp.Inside).Key(),
		Start(125).Byte(endBefore).Byte(sp.StartLen).Key(),
		Start(126).Byte(sp.EndLen).Byte(startAfter).Key(),
		Start(127).Byte(sp.StartLen).Byte(sp.EndLen).Byte(sp.Inside).Byte(ct(i)).Key(),
	)
	return dst
}

// SegTransFeatures appends the keys of the features of rune i of rs that
// depend on the previous class prev (SegStart at the start of a chunk):
// SegPrevKey and SegPrevRuneKey.
func SegTransFeatures(dst []uint32, rs []rune, i int, prev byte) []uint32 {
	return append(dst, SegPrevKey(prev), SegPrevRuneKey(prev, rs[i]))
}

// SegPrevKey is the key of the feature "the previous class is prev",
// the same at every rune.
func SegPrevKey(prev byte) uint32 { return Start(112).Byte(prevByte(prev)).Key() }

// SegPrevRuneKey is the key of the feature "the previous class is prev
// and this rune is r".
func SegPrevRuneKey(prev byte, r rune) uint32 {
	return Start(113).Byte(prevByte(prev)).Rune(r).Key()
}

// prevByte writes the start state as NoTag.
func prevByte(prev byte) byte {
	if prev == SegStart {
		return NoTag
	}
	return prev
}

// SegAllowed reports whether class c may follow class prev (SegStart at
// the start of a chunk) in a BMES sequence.
func SegAllowed(prev, c byte) bool {
	switch prev {
	case SegB, SegM:
		return c == SegM || c == SegE
	default: // E, S or start
		return c == SegB || c == SegS
	}
}

// SegScores are the scores of one rune: State[c] for class c whatever
// came before, Trans[p][c] for class c after class p (p = SegStart at the
// start of the chunk).
type SegScores struct {
	State [SegClasses]int32
	Trans [SegClasses + 1][SegClasses]int32
}

// SegViterbi writes to out (len(sc) classes) the best-scoring BMES
// sequence under scores sc: it starts with B or S, ends with E or S and
// obeys SegAllowed. back is scratch space of at least len(sc) elements.
func SegViterbi(sc []SegScores, back [][SegClasses]byte, out []byte) {
	n := len(sc)
	if n == 0 {
		return
	}
	const neg = -1 << 60
	var best, next [SegClasses]int64
	for c := range best {
		best[c] = neg
	}
	for c := byte(0); c < SegClasses; c++ {
		if SegAllowed(SegStart, c) {
			best[c] = int64(sc[0].State[c]) + int64(sc[0].Trans[SegStart][c])
		}
	}
	for i := 1; i < n; i++ {
		for c := byte(0); c < SegClasses; c++ {
			next[c] = neg
			for p := byte(0); p < SegClasses; p++ {
				if best[p] == neg || !SegAllowed(p, c) {
					continue
				}
				if v := best[p] + int64(sc[i].Trans[p][c]); v > next[c] {
					next[c] = v
					back[i][c] = p
				}
			}
			if next[c] != neg {
				next[c] += int64(sc[i].State[c])
			}
		}
		best = next
	}
	last := byte(SegE)
	if best[SegS] > best[SegE] || best[SegE] == neg {
		last = SegS
	}
	out[n-1] = last
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i][out[i]]
	}
}
