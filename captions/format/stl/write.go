package stl

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// Limits of the format.
const (
	// MaxSubtitles is the most subtitles one file can hold: SN is a 16-bit
	// number, the writer numbers subtitles from 1 and never lets SN wrap.
	// (TNS would allow 99,999.)
	MaxSubtitles = 65535
	// MaxBlocks is the most TTI blocks one file can hold (TNB has five digits).
	MaxBlocks = 99999
	// DefaultBottomRow is the Teletext row the last row of a caption sits on.
	DefaultBottomRow = 22
)

// Options control Write. The zero value of every field but Rate is usable.
type Options struct {
	// Rate is the programme's frame rate (required). It picks DFC: STL25.01
	// for 25 and 50, STL30.01 for 29.97, 30, 59.94 and 60 (labels count 25
	// or 30 frames a second, as the video's timecode does). Tech 3264
	// defines no other DFC: for 23.976 the writer writes STL23.01, for 24
	// and 48 STL24.01, the values ttconv and others read, and warns.
	Rate timing.Rate
	// DropFrame writes drop-frame labels (29.97 and 59.94 only).
	DropFrame bool
	// Start is the programme start on the timeline (GSI TCP).
	Start time.Duration
	// Language is a BCP 47 tag; "" means the document's. It picks LC (Tech
	// 3264 Appendix 3; "00" with a warning when the language has no code)
	// and, with CharacterTable zero, the table.
	Language string
	// DisplayStandard is DSC; the zero value is Teletext level 1.
	DisplayStandard DisplayStandard
	// CharacterTable is CCT; the zero value chooses from the language.
	CharacterTable CharacterTable
	// Country is CO, an ISO 3166 alpha-3 code ("GBR"). "" takes the region
	// of the language tag ("en-GB" → GBR; a bare "en" implies USA, with a
	// warning); Write fails when neither gives one, since CO is never blank.
	Country string
	// Title is OPT, the original programme title; "" means the document's.
	Title string
	// EpisodeTitle (OET), TranslatedTitle (TPT), TranslatedEpisodeTitle
	// (TET), Translator (TN), TranslatorContact (TCD), Reference (SLR),
	// Publisher (PUB), Editor (EN) and EditorContact (ECD) fill the GSI
	// text fields, in code page 850. Longer values are cut with a warning.
	EpisodeTitle, TranslatedTitle, TranslatedEpisodeTitle string
	Translator, TranslatorContact, Reference              string
	Publisher, Editor, EditorContact                      string
	// Revision is RN, 0–99.
	Revision int
	// Created is CD and RD. The zero value means now; set it for
	// deterministic output.
	Created time.Time
	// SpeakerColors gives each speaker a Teletext colour, in order of first
	// appearance: white, yellow, cyan, green, then round again. A line's own
	// Color wins. Teletext only.
	SpeakerColors bool
	// BottomRow is the row the last row of a caption sits on when the
	// caption's Row is 0; zero means DefaultBottomRow (22). A Teletext row is
	// double height and so also covers the row below.
	BottomRow int
}

// ErrTooMany is returned (wrapped) for a document with more subtitles or
// blocks than a file can number.
var ErrTooMany = errors.New("too many subtitles for one EBU STL file")

// Write writes doc as an EBU STL (Tech 3264) file. It checks the whole
// document first — times in order, not negative, before 24:00:00:00, out
// after in; no empty caption or line; every character writable in the
// table (after the documented Mappings); at most MaxSubtitles — and writes
// nothing at all when anything is wrong. The warnings say what the file
// could not carry exactly (italics in Teletext, a non-standard DFC, …).
//
// Caption times are programme-timeline times; TCI and TCO are the timecode
// labels of the nearest frame (Rate.Frames), drop-frame labels when
// DropFrame is set. Leading and trailing spaces of each line are dropped
// and runs of spaces written as one (ttconv and some decoders join words
// at double spaces).
func Write(w io.Writer, doc captions.Document, opts Options) ([]captions.Warning, error) {
	b, warns, err := Encode(doc, opts)
	if err != nil {
		return warns, err
	}
	_, err = w.Write(b)
	return warns, err
}

