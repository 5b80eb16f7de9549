package scc

import (
	"fmt"
	"io"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// WriteOptions control Write. The zero value writes CC1 at 29.97 with
// drop-frame labels.
type WriteOptions struct {
	// Rate is the programme's frame rate: 29.97 (the zero value) or 30.
	// SCC carries NTSC line-21 data, one byte pair a frame; other rates
	// are refused.
	Rate timing.Rate
	// NonDrop writes non-drop-frame labels ("01:00:00:00") at 29.97, for
	// a programme whose timecode is non-drop-frame. Labels at 30 are
	// always non-drop-frame.
	NonDrop bool
	// Channel is the caption channel: 1 (CC1, the zero value) or 2 (CC2).
	Channel int
	// MoveLate starts a caption whose data cannot be sent in the frames
	// before it later by the frames missing (its end stays), with a
	// warning, instead of failing; it fails still when the caption would
	// then not last a frame.
	MoveLate bool
}

// Write writes doc as an SCC file of pop-on captions (see the package
// documentation for the exact bytes and the loading-time rule). It checks
// every caption before writing anything: a caption it cannot write is a
// *captions.CaptionError and nothing is written. The warnings say what
// 608 could not carry exactly.
func Write(w io.Writer, doc captions.Document, opts WriteOptions) ([]captions.Warning, error) {
	b, warns, err := Encode(doc, opts)
	if err != nil {
		return warns, err
	}
	_, err = w.Write(b)
	return warns, err
}

// Encode returns the bytes Write would write.
func Encode(doc captions.Document, opts WriteOptions) ([]byte, []captions.Warning, error) {
	rate := opts.Rate
	if rate.IsZero() {
		rate = timing.Rate2997()
	}
	if rate != timing.Rate2997() && rate != timing.Rate30() {
		return nil, nil, fmt.Errorf("SCC: frame rate %s: SCC timecode counts 29.97 (NTSC) or 30 frames a second; convert the programme's captions at one of those", rate)
	}
	drop := rate == timing.Rate2997() && !opts.NonDrop
	e := &encoder{}
	e.subFn = e.substituted
	switch opts.Channel {
	case 0, 1:
	case 2:
		e.ch = chanBit
	default:
		return nil, nil, fmt.Errorf("SCC: channel %d: expected 1 (CC1) or 2 (CC2)", opts.Channel)
	}
	caps := doc.Captions
	n := len(caps)
	start, end := make([]timing.Frame, n), make([]timing.Frame, n)
	loadEnd := make([]int, n) // end of caption i's pairs in e.pairs
	last, _ := timing.Timecode{H: 23, M: 59, S: 59, F: rate.Nominal() - 1, Drop: drop}.Frame(rate)
	for i, c := range caps {
		e.caps = i
		s, en := rate.Frames(c.Start), rate.Frames(c.End)
		var err error
		switch {
		case s < 0:
			err = fmt.Errorf("%w: starts at %v, before 00:00:00:00", ErrTiming, c.Start)
		case en <= s:
			err = fmt.Errorf("%w: ends at %v, not a frame after it starts at %v", ErrTiming, c.End, c.Start)
		case en > last:
			err = fmt.Errorf("%w: ends at %v, past the last SCC label 23:59:59", ErrTiming, c.End)
		case c.Row < 0 || c.Row > 23:
			err = fmt.Errorf("%w: row %d is outside the Teletext rows 1–23 (0 for the default)", ErrTooManyRows, c.Row)
		case i > 0 && s < end[i-1]:
			err = fmt.Errorf("%w: starts at %s, before caption %d ends at %s (pop-on captions cannot overlap)", ErrTiming,
				timing.FormatTimecode(s, rate, drop), i, timing.FormatTimecode(end[i-1], rate, drop))
		default:
			err = e.load(c)
		}
		if err != nil {
			return nil, e.warnings(), &captions.CaptionError{Caption: i + 1, Err: err}
		}
		start[i], end[i], loadEnd[i] = s, en, len(e.pairs)
	}
	out := lineWriter{rate: rate, drop: drop, ch: e.ch}
	out.b = make([]byte, 0, len(Header)+len(e.pairs)*5+n*40)
	out.b = append(out.b, Header...)
	prevLoad := 0
	for i := range caps {
		load := e.pairs[prevLoad:loadEnd[i]]
		prevLoad = loadEnd[i]
		L := timing.Frame(len(load))
		// The window for the load: after the previous caption's EOC,
		// before this one's, around the previous caption's EDM.
		var lo, edmAt, edmLen, free timing.Frame
		window := func() {
			lo, edmAt, edmLen = 0, -1, 0
			if i > 0 {
				lo = start[i-1] + eocLen(start[i-1], end[i-1])
				if end[i-1] < start[i] {
					edmAt, edmLen = end[i-1], min(2, start[i]-end[i-1])
				}
			}
			free = start[i] - lo - edmLen
		}
		window()
		if L > free && opts.MoveLate {
			// Start later by the frames missing (the erase code of the
			// caption before may then need its second frame too).
			was := start[i]
			for k := 0; k < 3 && L > free && start[i]+L-free < end[i]; k++ {
				start[i] += L - free
				window()
			}
			if L <= free {
				e.warnMoved("caption %d starts %d frames later, at %s, so that its data can be sent before it appears", i+1, start[i]-was, timing.FormatTimecode(start[i], rate, drop))
			}
		}
		if L > free {
			return nil, e.warnings(), &captions.CaptionError{Caption: i + 1, Err: noRoom(i, L, free, start, end, rate, drop)}
		}
		after := L
		if edmAt >= 0 {
			after = min(L, start[i]-(edmAt+edmLen))
			if splitsDouble(load, int(L-after)) {
				// Never part a doubled code: a decoder would act on both.
				if L-after+1 > edmAt-lo {
					return nil, e.warnings(), &captions.CaptionError{Caption: i + 1, Err: noRoom(i, L+1, free, start, end, rate, drop)}
				}
				after--
			}
			out.chunk(edmAt-(L-after), load[:L-after], false)
			out.ctrl(edmAt, codeEDM, edmLen)
		}
		out.chunk(start[i]-after, load[L-after:], false)
		out.ctrl(start[i], codeEOC, eocLen(start[i], end[i]))
	}
	if n > 0 {
		out.ctrl(end[n-1], codeEDM, 2)
	}
	out.b = append(out.b, "\r\n"...)
	return out.b, e.warnings(), nil
}

// splitsDouble reports whether sending load[:s] and load[s:] apart would
// part the two copies of a doubled code that a decoder would act on twice
// (a character, mid-row code or tab offset; RCL, ENM and PACs may part).
func splitsDouble(load []pair, s int) bool {
	if s <= 0 || s >= len(load) {
		return false
	}
	p := load[s]
	if p != load[s-1] || p[0] < 0x10 || p[0] > 0x1F {
		return false
	}
	switch classify(p[0]&^chanBit, p[1]) {
	case kSpecial, kExtended, kMidRow, kTab:
	default:
		return false
	}
	k := s - 1
	for k > 0 && load[k-1] == p {
		k--
	}
	return (s-k)%2 == 1
}

// eocLen is 2 (the EOC sent twice) unless the caption lasts one frame.
func eocLen(s, e timing.Frame) timing.Frame { return min(2, e-s) }

// noRoom explains how many frames caption i lacks.
func noRoom(i int, need, free timing.Frame, start, end []timing.Frame, rate timing.Rate, drop bool) error {
	tc := func(f timing.Frame) string { return timing.FormatTimecode(f, rate, drop) }
	after := "after 00:00:00:00"
	if i > 0 {
		after = fmt.Sprintf("after caption %d appears at %s (less the frames of its erase code at %s)", i, tc(start[i-1]), tc(end[i-1]))
	}
	return fmt.Errorf("%w: its data takes %s (one byte pair a frame) and must be sent before it appears at %s, but only %s free %s: %s missing; start it later, shorten it, or start the caption before it sooner",
		ErrNoRoom, nframes(need), tc(start[i]), nframes(max(free, 0))+are(max(free, 0)), after, nframes(need-max(free, 0)))
}

// nframes says "1 frame" or "n frames".
func nframes(n timing.Frame) string {
	if n == 1 {
		return "1 frame"
	}
	return fmt.Sprintf("%d frames", n)
}

func are(n timing.Frame) string {
	if n == 1 {
		return " is"
	}
	return " are"
}

// lineWriter formats byte pairs as SCC lines: a new line at every EOC and
// EDM (so that readers which time a whole line by its label time them
// exactly) and wherever the data is not contiguous.
type lineWriter struct {
	b      []byte
	rate   timing.Rate
	drop   bool
	ch     byte
	next   timing.Frame // frame after the last pair written
	inLine bool
}

func (w *lineWriter) chunk(at timing.Frame, pairs []pair, newLine bool) {
	if len(pairs) == 0 {
		return
	}
	if newLine || !w.inLine || at != w.next {
		w.b = append(w.b, "\r\n\r\n"...)
		w.b = timing.AppendTimecode(w.b, at, w.rate, w.drop)
		w.b = append(w.b, '\t')
	} else {
		w.b = append(w.b, ' ')
	}
	for k, p := range pairs {
		if k > 0 {
			w.b = append(w.b, ' ')
		}
		w.b = appendHex(w.b, parity(p[0]))
		w.b = appendHex(w.b, parity(p[1]))
	}
	w.inLine, w.next = true, at+timing.Frame(len(pairs))
}

// ctrl writes a miscellaneous control code n times (1 or 2) at frame at,
// starting a new line.
func (w *lineWriter) ctrl(at timing.Frame, code byte, n timing.Frame) {
	p := pair{miscCC1 | w.ch, code}
	w.chunk(at, []pair{p, p}[:n], true)
}

const hexDigits = "0123456789abcdef"

func appendHex(b []byte, x byte) []byte { return append(b, hexDigits[x>>4], hexDigits[x&15]) }
