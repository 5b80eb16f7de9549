package tt

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
	"github.com/sotcap/sotcap/timing"
)

// Namespaces (TTML 2 §5.2, EBU Tech 3380 §2, IMSC 1.1 §6.3).
const (
	NS         = "http://www.w3.org/ns/ttml"
	NSStyle    = NS + "#styling"
	NSParam    = NS + "#parameter"
	NSMeta     = NS + "#metadata"
	NSEBUStyle = "urn:ebu:tt:style"
	NSEBUMeta  = "urn:ebu:tt:metadata"
	NSXML      = "http://www.w3.org/XML/1998/namespace"
	// EBUTTD is the conformsToStandard value of EBU-TT-D (Tech 3380).
	EBUTTD = "urn:ebu:tt:distribution:2014-01"
	// IMSC11Text and IMSC1Text are the IMSC Text profile designators.
	IMSC11Text = "http://www.w3.org/ns/ttml/profile/imsc1.1/text"
	IMSC1Text  = "http://www.w3.org/ns/ttml/profile/imsc1/text"
)

// Limits on what a reader accepts, so that no input can exhaust memory.
const (
	DefaultMaxSize     = 256 << 20
	DefaultMaxDepth    = 256
	DefaultMaxElements = 10_000_000
)

// Errors a reader wraps in *captions.ParseError.
var (
	ErrNotTTML     = errors.New("not a TTML document: expected a root element tt in the namespace " + NS)
	ErrTooLarge    = errors.New("input too large")
	ErrTooDeep     = errors.New("elements nested too deeply")
	ErrTooMany     = errors.New("too many elements")
	ErrConflict    = errors.New("dur and end disagree")
	ErrNotAllowed  = errors.New("not allowed by the profile")
	ErrBadDocument = errors.New("malformed TTML document")
)

// ReadConfig controls Read.
type ReadConfig struct {
	// Name names the input in errors.
	Name string
	// Strict turns every warning about the document's conformance (to
	// TTML, IMSC or, with EBU, EBU-TT-D) into an error.
	Strict bool
	// Rate counts frame time expressions when the document declares no
	// ttp:frameRate (TTML's default is 30), and snaps times to frames
	// when the document declares no frame rate of its own.
	Rate timing.Rate
	// Origin is added to every time read: the programme time of the
	// document's media time 00:00:00.000.
	Origin time.Duration
	// EBU reads the document as EBU-TT-D: one that does not declare
	// conformance to Tech 3380, or uses what it forbids, is warned about.
	EBU bool
	// MaxSize, MaxDepth and MaxElements bound the input's size in bytes,
	// its element nesting and its element count (0 for the defaults).
	MaxSize     int64
	MaxDepth    int
	MaxElements int
}

// Info is what Read learned about the document besides its captions.
type Info struct {
	Params Params
	// Profiles are ttp:contentProfiles, ttp:profile and
	// ebuttm:conformsToStandard values.
	Profiles []string
	// EBU says the document declares EBU-TT-D conformance.
	EBU bool
}

type reader struct {
	cfg   ReadConfig
	d     *xml.Decoder
	depth int
	count int
	line  int // line of the token last read
	col   int
	warns cuetext.Warnings
	once  map[string]bool
	info  Info
	doc   captions.Document

	styles  map[string]*styleDef
	regions map[string]*regionDef
	agents  map[string]string
	rootExt [2]float64 // tts:extent on tt in px, 0 when not given
	cells   [2]int     // ttp:cellResolution

	space bool // xml:space="preserve" on tt
	body  bodyState
	lines lineBuilder
	cuts  []time.Duration
	snap  timing.Rate
}

// Read reads a TTML document (TTML 1/2, IMSC 1.0.1/1.1 Text, EBU-TT-D)
// into captions: one caption per p (or per part of a p, where its spans
// are timed apart), in order of start time.
func Read(r io.Reader, cfg ReadConfig) (captions.Document, []captions.Warning, Info, error) {
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = DefaultMaxSize
	}
	if cfg.MaxDepth <= 0 {
		cfg.MaxDepth = DefaultMaxDepth
	}
	if cfg.MaxElements <= 0 {
		cfg.MaxElements = DefaultMaxElements
	}
	rd := &reader{cfg: cfg, once: map[string]bool{}, styles: map[string]*styleDef{},
		regions: map[string]*regionDef{}, agents: map[string]string{}}
	rd.info.Params = DefaultParams(cfg.Rate)
	in := decodeInput(&limitReader{r: r, n: cfg.MaxSize})
	rd.d = xml.NewDecoder(in)
	rd.d.Strict = true
	rd.d.CharsetReader = charsetReader
	err := rd.run()
	rd.doc.Captions = rd.body.caps
	if rd.info.Params.FrameRateDeclared {
		rd.doc.TimeBase.Rate = rd.info.Params.Rate()
	}
	if err != nil {
		return rd.doc, rd.warns.List(), rd.info, rd.wrap(err)
	}
	return rd.doc, rd.warns.List(), rd.info, nil
}

