package cuetext

import (
	"errors"
	"time"
)

// Millis rounds d to the nearest millisecond, half a millisecond away from
// zero. It is the one rounding rule the SRT and WebVTT writers use.
func Millis(d time.Duration) int64 {
	ns := int64(d)
	q, r := ns/1e6, ns%1e6
	if r >= 500000 {
		q++
	} else if r <= -500000 {
		q--
	}
	return q
}

// AppendTime appends ms as HH:MM:SS<sep>mmm (at least two hour digits).
// ms must not be negative.
func AppendTime(b []byte, ms int64, sep byte) []byte {
	h := ms / 3600000
	ms -= h * 3600000
	m := ms / 60000
	ms -= m * 60000
	s := ms / 1000
	ms -= s * 1000
	if h < 100 {
		b = append(b, byte('0'+h/10), byte('0'+h%10))
	} else {
		b = appendInt(b, h)
	}
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), sep,
		byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
}

func appendInt(b []byte, n int64) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// AppendInt appends the decimal form of n (n >= 0).
func AppendInt(b []byte, n int) []byte { return appendInt(b, int64(n)) }

// Timestamp errors.
var (
	errTimeSyntax = errors.New("malformed timestamp")
	errTimeRange  = errors.New("minutes or seconds past 59 in timestamp")
)

// TimeSyntax describes what ParseTime accepts, for error messages.
type TimeSyntax struct {
	// Example is a well-formed timestamp ("00:01:02,500").
	Example string
	// EndExample is a well-formed end time ("00:01:04,000").
	EndExample string
	// OptionalHours allows MM:SS.mmm (WebVTT).
	OptionalHours bool
	// Seps lists the accepted separators before the fraction.
	Seps string
	// LooseFraction accepts 1 to 9 fraction digits read as a decimal
	// fraction ("1,5" is 1.5 s); Loose reports when that happened.
	LooseFraction bool
}

// ParseTime parses a timestamp at the start of s and returns it, the
// number of bytes used and whether the fraction or separator was loose
// (not exactly three digits, or not the first separator in Seps).
func ParseTime(s []byte, syn TimeSyntax) (d time.Duration, n int, loose bool, err error) {
	var fields [3]int64
	nf := 0
	i := 0
	for {
		start := i
		var v int64
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-start >= 9 {
				return 0, 0, false, errTimeSyntax
			}
			v = v*10 + int64(s[i]-'0')
			i++
		}
		if i == start {
			return 0, 0, false, errTimeSyntax
		}
		if nf > 0 && i-start != 2 {
			// minutes and seconds have exactly two digits
			return 0, 0, false, errTimeSyntax
		}
		fields[nf] = v
		nf++
		if i < len(s) && s[i] == ':' && nf < 3 {
			i++
			continue
		}
		break
	}
	if i >= len(s) {
		return 0, 0, false, errTimeSyntax
	}
	sepIdx := -1
	for k := 0; k < len(syn.Seps); k++ {
		if s[i] == syn.Seps[k] {
			sepIdx = k
		}
	}
	if sepIdx < 0 {
		return 0, 0, false, errTimeSyntax
	}
	loose = sepIdx > 0
	var h, m, sec int64
	switch {
	case nf == 3:
		h, m, sec = fields[0], fields[1], fields[2]
	case nf == 2 && syn.OptionalHours:
		m, sec = fields[0], fields[1]
		if !isDigit(s[0]) || !isDigit(s[1]) || (len(s) > 2 && s[2] != ':') {
			return 0, 0, false, errTimeSyntax
		}
	default:
		return 0, 0, false, errTimeSyntax
	}
	if m > 59 || sec > 59 {
		return 0, 0, false, errTimeRange
	}
	i++
	start := i
	var frac int64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 9 {
		frac = frac*10 + int64(s[i]-'0')
		i++
	}
	digits := i - start
	if i < len(s) && isDigit(s[i]) {
		return 0, 0, false, errTimeSyntax
	}
	switch {
	case digits == 3:
		frac *= 1e6
	case digits > 0 && syn.LooseFraction:
		loose = true
		for k := digits; k < 9; k++ {
			frac *= 10
		}
	default:
		return 0, 0, false, errTimeSyntax
	}
	if h > 1e6 {
		return 0, 0, false, errTimeSyntax
	}
	d = time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second + time.Duration(frac)
	return d, i, loose, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// FormatTime formats d (rounded to the millisecond) for messages.
func FormatTime(d time.Duration) string {
	ms := Millis(d)
	if ms < 0 {
		return "-" + string(AppendTime(nil, -ms, '.'))
	}
	return string(AppendTime(nil, ms, '.'))
}
