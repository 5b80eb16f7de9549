package scc

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
	"github.com/sotcap/sotcap/timing"
)

// Header is the first line of every SCC file.
const Header = "Scenarist_SCC V1.0"

// Detect reports whether data is an SCC file: after an optional UTF-8 byte
// order mark it begins with Header.
func Detect(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimPrefix(data, bom), []byte(Header))
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Errors wrapped in the *captions.ParseError of Read.
var (
	ErrNotSCC      = errors.New("not an SCC file")
	ErrBackwards   = errors.New("timecode goes backwards")
	ErrUnknownCode = errors.New("unknown control code")
	ErrSyntax      = errors.New("malformed line")
	// Errors only under ReadOptions.Strict (warnings otherwise).
	ErrParity  = errors.New("parity error")
	ErrOverlap = errors.New("line starts before the previous line's data has been sent")
	ErrBadByte = errors.New("control byte inside a character pair")
	ErrColumns = errors.New("text past column 32")
)

// ReadOptions say what an SCC file does not.
type ReadOptions struct {
	// File names the input in errors.
	File string
	// Rate is the frame rate the timecode labels count: 29.97 (the zero
	// value) or 30. At 29.97 a label with ';' is drop-frame, one with ':'
	// non-drop-frame; at 30 every label must be non-drop-frame.
	Rate timing.Rate
	// Channel is the caption channel read: 1 (CC1, the zero value) or 2.
	Channel int
	// Strict refuses, as a *captions.ParseError, what is otherwise read
	// with a warning: parity errors, a line starting before the previous
	// line's data has been sent, a control byte inside a character pair,
	// and text past column 32.
	Strict bool
}

// File is an SCC file as read.
type File struct {
	// Document holds the captions: each state of the display from when it
	// appears until it is replaced or erased. Title and Language are
	// empty: SCC carries neither.
	Document captions.Document
	// Rate is the rate the labels were read at; DropFrame says whether the
	// first label was drop-frame.
	Rate      timing.Rate
	DropFrame bool
	// Warnings are the first 100 problems that did not stop the file
	// being read; WarningCount counts them all.
	Warnings     []captions.Warning
	WarningCount int
}

// Read reads an SCC file (see ReadOptions and the package documentation).
// A malformed file gives a *captions.ParseError naming its line and, where
// it helps, the column of the word at fault.
func Read(r io.Reader, opts ReadOptions) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Decode(data, opts)
}

// reader holds one Decode's state.
type reader struct {
	opts  ReadOptions
	rate  timing.Rate
	chan2 bool // reading CC2
	warns cuetext.Warnings
	d     *decoder

	line     int          // current line number
	label    timing.Frame // frame of the previous line's label
	next     timing.Frame // frame after the previous line's last pair
	haveLine bool
	drop     bool
	mixed    bool

	lastCtrl  [2]byte // the last control pair, to ignore its repeat
	haveCtrl  bool
	active    bool     // the data channel of the last control code is ours
	foreign   *counter // where data for another channel is counted
	xds       bool
	parityBad int // bytes with parity errors on this line

	// counts of data ignored, with the first line of each
	other, field2, xdsN, textN, charset counter
}

type counter struct{ n, line int }

func (c *counter) add(line int) {
	if c.n == 0 {
		c.line = line
	}
	c.n++
}

func (r *reader) fail(col int, err error) error {
	return &captions.ParseError{File: r.opts.File, Line: r.line, Column: col, Err: err}
}

// Decode reads an SCC file held in memory (see Read).
func Decode(data []byte, opts ReadOptions) (*File, error) {
	r := &reader{opts: opts, rate: opts.Rate, d: newDecoder(), active: true}
	switch {
	case r.rate.IsZero():
		r.rate = timing.Rate2997()
	case r.rate != timing.Rate2997() && r.rate != timing.Rate30():
		return nil, fmt.Errorf("SCC: timecode labels count 29.97 or 30 frames a second, not %s", r.rate)
	}
	switch opts.Channel {
	case 0, 1:
	case 2:
		r.chan2 = true
	default:
		return nil, fmt.Errorf("SCC: channel %d: expected 1 (CC1) or 2 (CC2)", opts.Channel)
	}
	data = bytes.TrimPrefix(data, bom)
	for len(data) > 0 {
		var ln []byte
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			ln = data[:i]
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			data = data[i+1:]
		} else {
			ln, data = data, nil
		}
		r.line++
		ln = bytes.TrimRight(ln, " \t")
		if r.line == 1 {
			if string(ln) != Header {
				return nil, r.fail(0, fmt.Errorf("%w: the first line is %.40q, expected %q", ErrNotSCC, ln, Header))
			}
			continue
		}
		if len(bytes.TrimLeft(ln, " \t")) == 0 {
			continue
		}
		if err := r.readLine(ln); err != nil {
			return nil, err
		}
	}
	if r.line == 0 {
		return nil, &captions.ParseError{File: opts.File, Err: fmt.Errorf("%w: the file is empty, expected %q", ErrNotSCC, Header)}
	}
	return r.finish(), nil
}

