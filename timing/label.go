package timing

// Skipped reports whether drop-frame timecode at rate r skips the label
// tc: frames 00 and 01 (29.97) or 00 to 03 (59.94) at second 00 of every
// minute not divisible by ten. At rates without drop frame no label is
// skipped. tc.Drop and tc.H are not looked at, so that a file whose
// drop-frame mode is unknown can be tested label by label before it is
// read (Frame refuses such a label, but for other faults too).
func (tc Timecode) Skipped(r Rate) bool {
	if !r.DropFrameCapable() {
		return false
	}
	return tc.S == 0 && tc.M%10 != 0 && tc.F >= 0 && int64(tc.F) < dropPerMinute(r.Nominal())
}
