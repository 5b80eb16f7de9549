// Package textdecode reads the bytes of a newsroom script as text: UTF-8
// with or without a byte order mark, UTF-16 and UTF-32, Windows-1252 and
// Mac Roman, lines of Windows-1252 inside UTF-8, mojibake repaired, HTML
// entities and odd spaces cleaned, binary files named and refused.
package textdecode

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encoding names reported in Package.Encoding.
// Errors Text returns (wrapped in a *captions.ParseError).
var (
	ErrEmpty  = errors.New("empty script")
	ErrBinary = errors.New("not a text script")
)

// Encodings Text reports.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF8BOM     = "utf-8-bom"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingUTF32LE     = "utf-32le"
	EncodingUTF32BE     = "utf-32be"
	EncodingWindows1252 = "windows-1252"
	EncodingMacRoman    = "macintosh"
	// EncodingUTF8Mixed is UTF-8 with some lines in Windows-1252.
	EncodingUTF8Mixed = "utf-8+windows-1252"
)

// binarySignatures are the openings of file types people mistake for a
// script, with what to tell them.
var binarySignatures = [...]struct {
	magic, what string
}{
	{"PK\x03\x04", "a ZIP archive (a Word .docx?); save the script as plain text"},
	{"\xD0\xCF\x11\xE0", "an OLE document (a Word .doc?); save the script as plain text"},
	{"{\\rtf", "RTF; save the script as plain text"},
	{"%PDF-", "a PDF; copy the script into a plain-text file"},
	{"\x89PNG", "a PNG image"},
	{"GIF8", "a GIF image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"\x1F\x8B", "gzip data"},
}

// Text turns the bytes of a script into UTF-8 text with "\n" line ends
// and reports the encoding it found. Per-line clean-up (entities, spaces,
// stray symbols, mojibake) is left to cleanLine.
func Text(b []byte) (text, enc string, warns []captions.Warning, err error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", nil, &captions.ParseError{Err: ErrEmpty}
	}
	for _, s := range binarySignatures {
		if bytes.HasPrefix(b, []byte(s.magic)) {
			return "", "", nil, &captions.ParseError{Line: 1, Column: 1, Err: fmt.Errorf("%w: the file is %s", ErrBinary, s.what)}
		}
	}
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		enc, dec = EncodingUTF32LE, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		enc, dec = EncodingUTF32BE, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		enc, dec = EncodingUTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		enc, dec = EncodingUTF16BE, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		enc = EncodingUTF8BOM
		b = b[3:]
	default:
		if e := guessUTF16(b); e != "" {
			enc = e
			order := unicode.LittleEndian
			if e == EncodingUTF16BE {
				order = unicode.BigEndian
			}
			dec = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
			warns = append(warns, captions.Warning{Message: "no byte-order mark, but the bytes look like " + strings.ToUpper(e) + "; read as such"})
		}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", nil, &captions.ParseError{Err: ErrEmpty}
	}
	if dec != nil {
		if len(b)%2 == 1 && (enc == EncodingUTF16LE || enc == EncodingUTF16BE) {
			warns = append(warns, captions.Warning{Message: "odd number of bytes in UTF-16 input; the last byte was ignored"})
			b = b[:len(b)-1]
		}
		out, derr := dec.Bytes(b)
		if derr != nil {
			return "", "", nil, &captions.ParseError{Err: fmt.Errorf("%w: cannot decode %s: %v", ErrBinary, enc, derr)}
		}
		b = out
		if len(bytes.TrimSpace(b)) == 0 {
			return "", "", nil, &captions.ParseError{Err: ErrEmpty}
		}
	} else if enc == "" {
		enc = EncodingUTF8
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := position(b, i)
		return "", "", nil, &captions.ParseError{Line: line, Column: col, Err: fmt.Errorf("%w: NUL byte; this is not a text file", ErrBinary)}
	}
	if dec == nil && !utf8.Valid(b) {
		var w []captions.Warning
		b, enc, w = decodeNotUTF8(b)
		warns = append(warns, w...)
	}
	if line, ok := tooManyControls(b); !ok {
		return "", "", nil, &captions.ParseError{Line: line, Err: fmt.Errorf("%w: too many control characters for a text file", ErrBinary)}
	}
	text = string(b)
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if strings.Contains(text, "\u2029") {
		text = strings.ReplaceAll(text, "\u2029", "\n")
	}
	return text, enc, warns, nil
}

