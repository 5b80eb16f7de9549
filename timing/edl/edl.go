package edl

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// MaxEDLSize is the largest input, in bytes, that the EDL reader accepts.
const MaxEDLSize = 64 << 20

// MaxEDLLine is the longest line, in bytes without its line ending, that
// the EDL reader accepts.
const MaxEDLLine = 64 * 1024

// ErrNoEvents is wrapped by the error ReadEDL returns for input that holds
// no event line at all (an empty file, or text that is not an EDL).
var ErrNoEvents = errors.New("no CMX 3600 event lines")

// ErrNotEvent is wrapped by the error for a line that starts with an event
// number but is not a valid CMX 3600 event line.
var ErrNotEvent = errors.New("not a CMX 3600 event line")

// ErrDropFrameRate is wrapped by the error for a drop-frame EDL read at a
// rate without drop frame; it wraps timing.ErrBadTimecode.
var ErrDropFrameRate = fmt.Errorf("%w", timing.ErrBadTimecode)

// ErrBinary is wrapped by the error for input that is not text.
var ErrBinary = errors.New("binary data")

// ErrTooLarge is wrapped by the error for input over MaxEDLSize bytes.
var ErrTooLarge = errors.New("input too large")

// ErrLineTooLong is wrapped by the error for a line over MaxEDLLine bytes.
var ErrLineTooLong = errors.New("line too long")

// ParseError is the error type of the EDL reader: captions.ParseError,
// the one shape every sotcap reader reports with. Err says what was wrong
// and what was expected; it may wrap timing.ErrBadTimecode (with a
// *timing.TimecodeError), ErrNotEvent, ErrNoEvents, ErrBinary,
// ErrLineTooLong, ErrTooLarge or timing.ErrUnknownRate. Column counts
// bytes.
type ParseError = captions.ParseError

// Warning is something odd but readable in an EDL, at a 1-based line.
type Warning = captions.Warning

// Locator is a `* LOC:` marker on an event: a record timecode, a colour
// and optional text.
type Locator struct {
	// Line is the 1-based line of the LOC comment.
	Line int
	// timing.Timecode is the record timecode as written; Frame is its frame count
	// from 00:00:00:00 at the EDL's rate.
	Timecode string
	Frame    timing.Frame
	// Color is the colour as written ("RED", "Green"); empty when absent.
	Color string
	// Text is the marker's text; empty when absent.
	Text string
}

// Event is one event line of an EDL, with what its comment block says
// about it. A dissolve or wipe is two Events with the same Number: the
// outgoing clip (usually a zero-length cut) and the incoming clip carrying
// the transition.
type Event struct {
	// Line is the 1-based line of the event in the file.
	Line int
	// Number is the event number as written ("001", "000123").
	Number string
	// Reel is the source reel or tape name ("AX", "BL" for black).
	Reel string
	// Channels is the channel field as written: "V", "A", "A2", "AA",
	// "B", "AA/V", "NONE", ...
	Channels string
	// Transition is the edit type as written with its duration, single
	// spaced: "C", "D 030", "W001 010", "K B 015". An edit type field left
	// empty before a duration reads as just the duration ("008").
	Transition string
	// TransitionFrames is the length of a dissolve, wipe or key (0 for a
	// cut).
	TransitionFrames timing.Frame
	// The four timecodes as written.
	SourceIn, SourceOut, RecordIn, RecordOut string
	// RecordInFrame and RecordOutFrame are the record timecodes as frame
	// counts from 00:00:00:00 at the EDL's rate (RecordOutFrame exclusive).
	RecordInFrame, RecordOutFrame timing.Frame
	// ClipName is the name of the clip this line plays: FROM CLIP NAME
	// for a cut or the outgoing side of a transition, TO CLIP NAME for
	// the incoming side. HasClipName tells an absent name from an empty
	// one.
	ClipName    string
	HasClipName bool

	srcDrop bool // source timecodes are drop frame (FCM state at the line)

	// Extra holds what few event lines have (AUD channels, TO CLIP NAME,
	// SOURCE FILE, locators, motion effects, remarks); nil when the line
	// has none of them, so that an EDL of many plain cuts stays small.
	// Extras reads it whether or not it is nil.
	Extra *EventExtra
}

// EventExtra is what only some event lines have (Event.Extra).
type EventExtra struct {
	// Aud are the extra audio channels (3, 4, ...) that `AUD` lines add.
	Aud []int
	// ToClipName is the TO CLIP NAME comment that applies to this line.
	ToClipName    string
	HasToClipName bool
	// SourceFile is the SOURCE FILE comment that applies to this line.
	SourceFile    string
	HasSourceFile bool
	// Locators are the LOC comments that follow this line.
	Locators []Locator
	// Speed is the M2 motion effect speed in frames per second as written
	// (0 for a freeze frame, negative for reverse); nil without M2. It is
	// informational: record times are as written.
	Speed *float64
	// Comments are the remark lines that follow this line and are not
	// read into another field (free `*` remarks, COMMENT, REM, EFFECTS
	// NAME IS, AUD, unknown lines), as written without surrounding space.
	Comments []string
}

