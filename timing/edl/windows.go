package edl

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sotcap/sotcap/timing"
)

// Cuts returns every shot change on the record timeline, sorted by frame
// with one timing.Cut per frame: the record-in of every video event that lasts at
// least a frame (a dissolve, wipe or key as a soft cut of its transition
// length, starting at the incoming line's record-in), and the record-out
// of a video event where no other video event continues the picture (a cut
// to black or into a gap). When a hard and a soft cut share a frame, the
// soft cut is kept.
func (e *EDL) Cuts() []timing.Cut {
	type span struct{ in, out timing.Frame }
	var spans []span
	var cuts []timing.Cut
	for i := range e.Events {
		ev := &e.Events[i]
		if !ev.IsVideo() || ev.RecordOutFrame <= ev.RecordInFrame {
			continue
		}
		c := timing.Cut{Frame: ev.RecordInFrame}
		if k := ev.Kind(); k != 'C' {
			c.Frames = ev.TransitionFrames
		}
		cuts = append(cuts, c)
		spans = append(spans, span{ev.RecordInFrame, ev.RecordOutFrame})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].in < spans[j].in })
	// maxOut[k] is the latest record-out among spans[:k+1].
	maxOut := make([]timing.Frame, len(spans))
	for k, s := range spans {
		maxOut[k] = s.out
		if k > 0 && maxOut[k-1] > s.out {
			maxOut[k] = maxOut[k-1]
		}
	}
	for _, s := range spans {
		// Spans starting at or before s.out; is any still running there?
		k := sort.Search(len(spans), func(k int) bool { return spans[k].in > s.out }) - 1
		if k < 0 || maxOut[k] <= s.out {
			cuts = append(cuts, timing.Cut{Frame: s.out})
		}
	}
	sort.Slice(cuts, func(i, j int) bool {
		if cuts[i].Frame != cuts[j].Frame {
			return cuts[i].Frame < cuts[j].Frame
		}
		return cuts[i].Frames > cuts[j].Frames
	})
	out := cuts[:0]
	for _, c := range cuts {
		if len(out) > 0 && out[len(out)-1].Frame == c.Frame {
			continue // the longest transition at this frame is already kept
		}
		out = append(out, c)
	}
	return out
}

// DefaultSOTMarkers returns the words that mark a soundbite in a clip name
// or locator by default: SOT, SOUNDBITE, SB and UPSOUND.
func DefaultSOTMarkers() []string { return []string{"SOT", "SOUNDBITE", "SB", "UPSOUND"} }

// words splits s into upper-case runs of letters and digits; everything
// else (spaces, '_', '-', '.', ...) separates words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// markerMatcher matches any of a set of markers as whole words, ignoring
// case. A marker of several words ("UP SOUND") matches those words in a
// row.
type markerMatcher [][]string

func newMarkerMatcher(markers []string) markerMatcher {
	var m markerMatcher
	for _, s := range markers {
		if w := words(s); len(w) > 0 {
			m = append(m, w)
		}
	}
	return m
}

func (m markerMatcher) match(s string) bool {
	if len(m) == 0 || s == "" {
		return false
	}
	w := words(s)
	for _, mk := range m {
		for i := 0; i+len(mk) <= len(w); i++ {
			ok := true
			for j := range mk {
				if w[i+j] != mk[j] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// MatchesSOT reports whether text holds one of markers as a whole word,
// ignoring case (nil markers means DefaultSOTMarkers). Letters and digits
// make up words: "SOT_HAFTAR" and "sot - haftar" match SOT, "SOTCHI" does
// not.
func MatchesSOT(text string, markers []string) bool {
	if markers == nil {
		markers = DefaultSOTMarkers()
	}
	return newMarkerMatcher(markers).match(text)
}

// SOTWindows returns the stretches of the record timeline in which
// soundbites play, sorted by In. An event line (video or audio) is a SOT
// when its clip name, or the text of one of its locators, holds one of
// markers as a whole word (case-insensitive; nil markers means
// DefaultSOTMarkers). Its window is keyed by its clip name (by the
// locator's text when it has no clip name); SOT events with the same key
// whose record ranges touch or overlap form one window, so a jump cut
// inside a soundbite, or the soundbite's audio running under a video-only
// cutaway, stay one window.
//
// An event's record range is [record-in, record-out); the outgoing line of
// a dissolve or wipe (the zero-length line before the transition line of
// the same event) covers the transition, since its clip stays on screen
// until the transition ends. timing.Window.Cuts are the shot changes of Cuts
// strictly inside the window, from every video event.
func (e *EDL) SOTWindows(markers []string) []timing.Window {
	if markers == nil {
		markers = DefaultSOTMarkers()
	}
	m := newMarkerMatcher(markers)
	type sot struct {
		in, out timing.Frame
		key     string
		ev      *Event
	}
	var sots []sot
	for i := range e.Events {
		ev := &e.Events[i]
		key, ok := "", false
		if ev.HasClipName && m.match(ev.ClipName) {
			key, ok = ev.ClipName, true
		} else {
			for _, l := range ev.Extras().Locators {
				if m.match(l.Text) {
					key, ok = l.Text, true
					if ev.HasClipName && ev.ClipName != "" {
						key = ev.ClipName
					}
					break
				}
			}
		}
		if !ok {
			continue
		}
		in, out := ev.RecordInFrame, ev.RecordOutFrame
		if out == in && i+1 < len(e.Events) {
			if next := &e.Events[i+1]; next.Number == ev.Number && next.Kind() != 'C' && next.RecordInFrame == in {
				out = in + next.TransitionFrames
			}
		}
		if out <= in {
			continue
		}
		sots = append(sots, sot{in, out, key, ev})
	}
	sort.SliceStable(sots, func(i, j int) bool { return sots[i].in < sots[j].in })
	var wins []timing.Window
	open := map[string]int{} // key → index in wins of its latest window
	for _, s := range sots {
		if k, ok := open[s.key]; ok && s.in <= wins[k].Out {
			w := &wins[k]
			w.Out = max(w.Out, s.out)
			w.Events = append(w.Events, s.ev.Number)
			w.Lines = append(w.Lines, s.ev.Line)
			continue
		}
		open[s.key] = len(wins)
		wins = append(wins, timing.Window{In: s.in, Out: s.out, Clip: s.key,
			Events: []string{s.ev.Number}, Lines: []int{s.ev.Line}})
	}
	if len(wins) == 0 {
		return nil
	}
	cuts := e.Cuts()
	for i := range wins {
		w := &wins[i]
		lo := sort.Search(len(cuts), func(k int) bool { return cuts[k].Frame > w.In })
		for k := lo; k < len(cuts) && cuts[k].Frame < w.Out; k++ {
			w.Cuts = append(w.Cuts, cuts[k])
		}
	}
	return wins
}

// Track returns the event lines that play on track ("V", "A1", "A3", ...;
// see Event.Tracks), sorted by record-in (file order among equals). The
// EDL itself keeps file order, which need not be record order.
func (e *EDL) Track(track string) []Event {
	var out []Event
	for i := range e.Events {
		for _, t := range e.Events[i].Tracks() {
			if t == track {
				out = append(out, e.Events[i])
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].RecordInFrame < out[j].RecordInFrame })
	return out
}

// Start returns the programme start: the earliest record-in of any event
// (0 for an EDL without events).
func (e *EDL) Start() timing.Frame {
	if len(e.Events) == 0 {
		return 0
	}
	start := e.Events[0].RecordInFrame
	for _, ev := range e.Events[1:] {
		start = min(start, ev.RecordInFrame)
	}
	return start
}
