package pipeline

import (
	"testing"

	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStartAfterAWindow: a programme start after a subtitled SOT's window
// used to get as far as the SRT writer ("caption 1: starts at
// -88:59:41.000"); NewPlan now says which SOT and what start would do.
func TestStartAfterAWindow(t *testing.T) {
	opts := sampleOptions(t)
	start := timing.Frame(99 * 3600 * 25)
	opts.Start = &start
	pkg, edl, err := Read(sampleInputs(t, nil), opts)
	require.NoError(t, err)
	_, err = NewPlan(pkg, edl, opts)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "programme start 99:00:00:00 is after SOT 1's window (10:00:19:00-10:01:06:00)")
	assert.Contains(t, err.Error(), "expected a start at or before 10:00:19:00")

	start = 10 * 3600 * 25 // the EDL's first record-in: fine
	pkg, edl, err = Read(sampleInputs(t, nil), opts)
	require.NoError(t, err)
	_, err = NewPlan(pkg, edl, opts)
	require.NoError(t, err)
}