// Extras returns what e.Extra holds, or the zero EventExtra when e has
// none of it.
func (e *Event) Extras() EventExtra {
	if e.Extra == nil {
		return EventExtra{}
	}
	return *e.Extra
}

// more returns e.Extra, allocating it first if need be.
func (e *Event) more() *EventExtra {
	if e.Extra == nil {
		e.Extra = &EventExtra{}
	}
	return e.Extra
}

// speed returns e's motion effect speed, nil without one.
func (e *Event) speed() *float64 {
	if e.Extra == nil {
		return nil
	}
	return e.Extra.Speed
}

// Frames returns the record duration of e in frames.
func (e *Event) Frames() timing.Frame { return e.RecordOutFrame - e.RecordInFrame }

// Kind returns the edit type letter: 'C' (cut), 'D' (dissolve), 'W'
// (wipe), 'K' (key), or 0 when the edit type field was left empty.
func (e *Event) Kind() byte {
	if e.Transition == "" || e.Transition[0] < 'A' {
		return 0
	}
	return e.Transition[0]
}

// IsVideo reports whether e carries picture (channel V, or B for both).
func (e *Event) IsVideo() bool {
	for _, p := range strings.Split(e.Channels, "/") {
		if p == "V" || p == "B" {
			return true
		}
	}
	return false
}

// Tracks returns the tracks e plays on, expanded: "V" and "A1"... in
// order, from the channel field and AUD lines ("AA/V" is V, A1, A2).
func (e *Event) Tracks() []string {
	var out []string
	add := func(t string) {
		for _, x := range out {
			if x == t {
				return
			}
		}
		out = append(out, t)
	}
	for _, p := range strings.Split(e.Channels, "/") {
		switch p {
		case "V":
			add("V")
		case "B":
			add("V")
			add("A1")
		case "A":
			add("A1")
		case "AA":
			add("A1")
			add("A2")
		case "NONE", "":
		default:
			add(p)
		}
	}
	for _, n := range e.Extras().Aud {
		add("A" + strconv.Itoa(n))
	}
	// Picture first.
	for i, t := range out {
		if t == "V" && i > 0 {
			copy(out[1:i+1], out[:i])
			out[0] = "V"
		}
	}
	return out
}

// EDL is a CMX 3600 edit decision list as read by ReadEDL.
type EDL struct {
	// Title is the TITLE line's text; FCM is the header frame code mode
	// ("DROP FRAME", "NON-DROP FRAME", or empty when the header has none).
	Title, FCM string
	// DropFrame reports whether record timecodes are drop frame (from the
	// header FCM).
	DropFrame bool
	// timing.Rate is the rate the EDL was read at.
	Rate timing.Rate
	// Events are every event line, in file order.
	Events []Event
	// Comments are remark lines before the first event.
	Comments []string
	// Warnings are readable oddities, in line order.
	Warnings []Warning
}

// Reader reads a CMX 3600 EDL as Avid, Premiere and Resolve write it.
// Set File to have errors name the file.
//
// Event lines are read by tokens, never by columns: event numbers of any
// width, reels of any length (File32, File128, right-aligned), an empty
// edit-type field, and an optional transition duration after D, Wnnn or K.
// Record timecodes are drop frame when the header FCM (the last FCM line
// before the first event) says DROP FRAME, or when a timecode uses ';' or
// ','; later FCM lines describe the source timecodes of the events that
// follow and never switch the record timeline. Source timecodes are not
// checked against the record rate (sources may have other rates).
//
// A transition is two event lines with one number: the outgoing clip (a
// zero-length cut) and the incoming clip with the transition. FROM CLIP
// NAME names the outgoing (or only) clip, TO CLIP NAME the incoming one.
// LOC, M2 (motion), AUD, REM and remarks attach to the event line they
// follow. Lines that are not valid UTF-8 are read as ISO-8859-1. Odd but
// readable input (duration mismatches, odd FCM, unknown lines, a missing
// edit type) gives Warnings; nothing is "repaired".
type Reader struct {
	// File names the input in errors (ParseError.File).
	File string
	// timing.Rate is the record rate; the file does not say it.
	Rate timing.Rate

	r io.Reader
}

// NewReader returns a Reader of r at rate.
func NewReader(r io.Reader, rate timing.Rate) *Reader { return &Reader{Rate: rate, r: r} }

