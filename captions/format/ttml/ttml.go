// Package ttml reads and writes TTML subtitles: it writes IMSC 1.1 Text
// (W3C, the TTML profile streaming services take) and reads every
// conforming IMSC 1.0.1 and 1.1 Text document, and TTML 1/2 documents
// that keep to what the caption model holds.
//
// # Writing
//
// Write checks every caption before writing a byte (times not negative,
// before 24 hours and in order, an end after the start, no blank line, no
// line break inside a line, no character XML 1.0 cannot carry) and
// refuses a bad one with a *captions.CaptionError, writing nothing. Then
// it writes:
//
//   - tt with xml:lang (WriteOptions.Language, else the document's;
//     "und" with a warning when neither gives one), ttp:timeBase="media",
//     ttp:frameRate and, at 23.976, 29.97 and 59.94,
//     ttp:frameRateMultiplier="1000 1001" from WriteOptions.Rate,
//     ttp:cellResolution="40 24" (Teletext's grid: a cell is a Teletext
//     row), ttp:contentProfiles naming IMSC 1.1 Text (IMSC 1.1 §6.9
//     signals content profiles with it; ttp:profile names a processor
//     profile in TTML 2 and is not written), and tts:extent
//     (WriteOptions.Extent, "1920px 1080px" by default).
//   - head: ttm:title from the document's Title; a ttm:agent (with its
//     ttm:name) for each speaker; styles (a region style with the font,
//     size, white text centred; a text style with a black background;
//     italic; one per caption colour used; one per alignment used); and
//     regions: "bottom" (origin 10% 10%, extent 80% 80%, content at its
//     foot) for captions at the default position, and "rowN" for a
//     caption on Teletext row N (origin N/24 of the height, content at
//     its head), so that Caption.Row survives the round trip.
//   - one p per caption with begin and end, its region, an alignment
//     style when Caption.Align is set, and each line as a span (styles
//     text, italic, colour; ttm:agent for the speaker) separated by br.
//     Text is escaped; a line whose spaces default white-space handling
//     would collapse gets xml:space="preserve".
//
// Times are written as clock times with milliseconds (HH:MM:SS.mmm), not
// as HH:MM:SS:FF frames: in the media time base, TTML counts hours,
// minutes and seconds as real seconds and only the frame field at the
// frame rate, so at 29.97 most frames have no exact HH:MM:SS:FF
// expression, and readers disagree on such times (some take them for
// SMPTE timecode labels). A millisecond is within half a millisecond of
// every frame's time, which is far inside half a frame: Read snaps such
// times back onto the declared frame rate, so a round trip keeps every
// frame exactly. WriteOptions.Origin is subtracted from every time:
// media time counts from the start of the media file, so set Origin to
// the programme time at which the file starts (10:00:00:00 for a
// programme that starts there, 0 for a file whose times are the
// programme's timecode).
//
// # Reading
//
// Read reads nested spans; begin, end and dur on body, div, p and span
// with time containment (par and seq); clock times (with fractions,
// frames and sub-frames), offset times (h, m, s, ms, f, t) with
// ttp:frameRate, ttp:frameRateMultiplier, ttp:subFrameRate and
// ttp:tickRate; styles by reference (chained), nested in regions and
// inline; and regions. A p becomes one caption, or one per stretch of
// time in which the same spans show when its spans are timed apart. Lines
// are the text between br elements (and line feeds where xml:space is
// preserve), with white space handled as TTML specifies. tts:fontStyle
// italic gives Line.Italic; tts:color one of the caption colours gives
// Line.Color (a colour set on content, or a region colour other than
// white; TTML's named green reads as the caption green); ttm:agent gives
// Line.Speaker; tts:textAlign gives Caption.Align (on content; on the
// region only when not centred); the p's region gives Caption.Row (a
// region whose content sits at its foot in the lower quarter of the
// screen is the default position, Row 0). Times are snapped to frames
// where they lie within half a millisecond of a frame of the declared
// rate (or of ReadOptions.Rate).
//
// Styling the model cannot hold (fonts, sizes, backgrounds, outlines,
// animation, images, ruby) is reported as a warning, once per kind,
// never dropped silently; so are colours outside the caption palette
// and lines with mixed styles. Bad input — XML that is not well-formed,
// an unknown time expression, dur and end in conflict, a frame past the
// frame rate, a root that is not TTML — is a *captions.ParseError with
// the line and column, never a panic and never a shorter file. Input is
// bounded (ReadOptions.MaxSize, 256 MiB by default; 256 levels of
// elements; ten million elements; in one p, 100,000 spans, breaks and
// texts, 1,000 changes over time and 64 regions), and so is the work
// for style references; encoding/xml expands no entities but the five
// XML predefines, so an entity bomb cannot be built.
package ttml

