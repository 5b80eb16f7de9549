package stl

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// CharacterTable is an EBU STL character code table (the GSI CCT field).
// The zero value, TableAuto, asks the writer to choose the table from the
// captions' language.
type CharacterTable uint8

// Character code tables of Tech 3264 (CCT).
const (
	TableAuto     CharacterTable = iota // choose from the language (writer only)
	TableLatin                          // CCT 00: Latin, ISO 6937
	TableCyrillic                       // CCT 01: Latin/Cyrillic, ISO 8859-5
	TableArabic                         // CCT 02: Latin/Arabic, ISO 8859-6
	TableGreek                          // CCT 03: Latin/Greek, ISO 8859-7
	TableHebrew                         // CCT 04: Latin/Hebrew, ISO 8859-8
)

var tableNames = [...]string{"auto", "Latin (00, ISO 6937)", "Cyrillic (01, ISO 8859-5)", "Arabic (02, ISO 8859-6)", "Greek (03, ISO 8859-7)", "Hebrew (04, ISO 8859-8)"}

// String names the table, e.g. "Latin (00, ISO 6937)".
func (t CharacterTable) String() string {
	if int(t) < len(tableNames) {
		return tableNames[t]
	}
	return fmt.Sprintf("CharacterTable(%d)", uint8(t))
}

// CCT returns the table's two-character GSI code ("00"–"04"), or "" for
// TableAuto and unknown values.
func (t CharacterTable) CCT() string {
	if t < TableLatin || t > TableHebrew {
		return ""
	}
	return "0" + string(rune('0'+t-TableLatin))
}

// ParseCharacterTable returns the table with GSI code cct ("00"–"04").
func ParseCharacterTable(cct string) (CharacterTable, bool) {
	if len(cct) == 2 && cct[0] == '0' && cct[1] >= '0' && cct[1] <= '4' {
		return TableLatin + CharacterTable(cct[1]-'0'), true
	}
	return TableAuto, false
}

// charmapFor returns the ISO 8859 part of tables 01–04.
func charmapFor(t CharacterTable) *charmap.Charmap {
	switch t {
	case TableCyrillic:
		return charmap.ISO8859_5
	case TableArabic:
		return charmap.ISO8859_6
	case TableGreek:
		return charmap.ISO8859_7
	case TableHebrew:
		return charmap.ISO8859_8
	}
	return nil
}

// latinSingles is the ISO 6937 repertoire in columns A–F that is one byte
// (index = byte - 0xA0; 0 = unused). 0xA4 is '$' and 0xA6 '#' in ISO 6937;
// the writer uses 0x24 and 0x23 for those (see Charset), the reader accepts
// both. 0xD0 is U+2015 HORIZONTAL BAR.
var latinSingles = [96]rune{
	0, '¡', '¢', '£', '$', '¥', '#', '§', '¤', '‘', '“', '«', '←', '↑', '→', '↓',
	'°', '±', '²', '³', '×', 'µ', '¶', '·', '÷', '’', '”', '»', '¼', '½', '¾', '¿',
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // C0–CF: diacritics
	'―', '¹', '®', '©', '™', '♪', '¬', '¦', 0, 0, 0, 0, '⅛', '⅜', '⅝', '⅞',
	'Ω', 'Æ', 'Đ', 'ª', 'Ħ', 0, 'Ĳ', 'Ŀ', 'Ł', 'Ø', 'Œ', 'º', 'Þ', 'Ŧ', 'Ŋ', 'ŉ',
	'ĸ', 'æ', 'đ', 'ð', 'ħ', 'ı', 'ĳ', 'ŀ', 'ł', 'ø', 'œ', 'ß', 'þ', 'ŧ', 'ŋ', 0xAD,
}

