package srt

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding is the character encoding an SRT file is written in. SRT has
// no header to declare it: players guess, and most take UTF-8 (with or
// without a byte order mark) or, for files from older Windows tools,
// Windows-1252. The zero Encoding is UTF-8 without a byte order mark.
type Encoding int

// The encodings Writer writes.
const (
	// UTF8 is UTF-8 without a byte order mark (the default).
	UTF8 Encoding = iota
	// UTF8BOM is UTF-8 after a byte order mark (EF BB BF), which some
	// Windows players need to tell UTF-8 from Windows-1252.
	UTF8BOM
	// Windows1252 is the Windows Western European code page. Text with a
	// character it has no byte for is refused with an *EncodingError.
	Windows1252
)

// encodingNames are the names ParseEncoding takes, in Encoding order.
var encodingNames = [...]string{"utf-8", "utf-8-bom", "windows-1252"}

// EncodingNames returns the names ParseEncoding accepts, the default first.
func EncodingNames() []string { return encodingNames[:] }

// String returns e's name as ParseEncoding takes it ("utf-8-bom").
func (e Encoding) String() string {
	if e < 0 || int(e) >= len(encodingNames) {
		return fmt.Sprintf("Encoding(%d)", int(e))
	}
	return encodingNames[e]
}

// ErrEncodingName is the cause of ParseEncoding's error for a name it
// does not know.
var ErrEncodingName = errors.New("unknown SRT encoding")

// ParseEncoding returns the encoding called name: utf-8 (also utf8),
// utf-8-bom (utf8-bom) or windows-1252 (cp1252), in any case.
func ParseEncoding(name string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "utf-8", "utf8":
		return UTF8, nil
	case "utf-8-bom", "utf8-bom", "utf-8-sig":
		return UTF8BOM, nil
	case "windows-1252", "cp1252":
		return Windows1252, nil
	}
	return 0, fmt.Errorf("%w %q: expected %s", ErrEncodingName, name, strings.Join(encodingNames[:], ", "))
}

// ErrUnencodable is the cause of the error for text with a character the
// chosen encoding has no byte for; the error is an *EncodingError inside
// a *captions.CaptionError.
var ErrUnencodable = errors.New("character not in the encoding")

// EncodingError names the first character of a line that Encoding cannot
// carry. Writer wraps it in a *captions.CaptionError whose message gives
// the caption and line ("caption 3: line 2: …").
type EncodingError struct {
	Encoding Encoding
	// Line is the caption's line the character is on, counted from 1.
	Line int
	// Rune is the character.
	Rune rune
}

// Error says which character cannot be written, with its code point:
// `"€" (U+20AC) cannot be written in …`.
func (e *EncodingError) Error() string {
	return fmt.Sprintf("%q (U+%04X) cannot be written in %s", string(e.Rune), e.Rune, e.Encoding)
}

// Unwrap returns ErrUnencodable.
func (e *EncodingError) Unwrap() error { return ErrUnencodable }

// check returns an *EncodingError for the first character of s that e
// cannot carry (line is s's line in the caption, from 1).
func (e Encoding) check(s string, line int) error {
	if e != Windows1252 {
		return nil
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
			return &EncodingError{Encoding: e, Line: line, Rune: r}
		}
	}
	return nil
}

// appendEncoded appends UTF-8 b to dst in e. Every character has been
// checked, so none is lost.
func (e Encoding) appendEncoded(dst, b []byte) []byte {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			dst = append(dst, b[0])
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		c, _ := charmap.Windows1252.EncodeRune(r)
		dst = append(dst, c)
		b = b[n:]
	}
	return dst
}
