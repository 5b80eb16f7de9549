package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/sotcap/sotcap/timing"
	"github.com/sotcap/sotcap/timing/edl"
)

// EDLOptions are the flags and argument of `sotcap edl`.
type EDLOptions struct {
	File string // path, or "-" for standard input
	FPS  string // record rate; the EDL does not say it
	JSON bool   // machine-readable output
}

// maxEDLWarnings is how many warnings the table shows (--json has all).
const maxEDLWarnings = 20

func RunEDL(o EDLOptions, s IO) error {
	if o.FPS == "" {
		return BadInput(fmt.Errorf("edl %s: --fps is required: the EDL does not say its rate (23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60)", o.File))
	}
	rate, err := timing.ParseRate(o.FPS)
	if err != nil {
		return BadInput(fmt.Errorf("--fps: %w", err))
	}
	if o.File != "-" {
		if fi, err := os.Stat(o.File); err == nil && fi.Mode().IsRegular() {
			if o.JSON {
				return streamEDLJSON(o.File, rate, s)
			}
			return streamEDLTable(o.File, rate, s)
		}
	}
	var in io.Reader = s.In
	name := "<stdin>"
	if o.File != "-" {
		f, err := os.Open(o.File)
		if err != nil {
			return BadInput(err)
		}
		defer f.Close()
		in, name = f, o.File
	}
	rd := edl.NewReader(in, rate)
	rd.File = name
	e, err := rd.Read()
	if err != nil {
		return BadInput(flagHint(err))
	}
	// Stream the output: the EDL is in memory already, and a copy of it
	// as one JSON tree or one tabwriter table would be many times its size.
	bw := bufio.NewWriterSize(&stickyWriter{w: s.Out}, 64<<10)
	if o.JSON {
		if err := writeEDLJSON(bw, e); err != nil {
			return err
		}
	} else {
		writeEDLTable(bw, e, name)
	}
	return bw.Flush()
}

// writeEDLJSON writes the --json document event by event, byte for byte
// as json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false) would
// write edlToJSON(e) whole, without building it.
func writeEDLJSON(w io.Writer, e *edl.EDL) error {
	jw := newEDLJSONWriter(w)
	if err := jw.header(e); err != nil {
		return err
	}
	for i := range e.Events {
		if err := jw.event(e, &e.Events[i]); err != nil {
			return err
		}
	}
	return jw.finish(e)
}

// streamEDLJSON writes the --json document of the regular file name
// without holding its events: a first reading checks the whole file (an
// error then writes nothing), a second writes each event as it is read.
func streamEDLJSON(name string, rate timing.Rate, s IO) error {
	read := func(f func(*edl.EDL, *edl.Event) error) (*edl.EDL, error) {
		fh, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		rd := edl.NewReader(fh, rate)
		rd.File = name
		return rd.ReadEach(f)
	}
	if _, err := read(nil); err != nil {
		return BadInput(flagHint(err))
	}
	bw := bufio.NewWriterSize(&stickyWriter{w: s.Out}, 64<<10)
	jw := newEDLJSONWriter(bw)
	e, err := read(func(h *edl.EDL, ev *edl.Event) error {
		if jw.events == 0 {
			if err := jw.header(h); err != nil {
				return err
			}
		}
		return jw.event(h, ev)
	})
	if err != nil {
		return BadInput(fmt.Errorf("%s changed while being read: %w", name, err))
	}
	if err := jw.finish(e); err != nil {
		return err
	}
	return bw.Flush()
}

// edlJSONWriter writes the --json document in parts: the header, each
// event as it comes, then the warnings.
type edlJSONWriter struct {
	w      io.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	events int // events written
	one    edl.EDL
}

