// Package feat holds what the part-of-speech tagger and its trainer must
// agree on byte for byte: feature hashing, the feature templates of the
// tagger and of the CJK word segmenter, the weight table and the binary
// model format. It lives under internal/ so that only captions/segment/pos
// and its trainer (captions/segment/pos/train) can use it.
package feat

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bit, folded to 32 bits at the end. Feature strings are never
// built: each template hashes its id and its parts straight into a key.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// H is a feature hash under construction.
type H uint64

// Start begins the hash of template tmpl.
func Start(tmpl byte) H { return (H(offset64) ^ H(tmpl)) * prime64 }

// Str mixes s, then a separator, into h.
func (h H) Str(s string) H {
	for i := 0; i < len(s); i++ {
		h = (h ^ H(s[i])) * prime64
	}
	return (h ^ 0xff) * prime64
}

// Bytes mixes b, then a separator, into h: the same as Str(string(b)).
func (h H) Bytes(b []byte) H {
	for _, c := range b {
		h = (h ^ H(c)) * prime64
	}
	return (h ^ 0xff) * prime64
}

// Byte mixes b into h.
func (h H) Byte(b byte) H { return (h ^ H(b)) * prime64 }

// Rune mixes r into h.
func (h H) Rune(r rune) H {
	h = (h ^ H(r&0xff)) * prime64
	h = (h ^ H((r>>8)&0xff)) * prime64
	return (h ^ H(r>>16)) * prime64
}

// Key folds h to the 32-bit key stored in a model; never 0 (0 marks an
// empty slot in Table).
func (h H) Key() uint32 {
	k := uint32(h) ^ uint32(h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// WordKey is the key of a whole word form (vocabulary and tag dictionary).
func WordKey(w string) uint32 { return Start(200).Str(w).Key() }

// Suffix returns the last n runes of s (all of s if shorter).
func Suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// Prefix returns the first n runes of s (all of s if shorter).
func Prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

// Shape maps a word to a short pattern: X upper, x lower, d digit, c other
// letter (CJK, Hangul...), anything else itself; runs of one class longer
// than two collapse, and the pattern stops at 6 classes.
func Shape(w string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
			c = 'x'
		case r < utf8.RuneSelf && r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'c'
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		buf = append(buf, c)
		if len(buf) >= 6 {
			break
		}
	}
	return buf
}

// Word is what the tagger's features read of one token, computed once per
// token.
type Word struct {
	Raw, Low         string
	S1, S2, S3, S4   string
	P1, P2           string
	Shape            [6]byte // Shape's pattern, ShapeLen bytes long (no string to allocate)
	ShapeLen         uint8
	Title, HasDigit  bool
	HasHyphen, Upper bool
	// Lex is the word's class in the model's lexicon plus one, 0 when it
	// is not there (or the model has no lexicon).
	Lex byte
}

// MakeWord fills the feature view of token raw; low is its lower case.
func MakeWord(raw, low string, shapeBuf []byte) Word {
	w := Word{Raw: raw, Low: low}
	w.S1, w.S2, w.S3, w.S4 = Suffix(low, 1), Suffix(low, 2), Suffix(low, 3), Suffix(low, 4)
	w.P1, w.P2 = Prefix(low, 1), Prefix(low, 2)
	w.ShapeLen = uint8(copy(w.Shape[:], Shape(raw, shapeBuf)))
	r, _ := utf8.DecodeRuneInString(raw)
	w.Title = unicode.IsUpper(r)
	w.Upper = w.Title && raw != low && len(raw) > 1
	if w.Upper {
		for _, c := range raw {
			if unicode.IsLower(c) {
				w.Upper = false
				break
			}
		}
	}
	for _, c := range raw {
		if c >= '0' && c <= '9' || unicode.IsDigit(c) {
			w.HasDigit = true
		}
		if c == '-' {
			w.HasHyphen = true
		}
	}
	return w
}

// Boundary words stand for positions before the first and after the last
// token.
var (
	padL1 = Word{Raw: "<s>", Low: "<s>", S3: "<s>"}
	padL2 = Word{Raw: "<s2>", Low: "<s2>", S3: "<s2>"}
	padR1 = Word{Raw: "</s>", Low: "</s>", S3: "</s>"}
	padR2 = Word{Raw: "</s2>", Low: "</s2>", S3: "</s2>"}
)

// MaxTaggerFeatures bounds what TaggerFeatures appends.
const MaxTaggerFeatures = 32

// NoTag is the previous-tag value before the first token.
const NoTag = 255

// TaggerFeatures appends the keys of the features of token i of ws, given
// the two previous predicted classes p1 and p2 (NoTag at the start).
func TaggerFeatures(dst []uint32, ws []Word, i int, p1, p2 byte) []uint32 {
	w := &ws[i]
	wm1, wm2, wp1, wp2 := &padL1, &padL2, &padR1, &padR2
	if i > 0 {
		wm1 = &ws[i-1]
	}
	if i > 1 {
		wm2 = &ws[i-2]
	}
	if i+1 < len(ws) {
		wp1 = &ws[i+1]
	}
	if i+2 < len(ws) {
		wp2 = &ws[i+2]
	}
	var flags byte
	if w.Title {
		flags |= 1
	}
	if w.Upper {
		flags |= 2
	}
	if w.HasDigit {
		flags |= 4
	}
	if w.HasHyphen {
		flags |= 8
	}
	if i == 0 {
		flags |= 16
	}
	dst = append(dst,
		Start(0).Key(), // bias
		Start(1).Str(w.Low).Key(),
		Start(2).Str(w.S1).Key(),
		Start(3).Str(w.S2).Key(),
		Start(4).Str(w.S3).Key(),
		Start(5).Str(w.S4).Key(),
		Start(6).Str(w.P1).Key(),
		Start(7).Str(w.P2).Key(),
		Start(8).Bytes(w.Shape[:w.ShapeLen]).Key(),
		Start(9).Byte(p1).Key(),
		Start(10).Byte(p2).Key(),
		Start(11).Byte(p1).Byte(p2).Key(),
		Start(12).Byte(p1).Str(w.Low).Key(),
		Start(13).Str(wm1.Low).Key(),
		Start(14).Str(wm1.S3).Key(),
		Start(15).Str(wm2.Low).Key(),
		Start(16).Str(wp1.Low).Key(),
		Start(17).Str(wp1.S3).Key(),
		Start(18).Str(wp2.Low).Key(),
		Start(19).Byte(flags).Key(),
		Start(20).Str(w.Raw).Key(),
		Start(21).Byte(p1).Str(w.S3).Key(),
		Start(22).Str(wm1.Low).Str(w.Low).Key(),
		Start(23).Str(w.Low).Str(wp1.Low).Key(),
		Start(24).Str(wp1.S1).Key(),
		Start(25).Bytes(wm1.Shape[:wm1.ShapeLen]).Bytes(w.Shape[:w.ShapeLen]).Key(),
	)
	// Lexicon classes, only where there are any: models without a
	// lexicon see the features above alone.
	if w.Lex != 0 {
		dst = append(dst, Start(26).Byte(w.Lex).Key(), Start(27).Byte(w.Lex).Str(w.S1).Key())
	}
	if wp1.Lex != 0 {
		dst = append(dst, Start(28).Byte(wp1.Lex).Key())
	}
	return dst
}
