package timing

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrBadTimecode is wrapped by every error that ParseTimecode and
// Timecode.Frame return, so that callers can test with errors.Is.
var ErrBadTimecode = errors.New("bad timecode")

// TimecodeError describes a timecode that could not be read: what was
// written, at which rate, and what was expected instead. It wraps
// ErrBadTimecode.
type TimecodeError struct {
	// Timecode is the text as written.
	Timecode string
	// Rate and Drop are the rate and mode it was read at.
	Rate Rate
	Drop bool
	// Expected says what a valid timecode would have looked like.
	Expected string
}

// Error says which timecode failed, at which rate and mode, and what was
// expected.
func (e *TimecodeError) Error() string {
	mode := "non-drop frame"
	if e.Drop {
		mode = "drop frame"
	}
	return fmt.Sprintf("timecode %q at %s fps %s: expected %s", e.Timecode, e.Rate, mode, e.Expected)
}

// Unwrap returns ErrBadTimecode.
func (e *TimecodeError) Unwrap() error { return ErrBadTimecode }

// Timecode is a SMPTE timecode label split into its fields. The zero
// Timecode is 00:00:00:00 non-drop frame. A Timecode is only a label:
// whether it exists depends on the rate (see Frame).
type Timecode struct {
	H, M, S, F int
	// Drop marks a drop-frame label (written with ';').
	Drop bool
}

// dropPerMinute returns how many frame labels drop frame skips at the
// start of each minute not divisible by ten: 2 at 29.97, 4 at 59.94.
func dropPerMinute(nominal int) int64 { return int64(nominal) / 15 }

// SplitTimecode reads the fields of a timecode label "HH:MM:SS:FF"
// without checking them against a rate. Each field has two digits
// (hours one or more); separators are ':', ';', '.' or ','. The label is
// drop frame when any separator is ';' or ','. Minutes and seconds must be
// below 60; the frame field is not checked (see Timecode.Frame).
func SplitTimecode(s string) (Timecode, error) {
	var tc Timecode
	// Fields from the right: FF, SS, MM are exactly two digits.
	n := len(s)
	if n < 11 {
		return tc, syntaxError(s)
	}
	two := func(i int) (int, bool) {
		a, b := s[i], s[i+1]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return 0, false
		}
		return int(a-'0')*10 + int(b-'0'), true
	}
	var ok1, ok2, ok3 bool
	tc.F, ok1 = two(n - 2)
	tc.S, ok2 = two(n - 5)
	tc.M, ok3 = two(n - 8)
	if !ok1 || !ok2 || !ok3 {
		return Timecode{}, syntaxError(s)
	}
	for _, i := range [3]int{n - 3, n - 6, n - 9} {
		switch s[i] {
		case ':', '.':
		case ';', ',':
			tc.Drop = true
		default:
			return Timecode{}, syntaxError(s)
		}
	}
	h := s[:n-9]
	if len(h) < 1 || len(h) > 4 {
		return Timecode{}, syntaxError(s)
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c < '0' || c > '9' {
			return Timecode{}, syntaxError(s)
		}
		tc.H = tc.H*10 + int(c-'0')
	}
	if tc.M > 59 || tc.S > 59 {
		return Timecode{}, &TimecodeError{Timecode: s, Drop: tc.Drop, Expected: "minutes and seconds from 00 to 59"}
	}
	return tc, nil
}

func syntaxError(s string) error {
	return &TimecodeError{Timecode: s, Expected: "HH:MM:SS:FF (separators : ; . or ,)"}
}

// Frame returns the number of frames from 00:00:00:00 to tc at rate r. It
// fails for a frame field at or above the nominal rate, for a drop-frame
// label at a rate without drop frame, and for a drop-frame label that is
// skipped (00:01:00;00 at 29.97).
func (tc Timecode) Frame(r Rate) (Frame, error) {
	nom := r.Nominal()
	if nom == 0 {
		return 0, &TimecodeError{Timecode: tc.String(), Rate: r, Drop: tc.Drop, Expected: "a frame rate"}
	}
	if tc.F >= nom || tc.F < 0 || tc.M < 0 || tc.M > 59 || tc.S < 0 || tc.S > 59 || tc.H < 0 {
		return 0, &TimecodeError{Timecode: tc.String(), Rate: r, Drop: tc.Drop,
			Expected: "frames 00 to " + strconv.Itoa(nom-1) + ", minutes and seconds 00 to 59"}
	}
	minutes := int64(tc.H)*60 + int64(tc.M)
	n := (minutes*60+int64(tc.S))*int64(nom) + int64(tc.F)
	if !tc.Drop {
		return Frame(n), nil
	}
	if !r.DropFrameCapable() {
		return 0, &TimecodeError{Timecode: tc.String(), Rate: r, Drop: true,
			Expected: "non-drop frame: drop frame exists only at 29.97 and 59.94"}
	}
	d := dropPerMinute(nom)
	if tc.S == 0 && tc.M%10 != 0 && int64(tc.F) < d {
		return 0, &TimecodeError{Timecode: tc.String(), Rate: r, Drop: true,
			Expected: fmt.Sprintf("a label that exists in drop frame (frames 00 to %02d are skipped at the start of minutes not divisible by 10)", d-1)}
	}
	return Frame(n - d*(minutes-minutes/10)), nil
}

