package pipeline

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

// Overflow is a SOT whose captions cannot meet the profile inside its
// window: the reading time they need is more than the window and the hang
// allow, or a caption is on screen for less than the minimum duration.
// Such captions are written only when the caller allows it
// (--allow-overflow).
type Overflow struct {
	// Language is the caption language (BCP 47).
	Language string
	// SOT is the SOT's index, Line its line in the script.
	SOT, Line int
	// Window is the SOT's window, as timecodes "IN-OUT".
	Window string
	// NeededSeconds and AvailableSeconds are SOTPlan's.
	NeededSeconds, AvailableSeconds float64
	// MissingSeconds is NeededSeconds - AvailableSeconds, or 0.
	MissingSeconds float64
	// Chars is the number of characters the translation counts under the
	// profile; Cut is how many of them to cut, at least, to fit: every
	// character cut saves at most 1/MaxCPS seconds.
	Chars, Cut int
	// MaxCPS is the profile's reading speed.
	MaxCPS float64
	// Short are the captions (numbered over the output file, from 1) on
	// screen for less than MinDuration; Shortest is the least of their
	// durations in seconds.
	Short       []int
	Shortest    float64
	MinDuration float64
}

// String says which SOT does not fit and by how much (not its language:
// a caller with several languages names it).
func (o Overflow) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "SOT %d (script line %d, window %s) does not fit: ", o.SOT, o.Line, o.Window)
	if o.MissingSeconds > 0 {
		fmt.Fprintf(&b, "its captions need %.1f s of reading time at %g cps, the window and hang give %.1f s: %.1f s missing; cut at least %d of its %d characters",
			o.NeededSeconds, o.MaxCPS, o.AvailableSeconds, o.MissingSeconds, o.Cut, o.Chars)
		if len(o.Short) > 0 {
			b.WriteString("; ")
		}
	}
	if len(o.Short) > 0 {
		var nums []string
		for _, n := range o.Short[:min(len(o.Short), 4)] {
			nums = append(nums, fmt.Sprint(n))
		}
		list := strings.Join(nums, ", ")
		if more := len(o.Short) - len(nums); more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		word := "caption"
		if len(o.Short) > 1 {
			word = "captions"
		}
		fmt.Fprintf(&b, "%s %s on screen under the %.2f s minimum (shortest %.2f s)", word, list, o.MinDuration, o.Shortest)
	}
	return b.String()
}

// Overflows returns the SOTs whose captions cannot meet the profile
// inside their windows, in SOT order, or nil when every SOT fits.
func (r *Result) Overflows() []Overflow {
	var out []Overflow
	num := 0
	drop := r.EDL.DropFrame
	minF := r.rules.MinDuration.Frames(r.Rate)
	minD := r.Rate.Seconds(minF)
	for _, sp := range r.SOTs {
		first := num + 1
		num += len(sp.Captions)
		if !sp.Subtitled {
			continue
		}
		o := Overflow{Language: r.Document.Language, SOT: sp.Index, Line: sp.SOT.Line, MaxCPS: r.rules.MaxCPS,
			NeededSeconds: round(sp.NeededSeconds, 2), AvailableSeconds: round(sp.AvailableSeconds, 2), MinDuration: round(minD, 2),
			Window: timing.FormatTimecode(sp.Window.In, r.Rate, drop) + "-" + timing.FormatTimecode(sp.Window.Out, r.Rate, drop)}
		// Needed and available time are whole frames: compare in frames.
		if r.Rate.Frames(seconds(sp.NeededSeconds)) > r.Rate.Frames(seconds(sp.AvailableSeconds)) {
			o.MissingSeconds = round(sp.NeededSeconds-sp.AvailableSeconds, 2)
		}
		for k, c := range sp.Captions {
			if f := r.Rate.Frames(c.End) - r.Rate.Frames(c.Start); f < minF {
				o.Short = append(o.Short, first+k)
				if d := round(r.Rate.Seconds(f), 2); len(o.Short) == 1 || d < o.Shortest {
					o.Shortest = d
				}
			}
		}
		if o.MissingSeconds == 0 && len(o.Short) == 0 {
			continue
		}
		chars := 0.0
		for _, t := range sp.SOT.Turns {
			chars += r.rules.Chars(t.Text)
		}
		o.Chars = int(math.Ceil(chars))
		if o.MissingSeconds > 0 {
			o.Cut = min(o.Chars, int(math.Ceil((sp.NeededSeconds-sp.AvailableSeconds)*r.rules.MaxCPS-1e-9)))
		}
		out = append(out, o)
	}
	return out
}

func seconds(s float64) time.Duration { return time.Duration(math.Round(s * float64(time.Second))) }

// Rules returns the profile the result was generated under.
func (r *Result) Rules() rules.Profile { return r.rules }
