// Package rules holds reading-speed profiles and the one checker that judges
// captions against them, for sotcap's own captions and for anybody else's.
package rules

import (
	"fmt"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/measure"
	"github.com/sotcap/sotcap/timing"
)

// Profile is a reading-speed profile: the limits every caption must keep.
// The presets and their sources live in package config; Profile itself is
// plain data so that the segmenter and the checker share one definition.
type Profile struct {
	// Name is the preset the rules came from ("broadcast-en"), for reports.
	Name string
	// Language is a BCP 47 tag; it picks line-break rules and counting.
	Language string
	// MaxCharsPerLine limits each line, in counted characters (see measure.Chars).
	MaxCharsPerLine int
	// MaxLines limits the lines of one caption.
	MaxLines int
	// MaxCPS limits characters per second (see measure.CPS).
	MaxCPS float64
	// MinDuration and MaxDuration bound each caption's display time.
	MinDuration, MaxDuration timing.Length
	// MinGapFrames is the least gap between consecutive captions, in frames
	// at every rate.
	MinGapFrames int
	// ShotChangeZone is how far from a cut an in or out time must stay
	// unless it is on the cut.
	ShotChangeZone timing.Length
	// MaxHang is how long a caption may stay up past the end of its SOT
	// window when nothing follows.
	MaxHang timing.Length
	// SpeakerChange is SpeakerNewCaption or SpeakerDash.
	SpeakerChange string
}

// Speaker-change policies for Profile.SpeakerChange.
const (
	SpeakerNewCaption = "new-caption"
	SpeakerDash       = "dash"
)

// Rule names, as reports and `sotcap check` write them.
const (
	RuleCPS         = "cps"
	RuleCPL         = "cpl"
	RuleLines       = "lines"
	RuleMinDuration = "min_duration"
	RuleMaxDuration = "max_duration"
	RuleGap         = "gap"
	RuleOverlap     = "overlap"
	RuleOrder       = "order"
	RuleEmpty       = "empty"
	RuleCharset     = "charset"
	RuleShotChange  = "shot_change"
)

// Violation is one broken rule on one caption.
type Violation struct {
	// Caption is the caption's index counted from 1.
	Caption int
	// Rule is one of the Rule… constants.
	Rule string
	// Value is what the caption has and Limit what the rule allows, in the
	// rule's unit (characters, lines, seconds, characters per second,
	// frames).
	Value, Limit float64
}

// String formats v for people: "caption 3: cps 21.4 > 17".
func (v Violation) String() string {
	return fmt.Sprintf("caption %d: %s %.4g (limit %.4g)", v.Caption, v.Rule, v.Value, v.Limit)
}

// Chars returns the counted characters of s in the profile's language
// (measure.Chars).
func (p Profile) Chars(s string) float64 { return measure.Chars(s, p.Language) }

// CaptionChars returns the counted characters of a caption in the
// profile's language (measure.CaptionChars).
func (p Profile) CaptionChars(c captions.Caption) float64 {
	return measure.CaptionChars(c, p.Language)
}

// CPS returns the caption's characters per second in the profile's
// language (measure.CPS).
func (p Profile) CPS(c captions.Caption) float64 { return measure.CPS(c, p.Language) }

// Words returns the caption's words in the profile's language
// (measure.Words).
func (p Profile) Words(c captions.Caption) int { return measure.Words(c, p.Language) }

// WPM returns the caption's words per minute in the profile's language
// (measure.WPM).
func (p Profile) WPM(c captions.Caption) float64 { return measure.WPM(c, p.Language) }
