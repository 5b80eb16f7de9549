package stl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

// File is an EBU STL file as read.
type File struct {
	// GSI is the General Subtitle Information block.
	GSI GSI
	// Rate is the rate the timecode labels count at (from DFC, or
	// ReadOptions.Rate). DropFrame says whether they are drop-frame labels.
	Rate      timing.Rate
	DropFrame bool
	// Start is the programme start (TCP) as a time on the timeline.
	Start time.Duration
	// Document holds the subtitles (CF 0) as captions, with the timecode
	// labels as programme-timeline times (TCI/TCO as written, not shifted
	// by TCP), Title from OPT and Language from LC.
	Document captions.Document
	// Comments are the comment blocks (CF 1): reported, not shown.
	Comments []Comment
	// Warnings are problems that did not stop the file being read. Line is
	// the TTI block number as in ParseError (0 for the file as a whole).
	Warnings []captions.Warning
	// Malformed are the subtitles and blocks that could not be read and
	// were left out: a subtitle whose TCO is before its TCI (skipped, as
	// ttconv skips it) and, with ReadOptions.Lenient, what a truncated file
	// lacks. Line is the TTI block number (0 for the file as a whole).
	// `sotcap check` reports each as a malformed caption.
	Malformed []captions.Warning
	// Blocks holds, for each of Document.Captions, the number of its
	// (first) TTI block.
	Blocks []int
}

// Comment is a TTI comment (CF 1): text for people working on the file,
// never shown on screen.
type Comment struct {
	// Block is the 1-based number of its (first) TTI block.
	Block int
	// SN is its subtitle number.
	SN         int
	Start, End time.Duration
	Text       string
}

// ReadOptions tell Read what the file cannot: STL30.01 means 30 frame
// labels a second but not whether the video runs at 29.97 or 30 fps, nor
// whether the labels are drop-frame.
type ReadOptions struct {
	// File names the input in errors (ParseError.File).
	File string
	// Rate, when set, overrides the rate DFC implies. It must count the
	// same labels a second (24, 25 or 30 nominal).
	Rate timing.Rate
	// DropFrame, when Rate is set, says the labels are drop-frame.
	DropFrame bool
	// Strict refuses what ttconv and IRT's tools read with a warning:
	// extension blocks numbered out of sequence (0, 2, FF) or carrying
	// another subtitle number, a TCO equal to or before the TCI, a byte
	// that is not a character of the file's table (read as U+FFFD
	// otherwise), and a file shorter than its GSI's TNB says.
	Strict bool
	// Lenient reads a truncated file — fewer TTI blocks than the GSI's
	// TNB, a last block cut short, extension blocks without their last
	// block — as far as its whole subtitles go, recording what is missing
	// in File.Malformed, instead of failing with ErrTruncated. Strict
	// overrides it.
	Lenient bool
}

// Errors wrapped in a *captions.ParseError by Read.
var (
	ErrTruncated = errors.New("file ends inside a block")
	ErrNotSTL    = errors.New("not an EBU STL file")
)

// MaxFileSize is the largest EBU STL file there can be: a GSI block and
// MaxBlocks TTI blocks. Read refuses a larger input without reading it all.
const MaxFileSize = gsiSize + MaxBlocks*ttiSize

// ErrTooLarge is wrapped by Read's error for an input over MaxFileSize.
var ErrTooLarge = errors.New("larger than an EBU STL file can be")

