package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMap(t *testing.T) {
	m, err := ParseMap("1=3, 2=5,3=7+9+010")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3}, m.SOTs())
	assert.Equal(t, []int{7, 9, 10}, m.Events(3))
	assert.Equal(t, "1=3,2=5,3=7+9+10", m.String())
	z, err := ParseMap("")
	require.NoError(t, err)
	assert.True(t, z.IsZero())
	for _, bad := range []string{"1", "x=3", "0=3", "1=a", "1=3,1=4", "1=3+", "=3"} {
		_, err := ParseMap(bad)
		assert.Error(t, err, bad)
	}
}

func FuzzParseMap(f *testing.F) {
	for _, s := range []string{"1=3,2=5,3=7+9+10", "", "1", "x=3", "1=3,1=4", " 2 = 010 + 11 ", "1=3+", "99999999999999999999=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMap(s)
		if err != nil {
			return
		}
		back, err := ParseMap(m.String())
		if err != nil {
			t.Fatalf("%q: String %q does not parse: %v", s, m.String(), err)
		}
		if back.String() != m.String() {
			t.Fatalf("%q: %q then %q", s, m.String(), back.String())
		}
		for _, k := range m.SOTs() {
			if k < 1 || len(m.Events(k)) == 0 {
				t.Fatalf("%q: SOT %d maps %v", s, k, m.Events(k))
			}
		}
	})
}
