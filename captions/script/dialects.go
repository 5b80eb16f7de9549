package script

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hasSOTMarker reports a Ruptly/RT soundbite line: "SOT" as the first
// word of a trimmed line.
func hasSOTMarker(t string) bool {
	if !strings.HasPrefix(t, "SOT") {
		return false
	}
	if len(t) == 3 {
		return true
	}
	c := t[3]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
}

// sotBody returns the suffix of a trimmed SOT line after the marker, any
// number ("SOT 2:", "SOT #2") and separator (":", ",", "-").
func sotBody(t string) string {
	b := strings.TrimLeft(t[3:], " ")
	if n := strings.TrimLeft(strings.TrimPrefix(b, "#"), "0123456789"); len(n) < len(strings.TrimPrefix(b, "#")) {
		if n == "" || strings.IndexByte(" :.,-)", n[0]) >= 0 || strings.HasPrefix(n, "–") || strings.HasPrefix(n, "—") {
			b = strings.TrimLeft(n, ")")
		}
	}
	return strings.TrimLeft(b, " :,-–—.")
}

// decoratedSOT recognises a SOT line behind decoration — a bullet, an
// asterisk, a hash, an arrow: "• SOT …", "*SOT …" — and returns the
// decoration's length in bytes (0 when the line is no such thing).
func decoratedSOT(t string) int {
	i := 0
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == 'S' {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || isOpener(r) || r == '(' || i > 12 {
			return 0
		}
		i += n
	}
	if i == 0 || !hasSOTMarker(t[i:]) {
		return 0
	}
	return i
}

// ruptlyTurn recognises a turn without the SOT marker:
// "Reporter (Arabic): “…”". The speaker part must end with a parenthesised
// list of known languages and be short, and the text must open with a
// quote mark (here or on the next line), so prose is never taken for a
// turn.
func ruptlyTurn(t string) (spk, rest string, ok bool) {
	if startsWithOpener(t) || strings.IndexByte(t, ')') < 0 {
		return "", "", false
	}
	spk, rest, colon := splitSpeaker(t)
	if !colon {
		return "", "", false
	}
	s := strings.TrimRight(spk, " ")
	if len(s) == 0 || len(s) > 160 || s[len(s)-1] != ')' {
		return "", "", false
	}
	groups := parenGroups(s)
	if len(groups) == 0 {
		return "", "", false
	}
	g := groups[len(groups)-1]
	if g[1] != len(s) || g[0] == 0 || !isLanguageList(s[g[0]+1:g[1]-1]) {
		return "", "", false
	}
	if len(strings.Fields(s[:g[0]])) > 16 {
		return "", "", false
	}
	if r := strings.TrimSpace(rest); r != "" && !startsWithOpener(r) {
		return "", "", false
	}
	return spk, rest, true
}

// ruptlyStop reports lines that end a Ruptly quotation's paragraph.
func ruptlyStop(l string) bool {
	t := strings.TrimSpace(l)
	if hasSOTMarker(t) || decoratedSOT(t) > 0 {
		return true
	}
	_, _, ok := ruptlyTurn(t)
	return ok
}

// turn reads one turn whose speaker part spk is on 0-based line i, with
// the text starting in rest, appends it to the current SOT and returns
// the index of the line after it. def supplies the language and, for an
// "Answer" label, the speaker.
func (p *parser) turn(i int, spk, rest string, def Turn, stop func(string) bool, unquoted, needLang bool) int {
	name, title, lang := speakerParts(spk)
	if name == "" && title == "" {
		name, title = def.Speaker, def.Title
		if name == "" {
			p.warn(i+1, "soundbite names no speaker")
		}
	}
	if lang == "" {
		lang = def.Language
		if lang == "" && needLang {
			p.problem(i+1, 0, fmt.Errorf("%w: expected “(Language)” after the speaker %q", ErrNoLanguage, name))
		}
	} else if LanguageTag(lang) == "" && !isLanguageList(lang) {
		p.warn(i+1, "spoken language %q not recognised", lang)
	}
	text, _, next := p.quote(i, rest, stop, unquoted)
	if text == "" {
		who := name
		if who == "" {
			who = "the speaker"
		}
		p.problem(i+1, column(p.lines[i], rest), fmt.Errorf("%w: expected a quotation after %s, on the same line or the next", ErrNoText, who))
	}
	s := p.current()
	if title == "" && name != "" {
		// A speaker named again later in the SOT keeps the title given
		// when first named.
		for _, t := range s.Turns {
			if strings.EqualFold(t.Speaker, name) {
				title = t.Title
				break
			}
		}
	}
	s.Turns = append(s.Turns, Turn{Speaker: name, Title: title, Language: lang, Text: text, Line: i + 1})
	return next
}

