package script

import (
	"bytes"
	"strings"
)

// languageTags maps spoken-language names as scripts write them (lower case)
// to BCP 47 primary language subtags. It is never written after init.
var languageTags = map[string]string{
	"afrikaans": "af", "albanian": "sq", "amharic": "am", "arabic": "ar",
	"armenian": "hy", "azerbaijani": "az", "azeri": "az", "basque": "eu",
	"belarusian": "be", "bengali": "bn", "bangla": "bn", "bosnian": "bs",
	"bulgarian": "bg", "burmese": "my", "cantonese": "yue", "catalan": "ca",
	"chechen": "ce", "chinese": "zh", "mandarin": "zh", "putonghua": "zh",
	"croatian": "hr", "czech": "cs", "danish": "da", "dari": "prs",
	"dutch": "nl", "flemish": "nl", "english": "en", "estonian": "et",
	"farsi": "fa", "persian": "fa", "filipino": "fil", "tagalog": "tl",
	"finnish": "fi", "french": "fr", "georgian": "ka", "german": "de",
	"greek": "el", "gujarati": "gu", "haitian creole": "ht", "creole": "ht",
	"hausa": "ha", "hebrew": "he", "hindi": "hi", "hungarian": "hu",
	"icelandic": "is", "igbo": "ig", "indonesian": "id", "bahasa": "id",
	"irish": "ga", "gaelic": "ga", "italian": "it", "japanese": "ja",
	"kazakh": "kk", "khmer": "km", "korean": "ko", "kurdish": "ku",
	"kurmanji": "kmr", "sorani": "ckb", "kyrgyz": "ky", "lao": "lo",
	"latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "malay": "ms",
	"malayalam": "ml", "maltese": "mt", "marathi": "mr", "mongolian": "mn",
	"nepali": "ne", "norwegian": "no", "pashto": "ps", "pashtu": "ps",
	"polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro",
	"moldovan": "ro", "russian": "ru", "serbian": "sr", "sinhala": "si",
	"sinhalese": "si", "slovak": "sk", "slovenian": "sl", "somali": "so",
	"spanish": "es", "castilian": "es", "swahili": "sw", "swedish": "sv",
	"tajik": "tg", "tamil": "ta", "telugu": "te", "thai": "th",
	"tibetan": "bo", "tigrinya": "ti", "turkish": "tr", "turkmen": "tk",
	"ukrainian": "uk", "urdu": "ur", "uyghur": "ug", "uighur": "ug",
	"uzbek": "uz", "vietnamese": "vi", "welsh": "cy", "wolof": "wo",
	"yoruba": "yo", "zulu": "zu", "xhosa": "xh", "yiddish": "yi",
	"sign language": "sgn", "sign": "sgn", "latin": "la", "esperanto": "eo",
	"luxembourgish": "lb", "galician": "gl", "corsican": "co", "breton": "br",
	"berber": "ber", "tamazight": "ber", "kinyarwanda": "rw", "lingala": "ln",
	"oromo": "om", "shona": "sn", "malagasy": "mg", "fula": "ff",
	"bambara": "bm", "sango": "sg", "quechua": "qu", "guarani": "gn",
	"aymara": "ay", "maori": "mi", "samoan": "sm", "tongan": "to",
	"fijian": "fj", "hmong": "hmn", "kannada": "kn", "odia": "or",
	"assamese": "as", "sindhi": "sd", "balochi": "bal", "ossetian": "os",
	"tatar": "tt", "bashkir": "ba", "abkhaz": "ab", "chuvash": "cv",
}

// nonSpeech are words scripts put where a language goes when nothing is
// spoken (natural sound, music). They are accepted as "languages" when
// recognising speaker lines but have no tag.
var nonSpeech = map[string]bool{
	"nats": true, "natsound": true, "nat sound": true, "natural sound": true,
	"no dialogue": true, "none": true, "music": true, "mute": true, "silent": true,
}

