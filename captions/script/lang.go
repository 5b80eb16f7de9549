package script

import "strings"

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
	for _, part := range languageList(name) {
		if tag := singleLanguageTag(part); tag != "" {
			return tag
		}
		return ""
	}
	return ""
}

// singleLanguageTag looks up one language name (no list).
func singleLanguageTag(name string) string {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if n == "" {
		return ""
	}
	if tag, ok := languageTags[n]; ok {
		return tag
	}
	// A tag written as such, in lower case ("ar", "en"); "(EU)" or "(UN)"
	// after a name is an organisation, not Basque.
	if (len(n) == 2 || len(n) == 3) && n == strings.TrimSpace(name) {
		for _, t := range languageTags {
			if t == n {
				return t
			}
		}
	}
	// "Egyptian Arabic", "Brazilian Portuguese", "Arabic dialect",
	// "Swiss German": try the last word, then the first.
	words := strings.Fields(n)
	if len(words) > 1 {
		if tag, ok := languageTags[words[len(words)-1]]; ok {
			return tag
		}
		if tag, ok := languageTags[words[0]]; ok {
			return tag
		}
	}
	return ""
}

// languageList splits a list of languages ("Arabic/French", "English,
// Russian", "Arabic and English", "Arabic & French") into its names.
func languageList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	f := func(r rune) bool { return r == '/' || r == ',' || r == ';' || r == '&' || r == '+' || r == '|' }
	var out []string
	for _, p := range strings.FieldsFunc(s, f) {
		for _, q := range splitWord(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// splitWord splits s around sep, case-insensitively.
func splitWord(s, sep string) []string {
	var out []string
	for {
		i := strings.Index(strings.ToLower(s), sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
}

// isLanguageList reports whether s names only spoken languages or natural
// sound, so that "(Arabic)" or "(Arabic/French)" after a name marks a
// speaker line while "(pictured)" or "(LNA)" does not.
func isLanguageList(s string) bool {
	parts := languageList(s)
	if len(parts) == 0 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		n := strings.ToLower(strings.Join(strings.Fields(p), " "))
		if nonSpeech[n] {
			continue
		}
		if singleLanguageTag(p) == "" {
			return false
		}
		if len(strings.Fields(n)) > 3 {
			return false
		}
	}
	return true
}