// appendParagraph adds a further quoted paragraph on 0-based line i to
// the last turn of the current SOT.
func (p *parser) appendParagraph(i int, stop func(string) bool) int {
	text, _, next := p.quote(i, p.lines[i], stop, false)
	s := p.current()
	t := &s.Turns[len(s.Turns)-1]
	if t.Text == "" {
		t.Text = text
	} else if text != "" {
		t.Text += " " + text
	}
	return next
}

// ruptly reads a Ruptly/RT script: "SOT Name, Title (Language): “…”"
// lines, each followed by any further turns "Role (Language): “…”". A
// bare "SOT" cue line makes the next turn line a SOT. Any other line is
// narrative and ends the SOT.
func (p *parser) ruptly() {
	inSOT := false
	cue := -1
	for i := 0; i < len(p.lines); {
		l := p.lines[i]
		t := strings.TrimSpace(l)
		if t == "" {
			i++
			continue
		}
		if k := decoratedSOT(t); k > 0 {
			p.warn(i+1, "ignored %q before SOT", strings.TrimSpace(t[:k]))
			t = t[k:]
		}
		if hasSOTMarker(t) {
			body := sotBody(t)
			if blank(body) {
				cue, inSOT = i, false
				i++
				continue
			}
			p.newSOT(KindSOT, i)
			spk, rest, _ := splitSpeaker(body)
			i = p.turn(i, spk, rest, Turn{}, ruptlyStop, false, true)
			inSOT, cue = true, -1
			continue
		}
		if spk, rest, ok := ruptlyTurn(t); ok {
			if !inSOT {
				if cue >= 0 {
					p.newSOT(KindSOT, cue)
				} else {
					p.newSOT(KindSOT, i)
					p.warn(i+1, "speaker line without “SOT” read as SOT %d", len(p.pkg.SOTs))
				}
			}
			i = p.turn(i, spk, rest, Turn{}, ruptlyStop, false, true)
			inSOT, cue = true, -1
			continue
		}
		if inSOT {
			if spk, rest, ok := p.bareTurn(t); ok {
				p.warn(i+1, "turn without “(Language)”; took the language of SOT %d", len(p.pkg.SOTs))
				i = p.turn(i, spk, rest, Turn{Language: p.current().Language()}, ruptlyStop, false, false)
				continue
			}
		}
		inSOT, cue = false, -1
		i++
	}
}

// interviewerRoles name the people who put questions in a SOT.
var interviewerRoles = map[string]bool{
	"reporter": true, "interviewer": true, "journalist": true, "correspondent": true,
	"question": true, "presenter": true, "anchor": true, "host": true, "translator": true, "interpreter": true,
}

// bareTurn recognises, inside a Ruptly SOT, a further turn written
// without its language — "Reporter: “…”", or the SOT's speaker named
// again — but not prose ("Haftar said: “…”").
func (p *parser) bareTurn(t string) (spk, rest string, ok bool) {
	spk, rest, ok = namedTurn(t)
	if !ok {
		return "", "", false
	}
	name, _, _ := speakerParts(spk)
	if interviewerRoles[strings.ToLower(name)] {
		return spk, rest, true
	}
	for _, tn := range p.current().Turns {
		if tn.Speaker != "" && strings.EqualFold(tn.Speaker, name) {
			return spk, rest, true
		}
	}
	return "", "", false
}

// shotNumber returns the suffix of t after an AP/Reuters shot number
// ("5. ", "12) "), or t when there is none.
func shotNumber(t string) (string, bool) {
	n := 0
	for n < len(t) && n < 5 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 || n == len(t) {
		return t, false
	}
	rest := strings.TrimLeft(t[n:], " ")
	if rest != "" && (rest[0] == '.' || rest[0] == ')') {
		return strings.TrimLeft(rest[1:], " "), true
	}
	return t, false
}

