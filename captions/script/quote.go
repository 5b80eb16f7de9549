package script

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// closersFor returns the marks that may close a quote opened with open.
// Mismatches seen in real copy (“…" or "…”) are accepted.
func closersFor(open rune) string {
	switch open {
	case '“':
		return "”\"“"
	case '„':
		return "“”\""
	case '‚':
		return "‘’'"
	case '”': // Arabic and Scandinavian scripts open with ” (Arabic closes with “)
		return "“”\""
	case '"':
		return "\"”“"
	case '«':
		return "»"
	case '»':
		return "«»"
	case '‘':
		return "’'‘"
	case '\'':
		return "'’"
	case '‹':
		return "›"
	case '›':
		return "‹›"
	case '「':
		return "」"
	case '『':
		return "』"
	}
	return allClosers
}

// allClosers are every closing mark, for text that has no opening one.
const allClosers = "”\"“»«’'›」』"

// isOpener reports whether r can open a quote.
func isOpener(r rune) bool {
	switch r {
	case '“', '„', '"', '«', '»', '‘', '\'', '‹', '「', '『', '‚', '”', '›':
		return true
	}
	return false
}

// startsWithOpener reports whether trimmed text s opens with a quote mark.
func startsWithOpener(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isOpener(r)
}

// firstOpener returns the byte offset of the first quote mark in s that
// opens a quote: curly and angle quotes anywhere, straight ones only at
// the start or after a space, colon or parenthesis (so "that's" has none).
// It returns -1 when there is none.
func firstOpener(s string) int {
	for i, r := range s {
		switch r {
		case '“', '„', '«', '‹', '「', '『':
			return i
		case '"', '\'', '‘', '‚', '”', '»', '›':
			if i == 0 {
				return i
			}
			switch s[i-1] {
			case ' ', ':', '(', '\t':
				return i
			}
			if strings.HasSuffix(s[:i], fullColon) {
				return i
			}
		}
	}
	return -1
}

// isWordRune reports letters and digits.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lastCloser returns the byte offset of the last mark in s, one of
// closers, that can end a quote: one not followed by a letter or digit
// (so the ’ of "isn’t" is not a closer). It returns -1 when there is none.
func lastCloser(s, closers string) (int, int) {
	next := rune(-1)
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if strings.ContainsRune(closers, r) && !isWordRune(next) {
			return i, n
		}
		next = r
	}
	return -1, 0
}

