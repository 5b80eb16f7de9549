package timing

// Frame is a frame count at some rate: a position on a timeline counted in
// frames from 00:00:00:00 (frame 0 is the first frame), or a length in
// frames. The rate is not part of the value: the Rate that made it (through
// Frames or ParseTimecode) is the one to turn it back into time with
// Duration, Seconds or TimecodeAt.
type Frame int64
