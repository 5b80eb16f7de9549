package format

import (
	"fmt"
	"io"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/stl"
)

// stlReader serves the captions of an EBU STL file read whole (its header
// counts the subtitles, so it cannot stream).
type stlReader struct {
	f     *stl.File
	i     int
	warns []captions.Warning
}

func newSTLReader(r io.Reader, o ReadOptions) (Reader, error) {
	data, err := io.ReadAll(io.LimitReader(r, stl.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.File, err)
	}
	if len(data) > stl.MaxFileSize {
		return nil, fmt.Errorf("%s: larger than the %d bytes an EBU STL file can have (a GSI block and %d TTI blocks)", o.File, stl.MaxFileSize, stl.MaxBlocks)
	}
	so := o.STL
	so.File = o.File
	so.Strict = so.Strict || o.Strict
	f, err := stl.Decode(data, so)
	if err != nil {
		return nil, err
	}
	warns := f.BlockWarnings()
	for _, m := range f.Malformed {
		msg := m.Message
		if m.Line > 0 {
			msg = fmt.Sprintf("TTI block %d: %s", m.Line, msg)
		}
		warns = append(warns, captions.Warning{Message: msg})
	}
	return &stlReader{f: f, warns: warns}, nil
}

// Read returns the next subtitle. A caption at the writer's default place
// (last row on row 22, centred) reads back as Row 0 and AlignDefault, so
// that the formats without Teletext rows write no position for it.
func (s *stlReader) Read() (captions.Caption, error) {
	if s.i >= len(s.f.Document.Captions) {
		return captions.Caption{}, io.EOF
	}
	c := s.f.Document.Captions[s.i]
	s.i++
	height := 2
	if s.f.GSI.DSC == stl.OpenSubtitling {
		height = 1
	}
	if c.Row == stl.DefaultBottomRow-height*(len(c.Lines)-1) {
		c.Row = 0
	}
	if c.Align == captions.AlignCenter {
		c.Align = captions.AlignDefault
	}
	return c, nil
}

// Line is 0: subtitles are named by number, not line.
func (s *stlReader) Line() int { return 0 }

// Warnings returns the reader's warnings, each naming its TTI block.
func (s *stlReader) Warnings() []captions.Warning { return s.warns }

// WarningCount returns how many warnings there are.
func (s *stlReader) WarningCount() int { return len(s.warns) }

// File returns the EBU STL file as read, header and all.
func (s *stlReader) File() *stl.File { return s.f }

// TimeBase returns the header's frame rate and the time code of
// programme start.
func (s *stlReader) TimeBase() captions.TimeBase { return s.f.Document.TimeBase }

// STLFile returns the EBU STL file behind a Reader of the stl format, or
// nil for any other reader.
func STLFile(r Reader) *stl.File {
	if s, ok := r.(*stlReader); ok {
		return s.f
	}
	return nil
}

// stlWriter collects captions and writes them as one EBU STL file on
// Flush, since its header counts the subtitles.
type stlWriter struct {
	w     io.Writer
	doc   captions.Document
	opts  stl.Options
	warns []captions.Warning
}

func newSTLWriter(w io.Writer, o WriteOptions) (Writer, error) {
	opts := o.STL
	if opts.Language == "" {
		opts.Language = o.Language
	}
	return &stlWriter{w: w, doc: captions.Document{Title: o.Title, Language: opts.Language}, opts: opts}, nil
}

// Write collects c, refusing the first caption past what a file can number.
func (s *stlWriter) Write(c captions.Caption) error {
	if len(s.doc.Captions) >= stl.MaxSubtitles {
		return fmt.Errorf("%w: at most %d subtitles (SN is 16 bits)", stl.ErrTooMany, stl.MaxSubtitles)
	}
	s.doc.Captions = append(s.doc.Captions, c)
	return nil
}

// Flush writes the file; stl.Write checks every caption before writing a
// byte. Its errors are the writer's own (*captions.CaptionError for a caption).
func (s *stlWriter) Flush() error {
	warns, err := stl.Write(s.w, s.doc, s.opts)
	s.warns = warns
	return err
}

// Warnings returns what the writer warned of when it wrote the file.
func (s *stlWriter) Warnings() []captions.Warning { return s.warns }
