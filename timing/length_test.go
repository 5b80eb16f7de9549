package timing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLength(t *testing.T) {
	l, err := ParseLength("20f")
	require.NoError(t, err)
	assert.Equal(t, Frame(20), l.Frames(Rate25()))
	assert.Equal(t, Frame(20), l.Frames(Rate2997()))
	l, err = ParseLength("0.5s")
	require.NoError(t, err)
	assert.Equal(t, Frame(13), l.Frames(Rate25()), "12.5 frames rounds up")
	assert.Equal(t, Frame(15), l.Frames(Rate30()))
	assert.Equal(t, Frame(15), l.Frames(Rate2997()), "0.5 s is 14.985 frames at 29.97")
	l, err = ParseLength("1.5")
	require.NoError(t, err)
	assert.Equal(t, "1.5s", l.String())
	var m Length
	require.NoError(t, m.UnmarshalText([]byte("833ms")))
	assert.Equal(t, Frame(21), m.Frames(Rate25()))
	for _, bad := range []string{"", "f", "-2f", "x", "1.5q", "-1s"} {
		_, err := ParseLength(bad)
		assert.Error(t, err, bad)
	}
	assert.True(t, Length{}.IsZero())
	assert.Equal(t, time.Duration(0), TimeLength(0).d)
}

func TestLengthBounds(t *testing.T) {
	for _, bad := range []string{"1e300", "NaN", "+Inf", "86401", "25h", "5184001f", "99999999999999999999f"} {
		_, err := ParseLength(bad)
		assert.Error(t, err, bad)
	}
	l, err := ParseLength("86400")
	require.NoError(t, err)
	assert.Equal(t, Frame(86400*25), l.Frames(Rate25()))
}

func FuzzParseLength(f *testing.F) {
	for _, s := range []string{"20f", "1.5s", "0.5", "500ms", "1e300", "-1s", "86400", "1m2s", " 7f "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLength(s)
		if err != nil {
			return
		}
		for _, r := range SupportedRates() {
			n := l.Frames(r)
			if n < 0 || n > Frame(MaxLength/time.Second)*60+1 {
				t.Fatalf("%q at %s: %d frames", s, r, n)
			}
		}
		back, err := ParseLength(l.String())
		if err != nil || back.Frames(Rate2997()) != l.Frames(Rate2997()) {
			t.Fatalf("%q: String %q does not read back (%v)", s, l.String(), err)
		}
	})
}