// endsClosed reports whether a line ends with a closing mark, allowing
// punctuation after it (“…”. or “…”,).
func endsClosed(s, closers string) bool {
	s = strings.TrimRight(s, " .,;:!?)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(closers, r)
}

// endsWithEllipsis reports a quote cut off with … or ...
func endsWithEllipsis(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// pureQuote reports whether a trimmed line is nothing but a quotation
// (a further paragraph of a soundbite), not prose that quotes someone
// (“…,” he said).
func pureQuote(t string) bool {
	open, n := utf8.DecodeRuneInString(t)
	if !isOpener(open) {
		return false
	}
	cl := closersFor(open)
	if !endsClosed(t, cl) && !endsWithEllipsis(t) {
		return false
	}
	// A closer followed by a lower-case word is prose: “…,” he said.
	body := t[n:]
	for i, r := range body {
		if strings.ContainsRune(cl, r) {
			rest := strings.TrimLeft(body[i+utf8.RuneLen(r):], " ")
			if c, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(c) {
				return false
			}
		}
	}
	return true
}

// column returns the 1-based rune column where suffix (a part of line,
// usually its end) begins.
func column(line, suffix string) int {
	off := len(line) - len(suffix)
	if suffix != "" {
		off = strings.LastIndex(line, suffix)
	}
	if off < 0 || off > len(line) {
		return 0
	}
	return utf8.RuneCountInString(line[:off]) + 1
}

// blank reports a line with nothing but spaces.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// quote reads the text of a turn whose speaker is named on 0-based line i;
// rest is the suffix of that line after the speaker (and colon). The
// quotation may open on the next line and run over several lines until
// its closing mark, a blank line or a line for which stop reports true.
// unquoted marks a label (Question:, Answer:) whose text may come without
// quote marks, on its line alone. It returns the cleaned text, the line
// the text opens on and the index of the first line after it.
func (p *parser) quote(i int, rest string, stop func(string) bool, unquoted bool) (text string, start, next int) {
	line := p.lines[i]
	r := strings.TrimLeft(rest, " ")
	col := p.col(i, column(line, r))
	r = strings.TrimRight(r, " ")
	start = i
	if r == "" {
		j := i + 1
		for j < len(p.lines) && j <= i+2 && blank(p.lines[j]) {
			j++
		}
		if j >= len(p.lines) || !startsWithOpener(strings.TrimSpace(p.lines[j])) || (stop(p.lines[j]) && !pureQuote(strings.TrimSpace(p.lines[j]))) {
			return "", i, i + 1
		}
		start = j
		line = p.lines[j]
		r = strings.TrimLeft(line, " ")
		col = p.col(j, column(line, r))
		r = strings.TrimRight(r, " ")
	}
	open, size := utf8.DecodeRuneInString(r)
	closers, body := allClosers, r
	opened := isOpener(open)
	if opened {
		closers, body = closersFor(open), r[size:]
	}
	parts := []string{body}
	k := start
	if opened || !unquoted {
		for !endsClosed(parts[len(parts)-1], closers) && k+1 < len(p.lines) && !blank(p.lines[k+1]) && !stop(p.lines[k+1]) {
			k++
			t := strings.TrimSpace(p.lines[k])
			// Paragraphs of one quotation each open with the mark
			// but only the last one closes.
			if c, n := utf8.DecodeRuneInString(t); opened && c == open {
				t = t[n:]
			}
			parts = append(parts, t)
		}
	}
	joined := strings.Join(parts, " ")
	switch {
	case !opened:
		if !unquoted {
			p.warn(p.ln(start), "column %d: text has no opening quote mark; read to the end of its paragraph", col)
		}
		text = joined
		if endsClosed(text, allClosers) {
			if at, _ := lastCloser(text, allClosers); at >= 0 {
				text = text[:at]
			}
		}
	default:
		at, n := lastCloser(joined, closers)
		if at >= 0 {
			text = joined[:at]
			if trailing := strings.TrimSpace(joined[at+n:]); strings.IndexFunc(trailing, isWordRune) >= 0 {
				p.warn(p.ln(k), "text after the closing quote mark ignored: %q", trailing)
			}
		} else {
			text = joined
			if endsWithEllipsis(text) {
				p.warn(p.ln(start), "column %d: quote cut off with an ellipsis and no closing mark; kept to the end of its paragraph (line %d)", col, p.ln(k))
			} else {
				p.problem(p.ln(start), col, fmt.Errorf("%w: %c has no closing mark; text kept to the end of its paragraph (line %d)", ErrUnterminatedQuote, open, k+1))
			}
		}
	}
	return p.cleanText(text, p.ln(start)), start, k + 1
}

// cleanText drops ++notes++ (and insertions when asked) from a turn's text
// and collapses spaces.
func (p *parser) cleanText(s string, line int) string {
	if strings.Contains(s, "++") {
		var notes []string
		s, notes = dropNotes(s)
		if len(notes) > 0 {
			p.warn(line, "editorial note(s) dropped from the text: %s", strings.Join(notes, ", "))
		}
	}
	if p.rd.DropInsertions && strings.IndexByte(s, '[') >= 0 {
		s = dropInsertions(s)
	}
	return collapse(s)
}

// dropNotes removes AP's "++note++" markers, returning what it removed.
func dropNotes(s string) (string, []string) {
	var notes []string
	var b strings.Builder
	for {
		a := strings.Index(s, "++")
		if a < 0 {
			break
		}
		e := strings.Index(s[a+2:], "++")
		if e < 0 {
			break
		}
		e += a + 2
		notes = append(notes, s[a:e+2])
		b.WriteString(s[:a])
		b.WriteByte(' ')
		s = s[e+2:]
	}
	if notes == nil {
		return s, nil
	}
	b.WriteString(s)
	return b.String(), notes
}

// dropInsertions removes "[…]" insertions and the space they leave, so
// that "asked [Russia] to [help] soften" becomes "asked to soften" and
// "supplies [to Libya]." becomes "supplies.".
func dropInsertions(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		a := strings.IndexByte(s, '[')
		if a < 0 {
			b.WriteString(s)
			break
		}
		e := strings.IndexByte(s[a:], ']')
		if e < 0 {
			b.WriteString(s)
			break
		}
		before := s[:a]
		after := s[a+e+1:]
		if strings.HasSuffix(before, " ") && (after == "" || strings.HasPrefix(after, " ") || strings.IndexByte(".,;:!?…)”\"’", after[0]) >= 0) {
			before = strings.TrimRight(before, " ")
			if after != "" && after[0] == ' ' {
				after = " " + strings.TrimLeft(after, " ")
			}
		}
		b.WriteString(before)
		s = after
	}
	return b.String()
}

// speakerVerbs end a Reuters speaker ("…, SAYING:").
var speakerVerbs = [...]string{"SAYING", "ASKING", "ADDING", "REPLYING", "ANSWERING", "CHANTING", "SINGING", "SHOUTING", "TELLING", "SPEAKING", "READING"}

// trimVerb removes a trailing Reuters verb, in capitals, from a speaker
// part and reports whether there was one.
func trimVerb(spk string) (string, bool) {
	t := strings.TrimRight(spk, " ,:")
	for _, v := range speakerVerbs {
		if strings.HasSuffix(t, v) {
			head := t[:len(t)-len(v)]
			if head == "" || head[len(head)-1] == ' ' || head[len(head)-1] == ',' {
				return strings.TrimRight(head, " ,"), true
			}
		}
	}
	return spk, false
}

// splitSpeaker splits "Name, Title (Language): “text…" at the colon that
// ends the speaker (the last one before the quote opens), or at the quote
// when the colon is missing. colon reports whether a colon was found. A
// full-width colon (：) counts as a colon; so does French spacing before
// it ("(arabe) :"), which the speaker part keeps as trailing space.
func (lx *lexicon) splitSpeaker(s string) (spk, rest string, colon bool) {
	if q := firstOpener(s); q >= 0 {
		if c, _ := lastColon(s[:q]); c < 0 {
			// A quote mark inside the name (Khalifa “Marshal” Haftar):
			// split at "(Language):" when one follows.
			if at, w := lx.languageColon(s); at > q {
				return s[:at], s[at+w:], true
			}
		}
		if c, w := lastColon(s[:q]); c >= 0 {
			return s[:c], s[c+w:], true
		}
		return s[:q], s[q:], false
	}
	if c, w := firstColon(s); c >= 0 {
		return s[:c], s[c+w:], true
	}
	return s, "", false
}

// fullColon is the full-width colon of Chinese and Japanese scripts.
const fullColon = "："

// firstColon returns the offset and width of the first colon in s, or -1.
func firstColon(s string) (int, int) {
	c := strings.IndexByte(s, ':')
	before := s
	if c >= 0 {
		before = s[:c]
	}
	if strings.IndexByte(before, 0xEF) >= 0 {
		if f := strings.Index(before, fullColon); f >= 0 {
			return f, len(fullColon)
		}
	}
	return c, 1
}

// lastColon returns the offset and width of the last colon in s, or -1.
func lastColon(s string) (int, int) {
	c := strings.LastIndexByte(s, ':')
	after := s[c+1:]
	if strings.IndexByte(after, 0xEF) >= 0 {
		if f := strings.LastIndex(after, fullColon); f >= 0 {
			return c + 1 + f, len(fullColon)
		}
	}
	return c, 1
}

// languageColon returns the offset and width of the colon in the first
// "(Language):" of s, or -1.
func (lx *lexicon) languageColon(s string) (int, int) {
	for _, g := range parenGroups(s) {
		rest := strings.TrimLeft(s[g.end:], " ")
		if (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, fullColon)) && lx.isLanguageList(s[g.in:g.out]) {
			w := 1
			if strings.HasPrefix(rest, fullColon) {
				w = len(fullColon)
			}
			return len(s) - len(rest), w
		}
	}
	return -1, 0
}