// diacritics maps the ISO 6937 non-spacing diacritic bytes C1–CF to the
// Unicode combining marks (0 = unused) and lists the base letters ISO 6937
// combines each with.
var diacritics = [16]struct {
	mark    rune // the combining mark
	spacing rune // the mark on its own (diacritic + space)
	letters string
}{
	0x1: {0x0300, '`', "AEIOUaeiou"},                // grave
	0x2: {0x0301, '´', "ACEILNORSUYZacegilnorsuyz"}, // acute
	0x3: {0x0302, '^', "ACEGHIJOSUWYaceghijosuwy"},  // circumflex
	0x4: {0x0303, '~', "AINOUainou"},                // tilde
	0x5: {0x0304, '¯', "AEIOUaeiou"},                // macron
	0x6: {0x0306, '˘', "AGUagu"},                    // breve
	0x7: {0x0307, '˙', "CEGIZcegz"},                 // dot above
	0x8: {0x0308, '¨', "AEIOUYaeiouy"},              // diaeresis
	0xA: {0x030A, '˚', "AUau"},                      // ring above
	0xB: {0x0327, '¸', "CGKLNRSTcgklnrst"},          // cedilla
	0xD: {0x030B, '˝', "OUou"},                      // double acute
	0xE: {0x0328, '˛', "AEIUaeiu"},                  // ogonek
	0xF: {0x030C, 'ˇ', "CDELNRSTZcdelnrstz"},        // caron
}

// diacriticByte returns the ISO 6937 byte (C1–CF) of a combining mark, or 0.
func diacriticByte(mark rune) byte {
	for i, d := range diacritics {
		if d.mark != 0 && d.mark == mark {
			return 0xC0 + byte(i)
		}
	}
	return 0
}

// latinTables holds the derived lookup tables for table 00. It is built once
// by newLatinTables and never written afterwards.
type latinTables struct {
	enc map[rune][2]byte // non-ASCII rune -> 1 or 2 bytes (second 0 = one byte)
	dec map[[2]byte]rune // diacritic byte + base letter -> precomposed rune
}

var latin = newLatinTables()

func newLatinTables() latinTables {
	lt := latinTables{enc: map[rune][2]byte{}, dec: map[[2]byte]rune{}}
	for i, r := range latinSingles {
		b := byte(0xA0 + i)
		if r == 0 || b == 0xA4 || b == 0xA6 || b == 0xFF {
			continue
		}
		lt.enc[r] = [2]byte{b, 0}
	}
	for i, d := range diacritics {
		if d.mark == 0 {
			continue
		}
		sp := [2]byte{0xC0 + byte(i), ' '}
		lt.dec[sp] = d.spacing
		if d.spacing >= 0x80 {
			if _, dup := lt.enc[d.spacing]; !dup {
				lt.enc[d.spacing] = sp
			}
		}
		for _, l := range d.letters {
			s := norm.NFC.String(string(l) + string(d.mark))
			r, n := utf8.DecodeRuneInString(s)
			if n != len(s) {
				continue // no precomposed form
			}
			key := [2]byte{0xC0 + byte(i), byte(l)}
			if _, dup := lt.enc[r]; !dup {
				lt.enc[r] = key
			}
			lt.dec[key] = r
		}
	}
	return lt
}

// Charset returns the bytes that carry r in table t without any
// substitution, and whether t has r at all. Text characters only: control
// characters (below U+0020, U+007F–U+009F) are never in a table.
//
// In table 00 (ISO 6937) accented letters are a diacritic byte C1–CF
// followed by the base letter (é = C2 65). '$' is written as 24, the byte
// ttconv, go-astisub and Teletext decoders show as '$' (ISO 6937-2:1983 had
// '¤' there and '$' at A4; the reader accepts A4 as '$' too, and '¤' is
// written as A8). '#' is written as 23. The soft hyphen U+00AD is not
// written (see Mappings).
func Charset(t CharacterTable, r rune) ([]byte, bool) {
	var buf [2]byte
	n, ok := appendRune(buf[:0], t, r)
	if !ok {
		return nil, false
	}
	return append([]byte(nil), n...), true
}

