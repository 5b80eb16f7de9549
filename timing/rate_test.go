package timing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRate(t *testing.T) {
	cases := map[string]Rate{
		"23.976": Rate23976(), "23.98": Rate23976(), "24": Rate24(), "25": Rate25(),
		"29.97": Rate2997(), "30": Rate30(), "48": Rate48(), "50": Rate50(),
		"59.94": Rate5994(), "60": Rate60(), "30000/1001": Rate2997(), "25fps": Rate25(),
		"50/2": Rate25(),
	}
	for in, want := range cases {
		got, err := ParseRate(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "0", "26", "29.9", "abc", "-25", "1/0", "30000/0"} {
		_, err := ParseRate(bad)
		assert.ErrorIs(t, err, ErrUnknownRate, bad)
	}
}

func TestRateString(t *testing.T) {
	for _, r := range SupportedRates() {
		back, err := ParseRate(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, back)
	}
	assert.Equal(t, 30, Rate2997().Nominal())
	assert.Equal(t, 24, Rate23976().Nominal())
	assert.Equal(t, 60, Rate5994().Nominal())
	assert.True(t, Rate2997().DropFrameCapable())
	assert.False(t, Rate30().DropFrameCapable())
	assert.True(t, Rate{}.IsZero())
}

func TestDurationFramesRoundTrip(t *testing.T) {
	for _, r := range SupportedRates() {
		for _, n := range []Frame{0, 1, 2, 29, 30, 1799, 1800, 107892, 2589407, 24*3600*60 + 17, -1, -30} {
			d := r.Duration(n)
			assert.Equal(t, n, r.Frames(d), "%s frame %d", r, n)
			assert.Equal(t, n, r.FramesCeil(d), "%s frame %d", r, n)
		}
	}
	// 29.97: frame 1 starts at 1001/30000 s = 33.366666.. ms.
	assert.Equal(t, time.Duration(33366667), Rate2997().Duration(1))
	// One hour of 29.97 frames is 3.6 s longer than 108000 nominal frames.
	assert.Equal(t, 3603600*time.Millisecond, Rate2997().Duration(108000))
	assert.Equal(t, Frame(13), Rate25().Frames(500*time.Millisecond+time.Millisecond))
	assert.Equal(t, Frame(13), Rate25().Frames(500*time.Millisecond)) // 12.5 rounds up
	assert.Equal(t, Frame(13), Rate25().FramesCeil(481*time.Millisecond))
	assert.InDelta(t, 1.001, Rate2997().Seconds(30), 1e-12)
	// Very large durations do not overflow.
	assert.Equal(t, Frame(25*1_000_000), Rate25().Frames(1_000_000*time.Second))
}

func TestFramesFastPathAllocs(t *testing.T) {
	d := 23*time.Hour + 59*time.Minute
	allocs := testing.AllocsPerRun(100, func() { _ = Rate5994().Frames(d) })
	assert.Zero(t, allocs, "a day of programme converts without big arithmetic")
	assert.Equal(t, Rate5994().Frames(d), Rate5994().FramesCeil(d-time.Nanosecond))
}