// Encode returns the bytes Write would write.
func Encode(doc captions.Document, opts Options) ([]byte, []captions.Warning, error) {
	e := encoder{doc: &doc, opts: opts}
	if err := e.setup(); err != nil {
		return nil, e.warns, err
	}
	if err := e.texts(); err != nil {
		return nil, e.warns, err
	}
	out, err := e.output()
	if err != nil {
		return nil, e.warns, err
	}
	return out, e.warns, nil
}

// encoder holds one Write's state.
type encoder struct {
	doc   *captions.Document
	opts  Options
	warns []captions.Warning

	tcRate  timing.Rate // the rate the labels count at
	fps     int         // nominal label rate
	drop    bool
	table   CharacterTable
	dsc     DisplayStandard
	bottom  int
	gsi     GSI
	day     timing.Frame // label frames in 24 hours
	inOut   []timing.Frame
	tf      []byte // every caption's text field, one after another
	tfEnd   []int  // end offset of caption i's text field in tf
	rowsAt  []int  // offsets in tf where rows start (split points), all captions
	rowsEnd []int  // end index in rowsAt for caption i
	vp      []byte
	mnc     int
}

func (e *encoder) warn(format string, a ...any) {
	e.warns = append(e.warns, captions.Warning{Message: fmt.Sprintf(format, a...)})
}