// ReadEDL reads a whole EDL from r at rate. Errors are *ParseError.
func Read(r io.Reader, rate timing.Rate) (*EDL, error) { return NewReader(r, rate).Read() }

// Read reads the whole EDL. Errors are *ParseError values naming the line
// and column and saying what was expected.
func (rd *Reader) Read() (*EDL, error) { return rd.read(nil) }

// ReadEach reads the EDL as Read does, but hands each event line to f as
// soon as the event it belongs to (the lines of one event number, with
// their comment block) is complete, in file order, and does not keep it.
// It reads line by line, so its memory grows with the longest event (and
// the warnings), not with the file. The EDL f gets
// has its header (Title, FCM, DropFrame, Rate) complete and no Events; ev
// is valid only during the call. The EDL returned has no Events, and its
// Warnings and Comments are complete. An error from f stops the reading
// and is returned as is; a ParseError may come after f has had some
// events.
func (rd *Reader) ReadEach(f func(e *EDL, ev *Event) error) (*EDL, error) {
	if f == nil {
		f = func(*EDL, *Event) error { return nil }
	}
	return rd.read(f)
}

func (rd *Reader) read(emit func(*EDL, *Event) error) (*EDL, error) {
	if rd.Rate.Nominal() == 0 {
		return nil, &ParseError{File: rd.File, Err: fmt.Errorf("%w: no frame rate given: the EDL does not say its rate", timing.ErrUnknownRate)}
	}
	p := parser{edl: &EDL{Rate: rd.Rate}, rate: rd.Rate, groupStart: -1, emit: emit}
	err := p.run(rd.r)
	if err != nil && p.emitErr != nil {
		return nil, p.emitErr
	}
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			pe = &ParseError{Err: err}
		}
		pe.File = rd.File
		return nil, pe
	}
	return p.edl, nil
}

type parser struct {
	edl  *EDL
	rate timing.Rate

	line       int
	header     bool // still before the first event
	fcmLine    int  // line of the header FCM
	srcDrop    bool // current FCM state (source timecodes)
	groupStart int  // index in edl.Events of the current event group, -1 before any
	names      []nameStmt
	motions    []motion

	emit    func(*EDL, *Event) error // ReadEach's f; nil for Read
	emitErr error                    // what emit returned
	events  int                      // event lines read
	sawText bool                     // a line with more than white space was read
}

// errEmit stops the parser when ReadEach's f fails.
var errEmit = errors.New("edl: stopped by the caller")

// flush hands the finished event group to emit and forgets it.
func (p *parser) flush() error {
	if p.emit == nil {
		return nil
	}
	for i := range p.edl.Events {
		if err := p.emit(p.edl, &p.edl.Events[i]); err != nil {
			p.emitErr = err
			return errEmit
		}
	}
	clear(p.edl.Events)
	p.edl.Events = p.edl.Events[:0]
	return nil
}

type nameStmt struct {
	kind byte // 'F' from, 'T' to, 'S' source file
	text string
}

type motion struct {
	line  int
	reel  string
	speed float64
	tc    string
	after int // index of the event line it followed
}

func (p *parser) run(r io.Reader) error {
	if p.emit != nil {
		return p.runLines(r)
	}
	// The input is read once into a strings.Builder, whose String does
	// not copy: fields are substrings of that one string, so the file is
	// held once, not as bytes and again as a string.
	var buf strings.Builder
	switch v := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		buf.Grow(min(v.Len(), MaxEDLSize) + 1)
	case interface{ Stat() (fs.FileInfo, error) }: // *os.File
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			buf.Grow(int(min(fi.Size(), MaxEDLSize)) + 1)
		}
	}
	if _, err := io.CopyBuffer(&buf, io.LimitReader(r, MaxEDLSize+1), make([]byte, 32<<10)); err != nil {
		return &ParseError{Err: err}
	}
	all := buf.String()
	if len(all) > MaxEDLSize {
		return errTooLarge()
	}
	if strings.HasPrefix(all, "\xFF\xFE") || strings.HasPrefix(all, "\xFE\xFF") {
		return errUTF16()
	}
	all = strings.TrimPrefix(all, "\xEF\xBB\xBF")
	p.edl.Events = make([]Event, 0, countEventLines(all))
	p.header = true
	for len(all) > 0 {
		// A line ends at LF, CRLF or a lone CR.
		line, rest := all, ""
		if k := strings.IndexByte(all, '\n'); k >= 0 {
			line, rest = all[:k], all[k+1:]
		}
		if c := strings.IndexByte(line, '\r'); c >= 0 {
			if c < len(line)-1 { // a lone CR ends the line
				rest = all[c+1:]
			}
			line = line[:c]
		}
		all = rest
		if err := p.textLine(line); err != nil {
			return err
		}
	}
	return p.finish()
}