// keyword matches word (upper case, may contain one space) at the start
// of s case-insensitively, followed by a non-letter, and returns the rest.
func keyword(s, word string) (string, bool) {
	if len(s) < len(word) || !strings.EqualFold(s[:len(word)], word) {
		return "", false
	}
	rest := s[len(word):]
	if rest != "" {
		c := rest[0] | 0x20
		if c >= 'a' && c <= 'z' {
			return "", false
		}
	}
	return rest, true
}

// apBite recognises an AP soundbite shot, "5. SOUNDBITE (Arabic) Name:",
// returning its kind and the suffix after the keyword.
func apBite(l string) (kind, body string, ok bool) {
	t, _ := shotNumber(strings.TrimLeft(l, " "))
	for _, k := range [...]struct{ word, kind string }{
		{"SOUNDBITE", KindSoundbite}, {"SOUND BITE", KindSoundbite}, {"UPSOUND", KindUpsound}, {"UP SOUND", KindUpsound},
	} {
		if rest, ok := keyword(t, k.word); ok {
			if rest != "" && rest[0] == 'S' || rest != "" && rest[0] == 's' { // SOUNDBITES
				rest = rest[1:]
			}
			return k.kind, rest, true
		}
	}
	return "", "", false
}

// isAPBite reports an AP soundbite shot line.
func isAPBite(t string) bool { _, _, ok := apBite(t); return ok }

// reutersBite recognises "(SOUNDBITE)" (or "(UPSOUND)") opening a line,
// after an optional shot number.
func reutersBite(l string) (kind, body string, ok bool) {
	t, _ := shotNumber(strings.TrimLeft(l, " "))
	if !strings.HasPrefix(t, "(") {
		return "", "", false
	}
	e := strings.IndexByte(t, ')')
	if e < 0 {
		return "", "", false
	}
	switch strings.ToUpper(strings.TrimSpace(t[1:e])) {
	case "SOUNDBITE", "SOUND BITE":
		return KindSoundbite, t[e+1:], true
	case "UPSOUND", "UP SOUND":
		return KindUpsound, t[e+1:], true
	}
	return "", "", false
}

// isReutersBite reports a Reuters soundbite line.
func isReutersBite(t string) bool { _, _, ok := reutersBite(t); return ok }

// dropHeadNotes removes ++notes++ from the speaker part of a bite line (the
// part before the quote opens), where a colon inside a note ("++NOTE: cut
// at 0:12++") would otherwise end the speaker.
func dropHeadNotes(body string) string {
	if !strings.Contains(body, "++") {
		return body
	}
	q := firstOpener(body)
	if q < 0 {
		q = len(body)
	}
	head, _ := dropNotes(body[:q])
	return head + body[q:]
}

// leadingLanguage takes a "(Language)" group off the front of s.
func leadingLanguage(s string) (lang, rest string) {
	t := strings.TrimLeft(s, " :")
	if !strings.HasPrefix(t, "(") {
		return "", s
	}
	g := parenGroups(t)
	if len(g) == 0 || g[0][0] != 0 {
		return "", s
	}
	inner := strings.TrimSpace(t[1 : g[0][1]-1])
	if !isLanguageList(inner) && !capitalisedList(inner) {
		return "", s
	}
	return collapse(inner), t[g[0][1]:]
}

// labelTurn recognises a question-and-answer label inside a bite:
// "Question: …", "Answer: …", "Q: …", "A: …", "(Question) …" and
// "(Question: …)". label is "Question" or "Answer".
func labelTurn(t string) (label, rest string, ok bool) {
	s := t
	paren := strings.HasPrefix(s, "(")
	if paren {
		s = s[1:]
	}
	for _, l := range [...]struct{ word, label string }{
		{"QUESTION", "Question"}, {"ANSWER", "Answer"}, {"Q", "Question"}, {"A", "Answer"},
	} {
		r, ok := keyword(s, l.word)
		if !ok {
			continue
		}
		r = strings.TrimLeft(r, " ")
		switch {
		case paren && strings.HasPrefix(r, ")"):
			r = r[1:]
		case strings.HasPrefix(r, ":"):
			r = r[1:]
			if paren {
				r = strings.TrimSuffix(strings.TrimRight(r, " "), ")")
			}
		default:
			continue
		}
		if l.word == "A" && !strings.HasPrefix(t, "A:") && !strings.HasPrefix(t, "(A") {
			continue
		}
		return l.label, r, true
	}
	return "", "", false
}

