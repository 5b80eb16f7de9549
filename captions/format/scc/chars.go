package scc

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The CEA-608 character sets. A basic character is one byte (0x20–0x7F); a
// special character is the pair 11 30–3F (channel 1); an extended
// character is 12 20–3F or 13 20–3F and replaces the character before it
// (a decoder backspaces first), so a writer sends a basic look-alike
// before it for decoders that lack the extended set.

// basic maps the basic bytes 0x20–0x7F to runes. It is ASCII except
// where 608 put accented letters and symbols.
var basic = func() (t [128]rune) {
	for b := 0x20; b < 0x80; b++ {
		t[b] = rune(b)
	}
	t[0x2A], t[0x5C], t[0x5E], t[0x5F], t[0x60] = 'á', 'é', 'í', 'ó', 'ú'
	t[0x7B], t[0x7C], t[0x7D], t[0x7E], t[0x7F] = 'ç', '÷', 'Ñ', 'ñ', '█'
	return t
}()

// transparentSpace is the special character 11 39: a cell left empty.
const transparentSpace = 0x39

// special maps the second byte of 11 30–3F to runes (index byte−0x30).
// 11 39 is the transparent space, read as an empty cell.
var special = [16]rune{'®', '°', '½', '¿', '™', '¢', '£', '♪', 'à', 0, 'è', 'â', 'ê', 'î', 'ô', 'û'}

// extended maps 12 20–3F (index 0–31) and 13 20–3F (index 32–63).
var extended = [64]rune{
	'Á', 'É', 'Ó', 'Ú', 'Ü', 'ü', '‘', '¡', '*', '’', '—', '©', '℠', '•', '“', '”',
	'À', 'Â', 'Ç', 'È', 'Ê', 'Ë', 'ë', 'Î', 'Ï', 'ï', 'Ô', 'Ù', 'ù', 'Û', '«', '»',
	'Ã', 'ã', 'Í', 'Ì', 'ì', 'Ò', 'ò', 'Õ', 'õ', '{', '}', '\\', '^', '_', '|', '~',
	'Ä', 'ä', 'Ö', 'ö', 'ß', '¥', '¤', '│', 'Å', 'å', 'Ø', 'ø', '┌', '┐', '└', '┘',
}

// extendedFallback is the basic character sent before each extended one,
// shown by decoders without the extended sets.
var extendedFallback = [64]byte{
	'A', 'E', 'O', 'U', 'U', 'u', '\'', '!', '.', '\'', '-', 'c', ' ', '.', '"', '"',
	'A', 'A', 'C', 'E', 'E', 'E', 'e', 'I', 'I', 'i', 'O', 'U', 'u', 'U', '"', '"',
	'A', 'a', 'I', 'I', 'i', 'O', 'o', 'O', 'o', '(', ')', '/', ' ', '-', '!', '-',
	'A', 'a', 'O', 'o', 's', 'Y', ' ', '!', 'A', 'a', 'O', 'o', '+', '+', '+', '+',
}

// token is one 608 character as the writer sends it.
type token struct {
	kind byte // tokBasic, tokSpecial or tokExtended
	b    byte // the basic byte; the second byte of a special or extended pair
	set  byte // 0x12 or 0x13 for an extended character
}

const (
	tokBasic = iota
	tokSpecial
	tokExtended
)

// encodeTable maps every rune 608 has to its token.
var encodeTable = func() map[rune]token {
	m := map[rune]token{}
	for b := 0x20; b < 0x80; b++ {
		m[basic[b]] = token{kind: tokBasic, b: byte(b)}
	}
	for i, r := range special {
		if r != 0 {
			m[r] = token{kind: tokSpecial, b: byte(0x30 + i)}
		}
	}
	for i, r := range extended {
		m[r] = token{kind: tokExtended, b: byte(0x20 + i%32), set: byte(0x12 + i/32)}
	}
	// The apostrophe and quotes readers disagree on: written as the basic
	// apostrophe, which every decoder shows the same way and which costs
	// half a frame instead of a frame and a half.
	m['’'] = token{kind: tokBasic, b: '\''}
	m['‘'] = token{kind: tokBasic, b: '\''}
	// Variants other readers give the extended characters (ttconv, FFmpeg).
	m['━'] = m['—']
	m['┃'] = m['│']
	m['¦'] = m['│']
	m['┏'], m['┓'], m['┗'], m['┛'] = m['┌'], m['┐'], m['└'], m['┘']
	m['ʌ'] = m['^']
	m['\u00a0'] = m[' ']
	m['\t'] = m[' ']
	return m
}()

// transliterations replace characters 608 lacks, each with a warning.
var transliterations = map[rune]string{
	'–': "-", '‐': "-", '‑': "-", '‒': "-", '−': "-", '―': "—",
	'…': "...", '‚': ",", '„': "\"", '‹': "<", '›': ">", '′': "'", '″': "\"",
	'`': "'", '´': "'", '€': "EUR", '·': ".", '×': "x",
	'Æ': "AE", 'æ': "ae", 'Œ': "OE", 'œ': "oe", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d",
	'º': "o", 'ª': "a", '¹': "1", '²': "2", '³': "3", '¼': "1/4", '¾': "3/4", '±': "+/-",
	'Þ': "TH", 'þ': "th", 'ð': "d", 'Ð': "D", 'ı': "i", 'ĸ': "k", 'ſ': "s",
}

// Cells returns how many 608 character cells s takes when written: one a
// character, after the transliterations the writer applies (so "…" takes
// three). It is -1 when s has a character that 608 cannot carry even
// after transliteration. Runs of spaces count once and leading and
// trailing spaces not at all, as the writer writes them.
func Cells(s string) int {
	toks, _, err := encodeText(nil, s, nil)
	if err != nil {
		return -1
	}
	return len(toks)
}

// encodeText appends the tokens of text s to dst: NFC-normalised, trimmed,
// runs of spaces made one, transliterated. subst is called for each
// transliterated rune with what replaced it. A character with no
// transliteration is an error naming it.
func encodeText(dst []token, s string, subst func(r rune, with string)) ([]token, int, error) {
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	start := len(dst)
	space := true // drop leading spaces and runs
	add := func(t token) {
		if t.kind == tokBasic && t.b == ' ' {
			if !space {
				dst = append(dst, t)
				space = true
			}
			return
		}
		dst = append(dst, t)
		space = false
	}
	for _, r := range s {
		if t, ok := encodeTable[r]; ok {
			add(t)
			continue
		}
		with, ok := transliterate(r)
		if !ok {
			return dst, 0, fmt.Errorf("%q (%U) cannot be written in CEA-608 captions, which carry only Latin letters and the symbols of its basic, special and extended sets", r, r)
		}
		if subst != nil {
			subst(r, with)
		}
		for _, w := range with {
			add(encodeTable[w])
		}
	}
	if len(dst) > start && dst[len(dst)-1].kind == tokBasic && dst[len(dst)-1].b == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst, len(dst) - start, nil
}

// transliterate returns what the writer writes for a rune 608 lacks: the
// table above, else the letter without its accents when 608 has that.
func transliterate(r rune) (string, bool) {
	if s, ok := transliterations[r]; ok {
		return s, true
	}
	if unicode.IsSpace(r) {
		return " ", true
	}
	d := norm.NFD.String(string(r))
	base, n := utf8.DecodeRuneInString(d)
	if n < len(d) && base < utf8.RuneSelf {
		if _, ok := encodeTable[base]; ok && unicode.IsLetter(base) {
			return string(base), true
		}
	}
	return "", false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\t' {
			return false
		}
	}
	return true
}

// collapseSpaces trims s and makes runs of spaces one.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