func errTooLarge() error {
	return &ParseError{Err: fmt.Errorf("%w: over %d MiB: expected an EDL", ErrTooLarge, MaxEDLSize>>20)}
}

func errUTF16() error {
	return &ParseError{Line: 1, Column: 1, Err: fmt.Errorf("%w: UTF-16 text: expected an EDL in UTF-8 or ISO-8859-1", ErrBinary)}
}

// runLines is run for ReadEach: it reads line by line, so that neither
// the input nor its events are held whole. Lines split as run splits
// them. A regular file over MaxEDLSize is refused before any line is
// read, as run does; another input when its size is reached.
func (p *parser) runLines(r io.Reader) error {
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxEDLSize {
			return errTooLarge()
		}
	}
	lr := &io.LimitedReader{R: r, N: MaxEDLSize + 1}
	br := bufio.NewReaderSize(lr, 64<<10)
	if head, _ := br.Peek(3); bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) {
		return errUTF16()
	} else if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	p.header = true
	var long []byte // a line longer than br's buffer
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, chunk...)
			continue
		}
		if err != nil && err != io.EOF {
			return &ParseError{Err: err}
		}
		if lr.N <= 0 {
			return errTooLarge()
		}
		b := chunk
		if long != nil {
			b = append(long, chunk...)
			long = nil
		}
		if len(b) == 0 {
			break
		}
		// One LF-ended line: its CRs end lines too, one before the LF
		// (or the end) only ends this one.
		b = bytes.TrimSuffix(b, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		text := string(b)
		for {
			c := strings.IndexByte(text, '\r')
			line := text
			if c >= 0 {
				line = text[:c]
			}
			if err := p.textLine(line); err != nil {
				return err
			}
			if c < 0 {
				break
			}
			text = text[c+1:]
		}
		if err == io.EOF {
			break
		}
	}
	return p.finish()
}

// textLine reads the next line of text, without its line ending.
func (p *parser) textLine(line string) error {
	p.line++
	if len(line) > MaxEDLLine {
		return &ParseError{Line: p.line, Err: fmt.Errorf("%w: %d bytes: expected at most 64 KiB (%d bytes) per line", ErrLineTooLong, len(line), MaxEDLLine)}
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 && c != '\t' && c != '\f' && c != '\v' && c != 0x1A || c == 0x7F {
			return &ParseError{Line: p.line, Column: i + 1, Err: fmt.Errorf("%w (byte 0x%02X): expected a text EDL", ErrBinary, c)}
		}
	}
	t := strings.TrimSpace(strings.TrimRight(line, "\x1A"))
	if t == "" {
		return nil
	}
	p.sawText = true
	if !utf8.ValidString(line) {
		line = latin1(line)
		t = strings.TrimSpace(strings.TrimRight(line, "\x1A"))
		if t == "" {
			return nil // only white space once decoded (0xA0 is a Latin-1 no-break space)
		}
	}
	return p.handle(line, t)
}

// finish ends the reading once every line is read.
func (p *parser) finish() error {
	if p.events == 0 {
		if !p.sawText {
			return &ParseError{Line: 1, Err: fmt.Errorf("%w: the input is empty: expected TITLE:, FCM: and event lines", ErrNoEvents)}
		}
		return &ParseError{Line: p.line, Err: fmt.Errorf("%w in %d lines: expected event lines such as \"001  AX  V  C  01:00:00:00 01:00:05:00 01:00:00:00 01:00:05:00\"", ErrNoEvents, p.line)}
	}
	p.closeGroup()
	if err := p.flush(); err != nil {
		return err
	}
	sort.SliceStable(p.edl.Warnings, func(i, j int) bool { return p.edl.Warnings[i].Line < p.edl.Warnings[j].Line })
	return nil
}

// countEventLines returns how many lines of s start with a digit (after
// spaces), which is how many event lines s can have.
func countEventLines(s string) int {
	n := 0
	for len(s) > 0 {
		t := strings.TrimLeft(s, " \t")
		if t != "" && t[0] >= '0' && t[0] <= '9' {
			n++
		}
		k := strings.IndexByte(s, '\n')
		if k < 0 {
			break
		}
		s = s[k+1:]
	}
	return n
}

// latin1 returns s, which is not valid UTF-8, read as ISO-8859-1.
func latin1(b string) string {
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); i++ {
		sb.WriteRune(rune(b[i]))
	}
	return sb.String()
}

