package tt

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/cuetext"
	"github.com/sotcap/sotcap/timing"
)

// WriteConfig controls Write.
type WriteConfig struct {
	// EBU writes EBU-TT-D (Tech 3380): tt: prefixes, ebuttm document
	// metadata, the frame rate as metadata only, and xml:id on every p.
	// Otherwise Write writes IMSC 1.1 Text.
	EBU bool
	// Rate is declared (ttp:frameRate and ttp:frameRateMultiplier for
	// IMSC, ebuttm:authoredFrameRate and authoredFrameRateMultiplier for
	// EBU-TT-D); the zero Rate declares none.
	Rate timing.Rate
	// Origin is subtracted from every caption time.
	Origin time.Duration
	// Language overrides the document's language.
	Language string
	// SpeakerColors colours each speaker's lines, in order of first
	// appearance: white, yellow, cyan, green, then round again (a line's
	// own Color wins), as Teletext subtitles do.
	SpeakerColors bool
	// Extent is tts:extent on tt (IMSC only; "" writes none).
	Extent string
	// Profiles are written as ttp:contentProfiles (IMSC) or
	// ebuttm:conformsToStandard (EBU-TT-D).
	Profiles []string
}

// errXMLChar is the cause for text XML 1.0 cannot carry.
var errXMLChar = errors.New("text holds a control character XML 1.0 cannot carry")

// checkLine refuses text that XML cannot carry.
func checkLine(l captions.Line) error {
	for _, s := range [...]string{l.Text, l.Speaker} {
		for _, r := range s {
			if (r < 0x20 && r != '\t') || r == 0xFFFE || r == 0xFFFF {
				return errXMLChar
			}
		}
	}
	return nil
}

var speakerPalette = [...]captions.Color{captions.ColorWhite, captions.ColorYellow, captions.ColorCyan, captions.ColorGreen}

// Validate applies Write's checks to caps, with origin subtracted, and
// returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration) error {
	return cuetext.Validate(caps, origin, checkLine)
}

// Write writes doc as IMSC 1.1 Text or EBU-TT-D. Every caption is
// checked first, and nothing is written when one is refused.
func Write(out io.Writer, doc captions.Document, cfg WriteConfig) ([]captions.Warning, error) {
	if err := Validate(doc.Captions, cfg.Origin); err != nil {
		return nil, err
	}
	var warns []captions.Warning
	lang := cfg.Language
	if lang == "" {
		lang = doc.Language
	}
	if lang == "" {
		lang = "und"
		warns = append(warns, captions.Warning{Message: `no caption language given: xml:lang="und" written`})
	}
	w := &writer{cfg: cfg, bw: bufio.NewWriterSize(out, 64<<10), agents: map[string]int{}, speakerColor: map[string]captions.Color{}}
	w.scan(doc.Captions)
	w.header(lang, doc.Title)
	for i := range doc.Captions {
		w.caption(i+1, &doc.Captions[i])
	}
	w.put("    </" + w.p("div>\n") + "  </" + w.p("body>\n") + "</" + w.p("tt>\n"))
	if w.err != nil {
		return warns, w.err
	}
	return warns, w.bw.Flush()
}

type writer struct {
	cfg          WriteConfig
	bw           *bufio.Writer
	err          error
	buf          []byte
	rows         [24]bool
	colors       [9]bool
	aligns       [4]bool
	italic       bool
	agents       map[string]int
	agentNames   []string
	speakerColor map[string]captions.Color
}

// p returns a TTML element name with the dialect's prefix.
func (w *writer) p(s string) string {
	if !w.cfg.EBU {
		return s
	}
	if strings.HasPrefix(s, "</") {
		return "</tt:" + s[2:]
	}
	return "tt:" + s
}

