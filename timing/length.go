package timing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Length is a span of time given either as a whole number of frames
// ("20f", which means a different real time at each rate) or as real time
// ("1.5s", "500ms", which means a different number of frames at each rate).
// The zero Length is zero frames.
type Length struct {
	frames   Frame
	d        time.Duration
	realTime bool
}

// FrameLength returns a Length of n frames.
func FrameLength(n Frame) Length { return Length{frames: n} }

// TimeLength returns a Length of real time d.
func TimeLength(d time.Duration) Length { return Length{d: d, realTime: true} }

// MaxLength is the longest Length ParseLength accepts: a day, in real
// time or in frames at the fastest supported rate (60 fps).
const MaxLength = 24 * time.Hour

// ParseLength parses "20f" (frames), "1.5s", "500ms", "0.5" (seconds) or
// any Go duration ("1m2s"). Negative lengths and lengths over MaxLength
// are errors.
func ParseLength(s string) (Length, error) {
	t := strings.TrimSpace(s)
	if f, ok := strings.CutSuffix(t, "f"); ok {
		n, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil || n < 0 || n > int64(MaxLength/time.Second)*60 {
			return Length{}, fmt.Errorf("length %q: expected a whole number of frames such as 20f, at most a day", s)
		}
		return FrameLength(Frame(n)), nil
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil {
		if !(v >= 0 && v <= MaxLength.Seconds()) { // also refuses NaN
			return Length{}, fmt.Errorf("length %q: expected seconds from 0 to a day", s)
		}
		return TimeLength(time.Duration(v * float64(time.Second))), nil
	}
	d, err := time.ParseDuration(t)
	if err != nil || d < 0 || d > MaxLength {
		return Length{}, fmt.Errorf("length %q: expected frames (20f) or a duration (1.5s, 500ms) up to a day", s)
	}
	return TimeLength(d), nil
}

// Frames returns the length in frames at rate r. A real-time length is
// rounded up to whole frames, so "at least 1.5 s" stays at least 1.5 s.
func (l Length) Frames(r Rate) Frame {
	if !l.realTime {
		return l.frames
	}
	return r.FramesCeil(l.d)
}

// IsZero reports whether l is zero frames or zero time.
func (l Length) IsZero() bool { return l.frames == 0 && l.d == 0 }

// String formats l the way ParseLength reads it ("20f", "1.5s").
func (l Length) String() string {
	if !l.realTime {
		return strconv.FormatInt(int64(l.frames), 10) + "f"
	}
	return l.d.String()
}

// MarshalText implements encoding.TextMarshaler.
func (l Length) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Length) UnmarshalText(b []byte) error {
	v, err := ParseLength(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