// setup fills every GSI field that does not depend on the text, and checks
// the options and the times.
func (e *encoder) setup() error {
	o := &e.opts
	if o.Rate.IsZero() {
		return errors.New("EBU STL: no frame rate given")
	}
	var dfc string
	var ok bool
	if e.tcRate, dfc, ok = labels(o.Rate); !ok {
		return fmt.Errorf("EBU STL: frame rate %s has no disk format code", o.Rate)
	}
	if dfc == "STL23.01" || dfc == "STL24.01" {
		e.warn("EBU STL: Tech 3264 defines DFC only for 25 (STL25.01) and 30 (STL30.01) frames a second; wrote %s for %s fps with labels counting 24 frames a second — ttconv reads it, a strict ingest may refuse it", dfc, o.Rate)
	}
	e.fps = e.tcRate.Nominal()
	if o.DropFrame {
		if !o.Rate.DropFrameCapable() {
			return fmt.Errorf("EBU STL: drop-frame timecode exists only at 29.97 and 59.94, not %s", o.Rate)
		}
		e.drop = true
	}
	last, _ := labelFrame(timing.Timecode{H: 23, M: 59, S: 59, F: e.fps - 1, Drop: e.drop}, e.tcRate)
	e.day = last + 1

	e.dsc = o.DisplayStandard
	if e.dsc > OpenSubtitling {
		return fmt.Errorf("EBU STL: display standard %s cannot be written", e.dsc)
	}
	lang := o.Language
	if lang == "" {
		lang = e.doc.Language
	}
	lc, ok := LanguageCode(lang)
	if !ok {
		if lang == "" {
			e.warn("EBU STL: no caption language given; LC written as 00 (unknown)")
		} else {
			e.warn("EBU STL: language %q has no Tech 3264 code; LC written as 00 (unknown)", lang)
		}
	}
	e.table = o.CharacterTable
	if e.table == TableAuto {
		e.table = TableFor(lang)
	}
	if e.table.CCT() == "" {
		return fmt.Errorf("EBU STL: unknown character table %d", e.table)
	}
	co := strings.ToUpper(strings.TrimSpace(o.Country))
	if co == "" {
		var exact bool
		co, exact = countryFor(lang)
		if co == "" {
			return errors.New("EBU STL: no country of origin (CO): set the country (stl.country, an ISO 3166 alpha-3 code such as GBR)")
		}
		if !exact {
			e.warn("EBU STL: country of origin (CO) written as %s, implied by language %q; set the country to be sure", co, lang)
		}
	}
	if len(co) != 3 || strings.Trim(co, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fmt.Errorf("EBU STL: country %q is not an ISO 3166 alpha-3 code (GBR, FRA, …)", o.Country)
	}
	e.bottom = o.BottomRow
	if e.bottom == 0 {
		e.bottom = DefaultBottomRow
	}
	maxBottom := 23
	if e.dsc.Teletext() {
		maxBottom = 22 // a double-height row also covers the row below
	}
	if e.bottom < 1 || e.bottom > maxBottom {
		return fmt.Errorf("EBU STL: bottom row %d outside 1–%d", e.bottom, maxBottom)
	}
	if o.Revision < 0 || o.Revision > 99 {
		return fmt.Errorf("EBU STL: revision %d outside 0–99", o.Revision)
	}
	if len(e.doc.Captions) > MaxSubtitles {
		return fmt.Errorf("%w: %d captions, at most %d (the 16-bit subtitle number SN would wrap)", ErrTooMany, len(e.doc.Captions), MaxSubtitles)
	}
	if o.Start < 0 {
		return fmt.Errorf("EBU STL: programme start %v is negative", o.Start)
	}
	tcp := nearestFrame(e.tcRate, o.Start)
	if tcp >= e.day {
		return fmt.Errorf("EBU STL: programme start %v is past 24 hours", o.Start)
	}
	created := o.Created
	if created.IsZero() {
		created = time.Now()
	}
	title := o.Title
	if title == "" {
		title = e.doc.Title
	}
	g := &e.gsi
	g.CPN, g.DFC, g.DSC, g.CCT, g.LC = "850", dfc, e.dsc, e.table, lc
	g.CD = created.Format("060102")
	g.RD = g.CD
	g.RN = fmt.Sprintf("%02d", o.Revision)
	g.TNG, g.MNR, g.TCS, g.TND, g.DSN, g.CO = 1, 23, '1', 1, 1, co
	g.TCP = e.labelDigits(tcp)
	for _, f := range []struct {
		dst   *string
		v     string
		field gsiField
	}{
		{&g.OPT, title, fOPT}, {&g.OET, o.EpisodeTitle, fOET}, {&g.TPT, o.TranslatedTitle, fTPT},
		{&g.TET, o.TranslatedEpisodeTitle, fTET}, {&g.TN, o.Translator, fTN}, {&g.TCD, o.TranslatorContact, fTCD},
		{&g.SLR, o.Reference, fSLR}, {&g.PUB, o.Publisher, fPUB}, {&g.EN, o.Editor, fEN}, {&g.ECD, o.EditorContact, fECD},
	} {
		v := strings.Join(strings.Fields(f.v), " ")
		if _, ok := encodeCP850(v); !ok {
			// GSI text is code page 850 only: an Arabic or Cyrillic title
			// cannot go there, but need not stop the captions.
			e.warn("EBU STL: GSI %s left blank: code page 850 cannot carry %q", f.field.name, f.v)
			v = ""
		}
		if cut, did := fitCP850(v, f.field.end-f.field.off); did {
			e.warn("EBU STL: GSI %s cut to %d characters: %q", f.field.name, f.field.end-f.field.off, cut)
			v = cut
		}
		*f.dst = v
	}
	return e.times(tcp)
}

// labelDigits formats frame count n as the HHMMSSFF of a GSI field.
func (e *encoder) labelDigits(n timing.Frame) string {
	l := timing.TimecodeAt(n, e.tcRate, e.drop)
	return fmt.Sprintf("%02d%02d%02d%02d", l.H, l.M, l.S, l.F)
}