func (w *writer) put(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// color is the colour a line is written in.
func (w *writer) color(l *captions.Line) captions.Color {
	if l.Color != captions.ColorDefault || !w.cfg.SpeakerColors || l.Speaker == "" {
		return l.Color
	}
	return w.speakerColor[l.Speaker]
}

// scan finds the regions, styles and agents the captions use.
func (w *writer) scan(caps []captions.Caption) {
	for i := range caps {
		c := &caps[i]
		w.rows[c.Row] = true
		w.aligns[c.Align] = true
		for k := range c.Lines {
			l := &c.Lines[k]
			if l.Speaker != "" {
				if _, ok := w.agents[l.Speaker]; !ok {
					w.agents[l.Speaker] = len(w.agentNames) + 1
					w.speakerColor[l.Speaker] = speakerPalette[len(w.agentNames)%len(speakerPalette)]
					w.agentNames = append(w.agentNames, l.Speaker)
				}
			}
			w.colors[w.color(l)] = true
			w.italic = w.italic || l.Italic
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// rowTop is the top of Teletext row r as a percentage of the height,
// to four decimals ("8.3333%").
func rowTop(r int) string {
	s := strconv.FormatFloat(float64(r)*100/CellRows, 'f', 4, 64)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".") + "%"
}

func (w *writer) header(lang, title string) {
	ebu := w.cfg.EBU
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if ebu {
		b.WriteString(`<tt:tt xmlns:tt="` + NS + `"`)
	} else {
		b.WriteString(`<tt xmlns="` + NS + `"`)
	}
	b.WriteString(` xmlns:ttp="` + NSParam + `" xmlns:tts="` + NSStyle + `" xmlns:ttm="` + NSMeta + `"`)
	if ebu {
		b.WriteString(` xmlns:ebuttm="` + NSEBUMeta + `" xmlns:ebutts="` + NSEBUStyle + `"`)
	}
	b.WriteString("\n   " + `xml:lang="` + escape(lang, true) + `" ttp:timeBase="media"`)
	r := w.cfg.Rate
	if !r.IsZero() && !ebu {
		q := DefaultParams(r)
		b.WriteString(` ttp:frameRate="` + strconv.FormatInt(q.FrameRate, 10) + `"`)
		if q.MulNum != q.MulDen {
			b.WriteString(` ttp:frameRateMultiplier="` + strconv.FormatInt(q.MulNum, 10) + " " + strconv.FormatInt(q.MulDen, 10) + `"`)
		}
	}
	b.WriteString(` ttp:cellResolution="` + itoa(CellColumns) + " " + itoa(CellRows) + `"`)
	if !ebu {
		b.WriteString(` ttp:contentProfiles="` + strings.Join(w.cfg.Profiles, " ") + `"`)
		if w.cfg.Extent != "" {
			b.WriteString(` tts:extent="` + escape(w.cfg.Extent, true) + `"`)
		}
	}
	b.WriteString(">\n  <" + w.p("head>\n"))
	meta := ebu || title != "" || len(w.agentNames) > 0
	if meta {
		b.WriteString("    <" + w.p("metadata>\n"))
		if ebu {
			b.WriteString("      <ebuttm:documentMetadata>\n")
			for _, s := range w.cfg.Profiles {
				b.WriteString("        <ebuttm:conformsToStandard>" + escape(s, false) + "</ebuttm:conformsToStandard>\n")
			}
			if !r.IsZero() {
				q := DefaultParams(r)
				b.WriteString("        <ebuttm:authoredFrameRate>" + strconv.FormatInt(q.FrameRate, 10) + "</ebuttm:authoredFrameRate>\n")
				if q.MulNum != q.MulDen {
					b.WriteString("        <ebuttm:authoredFrameRateMultiplier>" + strconv.FormatInt(q.MulNum, 10) + " " + strconv.FormatInt(q.MulDen, 10) + "</ebuttm:authoredFrameRateMultiplier>\n")
				}
			}
			b.WriteString("      </ebuttm:documentMetadata>\n")
		}
		if title != "" {
			b.WriteString("      <ttm:title>" + escape(title, false) + "</ttm:title>\n")
		}
		for i, name := range w.agentNames {
			b.WriteString(`      <ttm:agent xml:id="a` + itoa(i+1) + `" type="person"><ttm:name type="full">` + escape(name, false) + "</ttm:name></ttm:agent>\n")
		}
		b.WriteString("    </" + w.p("metadata>\n"))
	}
	b.WriteString("    <" + w.p("styling>\n"))
	style := func(id, attrs string) {
		b.WriteString("      <" + w.p("style") + ` xml:id="` + id + `" ` + attrs + "/>\n")
	}
	regionStyle := `tts:fontFamily="` + FontFamily + `" tts:fontSize="` + FontSize + `" tts:lineHeight="` + LineHeight +
		`" tts:color="#ffffff" tts:textAlign="center"`
	if ebu {
		// Tech 3380 §4.5: padding at each end of a line's background,
		// and lines aligned each on its own, as Teletext shows them.
		regionStyle += ` ebutts:linePadding="` + LinePadding + `" ebutts:multiRowAlign="auto"`
	}
	style("region", regionStyle)
	style("text", `tts:backgroundColor="`+Background+`"`)
	if w.italic {
		style("italic", `tts:fontStyle="italic"`)
	}
	for c := captions.ColorWhite; c <= captions.ColorBlack; c++ {
		if w.colors[c] {
			style(c.String(), `tts:color="`+ColorHex(c)+`"`)
		}
	}
	for a, name := range [...]string{captions.AlignLeft: "left", captions.AlignCenter: "center", captions.AlignRight: "right"} {
		if a > 0 && w.aligns[a] {
			style("align-"+name, `tts:textAlign="`+name+`"`)
		}
	}
	b.WriteString("    </" + w.p("styling>\n    <") + w.p("layout>\n"))
	region := func(id, origin, extent, align string) {
		b.WriteString("      <" + w.p("region") + ` xml:id="` + id + `" tts:origin="` + origin + `" tts:extent="` + extent +
			`" tts:displayAlign="` + align + `" style="region"/>` + "\n")
	}
	region("bottom", "10% 10%", "80% 80%", "after")
	for row := 1; row <= 23; row++ {
		if w.rows[row] {
			region("row"+itoa(row), "10% "+rowTop(row), "80% "+rowTop(CellRows-row), "before")
		}
	}
	b.WriteString("    </" + w.p("layout>\n  </") + w.p("head>\n  <") + w.p("body>\n    <") + w.p("div>\n"))
	w.put(b.String())
}

// caption writes c as a p.
func (w *writer) caption(n int, c *captions.Caption) {
	b := w.buf[:0]
	b = append(b, "      <"...)
	b = append(b, w.p("p")...)
	b = append(b, ` xml:id="c`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `" begin="`...)
	b = AppendClock(b, c.Start-w.cfg.Origin)
	b = append(b, `" end="`...)
	b = AppendClock(b, c.End-w.cfg.Origin)
	b = append(b, `" region="`...)
	if c.Row == 0 {
		b = append(b, "bottom"...)
	} else {
		b = append(b, "row"...)
		b = strconv.AppendInt(b, int64(c.Row), 10)
	}
	b = append(b, '"')
	if c.Align != captions.AlignDefault {
		b = append(b, ` style="align-`...)
		b = append(b, [...]string{"", "left", "center", "right"}[c.Align]...)
		b = append(b, '"')
	}
	b = append(b, '>')
	for i := range c.Lines {
		l := &c.Lines[i]
		if i > 0 {
			b = append(b, '<')
			b = append(b, w.p("br/>")...)
		}
		b = append(b, '<')
		b = append(b, w.p("span")...)
		b = append(b, ` style="text`...)
		if l.Italic {
			b = append(b, " italic"...)
		}
		if col := w.color(l); col != captions.ColorDefault {
			b = append(b, ' ')
			b = append(b, col.String()...)
		}
		b = append(b, '"')
		if l.Speaker != "" {
			b = append(b, ` ttm:agent="a`...)
			b = strconv.AppendInt(b, int64(w.agents[l.Speaker]), 10)
			b = append(b, '"')
		}
		text := strings.Trim(l.Text, " ")
		if needsPreserve(text) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, text, false)
		b = append(b, "</"...)
		b = append(b, w.p("span>")...)
	}
	b = append(b, "</"...)
	b = append(b, w.p("p>\n")...)
	w.buf = b
	if w.err == nil {
		_, w.err = w.bw.Write(b)
	}
}

// needsPreserve reports whether default white-space handling would
// change s (trimmed of spaces): a tab, or a space next to another.
func needsPreserve(s string) bool {
	return strings.Contains(s, "  ") || strings.ContainsRune(s, '\t')
}

func escape(s string, attr bool) string { return string(appendEscaped(nil, s, attr)) }

// appendEscaped appends s with &, <, > (and in attributes " and tab)
// escaped.
func appendEscaped(b []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			if attr {
				rep = "&quot;"
			}
		case '\t':
			if attr {
				rep = "&#9;"
			}
		}
		if rep != "" {
			b = append(b, s[last:i]...)
			b = append(b, rep...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}