// ParseTimecode returns the frame count from 00:00:00:00 of timecode s at
// rate r. The timecode is drop frame when drop is true or when s uses ';'
// or ',' as a separator. Errors are *TimecodeError values wrapping
// ErrBadTimecode. ParseTimecode does not allocate unless it fails.
func ParseTimecode(s string, r Rate, drop bool) (Frame, error) {
	tc, err := SplitTimecode(s)
	if err != nil {
		te := err.(*TimecodeError)
		te.Rate, te.Drop = r, te.Drop || drop
		return 0, te
	}
	tc.Drop = tc.Drop || drop
	n, err := tc.Frame(r)
	if err != nil {
		err.(*TimecodeError).Timecode = s
	}
	return n, err
}

// TimecodeAt returns the timecode label of frame n (counted from
// 00:00:00:00) at rate r, drop frame if drop is true and r has drop frame
// (otherwise non-drop). Hours are not wrapped at 24. A negative n gives
// the label of -n with every field negated.
func TimecodeAt(frame Frame, r Rate, drop bool) Timecode {
	n := int64(frame)
	nom := int64(r.Nominal())
	if nom == 0 {
		return Timecode{}
	}
	neg := n < 0
	if neg {
		n = -n
	}
	drop = drop && r.DropFrameCapable()
	if drop {
		d := dropPerMinute(int(nom))
		per10 := nom*600 - 9*d
		perMin := nom*60 - d
		tens, rem := n/per10, n%per10
		n += 9 * d * tens
		if rem >= d {
			n += d * ((rem - d) / perMin)
		}
	}
	tc := Timecode{
		F:    int(n % nom),
		S:    int(n / nom % 60),
		M:    int(n / nom / 60 % 60),
		H:    int(n / nom / 3600),
		Drop: drop,
	}
	if neg {
		tc.H, tc.M, tc.S, tc.F = -tc.H, -tc.M, -tc.S, -tc.F
	}
	return tc
}

// AppendTimecode appends the label of frame n (see TimecodeAt) to dst, in
// the form FormatTimecode returns, without allocating when dst has room.
func AppendTimecode(dst []byte, n Frame, r Rate, drop bool) []byte {
	return TimecodeAt(n, r, drop).AppendTo(dst)
}

// FormatTimecode returns the label of frame n at rate r: "10:00:00:00",
// or "00:01:00;02" in drop frame (drop is ignored at rates without drop
// frame).
func FormatTimecode(n Frame, r Rate, drop bool) string {
	var b [24]byte
	return string(AppendTimecode(b[:0], n, r, drop))
}

// AppendTo appends tc as "HH:MM:SS:FF" ("HH:MM:SS;FF" when drop frame) to
// dst.
func (tc Timecode) AppendTo(dst []byte) []byte {
	h, m, s, f := tc.H, tc.M, tc.S, tc.F
	if h < 0 || m < 0 || s < 0 || f < 0 {
		dst = append(dst, '-')
		h, m, s, f = abs(h), abs(m), abs(s), abs(f)
	}
	if h < 10 {
		dst = append(dst, '0')
	}
	dst = strconv.AppendInt(dst, int64(h), 10)
	dst = append(dst, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
	if tc.Drop {
		dst = append(dst, ';')
	} else {
		dst = append(dst, ':')
	}
	if f >= 100 {
		return strconv.AppendInt(dst, int64(f), 10)
	}
	return append(dst, byte('0'+f/10), byte('0'+f%10))
}

// String returns tc as "HH:MM:SS:FF", or "HH:MM:SS;FF" for drop frame.
func (tc Timecode) String() string {
	var b [24]byte
	return string(tc.AppendTo(b[:0]))
}

// Add returns the label n frames after tc at rate r (before it when n is
// negative), keeping tc's drop-frame mode.
func (tc Timecode) Add(n Frame, r Rate) (Timecode, error) {
	f, err := tc.Frame(r)
	if err != nil {
		return Timecode{}, err
	}
	return TimecodeAt(f+n, r, tc.Drop), nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