// times converts and checks every caption's in and out.
func (e *encoder) times(tcp timing.Frame) error {
	caps := e.doc.Captions
	e.inOut = make([]timing.Frame, 2*len(caps))
	between, overlaps, before := 0, 0, 0
	half := e.opts.Rate != e.tcRate
	for i, c := range caps {
		if c.Start < 0 {
			return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("starts at %v, before 00:00:00:00", c.Start)}
		}
		in, out := nearestFrame(e.tcRate, c.Start), nearestFrame(e.tcRate, c.End)
		if half && (nearestFrame(e.opts.Rate, c.Start)%2 != 0 || nearestFrame(e.opts.Rate, c.End)%2 != 0) {
			between++
		}
		if out <= in {
			return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("ends at %v, not after its start %v (at %s timecode frames)", c.End, c.Start, e.tcRate)}
		}
		if out >= e.day {
			return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("ends at %v, past 24 hours (the last timecode label is 23:59:59:%02d)", c.End, e.fps-1)}
		}
		if i > 0 {
			if in < e.inOut[2*i-2] {
				return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("starts at %v, before caption %d (%v): captions must be in time order", c.Start, i, caps[i-1].Start)}
			}
			if in < e.inOut[2*i-1] {
				overlaps++
			}
		}
		if in < tcp {
			before++
		}
		e.inOut[2*i], e.inOut[2*i+1] = in, out
	}
	if len(caps) > 0 {
		e.gsi.TCF = e.labelDigits(e.inOut[0])
	} else {
		e.gsi.TCF = e.gsi.TCP
	}
	if between > 0 {
		e.warn("EBU STL: %d captions start or end on a %s frame between two %s fps timecode labels; written at the nearest label", between, e.opts.Rate, e.tcRate)
	}
	if overlaps > 0 {
		e.warn("EBU STL: %d captions start before the previous one ends; a Teletext decoder replaces the earlier one", overlaps)
	}
	if before > 0 {
		e.warn("EBU STL: %d captions start before the programme start (TCP %s)", before, e.gsi.TCP)
	}
	return nil
}

// Teletext colour codes (alphanumeric colours) by captions.Color.
var teletextColor = [...]byte{
	captions.ColorWhite:   0x07,
	captions.ColorYellow:  0x03,
	captions.ColorCyan:    0x06,
	captions.ColorGreen:   0x02,
	captions.ColorRed:     0x01,
	captions.ColorBlue:    0x04,
	captions.ColorMagenta: 0x05,
	captions.ColorBlack:   0x00,
}

// speakerPalette is the order speakers get colours in (BBC practice);
// ColorDefault leaves Teletext's white.
var speakerPalette = [...]captions.Color{captions.ColorDefault, captions.ColorYellow, captions.ColorCyan, captions.ColorGreen}

// texts encodes every caption's text field and checks characters, rows and
// row lengths.
func (e *encoder) texts() error {
	caps := e.doc.Captions
	teletext := e.dsc.Teletext()
	e.tf = make([]byte, 0, len(caps)*64)
	e.tfEnd = make([]int, len(caps))
	e.rowsEnd = make([]int, len(caps))
	e.vp = make([]byte, len(caps))
	var speakers map[string]captions.Color
	if e.opts.SpeakerColors && teletext {
		speakers = map[string]captions.Color{}
	}
	italics, colours := 0, 0
	var line []byte
	for i := range caps {
		c := &caps[i]
		if len(c.Lines) == 0 {
			return &captions.CaptionError{Caption: i + 1, Err: errors.New("has no text")}
		}
		for j, l := range c.Lines {
			text := l.Text
			if strings.ContainsAny(text, "\n\r") {
				return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("line %d has a line break inside it; give each row its own line", j+1)}
			}
			if strings.Contains(text, "  ") || strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ") || strings.Contains(text, "\u00a0") {
				text = strings.Join(strings.Fields(text), " ")
			}
			var n int
			var err error
			line, n, err = appendText(line[:0], e.table, text)
			if err != nil {
				return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("line %d %q: %w", j+1, l.Text, err)}
			}
			if n == 0 {
				return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("line %d is empty", j+1)}
			}
			if j > 0 {
				e.tf = append(e.tf, 0x8A)
				if teletext {
					e.tf = append(e.tf, 0x8A)
				}
			}
			e.rowsAt = append(e.rowsAt, len(e.tf))
			if teletext {
				color := l.Color
				if color == captions.ColorDefault && speakers != nil && l.Speaker != "" {
					sc, ok := speakers[l.Speaker]
					if !ok {
						sc = speakerPalette[len(speakers)%len(speakerPalette)]
						speakers[l.Speaker] = sc
					}
					color = sc
				}
				if l.Italic {
					italics++
				}
				e.tf = append(e.tf, 0x0D, 0x0B, 0x0B)
				limit := TeletextRowChars
				if color != captions.ColorDefault && int(color) < len(teletextColor) {
					e.tf = append(e.tf, teletextColor[color])
					limit = TeletextRowChars - 1
				}
				if n > limit {
					return &captions.CaptionError{Caption: i + 1, Err: &RowError{Line: j + 1, Chars: n, Limit: limit}}
				}
				e.tf = append(e.tf, line...)
				e.tf = append(e.tf, 0x0A, 0x0A)
			} else {
				if l.Color != captions.ColorDefault {
					colours++
				}
				if n > 99 {
					return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("line %d has %d characters; MNC allows 99", j+1, n)}
				}
				if l.Italic {
					e.tf = append(e.tf, 0x80)
				}
				e.tf = append(e.tf, line...)
				if l.Italic {
					e.tf = append(e.tf, 0x81)
				}
			}
			e.mnc = max(e.mnc, n)
		}
		e.tfEnd[i] = len(e.tf)
		e.rowsEnd[i] = len(e.rowsAt)
		rows := len(c.Lines)
		height := 1
		if teletext {
			height = 2
		}
		vp := c.Row
		if vp == 0 {
			vp = e.bottom - height*(rows-1)
		}
		lastRow := vp + height*(rows-1) + height - 1
		if vp < 1 || lastRow > 23 {
			return &captions.CaptionError{Caption: i + 1, Err: fmt.Errorf("%d rows from row %d do not fit the 23 rows of the screen", rows, vp)}
		}
		e.vp[i] = byte(vp)
	}
	if italics > 0 {
		e.warn("EBU STL: Teletext has no italics; %d italic lines written upright (open subtitling, DSC 0, carries italics)", italics)
	}
	if colours > 0 {
		e.warn("EBU STL: open subtitling has no colours; %d coloured lines written in the default colour", colours)
	}
	e.gsi.TNS, e.gsi.MNC = len(caps), e.mnc
	return nil
}