// readLine reads "HH:MM:SS;FF<tab>hhhh hhhh ...".
func (r *reader) readLine(ln []byte) error {
	i := bytes.IndexAny(ln, " \t")
	if i < 0 {
		i = len(ln)
	}
	tc, err := timing.SplitTimecode(string(ln[:i]))
	if err != nil {
		return r.fail(1, fmt.Errorf("%w: %q does not start with a timecode: %v", ErrSyntax, truncate(ln), err))
	}
	if r.haveLine && tc.Drop != r.drop && !r.mixed {
		r.mixed = true
		r.warns.Add(r.line, "drop-frame and non-drop-frame labels are mixed; each is read as written")
	}
	if !r.haveLine {
		r.drop = tc.Drop
	}
	f, err := tc.Frame(r.rate)
	if err != nil {
		return r.fail(1, err)
	}
	if r.haveLine && f < r.label {
		return r.fail(1, fmt.Errorf("%w: %s is before the previous line's %s", ErrBackwards, ln[:i], timing.FormatTimecode(r.label, r.rate, r.drop)))
	}
	if r.haveLine && f < r.next {
		if r.opts.Strict {
			return r.fail(1, fmt.Errorf("%w: %s is %s before the end of the previous line's data (%s)", ErrOverlap, ln[:i], nframes(r.next-f), timing.FormatTimecode(r.next, r.rate, r.drop)))
		}
		r.warns.Add(r.line, "timecode %s falls %s inside the previous line's data (one byte pair a frame, which runs to %s): read from there", ln[:i], nframes(r.next-f), timing.FormatTimecode(r.next, r.rate, r.drop))
		f = r.next
	}
	if f > r.next {
		r.haveCtrl = false // padding was sent in between
	}
	r.haveLine, r.label = true, f
	r.parityBad = 0
	firstParityCol := 0
	overflows := r.d.overflows
	p := i
	for {
		for p < len(ln) && (ln[p] == ' ' || ln[p] == '\t') {
			p++
		}
		if p >= len(ln) {
			break
		}
		q := p
		for q < len(ln) && ln[q] != ' ' && ln[q] != '\t' {
			q++
		}
		b1, b2, ok := hexWord(ln[p:q])
		if !ok {
			return r.fail(p+1, fmt.Errorf("%w: %.12q is not a byte pair of four hex digits", ErrSyntax, ln[p:q]))
		}
		if !oddParity(b1) || !oddParity(b2) {
			if r.parityBad == 0 {
				firstParityCol = p + 1
			}
			if !oddParity(b1) {
				r.parityBad++
			}
			if !oddParity(b2) {
				r.parityBad++
			}
			if r.opts.Strict {
				return r.fail(p+1, fmt.Errorf("%w in byte pair %s", ErrParity, ln[p:q]))
			}
		}
		if err := r.pair(f, b1&0x7F, b2&0x7F, p+1, ln[p:q]); err != nil {
			return err
		}
		f++
		p = q
	}
	r.next = f
	if r.parityBad > 0 {
		r.warns.Add(r.line, "%d bytes with parity errors (from column %d): read without their parity bit, as ttconv and most software decoders do", r.parityBad, firstParityCol)
	}
	if r.d.overflows > overflows {
		if r.opts.Strict {
			return r.fail(0, fmt.Errorf("%w: a 608 decoder shows 32 columns", ErrColumns))
		}
		r.warns.Add(r.line, "text runs past column 32, which a 608 decoder cannot show; the text is kept")
	}
	return nil
}

func truncate(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}

func hexWord(w []byte) (byte, byte, bool) {
	if len(w) != 4 {
		return 0, 0, false
	}
	var v [4]byte
	for i, c := range w {
		switch {
		case c >= '0' && c <= '9':
			v[i] = c - '0'
		case c >= 'a' && c <= 'f':
			v[i] = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v[i] = c - 'A' + 10
		default:
			return 0, 0, false
		}
	}
	return v[0]<<4 | v[1], v[2]<<4 | v[3], true
}

