// Package ebuttd reads and writes EBU-TT-D subtitles (EBU Tech 3380, the
// distribution format of EBU-TT used by HbbTV and DVB-DASH), valid
// against the EBU-TT-D XML Schema the EBU publishes.
//
// # Writing
//
// Write checks every caption first, as package ttml does, and writes
// nothing when one is refused. The document has tt:tt with xml:lang,
// ttp:timeBase="media" (the only time base Tech 3380 allows) and
// ttp:cellResolution="40 24" (Teletext's grid, so that one cell is one
// Teletext row); head metadata with ebuttm:documentMetadata: two
// ebuttm:conformsToStandard (urn:ebu:tt:distribution:2014-01 and IMSC 1
// Text, which the document also keeps to; Tech 3380 and IMSC 1.0.1 §5.4
// then want no ttp:profile) and ebuttm:authoredFrameRate (and
// ebuttm:authoredFrameRateMultiplier) from WriteOptions.Rate — EBU-TT-D
// has no ttp:frameRate; ttm:title and ttm:agent as in package ttml;
// fonts and colours as tt:style elements (the region style: font, size
// 125% of a cell on lines of two cells, white text centred,
// ebutts:linePadding="0.5c", ebutts:multiRowAlign="auto"; a text style
// with a black background; italic; one per caption colour; one per
// alignment); and regions. Each caption is a tt:p with xml:id (required
// by Tech 3380), begin, end and region, its lines tt:span elements
// separated by tt:br.
//
// Times are media times written as HH:MM:SS.mmm, the form Tech 3380
// requires (it allows no frames and no offset times); WriteOptions.Origin
// is subtracted from them (media time counts from the start of the
// media file).
//
// # Teletext mapping (EBU Tech 3360)
//
// Tech 3360 maps an EBU STL subtitle's Teletext layout to EBU-TT regions
// and styles; Write does the same with the caption model: a caption's
// Row (the Teletext row of its first line, 1–23) becomes a region whose
// top is that row of the 24-row grid, with the content at its head, and
// Row 0 (the default) the "bottom" region, content at its foot; lines
// are double height (a line is two rows, as in Teletext, lineHeight 160%
// of a 125% font); Line.Color is a style with the Teletext colour's RGB
// value (white #ffffff, yellow #ffff00, cyan #00ffff, green #00ff00, red
// #ff0000, blue #0000ff, magenta #ff00ff, black #000000); Line.Italic is
// tts:fontStyle italic (Teletext has none, EBU-TT-D does); Caption.Align
// is tts:textAlign left, center or right on the p. Read maps them back:
// a document written here reads back with the same Row, Align, Color and
// Italic on every caption.
//
// # Reading
//
// Read is package ttml's reader (any TTML document is read), with the
// EBU-TT-D rules added as conformance warnings (errors when Strict): a
// document that does not declare urn:ebu:tt:distribution:2014-01, dur or
// timeContainer, timing on body or div, a span inside a span.
// ebuttm:authoredFrameRate (with its multiplier) is the rate times are
// snapped to. Bad input is a *captions.ParseError with the line and
// column; input size and nesting are bounded as in package ttml.
package ebuttd

import (
	"bytes"
	"io"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/tt"
	"github.com/sotcap/sotcap/timing"
)

// Name is the format's name and Ext its file extension
// (BASE.ebu-tt-d.xml).
const (
	Name = "ebu-tt-d"
	Ext  = ".ebu-tt-d.xml"
)

// WriteOptions control Write. The zero value writes no frame rate.
type WriteOptions struct {
	// Rate is the programme's frame rate, declared as
	// ebuttm:authoredFrameRate (and its multiplier).
	Rate timing.Rate
	// Origin is subtracted from every caption time.
	Origin time.Duration
	// Language is xml:lang; "" takes the document's.
	Language string
	// SpeakerColors colours each speaker's lines in order of first
	// appearance (white, yellow, cyan, green), as Teletext does; a
	// line's own Color wins.
	SpeakerColors bool
}

// ReadOptions control Read.
type ReadOptions struct {
	// Name names the input in errors.
	Name string
	// Strict makes every conformance warning an error, EBU-TT-D's
	// rules included.
	Strict bool
	// Rate snaps times to frames when the document declares no
	// ebuttm:authoredFrameRate (and counts frame times, which EBU-TT-D
	// does not allow, when it declares no ttp:frameRate).
	Rate timing.Rate
	// Origin is added to every time read.
	Origin time.Duration
	// MaxSize bounds the input in bytes (0: 256 MiB).
	MaxSize int64
}

// Write writes doc as an EBU-TT-D document.
func Write(w io.Writer, doc captions.Document, opts WriteOptions) ([]captions.Warning, error) {
	return tt.Write(w, doc, tt.WriteConfig{EBU: true, Rate: opts.Rate, Origin: opts.Origin, Language: opts.Language,
		SpeakerColors: opts.SpeakerColors, Profiles: []string{tt.EBUTTD, tt.IMSC1Text}})
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

// Validate applies Write's checks to caps with origin subtracted and
// returns the first failure as a *captions.CaptionError.
func Validate(caps []captions.Caption, origin time.Duration) error {
	return tt.Validate(caps, origin)
}

// Read reads an EBU-TT-D document (or any TTML document, with a warning).
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	doc, warns, _, err := tt.Read(r, tt.ReadConfig{Name: opts.Name, Strict: opts.Strict, Rate: opts.Rate,
		Origin: opts.Origin, MaxSize: opts.MaxSize, EBU: true})
	return doc, warns, err
}

// Detect reports whether head, the first bytes of a file, is an EBU-TT-D
// document: root tt in the TTML namespace declaring EBU-TT-D conformance
// (ebuttm:conformsToStandard urn:ebu:tt:distribution:2014-01, or the
// EBU-TT namespaces on a root that names no TTML profile).
func Detect(head []byte) bool {
	isTT, isEBU := tt.Sniff(head)
	return isTT && isEBU
}
