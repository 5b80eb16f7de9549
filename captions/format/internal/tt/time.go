package tt

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"time"

	"github.com/sotcap/sotcap/timing"
)

// Params are a document's timing parameters (TTML 1 §6.2, TTML 2 §7.2).
type Params struct {
	// TimeBase is "media" (the default), "smpte" or "clock".
	TimeBase string
	// FrameRate is ttp:frameRate (30 when the document declares none).
	FrameRate int64
	// MulNum and MulDen are ttp:frameRateMultiplier (1 1 by default).
	MulNum, MulDen int64
	// SubFrameRate is ttp:subFrameRate (1 by default).
	SubFrameRate int64
	// TickNum/TickDen is the tick rate in ticks a second: ttp:tickRate,
	// or, when the document declares none, the effective frame rate times
	// the sub-frame rate if it declares a frame rate, else 1 (TTML 1
	// §6.2.10).
	TickNum, TickDen int64
	// DropMode is ttp:dropMode ("nonDrop", "dropNTSC", "dropPAL"); it
	// matters only in the smpte time base.
	DropMode string
	// FrameRateDeclared says ttp:frameRate was in the document.
	FrameRateDeclared bool
}

// DefaultParams returns the parameters of a document that declares none,
// with frame times counted at rate when it is not zero (TTML's default
// is 30 frames a second).
func DefaultParams(rate timing.Rate) Params {
	p := Params{TimeBase: "media", FrameRate: 30, MulNum: 1, MulDen: 1, SubFrameRate: 1, TickNum: 1, TickDen: 1}
	if !rate.IsZero() {
		p.FrameRate = int64(rate.Nominal())
		p.MulNum, p.MulDen = rate.Num(), rate.Den()*p.FrameRate
		p.reduceMul()
	}
	return p
}

