package stl

import "github.com/sotcap/sotcap/timing"

// labelFrame returns the frame count from 00:00:00:00 of the timecode
// label tc at rate r (drop-frame when tc.Drop) and reports whether the
// label can stand in an STL file at that rate: a label timing accepts
// (fields in range, not one drop frame skips) within the day, hours 00
// to 23. Labels come from timing.TimecodeAt.
func labelFrame(tc timing.Timecode, r timing.Rate) (timing.Frame, bool) {
	if tc.H > 23 {
		return 0, false
	}
	n, err := tc.Frame(r)
	return n, err == nil
}
