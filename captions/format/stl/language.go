package stl

import (
	"strings"

	"github.com/sotcap/sotcap/captions/measure"
	"golang.org/x/text/language"
)

// languageCodes is Tech 3264 Appendix 3 (language codes for the GSI LC
// field), keyed by ISO 639 code. Codes 2C–3F and 40–44 are reserved.
var languageCodes = map[string]string{
	// European languages in Latin-based alphabets.
	"sq":  "01", // Albanian
	"br":  "02", // Breton
	"ca":  "03", // Catalan
	"hr":  "04", // Croatian
	"cy":  "05", // Welsh
	"cs":  "06", // Czech
	"da":  "07", // Danish
	"de":  "08", // German
	"en":  "09", // English
	"es":  "0A", // Spanish
	"eo":  "0B", // Esperanto
	"et":  "0C", // Estonian
	"eu":  "0D", // Basque
	"fo":  "0E", // Faroese
	"fr":  "0F", // French
	"fy":  "10", // Frisian
	"ga":  "11", // Irish
	"gd":  "12", // Gaelic (Scottish)
	"gl":  "13", // Galician
	"is":  "14", // Icelandic
	"it":  "15", // Italian
	"se":  "16", // Lappish (Sami)
	"smi": "16",
	"la":  "17", // Latin
	"lv":  "18", // Latvian
	"lb":  "19", // Luxembourgian
	"lt":  "1A", // Lithuanian
	"hu":  "1B", // Hungarian
	"mt":  "1C", // Maltese
	"nl":  "1D", // Dutch
	"no":  "1E", // Norwegian
	"nb":  "1E",
	"nn":  "1E",
	"oc":  "1F", // Occitan
	"pl":  "20", // Polish
	"pt":  "21", // Portuguese
	"ro":  "22", // Romanian
	"rm":  "23", // Romansh
	"sr":  "24", // Serbian
	"sk":  "25", // Slovak
	"sl":  "26", // Slovenian
	"fi":  "27", // Finnish
	"sv":  "28", // Swedish
	"tr":  "29", // Turkish
	"vls": "2A", // Flemish (also nl-BE)
	"wa":  "2B", // Wallon
	// Other languages, counted down from 7F.
	"am":  "7F", // Amharic
	"ar":  "7E", // Arabic
	"hy":  "7D", // Armenian
	"as":  "7C", // Assamese
	"az":  "7B", // Azerbaijani
	"bm":  "7A", // Bambora
	"be":  "79", // Bielorussian
	"bn":  "78", // Bengali
	"bg":  "77", // Bulgarian
	"my":  "76", // Burmese
	"zh":  "75", // Chinese
	"cv":  "74", // Churash (Chuvash)
	"prs": "73", // Dari
	"ff":  "72", // Fulani
	"ka":  "71", // Georgian
	"el":  "70", // Greek
	"gu":  "6F", // Gujurati
	"gn":  "6E", // Gurani
	"ha":  "6D", // Hausa
	"he":  "6C", // Hebrew
	"hi":  "6B", // Hindi
	"id":  "6A", // Indonesian
	"ja":  "69", // Japanese
	"kn":  "68", // Kannada
	"kk":  "67", // Kazakh
	"km":  "66", // Khmer
	"ko":  "65", // Korean
	"lo":  "64", // Laotian
	"mk":  "63", // Macedonian
	"mg":  "62", // Malagasay
	"ms":  "61", // Malaysian
	"mo":  "60", // Moldavian
	"mr":  "5F", // Marathi
	"nd":  "5E", // Ndebele
	"ne":  "5D", // Nepali
	"or":  "5C", // Oriya
	"pap": "5B", // Papamiento
	"fa":  "5A", // Persian
	"pa":  "59", // Punjabi
	"ps":  "58", // Pushtu
	"qu":  "57", // Quechua
	"ru":  "56", // Russian
	"rue": "55", // Ruthenian
	"sh":  "54", // Serbo-croat
	"hbs": "54",
	"sn":  "53", // Shona
	"si":  "52", // Sinhalese
	"so":  "51", // Somali
	"srn": "50", // Sranan Tongo
	"sw":  "4F", // Swahili
	"tg":  "4E", // Tadzhik
	"ta":  "4D", // Tamil
	"tt":  "4C", // Tatar
	"te":  "4B", // Telugu
	"th":  "4A", // Thai
	"uk":  "49", // Ukrainian
	"ur":  "48", // Urdu
	"uz":  "47", // Uzbek
	"vi":  "46", // Vietnamese
	"zu":  "45", // Zulu
}

// LanguageCode returns the Tech 3264 Appendix 3 code (GSI LC) for a BCP 47
// tag: "09" for "en" or "en-GB", "0F" for "fr", "7E" for "ar". Dutch as
// spoken in Belgium ("nl-BE") is Flemish, "2A". ok is false (and the code
// "00", unknown) for an empty, malformed or unlisted language; the writer
// never substitutes another language.
func LanguageCode(tag string) (code string, ok bool) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return "00", false
	}
	t, err := language.Parse(tag)
	if err != nil {
		// Fall back to the primary subtag as written.
		if c, ok := languageCodes[measure.BaseLanguage(tag)]; ok {
			return c, true
		}
		return "00", false
	}
	base, _ := t.Base()
	b := base.String()
	if b == "nl" {
		if r, conf := t.Region(); conf == language.Exact && r.String() == "BE" {
			return "2A", true
		}
	}
	if c, ok := languageCodes[b]; ok {
		return c, true
	}
	if iso3 := base.ISO3(); iso3 != "" {
		if c, ok := languageCodes[iso3]; ok {
			return c, true
		}
	}
	return "00", false
}

// LanguageTag returns a BCP 47 tag for a GSI LC code ("09" → "en"), or ""
// for "00", reserved and unknown codes.
func LanguageTag(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	best := ""
	for tag, c := range languageCodes {
		// Prefer the shortest (ISO 639-1) tag, then the alphabetically first, so the answer is stable.
		if c == code && (best == "" || len(tag) < len(best) || len(tag) == len(best) && tag < best) {
			best = tag
		}
	}
	if code == "1E" {
		return "no"
	}
	return best
}

// TableFor returns the character table for a BCP 47 tag from its script:
// Cyrillic → 01, Arabic → 02, Greek → 03, Hebrew → 04, anything else → 00
// (Latin). A language written in a script no table has (Chinese, Hindi …)
// gets 00 and fails on its first character, naming it.
func TableFor(tag string) CharacterTable {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return TableLatin
	}
	s, _ := t.Script()
	name := s.String()
	if b, _ := t.Base(); b.String() == "prs" {
		name = "Arab" // Dari, which x/text does not know the script of
	}
	switch name {
	case "Cyrl":
		return TableCyrillic
	case "Arab":
		return TableArabic
	case "Grek":
		return TableGreek
	case "Hebr":
		return TableHebrew
	}
	return TableLatin
}

// countryFor returns the ISO 3166 alpha-3 code of the region a language tag
// names or implies ("en-GB" → "GBR", "ar" → "EGY"), and whether the region
// was written in the tag.
func countryFor(tag string) (code string, exact bool) {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil || t == language.Und {
		return "", false
	}
	r, conf := t.Region()
	if conf == language.No {
		return "", false
	}
	iso3 := r.ISO3()
	if len(iso3) != 3 || iso3 == "ZZZ" {
		return "", false
	}
	return iso3, conf == language.Exact
}
