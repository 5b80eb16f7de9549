// Package format is the one registry of the caption formats sotcap reads
// and writes: each format's names, file extensions, content detection and
// a reader and writer over the document model, chosen in one place.
//
// The format packages (srt, vtt, stl, …) never import each other or this
// package; this package imports them and adapts each to the Reader and
// Writer interfaces, so that a new format plugs in here and nowhere else.
package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/ebuttd"
	"github.com/sotcap/sotcap/captions/format/scc"
	"github.com/sotcap/sotcap/captions/format/srt"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/captions/format/ttml"
	"github.com/sotcap/sotcap/captions/format/vtt"
	"github.com/sotcap/sotcap/timing"
)

// Format is one caption format. The zero Format is no format.
type Format struct {
	// Name is the format's name on the command line and in reports
	// ("srt", "vtt", "stl").
	Name string
	// Title names the format for people ("SRT", "WebVTT", "EBU STL").
	Title string
	// Aliases are other names accepted for Name ("webvtt").
	Aliases []string
	// Extensions are the file-name endings of the format, lower case, the
	// first the one written ("" for a format sotcap only reads).
	Extensions []string
	// Binary says the format is not text: it is detected from its raw bytes
	// and its readers count blocks, not lines.
	Binary bool
	// Unit names one caption of the format in messages ("cue", "subtitle").
	Unit string
	// Speakers says the format can carry who speaks a line (WebVTT voice
	// spans, EBU STL speaker colours); the others leave speakers out.
	Speakers bool
	// Language says the format carries the captions' language (EBU STL's
	// LC, TTML's xml:lang).
	Language bool

	// encodings are the output encodings the writer offers, the default
	// first; nil for a format whose encoding is fixed.
	encodings []string

	detect    func(head []byte) bool
	newReader func(r io.Reader, o ReadOptions) (Reader, error)
	newWriter func(w io.Writer, o WriteOptions) (Writer, error)
	limits    func(o WriteOptions) (chars, lines int)
}

// Limits returns the longest line (in characters) and the most lines a
// caption may have in format f under o; 0 means the format sets no limit.
// Segment captions to the smallest limits of every format they will be
// written in, so that every format carries the same lines.
func (f Format) Limits(o WriteOptions) (chars, lines int) {
	if f.limits == nil {
		return 0, 0
	}
	return f.limits(o)
}

// IsZero reports whether f is the zero Format.
func (f Format) IsZero() bool { return f.Name == "" }

// String returns the format's Title.
func (f Format) String() string { return f.Title }

// Extension returns the extension files of the format are written with
// (".srt").
func (f Format) Extension() string { return f.Extensions[0] }

// Reader reads captions one at a time, in file order.
type Reader interface {
	// Read returns the next caption, or io.EOF after the last one.
	Read() (captions.Caption, error)
	// Line returns the input line of the caption Read last returned (0
	// when the format has no lines).
	Line() int
	// Warnings returns the first warnings about the input read so far.
	Warnings() []captions.Warning
	// WarningCount returns how many warnings there were in all.
	WarningCount() int
}

// Writer writes captions one at a time; Flush completes the file.
type Writer interface {
	Write(captions.Caption) error
	Flush() error
}

// ReadOptions are the options every reader takes; each format uses those
// that apply to it.
type ReadOptions struct {
	// File names the input in errors.
	File string
	// Origin is added to every time of a format that counts from the start
	// of the file (SRT, WebVTT), placing its zero on the programme timeline.
	Origin time.Duration
	// Strict refuses what a lenient reader skips or keeps with a warning
	// (SRT and WebVTT: blocks that are not cues, malformed timing lines,
	// cues that end before they start; SCC: parity errors; EBU STL: the
	// quirks ttconv reads, see stl.ReadOptions), for `convert --strict`
	// and `check --strict-syntax`.
	Strict bool
	// Rate is the frame rate of a file's timecodes where the file cannot
	// say: SCC labels at 30 rather than 29.97, TTML frame times without
	// ttp:frameRate. Zero leaves each format's default.
	Rate timing.Rate
	// STL are the EBU STL reader's options (its rate when DFC cannot say).
	STL stl.ReadOptions
}

