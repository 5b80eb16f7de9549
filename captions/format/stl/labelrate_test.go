package stl

import (
	"testing"

	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSTLLabelRate(t *testing.T) {
	for in, want := range map[string]string{"23.976": "23.976", "25": "25", "29.97": "29.97", "30": "30", "48": "24", "50": "25", "59.94": "29.97", "60": "30"} {
		r, err := timing.ParseRate(in)
		require.NoError(t, err)
		w, err := timing.ParseRate(want)
		require.NoError(t, err)
		assert.Equal(t, w, LabelRate(r), in)
	}
}
