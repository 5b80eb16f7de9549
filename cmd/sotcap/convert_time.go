package main

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
// comma), or a timecode HH:MM:SS:FF (HH:MM:SS;FF for drop frame) counted at
// rate, which must then be set.
//
// It stands in for timing.ParseTimecode until that lands.
func parseOffset(s string, rate timing.Rate) (time.Duration, error) {
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
		f, err := parseTimecode(t, rate)
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

// parseTimecode reads HH:MM:SS:FF (non-drop) or HH:MM:SS;FF (drop frame,
// 29.97 and 59.94 only) as a frame count from 00:00:00:00 at rate.
func parseTimecode(s string, rate timing.Rate) (int64, error) {
	drop := strings.Contains(s, ";")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == ';' })
	semi := strings.Count(s, ";")
	if len(parts) != 4 || strings.Count(s, ":")+semi != 3 || semi > 1 || (drop && strings.LastIndexAny(s, ":;") != strings.Index(s, ";")) {
		return 0, fmt.Errorf("timecode %q: expected HH:MM:SS:FF (or HH:MM:SS;FF for drop frame)", s)
	}
	h, m, sec, err := hms(parts[:3])
	if err != nil {
		return 0, fmt.Errorf("timecode %q: %w", s, err)
	}
	if len(parts[3]) > 2 || strings.Trim(parts[3], "0123456789") != "" {
		return 0, fmt.Errorf("timecode %q: %q is not a frame number", s, parts[3])
	}
	ff, _ := strconv.ParseInt(parts[3], 10, 64)
	nom := int64(rate.Nominal())
	if ff >= nom {
		return 0, fmt.Errorf("timecode %q: frame %d past %d at %s fps", s, ff, nom-1, rate)
	}
	if !drop {
		return ((h*60+m)*60+sec)*nom + ff, nil
	}
	if !rate.DropFrameCapable() {
		return 0, fmt.Errorf("timecode %q: drop frame (;) exists only at 29.97 and 59.94 fps, not %s", s, rate)
	}
	dropped := nom / 15 // 2 labels a minute at 29.97, 4 at 59.94
	if sec == 0 && m%10 != 0 && ff < dropped {
		return 0, fmt.Errorf("timecode %q: drop-frame labels skip frames 00-%02d at the start of each minute not divisible by 10", s, dropped-1)
	}
	minutes := h*60 + m
	return ((h*60+m)*60+sec)*nom + ff - dropped*(minutes-minutes/10), nil
}