// splitTF returns the length of the next chunk of tf that fits a text
// field: all of it if it fits, else up to the last row start, else up to
// the last character boundary (never between a diacritic and its letter).
func splitTF(tf []byte, rows []int, base int, table CharacterTable) int {
	if len(tf) <= tfSize {
		return len(tf)
	}
	best := 0
	for _, r := range rows {
		p := r - base
		if p > 0 && p <= tfSize {
			best = p
		}
	}
	if best > 0 {
		return best
	}
	p := tfSize
	if table == TableLatin && tf[p-1] >= 0xC1 && tf[p-1] <= 0xCF {
		p-- // keep a diacritic with its base letter
	}
	return p
}

// output lays out the GSI and TTI blocks.
func (e *encoder) output() ([]byte, error) {
	caps := e.doc.Captions
	// Count blocks exactly with row-aware splitting.
	type chunk struct{ cap, off, end int }
	chunks := make([]chunk, 0, len(caps))
	start, rowIdx := 0, 0
	for i := range caps {
		end := e.tfEnd[i]
		rows := e.rowsAt[rowIdx:e.rowsEnd[i]]
		rowIdx = e.rowsEnd[i]
		for p := start; p < end; {
			k := splitTF(e.tf[p:end], rows, p, e.table)
			chunks = append(chunks, chunk{i, p, p + k})
			p += k
		}
		start = end
	}
	if len(chunks) > MaxBlocks {
		return nil, fmt.Errorf("%w: %d TTI blocks, at most %d (TNB has five digits)", ErrTooMany, len(chunks), MaxBlocks)
	}
	e.gsi.TNB = len(chunks)
	gsi, err := encodeGSI(&e.gsi)
	if err != nil {
		return nil, err
	}
	out := make([]byte, gsiSize+ttiSize*len(chunks))
	copy(out, gsi)
	p := gsiSize
	ebn := 0
	for k, ch := range chunks {
		b := out[p : p+ttiSize]
		p += ttiSize
		last := k == len(chunks)-1 || chunks[k+1].cap != ch.cap
		sn := ch.cap + 1
		b[0] = 0
		b[1], b[2] = byte(sn), byte(sn>>8)
		if last {
			b[3] = 0xFF
		} else {
			b[3] = byte(ebn)
		}
		if last {
			ebn = 0
		} else {
			ebn++
		}
		b[4] = 0
		e.putTC(b[5:9], e.inOut[2*ch.cap])
		e.putTC(b[9:13], e.inOut[2*ch.cap+1])
		b[13] = e.vp[ch.cap]
		switch caps[ch.cap].Align {
		case captions.AlignLeft:
			b[14] = 1
		case captions.AlignRight:
			b[14] = 3
		default:
			b[14] = 2
		}
		b[15] = 0
		n := copy(b[16:], e.tf[ch.off:ch.end])
		for j := 16 + n; j < ttiSize; j++ {
			b[j] = 0x8F
		}
	}
	return out, nil
}