// namedTurn recognises a further speaker inside an AP or Reuters bite:
// "Reporter: “…”", "Khalifa Haftar (Arabic): “…”", "(Arabic) REPORTER
// ASKING: “…”". The speaker must be short, and the text must open with a
// quote mark.
func namedTurn(t string) (spk, rest string, ok bool) {
	if startsWithOpener(t) {
		return "", "", false
	}
	spk, rest, colon := splitSpeaker(t)
	if !colon || blank(spk) {
		return "", "", false
	}
	if r := strings.TrimSpace(rest); r == "" || !startsWithOpener(r) {
		return "", "", false
	}
	if len(spk) > 120 || len(strings.Fields(spk)) > 14 || strings.ContainsAny(spk, "“”\"«»") {
		return "", "", false
	}
	return spk, rest, true
}

// apStop reports lines that end an AP quotation's paragraph.
func apStop(l string) bool {
	t := strings.TrimSpace(l)
	if _, _, ok := header(t); ok {
		return true
	}
	if _, num := shotNumber(t); num {
		return true
	}
	if isAPBite(t) {
		return true
	}
	if _, _, ok := labelTurn(t); ok {
		return true
	}
	_, _, ok := namedTurn(t)
	return ok
}

// headerLanguage returns the one spoken language that a "LANGUAGE:" header
// names ("Arabic/Nats" gives "Arabic"), or "".
func headerLanguage(lines []string) string {
	for _, l := range lines {
		key, val, ok := header(strings.TrimSpace(l))
		if !ok || key != "LANGUAGE" {
			continue
		}
		var found string
		for _, part := range languageList(val) {
			if isNonSpeech(part) {
				continue
			}
			if found != "" || singleLanguageTag(part) == "" {
				return ""
			}
			found = collapse(part)
		}
		return found
	}
	return ""
}

// ap reads an AP (APTN) shotlist: numbered shots, of which "SOUNDBITE" and
// "UPSOUND" shots are soundbites; the text follows on the same line or the
// next. The STORYLINE section is narrative.
func (p *parser) ap() {
	defLang := headerLanguage(p.lines)
	narrative, inBite := false, false
	var bite Turn
	for i := 0; i < len(p.lines); {
		l := p.lines[i]
		t := strings.TrimSpace(l)
		if t == "" {
			i++
			continue
		}
		if inBite {
			if next, ok := p.biteContinuation(i, t, apStop, bite); ok {
				i = next
				continue
			}
		}
		if key, _, ok := header(t); ok {
			switch key {
			case "STORYLINE":
				narrative = true
			case "SHOTLIST":
				narrative = false
			}
			inBite = false
			i++
			continue
		}
		if narrative {
			i++
			continue
		}
		if kind, body, ok := apBite(l); ok {
			lang, body := leadingLanguage(dropHeadNotes(body))
			body = strings.TrimLeft(body, " ,:;-–—")
			spk, rest, _ := splitSpeaker(body)
			spk, _ = trimVerb(spk)
			if kind == KindUpsound && !hasQuote(p.lines, i, rest) {
				p.warn(i+1, "UPSOUND without quoted words is not a soundbite")
				i++
				inBite = false
				continue
			}
			if lang == "" {
				_, _, lang = speakerParts(spk)
				if lang == "" && defLang != "" {
					lang = defLang
					p.warn(i+1, "soundbite has no (Language); took %s from the LANGUAGE: header", defLang)
				}
			}
			bite, i = p.biteHead(kind, i, spk, rest, lang, apStop)
			inBite = true
			continue
		}
		if _, num := shotNumber(t); num {
			inBite = false
			i++
			continue
		}
		// An un-numbered location line, or anything else: the bite is over.
		inBite = false
		i++
	}
}

// hasQuote reports whether a soundbite line has text: rest, or a next
// line opening with a quote mark.
func hasQuote(lines []string, i int, rest string) bool {
	if !blank(rest) {
		return true
	}
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if t := strings.TrimSpace(lines[j]); t != "" {
			return startsWithOpener(t)
		}
	}
	return false
}

