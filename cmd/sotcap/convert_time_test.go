package main

import (
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/timing"
)

// FuzzParseOffset: any --offset text either fails or gives less than a day
// either way; a timecode is a whole number of frames; and the sign only
// negates.
func FuzzParseOffset(f *testing.F) {
	for _, s := range []string{"2s", "+1m30s", "-500ms", "01:02:03.5", "-00:00:01,250", "00:00:01:12", "-10:00:00:00", "00:01:00;02", "+00:10:00;00", "1h", "-", "", "00:00:01.123456789"} {
		f.Add(s, uint8(2))
	}
	rates := timing.SupportedRates()
	f.Fuzz(func(t *testing.T, s string, ri uint8) {
		var r timing.Rate
		if int(ri) < len(rates) {
			r = rates[ri]
		}
		drop := ri%2 == 1
		d, err := parseOffset(s, r, drop)
		if err != nil {
			return
		}
		if d >= 24*time.Hour || d <= -24*time.Hour {
			t.Fatalf("%q: %v", s, d)
		}
		body := strings.TrimLeft(strings.TrimSpace(s), "+-")
		if !r.IsZero() && (strings.Count(body, ":") == 3 || strings.Contains(body, ";")) {
			if r.Duration(r.Frames(d)) != d {
				t.Fatalf("%q at %s: %v is not on a frame", s, r, d)
			}
		}
		t2 := strings.TrimSpace(s)
		if strings.HasPrefix(t2, "+") || strings.HasPrefix(t2, "-") {
			t2 = t2[1:]
		}
		if p, err := parseOffset("-"+t2, r, drop); err != nil || p != -absDur(d) {
			t.Fatalf("%q: -%q gives %v, %v; want %v", s, t2, p, err, -absDur(d))
		}
	})
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
