package timing

import (
	"errors"
	"testing"
)

func FuzzParseTimecode(f *testing.F) {
	for _, s := range []string{"00:00:00:00", "01:00:00;00", "00:01:00;02", "23:59:59:23", "10.00.00.00",
		"00:00:00,29", "99:59:59:59", "1:00:00:00", "00:01:00;00", "00:00:00:30"} {
		for i := range SupportedRates() {
			f.Add(s, uint8(i), false)
			f.Add(s, uint8(i), true)
		}
	}
	f.Fuzz(func(t *testing.T, s string, ri uint8, drop bool) {
		rates := SupportedRates()
		r := rates[int(ri)%len(rates)]
		n, err := ParseTimecode(s, r, drop)
		if err != nil {
			var te *TimecodeError
			if !errors.As(err, &te) || !errors.Is(err, ErrBadTimecode) {
				t.Fatalf("%q: error %v is not a *TimecodeError wrapping ErrBadTimecode", s, err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("%q: negative frame %d", s, n)
		}
		tc, _ := SplitTimecode(s)
		df := drop || tc.Drop
		out := FormatTimecode(n, r, df)
		back, err := ParseTimecode(out, r, df)
		if err != nil || back != n {
			t.Fatalf("%q at %s drop=%v: frame %d formats as %q which reads as %d, %v", s, r, df, n, out, back, err)
		}
		if d := r.Duration(n); r.Frames(d) != n {
			t.Fatalf("%q: frame %d → %v → %d", s, n, d, r.Frames(d))
		}
	})
}
