package app

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/config"
	"github.com/spf13/pflag"
)

// SegmentOptions are the options of `sotcap segment`.
type SegmentOptions struct {
	File   string // "" or "-" for standard input
	Format string // text, tagged or json
	Style  string // house style file (--style); "" means the config's style key
	Flags  *pflag.FlagSet
}

// segmentUnit is one input line's captions in the json format.
type segmentUnit struct {
	Line     int              `json:"line"`
	Captions []segmentCaption `json:"captions"`
}

type segmentCaption struct {
	Lines []string  `json:"lines"`
	Chars []float64 `json:"chars"`
}

func RunSegment(opts SegmentOptions, s IO) error {
	switch opts.Format {
	case "text", "tagged", "json":
	default:
		return BadInput(fmt.Errorf("--format %q: expected text, tagged or json", opts.Format))
	}
	cfg, err := config.Load(config.Options{Flags: opts.Flags})
	if err != nil {
		return BadInput(err)
	}
	prof := cfg.Rules()
	style, err := loadStyle(pick(opts.Style, cfg, config.KeyStyle))
	if err != nil {
		return BadInput(err)
	}

	in, name := s.In, "standard input"
	if opts.File != "" && opts.File != "-" {
		f, err := os.Open(opts.File)
		if err != nil {
			return BadInput(err)
		}
		defer f.Close()
		in, name = f, opts.File
	}
	// Segment everything before writing anything, so that an error leaves
	// no partial output.
	units, err := segmentAll(prof, style, in, name)
	if err != nil {
		return BadInput(err)
	}
	w := bufio.NewWriterSize(s.Out, 64<<10)
	switch opts.Format {
	case "text":
		for _, u := range units {
			for _, c := range u {
				for _, l := range c {
					w.WriteString(l)
					w.WriteByte('\n')
				}
				w.WriteByte('\n')
			}
		}
	case "tagged":
		for _, u := range units {
			writeTagged(w, u)
			w.WriteByte('\n')
		}
	case "json":
		doc := struct {
			Profile         string        `json:"profile"`
			Language        string        `json:"language"`
			MaxCharsPerLine int           `json:"max_chars_per_line"`
			MaxLines        int           `json:"max_lines"`
			Units           []segmentUnit `json:"units"`
		}{prof.Name, prof.Language, prof.MaxCharsPerLine, prof.MaxLines, make([]segmentUnit, 0, len(units))}
		for i, u := range units {
			su := segmentUnit{Line: i + 1, Captions: make([]segmentCaption, 0, len(u))}
			for _, c := range u {
				sc := segmentCaption{Lines: c}
				for _, l := range c {
					sc.Chars = append(sc.Chars, prof.Chars(l))
				}
				su.Captions = append(su.Captions, sc)
			}
			doc.Units = append(doc.Units, su)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return err
		}
	}
	return w.Flush()
}

// writeTagged writes one unit's captions in the MuST-Cinema convention.
func writeTagged(w *bufio.Writer, unit [][]string) {
	for ci, c := range unit {
		if ci > 0 {
			w.WriteByte(' ')
		}
		for li, l := range c {
			if li > 0 {
				w.WriteString(" <eol> ")
			}
			w.WriteString(l)
		}
		w.WriteString(" <eob>")
	}
}

// segmentAll breaks every line of r; an error names the input and line.
// maxSegmentLine is the longest input line segment takes, as the EDL
// reader's limit: longer is not a subtitle's paragraph but a broken file.
const maxSegmentLine = 64 << 10

// errLineTooLong is readLine's error for a line over its limit.
var errLineTooLong = errors.New("line too long")

// readLine reads one line, its newline included, like ReadString('\n'),
// but stops with errLineTooLong once it holds more than limit bytes, so
// that a file with no newline (or /dev/zero) cannot take all memory.
func readLine(br *bufio.Reader, limit int) (string, error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(buf)+len(frag) > limit {
			return "", errLineTooLong
		}
		buf = append(buf, frag...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return string(buf), err
		}
	}
}

func segmentAll(prof rules.Profile, style *segment.Style, r io.Reader, name string) ([][][]string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var units [][][]string
	text := false // a line with more than white space seen
	for n := 1; ; n++ {
		line, err := readLine(br, maxSegmentLine+2) // + CRLF
		if errors.Is(err, errLineTooLong) {
			return nil, &captions.ParseError{File: name, Line: n, Err: fmt.Errorf("line too long: over 64 KiB: expected at most %d bytes per line", maxSegmentLine)}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if line == "" && err != nil {
			break
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if len(line) > maxSegmentLine {
			return nil, &captions.ParseError{File: name, Line: n, Err: fmt.Errorf("line too long: over 64 KiB: expected at most %d bytes per line", maxSegmentLine)}
		}
		if i := strings.IndexByte(line, 0); i >= 0 {
			col := 1 + utf8.RuneCountInString(line[:i])
			return nil, &captions.ParseError{File: name, Line: n, Column: col, Err: errors.New("NUL byte: this is not a text file; expected UTF-8 text")}
		}
		if strings.TrimSpace(line) != "" {
			text = true
		}
		if !utf8.ValidString(line) {
			col := 1 + utf8.RuneCountInString(line[:firstInvalid(line)])
			return nil, &captions.ParseError{File: name, Line: n, Column: col, Err: errors.New("invalid UTF-8: expected UTF-8 text")}
		}
		caps, berr := segment.BreakStyle(prof, stripTags(line), style)
		if berr != nil {
			return nil, &captions.ParseError{File: name, Line: n, Err: berr}
		}
		units = append(units, caps)
		if err != nil {
			break
		}
	}
	if !text {
		return nil, fmt.Errorf("%s: no text to segment: expected lines of text, one paragraph or utterance per line", name)
	}
	return units, nil
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// stripTags removes MuST-Cinema break tags so that tagged text can be
// segmented again.
func stripTags(s string) string {
	if !strings.Contains(s, "<eo") {
		return s
	}
	r := strings.NewReplacer("<eol>", " ", "<eob>", " ")
	return r.Replace(s)
}
