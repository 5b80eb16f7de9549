package edl

import (
	"os"
	"testing"

	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readFixture(t *testing.T, name string, r timing.Rate) *EDL {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	defer f.Close()
	e, err := Read(f, r)
	require.NoError(t, err)
	return e
}

// tc25 is the frame of a 25 fps label, for readable expectations.
func tc25(t *testing.T, s string) timing.Frame {
	t.Helper()
	n, err := timing.ParseTimecode(s, timing.Rate25(), false)
	require.NoError(t, err)
	return n
}

func TestCutsOfPackage(t *testing.T) {
	e := readFixture(t, "sot_package.edl", timing.Rate25())
	assert.Empty(t, e.Warnings)
	want := []timing.Cut{
		{Frame: tc25(t, "10:00:00:00")},
		{Frame: tc25(t, "10:00:04:00")},
		{Frame: tc25(t, "10:00:08:00")},
		{Frame: tc25(t, "10:00:14:00")}, // jump cut inside SOT HAFTAR
		{Frame: tc25(t, "10:00:19:12")},
		{Frame: tc25(t, "10:00:24:00")}, // cutaway over Lavrov's audio
		{Frame: tc25(t, "10:00:27:00")},
		{Frame: tc25(t, "10:00:31:00"), Frames: 25}, // dissolve out of Lavrov
		{Frame: tc25(t, "10:00:36:00"), Frames: 10}, // dissolve into Putin
		{Frame: tc25(t, "10:00:42:00")},
		{Frame: tc25(t, "10:00:46:00")}, // to black
	}
	assert.Equal(t, want, e.Cuts())
}

func TestSOTWindowsOfPackage(t *testing.T) {
	e := readFixture(t, "sot_package.edl", timing.Rate25())
	got := e.SOTWindows(nil)
	want := []timing.Window{{
		// A jump cut inside one soundbite: two events, one window, and the
		// jump cut is a shot change inside it.
		In: tc25(t, "10:00:08:00"), Out: tc25(t, "10:00:19:12"), Clip: "SOT HAFTAR",
		Events: []string{"004", "005"}, Lines: []int{14, 18},
		Cuts: []timing.Cut{{Frame: tc25(t, "10:00:14:00")}},
	}, {
		// Audio under a video-only cutaway, then a dissolve out: the
		// window runs to the end of the dissolve, and the cutaway's two
		// cuts and the dissolve are inside it.
		In: tc25(t, "10:00:19:12"), Out: tc25(t, "10:00:32:00"), Clip: "Sot_Lavrov",
		Events: []string{"006", "007", "009", "010"}, Lines: []int{21, 24, 30, 33},
		Cuts: []timing.Cut{{Frame: tc25(t, "10:00:24:00")}, {Frame: tc25(t, "10:00:27:00")},
			{Frame: tc25(t, "10:00:31:00"), Frames: 25}},
	}, {
		// A dissolve into a soundbite: the window starts where the
		// dissolve starts; the video (TO CLIP NAME) and audio lines merge.
		In: tc25(t, "10:00:36:00"), Out: tc25(t, "10:00:42:00"), Clip: "SOUNDBITE PUTIN",
		Events: []string{"011", "012"}, Lines: []int{40, 44},
	}, {
		// Marked by a locator only; keyed by the clip name.
		In: tc25(t, "10:00:42:00"), Out: tc25(t, "10:00:46:00"), Clip: "INT_0101.MXF",
		Events: []string{"013"}, Lines: []int{47},
	}}
	assert.Equal(t, want, got)

	// Configurable markers: only UPSOUND now.
	assert.Empty(t, e.SOTWindows([]string{"UPSOUND"}))
	// "GV SOTCHI STATION" does not hold the word SOT; a marker that is the
	// word does.
	w := e.SOTWindows([]string{"sotchi"})
	require.Len(t, w, 1)
	assert.Equal(t, "GV SOTCHI STATION", w[0].Clip)
}

func TestMatchesSOT(t *testing.T) {
	for s, want := range map[string]bool{
		"SOT HAFTAR": true, "sot_haftar.mxf": true, "INT-SB-01": true, "UpSound crowd": true,
		"Soundbite": true, "SOTCHI": false, "SBX": false, "ABSOT": false, "": false,
		"GV_MOSCOW": false, "SOT1": false,
	} {
		assert.Equal(t, want, MatchesSOT(s, nil), s)
	}
	assert.True(t, MatchesSOT("an up sound here", []string{"UP SOUND"}))
	assert.False(t, MatchesSOT("up and sound", []string{"UP SOUND"}))
	assert.False(t, MatchesSOT("SOT", []string{}))
}

func TestCutsCorpus(t *testing.T) {
	// cmx3600: event 8 starts before event 7 ends; event 7's out is inside
	// event 8, so it is no cut.
	e := readCorpus(t, "edlgenius__cmx3600.edl")
	for _, c := range e.Cuts() {
		assert.NotEqual(t, timing.Frame(109074), c.Frame)
	}
	// A dissolve pair: one soft cut where the transition starts.
	e = readCorpus(t, "otio__dissolve_test_4.edl")
	cuts := e.Cuts()
	assert.Contains(t, cuts, timing.Cut{Frame: e.Events[3].RecordInFrame, Frames: 35})
	assert.Contains(t, cuts, timing.Cut{Frame: e.Events[5].RecordInFrame, Frames: 64})
	for i := 1; i < len(cuts); i++ {
		assert.Less(t, cuts[i-1].Frame, cuts[i].Frame)
	}
	// Audio-only lists have no shot changes.
	assert.Empty(t, readCorpus(t, "pycmx__TEST.edl").Cuts())
	// gap_test: cuts to black at the end of each shot before a gap.
	e = readCorpus(t, "otio__gap_test.edl")
	assert.Equal(t, []timing.Cut{{Frame: 0}, {Frame: 24}, {Frame: 40}, {Frame: 64}, {Frame: 102}, {Frame: 126}}, e.Cuts())
}

func TestTrackOrder(t *testing.T) {
	// HEIST lists event 031 before 030; both start at the same frame, so
	// file order is kept among them, and the track is in record order.
	e := readCorpus(t, "edlgenius__070816_EG101_HEISTS_ROUGH_CUT_SOURCES_PART_1.edl")
	v := e.Track("V")
	require.NotEmpty(t, v)
	for i := 1; i < len(v); i++ {
		assert.LessOrEqual(t, v[i-1].RecordInFrame, v[i].RecordInFrame)
	}
	p := readFixture(t, "sot_package.edl", timing.Rate25())
	a2 := p.Track("A2")
	var nums []string
	for _, ev := range a2 {
		nums = append(nums, ev.Number)
	}
	// The A2 voice-over, then every AA and AA/V line, in record order.
	assert.Equal(t, []string{"002", "004", "005", "006", "012", "013"}, nums)
	assert.Len(t, p.Track("A3"), 0)
}

func TestStartIsEarliestRecordIn(t *testing.T) {
	e := readFixture(t, "sot_package.edl", timing.Rate25())
	assert.Equal(t, timing.Frame(10*3600*25), e.Start(), "10:00:00:00")
	e.Events[0].RecordInFrame = 5
	assert.Equal(t, timing.Frame(5), e.Start(), "not only the first event's")
	e.Events[0], e.Events[1] = e.Events[1], e.Events[0]
	assert.Equal(t, timing.Frame(5), e.Start())
	assert.Equal(t, timing.Frame(0), (&EDL{}).Start())
}
