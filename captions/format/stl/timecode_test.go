package stl

import (
	"time"

	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// TestFrameLabelReference checks the labels stl writes and reads against
// the shared SMPTE reference table (copied to
// testdata/timecode_reference.csv).
func TestFrameLabelReference(t *testing.T) {
	f, err := os.Open("testdata/timecode_reference.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, row := range rows[1:] {
		r, err := timing.ParseRate(row[1] + "/" + row[2])
		if err != nil {
			t.Fatal(err)
		}
		drop := row[4] == "DF"
		f64, _ := strconv.ParseInt(row[6], 10, 64)
		frame := timing.Frame(f64)
		tc := strings.ReplaceAll(row[5], ";", ":")
		l := timing.TimecodeAt(frame, r, drop)
		l.Drop = false
		if got := l.String(); got != tc {
			t.Errorf("%s %s frame %d: label %s, want %s", row[0], row[4], frame, got, tc)
		}
		var back timing.Timecode
		p := strings.Split(tc, ":")
		back.H, _ = strconv.Atoi(p[0])
		back.M, _ = strconv.Atoi(p[1])
		back.S, _ = strconv.Atoi(p[2])
		back.F, _ = strconv.Atoi(p[3])
		back.Drop = drop
		bn, ok := labelFrame(back, r)
		if !ok || bn != frame {
			t.Errorf("%s %s %s: frame %d %v, want %d", row[0], row[4], tc, bn, ok, frame)
		}
		n++
	}
	if n < 40 {
		t.Fatalf("only %d reference rows", n)
	}
}

// TestFrameLabelRoundTrip walks every frame of the first 11 minutes at the
// drop-frame rates and checks labels are increasing, never dropped, and
// convert back.
func TestFrameLabelRoundTrip(t *testing.T) {
	for _, r := range []timing.Rate{timing.Rate2997(), timing.Rate5994()} {
		fps := r.Nominal()
		prev := timing.Frame(-1)
		for fr := timing.Frame(0); fr < timing.Frame(fps)*60*11; fr++ {
			l := timing.TimecodeAt(fr, r, true)
			if l.S == 0 && l.M%10 != 0 && l.F < fps/15 {
				t.Fatalf("fps %d frame %d: dropped label %v", fps, fr, l)
			}
			back, ok := labelFrame(l, r)
			if !ok || back != fr {
				t.Fatalf("fps %d frame %d: label %v back to %d %v", fps, fr, l, back, ok)
			}
			if back <= prev {
				t.Fatal("not increasing")
			}
			prev = back
		}
	}
	if _, ok := labelFrame(timing.Timecode{M: 1, Drop: true}, timing.Rate2997()); ok {
		t.Error("00:01:00;00 accepted as a drop-frame label")
	}
	if _, ok := labelFrame(timing.Timecode{M: 10, Drop: true}, timing.Rate2997()); !ok {
		t.Error("00:10:00;00 refused")
	}
	if _, ok := labelFrame(timing.Timecode{H: 24}, timing.Rate25()); ok {
		t.Error("24:00:00:00 accepted: an STL day ends at 23:59:59:24")
	}
}

// TestNearestFrameMatchesTiming: the fast path agrees with timing's rule.
func TestNearestFrameMatchesTiming(t *testing.T) {
	for _, r := range timing.SupportedRates() {
		for _, d := range []time.Duration{0, 1, 20 * time.Millisecond, time.Hour + 1234567, 23*time.Hour + 59*time.Minute + 59*time.Second + 999999999, 40 * time.Hour, 100 * time.Hour} {
			for k := timing.Frame(-2); k <= 2; k++ {
				dd := d + time.Duration(k)
				if dd < 0 {
					continue
				}
				if got, want := nearestFrame(r, dd), r.Frames(dd); got != want {
					t.Errorf("%s %v: %d, want %d", r, dd, got, want)
				}
			}
		}
		for n := timing.Frame(0); n < 3000000; n += 9973 {
			d := r.Duration(n)
			half := r.Duration(n+1)/2 + d/2
			for _, x := range []time.Duration{d, d + 1, d - 1, half, half + 1, half - 1} {
				if x >= 0 && nearestFrame(r, x) != r.Frames(x) {
					t.Fatalf("%s %v: %d, want %d", r, x, nearestFrame(r, x), r.Frames(x))
				}
			}
		}
	}
}