// decodeNotUTF8 decodes bytes that are not valid UTF-8. When no line with
// non-ASCII bytes is valid UTF-8 the whole file is Windows-1252 (or Mac
// Roman, when its punctuation says so); when some are, the file is UTF-8
// with lines pasted from an 8-bit system, and only the invalid lines are
// decoded as Windows-1252, each with a warning.
func decodeNotUTF8(b []byte) ([]byte, string, []captions.Warning) {
	cm, enc, display := charmap.Windows1252, EncodingWindows1252, "Windows-1252"
	if looksMacRoman(b) {
		cm, enc, display = charmap.Macintosh, EncodingMacRoman, "Mac Roman"
	}
	validHigh := false
	for rest := b; len(rest) > 0; {
		line := rest
		if i := bytes.IndexAny(rest, "\r\n"); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if utf8.Valid(line) && bytes.IndexFunc(line, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
			validHigh = true
			break
		}
	}
	bad := firstInvalid(b)
	line, col := position(b, bad)
	if !validHigh {
		w := captions.Warning{Line: line, Message: fmt.Sprintf(
			"not valid UTF-8 (byte 0x%02X at column %d); the whole file was read as %s", b[bad], col, display)}
		return decode8bit(b, cm), enc, []captions.Warning{w}
	}
	var warns []captions.Warning
	out := make([]byte, 0, len(b)+len(b)/16)
	for n, start := 1, 0; start <= len(b); n++ {
		end := start
		for end < len(b) && b[end] != '\n' && b[end] != '\r' {
			end++
		}
		seg := b[start:end]
		if utf8.Valid(seg) {
			out = append(out, seg...)
		} else {
			bad := firstInvalid(seg)
			warns = append(warns, captions.Warning{Line: n, Message: fmt.Sprintf(
				"not valid UTF-8 (byte 0x%02X at column %d); this line was read as Windows-1252", seg[bad], bad+1)})
			out = append(out, decode8bit(seg, charmap.Windows1252)...)
		}
		if end == len(b) {
			break
		}
		next := end + 1
		if b[end] == '\r' && next < len(b) && b[next] == '\n' {
			next++
		}
		out = append(out, b[end:next]...)
		start = next
	}
	return out, EncodingUTF8Mixed, warns
}

// decode8bit decodes single-byte text with cm.
func decode8bit(b []byte, cm *charmap.Charmap) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
			continue
		}
		out = utf8.AppendRune(out, cm.DecodeByte(c))
	}
	return out
}

// firstInvalid returns the offset of the first byte that is not part of
// valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// position converts a byte offset into a 1-based line and column (in
// bytes, counting any of "\n", "\r\n", "\r" as a line end).
func position(b []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(b); i++ {
		switch b[i] {
		case '\n':
			line++
			start = i + 1
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			line++
			start = i + 1
		}
	}
	return line, off - start + 1
}

// guessUTF16 recognises UTF-16 without a byte-order mark from the zero
// bytes that ASCII text leaves in every other position.
func guessUTF16(b []byte) string {
	n := len(b)
	if n > 4096 {
		n = 4096
	}
	n &^= 1
	if n < 8 {
		return ""
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenZero++
		}
		if b[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*4 && evenZero*20 <= pairs:
		return EncodingUTF16LE
	case evenZero*10 >= pairs*4 && oddZero*20 <= pairs:
		return EncodingUTF16BE
	}
	return ""
}

