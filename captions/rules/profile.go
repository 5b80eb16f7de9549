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
	// RuleMalformed is a caption the reader could not read and skipped:
	// it has no caption number (Violation.Caption is 0), only the place it
	// was found (Violation.Line, Violation.After) and the reason
	// (Violation.Message).
	RuleMalformed = "malformed"
)

// RuleNames returns every rule name, in the order reports list them.
func RuleNames() []string {
	return []string{RuleMalformed, RuleCPS, RuleCPL, RuleLines, RuleMinDuration, RuleMaxDuration,
		RuleGap, RuleOverlap, RuleOrder, RuleEmpty, RuleCharset, RuleShotChange}
}

// RuleTitle names a rule in words for people ("characters per line" for
// cpl); an unknown name is returned as it is.
func RuleTitle(rule string) string {
	switch rule {
	case RuleCPS:
		return "characters per second"
	case RuleCPL:
		return "characters per line"
	case RuleLines:
		return "lines"
	case RuleMinDuration:
		return "minimum duration"
	case RuleMaxDuration:
		return "maximum duration"
	case RuleGap:
		return "gap between captions"
	case RuleOverlap:
		return "overlap"
	case RuleOrder:
		return "order"
	case RuleEmpty:
		return "empty caption"
	case RuleCharset:
		return "character set"
	case RuleShotChange:
		return "shot change"
	case RuleMalformed:
		return "malformed (not read)"
	}
	return rule
}

// RuleUnit is the unit of a rule's Value and Limit ("characters",
// "frames", "s" for seconds, "CPS"); "" for a rule without a quantity
// (empty, charset, malformed).
func RuleUnit(rule string) string {
	switch rule {
	case RuleCPS:
		return "CPS"
	case RuleCPL:
		return "characters"
	case RuleLines:
		return "lines"
	case RuleMinDuration, RuleMaxDuration, RuleOverlap, RuleOrder:
		return "s"
	case RuleGap, RuleShotChange:
		return "frames"
	}
	return ""
}

// Violation is one broken rule on one caption, or one caption that could
// not be read at all (RuleMalformed).
type Violation struct {
	// Caption is the caption's index counted from 1 among the captions
	// read. It is 0 for a malformed caption, which was not read.
	Caption int
	// Rule is one of the Rule… constants.
	Rule string
	// Value is what the caption has and Limit what the rule allows, in the
	// rule's unit (see RuleUnit: characters, lines, seconds, characters per
	// second, frames). Both are 0 for a malformed caption.
	Value, Limit float64
	// Line is, for a malformed caption, where it starts in the input: the
	// 1-based line of a text format or TTI block of EBU STL; 0 when the
	// reader could not say. Other rules leave it 0.
	Line int
	// After is, for a malformed caption, how many captions were read
	// before it: it sits between caption After and caption After+1.
	After int
	// Message says, for a malformed caption, why it could not be read.
	Message string
}

// String formats v for people: "caption 3: cps 21.4 (limit 17)", or for a
// malformed caption "line 12: malformed: reason".
func (v Violation) String() string {
	if v.Rule == RuleMalformed {
		where := "input"
		if v.Line > 0 {
			where = fmt.Sprintf("line %d", v.Line)
		}
		return fmt.Sprintf("%s: %s: %s", where, v.Rule, v.Message)
	}
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