// putTC writes frame count n as binary hh mm ss ff.
func (e *encoder) putTC(b []byte, n timing.Frame) {
	l := timing.TimecodeAt(n, e.tcRate, e.drop)
	b[0], b[1], b[2], b[3] = byte(l.H), byte(l.M), byte(l.S), byte(l.F)
}

// nearestFrame is r.Frames(d) — the nearest frame, half a frame away from
// zero — without timing's big-number path for the times a file can hold
// (under 41 hours at every supported rate), which keeps Write fast.
func nearestFrame(r timing.Rate, d time.Duration) timing.Frame {
	ns := int64(d)
	if ns < 0 || ns >= 1<<47 || r.Num() > 1<<16 {
		return r.Frames(d)
	}
	a, q := ns*r.Num(), r.Den()*int64(time.Second)
	n, m := a/q, a%q
	if 2*m >= q {
		n++
	}
	return timing.Frame(n)
}

// TeletextRowChars is how many characters a Teletext subtitle row holds:
// 40 columns less double height and the two start-box codes (one fewer
// again when a colour code leads the row).
const TeletextRowChars = 37

// RowChars returns the longest line Write accepts under opts: 37 in
// Teletext, 36 when speakers are coloured (a colour code takes a column),
// and 0 (no fixed row) in open subtitling. Segment captions to it when STL
// is among the outputs, so that every format carries the same lines.
func RowChars(opts Options) int {
	switch {
	case !opts.DisplayStandard.Teletext():
		return 0
	case opts.SpeakerColors:
		return TeletextRowChars - 1
	}
	return TeletextRowChars
}

// ErrRowTooLong matches (errors.Is) every RowError.
var ErrRowTooLong = errors.New("line longer than a Teletext row")

// RowError is a caption line longer than a Teletext row can hold.
type RowError struct {
	Line, Chars, Limit int // Line counts from 1 within the caption
}

// Error says which line is how long.
func (e *RowError) Error() string {
	return fmt.Sprintf("line %d has %d characters; a Teletext row holds %d (40 columns less the control codes)", e.Line, e.Chars, e.Limit)
}

// Is makes errors.Is(err, ErrRowTooLong) true.
func (e *RowError) Is(target error) bool { return target == ErrRowTooLong }

// LabelRate returns the rate EBU STL timecode labels count at for a
// programme at rate r: 25 or 30 labels a second at 50, 59.94 and 60 fps (as
// the video's timecode counts), 24 at 48; r itself at 23.976 to 30 and at
// any rate without a disk format code.
func LabelRate(r timing.Rate) timing.Rate {
	if l, _, ok := labels(r); ok {
		return l
	}
	return r
}

// labels returns the label rate and disk format code of a programme rate.
func labels(r timing.Rate) (timing.Rate, string, bool) {
	switch r {
	case timing.Rate25(), timing.Rate50():
		return timing.Rate25(), "STL25.01", true
	case timing.Rate2997(), timing.Rate5994():
		return timing.Rate2997(), "STL30.01", true
	case timing.Rate30(), timing.Rate60():
		return timing.Rate30(), "STL30.01", true
	case timing.Rate23976():
		return timing.Rate23976(), "STL23.01", true
	case timing.Rate24(), timing.Rate48():
		return timing.Rate24(), "STL24.01", true
	}
	return r, "", false
}
