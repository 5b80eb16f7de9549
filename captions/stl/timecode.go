package stl

import "fmt"

// label is a timecode label HH:MM:SS:FF.
type label struct{ h, m, s, f int }

// String formats l as HH:MM:SS:FF, or HH:MM:SS;FF when drop is set.
func (l label) format(drop bool) string {
	sep := ':'
	if drop {
		sep = ';'
	}
	return fmt.Sprintf("%02d:%02d:%02d%c%02d", l.h, l.m, l.s, sep, l.f)
}

// dropPerMinute returns the frame labels dropped each minute (except every
// tenth) at nominal rate fps: 2 at 30, 4 at 60.
func dropPerMinute(fps int) int { return fps / 15 }

// frameLabel converts a frame count from 00:00:00:00 into its timecode
// label at nominal rate fps, drop-frame when drop is set. frame must be
// non-negative.
func frameLabel(frame int64, fps int, drop bool) label {
	if drop {
		d := int64(dropPerMinute(fps))
		perMin := int64(fps)*60 - d   // frames in a minute with a drop
		per10 := int64(fps)*600 - 9*d // frames in ten minutes
		tens, rem := frame/per10, frame%per10
		frame += 9 * d * tens
		if rem >= d {
			frame += d * ((rem - d) / perMin)
		}
	}
	f := int(frame % int64(fps))
	s := frame / int64(fps)
	return label{int(s / 3600), int(s / 60 % 60), int(s % 60), f}
}

// labelFrame converts a timecode label back to a frame count from
// 00:00:00:00, and reports whether the label exists at that rate (fields in
// range, not a dropped label).
func labelFrame(l label, fps int, drop bool) (int64, bool) {
	if l.h < 0 || l.h > 23 || l.m < 0 || l.m > 59 || l.s < 0 || l.s > 59 || l.f < 0 || l.f >= fps {
		return 0, false
	}
	mins := int64(l.h*60 + l.m)
	n := (mins*60+int64(l.s))*int64(fps) + int64(l.f)
	if drop {
		d := int64(dropPerMinute(fps))
		if l.s == 0 && l.m%10 != 0 && int64(l.f) < d {
			return 0, false
		}
		n -= d * (mins - mins/10)
	}
	return n, true
}