// LanguageTag returns the BCP 47 primary language subtag for a spoken
// language named as scripts write it: "Arabic" gives "ar", "Mandarin" and
// "Chinese" give "zh", "Egyptian Arabic" gives "ar". Names in every
// language of ScriptLanguages are understood, as CLDR writes them and in
// the forms newsrooms derive from them: "arabe", "Arabisch", "árabe",
// "арабский", "на арабском", "العربية", "عربي", "Arapça", "阿拉伯语"; so are
// ISO 639 codes ("ar", "ara"; upper case only with three letters). For a
// list such as "Arabic/French" or "English and Russian" it returns the
// first language's tag. Case does not matter. An unknown name, or natural
// sound ("Nats"), gives "".
func LanguageTag(name string) string {
	return unionLexicon().tag(name)
}

// tag is LanguageTag with this lexicon's names.
func (lx *lexicon) tag(name string) string {
	tag := ""
	lx.eachLanguage(name, func(part string) bool {
		tag = lx.singleTag(part)
		return false
	})
	return tag
}

// normName writes name into buf in lower case with single spaces and
// returns the result, without allocating for names that fit.
func normName(buf []byte, name string) []byte {
	out := buf[:0]
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8RuneSelf {
			return []byte(normKey(name))
		}
		if c == ' ' || c == '\t' {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return out
}

const utf8RuneSelf = 0x80

// singleTag looks up one language name (no list).
func (lx *lexicon) singleTag(name string) string {
	var buf [64]byte
	n := normName(buf[:], name)
	if len(n) == 0 {
		return ""
	}
	if tag, ok := lx.nameB(n); ok {
		return tag
	}
	// A code written as such: "ar", "en", "ara" in lower case, or a
	// three-letter one in upper case ("ARA"); "(EU)" or "(UN)" after a
	// name is an organisation, not Basque.
	if t := strings.TrimSpace(name); (len(n) == 2 || len(n) == 3) && (string(n) == t || len(n) == 3 && strings.ToUpper(t) == t) {
		if tag, ok := lx.codes[string(n)]; ok {
			return tag
		}
	}
	// "Egyptian Arabic", "Brazilian Portuguese", "Arabic dialect",
	// "Swiss German", "на арабском языке": try the last word, then the
	// first, then any.
	if sp := bytes.LastIndexByte(n, ' '); sp >= 0 {
		if tag, ok := lx.wordB(n[sp+1:]); ok {
			return tag
		}
		if tag, ok := lx.wordB(n[:bytes.IndexByte(n, ' ')]); ok {
			return tag
		}
		for rest := n; len(rest) > 0; {
			w := rest
			if i := bytes.IndexByte(rest, ' '); i >= 0 {
				w, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			if tag, ok := lx.wordB(w); ok {
				return tag
			}
		}
	}
	return ""
}

// isNonSpeech reports natural sound and the like where a language goes.
func isNonSpeech(name string) bool {
	var buf [64]byte
	return nonSpeech[string(normName(buf[:], name))]
}

// eachLanguage calls fn with each name in a list of languages with the
// English lexicon.
func eachLanguage(s string, fn func(string) bool) { englishLexicon().eachLanguage(s, fn) }

// eachLanguage calls fn with each name in a list of languages
// ("Arabic/French", "English, Russian", "Arabic and English", "Arabic &
// French", "arabe et français", "عربي، إنجليزي"), trimmed and non-empty,
// until fn returns false. A colon ends the list: "Russian: followed by
// English translation" names Russian.
func (lx *lexicon) eachLanguage(s string, fn func(string) bool) {
	if c, _ := firstColon(s); c >= 0 {
		s = s[:c]
	}
	start := 0
	emit := func(end int) bool {
		if p := strings.TrimSpace(s[start:end]); p != "" {
			return fn(p)
		}
		return true
	}
	conj := lx.conjunctions()
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', ',', ';', '&', '+', '|':
			if !emit(i) {
				return
			}
			start = i + 1
		case 0xD8: // ، (U+060C)
			if strings.HasPrefix(s[i:], "،") {
				if !emit(i) {
					return
				}
				start = i + len("،")
				i = start - 1
			}
		case 0xEF, 0xE3: // ， (U+FF0C), 、 (U+3001)
			if strings.HasPrefix(s[i:], "，") || strings.HasPrefix(s[i:], "、") {
				if !emit(i) {
					return
				}
				start = i + 3
				i = start - 1
			}
		case ' ':
			for _, c := range conj {
				if len(s) > i+len(c)+1 && s[i+len(c)+1] == ' ' && strings.EqualFold(s[i+1:i+1+len(c)], c) {
					if !emit(i) {
						return
					}
					start = i + len(c) + 2
					i = start - 1
					break
				}
			}
		default:
			// Chinese joins without spaces: "阿拉伯语和英语".
			if s[i] >= 0xE4 && lx.lang == "zh" {
				for _, c := range conj {
					if c[0] >= 0xE4 && strings.HasPrefix(s[i:], c) {
						if !emit(i) {
							return
						}
						start = i + len(c)
						i = start - 1
						break
					}
				}
			}
		}
	}
	emit(len(s))
}

