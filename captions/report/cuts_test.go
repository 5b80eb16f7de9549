package report

import (
	"testing"
	"time"

	"github.com/sotcap/sotcap/timing"
)

func TestCutTimes(t *testing.T) {
	if CutTimes(nil, timing.Rate25()) != nil {
		t.Error("no cuts should stay nil")
	}
	got := CutTimes([]timing.Cut{{Frame: 25}, {Frame: 900000, Frames: 12}}, timing.Rate25())
	want := []time.Duration{time.Second, 10 * time.Hour}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("CutTimes at 25 = %v, want %v", got, want)
	}
	// 29.97: frame 30 is 1.001 s.
	if got := CutTimes([]timing.Cut{{Frame: 30}}, timing.Rate2997()); got[0] != 1001*time.Millisecond {
		t.Errorf("CutTimes at 29.97 = %v, want 1.001s", got[0])
	}
}
