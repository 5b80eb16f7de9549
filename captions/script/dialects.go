package script

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sotKeywords are the words that open a soundbite line in Ruptly/RT-style
// scripts, as agencies write them in their language services: "SOT"
// (English, and most services), "SYNCHRO" (French), "O-TON"/"O-Ton"
// (German), "СИНХРОН"/"СНХР" (Russian), "TOTAL"/"DECLARACIÓN" (Spanish).
// Matching is case-sensitive. A strict keyword is also an ordinary word
// ("TOTAL: 2'30"), so its line must name a spoken language or open a quote
// to count.
var sotKeywords = [...]struct {
	word   string
	strict bool
}{
	{"SOT", false}, {"SYNCHRO", false}, {"O-TON", false}, {"O-Ton", false},
	{"СИНХРОН", false}, {"Синхрон", false}, {"СНХР", false},
	{"TOTAL", true}, {"DECLARACIÓN", true}, {"DECLARACION", true},
}

// keywordAt reports whether t opens with word followed by a non-word
// character (or nothing).
func keywordAt(t, word string) bool {
	if !strings.HasPrefix(t, word) {
		return false
	}
	if len(t) == len(word) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[len(word):])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// sotMarker returns the length in bytes of the soundbite keyword that
// opens the trimmed line t, or 0.
func (lx *lexicon) sotMarker(t string) int {
	if t == "" || t[0] != 'S' && t[0] != 'O' && t[0] != 'T' && t[0] != 'D' && t[0] != 0xD0 {
		return 0
	}
	for _, k := range sotKeywords {
		if !keywordAt(t, k.word) {
			continue
		}
		if k.strict {
			body := sotBody(t, len(k.word))
			spk, rest, _ := lx.splitSpeaker(body)
			if _, _, lang := lx.speakerParts(spk); lang == "" || !lx.isLanguageList(lang) {
				if r := strings.TrimSpace(rest); r == "" || !startsWithOpener(r) {
					return 0
				}
			}
		}
		return len(k.word)
	}
	return 0
}

// sotBody returns the suffix of a trimmed SOT line after the marker of n
// bytes, any number ("SOT 2:", "SOT #2") and separator (":", ",", "-").
func sotBody(t string, n int) string {
	b := strings.TrimLeft(t[n:], " ")
	if n := strings.TrimLeft(strings.TrimPrefix(b, "#"), "0123456789"); len(n) < len(strings.TrimPrefix(b, "#")) {
		if n == "" || strings.IndexByte(" :.,-)", n[0]) >= 0 || strings.HasPrefix(n, "–") || strings.HasPrefix(n, "—") || strings.HasPrefix(n, "：") {
			b = strings.TrimLeft(n, ")")
		}
	}
	b = strings.TrimLeft(b, " :,-–—.")
	for strings.HasPrefix(b, "：") {
		b = strings.TrimLeft(b[len("："):], " ")
	}
	return b
}

// decoratedSOT recognises a SOT line behind decoration — a bullet, an
// asterisk, a hash, an arrow: "• SOT …", "*SOT …" — and returns the
// decoration's length in bytes (0 when the line is no such thing).
func (lx *lexicon) decoratedSOT(t string) int {
	i := 0
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if unicode.IsLetter(r) {
			break
		}
		if unicode.IsDigit(r) || isOpener(r) || r == '(' || i > 12 {
			return 0
		}
		i += n
	}
	if i == 0 || lx.sotMarker(t[i:]) == 0 {
		return 0
	}
	return i
}

// voaSOT recognises a Voice of America cue in double parentheses,
// "((SOT: Name, title))", and returns what is inside after the keyword.
func (lx *lexicon) voaSOT(t string) (string, bool) {
	in, ok := strings.CutPrefix(t, "((")
	if !ok {
		return "", false
	}
	in = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(in, " "), "))"))
	n := lx.sotMarker(in)
	if n == 0 {
		return "", false
	}
	return sotBody(in, n), true
}

// ruptlyTurn recognises a turn without the SOT marker:
// "Reporter (Arabic): “…”". The speaker part must end with a parenthesised
// list of known languages and be short, and the text must open with a
// quote mark (here or on the next line), so prose is never taken for a
// turn.
func (lx *lexicon) ruptlyTurn(t string) (spk, rest string, ok bool) {
	if startsWithOpener(t) || strings.IndexByte(t, ')') < 0 && !strings.Contains(t, "）") {
		return "", "", false
	}
	spk, rest, colon := lx.splitSpeaker(t)
	if !colon {
		return "", "", false
	}
	s := strings.TrimRight(spk, " ")
	if len(s) == 0 || len(s) > 160 || !endsWithParen(s) {
		return "", "", false
	}
	groups := parenGroups(s)
	if len(groups) == 0 {
		return "", "", false
	}
	g := groups[len(groups)-1]
	if g.end != len(s) || g.start == 0 || !lx.isLanguageList(s[g.in:g.out]) {
		return "", "", false
	}
	if len(strings.Fields(s[:g.start])) > 16 {
		return "", "", false
	}
	if r := strings.TrimSpace(rest); r != "" && !startsWithOpener(r) {
		return "", "", false
	}
	return spk, rest, true
}

