package report

import (
	"time"

	"github.com/sotcap/sotcap/timing"
)

// CutTimes converts shot changes read from an EDL to times on the caption
// timeline, for FileResult.Cuts: each cut's first frame at the given rate
// (for a soft cut, where its transition starts).
func CutTimes(cuts []timing.Cut, rate timing.Rate) []time.Duration {
	if cuts == nil {
		return nil
	}
	out := make([]time.Duration, len(cuts))
	for i, c := range cuts {
		out[i] = rate.Duration(c.Frame)
	}
	return out
}
