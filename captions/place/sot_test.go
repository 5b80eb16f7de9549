package place

import (
	"errors"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testRules() rules.Profile {
	return rules.Profile{
		Name: "test", Language: "en", MaxCharsPerLine: 37, MaxLines: 2, MaxCPS: 17,
		MinDuration: timing.TimeLength(5 * time.Second / 6), MaxDuration: timing.TimeLength(7 * time.Second),
		MinGapFrames: 2, ShotChangeZone: timing.TimeLength(time.Second / 2), MaxHang: timing.TimeLength(time.Second / 2),
		SpeakerChange: rules.SpeakerNewCaption,
	}
}

func TestSOTBasic(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	in := Input{
		Turns:  []captions.Turn{{Speaker: "A", Text: "We are aiming to get a better television service. And we will get there, whatever it takes, by the end of the decade."}},
		Window: timing.Window{In: 1000, Out: 1000 + 10*25, Cuts: []timing.Cut{{Frame: 1130}}},
		Rate:   rate,
	}
	res, err := SOT(r, in)
	require.NoError(t, err)
	require.NotEmpty(t, res.Captions)
	for _, c := range res.Captions {
		t.Logf("%d-%d %q", rate.Frames(c.Start), rate.Frames(c.End), c.Text())
	}
	assert.Empty(t, res.Violations)
	assert.False(t, res.Compressed)
	assert.InDelta(t, 263.0/25, res.AvailableSeconds, 1e-9) // 0.5 s hang = 12.5 frames, rounded up
	first, last := res.Captions[0], res.Captions[len(res.Captions)-1]
	assert.Equal(t, timing.Frame(1000), rate.Frames(first.Start))
	assert.LessOrEqual(t, rate.Frames(last.End), timing.Frame(1000+10*25+13))
}

func TestSOTCompress(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	in := Input{
		Turns:  []captions.Turn{{Text: "This sentence is far too long to be read in the tiny amount of time that the editor left for it in the cut."}},
		Window: timing.Window{In: 0, Out: 50},
		Rate:   rate,
		Limit:  55,
	}
	res, err := SOT(r, in)
	require.NoError(t, err)
	assert.True(t, res.Compressed)
	assert.Greater(t, res.NeededSeconds, res.AvailableSeconds)
	assert.LessOrEqual(t, rate.Frames(res.Captions[len(res.Captions)-1].End), timing.Frame(53))
	hasCPS := false
	for _, v := range res.Violations {
		hasCPS = hasCPS || v.Rule == rules.RuleCPS
	}
	assert.True(t, hasCPS)
}

func TestSOTTooShort(t *testing.T) {
	r := testRules()
	_, err := SOT(r, Input{Turns: []captions.Turn{{Text: "Hi."}}, Window: timing.Window{In: 0, Out: 5}, Rate: timing.Rate25(), Limit: 7})
	assert.True(t, errors.Is(err, ErrWindowTooShort), "%v", err)
}

func TestSOTSpeakers(t *testing.T) {
	r := testRules()
	in := Input{
		Turns:  []captions.Turn{{Speaker: "A", Text: "Are you coming?"}, {Speaker: "B", Text: "Not today."}},
		Window: timing.Window{In: 0, Out: 200},
		Rate:   timing.Rate25(),
	}
	res, err := SOT(r, in)
	require.NoError(t, err)
	require.Len(t, res.Captions, 2)
	r.SpeakerChange = rules.SpeakerDash
	res, err = SOT(r, in)
	require.NoError(t, err)
	require.Len(t, res.Captions, 1)
	assert.Equal(t, "-Are you coming?\n-Not today.", res.Captions[0].Text())
	r.Language = "fr"
	res, err = SOT(r, in)
	require.NoError(t, err)
	assert.Equal(t, "- Are you coming?\n- Not today.", res.Captions[0].Text())
	// A window too short for two captions makes the speakers share one.
	r = testRules()
	in.Window.Out = 30
	res, err = SOT(r, in)
	require.NoError(t, err)
	require.Len(t, res.Captions, 1)
	assert.Empty(t, res.Violations)
}

func TestSOTShotChanges(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	text := "The talks in Moscow were useful, and we will continue them next week. Both sides agreed to keep the ceasefire."
	base := Input{Turns: []captions.Turn{{Text: text}}, Window: timing.Window{In: 0, Out: 250}, Rate: rate}
	res, err := SOT(r, base)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(res.Captions), 2)
	boundary := rate.Frames(res.Captions[1].Start)
	zone := r.ShotChangeZone.Frames(rate)
	for _, off := range []timing.Frame{-11, -7, -3, 3, 6, 11} {
		in := base
		cut := boundary + off
		in.Window.Cuts = []timing.Cut{{Frame: cut}}
		res, err := SOT(r, in)
		require.NoError(t, err)
		assert.Empty(t, res.Violations, "cut at %d", cut)
		for _, c := range res.Captions {
			s, e := rate.Frames(c.Start), rate.Frames(c.End)
			assert.True(t, s == cut || absInt64(s-cut) >= zone, "in %d near cut %d", s, cut)
			assert.True(t, (e <= cut && e >= cut-2) || absInt64(e-cut) >= zone, "out %d near cut %d", e, cut)
		}
		if off >= -7 && off < 0 || off > 0 && off <= 6 {
			// Near the cut, the boundary moves onto it.
			found := false
			for _, c := range res.Captions {
				found = found || rate.Frames(c.Start) == cut
			}
			assert.True(t, found, "no caption starts on the cut at %d (offset %d)", cut, off)
		}
	}
}
