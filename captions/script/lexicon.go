package script

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// scriptLanguages are the languages of scripts whose language names,
// qualifiers and keywords the reader knows in that language.
var scriptLanguages = [...]string{"en", "fr", "de", "es", "it", "pt", "ru", "ar", "tr", "zh", "uk"}

// ScriptLanguages returns the languages, as BCP 47 primary subtags, in
// which the reader knows how scripts name spoken languages, with the
// forms newsrooms derive and the words that go with them. Reader.Language
// may name any other language CLDR has display names in; its names are
// then read as CLDR writes them.
func ScriptLanguages() []string { return append([]string(nil), scriptLanguages[:]...) }

// langTable holds what a script written in one language calls spoken
// languages: CLDR's display names in that language, the forms newsrooms
// derive from them ("на арабском", "عربي", "arabische"), qualifiers
// ("en", "auf", "язык") and conjunctions ("et", "und"). It is never written
// after it is built.
type langTable struct {
	lang   string
	names  map[string]string // normKey or foldKey of a name → primary subtag
	quals  map[string]bool   // qualifiers, normKey
	conj   []string          // conjunctions joining two languages
	stop   map[string]bool   // common words, for detecting the script's language
	labels map[string]string // upper-case three-letter labels ("ENG", "ESP") → subtag
}

// langTables is the immutable set of tables for ScriptLanguages, with the
// union that LanguageTag uses.
type langTables struct {
	byLang map[string]*langTable
	union  *langTable        // every table's names, English first
	codes  map[string]string // lower-case ISO 639 codes (two- and three-letter) → subtag
}

// tables builds the tables once, from CLDR data, on first use.
var tables = sync.OnceValue(func() *langTables {
	t := &langTables{byLang: map[string]*langTable{}, codes: map[string]string{}}
	bases := spokenBases()
	for _, b := range bases {
		t.codes[b.String()] = b.String()
		if iso3 := b.ISO3(); iso3 != "" && iso3 != b.String() {
			t.codes[iso3] = b.String()
		}
	}
	union := newLangTable("")
	for _, l := range scriptLanguages {
		lt := buildTable(l, bases)
		t.byLang[l] = lt
		union.merge(lt)
	}
	t.union = union
	return t
})

