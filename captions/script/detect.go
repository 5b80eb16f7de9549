package script

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/sotcap/sotcap/captions"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// detectLanguage tells the language a script is written in from its
// letters (Arabic, Cyrillic, Han…), its common words and the languages in
// its parentheses: "(arabe)" is French, Spanish or Portuguese; "le", "et",
// "les" make it French. It returns a BCP 47 primary subtag, "en" when
// nothing tells.
func detectLanguage(lines []string) string {
	var latin, arabic, cyrillic, ukrainian, han, kana, hangul int
	score := map[string]int{}
	budget := 64 << 10
	t := tables()
	for _, l := range lines {
		if budget <= 0 {
			break
		}
		budget -= len(l)
		for _, w := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
			r := []rune(w)[0]
			switch {
			case r < 0x250:
				latin += len(w)
			case unicode.Is(unicode.Arabic, r):
				arabic += len(w)
			case unicode.Is(unicode.Cyrillic, r):
				cyrillic += len(w)
				if strings.ContainsAny(w, "іїєґІЇЄҐ") {
					ukrainian++
				}
			case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
				kana += len(w)
			case unicode.Is(unicode.Han, r):
				han += len(w)
			case unicode.Is(unicode.Hangul, r):
				hangul += len(w)
			}
			if r >= 0x250 || len(w) > 12 {
				continue
			}
			var buf [64]byte
			k := normName(buf[:], w)
			for _, lang := range scriptLanguages {
				if t.byLang[lang].stop[string(k)] {
					score[lang]++
				}
			}
		}
		// Language names in parentheses count more than common words.
		for _, g := range parenGroups(l) {
			k := normKey(l[g.in:g.out])
			if len(k) > 40 {
				continue
			}
			_, inEnglish := t.byLang["en"].names[k]
			for _, lang := range scriptLanguages {
				if _, ok := t.byLang[lang].names[k]; ok && (lang == "en" || !inEnglish) {
					score[lang] += 5
				} else if _, ok := t.byLang[lang].names[foldKey(k)]; ok && lang != "en" && !inEnglish {
					score[lang] += 3
				}
			}
		}
	}
	all := latin + arabic + cyrillic + han + kana + hangul
	switch {
	case all == 0:
		return "en"
	case arabic*10 > all*3:
		return "ar"
	case cyrillic*10 > all*3:
		if ukrainian*20 > cyrillic/8 {
			return "uk"
		}
		return "ru"
	case kana > 0 && (han+kana)*10 > all*3:
		return "ja"
	case han*10 > all*3:
		return "zh"
	case hangul*10 > all*3:
		return "ko"
	}
	best, bestScore := "en", score["en"]
	for _, lang := range scriptLanguages {
		if score[lang] > bestScore {
			best, bestScore = lang, score[lang]
		}
	}
	return best
}

// languageName returns the English name of a script language ("French"),
// for messages.
func languageName(lang string) string {
	if n := display.English.Languages().Name(language.Make(lang)); n != "" {
		return n
	}
	return lang
}

// tagShapes lists, for a "no soundbite found" error, the tags the reader
// looks for.
const tagShapes = "Ruptly/RT “SOT Name, title (Language): “…”” (or SYNCHRO, O-TON, СИНХРОН, TOTAL, DECLARACIÓN), " +
	"AP “N. SOUNDBITE (Language) Name, title:” (or UPSOUND), Reuters “(SOUNDBITE)(Language) NAME, TITLE, SAYING:” " +
	"or VOA “((SOT: Name, title))”, at the start of a line or inside a paragraph"

// noSOT builds the error for a script in which no dialect's tags were
// found: it says what was looked for and shows the line that came
// nearest, with why it did not count.
func (p *parser) noSOT() *captions.ParseError {
	best, bestScore, why := -1, 0, ""
	for i, l := range p.lines {
		if s, w := p.lx.nearMiss(l); s > bestScore {
			best, bestScore, why = i, s, w
		}
	}
	if best < 0 || bestScore < 3 {
		return p.fail(0, 0, fmt.Errorf("%w in %d lines: expected %s", ErrNoSOT, p.ln(len(p.lines)-1), tagShapes))
	}
	l := collapse(p.lines[best])
	if len([]rune(l)) > 100 {
		l = string([]rune(l)[:100]) + "…"
	}
	return p.fail(p.ln(best), 0, fmt.Errorf("%w in %d lines: expected %s; the nearest is line %d, %q: %s",
		ErrNoSOT, p.ln(len(p.lines)-1), tagShapes, p.ln(best), l, why))
}

// nearMissWords are soundbite keywords in any case, to spot tags written
// wrongly.
var nearMissWords = [...]string{"SOT", "SOUNDBITE", "SOUND BITE", "UPSOUND", "SYNCHRO", "O-TON", "СИНХРОН", "СНХР", "DECLARACIÓN"}

// nearMiss scores how close a line comes to a soundbite tag and says what
// it lacks.
func (lx *lexicon) nearMiss(l string) (int, string) {
	t := strings.TrimSpace(head(l, 400))
	if t == "" {
		return 0, ""
	}
	up := strings.ToUpper(t)
	kw := ""
	for _, w := range nearMissWords {
		if i := strings.Index(up, w); i >= 0 && (i == 0 || !unicode.IsLetter(rune(up[i-1]))) && keywordAt(up[i:], w) {
			kw = t[i : i+len(w)]
			break
		}
	}
	known, unknown := "", ""
	for _, g := range parenGroups(t) {
		inner := strings.TrimSpace(t[g.in:g.out])
		switch {
		case lx.isLanguageList(inner):
			known = inner
		case unknown == "" && inner != "" && len(strings.Fields(inner)) <= 3 && !strings.ContainsAny(inner, "0123456789") && strings.ToUpper(inner) != inner:
			unknown = inner
		}
	}
	colonQuote := false
	if c, w := firstColon(t); c >= 0 && startsWithOpener(strings.TrimSpace(t[c+w:])) {
		colonQuote = true
	}
	score := 0
	if kw != "" {
		score += 3
	}
	if known != "" {
		score += 2
	} else if unknown != "" {
		score++
	}
	if colonQuote {
		score++
	}
	var why string
	in := languageName(lx.lang)
	switch {
	case kw != "" && known == "" && unknown != "":
		why = fmt.Sprintf("“(%s)” is not a language name known in %s or English (give the script's language, or write the language as CLDR names it)", unknown, in)
	case kw != "" && known == "":
		why = fmt.Sprintf("it has %q but no “(Language)” naming the spoken language", kw)
	case kw != "" && kw != strings.ToUpper(kw) && kw != "O-Ton":
		why = fmt.Sprintf("%q is written in lower case; tags write it in capitals", kw)
	case kw != "":
		why = fmt.Sprintf("%q is not where a tag opens: at the start of a line, after a shot number, or after a sentence with a “(Language)” and a colon or quote following", kw)
	case known != "":
		why = fmt.Sprintf("it names a spoken language, “(%s)”, but has no soundbite keyword and no quotation right after “(%s):”", known, known)
	case unknown != "" && colonQuote:
		why = fmt.Sprintf("“(%s)” is not a language name known in %s or English", unknown, in)
	}
	return score, why
}
