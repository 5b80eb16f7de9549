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
// "Chinese" give "zh", "Egyptian Arabic" gives "ar". For a list such as
// "Arabic/French" or "English and Russian" it returns the first language's
// tag. Case does not matter. An unknown name, or natural sound ("Nats"),
// gives "".
func LanguageTag(name string) string {
	tag := ""
	eachLanguage(name, func(part string) bool {
		tag = singleLanguageTag(part)
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
			return []byte(strings.ToLower(strings.Join(strings.Fields(name), " ")))
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

// singleLanguageTag looks up one language name (no list).
func singleLanguageTag(name string) string {
	var buf [64]byte
	n := normName(buf[:], name)
	if len(n) == 0 {
		return ""
	}
	if tag, ok := languageTags[string(n)]; ok {
		return tag
	}
	// A tag written as such, in lower case ("ar", "en"); "(EU)" or "(UN)"
	// after a name is an organisation, not Basque.
	if (len(n) == 2 || len(n) == 3) && string(n) == strings.TrimSpace(name) {
		for _, t := range languageTags {
			if t == string(n) {
				return t
			}
		}
	}
	// "Egyptian Arabic", "Brazilian Portuguese", "Arabic dialect",
	// "Swiss German": try the last word, then the first.
	if sp := bytes.LastIndexByte(n, ' '); sp >= 0 {
		if tag, ok := languageTags[string(n[sp+1:])]; ok {
			return tag
		}
		if tag, ok := languageTags[string(n[:bytes.IndexByte(n, ' ')])]; ok {
			return tag
		}
	}
	return ""
}

// isNonSpeech reports natural sound and the like where a language goes.
func isNonSpeech(name string) bool {
	var buf [64]byte
	return nonSpeech[string(normName(buf[:], name))]
}

// eachLanguage calls fn with each name in a list of languages
// ("Arabic/French", "English, Russian", "Arabic and English", "Arabic &
// French"), trimmed and non-empty, until fn returns false.
func eachLanguage(s string, fn func(string) bool) {
	start := 0
	emit := func(end int) bool {
		if p := strings.TrimSpace(s[start:end]); p != "" {
			return fn(p)
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', ',', ';', '&', '+', '|':
			if !emit(i) {
				return
			}
			start = i + 1
		case ' ':
			if i+5 <= len(s) && (s[i+1]|0x20) == 'a' && (s[i+2]|0x20) == 'n' && (s[i+3]|0x20) == 'd' && s[i+4] == ' ' {
				if !emit(i) {
					return
				}
				start = i + 5
				i += 4
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

// qualifiers are words scripts add to a language inside its parentheses
// ("Arabic, translated", "partly English").
var qualifiers = map[string]bool{
	"translated": true, "translation": true, "subtitled": true, "dubbed": true, "voiceover": true,
	"voice-over": true, "interpreted": true, "interpreter": true, "dialect": true, "partly": true,
	"mostly": true, "mixed": true, "in": true, "speaking": true, "with": true, "subtitles": true,
}

// isLanguageName reports whether part names one spoken language as a
// whole ("Arabic"), as a variety ("Egyptian Arabic") or with qualifiers
// ("in Arabic", "Arabic dialect"), but not a phrase that merely contains
// one ("Arabic speaker").
func isLanguageName(part string) bool {
	var buf [64]byte
	n := normName(buf[:], part)
	if len(n) == 0 {
		return false
	}
	if _, ok := languageTags[string(n)]; ok {
		return true
	}
	words := strings.Fields(string(n))
	if len(words) > 4 {
		return false
	}
	lang := -1
	for i, w := range words {
		if _, ok := languageTags[w]; ok && lang < 0 {
			lang = i
			continue
		}
		if qualifiers[w] {
			continue
		}
		// An adjective before the language: "Egyptian Arabic".
		if i+1 < len(words) && lang < 0 {
			if _, ok := languageTags[words[i+1]]; ok {
				continue
			}
		}
		return false
	}
	return lang >= 0
}

// isLanguageList reports whether s names only spoken languages (with
// qualifiers) or natural sound, so that "(Arabic)" or "(Arabic/French)"
// after a name marks a speaker line while "(pictured)", "(LNA)" or
// "(Arabic speaker)" does not.
func isLanguageList(s string) bool {
	n, langs, ok := 0, 0, true
	eachLanguage(s, func(p string) bool {
		n++
		switch {
		case n > 4:
			ok = false
		case isNonSpeech(p), isLanguageName(p):
			langs++
		default:
			var buf [64]byte
			if !qualifiers[string(normName(buf[:], p))] {
				ok = false
			}
		}
		return ok
	})
	return ok && langs > 0
}