// Read reads an EBU STL file into the document model: the subtitles (see
// File.Document), with TimeBase holding the labels' rate, drop frame and
// the programme start (TCP), and the reader's warnings, each naming its
// TTI block (File.Malformed among them). Decode gives the whole File (GSI, comments) instead.
//
// STL25.01 is read at 25 fps, STL24.01 at 24, STL23.01 at 23.976,
// STL50.01 at 50, and STL30.01 at 29.97 with drop-frame labels (as ttconv
// does) unless a label in the file cannot be drop-frame, which makes it
// 29.97 non-drop; opts.Rate says otherwise.
//
// A malformed file gives a *captions.ParseError whose Line is the 1-based
// number of the TTI block at fault (0 for the GSI block) and whose Column
// is the 1-based byte position in the file of the offending field (byte
// offset + 1). The message names the field. ParseError.File is opts.File.
func Read(r io.Reader, opts ReadOptions) (captions.Document, []captions.Warning, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return captions.Document{}, nil, err
	}
	if len(data) > MaxFileSize {
		return captions.Document{}, nil, &captions.ParseError{File: opts.File, Binary: true,
			Err: fmt.Errorf("%w: over %d bytes (a GSI block and %d TTI blocks)", ErrTooLarge, MaxFileSize, MaxBlocks)}
	}
	f, err := Decode(data, opts)
	if err != nil {
		return captions.Document{}, nil, err
	}
	ws := f.BlockWarnings()
	for _, m := range f.Malformed {
		if m.Line > 0 {
			m.Message = "TTI block " + strconv.Itoa(m.Line) + ": " + m.Message
		}
		ws = append(ws, captions.Warning{Message: m.Message})
	}
	return f.Document, ws, nil
}

// BlockWarnings returns the file's warnings with each message led by the
// TTI block it concerns ("TTI block 3: …") and Line 0, since an EBU STL
// file has blocks, not lines.
func (f *File) BlockWarnings() []captions.Warning {
	ws := make([]captions.Warning, len(f.Warnings))
	for i, w := range f.Warnings {
		ws[i] = captions.Warning{Message: w.Message}
		if w.Line > 0 {
			ws[i].Message = "TTI block " + strconv.Itoa(w.Line) + ": " + w.Message
		}
	}
	return ws
}