import (
	"bytes"
	"io"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/tt"
	"github.com/sotcap/sotcap/timing"
)

// Name is the format's name and Ext its file extension (BASE.ttml).
const (
	Name = "ttml"
	Ext  = ".ttml"
)

// DefaultExtent is tts:extent on tt when WriteOptions.Extent is empty.
const DefaultExtent = "1920px 1080px"

// WriteOptions control Write. The zero value writes no frame rate.
type WriteOptions struct {
	// Rate is the programme's frame rate, declared as ttp:frameRate (and
	// ttp:frameRateMultiplier for 23.976, 29.97 and 59.94).
	Rate timing.Rate
	// Origin is subtracted from every caption time (see the package doc).
	Origin time.Duration
	// Language is xml:lang; "" takes the document's.
	Language string
	// SpeakerColors colours each speaker's lines in order of first
	// appearance (white, yellow, cyan, green); a line's own Color wins.
	SpeakerColors bool
	// Extent is tts:extent on tt; "" means DefaultExtent.
	Extent string
}

// ReadOptions control Read.
type ReadOptions struct {
	// Name names the input in errors.
	Name string
	// Strict makes every conformance warning an error: no xml:lang, a
	// time base other than media, frame times without ttp:frameRate,
	// references to undefined styles or regions, TTML elements out of
	// place, content in no region.
	Strict bool
	// Rate counts frame time expressions when the document declares no
	// ttp:frameRate (TTML's default is 30), and snaps times to its frames.
	Rate timing.Rate
	// Origin is added to every time read: the programme time of the
	// file's media time zero.
	Origin time.Duration
	// MaxSize bounds the input in bytes (0: 256 MiB).
	MaxSize int64
}

// Write writes doc as an IMSC 1.1 Text document. It returns warnings
// about what it had to choose (a missing language).
func Write(w io.Writer, doc captions.Document, opts WriteOptions) ([]captions.Warning, error) {
	ext := opts.Extent
	if ext == "" {
		ext = DefaultExtent
	}
	return tt.Write(w, doc, tt.WriteConfig{Rate: opts.Rate, Origin: opts.Origin, Language: opts.Language,
		SpeakerColors: opts.SpeakerColors, Extent: ext, Profiles: []string{tt.IMSC11Text}})
}

// Validate applies Write's checks to caps with origin subtracted and
// returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration) error {
	return tt.Validate(caps, origin)
}

// Read reads a TTML document.
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	doc, warns, _, err := tt.Read(r, tt.ReadConfig{Name: opts.Name, Strict: opts.Strict, Rate: opts.Rate,
		Origin: opts.Origin, MaxSize: opts.MaxSize})
	return doc, warns, err
}

// Detect reports whether head, the first bytes of a file (a few
// kilobytes), is a TTML document that is not EBU-TT-D: its root element
// is tt in the TTML namespace and it declares no EBU-TT-D conformance.
func Detect(head []byte) bool {
	isTT, isEBU := tt.Sniff(head)
	return isTT && !isEBU
}

// Encode returns what Write writes.
func Encode(doc captions.Document, opts WriteOptions) ([]byte, []captions.Warning, error) {
	var b bytes.Buffer
	warns, err := Write(&b, doc, opts)
	if err != nil {
		return nil, warns, err
	}
	return b.Bytes(), warns, nil
}
