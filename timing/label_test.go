package timing

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTimecodeSkipped(t *testing.T) {
	for _, tc := range []struct {
		tc   Timecode
		r    Rate
		want bool
	}{
		{Timecode{M: 1}, Rate2997(), true},
		{Timecode{M: 1, F: 1}, Rate2997(), true},
		{Timecode{M: 1, F: 2}, Rate2997(), false},
		{Timecode{M: 10}, Rate2997(), false},
		{Timecode{M: 1, S: 1}, Rate2997(), false},
		{Timecode{H: 5, M: 59, F: 1, Drop: true}, Rate2997(), true},
		{Timecode{M: 1, F: 3}, Rate5994(), true},
		{Timecode{M: 1, F: 4}, Rate5994(), false},
		{Timecode{M: 1}, Rate30(), false},
		{Timecode{M: 1}, Rate25(), false},
	} {
		assert.Equal(t, tc.want, tc.tc.Skipped(tc.r), "%v at %s", tc.tc, tc.r)
	}
	// Skipped agrees with Frame: a label Frame refuses in drop frame
	// (fields in range) is skipped, and every label TimecodeAt gives is not.
	for _, r := range []Rate{Rate2997(), Rate5994()} {
		nom := r.Nominal()
		for m := 0; m < 60; m++ {
			for f := 0; f < nom; f++ {
				tc := Timecode{H: 1, M: m, F: f, Drop: true}
				_, err := tc.Frame(r)
				assert.Equal(t, err != nil, tc.Skipped(r), "%v at %s", tc, r)
			}
		}
		for n := Frame(0); n < Frame(nom)*60*11; n++ {
			if tc := TimecodeAt(n, r, true); tc.Skipped(r) {
				t.Fatalf("%s frame %d: TimecodeAt gave the skipped label %v", r, n, tc)
			}
		}
	}
}