// Detect reports whether head, the first bytes of a file (at least
// DetectSize of them), is an EBU Tech 3264 GSI block: a code page number
// (bytes 0–2) of 437, 850, 860, 863 or 865 and a disk format code (bytes
// 3–10) "STLnn.01", such as STL25.01 or STL30.01.
func Detect(head []byte) bool {
	if len(head) < gsiSize {
		return false
	}
	switch string(head[0:3]) {
	case "437", "850", "860", "863", "865":
	default:
		return false
	}
	dfc := head[3:11]
	return string(dfc[0:3]) == "STL" && isDigit(dfc[3]) && isDigit(dfc[4]) && string(dfc[5:8]) == ".01"
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func gsiError(f gsiField, err error) error {
	return &captions.ParseError{Column: f.off + 1, Binary: true, Err: fmt.Errorf("GSI %s (byte %d): %w", f.name, f.off, err)}
}

func blockError(block, off int, field string, err error) error {
	pos := gsiSize + (block-1)*ttiSize + off
	if field != "" {
		field = " " + field
	}
	return &captions.ParseError{Line: block, Column: pos + 1, Binary: true, Err: fmt.Errorf("TTI block %d%s (byte %d): %w", block, field, pos, err)}
}

// Decode parses a whole EBU STL file held in memory (see Read).
func Decode(data []byte, opts ReadOptions) (*File, error) {
	f, err := decode(data, opts)
	var pe *captions.ParseError
	if errors.As(err, &pe) && pe.File == "" {
		pe.File = opts.File
	}
	return f, err
}

func decode(data []byte, opts ReadOptions) (*File, error) {
	if len(data) < gsiSize {
		return nil, &captions.ParseError{Column: len(data) + 1, Binary: true, Err: fmt.Errorf("%w: %w: %d bytes, the GSI block alone is %d", ErrNotSTL, ErrTruncated, len(data), gsiSize)}
	}
	dfc := string(data[fDFC.off:fDFC.end])
	if !strings.HasPrefix(dfc, "STL") {
		return nil, gsiError(fDFC, fmt.Errorf("%w: disk format code %q, expected STL25.01 or STL30.01", ErrNotSTL, dfc))
	}
	g, gw, err := decodeGSI(data[:gsiSize])
	if err != nil {
		return nil, err
	}
	f := &File{GSI: g}
	for _, w := range gw {
		f.Warnings = append(f.Warnings, captions.Warning{Message: w})
	}
	switch g.DFC {
	case "STL25.01":
		f.Rate = timing.Rate25()
	case "STL30.01":
		f.Rate, f.DropFrame = timing.Rate2997(), true
	case "STL24.01":
		f.Rate = timing.Rate24()
	case "STL23.01":
		f.Rate = timing.Rate23976()
	case "STL50.01":
		f.Rate = timing.Rate50()
	default:
		return nil, gsiError(fDFC, fmt.Errorf("disk format code %q: expected STL25.01 or STL30.01", g.DFC))
	}
	guessDrop := f.DropFrame
	if !opts.Rate.IsZero() {
		if opts.Rate.Nominal() != f.Rate.Nominal() {
			return nil, gsiError(fDFC, fmt.Errorf("disk format code %s counts %d frames a second, not the %s asked for", g.DFC, f.Rate.Nominal(), opts.Rate))
		}
		if opts.DropFrame && !opts.Rate.DropFrameCapable() {
			return nil, fmt.Errorf("EBU STL: drop-frame labels exist only at 29.97 and 59.94, not %s", opts.Rate)
		}
		f.Rate, f.DropFrame, guessDrop = opts.Rate, opts.DropFrame, false
	}
	lenient := opts.Lenient && !opts.Strict
	rest := data[gsiSize:]
	if len(rest)%ttiSize != 0 {
		n := len(rest)/ttiSize + 1
		err := blockError(n, 0, "", fmt.Errorf("%w: the file has %d bytes after the GSI block, not a whole number of %d-byte TTI blocks", ErrTruncated, len(rest), ttiSize))
		if !lenient {
			return nil, err
		}
		f.Malformed = append(f.Malformed, captions.Warning{Line: n, Message: fmt.Sprintf("TTI block %d cut after %d of its %d bytes (file truncated); left out", n, len(rest)%ttiSize, ttiSize)})
		rest = rest[:len(rest)-len(rest)%ttiSize]
	}
	nblocks := len(rest) / ttiSize
	switch {
	case g.TNB > nblocks && f.Malformed == nil:
		msg := fmt.Sprintf("GSI TNB says %d TTI blocks, the file has %d: truncated", g.TNB, nblocks)
		if !lenient {
			return nil, blockError(nblocks+1, 0, "", fmt.Errorf("%w: %s", ErrTruncated, msg))
		}
		f.Malformed = append(f.Malformed, captions.Warning{Line: nblocks + 1, Message: msg + fmt.Sprintf("; blocks %d to %d missing", nblocks+1, g.TNB)})
	case g.TNB != nblocks:
		f.Warnings = append(f.Warnings, captions.Warning{Message: fmt.Sprintf("GSI TNB says %d TTI blocks, the file has %d", g.TNB, nblocks)})
	}
	if guessDrop && !labelsCanBeDrop(rest, f.Rate) {
		f.DropFrame = false
		f.Warnings = append(f.Warnings, captions.Warning{Message: "STL30.01 with labels that drop-frame timecode skips: read as 29.97 non-drop-frame"})
	}
	d := decoder{f: f, strict: opts.Strict, lenient: lenient}
	f.Document.Captions = make([]captions.Caption, 0, nblocks)
	if d.start, err = d.gsiTime(g.TCP); err != nil {
		return nil, gsiError(fTCP, err)
	}
	f.Start = f.Rate.Duration(d.start)
	if err := d.blocks(rest); err != nil {
		return nil, err
	}
	f.Document.Title = g.OPT
	f.Document.Language = LanguageTag(g.LC)
	f.Document.TimeBase = captions.TimeBase{Rate: f.Rate, DropFrame: f.DropFrame, Start: f.Start}
	if g.TNS != 0 && g.TNS != d.subtitles {
		f.Warnings = append(f.Warnings, captions.Warning{Message: fmt.Sprintf("GSI TNS says %d subtitles, the file has %d", g.TNS, d.subtitles)})
	}
	return f, nil
}

// labelsCanBeDrop reports whether every TTI timecode in the blocks is a
// label drop-frame timecode uses.
func labelsCanBeDrop(rest []byte, r timing.Rate) bool {
	for p := 0; p+ttiSize <= len(rest); p += ttiSize {
		for _, o := range []int{5, 9} {
			tc := timing.Timecode{M: int(rest[p+o+1]), S: int(rest[p+o+2]), F: int(rest[p+o+3])}
			if tc.Skipped(r) {
				return false
			}
		}
	}
	return true
}

// decoder holds one Read's state.
type decoder struct {
	f         *File
	strict    bool // refuse the quirks ttconv reads (ReadOptions.Strict)
	lenient   bool // read a truncated file (ReadOptions.Lenient)
	start     timing.Frame
	subtitles int
	// cumulative set in progress
	cumLines []captions.Line
}

// gsiTime parses a HHMMSSFF GSI field. Blank means 00:00:00:00.
func (d *decoder) gsiTime(s string) (timing.Frame, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	if len(s) != 8 || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("timecode %q: expected HHMMSSFF", s)
	}
	a := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	l := timing.Timecode{H: a(0), M: a(2), S: a(4), F: a(6), Drop: d.f.DropFrame}
	n, ok := labelFrame(l, d.f.Rate)
	if !ok {
		return 0, fmt.Errorf("timecode %s is not a valid label at %s fps", l, d.f.Rate)
	}
	return n, nil
}

