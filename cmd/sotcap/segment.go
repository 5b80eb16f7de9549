package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
	"github.com/sotcap/sotcap/config"
)

// segmentOptions are the options of `sotcap segment`.
type segmentOptions struct {
	file   string // "" or "-" for standard input
	format string // text, tagged or json
	flags  *pflag.FlagSet
}

func newSegmentCmd(s stdio) *cobra.Command {
	opts := segmentOptions{}
	cmd := &cobra.Command{
		Use:   "segment [FILE|-]",
		Short: "Split text into captions and lines under a reading-speed profile",
		Long: `segment splits text into captions of at most the profile's lines and
characters per line, choosing the breaks a subtitler would. Each input line
is one unit (a sentence or paragraph): a caption never spans two units.
Markup tags <eol> and <eob> in the input are ignored, so a MuST-Cinema file
can be re-segmented as it is.

Formats:
  text    each caption's lines, a blank line after each caption
  tagged  one output line per input line: <eol> between the lines of a
          caption, <eob> after each caption (the MuST-Cinema convention)
  json    {"profile", "language", "max_chars_per_line", "max_lines",
          "units": [{"line", "captions": [{"lines", "chars"}]}]}`,
		Example: `  sotcap segment talk.txt --profile ted --format tagged
  echo "We are aiming to get a better television service." | sotcap segment --max-chars-per-line 30`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.file = args[0]
			}
			opts.flags = cmd.Flags()
			return runSegment(opts, s)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text, tagged or json")
	config.AddFlags(cmd.Flags())
	return cmd
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

func runSegment(opts segmentOptions, s stdio) error {
	switch opts.format {
	case "text", "tagged", "json":
	default:
		return badInput(fmt.Errorf("--format %q: expected text, tagged or json", opts.format))
	}
	cfg, err := config.Load(config.Options{Flags: opts.flags})
	if err != nil {
		return badInput(err)
	}
	prof := cfg.Rules()

	in, name := s.in, "standard input"
	if opts.file != "" && opts.file != "-" {
		f, err := os.Open(opts.file)
		if err != nil {
			return badInput(err)
		}
		defer f.Close()
		in, name = f, opts.file
	}
	// Segment everything before writing anything, so that an error leaves
	// no partial output.
	units, err := segmentAll(prof, in, name)
	if err != nil {
		return badInput(err)
	}
	w := bufio.NewWriterSize(s.out, 64<<10)
	switch opts.format {
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

func segmentAll(prof rules.Profile, r io.Reader, name string) ([][][]string, error) {
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
		caps, berr := segment.Break(prof, stripTags(line))
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