func newEDLJSONWriter(w io.Writer) *edlJSONWriter {
	j := &edlJSONWriter{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("    ", "  ")
	j.one.Events = make([]edl.Event, 1)
	return j
}

// value encodes v as an element nested two levels deep.
func (j *edlJSONWriter) value(v any) ([]byte, error) {
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")), nil
}

// header writes the document's opening and the header's fields.
func (j *edlJSONWriter) header(e *edl.EDL) error {
	head := edlToJSON(&edl.EDL{Title: e.Title, FCM: e.FCM, Rate: e.Rate, DropFrame: e.DropFrame})
	hb, err := json.Marshal(struct {
		Title     *string `json:"title"`
		FCM       *string `json:"fcm"`
		Rate      string  `json:"rate"`
		DropFrame bool    `json:"drop_frame"`
	}{head.Title, head.FCM, head.Rate, head.DropFrame})
	if err != nil {
		return err
	}
	// The header's fields as indented "key": value lines.
	var hdr bytes.Buffer
	if err := json.Indent(&hdr, hb, "", "  "); err != nil {
		return err
	}
	_, err = j.w.Write(bytes.TrimSuffix(hdr.Bytes(), []byte("\n}")))
	return err
}

// event writes one event of e (whose Rate and DropFrame it is read at).
func (j *edlJSONWriter) event(e *edl.EDL, ev *edl.Event) error {
	j.one.Rate, j.one.DropFrame, j.one.Events[0] = e.Rate, e.DropFrame, *ev
	b, err := j.value(edlToJSON(&j.one).Events[0])
	j.one.Events[0] = edl.Event{}
	if err != nil {
		return err
	}
	if j.events == 0 {
		io.WriteString(j.w, ",\n  \"events\": [\n    ")
	} else {
		io.WriteString(j.w, ",\n    ")
	}
	j.events++
	_, err = j.w.Write(b)
	return err
}

// finish closes the events and writes e's warnings and the document's end.
func (j *edlJSONWriter) finish(e *edl.EDL) error {
	if j.events == 0 {
		io.WriteString(j.w, ",\n  \"events\": []")
	} else {
		io.WriteString(j.w, "\n  ]")
	}
	if len(e.Warnings) == 0 {
		_, err := io.WriteString(j.w, ",\n  \"warnings\": []\n}\n")
		return err
	}
	io.WriteString(j.w, ",\n  \"warnings\": [\n")
	for i, w := range e.Warnings {
		b, err := j.value(warningJSON{Line: w.Line, Message: w.Message})
		if err != nil {
			return err
		}
		io.WriteString(j.w, "    ")
		j.w.Write(b)
		if i < len(e.Warnings)-1 {
			io.WriteString(j.w, ",\n")
		}
	}
	_, err := io.WriteString(j.w, "\n  ]\n}\n")
	return err
}

// writeAligned writes a table as text/tabwriter with minwidth 0, the
// given padding, padding with spaces and no flags would (every column as
// wide as its widest cell plus padding, the last cell unpadded), but in
// two passes over rows instead of holding every cell: rows is called once
// to measure and once to write. Every row must have the same number of
// cells.
func writeAligned(w io.Writer, padding int, rows func(row func(cells ...string))) {
	writeAlignedWidths(w, padding, measureAligned(rows), rows)
}

// measureAligned returns the widths of the columns but the last of the
// rows rows gives.
func measureAligned(rows func(row func(cells ...string))) []int {
	var widths []int
	rows(func(cells ...string) {
		for i, c := range cells[:len(cells)-1] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	})
	return widths
}

// writeAlignedWidths writes the rows rows gives in columns of the given
// widths (measureAligned) plus padding.
func writeAlignedWidths(w io.Writer, padding int, widths []int, rows func(row func(cells ...string))) {
	var line []byte
	rows(func(cells ...string) {
		line = line[:0]
		for i, c := range cells[:len(cells)-1] {
			line = append(line, c...)
			for n := utf8.RuneCountInString(c); n < widths[i]+padding; n++ {
				line = append(line, ' ')
			}
		}
		line = append(line, cells[len(cells)-1]...)
		line = append(line, '\n')
		_, _ = w.Write(line)
	})
}

// edlJSON is the --json shape; machines read it, so it changes only by
// adding fields.
type edlJSON struct {
	Title     *string       `json:"title"`
	FCM       *string       `json:"fcm"`
	Rate      string        `json:"rate"`
	DropFrame bool          `json:"drop_frame"`
	Events    []eventJSON   `json:"events"`
	Warnings  []warningJSON `json:"warnings"`
}

type eventJSON struct {
	Line             int           `json:"line"`
	Number           int64         `json:"number"`
	Reel             string        `json:"reel"`
	Channels         string        `json:"channels"`
	Transition       string        `json:"transition"`
	TransitionFrames timing.Frame  `json:"transition_frames"`
	SourceIn         string        `json:"source_in"`
	SourceOut        string        `json:"source_out"`
	RecordIn         string        `json:"record_in"`
	RecordOut        string        `json:"record_out"`
	RecordInFrame    timing.Frame  `json:"record_in_frame"`
	RecordOutFrame   timing.Frame  `json:"record_out_frame"`
	ClipName         *string       `json:"clip_name"`
	ToClipName       *string       `json:"to_clip_name"`
	SourceFile       *string       `json:"source_file"`
	Locators         []locatorJSON `json:"locators"`
	Speed            *float64      `json:"speed"`
	Comments         []string      `json:"comments"`
}

type locatorJSON struct {
	Timecode string       `json:"timecode"`
	Frame    timing.Frame `json:"frame"`
	Color    *string      `json:"color"`
	Text     *string      `json:"text"`
}

func optional(s string, ok bool) *string {
	if !ok {
		return nil
	}
	return &s
}

func edlToJSON(e *edl.EDL) edlJSON {
	out := edlJSON{
		Title:     optional(e.Title, e.Title != ""),
		FCM:       optional(e.FCM, e.FCM != ""),
		Rate:      e.Rate.String(),
		DropFrame: e.DropFrame,
		Events:    make([]eventJSON, 0, len(e.Events)),
		Warnings:  make([]warningJSON, 0, len(e.Warnings)),
	}
	for i := range e.Events {
		ev := &e.Events[i]
		n, _ := strconv.ParseInt(ev.Number, 10, 64) // the reader accepts only digits
		x := ev.Extras()
		j := eventJSON{
			Line: ev.Line, Number: n, Reel: ev.Reel, Channels: ev.Channels,
			Transition: ev.Transition, TransitionFrames: ev.TransitionFrames,
			SourceIn: ev.SourceIn, SourceOut: ev.SourceOut, RecordIn: ev.RecordIn, RecordOut: ev.RecordOut,
			RecordInFrame: ev.RecordInFrame, RecordOutFrame: ev.RecordOutFrame,
			ClipName:   optional(ev.ClipName, ev.HasClipName),
			ToClipName: optional(x.ToClipName, x.HasToClipName),
			SourceFile: optional(x.SourceFile, x.HasSourceFile),
			Locators:   make([]locatorJSON, 0, len(x.Locators)),
			Speed:      x.Speed,
			Comments:   append([]string{}, x.Comments...),
		}
		for _, l := range x.Locators {
			j.Locators = append(j.Locators, locatorJSON{Timecode: l.Timecode, Frame: l.Frame,
				Color: optional(l.Color, l.Color != ""), Text: optional(l.Text, l.Text != "")})
		}
		out.Events = append(out.Events, j)
	}
	for _, w := range e.Warnings {
		out.Warnings = append(out.Warnings, warningJSON{Line: w.Line, Message: w.Message})
	}
	return out
}

func writeEDLTable(w io.Writer, e *edl.EDL, name string) {
	writeEDLTableHead(w, e, name, len(e.Events))
	writeAligned(w, 2, func(row func(cells ...string)) {
		tableRows(row, func(ev func(*edl.Event)) {
			for i := range e.Events {
				ev(&e.Events[i])
			}
		})
	})
	shots := edl.NewShots(nil)
	for i := range e.Events {
		shots.Add(&e.Events[i])
	}
	writeEDLTableFoot(w, e, name, shots)
}

// streamEDLTable writes the table of the regular file name without
// holding its events: a first reading checks the file, counts its events
// and measures the columns, a second writes the rows.
func streamEDLTable(name string, rate timing.Rate, s IO) error {
	read := func(f func(*edl.EDL, *edl.Event) error) (*edl.EDL, error) {
		fh, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		rd := edl.NewReader(fh, rate)
		rd.File = name
		return rd.ReadEach(f)
	}
	shots := edl.NewShots(nil)
	n := 0
	var head *edl.EDL
	widths := measureAligned(func(row func(cells ...string)) {
		tableRows(row, func(each func(*edl.Event)) {
			head, _ = read(func(h *edl.EDL, ev *edl.Event) error {
				n++
				shots.Add(ev)
				each(ev)
				return nil
			})
		})
	})
	if head == nil { // the error, from a reading that keeps nothing
		_, err := read(nil)
		if err == nil {
			err = fmt.Errorf("%s changed while being read", name)
		}
		return BadInput(flagHint(err))
	}
	bw := bufio.NewWriterSize(&stickyWriter{w: s.Out}, 64<<10)
	writeEDLTableHead(bw, head, name, n)
	var err error
	writeAlignedWidths(bw, 2, widths, func(row func(cells ...string)) {
		tableRows(row, func(each func(*edl.Event)) {
			_, err = read(func(_ *edl.EDL, ev *edl.Event) error {
				each(ev)
				return nil
			})
		})
	})
	if err != nil {
		return BadInput(fmt.Errorf("%s changed while being read: %w", name, err))
	}
	writeEDLTableFoot(bw, head, name, shots)
	return bw.Flush()
}

func writeEDLTableHead(w io.Writer, e *edl.EDL, name string, events int) {
	mode := "non-drop frame"
	if e.DropFrame {
		mode = "drop frame"
	}
	fmt.Fprintf(w, "%s: %q, %d event lines at %s fps, record timecodes %s\n\n", name, e.Title, events, e.Rate, mode)
}

// tableRows gives row the table's heading and the cells of each event
// that events hands out.
func tableRows(row func(cells ...string), events func(func(*edl.Event))) {
	row("LINE", "EVENT", "REEL", "CH", "EDIT", "SOURCE IN", "SOURCE OUT", "RECORD IN", "RECORD OUT", "FRAMES", "SPEED", "CLIP")
	events(func(ev *edl.Event) {
		clip := "-"
		if ev.HasClipName {
			clip = strconv.Quote(ev.ClipName)
		}
		speed := ""
		if sp := ev.Extras().Speed; sp != nil {
			speed = strconv.FormatFloat(*sp, 'f', -1, 64)
		}
		row(strconv.Itoa(ev.Line), ev.Number, ev.Reel, ev.Channels, ev.Transition,
			ev.SourceIn, ev.SourceOut, ev.RecordIn, ev.RecordOut,
			fmt.Sprintf("%d-%d", ev.RecordInFrame, ev.RecordOutFrame), speed, clip)
	})
}

// writeEDLTableFoot writes the shot changes, SOT windows and warnings.
func writeEDLTableFoot(w io.Writer, e *edl.EDL, name string, shots *edl.Shots) {
	fmt.Fprintf(w, "\n%d shot changes, %d SOT windows\n", len(shots.Cuts()), shots.EachSOTWindow(nil))
	shots.EachSOTWindow(func(win timing.Window) {
		fmt.Fprintf(w, "  SOT %q %s-%s (%d frames), events %v, %d cuts inside\n", win.Clip,
			timing.FormatTimecode(win.In, e.Rate, e.DropFrame), timing.FormatTimecode(win.Out, e.Rate, e.DropFrame),
			win.Frames(), win.Events, len(win.Cuts))
	})
	if len(e.Warnings) > 0 {
		fmt.Fprintf(w, "\n%d warnings\n", len(e.Warnings))
		for i, wr := range e.Warnings {
			if i == maxEDLWarnings {
				fmt.Fprintf(w, "  ... %d more (--json lists them all)\n", len(e.Warnings)-i)
				break
			}
			fmt.Fprintf(w, "  %s:%d: %s\n", name, wr.Line, wr.Message)
		}
	}
}
