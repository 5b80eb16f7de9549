// Package proptest generates the random texts and profiles of sotcap's
// property tests, shared by the segmentation and placement tests.
package proptest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

var propWords = map[string][]string{
	"en": strings.Fields(`the a of to and in that is was he for it with as his on be at by I this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people Mr. how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three President Barack Obama 1,000 $5 2010 extraordinary unbelievable, understanding. really? yes! "quoted" (aside) -- well: semi;`),
	"fr": strings.Fields(`le la les un une de du des et à en dans que qui est sont il elle nous vous ne pas très plus aujourd'hui l'homme j'ai qu'il c'est maison voiture grande petite rouge parce Paris, Marie. vraiment? oui!`),
	"de": strings.Fields(`der die das und ist nicht ein eine zu mit auf für von dem den Haus Straße Bundesregierung, heute. wirklich? ja! Donaudampfschiff`),
	"ar": strings.Fields(`في من إلى على أن هذا هذه التي الذي قال الرئيس الروسي موسكو، اليوم. هل؟ نعم لا لم سوف كان`),
	"ja": nil,
}

const jaChars = "日本語の文章はスペースを使わずに書かれます。私は東京に住んでいます、そして毎日電車で会社へ行きます！「こんにちは」と彼は言った。ー小さなっゃ"

// RandText returns a random text of lang of up to 60 words, none longer
// than maxWord characters.
func RandText(rng *rand.Rand, lang string, maxWord int) string {
	n := 1 + rng.IntN(60)
	if rng.IntN(5) == 0 {
		n = 1 + rng.IntN(4)
	}
	if lang == "ja" {
		rs := []rune(jaChars)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(rs[rng.IntN(len(rs))])
			if rng.IntN(15) == 0 {
				b.WriteString(" Tokyo ")
			}
		}
		return b.String()
	}
	words := propWords[lang]
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		w := words[rng.IntN(len(words))]
		if len([]rune(w)) > maxWord {
			w = string([]rune(w)[:maxWord])
		}
		out = append(out, w)
	}
	sep := " "
	if rng.IntN(4) == 0 {
		sep = "  \t"
	}
	return strings.Join(out, sep)
}

// RandProfile returns a random profile.
func RandProfile(rng *rand.Rand) rules.Profile {
	langs := []string{"en", "en", "fr", "de", "ar", "ja"}
	r := rules.Profile{
		Language:        langs[rng.IntN(len(langs))],
		MaxCharsPerLine: 13 + rng.IntN(40),
		MaxLines:        1 + rng.IntN(3),
		MaxCPS:          float64(8 + rng.IntN(18)),
		MinDuration:     timing.FrameLength(timing.Frame(10 + rng.IntN(40))),
		MaxDuration:     timing.TimeLength(time.Duration(5+rng.IntN(5)) * time.Second),
		MinGapFrames:    rng.IntN(4),
		ShotChangeZone:  timing.TimeLength(time.Second / 2),
		MaxHang:         timing.TimeLength(time.Duration(rng.IntN(1000)) * time.Millisecond),
		SpeakerChange:   []string{rules.SpeakerNewCaption, rules.SpeakerDash}[rng.IntN(2)],
	}
	if r.Language == "ja" {
		r.MaxCPS = 4 + float64(rng.IntN(5))
	}
	return r
}

// Flat returns the words of text (CJK: its non-space characters).
func Flat(text string, cjk bool) string {
	if cjk {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, text)
	}
	return strings.Join(strings.Fields(text), " ")
}

// Cases returns n, or a tenth of it in -short mode.
func Cases(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}