// languageList splits a list of languages into its names.
func languageList(s string) []string {
	var out []string
	eachLanguage(s, func(p string) bool {
		out = append(out, p)
		return true
	})
	return out
}

// isLanguageName reports whether part names one spoken language as a
// whole ("Arabic"), as a variety ("Egyptian Arabic") or with qualifiers
// ("in Arabic", "Arabic dialect", "на арабском языке", "باللغة العربية"),
// but not a phrase that merely contains one ("Arabic speaker").
func (lx *lexicon) isLanguageName(part string) bool {
	var buf [64]byte
	n := normName(buf[:], part)
	if len(n) == 0 {
		return false
	}
	if _, ok := lx.nameB(n); ok {
		return true
	}
	// A lower-case code written alone: "(ar)", "(en)".
	if (len(n) == 2 || len(n) == 3) && string(n) == strings.TrimSpace(part) {
		if _, ok := lx.codes[string(n)]; ok {
			return true
		}
	}
	if bytes.Count(n, []byte{' '}) > 4 {
		return false
	}
	var words [5][]byte
	nw := 0
	for rest := n; len(rest) > 0; nw++ {
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			words[nw], rest = rest[:i], rest[i+1:]
		} else {
			words[nw], rest = rest, nil
		}
	}
	lang := -1
	for i, w := range words[:nw] {
		if _, ok := lx.wordB(w); ok {
			lang = i
			continue
		}
		if lx.qualifierB(w) {
			continue
		}
		// An adjective before the language: "Egyptian Arabic".
		if i+1 < nw && lang < 0 {
			if _, ok := lx.wordB(words[i+1]); ok {
				continue
			}
		}
		return false
	}
	return lang >= 0
}

// isLanguageList reports, with the English lexicon, whether s names only
// spoken languages.
func isLanguageList(s string) bool { return englishLexicon().isLanguageList(s) }

// isLanguageList reports whether s names only spoken languages (with
// qualifiers) or natural sound, so that "(Arabic)" or "(Arabic/French)"
// after a name marks a speaker line while "(pictured)", "(LNA)" or
// "(Arabic speaker)" does not.
func (lx *lexicon) isLanguageList(s string) bool {
	n, langs, ok := 0, 0, true
	lx.eachLanguage(s, func(p string) bool {
		n++
		switch {
		case n > 4:
			ok = false
		case isNonSpeech(p), lx.isLanguageName(p):
			langs++
		default:
			ok = lx.qualifierPart(p)
		}
		return ok
	})
	return ok && langs > 0
}

// qualifierPart reports a list item that is only qualifiers: "translated",
// "18 sec".
func (lx *lexicon) qualifierPart(p string) bool {
	var buf [64]byte
	n := normName(buf[:], p)
	for rest := n; len(rest) > 0; {
		w := rest
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if !lx.qualifierB(w) {
			return false
		}
	}
	return len(n) > 0
}