// looksMacRoman reports whether 8-bit text uses Mac Roman's punctuation
// (0xD2/0xD3 quotes, 0xD5 apostrophe, 0xD0/0xD1 dashes) in the places where
// English puts punctuation, more than Windows-1252's (0x91–0x97).
func looksMacRoman(b []byte) bool {
	mac, win := 0, 0
	letter := func(i int) bool {
		return i >= 0 && i < len(b) && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z')
	}
	space := func(i int) bool { return i < 0 || i >= len(b) || b[i] == ' ' || b[i] == '\n' || b[i] == '\r' }
	for i, c := range b {
		switch c {
		case 0xD5: // ’ in Mac Roman, Õ in Windows-1252
			if letter(i-1) && letter(i+1) && b[i+1] >= 'a' {
				mac++
			}
		case 0xD2, 0xD3, 0xD0, 0xD1: // “ ” – — in Mac Roman
			if space(i-1) || space(i+1) {
				mac++
			}
		case 0x92:
			if letter(i-1) && letter(i+1) {
				win++
			}
		case 0x91, 0x93, 0x94, 0x96, 0x97, 0x85:
			win++
		}
	}
	return mac > win
}

// tooManyControls reports (false, line) when the text has more control
// characters than text does: any beyond tab, line ends and form feeds,
// more than 8 of them and more than 1 in 50 bytes.
func tooManyControls(b []byte) (line int, ok bool) {
	n, first := 0, -1
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n > 8 && n*50 > len(b) {
		line, _ = position(b, first)
		return line, false
	}
	return 0, true
}

// LineFix records what CleanLine changed in one line.
type LineFix struct {
	Stray    []rune   // symbols dropped
	Dollars  int      // ¤ read as $
	Mojibake []string // the repairs, as "wrong → right"
}

