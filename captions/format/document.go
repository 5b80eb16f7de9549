package format

import (
	"io"

	"github.com/sotcap/sotcap/captions"
)

// docReader serves the captions of a document read whole, for the formats
// whose readers read a whole file (their header or their state machine
// spans it).
type docReader struct {
	doc   captions.Document
	i     int
	warns []captions.Warning
	count int
}

func (d *docReader) Read() (captions.Caption, error) {
	if d.i >= len(d.doc.Captions) {
		return captions.Caption{}, io.EOF
	}
	d.i++
	return d.doc.Captions[d.i-1], nil
}

func (d *docReader) Line() int                    { return 0 }
func (d *docReader) Warnings() []captions.Warning { return d.warns }
func (d *docReader) WarningCount() int            { return max(d.count, len(d.warns)) }

// docWriter collects captions and writes the whole document on Flush, for
// the formats whose writers need every caption first.
type docWriter struct {
	doc   captions.Document
	write func(captions.Document) ([]captions.Warning, error)
	warns []captions.Warning
}

func (d *docWriter) Write(c captions.Caption) error {
	d.doc.Captions = append(d.doc.Captions, c)
	return nil
}

func (d *docWriter) Flush() error {
	var err error
	d.warns, err = d.write(d.doc)
	return err
}

// Warnings returns what the writer warned of when it wrote the document.
func (d *docWriter) Warnings() []captions.Warning { return d.warns }

// TimeBase returns how the document's file counts time.
func (d *docReader) TimeBase() captions.TimeBase { return d.doc.TimeBase }

// DeclaredTimeBase returns the time base the file read by r declares: an
// EBU STL header's frame rate, SCC's 29.97 (or 30) fps timecodes, a TTML
// document's ttp:frameRate. ok is false when the file declares no frame
// rate (SRT, WebVTT, a TTML document without ttp:frameRate).
func DeclaredTimeBase(r Reader) (tb captions.TimeBase, ok bool) {
	if t, is := r.(interface{ TimeBase() captions.TimeBase }); is {
		tb = t.TimeBase()
	}
	return tb, !tb.Rate.IsZero()
}