// biteHead starts the SOT of an AP or Reuters bite whose speaker part spk
// is on 0-based line i and whose text starts in rest. When the text is a
// question-and-answer exchange that opens on the next line, the speaker's
// own turns come from the Answer labels and quotes that follow. It
// returns the bite's speaker (for those later turns) and the next line.
func (p *parser) biteHead(kind string, i int, spk, rest, lang string, stop func(string) bool) (Turn, int) {
	name, title, own := speakerParts(spk)
	if lang == "" {
		lang = own
	}
	bite := Turn{Speaker: name, Title: title, Language: lang}
	p.newSOT(kind, i)
	if blank(rest) {
		for j := i + 1; j < len(p.lines) && j <= i+2; j++ {
			t := strings.TrimSpace(p.lines[j])
			if t == "" {
				continue
			}
			if _, _, ok := labelTurn(t); ok {
				if lang == "" {
					p.problem(i+1, 0, fmt.Errorf("%w: expected “(Language)” after the speaker %q", ErrNoLanguage, name))
				}
				return bite, j
			}
			break
		}
	}
	return bite, p.turn(i, spk, rest, Turn{Language: lang}, stop, false, true)
}

// biteContinuation reads what may follow a bite's first turn in AP and
// Reuters scripts: a further quoted paragraph, a Question:/Answer: label
// or a named turn. bite is the bite's speaker. It reports false when line
// i is none of these.
func (p *parser) biteContinuation(i int, t string, stop func(string) bool, bite Turn) (int, bool) {
	if _, num := shotNumber(t); num || isAPBite(t) || isReutersBite(t) {
		return i, false
	}
	s := p.current()
	if pureQuote(t) {
		// After a question, a quotation is the bite speaker's answer.
		if n := len(s.Turns); n == 0 || s.Turns[n-1].Speaker == "Question" && s.Turns[n-1].Title == "" {
			return p.turn(i, "", p.lines[i], bite, stop, false, false), true
		}
		return p.appendParagraph(i, stop), true
	}
	if label, rest, ok := labelTurn(t); ok {
		def := Turn{Speaker: "Question", Language: bite.Language}
		if label == "Answer" {
			def = bite
		}
		return p.turn(i, "", rest, def, stop, true, false), true
	}
	if spk, rest, ok := namedTurn(t); ok {
		lang, spk2 := leadingLanguage(spk)
		spk2, _ = trimVerb(spk2)
		if lang != "" {
			spk2 += " (" + lang + ")"
		}
		return p.turn(i, spk2, rest, Turn{Language: bite.Language}, stop, false, false), true
	}
	return i, false
}

// reutersStop reports lines that end a Reuters quotation's paragraph.
func reutersStop(l string) bool {
	t := strings.TrimSpace(l)
	if isReutersBite(t) {
		return true
	}
	if _, _, ok := header(t); ok {
		return true
	}
	if _, num := shotNumber(t); num {
		return true
	}
	if _, _, ok := labelTurn(t); ok {
		return true
	}
	_, _, ok := namedTurn(t)
	return ok
}

// reuters reads a Reuters script: "(SOUNDBITE) (Language) NAME, TITLE,
// SAYING: “…”", the text on the same line or the next, with further
// paragraphs and turns ("REPORTER ASKING: “…”") after it.
func (p *parser) reuters() {
	inBite := false
	var bite Turn
	for i := 0; i < len(p.lines); {
		l := p.lines[i]
		t := strings.TrimSpace(l)
		if t == "" {
			i++
			continue
		}
		if kind, body, ok := reutersBite(l); ok {
			lang, body := leadingLanguage(dropHeadNotes(body))
			body = strings.TrimLeft(body, " ,:;-–—")
			spk, rest, _ := splitSpeaker(body)
			spk, _ = trimVerb(spk)
			if lang == "" {
				_, _, lang = speakerParts(spk)
			}
			bite, i = p.biteHead(kind, i, spk, rest, lang, reutersStop)
			inBite = true
			continue
		}
		if inBite {
			if next, ok := p.biteContinuation(i, t, reutersStop, bite); ok {
				i = next
				continue
			}
		}
		inBite = false
		i++
	}
}