// CleanLine decodes HTML entities, turns every kind of space into ' ',
// repairs mojibake it recognises and drops stray symbols, reporting what
// it did in fix.
func CleanLine(s string, fix *LineFix) string {
	if !needsCleaning(s) {
		return s
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = repairMojibake(s, fix)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || isSpace(r):
			b.WriteByte(' ')
		case r == 0xAD: // soft hyphen: invisible, never shown
		case r == 0xA4 && i+2 < len(s) && s[i+2] >= '0' && s[i+2] <= '9':
			// ISO 6937 puts ¤ where ASCII has $: "US¤10 million".
			b.WriteByte('$')
			fix.Dollars++
		case IsStray(r):
			fix.Stray = append(fix.Stray, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsCleaning reports whether cleanLine would change s: it has an
// entity, a control, a space other than ' ', a stray symbol or a Latin-1
// letter (a possible mojibake). Most lines of a script, curly quotes and
// all, need nothing.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F || c == '&' {
				return true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xA0 && r <= 0xFF || isSpace(r) || IsStray(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// isSpace reports the space characters other than ' ' that scripts carry:
// no-break spaces, typographic spaces, line separators.
func isSpace(r rune) bool {
	switch {
	case r == 0xA0, r == 0x1680, r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// IsStray reports symbols that never belong in a caption: control
// characters, the currency sign ¤ (a mis-decoded character in scripts),
// replacement and object characters, byte-order marks and zero-width
// spaces inside text, private-use characters and non-characters.
func IsStray(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r == 0xA4, r == 0xFFFD, r == 0xFFFC, r == 0xFEFF, r == 0x200B, r == 0x2060:
		return true
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	}
	return false
}

// cp1252Byte returns the byte that Windows-1252 (or Latin-1, for the C1
// controls that undefined Windows-1252 bytes decode to) maps r from.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		if r >= 0xA0 || r == 0x81 || r == 0x8D || r == 0x8F || r == 0x90 || r == 0x9D {
			return byte(r), true
		}
	}
	return charmap.Windows1252.EncodeRune(r)
}

// repairMojibake undoes UTF-8 that was decoded as Windows-1252 ("’" for
// ’, "Ã©" for é, "Â " for a no-break space) and Mac Roman punctuation
// read as Latin-1 ("thatÕs", "ÒquoteÓ", " Ð "). It only rewrites
// sequences that decode to valid UTF-8 or that sit where punctuation
// belongs.
func repairMojibake(s string, fix *LineFix) string {
	suspect := false
	for i := 0; i < len(s); i++ {
		if s[i] == 0xC3 { // Ã..ÿ (U+00C0–U+00FF) are encoded C3 xx
			suspect = true
			break
		}
	}
	if !suspect {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	changed := false
	lastClose, openSeen := -1, false
	for k, r := range rs {
		if r == 'Ó' {
			lastClose = k
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == 'Ò' {
			openSeen = true
		}
		if r >= 0xC2 && r <= 0xF4 {
			need := 1
			if r >= 0xE0 {
				need = 2
			}
			if r >= 0xF0 {
				need = 3
			}
			buf := []byte{byte(r)}
			j := i + 1
			for ; j < len(rs) && len(buf) <= need; j++ {
				c, ok := cp1252Byte(rs[j])
				if !ok || c < 0x80 || c > 0xBF {
					break
				}
				buf = append(buf, c)
			}
			if len(buf) == need+1 {
				if u, n := utf8.DecodeRune(buf); u != utf8.RuneError && n == len(buf) {
					u = contraction(rs, j, out, u)
					out = append(out, u)
					fix.Mojibake = append(fix.Mojibake, string(rs[i:j])+" → "+string(u))
					i = j - 1
					changed = true
					continue
				}
			}
			// "â€" whose third byte (0x9D, undefined in Windows-1252) was
			// lost: it was ” — or, between letters, an apostrophe.
			if r == 0xE2 && len(buf) == 2 && buf[1] == 0x80 {
				u := contraction(rs, i+2, out, '\u201D')
				out = append(out, u)
				fix.Mojibake = append(fix.Mojibake, string(rs[i:i+2])+" → "+string(u))
				i++
				changed = true
				continue
			}
		}
		if u, ok := macRoman(rs, i, lastClose, openSeen); ok {
			out = append(out, u)
			fix.Mojibake = append(fix.Mojibake, string(r)+" → "+string(u))
			changed = true
			continue
		}
		out = append(out, r)
	}
	if !changed {
		return s
	}
	return string(out)
}

// contraction turns a repaired quote or dash that sits inside an English
// contraction ("isn”t", "that—s") into an apostrophe. next indexes the rune
// after the repaired sequence, out holds what precedes it.
func contraction(rs []rune, next int, out []rune, u rune) rune {
	switch u {
	case '\u201D', '\u2014', '\u2013', '\u201C':
	default:
		return u
	}
	if len(out) == 0 || !isASCIILetter(out[len(out)-1]) {
		return u
	}
	end := next
	for end < len(rs) && isASCIILetter(rs[end]) {
		end++
	}
	switch strings.ToLower(string(rs[next:end])) {
	case "s", "t", "d", "m", "ll", "re", "ve":
		return '\u2019'
	}
	return u
}

func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// macRoman recognises Mac Roman punctuation read as Latin-1 at rs[i].
// lastClose is the index of the line's last 'Ó' (-1 if none); openSeen
// reports an earlier 'Ò' on the line.
func macRoman(rs []rune, i, lastClose int, openSeen bool) (rune, bool) {
	at := func(k int) rune {
		if k < 0 || k >= len(rs) {
			return ' '
		}
		return rs[k]
	}
	lower := func(r rune) bool { return r >= 'a' && r <= 'z' }
	spaceOrEnd := func(r rune) bool { return r == ' ' || r == '\t' }
	switch rs[i] {
	case 'Õ': // ’
		if isASCIILetter(at(i-1)) && lower(at(i+1)) {
			return '\u2019', true
		}
	case 'Ð': // –
		if spaceOrEnd(at(i-1)) && spaceOrEnd(at(i+1)) {
			return '\u2013', true
		}
	case 'Ñ': // —
		if spaceOrEnd(at(i-1)) && spaceOrEnd(at(i+1)) {
			return '\u2014', true
		}
	case 'Ò': // “, when a Ó closes it later
		if !spaceOrEnd(at(i+1)) && (i == 0 || spaceOrEnd(at(i-1))) && lastClose > i {
			return '\u201C', true
		}
	case 'Ó': // ”, closing a Ò
		if i > 0 && !spaceOrEnd(at(i-1)) && !isWordRune(at(i+1)) && openSeen {
			return '\u201D', true
		}
	case 'É': // … after a word
		if lower(at(i-1)) && (spaceOrEnd(at(i+1)) || i+1 == len(rs) || at(i+1) == 'Ó' || at(i+1) == '"') {
			return '\u2026', true
		}
	}
	return 0, false
}

func isWordRune(r rune) bool { return stdunicode.IsLetter(r) || stdunicode.IsDigit(r) }
