package timing

import (
	"encoding/csv"
	"errors"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimecodeReference checks every row of the shared reference table
// (cross-checked against OpenTimelineIO): label → frame, frame → label and
// frame → exact real time.
func TestTimecodeReference(t *testing.T) {
	f, err := os.Open("../testdata/timecode_reference.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, 50, len(rows), "header + 49 rows")
	for _, row := range rows[1:] {
		num, _ := strconv.ParseInt(row[1], 10, 64)
		den, _ := strconv.ParseInt(row[2], 10, 64)
		r, err := ParseRate(row[1] + "/" + row[2])
		require.NoError(t, err, row)
		require.Equal(t, num, r.Num())
		require.Equal(t, den, r.Den())
		nominal, _ := strconv.Atoi(row[3])
		require.Equal(t, nominal, r.Nominal(), row)
		drop := row[4] == "DF"
		w, _ := strconv.ParseInt(row[6], 10, 64)
		want := Frame(w)

		got, err := ParseTimecode(row[5], r, drop)
		require.NoError(t, err, row)
		assert.Equal(t, want, got, "parse %v", row)
		// ';' alone makes a label drop frame.
		if drop {
			got, err = ParseTimecode(row[5], r, false)
			require.NoError(t, err, row)
			assert.Equal(t, want, got, "parse by separator %v", row)
		}
		assert.Equal(t, row[5], FormatTimecode(want, r, drop), "format %v", row)

		exact, ok := new(big.Rat).SetString(row[7])
		require.True(t, ok, row[7])
		secs := new(big.Rat).SetFrac64(int64(want)*den, num)
		assert.Equal(t, exact.String(), secs.String(), "seconds %v", row)
		// Duration is the exact time rounded to the nearest nanosecond.
		ns := new(big.Rat).Mul(exact, big.NewRat(1_000_000_000, 1))
		d := r.Duration(want)
		diff := new(big.Rat).Sub(ns, big.NewRat(int64(d), 1))
		assert.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 2)) <= 0, "duration %v: %v", row, d)
	}
}

func TestTimecodeGuideValues(t *testing.T) {
	for tc, want := range map[string]Frame{
		"01:00:00;00": 107892, "00:10:00;00": 17982, "00:01:00;02": 1800,
		"01,00,00,00": 107892, "00:00:59;29": 1799,
	} {
		got, err := ParseTimecode(tc, Rate2997(), false)
		require.NoError(t, err, tc)
		assert.Equal(t, want, got, tc)
	}
	// FCM: DROP FRAME with ':' separators (Avid).
	got, err := ParseTimecode("01:00:00:00", Rate2997(), true)
	require.NoError(t, err)
	assert.Equal(t, Frame(107892), got)
	got, err = ParseTimecode("01.00.00.00", Rate25(), false)
	require.NoError(t, err)
	assert.Equal(t, Frame(90000), got)
	assert.Equal(t, "10:00:00:00", FormatTimecode(900000, Rate25(), false))
	assert.Equal(t, "00:01:00;02", FormatTimecode(1800, Rate2997(), true))
	assert.Equal(t, "01:00:00:00", FormatTimecode(86400, Rate24(), true), "no drop frame at 24")
}

// TestTimecodeRoundTrip checks every frame of the first 11 minutes (and
// the hour boundaries) at every rate in both modes: format then parse gives
// the same frame, and consecutive frames have consecutive labels.
func TestTimecodeRoundTrip(t *testing.T) {
	for _, r := range SupportedRates() {
		for _, drop := range []bool{false, true} {
			if drop && !r.DropFrameCapable() {
				continue
			}
			nom := Frame(r.Nominal())
			check := func(n Frame) {
				s := FormatTimecode(n, r, drop)
				back, err := ParseTimecode(s, r, drop)
				if err != nil || back != n {
					t.Fatalf("%s drop=%v frame %d → %q → %d, %v", r, drop, n, s, back, err)
				}
			}
			for n := Frame(0); n < 11*60*nom; n++ {
				check(n)
			}
			for _, h := range []Frame{1, 10, 23, 24, 99} {
				at, err := Timecode{H: int(h), Drop: drop}.Frame(r)
				require.NoError(t, err)
				for n := at - 2*nom; n < at+2*nom; n++ {
					check(n) // around each hour label
				}
			}
		}
	}
}