// appendRune appends the native bytes of r in table t to b.
func appendRune(b []byte, t CharacterTable, r rune) ([]byte, bool) {
	if r >= 0x20 && r < 0x7F {
		return append(b, byte(r)), true
	}
	if r < 0xA0 {
		return b, false
	}
	switch t {
	case TableLatin:
		e, ok := latin.enc[r]
		if !ok {
			// A letter outside the ISO 6937 repertoire that is an ASCII
			// base and one mark ISO 6937 has (Ḃ = B + dot above): write
			// the diacritic and the base, as ISO 6937 composes them.
			d := norm.NFD.String(string(r))
			if len(d) > 1 && d[0] >= 0x20 && d[0] < 0x7F {
				m, size := utf8.DecodeRuneInString(d[1:])
				if db := diacriticByte(m); db != 0 && 1+size == len(d) {
					return append(b, db, d[0]), true
				}
			}
			return b, false
		}
		if e[1] == 0 {
			return append(b, e[0]), true
		}
		return append(b, e[0], e[1]), true
	case TableCyrillic, TableArabic, TableGreek, TableHebrew:
		c, ok := charmapFor(t).EncodeRune(r)
		if !ok || c < 0xA0 || c == 0xA0 || c == 0xAD {
			return b, false // NBSP and soft hyphen are substituted
		}
		return append(b, c), true
	}
	return b, false
}

// Mapping is a documented substitution the writer makes for a character
// the chosen table does not have. It applies only when the table lacks the
// character: table 00 writes ‘ ’ “ ” « » natively, for example.
type Mapping struct {
	From rune
	To   string
	Why  string
}

// mappings is the substitution list, sorted by From.
var mappings = [...]Mapping{
	{0x00A0, " ", "no-break space: Teletext rows do not break anyway"},
	{0x00AB, "\"", "left guillemet, where the table lacks it"},
	{0x00AD, "", "soft hyphen: invisible, dropped"},
	{0x00BB, "\"", "right guillemet, where the table lacks it"},
	{0x2007, " ", "figure space (no-break): Teletext rows do not break anyway"},
	{0x2010, "-", "hyphen"},
	{0x2011, "-", "non-breaking hyphen"},
	{0x2012, "-", "figure dash"},
	{0x2013, "-", "en dash (go-astisub writes it as byte 13, a Teletext mosaic colour code)"},
	{0x2014, "-", "em dash (go-astisub writes it as byte 14, a Teletext mosaic colour code)"},
	{0x2015, "-", "horizontal bar, where the table lacks it (table 00 has it at D0)"},
	{0x2018, "'", "left single quotation mark, where the table lacks it"},
	{0x2019, "'", "right single quotation mark / apostrophe, where the table lacks it"},
	{0x201A, ",", "single low-9 quotation mark"},
	{0x201B, "'", "single high-reversed-9 quotation mark"},
	{0x201C, "\"", "left double quotation mark, where the table lacks it"},
	{0x201D, "\"", "right double quotation mark, where the table lacks it"},
	{0x201E, "\"", "double low-9 quotation mark"},
	{0x201F, "\"", "double high-reversed-9 quotation mark"},
	{0x2022, "*", "bullet"},
	{0x2026, "...", "horizontal ellipsis"},
	{0x202F, " ", "narrow no-break space (French typography before ? ! : ;): Teletext rows do not break anyway"},
	{0x2032, "'", "prime"},
	{0x2033, "\"", "double prime"},
	{0x2039, "'", "single left-pointing angle quotation mark"},
	{0x203A, "'", "single right-pointing angle quotation mark"},
	{0x20AC, "EUR", "euro sign, where the table lacks it"},
	{0x2212, "-", "minus sign"},
}

// Mappings returns the documented substitutions, sorted by the character
// replaced. The writer applies one only when the chosen table lacks the
// character; a character that neither the table nor this list covers is an
// error naming the character and the caption.
func Mappings() []Mapping {
	m := make([]Mapping, len(mappings))
	copy(m, mappings[:])
	return m
}

// substitute returns the documented substitution for r.
func substitute(r rune) (string, bool) {
	i := sort.Search(len(mappings), func(i int) bool { return mappings[i].From >= r })
	if i < len(mappings) && mappings[i].From == r {
		return mappings[i].To, true
	}
	return "", false
}

// CharError reports a character that a table cannot carry, even after the
// documented substitutions.
type CharError struct {
	Rune  rune
	Table CharacterTable
}

// Error names the character, its code point and the table.
func (e *CharError) Error() string {
	return fmt.Sprintf("character %q (U+%04X) cannot be written in EBU STL character table %s and has no documented substitution", e.Rune, e.Rune, e.Table)
}

// EncodeText encodes s in table t, applying the documented substitutions.
// It returns a *CharError for the first character it cannot carry.
func EncodeText(t CharacterTable, s string) ([]byte, error) {
	b, _, err := appendText(nil, t, s)
	return b, err
}