// tc reads binary hh mm ss ff.
func (d *decoder) tc(b []byte) (timing.Frame, bool) {
	return labelFrame(timing.Timecode{H: int(b[0]), M: int(b[1]), S: int(b[2]), F: int(b[3]), Drop: d.f.DropFrame}, d.f.Rate)
}

// blocks walks the TTI blocks.
func (d *decoder) blocks(rest []byte) error {
	f := d.f
	var tf []byte
	first := 0    // block number of the subtitle's first block
	prevEBN := -1 // EBN of the previous extension block, -1 when none open
	var sn, cs, vp, jc, cf int
	var in, out timing.Frame
	for k := 0; k*ttiSize < len(rest); k++ {
		b := rest[k*ttiSize : (k+1)*ttiSize]
		block := k + 1
		ebn := int(b[3])
		if ebn >= 0xF0 && ebn <= 0xFE {
			continue // user data (FE) and reserved blocks
		}
		bsn := int(b[1]) | int(b[2])<<8
		if prevEBN >= 0 {
			// Continuing an extension: same subtitle, next EBN. ttconv and
			// IRT's tools join the blocks up to EBN FF whatever their
			// numbers say; so does Read unless Strict.
			if bsn != sn {
				err := blockError(block, 1, "SN", fmt.Errorf("subtitle number %d inside subtitle %d's extension blocks (block %d has EBN %d)", bsn, sn, block-1, prevEBN))
				if d.strict {
					return err
				}
				f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: fmt.Sprintf("subtitle number %d inside subtitle %d's extension blocks: joined to it", bsn, sn)})
			}
			if ebn != 0xFF && ebn != prevEBN+1 {
				err := blockError(block, 3, "EBN", fmt.Errorf("extension block number %d after %d", ebn, prevEBN))
				if d.strict {
					return err
				}
				f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: fmt.Sprintf("extension block number %d after %d: joined in file order", ebn, prevEBN)})
			}
		} else {
			sn, cs, vp, jc, cf = bsn, int(b[4]), int(b[13]), int(b[14]), int(b[15])
			first = block
			tf = tf[:0]
			var ok bool
			if in, ok = d.tc(b[5:9]); !ok {
				return blockError(block, 5, "TCI", fmt.Errorf("time code in %02d:%02d:%02d:%02d is not a valid label at %s fps%s", b[5], b[6], b[7], b[8], f.Rate, dfNote(f.DropFrame)))
			}
			if out, ok = d.tc(b[9:13]); !ok {
				return blockError(block, 9, "TCO", fmt.Errorf("time code out %02d:%02d:%02d:%02d is not a valid label at %s fps%s", b[9], b[10], b[11], b[12], f.Rate, dfNote(f.DropFrame)))
			}
			if cs > 3 {
				return blockError(block, 4, "CS", fmt.Errorf("cumulative status %d: expected 0–3", cs))
			}
			if cf > 1 {
				return blockError(block, 15, "CF", fmt.Errorf("comment flag %d: expected 0 or 1", cf))
			}
			if ebn != 0xFF && ebn != 0 {
				err := blockError(block, 3, "EBN", fmt.Errorf("first extension block numbered %d, expected 0", ebn))
				if d.strict {
					return err
				}
				f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: fmt.Sprintf("first extension block numbered %d, expected 0: joined in file order", ebn)})
			}
		}
		// Unused space (8F) ends each block's text field; the text continues
		// in the next extension block, possibly mid-character.
		end := ttiSize
		for end > 16 && b[end-1] == 0x8F {
			end--
		}
		tf = append(tf, b[16:end]...)
		if ebn != 0xFF {
			prevEBN = ebn
			continue
		}
		prevEBN = -1
		if err := d.subtitle(first, sn, cs, vp, jc, cf, in, out, tf); err != nil {
			return err
		}
	}
	if prevEBN >= 0 {
		err := blockError(len(rest)/ttiSize, 3, "EBN", fmt.Errorf("%w: subtitle %d's extension blocks end without a last block (EBN FF)", ErrTruncated, sn))
		if !d.lenient {
			return err
		}
		f.Malformed = append(f.Malformed, captions.Warning{Line: first, Message: fmt.Sprintf("subtitle %d's extension blocks end without a last block (EBN FF): file truncated; left out", sn)})
	}
	return nil
}

