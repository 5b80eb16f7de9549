package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

// DefaultProfile is the preset used when none is named: news soundbites
// for a general English-speaking audience.
const DefaultProfile = "broadcast-en"

// Durations shared by the presets.
//
// Netflix Timed Text Style Guide, General Requirements
// (partnerhelp.netflixstudios.com/hc/en-us/articles/215758617): minimum
// duration 5/6 second (20 frames at 24 fps), maximum 7 seconds, minimum
// gap 2 frames at every rate (timing guide, …/360051554394). The 0.5 s
// shot-change zone is the Netflix timing guide's "12 frames" at 24 fps;
// the 0.5 s hang is the guide's "up to half a second" past the end of
// speech (subtitle-rules.md, Timing).
func netflixMin() timing.Length { return timing.TimeLength(5 * time.Second / 6) }
func netflixMax() timing.Length { return timing.TimeLength(7 * time.Second) }
func halfSecond() timing.Length { return timing.TimeLength(time.Second / 2) }
func seconds(s float64) timing.Length {
	return timing.TimeLength(time.Duration(s * float64(time.Second)))
}

// netflix returns a Netflix preset: 2 lines, the general requirements'
// durations and gap, and the language guide's line length and CPS.
func netflix(name, lang string, cpl int, cps float64) rules.Profile {
	return rules.Profile{
		Name: name, Language: lang,
		MaxCharsPerLine: cpl,
		MaxLines:        2, // Netflix General Requirements: "no more than 2 lines"
		MaxCPS:          cps,
		MinDuration:     netflixMin(),
		MaxDuration:     netflixMax(),
		MinGapFrames:    2,
		ShotChangeZone:  halfSecond(),
		MaxHang:         halfSecond(),
		SpeakerChange:   rules.SpeakerNewCaption,
	}
}

// presets returns every preset by name. It builds a fresh map on each
// call so that no caller can change another's presets.
func presets() map[string]rules.Profile {
	p := map[string]rules.Profile{}

	// broadcast-en: 37 characters per line is the BBC/Teletext line
	// (BBC Subtitle Guidelines v1.2, "37 characters"); 17 cps is the top of
	// Ofcom's 160–180 words per minute at ≈5.7 characters per English word
	// (subtitle-rules.md); durations and gap as Netflix.
	b := netflix("broadcast-en", "en", 37, 17)
	p[b.Name] = b

	// Netflix English (USA) Timed Text Style Guide (…/articles/217350977):
	// 42 characters per line, 20 cps for adult programmes (17 for kids).
	p["netflix-en"] = netflix("netflix-en", "en", 42, 20)
	// Netflix Arabic Timed Text Style Guide: 42 characters; 20 cps adult
	// (CPS as published in vendor copies of the guide).
	p["netflix-ar"] = netflix("netflix-ar", "ar", 42, 20)
	// Netflix Spanish, French, German, Italian, Portuguese guides:
	// 42 characters per line, 17 cps adult (13 kids).
	for _, l := range []string{"es", "fr", "de", "it", "pt"} {
		p["netflix-"+l] = netflix("netflix-"+l, l, 42, 17)
	}
	// Netflix Russian guide: 42 characters (39 before December 2025),
	// 17 cps adult.
	p["netflix-ru"] = netflix("netflix-ru", "ru", 42, 17)
	// Netflix Japanese guide: 13 full-width characters per line (half-width
	// counts 0.5), 4 characters per second adult.
	p["netflix-ja"] = netflix("netflix-ja", "ja", 13, 4)
	// Netflix Chinese (Simplified) guide: 16 characters per line, 9 cps
	// adult (7 kids).
	p["netflix-zh-hans"] = netflix("netflix-zh-hans", "zh-Hans", 16, 9)
	// Netflix Korean guide: 16 characters per line (Latin, space and
	// punctuation count 0.5), 12 cps adult (9 kids).
	p["netflix-ko"] = netflix("netflix-ko", "ko", 16, 12)

	// BBC Subtitle Guidelines v1.2 (bbc.co.uk/accessibility/forproducts/
	// guides/subtitles/): 37 characters, 2 lines as the norm; 160–180 words
	// per minute, i.e. 0.33–0.375 s per word: 180 wpm × 5.67 characters per
	// word ÷ 60 ≈ 17 cps; about 0.3 s per word minimum, so one-word
	// captions stay 5/6 s as Netflix; gaps: "at least 1 second if any gap,
	// else chained" — chained captions touch, so the minimum gap is 0
	// frames; no maximum duration is given, Netflix's 7 s is kept.
	bbc := netflix("bbc", "en", 37, 17)
	bbc.MinGapFrames = 0
	p["bbc"] = bbc

	// TED Translators' cheat sheet (translations.ted.com/TED_Translators_
	// Cheat-sheet), the rules behind MuST-Cinema: 42 characters, 2 lines,
	// 21 cps, minimum 1 s, maximum 7 s; it sets no gap, Netflix's 2 frames
	// are kept.
	ted := netflix("ted", "en", 42, 21)
	ted.MinDuration = seconds(1)
	p["ted"] = ted

	// DCMP Captioning Key (dcmp.org/learn/597): 32 characters, 2 lines,
	// 150–160 words per minute for adult programmes: 160 × 5.67 ÷ 60 ≈ 15
	// cps; minimum 2 seconds; no maximum is given, Netflix's 7 s is kept.
	dcmp := netflix("dcmp", "en", 32, 15)
	dcmp.MinDuration = seconds(2)
	p["dcmp"] = dcmp
	return p
}

// profileOrder is the order Profiles lists the presets in.
func profileOrder() []string {
	return []string{
		"broadcast-en", "netflix-en", "netflix-ar", "netflix-es", "netflix-fr",
		"netflix-de", "netflix-it", "netflix-pt", "netflix-ru", "netflix-ja",
		"netflix-zh-hans", "netflix-ko", "bbc", "ted", "dcmp",
	}
}

// Profiles returns the names of the presets, the default first.
func Profiles() []string { return profileOrder() }

// Preset returns the rules of a named preset (case-insensitive). An unknown
// name is an error listing the known ones.
func Preset(name string) (rules.Profile, error) {
	r, ok := presets()[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return rules.Profile{}, fmt.Errorf("unknown profile %q: expected one of %s", name, strings.Join(Profiles(), ", "))
	}
	return r, nil
}

// PresetFor returns the preset for captions in the language tag (BCP 47):
// DefaultProfile for English, the language's Netflix preset where there is
// one ("fr" gives netflix-fr, "zh" netflix-zh-hans), and "" for a language
// without a preset (the caller keeps the default profile's limits).
func PresetFor(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	switch base {
	case "", "en":
		return DefaultProfile
	case "zh":
		return "netflix-zh-hans"
	}
	if _, ok := presets()["netflix-"+base]; ok {
		return "netflix-" + base
	}
	return ""
}
