package timing

// Cut is a shot change on the record timeline.
type Cut struct {
	// Frame is the record frame at which the new shot starts (for a
	// dissolve or wipe: where the transition starts).
	Frame Frame
	// Frames is the transition's length: 0 for a hard cut, more for a soft
	// cut (dissolve, wipe, key).
	Frames Frame
}

// Soft reports whether c is a transition rather than a hard cut.
func (c Cut) Soft() bool { return c.Frames > 0 }

// Window is the stretch of the record timeline in which one soundbite (SOT)
// plays: one or more EDL events of the same clip whose record ranges touch
// or overlap.
type Window struct {
	// In is the first record frame of the window; Out is the frame after the
	// last (the EDL's record-out, exclusive).
	In, Out Frame
	// Clip is the clip name (or locator text) that marked the SOT.
	Clip string
	// Events are the event numbers, as written in the EDL, that form the window.
	Events []string
	// Lines are the EDL line numbers of those events.
	Lines []int
	// Cuts are the shot changes strictly inside the window (In < Frame < Out),
	// from every video event of the EDL, in record order.
	Cuts []Cut
}

// Frames returns the window's length in frames.
func (w Window) Frames() Frame { return w.Out - w.In }
