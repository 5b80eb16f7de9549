package tt

import (
	"errors"
	"testing"
	"time"

	"github.com/sotcap/sotcap/timing"
)

func TestParseTime(t *testing.T) {
	p30 := DefaultParams(timing.Rate{})
	p2997 := DefaultParams(timing.Rate2997())
	p25 := DefaultParams(timing.Rate25())
	ticks := DefaultParams(timing.Rate{})
	ticks.TickNum, ticks.TickDen = 10000000, 1
	sub := DefaultParams(timing.Rate25())
	sub.SubFrameRate = 2
	r2997 := timing.Rate2997()
	cases := []struct {
		in   string
		p    Params
		want time.Duration
	}{
		{"00:00:01", p30, time.Second},
		{"00:00:01.5", p30, 1500 * time.Millisecond},
		{"10:00:00.040", p25, 10*time.Hour + 40*time.Millisecond},
		{"100:00:00.000", p25, 100 * time.Hour},
		{"00:00:00.0000000005", p25, 1},
		{"00:00:01:12", p25, time.Second + 480*time.Millisecond},
		{"00:00:00:01", p2997, r2997.Duration(1)},
		// Media time: hh:mm:ss are real seconds, frames at the effective rate.
		{"00:00:01:00", p2997, time.Second},
		{"00:00:01:01.1", sub, time.Second + 60*time.Millisecond},
		{"1.5s", p30, 1500 * time.Millisecond},
		{"2h", p30, 2 * time.Hour},
		{"1.5m", p30, 90 * time.Second},
		{"250ms", p30, 250 * time.Millisecond},
		{"30f", p30, time.Second},
		{"107892f", p2997, r2997.Duration(107892)},
		{"25f", p25, time.Second},
		{"2.5f", p25, 100 * time.Millisecond},
		{"90000t", ticks, 9 * time.Millisecond},
		{"3t", p30, 3 * time.Second},
	}
	for _, c := range cases {
		got, err := ParseTime(c.in, &c.p)
		if err != nil || got != c.want {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestParseTimeErrors(t *testing.T) {
	p := DefaultParams(timing.Rate25())
	for _, in := range []string{"", "1", "1x", "s", "0:00:01", "00:0:01", "00:60:00", "00:00:61", "00:00:01:25",
		"00:00:01.", "00:00:01.x", "-1s", "1.s", "00:00:01:2", "00:00:01:02.", "12:34", "99999999999999h", "1e3s", "00:00:01:02.5"} {
		if d, err := ParseTime(in, &p); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", in, d)
		} else if !errors.Is(err, ErrTimeSyntax) && !errors.Is(err, ErrTimeRange) {
			t.Errorf("ParseTime(%q): %v is neither ErrTimeSyntax nor ErrTimeRange", in, err)
		}
	}
}

// Every frame of every supported rate, written as sotcap writes it
// (milliseconds), reads back within half a millisecond: snapping then
// recovers the frame exactly.
func TestClockRoundTripsFrames(t *testing.T) {
	p := DefaultParams(timing.Rate{})
	for _, r := range timing.SupportedRates() {
		for _, n := range []timing.Frame{0, 1, 29, 1799, 107892, 2589407} {
			d := r.Duration(n)
			got, err := ParseTime(string(AppendClock(nil, d)), &p)
			if err != nil {
				t.Fatal(err)
			}
			if diff := got - d; diff > 500*time.Microsecond || diff < -500*time.Microsecond || r.Frames(got) != n {
				t.Errorf("%s frame %d: %v read back as %v", r, n, d, got)
			}
		}
	}
}

func TestAppendClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "00:00:00.000", 1500 * time.Microsecond: "00:00:00.002", 36*time.Hour + 61*time.Second: "36:01:01.000",
		123 * time.Hour: "123:00:00.000",
	} {
		if got := string(AppendClock(nil, d)); got != want {
			t.Errorf("AppendClock(%v) = %s, want %s", d, got, want)
		}
	}
}