func (p *parser) warn(format string, args ...any) {
	p.edl.Warnings = append(p.edl.Warnings, Warning{Line: p.line, Message: fmt.Sprintf(format, args...)})
}

// current returns the event line that comment lines attach to, or nil
// before the first event.
func (p *parser) current() *Event {
	if len(p.edl.Events) == 0 {
		return nil
	}
	return &p.edl.Events[len(p.edl.Events)-1]
}

func (p *parser) comment(t string) {
	if e := p.current(); e != nil {
		x := e.more()
		x.Comments = append(x.Comments, t)
	} else {
		p.edl.Comments = append(p.edl.Comments, t)
	}
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (p *parser) handle(s, t string) error {
	c := t[0]
	if c >= '0' && c <= '9' {
		return p.event(s)
	}
	body, star := t, false
	if c == '*' {
		star = true
		body = strings.TrimLeft(t[1:], " \t")
	}
	switch {
	case hasPrefixFold(body, "FROM CLIP NAME:"):
		p.name('F', body[len("FROM CLIP NAME:"):])
	case hasPrefixFold(body, "TO CLIP NAME:"):
		p.name('T', body[len("TO CLIP NAME:"):])
	case hasPrefixFold(body, "SOURCE FILE:"):
		p.name('S', body[len("SOURCE FILE:"):])
	case hasPrefixFold(body, "LOC:"):
		p.locator(t, body[len("LOC:"):])
	case star:
		p.comment(t)
	case hasPrefixFold(t, "TITLE:"):
		v := strings.TrimSpace(t[len("TITLE:"):])
		if p.header && p.edl.Title == "" {
			p.edl.Title = v
		} else {
			p.warn("another TITLE (%q) ignored: the EDL is titled %q", v, p.edl.Title)
			p.comment(t)
		}
	case hasPrefixFold(t, "FCM:"):
		p.fcm(t[len("FCM:"):])
	case hasPrefixFold(t, "M2 ") || hasPrefixFold(t, "M2\t"):
		p.motion(t)
	case hasPrefixFold(t, "AUD ") || hasPrefixFold(t, "AUD\t"):
		p.aud(t)
	case hasPrefixFold(t, "REM") || hasPrefixFold(t, "EFFECTS NAME IS") || hasPrefixFold(t, "COMMENT:") ||
		hasPrefixFold(t, "SPLIT:") || hasPrefixFold(t, "SWM") || hasPrefixFold(t, ">>>") || hasPrefixFold(t, "GPI"):
		p.comment(t)
	default:
		p.warn("unknown line kept as a comment: %q", clip(t, 60))
		p.comment(t)
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (p *parser) name(kind byte, v string) {
	v = strings.TrimSpace(v)
	if kind != 'S' {
		v = strings.TrimSuffix(v, " FF") // freeze-frame marker
		v = strings.TrimSpace(v)
	}
	if p.groupStart < 0 {
		p.warn("%s before the first event ignored", map[byte]string{'F': "FROM CLIP NAME", 'T': "TO CLIP NAME", 'S': "SOURCE FILE"}[kind])
		return
	}
	p.names = append(p.names, nameStmt{kind, v})
}

var locatorColors = [...]string{"RED", "GREEN", "BLUE", "CYAN", "MAGENTA", "YELLOW", "BLACK", "WHITE",
	"PINK", "ORANGE", "PURPLE", "VIOLET", "GRAY", "GREY"}

func (p *parser) locator(t, body string) {
	e := p.current()
	f := strings.Fields(body)
	if e == nil || len(f) == 0 {
		p.warn("LOC without a timecode or before the first event kept as a comment")
		p.comment(t)
		return
	}
	loc := Locator{Line: p.line, Timecode: f[0]}
	n, err := timing.ParseTimecode(f[0], p.rate, p.edl.DropFrame)
	if err != nil {
		p.warn("LOC kept as a comment: %v", err)
		p.comment(t)
		return
	}
	loc.Frame = n
	rest := strings.TrimSpace(body)[len(f[0]):]
	rest = strings.TrimSpace(rest)
	if len(f) > 1 {
		for _, c := range locatorColors {
			if strings.EqualFold(f[1], c) {
				loc.Color = f[1]
				rest = strings.TrimSpace(rest[len(f[1]):])
				break
			}
		}
	}
	loc.Text = rest
	x := e.more()
	x.Locators = append(x.Locators, loc)
}

func (p *parser) fcm(v string) {
	raw := strings.TrimSpace(v)
	var mode string
	drop := false
	switch {
	case hasPrefixFold(raw, "NON-DROP FRAME"):
		mode = "NON-DROP FRAME"
	case hasPrefixFold(raw, "DROP FRAME"):
		mode, drop = "DROP FRAME", true
	case hasPrefixFold(raw, "NON DROP FRAME"), hasPrefixFold(raw, "NDF"):
		mode = "NON-DROP FRAME"
	case hasPrefixFold(raw, "DF"):
		mode, drop = "DROP FRAME", true
	default:
		p.warn("odd FCM %q ignored: expected DROP FRAME or NON-DROP FRAME", clip(raw, 60))
		return
	}
	if !strings.EqualFold(raw, mode) {
		p.warn("odd FCM %q read as %s", clip(raw, 60), mode)
	}
	p.srcDrop = drop
	if p.header {
		p.edl.FCM, p.edl.DropFrame, p.fcmLine = mode, drop, p.line
	}
}

func (p *parser) motion(t string) {
	f := strings.Fields(t)
	e := p.current()
	if e == nil || len(f) < 4 {
		p.warn("M2 line kept as a comment: expected M2 REEL SPEED TIMECODE")
		p.comment(t)
		return
	}
	speed, err := strconv.ParseFloat(f[len(f)-2], 64)
	if err != nil {
		p.warn("M2 line kept as a comment: speed %q is not a number", f[len(f)-2])
		p.comment(t)
		return
	}
	p.motions = append(p.motions, motion{line: p.line, reel: strings.Join(f[1:len(f)-2], " "),
		speed: speed, tc: f[len(f)-1], after: len(p.edl.Events) - 1})
}

// aud reads an AUD line: extra audio channels for every line of the
// current event (both lines of a transition).
func (p *parser) aud(t string) {
	e := p.current()
	f := strings.Fields(t)[1:]
	if e == nil || len(f) == 0 {
		p.warn("AUD line kept as a comment: expected AUD and channel numbers after an event")
		p.comment(t)
		return
	}
	var chans []int
	for _, x := range f {
		x = strings.TrimPrefix(strings.ToUpper(x), "A")
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 99 {
			p.warn("AUD channel %q ignored: expected a channel number", x)
			continue
		}
		chans = append(chans, n)
	}
	for i := max(p.groupStart, 0); i < len(p.edl.Events); i++ {
		ev := &p.edl.Events[i]
	next:
		for _, n := range chans {
			for _, m := range ev.Extras().Aud {
				if m == n {
					continue next
				}
			}
			x := ev.more()
			x.Aud = append(x.Aud, n)
		}
	}
	x := e.more()
	x.Comments = append(x.Comments, t)
}

// span is a token's byte range in a line.
type span struct{ i, j int }

func tokens(s string, buf []span) []span {
	out := buf[:0]
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isChannel reports whether s is a channel field: V, B, A, AA, A2…A99,
// NONE, or a '/'-joined combination (AA/V, A2/V).
func isChannel(s string) bool {
	if s == "NONE" {
		return true
	}
	for len(s) > 0 {
		part := s
		if k := strings.IndexByte(s, '/'); k >= 0 {
			part, s = s[:k], s[k+1:]
			if s == "" {
				return false
			}
		} else {
			s = ""
		}
		switch {
		case part == "V", part == "B", part == "A", part == "AA":
		case len(part) >= 2 && len(part) <= 3 && part[0] == 'A' && isDigits(part[1:]):
		default:
			return false
		}
	}
	return true
}

// isEditType reports whether s is an edit type: C, D, Wnnn, K, KB, KO.
func isEditType(s string) bool {
	switch s {
	case "C", "D", "K", "KB", "KO":
		return true
	}
	return len(s) >= 2 && s[0] == 'W' && (isDigits(s[1:]) || (len(s) > 2 && s[len(s)-1] == 'R' && isDigits(s[1:len(s)-1])))
}

const eventForm = "NUMBER REEL CHANNELS EDIT-TYPE [DURATION] SOURCE-IN SOURCE-OUT RECORD-IN RECORD-OUT"

func (p *parser) event(s string) error {
	var buf [24]span
	tk := tokens(s, buf[:])
	tok := func(k int) string { return s[tk[k].i:tk[k].j] }
	bad := func(k int, format string, args ...any) error {
		col := 1
		if k >= 0 && k < len(tk) {
			col = tk[k].i + 1
		}
		return &ParseError{Line: p.line, Column: col, Err: fmt.Errorf("%w: %s", ErrNotEvent, fmt.Sprintf(format, args...))}
	}
	if !isDigits(tok(0)) || len(tok(0)) > 9 {
		return bad(0, "event number %q: expected up to 9 digits, as in %s", clip(tok(0), 20), eventForm)
	}
	n := len(tk)
	if n < 8 {
		return bad(n-1, "%d fields: expected %s", n, eventForm)
	}
	var tcs [4]timing.Timecode
	for k := 0; k < 4; k++ {
		tc, err := timing.SplitTimecode(tok(n - 4 + k))
		if err != nil {
			what := [...]string{"source in", "source out", "record in", "record out"}[k]
			return bad(n-4+k, "%s %q: expected a timecode HH:MM:SS:FF; the line should read %s", what, clip(tok(n-4+k), 20), eventForm)
		}
		tcs[k] = tc
	}
	// Between the number and the timecodes: reel, channels, edit type and
	// an optional duration, read from the right so that reels may be of
	// any length (or hold spaces).
	hi := n - 4 // exclusive
	e := Event{Line: p.line, Number: tok(0), srcDrop: p.srcDrop}
	dur := ""
	if hi-1 >= 1 && isDigits(tok(hi-1)) && !isChannel(tok(hi-1)) {
		dur = tok(hi - 1)
		hi--
	}
	typ := ""
	switch {
	case hi-1 >= 3 && (tok(hi-1) == "B" || tok(hi-1) == "O") && tok(hi-2) == "K" && isChannel(tok(hi-3)):
		typ = "K " + tok(hi-1)
		hi -= 2
	case hi-1 >= 1 && isEditType(tok(hi-1)):
		typ = tok(hi - 1)
		hi--
	}
	if typ == "" && dur == "" {
		return bad(hi-1, "edit type %q: expected C, D, Wnnn or K after the channels, as in %s", clip(tok(hi-1), 20), eventForm)
	}
	if hi-1 < 1 || !isChannel(tok(hi-1)) {
		return bad(hi-1, "channels %q: expected V, A, A2, AA, B, AA/V, NONE ... before the edit type, as in %s", clip(tok(max(hi-1, 0)), 20), eventForm)
	}
	e.Channels = tok(hi - 1)
	hi--
	if hi < 2 {
		return bad(1, "no reel: expected %s", eventForm)
	}
	e.Reel = strings.TrimSpace(s[tk[1].i:tk[hi-1].j])
	switch {
	case typ == "":
		e.Transition = dur
		p.warn("event %s has no edit type before the transition duration %s: read as a %s-frame transition", e.Number, dur, strings.TrimLeft(dur, "0"))
	case dur == "":
		e.Transition = typ
		if typ != "C" {
			p.warn("event %s: edit type %s without a duration", e.Number, typ)
		}
	default:
		e.Transition = typ + " " + dur
	}
	if dur != "" {
		d, _ := strconv.ParseInt(dur, 10, 64)
		e.TransitionFrames = timing.Frame(d)
		if typ == "C" && d != 0 {
			p.warn("event %s: a cut with a duration (%s)", e.Number, dur)
		}
	}
	e.SourceIn, e.SourceOut, e.RecordIn, e.RecordOut = tok(n-4), tok(n-3), tok(n-2), tok(n-1)

	if p.header {
		p.header = false
		if p.edl.DropFrame && !p.rate.DropFrameCapable() {
			return &ParseError{Line: p.fcmLine, Column: 1, Err: fmt.Errorf("%w: FCM: DROP FRAME, but the EDL is read at %s fps and drop frame exists only at 29.97 and 59.94: expected the EDL to be read at 29.97 or 59.94", ErrDropFrameRate, p.rate)}
		}
	}
	var err error
	for k, dst := range [2]*timing.Frame{&e.RecordInFrame, &e.RecordOutFrame} {
		tc := tcs[2+k]
		tc.Drop = tc.Drop || p.edl.DropFrame
		if *dst, err = tc.Frame(p.rate); err != nil {
			var te *timing.TimecodeError
			if errors.As(err, &te) {
				te.Timecode = tok(n - 2 + k)
			}
			what := [...]string{"record in", "record out"}[k]
			return &ParseError{Line: p.line, Column: tk[n-2+k].i + 1, Err: fmt.Errorf("event %s %s: %w", e.Number, what, err)}
		}
	}
	if e.RecordOutFrame < e.RecordInFrame {
		p.warn("event %s: record out %s is before record in %s", e.Number, e.RecordOut, e.RecordIn)
	}

	if p.groupStart < 0 || p.edl.Events[p.groupStart].Number != e.Number {
		p.closeGroup()
		if err := p.flush(); err != nil {
			return err
		}
		p.groupStart = len(p.edl.Events)
	}
	p.edl.Events = append(p.edl.Events, e)
	p.events++
	return nil
}

// closeGroup finishes the event lines that share one event number: it
// hands out the clip names, source files and motion effects of their
// comment block and checks durations.
func (p *parser) closeGroup() {
	if p.groupStart < 0 {
		return
	}
	g := p.edl.Events[p.groupStart:]
	// The incoming side of a transition: the first line after the first
	// whose edit type is not a cut.
	in := -1
	for k := 1; k < len(g); k++ {
		if g[k].Kind() != 'C' {
			in = k
			break
		}
	}
	if len(g) == 1 && g[0].Kind() != 'C' {
		in = 0
	}
	var froms, tos, files []string
	for _, st := range p.names {
		switch st.kind {
		case 'F':
			froms = append(froms, st.text)
		case 'T':
			tos = append(tos, st.text)
		case 'S':
			files = append(files, st.text)
		}
	}
	// FROM names (and source files) go to the lines that are not the
	// incoming side, in order; one name serves them all.
	assign := func(vals []string, set func(e *Event, v string)) {
		k := 0
		for i := range g {
			if i == in && len(g) > 1 {
				continue
			}
			if k < len(vals) {
				set(&g[i], vals[k])
				if len(vals) > 1 {
					k++
				}
			}
		}
	}
	assign(froms, func(e *Event, v string) { e.ClipName, e.HasClipName = v, true })
	assign(files, func(e *Event, v string) { e.more().SourceFile, e.more().HasSourceFile = v, true })
	if len(tos) > 0 {
		t := in
		if t < 0 {
			t = len(g) - 1
		}
		g[t].more().ToClipName, g[t].more().HasToClipName = tos[0], true
		// The incoming side of a transition plays the TO clip; so does a
		// line that has no FROM name at all.
		if t == in || !g[t].HasClipName {
			g[t].ClipName, g[t].HasClipName = tos[0], true
		}
	}
	if len(froms) > 1 && len(froms) > len(g) {
		p.edl.Warnings = append(p.edl.Warnings, Warning{Line: g[0].Line,
			Message: fmt.Sprintf("event %s: %d FROM CLIP NAME comments for %d event lines; extra names ignored", g[0].Number, len(froms), len(g))})
	}
	if len(tos) > 1 {
		p.edl.Warnings = append(p.edl.Warnings, Warning{Line: g[0].Line,
			Message: fmt.Sprintf("event %s: %d TO CLIP NAME comments; the first is used", g[0].Number, len(tos))})
	}
	if len(p.motions) > 0 {
		// Each M2 goes to the line of its reel whose source-in it names,
		// else to the first line of its reel without one, else to the line
		// it follows. Queues keep this linear in the group's size.
		byTC := map[[2]string][]int{}
		byReel := map[string][]int{}
		for i := range g {
			byTC[[2]string{g[i].Reel, g[i].SourceIn}] = append(byTC[[2]string{g[i].Reel, g[i].SourceIn}], i)
			byReel[g[i].Reel] = append(byReel[g[i].Reel], i)
		}
		next := func(q []int) (int, []int) {
			for len(q) > 0 && g[q[0]].speed() != nil {
				q = q[1:]
			}
			if len(q) == 0 {
				return -1, q
			}
			return q[0], q[1:]
		}
		for _, m := range p.motions {
			k := [2]string{m.reel, m.tc}
			target, q := next(byTC[k])
			byTC[k] = q
			if target < 0 {
				target, q = next(byReel[m.reel])
				byReel[m.reel] = q
			}
			if target < 0 {
				target = m.after - p.groupStart
			}
			v := m.speed
			g[target].more().Speed = &v
		}
	}
	for i := range g {
		p.checkDuration(&g[i])
	}
	p.names = p.names[:0]
	p.motions = p.motions[:0]
	p.groupStart = -1
}

// isBlack reports whether reel is the black (or silence) pseudo-reel,
// whose source timecodes mean nothing.
func isBlack(reel string) bool {
	switch strings.ToUpper(reel) {
	case "BL", "BLK", "BLACK":
		return true
	}
	return false
}

// checkDuration warns when an event's source and record durations differ.
// Source timecodes are read at the record rate in the FCM mode in force at
// the line; sources that are not valid at that rate (another rate's
// media), untimed sources (in = out), black and motion effects are not
// checked.
func (p *parser) checkDuration(e *Event) {
	if e.speed() != nil || e.SourceIn == e.SourceOut || e.RecordOutFrame < e.RecordInFrame || isBlack(e.Reel) {
		return
	}
	si, err1 := timing.ParseTimecode(e.SourceIn, p.rate, e.srcDrop)
	so, err2 := timing.ParseTimecode(e.SourceOut, p.rate, e.srcDrop)
	if err1 != nil || err2 != nil {
		return
	}
	if src, rec := so-si, e.Frames(); src != rec {
		p.edl.Warnings = append(p.edl.Warnings, Warning{Line: e.Line,
			Message: fmt.Sprintf("event %s: source duration %d frames but record duration %d frames (record timecodes kept as written)", e.Number, src, rec)})
	}
}