// group is a top-level parenthesised group: s[start:end] is all of it,
// s[in:out] what is inside the parentheses.
type group struct{ start, in, out, end int }

// parenGroups returns the top-level "(…)" groups in s; full-width
// parentheses "（…）" count too.
func parenGroups(s string) []group {
	var out []group
	depth, start, in := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '(' || s[i] == 0xEF && strings.HasPrefix(s[i:], "（"):
			w := 1
			if s[i] != '(' {
				w = len("（")
			}
			if depth == 0 {
				start, in = i, i+w
			}
			depth++
			i += w - 1
		case s[i] == ')' || s[i] == 0xEF && strings.HasPrefix(s[i:], "）"):
			w := 1
			if s[i] != ')' {
				w = len("）")
			}
			if depth > 0 {
				depth--
				if depth == 0 {
					out = append(out, group{start, in, i, i + w})
				}
			}
			i += w - 1
		}
	}
	return out
}

// endsWithParen reports whether s ends with a closing parenthesis.
func endsWithParen(s string) bool {
	return strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")
}

// commas are the commas that part a speaker's name from the title: Latin,
// Arabic (،) and full-width (，).
const commas = ",،，"

// capitalisedList reports a language-like list of capitalised single words
// ("Tuvan", "Tuvan/Russian") that LanguageTag does not know.
func capitalisedList(s string) bool {
	parts := languageList(s)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		r, _ := utf8.DecodeRuneInString(p)
		if strings.ContainsRune(p, ' ') || !unicode.IsUpper(r) || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
			return false
		}
		if strings.ToUpper(p) == p && len(p) > 1 { // an acronym: (LNA), (UN)
			return false
		}
	}
	return true
}

