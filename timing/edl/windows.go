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
	s := Shots{}
	for i := range e.Events {
		s.addCut(&e.Events[i])
	}
	return s.Cuts()
}

// Shots gathers, event line by event line, what Cuts and SOTWindows need
// of an EDL's events (their record ranges, transitions, SOT clip names), so
// that a caller reading with Reader.ReadEach has the shot changes and
// soundbite windows without holding the events: its memory grows by 16
// bytes a video event and a few dozen a SOT event. Add every event line
// in file order; Shots{} finds cuts only, NewShots SOT windows too.
type Shots struct {
	m        markerMatcher
	sot      bool
	spans    []shotSpan
	cuts     []timing.Cut
	sots     []sotSpan
	pending  sotSpan // a zero-length SOT line waiting for the next line
	waiting  bool    // pending is set
	computed []timing.Cut
}

type shotSpan struct{ in, out timing.Frame }

type sotSpan struct {
	in, out timing.Frame
	key     string
	number  string
	line    int
}

// NewShots returns an empty Shots that also finds the SOT windows of
// markers (nil means DefaultSOTMarkers), as EDL.SOTWindows does.
func NewShots(markers []string) *Shots {
	if markers == nil {
		markers = DefaultSOTMarkers()
	}
	return &Shots{m: newMarkerMatcher(markers), sot: true}
}

// Add counts the next event line, in file order.
func (s *Shots) Add(ev *Event) {
	s.addCut(ev)
	if s.sot {
		s.addSOT(ev)
	}
}

func (s *Shots) addCut(ev *Event) {
	if !ev.IsVideo() || ev.RecordOutFrame <= ev.RecordInFrame {
		return
	}
	s.computed = nil
	c := timing.Cut{Frame: ev.RecordInFrame}
	if k := ev.Kind(); k != 'C' {
		c.Frames = ev.TransitionFrames
	}
	s.cuts = append(s.cuts, c)
	s.spans = append(s.spans, shotSpan{ev.RecordInFrame, ev.RecordOutFrame})
}

// Cuts returns the shot changes of the lines added, as EDL.Cuts.
func (s *Shots) Cuts() []timing.Cut {
	if s.computed != nil {
		return s.computed
	}
	spans := s.spans // sorted in place: their order does not matter
	sort.Slice(spans, func(i, j int) bool { return spans[i].in < spans[j].in })
	// maxOut[k] is the latest record-out among spans[:k+1].
	maxOut := make([]timing.Frame, len(spans))
	for k, sp := range spans {
		maxOut[k] = sp.out
		if k > 0 && maxOut[k-1] > sp.out {
			maxOut[k] = maxOut[k-1]
		}
	}
	cuts := append(make([]timing.Cut, 0, len(s.cuts)+len(spans)), s.cuts...)
	for _, sp := range spans {
		// Spans starting at or before sp.out; is any still running there?
		k := sort.Search(len(spans), func(k int) bool { return spans[k].in > sp.out }) - 1
		if k < 0 || maxOut[k] <= sp.out {
			cuts = append(cuts, timing.Cut{Frame: sp.out})
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
	if len(out) > 0 {
		s.computed = out
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
	s := NewShots(markers)
	for i := range e.Events {
		s.Add(&e.Events[i])
	}
	return s.SOTWindows()
}

func (s *Shots) addSOT(ev *Event) {
	if s.waiting {
		// The outgoing line of a dissolve or wipe covers the transition
		// of the incoming line that follows it.
		p := s.pending
		if ev.Number == p.number && ev.Kind() != 'C' && ev.RecordInFrame == p.in {
			p.out = p.in + ev.TransitionFrames
		}
		if p.out > p.in {
			s.sots = append(s.sots, p)
		}
		s.waiting = false
	}
	key, ok := "", false
	if ev.HasClipName && s.m.match(ev.ClipName) {
		key, ok = ev.ClipName, true
	} else {
		for _, l := range ev.Extras().Locators {
			if s.m.match(l.Text) {
				key, ok = l.Text, true
				if ev.HasClipName && ev.ClipName != "" {
					key = ev.ClipName
				}
				break
			}
		}
	}
	if !ok {
		return
	}
	// Copies, so that the EDL's text is not kept alive by them.
	sp := sotSpan{in: ev.RecordInFrame, out: ev.RecordOutFrame, key: strings.Clone(key), number: strings.Clone(ev.Number), line: ev.Line}
	switch {
	case sp.out == sp.in:
		s.pending, s.waiting = sp, true
	case sp.out > sp.in:
		s.sots = append(s.sots, sp)
	}
}

// SOTWindows returns the soundbite windows of the lines added, as
// EDL.SOTWindows; nil for a Shots made without NewShots.
func (s *Shots) SOTWindows() []timing.Window {
	var wins []timing.Window
	s.EachSOTWindow(func(w timing.Window) { wins = append(wins, w) })
	return wins
}

// EachSOTWindow calls f (when not nil) with each of the windows SOTWindows
// returns, in its order, and returns how many there are. It holds only the
// windows that a later soundbite could still extend, not all of them.
func (s *Shots) EachSOTWindow(f func(w timing.Window)) int {
	sort.SliceStable(s.sots, func(i, j int) bool { return s.sots[i].in < s.sots[j].in })
	cuts := s.Cuts()
	var queue []timing.Window // windows not yet handed out, in order
	base := 0                 // number of queue[0]
	open := map[string]int{}  // key → number of its latest window
	n := 0
	done := func() {
		w := &queue[0]
		if open[w.Clip] == base {
			delete(open, w.Clip)
		}
		if f != nil {
			lo := sort.Search(len(cuts), func(k int) bool { return cuts[k].Frame > w.In })
			for k := lo; k < len(cuts) && cuts[k].Frame < w.Out; k++ {
				w.Cuts = append(w.Cuts, cuts[k])
			}
			f(*w)
		}
		queue[0] = timing.Window{}
		queue = queue[1:]
		base++
	}
	for _, sp := range s.sots {
		// A window ending before this soundbite starts is complete:
		// soundbites come by record-in.
		for len(queue) > 0 && queue[0].Out < sp.in {
			done()
		}
		if k, ok := open[sp.key]; ok && sp.in <= queue[k-base].Out {
			w := &queue[k-base]
			w.Out = max(w.Out, sp.out)
			if f != nil {
				w.Events = append(w.Events, sp.number)
				w.Lines = append(w.Lines, sp.line)
			}
			continue
		}
		open[sp.key] = base + len(queue)
		w := timing.Window{In: sp.in, Out: sp.out, Clip: sp.key}
		if f != nil {
			w.Events, w.Lines = []string{sp.number}, []int{sp.line}
		}
		queue = append(queue, w)
		n++
	}
	for len(queue) > 0 {
		done()
	}
	return n
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