// WriteOptions are the options every writer takes.
type WriteOptions struct {
	// Origin is subtracted from every time of a format that counts from the
	// start of the file (SRT, WebVTT).
	Origin time.Duration
	// Title and Language describe the document (EBU STL's OPT and LC).
	Title, Language string
	// Rate and DropFrame are the programme's frame rate and timecode, for
	// the formats that count frames (SCC writes 29.97 drop-frame labels
	// unless the programme is 30 fps or non-drop-frame).
	Rate      timing.Rate
	DropFrame bool
	// STL are the EBU STL writer's options.
	STL stl.Options
	// Encoding names the output's character encoding, for a format that
	// offers a choice (Format.Encodings; SRT: utf-8, utf-8-bom or
	// windows-1252); "" is the format's default. NewWriter refuses it for
	// the other formats.
	Encoding string
}

// Encodings returns the output encodings WriteOptions.Encoding may name
// for f, the default first; nil when the format fixes its encoding
// (WebVTT is UTF-8 by specification; EBU STL, SCC and TTML define their
// own).
func (f Format) Encodings() []string { return slices.Clone(f.encodings) }

// ErrNoEncodingChoice is the cause of NewWriter's error for an Encoding
// given to a format whose encoding is fixed.
var ErrNoEncodingChoice = errors.New("has no choice of encoding")

// All returns every format, in the order they are listed to users.
func All() []Format {
	return []Format{
		{Name: "srt", Title: "SRT", Extensions: []string{".srt"}, Unit: "cue",
			detect: srt.Detect, newReader: newSRTReader, newWriter: newSRTWriter, encodings: srt.EncodingNames()},
		{Name: "vtt", Title: "WebVTT", Aliases: []string{"webvtt"}, Extensions: []string{".vtt", ".webvtt"}, Unit: "cue", Speakers: true,
			detect: vtt.Detect, newReader: newVTTReader, newWriter: newVTTWriter},
		{Name: "stl", Title: "EBU STL", Extensions: []string{".stl"}, Binary: true, Unit: "subtitle", Speakers: true, Language: true,
			detect: stl.Detect, newReader: newSTLReader, newWriter: newSTLWriter,
			limits: func(o WriteOptions) (int, int) { return stl.RowChars(o.STL), 0 }},
		{Name: "ttml", Title: "IMSC 1.1 TTML", Aliases: []string{"imsc", "dfxp"}, Extensions: []string{".ttml", ".dfxp"}, Unit: "caption", Speakers: true, Language: true,
			detect: ttml.Detect, newReader: newTTMLReader, newWriter: newTTMLWriter},
		{Name: "ebu-tt-d", Title: "EBU-TT-D", Aliases: []string{"ebuttd", "ebu-tt"}, Extensions: []string{".ebu-tt-d.xml"}, Unit: "caption", Speakers: true, Language: true,
			detect: ebuttd.Detect, newReader: newEBUTTDReader, newWriter: newEBUTTDWriter},
		{Name: "scc", Title: "SCC", Extensions: []string{".scc"}, Unit: "caption",
			detect: scc.Detect, newReader: newSCCReader, newWriter: newSCCWriter,
			limits: func(WriteOptions) (int, int) { return scc.MaxChars, scc.MaxRows }},
	}
}