// speakerParts splits a speaker part into name, title and spoken
// language: "Khalifa Haftar, Head of LNA (Arabic)" gives "Khalifa Haftar",
// "Head of LNA", "Arabic". The language is the last parenthesised group
// naming languages; an unknown one is accepted only at the end. Groups
// that are not languages stay in the title.
func (lx *lexicon) speakerParts(spk string) (name, title, lang string) {
	if strings.Contains(spk, "++") {
		spk, _ = dropNotes(spk)
	}
	spk = strings.TrimSpace(spk)
	groups := parenGroups(spk)
	pick := -1
	for g := len(groups) - 1; g >= 0; g-- {
		if lx.isLanguageList(spk[groups[g].in:groups[g].out]) {
			pick = g
			break
		}
	}
	if pick < 0 && len(groups) > 0 {
		last := groups[len(groups)-1]
		if last.end == len(spk) && capitalisedList(spk[last.in:last.out]) {
			pick = len(groups) - 1
		}
	}
	if pick >= 0 {
		g := groups[pick]
		lang = collapse(spk[g.in:g.out])
		spk = spk[:g.start] + " " + spk[g.end:]
	}
	spk = strings.Trim(collapse(spk), " ,:;-–—،，：")
	// "Manus Cranny, MF Global Spreads, saying (English):"
	if t, ok := strings.CutSuffix(spk, " saying"); ok {
		spk = strings.TrimRight(t, " ,")
	}
	if c := strings.IndexAny(spk, commas); c >= 0 {
		_, w := utf8.DecodeRuneInString(spk[c:])
		name = strings.TrimSpace(spk[:c])
		title = strings.Trim(strings.TrimSpace(spk[c+w:]), " ,،，")
	} else {
		name = spk
	}
	return name, title, lang
}