// limitReader fails with ErrTooLarge past n bytes.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if err == io.EOF {
		return k, err
	}
	if l.n <= 0 && err == nil {
		// One more read tells whether the input ends here.
		var one [1]byte
		m, e2 := l.r.Read(one[:])
		if m > 0 {
			return k, ErrTooLarge
		}
		if e2 != nil {
			err = e2
		}
	}
	return k, err
}

// decodeInput turns UTF-16 with a byte order mark into UTF-8 (encoding/xml
// reads only UTF-8 and what CharsetReader converts).
func decodeInput(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return &utf16Marked{transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())}
	}
	return br
}

type utf16Marked struct{ io.Reader }

func charsetReader(label string, in io.Reader) (io.Reader, error) {
	l := strings.ToLower(label)
	if strings.HasPrefix(l, "utf-16") || strings.HasPrefix(l, "utf16") {
		return in, nil // decodeInput already made it UTF-8
	}
	enc, err := htmlindex.Get(l)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q: expected UTF-8", label)
	}
	return enc.NewDecoder().Reader(in), nil
}

// wrap makes err a *captions.ParseError at the current position.
func (rd *reader) wrap(err error) error {
	var pe *captions.ParseError
	if errors.As(err, &pe) {
		return err
	}
	var se *xml.SyntaxError
	line, col := rd.line, rd.col
	if errors.As(err, &se) {
		line, col = se.Line, 0
		if l, c := rd.d.InputPos(); l == se.Line {
			col = c
		}
		err = fmt.Errorf("%w: not well-formed XML: %s", ErrBadDocument, se.Msg)
	}
	if errors.Is(err, ErrTooLarge) {
		err = fmt.Errorf("%w: more than %d bytes", ErrTooLarge, rd.cfg.MaxSize)
	}
	return &captions.ParseError{File: rd.cfg.Name, Line: line, Column: col, Err: err}
}

// errorf returns a *captions.ParseError at the current element.
func (rd *reader) errorf(base error, format string, args ...any) error {
	return &captions.ParseError{File: rd.cfg.Name, Line: rd.line, Column: rd.col,
		Err: fmt.Errorf("%w: %s", base, fmt.Sprintf(format, args...))}
}

// warn records a warning about the current element; a conformance
// warning is an error in strict mode.
func (rd *reader) warn(conformance bool, format string, args ...any) error {
	if conformance && rd.cfg.Strict {
		return rd.errorf(ErrNotAllowed, format, args...)
	}
	rd.warns.Add(rd.line, format, args...)
	return nil
}

// warnOnce warns once per kind.
func (rd *reader) warnOnce(kind string, conformance bool, format string, args ...any) error {
	if rd.once[kind] && !(conformance && rd.cfg.Strict) {
		return nil
	}
	rd.once[kind] = true
	return rd.warn(conformance, format, args...)
}

// next returns the next token, counting elements and depth.
func (rd *reader) next() (xml.Token, error) {
	rd.line, rd.col = rd.d.InputPos()
	t, err := rd.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, rd.errorf(ErrBadDocument, "unexpected end of input")
		}
		return nil, err
	}
	switch t.(type) {
	case xml.StartElement:
		rd.depth++
		rd.count++
		if rd.depth > rd.cfg.MaxDepth {
			return nil, rd.errorf(ErrTooDeep, "more than %d levels", rd.cfg.MaxDepth)
		}
		if rd.count > rd.cfg.MaxElements {
			return nil, rd.errorf(ErrTooMany, "more than %d elements", rd.cfg.MaxElements)
		}
	case xml.EndElement:
		rd.depth--
	}
	return t, nil
}