// spokenBases returns the languages that are given names: every language
// CLDR has locale data for, and those of the legacy English table, sorted
// with two-letter subtags first so that they win a shared name.
func spokenBases() []language.Base {
	seen := map[string]bool{}
	var out []language.Base
	add := func(b language.Base) {
		if s := b.String(); s != "und" && !seen[s] {
			seen[s] = true
			out = append(out, b)
		}
	}
	for _, tag := range display.Supported.Tags() {
		b, _ := tag.Base()
		add(b)
	}
	for _, tag := range languageTags {
		if b, err := language.ParseBase(tag); err == nil {
			add(b)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].String(), out[j].String()
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	return out
}

func newLangTable(lang string) *langTable {
	return &langTable{lang: lang, names: map[string]string{}, quals: map[string]bool{}, stop: map[string]bool{}, labels: map[string]string{}}
}

// add records a name for tag under its normalised and folded keys; a key
// already taken keeps its first tag.
func (lt *langTable) add(name, tag string) {
	k := normKey(name)
	if k == "" {
		return
	}
	if _, ok := lt.names[k]; !ok {
		lt.names[k] = tag
	}
	if f := foldKey(k); f != k {
		if _, ok := lt.names[f]; !ok {
			lt.names[f] = tag
		}
	}
}

// merge adds o's names, qualifiers, conjunctions and labels to lt.
func (lt *langTable) merge(o *langTable) {
	for k, v := range o.names {
		if _, ok := lt.names[k]; !ok {
			lt.names[k] = v
		}
	}
	for k := range o.quals {
		lt.quals[k] = true
	}
	for _, c := range o.conj {
		if !containsString(lt.conj, c) {
			lt.conj = append(lt.conj, c)
		}
	}
	for k, v := range o.labels {
		if _, ok := lt.labels[k]; !ok {
			lt.labels[k] = v
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// buildTable builds the table for scripts written in lang.
func buildTable(lang string, bases []language.Base) *langTable {
	lt := newLangTable(lang)
	tag, err := language.Parse(lang)
	if err != nil {
		return lt
	}
	if lang == "en" {
		// The legacy table first: newsroom names CLDR lacks ("Farsi",
		// "Mandarin", "Sign language").
		for name, t := range languageTags {
			lt.add(name, t)
		}
	}
	namer := display.Languages(tag)
	// Single-word names first; a name of several words one of which is
	// itself a language ("Swiss German", "Central Kurdish") is a variety
	// and is read as that language, as "Egyptian Arabic" is.
	var multi []language.Base
	for _, b := range bases {
		name := namer.Name(b)
		if name == "" {
			continue
		}
		if strings.ContainsRune(strings.TrimSpace(name), ' ') {
			multi = append(multi, b)
			continue
		}
		for _, f := range inflect(lang, name) {
			lt.add(f, b.String())
		}
	}
	for _, b := range multi {
		name := namer.Name(b)
		variety := false
		for _, w := range strings.Fields(normKey(name)) {
			if _, ok := lt.names[w]; ok {
				variety = true
				break
			}
		}
		if !variety {
			for _, f := range inflect(lang, name) {
				lt.add(f, b.String())
			}
		}
	}
	// Autonyms of the script languages ("español", "русский", "العربية")
	// are understood in a script of any language.
	for _, l := range scriptLanguages {
		t := language.Make(l)
		if self := display.Self.Name(t); self != "" {
			for _, f := range inflect(l, self) {
				lt.add(f, l)
			}
		}
	}
	w := words[lang]
	for _, q := range strings.Fields(w.quals) {
		lt.quals[normKey(q)] = true
	}
	for _, q := range strings.Fields(qualWords["en"]) {
		lt.quals[q] = true
	}
	lt.conj = strings.Fields(w.conj)
	for _, s := range strings.Fields(w.stop) {
		lt.stop[normKey(s)] = true
	}
	// Three-letter labels for the languages of a transcription
	// ("((ENG: …))", "ESP: …"): ISO 639-3 codes and the first three letters
	// of a language's name in English, in the script's language and in
	// its own.
	for _, b := range bases {
		s := b.String()
		if iso3 := b.ISO3(); len(iso3) == 3 {
			lt.labels[strings.ToUpper(iso3)] = s
		}
	}
	for _, l := range append([]string{lang}, scriptLanguages[:]...) {
		t := language.Make(l)
		for _, name := range []string{display.Self.Name(t), display.English.Languages().Name(t), namer.Name(t)} {
			if f := []rune(strings.ToUpper(foldKey(normKey(name)))); len(f) >= 3 {
				if _, ok := lt.labels[string(f[:3])]; !ok {
					lt.labels[string(f[:3])] = l
				}
			}
		}
	}
	return lt
}

// wordLists are the hand-written words of one script language: qualifiers
// that may stand beside a language name inside its parentheses,
// conjunctions that join two languages, and common words that tell the
// script's language. None of them names a language.
type wordLists struct{ quals, conj, stop string }

var qualWords = map[string]string{
	"en": "translated translation subtitled subtitles dubbed voiceover voice-over interpreted interpreter dialect partly mostly mixed in speaking with language followed by sec secs s seconds min mins minutes",
}

var words = map[string]wordLists{
	"en": {conj: "and", stop: "the and of to is in that for was with on said he she it they are by at from this"},
	"fr": {quals: "en langue traduit traduite traduction sous-titré sous-titres dialecte partiellement surtout voix off vo version originale parlé",
		conj: "et", stop: "le la les des est et une dans qui pour que sur pas avec il elle ont du au a été"},
	"de": {quals: "auf in übersetzt übersetzung dialekt teilweise sprache mit untertiteln untertitelt gesprochen",
		conj: "und", stop: "der die das und ist nicht mit sich auf für den dem ein eine sie es zu von wird hat"},
	"es": {quals: "en idioma lengua traducido traducida traducción dialecto subtitulado parcialmente hablado",
		conj: "y e", stop: "el los las que y es del en por una con para se su al lo como más pero"},
	"it": {quals: "in lingua tradotto tradotta traduzione dialetto sottotitolato parlato",
		conj: "e ed", stop: "il che di della è non gli per una sono con del le ha anche come nel"},
	"pt": {quals: "em língua idioma traduzido traduzida tradução dialeto legendado falado",
		conj: "e", stop: "o os da do não é em uma com para que se dos das ao foi mas pelo"},
	"ru": {quals: "на язык языке языка перевод переводом с диалект частично синхронный",
		conj: "и", stop: "и в не на что он она это как по с к из за мы они было для"},
	"uk": {quals: "мовою мова мові на переклад діалект",
		conj: "і та й", stop: "і в не на що він вона це як та з до за ми вони було для"},
	"ar": {quals: "اللغة باللغة لغة بلغة مترجم ترجمة لهجة باللهجة بلهجة",
		conj: "و", stop: "في من على إلى أن التي الذي هذا مع عن كان قال"},
	"tr": {quals: "dilinde dili çeviri tercüme lehçesi",
		conj: "ve", stop: "ve bir bu için ile de da çok olarak daha en ama ne"},
	"zh": {quals: "翻译 方言", conj: "和 与 及"},
}

// inflect returns a display name and the forms newsrooms derive from it in
// scripts written in lang.
func inflect(lang, name string) []string {
	out := []string{name}
	add := func(s string) { out = append(out, s) }
	n := strings.ToLower(name)
	switch lang {
	case "fr":
		// Feminine adjectives: "langue arabe", "anglaise", "italienne".
		switch {
		case strings.HasSuffix(n, "en"):
			add(n + "ne")
		case strings.HasSuffix(n, "c"):
			add(n + "que")
		case !strings.HasSuffix(n, "e") && !strings.Contains(n, " "):
			add(n + "e")
		}
	case "de", "nl":
		// Declined adjectives: "arabische", "arabischen", "Deutsche".
		if strings.HasSuffix(n, "sch") {
			for _, e := range []string{"e", "en", "er", "es"} {
				add(n + e)
			}
		}
	case "es", "it", "pt":
		// Feminine adjectives: "rusa", "inglesa", "alemana", "alemã".
		switch {
		case strings.HasSuffix(n, "o"):
			add(n[:len(n)-1] + "a")
		case strings.HasSuffix(n, "és"), strings.HasSuffix(n, "ês"):
			add(strings.TrimSuffix(strings.TrimSuffix(n, "és"), "ês") + "esa")
		case strings.HasSuffix(n, "án"):
			add(strings.TrimSuffix(n, "án") + "ana")
		case strings.HasSuffix(n, "ão"):
			add(strings.TrimSuffix(n, "ão") + "ã")
		case strings.HasSuffix(n, "ol"):
			add(n + "a")
		}
	case "ru":
		// Adjectives in -ий/-ой: "на арабском (языке)", "с арабского",
		// "по-арабски", "арабская (речь)"; nouns: "на иврите".
		r := []rune(n)
		switch {
		case len(r) > 3 && (strings.HasSuffix(n, "ий") || strings.HasSuffix(n, "ой") || strings.HasSuffix(n, "ый")):
			stem := string(r[:len(r)-2])
			add(stem + "ом")
			add(stem + "ого")
			add(stem + "ая")
			add("по-" + stem + "и")
		case len(r) > 3 && !strings.ContainsRune("аеёиоуыэюяь", r[len(r)-1]):
			add(n + "е")
		}
	case "uk":
		// "арабською (мовою)", "арабської", "по-арабськи".
		r := []rune(n)
		if len(r) > 3 && strings.HasSuffix(n, "ка") {
			stem := string(r[:len(r)-1])
			add(stem + "ою")
			add(stem + "ої")
			add("по-" + stem + "и")
		}
	case "ar":
		// CLDR writes the article and the feminine nisba ("العربية");
		// newsrooms also write "عربية", the masculine "عربي", and
		// "بالعربية" ("in Arabic").
		if rest, ok := strings.CutPrefix(n, "ال"); ok && rest != "" {
			add(rest)
			add("بال" + rest)
			if stem, ok := strings.CutSuffix(rest, "ية"); ok && stem != "" {
				add(stem + "ي")
				add("ال" + stem + "ي")
			}
		}
	case "zh":
		// "阿拉伯语" (the spoken language) and "阿拉伯文" (its writing).
		if stem, ok := strings.CutSuffix(n, "语"); ok && stem != "" {
			add(stem + "文")
		}
	}
	return out
}

// normKey returns s as a lookup key: lower case (with Turkish İ as i),
// NFC, no tatweel, single spaces, trimmed.
func normKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		var buf [64]byte
		return string(normName(buf[:], s))
	}
	s = strings.ReplaceAll(s, "İ", "i")
	s = strings.ReplaceAll(s, "\u0640", "") // Arabic tatweel
	s = norm.NFC.String(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// foldKey removes diacritics and Arabic vowel marks from a key ("árabe"
// and "ARABE" meet, "الكَنْتُونية" and "الكنتونية" too).
func foldKey(k string) string {
	changed := false
	for _, r := range k {
		if r >= 0xC0 {
			changed = true
			break
		}
	}
	if !changed {
		return k
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(k) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// lexicon is what one Read knows of language names: those of the script's
// language, then English ones. LanguageTag's lexicon knows every script
// language's.
type lexicon struct {
	lang    string     // the script's language ("en", "fr", …)
	primary *langTable // nil for English
	en      *langTable
	codes   map[string]string
	labels  map[string]string
}

// lexiconFor returns the lexicon of scripts written in lang (a primary
// subtag); "" or "en" gives the English one.
func lexiconFor(lang string) *lexicon {
	t := tables()
	lx := &lexicon{lang: "en", en: t.byLang["en"], codes: t.codes}
	lx.labels = lx.en.labels
	if lang == "" || lang == "en" {
		return lx
	}
	lx.lang = lang
	lt, ok := t.byLang[lang]
	if !ok {
		lt = buildTable(lang, spokenBases())
	}
	lx.primary = lt
	lx.labels = lt.labels
	return lx
}

var (
	englishLexicon = sync.OnceValue(func() *lexicon { return lexiconFor("en") })
	unionLexicon   = sync.OnceValue(func() *lexicon {
		t := tables()
		return &lexicon{lang: "", primary: t.union, en: t.byLang["en"], codes: t.codes, labels: t.union.labels}
	})
)

// name looks up a normalised name; ok is false when it names no language.
func (lx *lexicon) name(k string) (string, bool) {
	if lx.primary != nil {
		if tag, ok := lx.primary.names[k]; ok {
			return tag, true
		}
	}
	if tag, ok := lx.en.names[k]; ok {
		return tag, true
	}
	f := foldKey(k)
	if f == k {
		return "", false
	}
	if lx.primary != nil {
		if tag, ok := lx.primary.names[f]; ok {
			return tag, true
		}
	}
	tag, ok := lx.en.names[f]
	return tag, ok
}

// nameB is name for a key held in bytes, without allocating for ASCII.
func (lx *lexicon) nameB(b []byte) (string, bool) {
	if lx.primary != nil {
		if tag, ok := lx.primary.names[string(b)]; ok {
			return tag, true
		}
	}
	if tag, ok := lx.en.names[string(b)]; ok {
		return tag, true
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return lx.name(string(b))
		}
	}
	return "", false
}

// wordB is word for a key held in bytes.
func (lx *lexicon) wordB(b []byte) (string, bool) {
	if tag, ok := lx.nameB(b); ok {
		return tag, true
	}
	if len(b) > 0 && b[0] >= utf8.RuneSelf {
		return lx.word(string(b))
	}
	return "", false
}

// word looks up one word of a longer part: a name, or a name with the
// Arabic conjunction و ("and") before it.
func (lx *lexicon) word(w string) (string, bool) {
	if tag, ok := lx.name(w); ok {
		return tag, true
	}
	if rest, ok := strings.CutPrefix(w, "و"); ok && rest != "" {
		return lx.name(rest)
	}
	return "", false
}

// qualifierB reports a word that may stand beside a language name.
func (lx *lexicon) qualifierB(w []byte) bool {
	if lx.primary != nil && lx.primary.quals[string(w)] {
		return true
	}
	if lx.en.quals[string(w)] {
		return true
	}
	// Durations and timecodes: "18 sec", "00:28-00:44".
	for _, c := range w {
		if !(c >= '0' && c <= '9' || c == ':' || c == '-' || c == '.' || c == '\'' || c == '"') {
			return false
		}
	}
	return len(w) > 0
}

// conjunctions returns the words that join two languages in a list.
func (lx *lexicon) conjunctions() []string {
	if lx.primary != nil {
		// A new slice: appending to the shared table's would write into it
		// from every goroutine reading a script (a data race).
		return slices.Concat(lx.primary.conj, lx.en.conj)
	}
	return lx.en.conj
}

// label returns the language of a transcription label ("ENG", "ESP",
// "ARA"), or "".
func (lx *lexicon) label(s string) string {
	if len(s) != 3 {
		return ""
	}
	return lx.labels[strings.ToUpper(s)]
}
