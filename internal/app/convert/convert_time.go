package convert

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/timing"
)

// parseOffset reads convert's --offset: an optional sign, then a Go
// duration ("1.5s", "500ms", "1m2s"), a real time HH:MM:SS.mmm (or with a
// comma), or a timecode HH:MM:SS:FF counted at rate, which must then be set,
// and read by timing.ParseTimecode (drop-frame labels when drop is set or the
// timecode is written HH:MM:SS;FF).
func parseOffset(s string, rate timing.Rate, drop bool) (time.Duration, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		neg = t[0] == '-'
		t = t[1:]
	}
	var d time.Duration
	switch {
	case t == "":
		return 0, fmt.Errorf("%q: expected a duration (+2s, -500ms) or a time (-00:00:01.500, +00:00:10:00)", s)
	case strings.Count(t, ":") == 3 || strings.Contains(t, ";"):
		if rate.IsZero() {
			return 0, fmt.Errorf("%q is a timecode: give --fps so that its frames mean a time, or write it as -00:00:01.500", s)
		}
		f, err := timing.ParseTimecode(t, rate, drop)
		if err != nil {
			return 0, err
		}
		d = rate.Duration(f)
	case strings.Contains(t, ":"):
		v, err := parseClock(t)
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, err)
		}
		d = v
	default:
		v, err := time.ParseDuration(t)
		if err != nil || v < 0 {
			return 0, fmt.Errorf("%q: expected a duration with a unit (2s, 500ms, 1m30s), a time (00:00:01.500) or a timecode (00:00:10:00)", s)
		}
		d = v
	}
	if d >= 24*time.Hour {
		return 0, fmt.Errorf("%q: an offset of 24 hours or more puts every time past 24 hours", s)
	}
	if neg {
		d = -d
	}
	return d, nil
}

// parseClock reads HH:MM:SS, HH:MM:SS.mmm or HH:MM:SS,mmm (1 to 9
// fraction digits) as a real time.
func parseClock(s string) (time.Duration, error) {
	main, frac, hasFrac := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	parts := strings.Split(main, ":")
	if len(parts) != 3 {
		return 0, errors.New("expected HH:MM:SS.mmm")
	}
	h, m, sec, err := hms(parts)
	if err != nil {
		return 0, err
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	if hasFrac {
		if frac == "" || len(frac) > 9 || strings.Trim(frac, "0123456789") != "" {
			return 0, errors.New("expected digits after the decimal point in HH:MM:SS.mmm")
		}
		n, _ := strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
		d += time.Duration(n)
	}
	return d, nil
}

func hms(parts []string) (h, m, s int64, err error) {
	var v [3]int64
	for i, p := range parts {
		if p == "" || len(p) > 2 && i > 0 || strings.Trim(p, "0123456789") != "" {
			return 0, 0, 0, fmt.Errorf("%q is not a number of %s", p, [...]string{"hours", "minutes", "seconds"}[i])
		}
		v[i], _ = strconv.ParseInt(p, 10, 64)
	}
	if v[0] > 23 {
		return 0, 0, 0, fmt.Errorf("hours %d past 23", v[0])
	}
	if v[1] > 59 || v[2] > 59 {
		return 0, 0, 0, errors.New("minutes and seconds must be 00-59")
	}
	return v[0], v[1], v[2], nil
}