// skip consumes the rest of the current element.
func (rd *reader) skip() error {
	for d := 1; d > 0; {
		t, err := rd.next()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// text reads the text content of the current element (child elements'
// text included).
func (rd *reader) text() (string, error) {
	var b strings.Builder
	for d := 1; d > 0; {
		t, err := rd.next()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		case xml.CharData:
			if b.Len() < 1<<16 {
				b.Write(t)
			}
		}
	}
	return strings.TrimSpace(b.String()), nil
}

func (rd *reader) run() error {
	for {
		t, err := rd.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Space != NS || t.Name.Local != "tt" {
				return rd.errorf(ErrNotTTML, "found root element %s", qname(t.Name))
			}
			if err := rd.root(t); err != nil {
				return err
			}
			return rd.finish()
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return rd.errorf(ErrNotTTML, "text before the root element")
			}
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// root reads the tt element's parameters, then its head and body.
func (rd *reader) root(t xml.StartElement) error {
	p := &rd.info.Params
	frameRate := false
	for _, a := range t.Attr {
		v := strings.TrimSpace(a.Value)
		switch {
		case a.Name.Space == NSXML && a.Name.Local == "lang":
			rd.doc.Language = v
		case a.Name.Space == NSXML && a.Name.Local == "space":
			rd.space = v == "preserve"
		case a.Name.Space == NSParam:
			if err := rd.param(p, a.Name.Local, v, &frameRate); err != nil {
				return err
			}
		case a.Name.Space == NSStyle && a.Name.Local == "extent":
			if w, h, ok := parseLengths(v); ok && w.unit == "px" && h.unit == "px" {
				rd.rootExt = [2]float64{w.v, h.v}
			}
		}
	}
	if rd.doc.Language == "" {
		if err := rd.warn(true, "the tt element has no xml:lang"); err != nil {
			return err
		}
	}
	if p.TimeBase != "media" {
		if err := rd.warn(true, "ttp:timeBase %q: IMSC and EBU-TT-D use the media time base", p.TimeBase); err != nil {
			return err
		}
	}
	if frameRate {
		p.FrameRateDeclared = true
	}
	if !p.FrameRateDeclared && !rd.cfg.Rate.IsZero() {
		q := DefaultParams(rd.cfg.Rate)
		p.FrameRate, p.MulNum, p.MulDen = q.FrameRate, q.MulNum, q.MulDen
	}
	if p.TickNum == 0 {
		if p.FrameRateDeclared {
			p.TickNum, p.TickDen = p.FrameRate*p.MulNum*p.SubFrameRate, p.MulDen
		} else {
			p.TickNum, p.TickDen = 1, 1
		}
	}
	if rd.cells == [2]int{} {
		rd.cells = [2]int{32, 15}
	}
	for {
		t, err := rd.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case t.Name.Space == NS && t.Name.Local == "head":
				err = rd.head()
			case t.Name.Space == NS && t.Name.Local == "body":
				rd.setSnap()
				err = rd.readBody(t)
			default:
				err = rd.unknown(t)
			}
			if err != nil {
				return err
			}
		}
	}
}

// setSnap chooses the frame rate times are snapped to.
func (rd *reader) setSnap() {
	if rd.info.Params.FrameRateDeclared {
		rd.snap = rd.info.Params.Rate()
	} else {
		rd.snap = rd.cfg.Rate
	}
}

// param reads one ttp attribute of tt.
func (rd *reader) param(p *Params, name, v string, frameRate *bool) error {
	pos := func(s string) (int64, bool) {
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil && n > 0 && n <= 1e9
	}
	bad := func() error {
		return rd.errorf(ErrBadDocument, "ttp:%s=%q is not a valid value", name, v)
	}
	switch name {
	case "timeBase":
		if v != "media" && v != "smpte" && v != "clock" {
			return bad()
		}
		p.TimeBase = v
	case "frameRate":
		n, ok := pos(v)
		if !ok || n > 1000 {
			return bad()
		}
		p.FrameRate, *frameRate = n, true
	case "frameRateMultiplier":
		f := strings.Fields(v)
		if len(f) != 2 {
			return bad()
		}
		a, ok1 := pos(f[0])
		b, ok2 := pos(f[1])
		if !ok1 || !ok2 || a > 1e6 || b > 1e6 {
			return bad()
		}
		p.MulNum, p.MulDen = a, b
		p.reduceMul()
	case "subFrameRate":
		n, ok := pos(v)
		if !ok || n > 1000 {
			return bad()
		}
		p.SubFrameRate = n
	case "tickRate":
		n, ok := pos(v)
		if !ok {
			return bad()
		}
		p.TickNum, p.TickDen = n, 1
	case "dropMode":
		p.DropMode = v
	case "cellResolution":
		f := strings.Fields(v)
		if len(f) == 2 {
			a, ok1 := pos(f[0])
			b, ok2 := pos(f[1])
			if ok1 && ok2 {
				rd.cells = [2]int{int(a), int(b)}
				return nil
			}
		}
		return bad()
	case "profile", "contentProfiles", "processorProfiles":
		rd.info.Profiles = append(rd.info.Profiles, strings.Fields(v)...)
	}
	return nil
}

// unknown handles an element the reader does not use: TTML elements
// out of place are conformance warnings, foreign ones are skipped.
func (rd *reader) unknown(t xml.StartElement) error {
	if t.Name.Space == NS {
		if err := rd.warnOnce("elem:"+t.Name.Local, true, "element %s is not expected here; skipped", t.Name.Local); err != nil {
			return err
		}
	}
	return rd.skip()
}

// attr returns the value of the attribute ns:local.
func attr(t xml.StartElement, ns, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == ns {
			return a.Value, true
		}
	}
	return "", false
}

// finish sorts the captions and resolves indefinite ends.
func (rd *reader) finish() error {
	if rd.cfg.EBU && !rd.info.EBU {
		if err := rd.warn(true, "the document does not declare EBU-TT-D conformance (ebuttm:conformsToStandard %s)", EBUTTD); err != nil {
			return err
		}
	}
	return rd.body.finish(rd)
}
