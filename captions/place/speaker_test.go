package place

import (
	"testing"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// speakerSOT is a 20 s window with a minister's answer and a reporter's
// question: proportionally the question starts at frame changeAt.
func speakerSOT(t *testing.T, r rules.Profile, cuts ...timing.Frame) (Input, Result, int) {
	t.Helper()
	in := Input{
		Turns: []captions.Turn{
			{Speaker: "Minister", Text: "We have talked to every side in this conflict. Nobody wants another winter of fighting, and we will keep the ports open."},
			{Speaker: "Reporter", Text: "But will the ceasefire hold?"},
			{Speaker: "Minister", Text: "It will hold if both armies pull back from the coast road, as they promised us last week."},
		},
		Window: timing.Window{In: 1000, Out: 1000 + 20*25},
		Rate:   timing.Rate25(),
	}
	for _, c := range cuts {
		in.Window.Cuts = append(in.Window.Cuts, timing.Cut{Frame: c})
	}
	res, err := SOT(r, in)
	require.NoError(t, err)
	q := -1 // the reporter's caption
	for k, c := range res.Captions {
		if c.Lines[0].Speaker == "Reporter" {
			q = k
		}
	}
	require.Positive(t, q)
	return in, res, q
}

func frames(r timing.Rate, c captions.Caption) (timing.Frame, timing.Frame) {
	return r.Frames(c.Start), r.Frames(c.End)
}

func TestSOTSpeakerChangeOnCut(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	_, plain, q := speakerSOT(t, r)
	estIn, estOut := frames(rate, plain.Captions[q])
	reply, _ := frames(rate, plain.Captions[q+1])
	t.Logf("unanchored: question %d-%d, reply from %d", estIn, estOut, reply)

	// The editor cut to the reporter 1.6 s before the estimate and back to
	// the minister 1.2 s after the question's estimated in.
	cutIn, cutOut := estIn-40, estIn+30+40
	_, res, q := speakerSOT(t, r, cutIn, cutOut)
	for _, c := range res.Captions {
		s, e := frames(rate, c)
		t.Logf("%d-%d %s: %q", s, e, c.Lines[0].Speaker, c.Text())
	}
	assert.Empty(t, res.Violations)
	s, e := frames(rate, res.Captions[q])
	assert.Equal(t, cutIn, s, "the question starts on the cut to the reporter")
	assert.Equal(t, cutOut-2, e, "the question ends MinGapFrames before the cut back")
	ps, pe := frames(rate, res.Captions[q-1])
	assert.Equal(t, cutIn-2, pe, "the answer before ends MinGapFrames before the cut")
	assert.Less(t, ps, pe)
	rs, _ := frames(rate, res.Captions[q+1])
	assert.Equal(t, cutOut, rs, "the reply starts on the cut back")
	// Captions between anchors share their span in proportion: the
	// minister's first turn still starts at the window's in.
	first, _ := frames(rate, res.Captions[0])
	assert.Equal(t, timing.Frame(1000), first)
}

func TestSOTSpeakerChangeFarCut(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	_, plain, q := speakerSOT(t, r)
	estIn, _ := frames(rate, plain.Captions[q])
	reach := r.MaxDuration.Frames(rate) / 2
	// A cut just beyond the reach does not pull the question onto it.
	cut := estIn - reach - 5
	_, res, q := speakerSOT(t, r, cut)
	assert.Empty(t, res.Violations)
	for _, c := range res.Captions {
		s, _ := frames(rate, c)
		assert.NotEqual(t, cut, s, "a caption moved onto a distant cut")
	}
	s, _ := frames(rate, res.Captions[q])
	assert.Equal(t, estIn, s)
}

func TestSOTOrdinaryBoundaryNotAnchored(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	text := "We have talked to every side in this conflict. Nobody wants another winter of fighting, and we will keep the ports open."
	in := Input{Turns: []captions.Turn{{Speaker: "Minister", Text: text}}, Window: timing.Window{In: 0, Out: 20 * 25}, Rate: rate}
	plain, err := SOT(r, in)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(plain.Captions), 2)
	b, _ := frames(rate, plain.Captions[1])
	in.Window.Cuts = []timing.Cut{{Frame: b - 30}} // 1.2 s before a boundary, no speaker change
	res, err := SOT(r, in)
	require.NoError(t, err)
	require.Len(t, res.Captions, len(plain.Captions))
	assert.Empty(t, res.Violations)
	for k := range res.Captions {
		// Out-times may step off the cut (the shot-change rule); in-times
		// stay where the proportion put them.
		assert.Equal(t, plain.Captions[k].Start, res.Captions[k].Start, "caption %d: one speaker, no anchor", k+1)
	}
}

func TestSOTSpeakerChangeFallsBack(t *testing.T) {
	r := testRules()
	rate := timing.Rate25()
	_, plain, q := speakerSOT(t, r)
	estIn, _ := frames(rate, plain.Captions[q])
	// A cut 3 s before the estimate leaves the minister's first turn too
	// little time at MaxCPS: the question keeps its unanchored in-time.
	cut := estIn - 75
	_, res, q := speakerSOT(t, r, cut)
	assert.Empty(t, res.Violations)
	s, _ := frames(rate, res.Captions[q])
	assert.NotEqual(t, cut, s)
}