func (p *Params) reduceMul() {
	g := gcd(p.MulNum, p.MulDen)
	if g > 1 {
		p.MulNum /= g
		p.MulDen /= g
	}
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Rate returns the effective frame rate as a timing.Rate when it is one
// sotcap supports (for snapping times to frames), or the zero Rate.
func (p *Params) Rate() timing.Rate {
	num, den := p.FrameRate*p.MulNum, p.MulDen
	g := gcd(num, den)
	if g == 0 {
		return timing.Rate{}
	}
	r, err := timing.ParseRate(strconv.FormatInt(num/g, 10) + "/" + strconv.FormatInt(den/g, 10))
	if err != nil {
		return timing.Rate{}
	}
	return r
}

// Errors about time expressions, wrapped in a *captions.ParseError.
var (
	ErrTimeSyntax = errors.New("unknown time expression")
	ErrTimeRange  = errors.New("time out of range")
)

// maxTime bounds every time read: far past any programme, far below
// time.Duration's limit, so that sums of times never overflow.
const maxTime = 100000 * time.Hour

func timeErr(s, why string) error {
	if why == "" {
		return fmt.Errorf("%w %q: expected a clock time such as 00:00:01.500 or 00:00:01:12, or an offset such as 1.5s, 40f or 90000t", ErrTimeSyntax, s)
	}
	return fmt.Errorf("%w %q: %s", ErrTimeRange, s, why)
}

// ParseTime parses a TTML time expression (TTML 1 §10.3.1): a clock time
// hh:mm:ss, hh:mm:ss.fraction or hh:mm:ss:frames[.subframes], or an
// offset time: a number followed by h, m, s, ms, f (frames) or t (ticks).
// The result is exact to the nanosecond (rounded half away from zero).
func ParseTime(s string, p *Params) (time.Duration, error) {
	if len(s) == 0 || len(s) > 64 {
		return 0, timeErr(s, "")
	}
	if s[0] >= '0' && s[0] <= '9' {
		if i := digits(s, 0); i < len(s) && s[i] == ':' {
			return parseClock(s, p)
		}
	}
	return parseOffset(s, p)
}

// digits returns the index of the first non-digit in s at or after i.
func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func atoi(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n, true
}

func parseClock(s string, p *Params) (time.Duration, error) {
	i := digits(s, 0)
	if i < 2 {
		return 0, timeErr(s, "")
	}
	h, ok := atoi(s[:i])
	if !ok || s[i] != ':' || len(s) < i+6 || s[i+3] != ':' {
		return 0, timeErr(s, "")
	}
	mm, sss := s[i+1:i+3], s[i+4:i+6]
	if digits(mm, 0) != 2 || digits(sss, 0) != 2 {
		return 0, timeErr(s, "")
	}
	m, _ := atoi(mm)
	sec, _ := atoi(sss)
	if m > 59 {
		return 0, timeErr(s, "minutes above 59")
	}
	if sec > 60 {
		return 0, timeErr(s, "seconds above 60")
	}
	whole := (h*60+m)*60 + sec
	if whole > int64(maxTime/time.Second) {
		return 0, timeErr(s, "past 100,000 hours")
	}
	rest := s[i+6:]
	base := time.Duration(whole) * time.Second
	switch {
	case rest == "":
		return base, nil
	case rest[0] == '.':
		n, k, ok := fraction(rest[1:])
		if !ok {
			return 0, timeErr(s, "")
		}
		return base + time.Duration(mulDivRound(n, 1e9, pow10[k])), nil
	case rest[0] == ':':
		j := digits(rest, 1)
		if j < 3 {
			return 0, timeErr(s, "")
		}
		f, ok := atoi(rest[1:j])
		if !ok {
			return 0, timeErr(s, "")
		}
		if f >= p.FrameRate {
			return 0, timeErr(s, fmt.Sprintf("frame %d at %d frames a second (ttp:frameRate)", f, p.FrameRate))
		}
		var sub int64
		if j < len(rest) {
			if rest[j] != '.' || digits(rest, j+1) != len(rest) || j+1 == len(rest) {
				return 0, timeErr(s, "")
			}
			sub, ok = atoi(rest[j+1:])
			if !ok || sub >= p.SubFrameRate {
				return 0, timeErr(s, fmt.Sprintf("sub-frame above ttp:subFrameRate %d", p.SubFrameRate))
			}
		}
		if p.TimeBase == "smpte" {
			return smpteTime(s, h, m, sec, f, sub, p)
		}
		// Media time: hours, minutes and seconds are real seconds and
		// the frames count at the effective frame rate (TTML 1 §10.3.1).
		return base + p.frames(f*p.SubFrameRate+sub, p.SubFrameRate), nil
	}
	return 0, timeErr(s, "")
}

// smpteTime reads hh:mm:ss:ff in the smpte time base as a timecode label.
func smpteTime(s string, h, m, sec, f, sub int64, p *Params) (time.Duration, error) {
	r := p.Rate()
	if r.IsZero() {
		return 0, timeErr(s, "the smpte time base at an unsupported frame rate")
	}
	tc := timing.Timecode{H: int(h), M: int(m), S: int(sec), F: int(f), Drop: p.DropMode == "dropNTSC" || p.DropMode == "dropPAL"}
	n, err := tc.Frame(r)
	if err != nil {
		return 0, timeErr(s, err.Error())
	}
	return r.Duration(n) + p.frames(sub, p.SubFrameRate), nil
}

// frames returns the time of n/div frames at the effective frame rate.
func (p *Params) frames(n, div int64) time.Duration {
	// n * MulDen / (div * FrameRate * MulNum) seconds.
	return ratDur(uint64(n), uint64(p.MulDen), uint64(div)*uint64(p.FrameRate)*uint64(p.MulNum))
}

// ratDur returns round(a * b * 1e9 / c) nanoseconds, saturating.
func ratDur(a, b, c uint64) time.Duration {
	hi, lo := bits.Mul64(a, b)
	if hi == 0 {
		return time.Duration(clampU(mulDivRound(lo, 1e9, c)))
	}
	x := new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
	x.Mul(x, big.NewInt(1e9))
	cc := new(big.Int).SetUint64(c)
	x.Add(x, new(big.Int).Rsh(cc, 1))
	x.Quo(x, cc)
	if !x.IsUint64() {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(clampU(x.Uint64()))
}

func clampU(u uint64) int64 {
	if u > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(u)
}

// mulDivRound returns round(a*b/c), saturating at MaxUint64.
func mulDivRound(a, b, c uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	if hi >= c {
		return math.MaxUint64
	}
	q, r := bits.Div64(hi, lo, c)
	if r >= c-r {
		q++
	}
	return q
}

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12}

// fraction reads the digits of a decimal fraction, keeping 12 at most
// (rounded), as n / 10^k.
func fraction(s string) (n uint64, k int, ok bool) {
	if len(s) == 0 || digits(s, 0) != len(s) {
		return 0, 0, false
	}
	for i := 0; i < len(s) && i < 12; i++ {
		n = n*10 + uint64(s[i]-'0')
		k++
	}
	if len(s) > 12 && s[12] >= '5' {
		n++
	}
	return n, k, true
}

func parseOffset(s string, p *Params) (time.Duration, error) {
	i := digits(s, 0)
	if i == 0 || i > 15 {
		return 0, timeErr(s, "")
	}
	whole, _ := atoi(s[:i])
	var fr uint64
	k := 0
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1)
		var ok bool
		if fr, k, ok = fraction(s[i+1 : j]); !ok {
			return 0, timeErr(s, "")
		}
		i = j
	}
	// value = (whole + fr/10^k) * num/den seconds.
	var num, den uint64
	switch s[i:] {
	case "h":
		num, den = 3600, 1
	case "m":
		num, den = 60, 1
	case "s":
		num, den = 1, 1
	case "ms":
		num, den = 1, 1000
	case "f":
		num, den = uint64(p.MulDen), uint64(p.FrameRate)*uint64(p.MulNum)
	case "t":
		num, den = uint64(p.TickDen), uint64(p.TickNum)
	default:
		return 0, timeErr(s, "")
	}
	d := ratDur(uint64(whole), num, den)
	if k > 0 {
		d += ratDur(fr, num, den*pow10[k])
	}
	if d >= maxTime || d < 0 {
		return 0, timeErr(s, "past 100,000 hours")
	}
	return d, nil
}

// AppendClock appends d as the clock time HH:MM:SS.mmm, rounded to the
// nearest millisecond (d must not be negative).
func AppendClock(b []byte, d time.Duration) []byte {
	ms := int64(d+500*time.Microsecond) / int64(time.Millisecond)
	h := ms / 3600000
	ms -= h * 3600000
	m := ms / 60000
	ms -= m * 60000
	sec := ms / 1000
	ms -= sec * 1000
	if h < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, h, 10)
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+sec/10), byte('0'+sec%10), '.',
		byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
}