// ruptlyStop reports lines that end a Ruptly quotation's paragraph.
func (lx *lexicon) ruptlyStop(l string) bool {
	t := strings.TrimSpace(l)
	if lx.sotMarker(t) > 0 || lx.decoratedSOT(t) > 0 || strings.HasPrefix(t, "((") {
		return true
	}
	_, _, ok := lx.ruptlyTurn(t)
	return ok
}

// turn reads one turn whose speaker part spk is on 0-based line i, with
// the text starting in rest, appends it to the current SOT and returns
// the index of the line after it. def supplies the language and, for an
// "Answer" label, the speaker.
func (p *parser) turn(i int, spk, rest string, def Turn, stop func(string) bool, unquoted, needLang bool) int {
	name, title, lang := p.lx.speakerParts(spk)
	if name == "" && title == "" {
		name, title = def.Speaker, def.Title
		if name == "" {
			p.warn(p.ln(i), "soundbite names no speaker")
		}
	}
	if lang == "" {
		lang = def.Language
		if lang == "" && needLang {
			p.problem(p.ln(i), 0, fmt.Errorf("%w: expected “(Language)” after the speaker %q", ErrNoLanguage, name))
		}
	} else if p.lx.tag(lang) == "" && !p.lx.isLanguageList(lang) {
		p.warn(p.ln(i), "spoken language %q not recognised", lang)
	}
	text, _, next := p.quote(i, rest, stop, unquoted)
	if text == "" {
		who := name
		if who == "" {
			who = "the speaker"
		}
		p.problem(p.ln(i), p.col(i, column(p.lines[i], rest)), fmt.Errorf("%w: expected a quotation after %s, on the same line or the next", ErrNoText, who))
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
	s.Turns = append(s.Turns, Turn{Speaker: name, Title: title, Language: lang, Text: text, Line: p.ln(i)})
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
		if k := p.lx.decoratedSOT(t); k > 0 {
			p.warn(p.ln(i), "ignored %q before SOT", strings.TrimSpace(t[:k]))
			t = t[k:]
		}
		if body, ok := p.lx.voaSOT(t); ok {
			i = p.voa(i, body)
			inSOT, cue = true, -1
			continue
		}
		if n := p.lx.sotMarker(t); n > 0 {
			body := sotBody(t, n)
			if blank(body) {
				cue, inSOT = i, false
				i++
				continue
			}
			p.newSOT(KindSOT, i)
			spk, rest, colon := p.lx.splitSpeaker(body)
			if !colon && blank(rest) {
				spk, rest = afterGroup(body)
			}
			i = p.turn(i, spk, rest, Turn{}, p.lx.ruptlyStop, false, true)
			inSOT, cue = true, -1
			continue
		}
		if spk, rest, ok := p.lx.ruptlyTurn(t); ok {
			if !inSOT {
				if cue >= 0 {
					p.newSOT(KindSOT, cue)
				} else {
					p.newSOT(KindSOT, i)
					p.warn(p.ln(i), "speaker line without “SOT” read as SOT %d", len(p.pkg.SOTs))
				}
			}
			i = p.turn(i, spk, rest, Turn{}, p.lx.ruptlyStop, false, true)
			inSOT, cue = true, -1
			continue
		}
		if inSOT {
			if spk, rest, ok := p.bareTurn(t); ok {
				p.warn(p.ln(i), "turn without “(Language)”; took the language of SOT %d", len(p.pkg.SOTs))
				i = p.turn(i, spk, rest, Turn{Language: p.current().Language()}, p.lx.ruptlyStop, false, false)
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
	spk, rest, ok = p.lx.namedTurn(t)
	if !ok {
		return "", "", false
	}
	name, _, _ := p.lx.speakerParts(spk)
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
			// AFP numbers its soundbites: "SOUNDBITE 1 Nicolas Maduro, …".
			if r := strings.TrimLeft(rest, " "); r != "" && r[0] >= '0' && r[0] <= '9' {
				if d := strings.TrimLeft(r, "0123456789"); len(r)-len(d) <= 2 && strings.HasPrefix(d, " ") && isUpperStart(strings.TrimLeft(d, " ")) {
					rest = d
				}
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
func (lx *lexicon) leadingLanguage(s string) (lang, rest string) {
	t := strings.TrimLeft(s, " :")
	if !strings.HasPrefix(t, "(") && !strings.HasPrefix(t, "（") {
		return "", s
	}
	g := parenGroups(t)
	if len(g) == 0 || g[0].start != 0 {
		return "", s
	}
	inner := strings.TrimSpace(t[g[0].in:g[0].out])
	if !lx.isLanguageList(inner) && !capitalisedList(inner) {
		return "", s
	}
	return collapse(inner), t[g[0].end:]
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
func (lx *lexicon) namedTurn(t string) (spk, rest string, ok bool) {
	if startsWithOpener(t) {
		return "", "", false
	}
	spk, rest, colon := lx.splitSpeaker(t)
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
func (lx *lexicon) apStop(l string) bool {
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
	_, _, ok := lx.namedTurn(t)
	return ok
}

// headerLanguage returns the one spoken language that a "LANGUAGE:" header
// names ("Arabic/Nats" gives "Arabic"), or "".
func (lx *lexicon) headerLanguage(lines []string) string {
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
			if found != "" || lx.singleTag(part) == "" {
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
	defLang := p.lx.headerLanguage(p.lines)
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
			if next, ok := p.biteContinuation(i, t, p.lx.apStop, bite); ok {
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
			start := i
			body, i = p.joinHead(i, body)
			lang, body := p.lx.leadingLanguage(dropHeadNotes(body))
			body = strings.TrimLeft(body, " ,:;-–—")
			spk, rest, _ := p.lx.splitSpeaker(body)
			spk, _ = trimVerb(spk)
			if kind == KindUpsound && !hasQuote(p.lines, i, rest) {
				p.warn(p.ln(i), "UPSOUND without quoted words is not a soundbite")
				i++
				inBite = false
				continue
			}
			if lang == "" {
				_, _, lang = p.lx.speakerParts(spk)
				if lang == "" && defLang != "" {
					lang = defLang
					p.warn(p.ln(i), "soundbite has no (Language); took %s from the LANGUAGE: header", defLang)
				}
			}
			bite, i = p.biteHead(kind, i, spk, rest, lang, p.lx.apStop)
			p.headStart(start)
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
	name, title, own := p.lx.speakerParts(spk)
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
					p.problem(p.ln(i), 0, fmt.Errorf("%w: expected “(Language)” after the speaker %q", ErrNoLanguage, name))
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
	if spk, rest, ok := p.lx.namedTurn(t); ok {
		lang, spk2 := p.lx.leadingLanguage(spk)
		spk2, _ = trimVerb(spk2)
		if lang != "" {
			spk2 += " (" + lang + ")"
		}
		return p.turn(i, spk2, rest, Turn{Language: bite.Language}, stop, false, false), true
	}
	return i, false
}

// reutersStop reports lines that end a Reuters quotation's paragraph.
func (lx *lexicon) reutersStop(l string) bool {
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
	_, _, ok := lx.namedTurn(t)
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
			start := i
			body, i = p.joinHead(i, body)
			lang, body := p.lx.leadingLanguage(dropHeadNotes(body))
			body = strings.TrimLeft(body, " ,:;-–—")
			spk, rest, _ := p.lx.splitSpeaker(body)
			spk, _ = trimVerb(spk)
			if lang == "" {
				_, _, lang = p.lx.speakerParts(spk)
			}
			bite, i = p.biteHead(kind, i, spk, rest, lang, p.lx.reutersStop)
			p.headStart(start)
			inBite = true
			continue
		}
		if inBite {
			if next, ok := p.biteContinuation(i, t, p.lx.reutersStop, bite); ok {
				i = next
				continue
			}
		}
		inBite = false
		i++
	}
}

// isVOASOT reports a Voice of America "((SOT: …))" cue line.
func (lx *lexicon) isVOASOT(t string) bool {
	_, ok := lx.voaSOT(strings.TrimSpace(t))
	return ok
}

// voa reads a Voice of America SOT whose cue "((SOT: Name, title))" is on
// 0-based line i with body the part after the keyword. The lines after it
// carry the words as spoken, labelled with their language ("((ENG: "…"))"),
// and their translation into the script's language ("ESP: …"). The
// translation is the turn's text (the transcription when there is none)
// and the label of the spoken words its language. It returns the index of
// the line after the SOT.
func (p *parser) voa(i int, body string) int {
	p.newSOT(KindSOT, i)
	spk, rest, _ := p.lx.splitSpeaker(body)
	if r := strings.TrimSpace(rest); r != "" && startsWithOpener(r) {
		return p.turn(i, spk, rest, Turn{}, p.lx.ruptlyStop, false, true)
	}
	name, title, lang := p.lx.speakerParts(body)
	var spoken, translation string
	spokenLine, next := i, i+1
	for j := i + 1; j < len(p.lines) && j <= i+6; j++ {
		t := strings.TrimSpace(p.lines[j])
		if t == "" {
			continue
		}
		inner, dbl := strings.CutPrefix(t, "((")
		if dbl {
			inner = strings.TrimSpace(strings.TrimSuffix(inner, "))"))
		}
		label, text, ok := p.lx.labelled(inner)
		if !ok {
			break
		}
		if dbl || spoken == "" && translation == "" && p.lx.label(label) != p.lx.lang {
			if lang == "" {
				lang = label
			}
			spoken, spokenLine = text, j
		} else {
			translation = text
		}
		next = j + 1
	}
	text := translation
	if text == "" {
		text = spoken
	}
	text = p.cleanText(stripQuotes(text), p.ln(spokenLine))
	if name == "" {
		p.warn(p.ln(i), "soundbite names no speaker")
	}
	if lang == "" {
		p.problem(p.ln(i), 0, fmt.Errorf("%w: expected “(Language)” after the speaker %q, or the words labelled with their language (“((ENG: …))”)", ErrNoLanguage, name))
	}
	if text == "" {
		p.problem(p.ln(i), 0, fmt.Errorf("%w: expected the words (“((ENG: …))”) or their translation after the SOT", ErrNoText))
	}
	s := p.current()
	s.Turns = append(s.Turns, Turn{Speaker: name, Title: title, Language: lang, Text: text, Line: p.ln(i)})
	return next
}

// labelled splits a transcription line "ENG: text" or "ESP: text" whose
// label names a language; ok is false otherwise.
func (lx *lexicon) labelled(t string) (label, text string, ok bool) {
	c, w := firstColon(t)
	if c < 2 || c > 4 {
		return "", "", false
	}
	label = t[:c]
	if lx.label(label) == "" && lx.singleTag(label) == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(t[c+w:]), true
}

// stripQuotes removes the quote marks around a text, if it has them.
func stripQuotes(s string) string {
	s = strings.TrimSpace(s)
	open, n := utf8.DecodeRuneInString(s)
	if !isOpener(open) {
		return s
	}
	body := s[n:]
	if at, _ := lastCloser(body, closersFor(open)); at >= 0 && endsClosed(body, closersFor(open)) {
		return body[:at]
	}
	return body
}

// afterGroup splits a speaker part that runs on into its text without a
// colon or quote mark after a parenthesised group: "Sam Krug, factory
// general manager (Сэм Круг, директор завода) Думаю, …".
func afterGroup(body string) (spk, rest string) {
	for _, g := range parenGroups(body) {
		if g.start > 0 && !blank(body[g.end:]) {
			return body[:g.end], body[g.end:]
		}
	}
	return body, ""
}

// joinHead joins to a bite's head (body, on 0-based line i) the lines it
// was broken over: an unclosed "(" ("SOUNDBITE: (" / "French)") and a
// speaker part over several short lines that ends with a colon before a
// line opening with a quote mark. It returns the head and the index of
// its last line.
func (p *parser) joinHead(i int, body string) (string, int) {
	j := i
	for strings.Count(body, "(") > strings.Count(body, ")") && j+1 < len(p.lines) && j-i < 2 && !blank(p.lines[j+1]) {
		j++
		sep := " "
		if strings.HasSuffix(strings.TrimRight(body, " "), "(") {
			sep = ""
		}
		body = strings.TrimRight(body, " ") + sep + strings.TrimSpace(p.lines[j])
	}
	if c, _ := firstColon(strings.TrimLeft(body, " :")); c >= 0 || firstOpener(body) >= 0 {
		return body, j
	}
	var parts []string
	for k := j + 1; k < len(p.lines) && k <= j+6; k++ {
		t := strings.TrimSpace(p.lines[k])
		if t == "" || len(t) > 100 || startsWithOpener(t) || isAPBite(t) || isReutersBite(t) {
			break
		}
		if _, _, ok := header(t); ok {
			break
		}
		if _, num := shotNumber(t); num {
			break
		}
		parts = append(parts, t)
		if strings.HasSuffix(t, ":") && k+1 < len(p.lines) && startsWithOpener(strings.TrimSpace(p.lines[k+1])) {
			return strings.TrimRight(body, " ") + " " + strings.Join(parts, " "), k
		}
	}
	return body, j
}

// headStart dates the SOT just read, and its first turn, from line start
// where its head began.
func (p *parser) headStart(start int) {
	if len(p.pkg.SOTs) == 0 {
		return
	}
	s := p.current()
	if s.Line > p.ln(start) {
		s.Line = p.ln(start)
		if len(s.Turns) > 0 {
			s.Turns[0].Line = p.ln(start)
		}
	}
}
