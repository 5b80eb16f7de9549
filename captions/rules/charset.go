package rules

import (
	"unicode"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
)

// Charset reports, once per caption, a character no caption format should
// carry (a control character other than tab, or U+FFFD left by a decoding
// failure) and, when encodable is not nil, the first line that a target
// encoding cannot carry: encodable returns the offending character and
// false. Violation.Value is the character's code point (0 when unknown).
func Charset(caps []captions.Caption, encodable func(line string) (rune, bool)) []Violation {
	var out []Violation
	for i, c := range caps {
	lines:
		for _, l := range c.Lines {
			for _, r := range l.Text {
				if r == utf8.RuneError || (unicode.IsControl(r) && r != '\t') {
					out = append(out, Violation{Caption: i + 1, Rule: RuleCharset, Value: float64(r)})
					break lines
				}
			}
			if encodable != nil {
				if r, ok := encodable(l.Text); !ok {
					out = append(out, Violation{Caption: i + 1, Rule: RuleCharset, Value: float64(r)})
					break lines
				}
			}
		}
	}
	return out
}