func dfNote(drop bool) string {
	if drop {
		return " drop-frame"
	}
	return ""
}

// subtitle turns one subtitle's text field into a caption or comment.
func (d *decoder) subtitle(block, sn, cs, vp, jc, cf int, in, out timing.Frame, tf []byte) error {
	f := d.f
	lines, bad, err := decodeTF(tf, f.GSI.CCT, f.GSI.DSC, d.strict)
	if err != nil {
		return blockError(block, 16, "TF", err)
	}
	if bad != "" {
		f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: bad + "; read as U+FFFD"})
	}
	start, end := f.Rate.Duration(in), f.Rate.Duration(out)
	if cf == 1 {
		var texts []string
		for _, l := range lines {
			texts = append(texts, l.Text)
		}
		f.Comments = append(f.Comments, Comment{Block: block, SN: sn, Start: start, End: end, Text: strings.Join(texts, "\n")})
		return nil
	}
	if out <= in {
		err := blockError(block, 9, "TCO", fmt.Errorf("time code out %s is not after time code in %s", timing.FormatTimecode(out, f.Rate, f.DropFrame), timing.FormatTimecode(in, f.Rate, f.DropFrame)))
		switch {
		case d.strict:
			return err
		case out < in:
			// ttconv skips such a subtitle ("TCO is less than TCI").
			f.Malformed = append(f.Malformed, captions.Warning{Line: block, Message: fmt.Sprintf("subtitle %d: time code out %s is before time code in %s; left out", sn, timing.FormatTimecode(out, f.Rate, f.DropFrame), timing.FormatTimecode(in, f.Rate, f.DropFrame))})
			return nil
		}
		f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: fmt.Sprintf("subtitle %d: time code out equals time code in (shown for no time)", sn)})
	}
	d.subtitles++
	if cs == 1 || cs == 0 {
		d.cumLines = d.cumLines[:0]
	}
	if cs != 0 {
		// Cumulative set: each member shows the rows of the earlier ones too.
		d.cumLines = append(d.cumLines, lines...)
		if len(d.cumLines) > 23 {
			return blockError(block, 4, "CS", fmt.Errorf("cumulative set of more than 23 rows (subtitle %d)", sn))
		}
		lines = append([]captions.Line(nil), d.cumLines...)
		if cs == 3 {
			d.cumLines = d.cumLines[:0]
		}
	}
	if len(lines) == 0 {
		f.Warnings = append(f.Warnings, captions.Warning{Line: block, Message: fmt.Sprintf("subtitle %d has no text; skipped", sn)})
		return nil
	}
	c := captions.Caption{Start: start, End: end, Lines: lines, Row: vp}
	switch jc {
	case 1:
		c.Align = captions.AlignLeft
	case 2:
		c.Align = captions.AlignCenter
	case 3:
		c.Align = captions.AlignRight
	}
	f.Document.Captions = append(f.Document.Captions, c)
	f.Blocks = append(f.Blocks, block)
	return nil
}

