package convert

import (
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestParseOffset(t *testing.T) {
	r25, r2997, r5994 := timing.Rate25(), timing.Rate2997(), timing.Rate5994()
	cases := []struct {
		s    string
		r    timing.Rate
		want time.Duration
	}{
		{"2s", timing.Rate{}, 2 * time.Second},
		{"+1m30s", timing.Rate{}, 90 * time.Second},
		{"-500ms", timing.Rate{}, -500 * time.Millisecond},
		{"01:02:03.5", timing.Rate{}, time.Hour + 2*time.Minute + 3500*time.Millisecond},
		{"-00:00:01,250", timing.Rate{}, -1250 * time.Millisecond},
		{"00:00:01", timing.Rate{}, time.Second},
		{"00:00:01:12", r25, 1480 * time.Millisecond},
		{"-10:00:00:00", r25, -10 * time.Hour},
		{"00:00:01:00", r2997, r2997.Duration(30)},
		{"00:01:00;02", r2997, r2997.Duration(1800)},
		{"00:10:00;00", r2997, r2997.Duration(17982)},
		{"01:00:00;00", r2997, r2997.Duration(107892)},
		{"00:01:00;04", r5994, r5994.Duration(3600)},
	}
	for _, tc := range cases {
		got, err := parseOffset(tc.s, tc.r, false)
		require.NoError(t, err, tc.s)
		assert.Equal(t, tc.want, got, tc.s)
	}
	for _, bad := range []struct{ s, msg string }{
		{"", "expected a duration"},
		{"-", "expected a duration"},
		{"abc", "expected a duration with a unit"},
		{"00:60:00.000", "minutes and seconds"},
		{"24:00:00.000", "hours 24 past 23"},
		{"00:00:01.x", "digits after the decimal point"},
		{"00:00", "expected HH:MM:SS.mmm"},
		{"00:00:01:25", "expected frames 00 to 24"},
		{"00:01:00;01", "frames 00 to 01 are skipped"},
		{"00:00:0a:00", "expected HH:MM:SS:FF"},
		{"00:00:01:1x", "expected HH:MM:SS:FF"},
	} {
		_, err := parseOffset(bad.s, r2997, false)
		if bad.s == "00:00:01:25" {
			_, err = parseOffset(bad.s, r25, false)
		}
		require.Error(t, err, bad.s)
		assert.Contains(t, err.Error(), bad.msg, bad.s)
	}
}