// appendText appends s encoded in t and returns the number of displayed
// characters written.
func appendText(b []byte, t CharacterTable, s string) ([]byte, int, error) {
	b0 := len(b)
	out, n, err := appendNFCText(b, t, s)
	if err != nil && !norm.NFC.IsNormalString(s) {
		// Decomposed accents (e + U+0301): compose and try again. Only on
		// failure, so the common path does no normalisation work.
		return appendNFCText(b[:b0], t, norm.NFC.String(s))
	}
	return out, n, err
}

// appendNFCText is appendText for text already composed.
func appendNFCText(b []byte, t CharacterTable, s string) ([]byte, int, error) {
	n := 0
	base := -1 // where the last lone ASCII character was written
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F { // ASCII fast path
			base = len(b)
			b = append(b, c)
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			return b, n, fmt.Errorf("invalid UTF-8 byte %#x", c)
		}
		var ok bool
		if b, ok = appendRune(b, t, r); ok {
			base = -1
			n++
			continue
		}
		// A combining mark on an ASCII character that has no precomposed
		// form (0 + cedilla): ISO 6937 puts the diacritic before the base.
		if db := diacriticByte(r); t == TableLatin && db != 0 && base >= 0 {
			b = append(b, 0)
			copy(b[base+1:], b[base:])
			b[base] = db
			base = -1
			continue
		}
		base = -1
		if sub, ok := substitute(r); ok {
			for _, sr := range sub {
				if b, ok = appendRune(b, t, sr); !ok {
					return b, n, &CharError{Rune: r, Table: t}
				}
				n++
			}
			continue
		}
		return b, n, &CharError{Rune: r, Table: t}
	}
	return b, n, nil
}

// decodeLatin appends the character of table 00 at tf[i:] to dst,
// returning the bytes consumed. ok is false for a byte that is not a
// character.
func decodeLatin(dst, tf []byte, i int) ([]byte, int, bool) {
	c := tf[i]
	switch {
	case c >= 0x20 && c < 0x7F:
		return append(dst, c), 1, true
	case c >= 0xC1 && c <= 0xCF:
		d := diacritics[c-0xC0]
		if d.mark == 0 {
			// An unassigned diacritic (C0, C9, CC) takes its base letter
			// with it, as ttconv's ISO 6937 decoder does.
			if i+1 < len(tf) && tf[i+1] >= 0x20 && tf[i+1] < 0x7F {
				return dst, 2, false
			}
			return dst, 1, false
		}
		if i+1 >= len(tf) || tf[i+1] < 0x20 || tf[i+1] >= 0x7F {
			return dst, 1, false // a diacritic with no base character
		}
		base := tf[i+1]
		if r, ok := latin.dec[[2]byte{c, base}]; ok {
			return utf8.AppendRune(dst, r), 2, true
		}
		return append(dst, norm.NFC.String(string(rune(base))+string(d.mark))...), 2, true
	case c == 0xFF:
		return dst, 1, true // soft hyphen: invisible
	case c == 0xA0:
		// Unassigned in Tech 3264's table; ttconv and ISO/IEC 6937:2001
		// read it as a no-break space.
		return append(dst, "\u00A0"...), 1, true
	case c >= 0xA0:
		if r := latinSingles[c-0xA0]; r != 0 {
			return utf8.AppendRune(dst, r), 1, true
		}
	}
	return dst, 1, false
}

// decodeChar appends the text character of table t at tf[i:] to dst.
func decodeChar(dst []byte, t CharacterTable, tf []byte, i int) ([]byte, int, bool) {
	if t == TableLatin {
		return decodeLatin(dst, tf, i)
	}
	c := tf[i]
	if c >= 0x20 && c < 0x7F {
		return append(dst, c), 1, true
	}
	if c < 0xA0 {
		return dst, 1, false
	}
	if c == 0xA0 {
		return append(dst, ' '), 1, true
	}
	if c == 0xAD {
		return dst, 1, true // soft hyphen: invisible
	}
	r := charmapFor(t).DecodeByte(c)
	if r == utf8.RuneError {
		return dst, 1, false
	}
	return utf8.AppendRune(dst, r), 1, true
}