// decodeTF decodes a text field into lines. Teletext spacing attributes and
// open-subtitle style codes are not text: colours become Line.Color (the
// first one before any text on the row), italics Line.Italic (any italic
// text on the row), and a control code between two characters shows as
// the space it occupies on screen. Rows are separated by one or more 8A;
// empty rows are dropped and each row's text is trimmed.
//
// A byte that is not a character of the table is an error when strict;
// otherwise it reads as U+FFFD (as ttconv reads it) and bad describes the
// first such byte.
func decodeTF(tf []byte, table CharacterTable, dsc DisplayStandard, strict bool) (lines []captions.Line, bad string, err error) {
	teletext := dsc != OpenSubtitling
	var buf [128]byte
	text := buf[:0]
	var cur captions.Line
	italic := false
	colorSet := false
	pendingSpace := false
	flush := func() {
		t := bytes.TrimSpace(text)
		if len(t) > 0 {
			cur.Text = string(t)
			lines = append(lines, cur)
		}
		text = text[:0]
		cur = captions.Line{}
		colorSet, pendingSpace = false, false
		if teletext {
			italic = false
		}
	}
	for i := 0; i < len(tf); {
		c := tf[i]
		switch {
		case c == 0x8F:
			i++
		case c == 0x8A:
			flush()
			i++
		case c < 0x20 || (c >= 0x80 && c < 0xA0):
			if teletext && c <= 0x07 && !colorSet && len(text) == 0 {
				cur.Color = colorFromTeletext(c)
				colorSet = true
			}
			if !teletext {
				switch c {
				case 0x80:
					italic = true
				case 0x81:
					italic = false
				}
			}
			if len(text) > 0 {
				pendingSpace = true
			}
			i++
		default:
			if pendingSpace && c != ' ' && text[len(text)-1] != ' ' {
				text = append(text, ' ')
			}
			pendingSpace = false
			var n int
			var ok bool
			if text, n, ok = decodeChar(text, table, tf, i); !ok {
				msg := fmt.Sprintf("byte %#02x at text field position %d is not a character of table %s", c, i, table)
				if strict {
					return lines, "", errors.New(msg)
				}
				if bad == "" {
					bad = msg
				}
				text = append(text, "\uFFFD"...)
			}
			if italic && c != ' ' {
				cur.Italic = true
			}
			i += n
		}
	}
	flush()
	return lines, bad, nil
}

func colorFromTeletext(c byte) captions.Color {
	for col, code := range teletextColor {
		if code == c && captions.Color(col) != captions.ColorDefault {
			return captions.Color(col)
		}
	}
	return captions.ColorDefault
}