func TestTimecodeErrors(t *testing.T) {
	cases := []struct {
		tc   string
		r    Rate
		drop bool
		want string
	}{
		{"00:00:00:29", Rate25(), false, "frames 00 to 24"},
		{"00:00:00:30", Rate2997(), false, "frames 00 to 29"},
		{"00:01:00;00", Rate2997(), false, "exists in drop frame"},
		{"00:01:00;01", Rate2997(), false, "exists in drop frame"},
		{"00:01:00:03", Rate5994(), true, "exists in drop frame"},
		{"00:00:01;00", Rate25(), false, "drop frame exists only at 29.97 and 59.94"},
		{"00:00:01:00", Rate24(), true, "drop frame exists only at 29.97 and 59.94"},
		{"00:60:00:00", Rate25(), false, "minutes and seconds"},
		{"00:00:60:00", Rate25(), false, "minutes and seconds"},
		{"", Rate25(), false, "HH:MM:SS:FF"},
		{"1:2:3:4", Rate25(), false, "HH:MM:SS:FF"},
		{"00:00:00/00", Rate25(), false, "HH:MM:SS:FF"},
		{"0a:00:00:00", Rate25(), false, "HH:MM:SS:FF"},
		{"-1:00:00:00", Rate25(), false, "HH:MM:SS:FF"},
		{"00:00:00:00", Rate{}, false, "a frame rate"},
	}
	for _, c := range cases {
		_, err := ParseTimecode(c.tc, c.r, c.drop)
		require.Error(t, err, c.tc)
		assert.True(t, errors.Is(err, ErrBadTimecode), c.tc)
		var te *TimecodeError
		require.True(t, errors.As(err, &te), c.tc)
		assert.Equal(t, c.tc, te.Timecode)
		assert.Contains(t, err.Error(), c.want, c.tc)
	}
	// The ten-minute labels exist.
	_, err := ParseTimecode("00:10:00;00", Rate2997(), false)
	assert.NoError(t, err)
	_, err = ParseTimecode("00:10:00;00", Rate5994(), false)
	assert.NoError(t, err)
}

func TestTimecodeValue(t *testing.T) {
	tc, err := SplitTimecode("01:02:03;04")
	require.NoError(t, err)
	assert.Equal(t, Timecode{H: 1, M: 2, S: 3, F: 4, Drop: true}, tc)
	assert.Equal(t, "01:02:03;04", tc.String())
	next, err := tc.Add(26, Rate2997())
	require.NoError(t, err)
	assert.Equal(t, "01:02:04;00", next.String())
	back, err := next.Add(-26, Rate2997())
	require.NoError(t, err)
	assert.Equal(t, tc, back)
	_, err = Timecode{M: 1, Drop: true}.Add(1, Rate2997())
	assert.ErrorIs(t, err, ErrBadTimecode)
	// Crossing a dropped minute.
	a, _ := SplitTimecode("00:00:59;29")
	b, err := a.Add(1, Rate2997())
	require.NoError(t, err)
	assert.Equal(t, "00:01:00;02", b.String())
	assert.Equal(t, "100:00:00:00", FormatTimecode(100*3600*25, Rate25(), false))
	assert.Equal(t, "-00:00:01:00", FormatTimecode(-25, Rate25(), false))
	assert.Equal(t, "00:00:00:00", Timecode{}.String())
	assert.True(t, strings.HasPrefix(string(AppendTimecode([]byte("x="), 25, Rate25(), false)), "x=00:00:01:00"))
}