// List joins words as people list them: "a, b or c".
func List(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// Names returns the formats' names, in All's order.
func Names() []string {
	var n []string
	for _, f := range All() {
		n = append(n, f.Name)
	}
	return n
}

// Titles returns the formats' titles, in All's order, for messages.
func Titles() []string {
	var t []string
	for _, f := range All() {
		t = append(t, f.Title)
	}
	return t
}

// ByName returns the format called s (a Name or an alias, any case, with or
// without a leading dot).
func ByName(s string) (Format, bool) {
	s = strings.ToLower(strings.TrimPrefix(s, "."))
	for _, f := range All() {
		if f.Name == s || slices.Contains(f.Aliases, s) {
			return f, true
		}
	}
	return Format{}, false
}

// ByExtension returns the format whose extension ends name (any case).
func ByExtension(name string) (Format, bool) {
	lower := strings.ToLower(name)
	best, bestLen := Format{}, 0
	for _, f := range All() {
		for _, e := range f.Extensions {
			if e != "" && strings.HasSuffix(lower, e) && len(e) > bestLen {
				best, bestLen = f, len(e)
			}
		}
	}
	return best, bestLen > 0 && filepath.Ext(lower) != ""
}

// DetectSize is how many leading bytes of a file Detect needs: the whole
// EBU STL General Subtitle Information (GSI) block. Pass the whole file
// when it is shorter.
const DetectSize = 1024

// Detect returns the format of a file from its first bytes (head, at least
// DetectSize of them when the file has that many) and its name. The content
// decides first: each format's own signature (EBU STL's GSI block, the
// WEBVTT header, an SRT cue number and timing line); UTF-8 and UTF-16 text
// with a byte order mark is recognised. Only when no content matches does
// the name's extension decide, so that a damaged file still reaches the
// reader that can say what is wrong with it.
func Detect(head []byte, name string) (Format, bool) {
	// Binary signatures first: a binary header can hold text that looks
	// like a text format, never the other way round.
	for _, f := range All() {
		if f.Binary && f.detect(head) {
			return f, true
		}
	}
	text := textHead(head)
	for _, f := range All() {
		if !f.Binary && f.detect(text) {
			return f, true
		}
	}
	return ByExtension(name)
}

// textHead returns head as UTF-8 without a byte order mark: UTF-16 with a
// BOM is decoded (a trailing odd byte dropped), anything else is returned
// as it is, since the markers Detect looks for are ASCII in UTF-8,
// Windows-1252 and ISO 8859 alike.
func textHead(head []byte) []byte {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return decodeUTF16(head[2:], false)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return decodeUTF16(head[2:], true)
	}
	return head
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// NewReader returns a reader of format f over r.
func (f Format) NewReader(r io.Reader, o ReadOptions) (Reader, error) { return f.newReader(r, o) }

// NewWriter returns a writer of format f over w.
// An Encoding f does not offer is an error wrapping ErrNoEncodingChoice
// or the format's own.
func (f Format) NewWriter(w io.Writer, o WriteOptions) (Writer, error) {
	if o.Encoding != "" && f.encodings == nil {
		return nil, fmt.Errorf("%s %w (%s)", f.Title, ErrNoEncodingChoice, fixedEncoding(f))
	}
	return f.newWriter(w, o)
}

// fixedEncoding says why format f has no choice of encoding.
func fixedEncoding(f Format) string {
	switch f.Name {
	case "vtt":
		return "WebVTT is UTF-8 by specification"
	case "stl":
		return "EBU STL sets its character table from the language"
	case "scc":
		return "SCC carries CEA-608 byte pairs"
	}
	return f.Title + " is UTF-8 XML"
}

// Read reads a whole document of format f from r.
func (f Format) Read(r io.Reader, o ReadOptions) (captions.Document, []captions.Warning, error) {
	if f.Name == "stl" {
		o.STL.File = o.File
		o.STL.Strict = o.STL.Strict || o.Strict
		return stl.Read(r, o.STL)
	}
	rd, err := f.NewReader(r, o)
	if err != nil {
		return captions.Document{}, nil, err
	}
	var doc captions.Document
	for {
		c, err := rd.Read()
		if err == io.EOF {
			return doc, rd.Warnings(), nil
		}
		if err != nil {
			return doc, rd.Warnings(), err
		}
		doc.Captions = append(doc.Captions, c)
	}
}

// LabelRate is the rate a format's timecode labels count at for a programme
// at rate r: EBU STL labels count 25 or 30 a second at 50, 59.94 and 60
// fps (as the video's timecode does), 24 at 48; SCC labels count at 29.97
// (30 for a 30 fps programme), one byte pair a frame; every other format
// counts at r.
func (f Format) LabelRate(r timing.Rate) timing.Rate {
	switch f.Name {
	case "stl":
		return stl.LabelRate(r)
	case "scc":
		if r == timing.Rate30() {
			return r
		}
		return timing.Rate2997()
	}
	return r
}

func newSRTReader(r io.Reader, o ReadOptions) (Reader, error) {
	rd := srt.NewReader(r)
	rd.File, rd.Origin, rd.Strict = o.File, o.Origin, o.Strict
	return rd, nil
}

func newVTTReader(r io.Reader, o ReadOptions) (Reader, error) {
	rd := vtt.NewReader(r)
	rd.File, rd.Origin, rd.Strict = o.File, o.Origin, o.Strict
	return rd, nil
}

func newSRTWriter(w io.Writer, o WriteOptions) (Writer, error) {
	wr := srt.NewWriter(w)
	wr.Origin = o.Origin
	if o.Encoding != "" {
		e, err := srt.ParseEncoding(o.Encoding)
		if err != nil {
			return nil, err
		}
		wr.Encoding = e
	}
	return wr, nil
}

func newVTTWriter(w io.Writer, o WriteOptions) (Writer, error) {
	wr := vtt.NewWriter(w)
	wr.Origin = o.Origin
	return wr, nil
}