// pair feeds one byte pair (parity removed) at frame t to the decoder.
func (r *reader) pair(t timing.Frame, b1, b2 byte, col int, word []byte) error {
	d := r.d
	switch {
	case b1 >= 0x10 && b1 <= 0x1F:
		if r.haveCtrl && r.lastCtrl == [2]byte{b1, b2} {
			r.haveCtrl = false // the repeat of a doubled code
			return nil
		}
		r.lastCtrl, r.haveCtrl = [2]byte{b1, b2}, true
		ch2 := b1&chanBit != 0
		c1 := b1 &^ chanBit
		k := classify(c1, b2)
		if k == kUnknown {
			return r.fail(col, fmt.Errorf("%w %s", ErrUnknownCode, word))
		}
		r.xds = false
		if k == kMiscField2 {
			r.active, r.foreign = false, &r.field2
			r.field2.add(r.line)
			return nil
		}
		if ch2 != r.chan2 {
			r.active, r.foreign = false, &r.other
			r.other.add(r.line)
			return nil
		}
		r.active = true
		d.line = r.line
		r.control(t, k, c1, b2)
		return nil
	case b1 >= 0x01 && b1 <= 0x0F:
		r.haveCtrl = false
		r.xds = b1 != 0x0F
		r.xdsN.add(r.line)
		return nil
	}
	// Characters (b1 is 0 or 20–7F), or padding.
	d.line = r.line
	r.haveCtrl = false
	if b1 == 0 && b2 == 0 {
		return nil
	}
	switch {
	case r.xds:
		r.xdsN.add(r.line)
		return nil
	case !r.active:
		r.foreign.add(r.line)
		return nil
	case d.mode == modeText:
		r.textN.add(r.line)
		return nil
	}
	for _, b := range [2]byte{b1, b2} {
		switch {
		case b >= 0x20:
			d.put(t, basic[b])
		case b != 0:
			if r.opts.Strict {
				return r.fail(col, fmt.Errorf("%w: %s", ErrBadByte, word))
			}
			r.warns.Add(r.line, "byte pair %s has the control byte %02X where a character belongs: ignored", word, b)
		}
	}
	return nil
}

// control applies a control pair of our channel (CC1 form).
func (r *reader) control(t timing.Frame, k kind, b1, b2 byte) {
	d := r.d
	if d.mode == modeText && k != kMisc {
		r.textN.add(r.line)
		return
	}
	switch k {
	case kPAC:
		row, indent, color, under, _ := decodePAC(b1, b2)
		d.preamble(t, row, indent, color, under)
	case kMidRow:
		d.midRowCode(t, b2)
	case kSpecial:
		if b2 == 0x30+transparentSpace {
			d.put(t, 0)
		} else {
			d.put(t, special[b2-0x30])
		}
	case kExtended:
		d.backspace(t)
		d.put(t, extended[int(b1-0x12)*32+int(b2-0x20)])
	case kMisc:
		d.misc(t, b2)
	case kTab:
		d.col = min(d.col+int(b2-0x20), rowCap-1)
	case kBlackFG:
		d.attr = colorBlack
		if b2 == 0x2F {
			d.attr |= attrUnder
		}
	case kBackground:
		// A background colour: no cell of its own (the space a captioner
		// sends before it stays), and the model has no background.
	case kCharset:
		r.charset.add(r.line)
	}
}

// holdFrames is how long the last caption stays when the file never
// erases it and its data ends sooner: two seconds of labels.
func (r *reader) holdFrames() timing.Frame { return timing.Frame(2 * r.rate.Nominal()) }

// finish closes the caption still on screen and builds the File.
func (r *reader) finish() *File {
	d := r.d
	if d.open {
		end := max(r.next, d.openAt+r.holdFrames())
		r.warns.Add(0, "the last caption (shown from %s) is never erased: ended at %s", timing.FormatTimecode(d.openAt, r.rate, r.drop), timing.FormatTimecode(end, r.rate, r.drop))
		d.emit(end)
		d.open = false
	}
	for _, c := range []struct {
		n    counter
		what string
	}{
		{r.other, "byte pairs for the other channel of field 1 (CC2 when reading CC1, CC1 when reading CC2)"},
		{r.field2, "field-2 (CC3/CC4) byte pairs"},
		{r.xdsN, "extended data service (XDS) byte pairs"},
		{r.textN, "text-service (TR/RTD) byte pairs"},
		{r.charset, "character-set selection codes (17 24–2A)"},
	} {
		if c.n.n > 0 {
			r.warns.Add(c.n.line, "%d %s ignored, the first on this line", c.n.n, c.what)
		}
	}
	if d.loadedLine > 0 && !d.mem[1-d.disp].empty() {
		r.warns.Add(d.loadedLine, "a pop-on caption loaded from this line is never displayed (no EOC follows): left out")
	}
	f := &File{Rate: r.rate, DropFrame: r.drop, Warnings: r.warns.List(), WarningCount: r.warns.Count()}
	f.Document.TimeBase = captions.TimeBase{Rate: r.rate, DropFrame: r.drop}
	f.Document.Captions = make([]captions.Caption, len(d.out))
	for i, tc := range d.out {
		c := tc.c
		c.Start, c.End = r.rate.Duration(tc.start), r.rate.Duration(tc.end)
		f.Document.Captions[i] = c
	}
	return f
}
