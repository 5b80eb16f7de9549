// Package timing owns frame rates, SMPTE timecode, CMX 3600 edit decision
// lists, the cut list of a programme and the windows in which soundbites
// (SOTs) play.
//
// Every time in this package is an integer count of frames from
// 00:00:00:00 at a given Rate. Real time is derived from frames exactly,
// using the rate as a rational number (30000/1001 for 29.97), and rounded
// once, to the nearest nanosecond, when a time.Duration is asked for.
package timing

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Rate is a frame rate held as an exact rational number of frames per
// second (num/den). The zero Rate is invalid; IsZero reports it.
// Rates are comparable with ==.
type Rate struct {
	num, den int64
}

// Standard broadcast rates.
//
// These are functions rather than variables so that no package state can
// be changed by a caller.
func Rate23976() Rate { return Rate{24000, 1001} }

// Rate24 is 24 frames per second.
func Rate24() Rate { return Rate{24, 1} }

// Rate25 is 25 frames per second (PAL).
func Rate25() Rate { return Rate{25, 1} }

// Rate2997 is 30000/1001 frames per second (NTSC).
func Rate2997() Rate { return Rate{30000, 1001} }

// Rate30 is 30 frames per second.
func Rate30() Rate { return Rate{30, 1} }

// Rate48 is 48 frames per second.
func Rate48() Rate { return Rate{48, 1} }

// Rate50 is 50 frames per second.
func Rate50() Rate { return Rate{50, 1} }

// Rate5994 is 60000/1001 frames per second.
func Rate5994() Rate { return Rate{60000, 1001} }

// Rate60 is 60 frames per second.
func Rate60() Rate { return Rate{60, 1} }

// SupportedRates lists the rates sotcap accepts, in ascending order.
func SupportedRates() []Rate {
	return []Rate{Rate23976(), Rate24(), Rate25(), Rate2997(), Rate30(), Rate48(), Rate50(), Rate5994(), Rate60()}
}

// ErrUnknownRate is returned (wrapped) by ParseRate for a rate sotcap does
// not support.
var ErrUnknownRate = fmt.Errorf("unknown frame rate")

// ParseRate parses a frame rate as written by people and tools: "23.976",
// "23.98", "24", "25", "29.97", "30", "48", "50", "59.94", "60", or an
// exact fraction such as "30000/1001". Only the supported rates are
// accepted; anything else is an error wrapping ErrUnknownRate.
func ParseRate(s string) (Rate, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(t), "fps"), "p")
	t = strings.TrimSpace(t)
	var r Rate
	if n, d, ok := strings.Cut(t, "/"); ok {
		num, err1 := strconv.ParseInt(n, 10, 64)
		den, err2 := strconv.ParseInt(d, 10, 64)
		if err1 == nil && err2 == nil && den > 0 && num > 0 {
			r = reduce(num, den)
		}
	} else {
		switch t {
		case "23.976", "23.98", "23.97":
			r = Rate23976()
		case "29.97", "29.970":
			r = Rate2997()
		case "59.94", "59.940":
			r = Rate5994()
		default:
			if n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSuffix(t, ".000"), ".0"), 10, 64); err == nil && n > 0 {
				r = Rate{n, 1}
			}
		}
	}
	for _, ok := range SupportedRates() {
		if r == ok {
			return r, nil
		}
	}
	return Rate{}, fmt.Errorf("%w %q: expected one of 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60", ErrUnknownRate, s)
}

func reduce(num, den int64) Rate {
	a, b := num, den
	for b != 0 {
		a, b = b, a%b
	}
	return Rate{num / a, den / a}
}

// IsZero reports whether r is the zero (invalid) Rate.
func (r Rate) IsZero() bool { return r.den == 0 }

// Num returns the numerator of the rate in frames per second.
func (r Rate) Num() int64 { return r.num }

// Den returns the denominator of the rate in frames per second.
func (r Rate) Den() int64 { return r.den }

// Nominal returns the whole number of frames a timecode second counts:
// 24 for 23.976, 30 for 29.97, 60 for 59.94.
func (r Rate) Nominal() int {
	if r.den == 0 {
		return 0
	}
	return int((r.num + r.den - 1) / r.den)
}

// DropFrameCapable reports whether drop-frame timecode exists at r
// (29.97 and 59.94 only).
func (r Rate) DropFrameCapable() bool {
	return r == Rate2997() || r == Rate5994()
}

// FPS returns the rate as a floating-point number, for display only.
func (r Rate) FPS() float64 {
	if r.den == 0 {
		return 0
	}
	return float64(r.num) / float64(r.den)
}

// String formats r the way editors write it: "25", "29.97", "23.976".
func (r Rate) String() string {
	switch {
	case r.den == 0:
		return "0"
	case r.den == 1:
		return strconv.FormatInt(r.num, 10)
	case r == Rate23976():
		return "23.976"
	case r == Rate2997():
		return "29.97"
	case r == Rate5994():
		return "59.94"
	}
	return fmt.Sprintf("%d/%d", r.num, r.den)
}

// Duration returns the exact real time at which frame n starts, rounded to
// the nearest nanosecond. For every supported rate, Frames(Duration(n)) == n.
func (r Rate) Duration(n Frame) time.Duration {
	if r.den == 0 {
		return 0
	}
	// n * den * 1e9 / num, rounded half away from zero, without overflow for
	// any frame count a programme can have (n < 2^40).
	p := int64(n) * r.den
	hi, lo := p/r.num, p%r.num
	ns := hi*int64(time.Second) + roundDiv(lo*int64(time.Second), r.num)
	return time.Duration(ns)
}

// Frames returns the frame that is nearest to real time d (half a frame
// rounds away from zero). It is the one rounding rule sotcap uses to snap
// times to frames.
func (r Rate) Frames(d time.Duration) Frame {
	if r.den == 0 {
		return 0
	}
	// d * num / (den * 1e9), computed in big arithmetic only when d * num
	// could overflow (past about 42 hours at 60000/1001).
	ns := int64(d)
	if lim := math.MaxInt64 / r.num; ns > -lim && ns < lim {
		return Frame(roundDiv(ns*r.num, r.den*int64(time.Second)))
	}
	x := new(big.Int).Mul(big.NewInt(ns), big.NewInt(r.num))
	den := big.NewInt(r.den * int64(time.Second))
	q, m := new(big.Int).QuoRem(x, den, new(big.Int))
	m.Abs(m).Mul(m, big.NewInt(2))
	if m.Cmp(den) >= 0 {
		if x.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Frame(q.Int64())
}

// FramesCeil returns the smallest frame count whose duration is at least d.
func (r Rate) FramesCeil(d time.Duration) Frame {
	n := r.Frames(d)
	if r.Duration(n) < d {
		n++
	}
	return n
}

// Seconds returns the real time of n frames in seconds.
func (r Rate) Seconds(n Frame) float64 {
	if r.den == 0 {
		return 0
	}
	return float64(n) * float64(r.den) / float64(r.num)
}

// roundDiv divides a by b (b > 0) rounding half away from zero.
func roundDiv(a, b int64) int64 {
	q, m := a/b, a%b
	if m < 0 {
		m = -m
	}
	if 2*m >= b {
		if a < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}
