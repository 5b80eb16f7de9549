// Package measure counts what reading-speed rules limit: characters as a
// viewer perceives them, characters per second, words and words per minute,
// each as a plain function of text and language.
package measure

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/sotcap/sotcap/captions"
)

// BaseLanguage returns the primary subtag of a BCP 47 tag, lower-cased:
// "zh" for "zh-Hans", "en" for "en_GB", "" for "".
func BaseLanguage(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// IsCJK reports whether a language is written without spaces between words
// and counted by display width (Chinese, Japanese, Korean).
func IsCJK(lang string) bool {
	switch BaseLanguage(lang) {
	case "ja", "zh", "ko", "yue", "cmn", "wuu", "jpn", "zho", "kor":
		return true
	}
	return false
}

// Chars returns the counted characters of visible text s, the unit of
// MaxCharsPerLine and of CPS:
//
//   - every user-perceived character (Unicode grapheme cluster) counts,
//     spaces and punctuation included (Netflix: "Spaces and punctuation are
//     counted");
//   - invisible format characters that stand alone (bidi isolates FSI/RLI/PDI,
//     RLM, zero-width joiners) count 0;
//   - a line break ("\n") counts 0: lines are counted separately;
//   - in a CJK language (lang ja, zh, ko) a full-width or wide character
//     counts 1 and every other character (half-width Latin, digits, spaces,
//     half-width punctuation) counts 0.5 — the Netflix Japanese, Chinese and
//     Korean guides' rule; in every other language each character counts 1.
func Chars(s, lang string) float64 {
	return CharsIn(s, IsCJK(lang))
}

// CharsIn is Chars with the language's counting given directly: cjk set
// counts as in Chinese, Japanese and Korean (IsCJK).
func CharsIn(s string, cjk bool) float64 {
	narrow := 1.0
	if cjk {
		narrow = 0.5
	}
	var n float64
	for i := 0; i < len(s); {
		c := s[i]
		// Fast path: an ASCII byte followed by an ASCII byte (or the end) is a
		// grapheme cluster of its own, except CR LF which is one cluster.
		if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			if c != '\n' && !(c == '\r' && i+1 < len(s) && s[i+1] == '\n') {
				n += narrow
			}
			i++
			continue
		}
		cluster, _, width, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
		i += len(cluster)
		switch {
		case cluster == "\n" || cluster == "\r\n":
		case invisible(cluster):
		case cjk && width >= 2:
			n++
		default:
			n += narrow
		}
	}
	return n
}

// invisible reports whether a grapheme cluster is made only of format
// characters (category Cf: bidi marks and isolates, zero-width joiners).
func invisible(cluster string) bool {
	for _, r := range cluster {
		if !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// CaptionChars returns the counted characters of a caption: the sum of
// Chars over its lines. Line breaks are not counted.
func CaptionChars(c captions.Caption, lang string) float64 {
	cjk := IsCJK(lang)
	var n float64
	for _, l := range c.Lines {
		n += CharsIn(l.Text, cjk)
	}
	return n
}

// CPS returns the caption's reading rate in characters per second:
//
//	CPS = CaptionChars(c) / (c.End - c.Start in seconds)
//
// where CaptionChars sums Chars over the lines (grapheme clusters of the
// visible text, spaces and punctuation included, line breaks excluded,
// CJK half-width 0.5). A caption with no duration has CPS +Inf when it has
// text and 0 when it has none.
func CPS(c captions.Caption, lang string) float64 {
	chars := CaptionChars(c, lang)
	sec := c.Duration().Seconds()
	if sec <= 0 {
		if chars == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return chars / sec
}

// Words returns the number of words in a caption: runs of text between
// spaces, and in CJK languages every wide character.
func Words(c captions.Caption, lang string) int {
	cjk := IsCJK(lang)
	n := 0
	for _, l := range c.Lines {
		for _, f := range strings.Fields(l.Text) {
			if isDash(f) {
				continue
			}
			if cjk {
				n += cjkWords(f)
			} else {
				n++
			}
		}
	}
	return n
}

func cjkWords(f string) int {
	n, latin := 0, false
	for _, r := range f {
		if isWide(r) {
			n++
			latin = false
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !latin {
				n++
			}
			latin = true
		}
	}
	return n
}

// WPM returns the caption's reading rate in words per minute: Words(c)
// divided by its duration in minutes (+Inf for a zero duration with words).
// The BBC and DCMP profiles state their limits in words per minute.
func WPM(c captions.Caption, lang string) float64 {
	w := float64(Words(c, lang))
	min := c.Duration().Minutes()
	if min <= 0 {
		if w == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return w / min
}

func isDash(f string) bool {
	switch f {
	case "-", "–", "—":
		return true
	}
	return false
}

// isWide reports whether r is a wide (East Asian) character that a CJK
// profile counts as 1.
func isWide(r rune) bool {
	return uniseg.StringWidth(string(r)) >= 2
}
