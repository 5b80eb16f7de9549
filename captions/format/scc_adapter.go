package format

import (
	"io"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/scc"
	"github.com/sotcap/sotcap/timing"
)

// maxSCCSize bounds what is read of an SCC file: a day of 29.97 fps byte
// pairs written as text is under 30 MiB.
const maxSCCSize = 64 << 20

func newSCCReader(r io.Reader, o ReadOptions) (Reader, error) {
	data, err := readBounded(r, maxSCCSize, o.File, "an SCC file")
	if err != nil {
		return nil, err
	}
	so := scc.ReadOptions{File: o.File, Strict: o.Strict}
	if o.Rate == timing.Rate30() {
		so.Rate = o.Rate
	}
	f, err := scc.Decode(data, so)
	if err != nil {
		return nil, err
	}
	doc := f.Document
	doc.TimeBase = captions.TimeBase{Rate: f.Rate, DropFrame: f.DropFrame}
	return &docReader{doc: doc, warns: f.Warnings, count: f.WarningCount}, nil
}

// newSCCWriter writes 29.97 drop-frame labels, or non-drop-frame ones for a
// non-drop-frame 29.97 programme, or 30 fps labels for a 30 fps one: SCC is
// NTSC line-21 data, so programmes at other rates get 29.97 drop frame. A
// caption whose data cannot be sent before it appears starts later, with a
// warning (scc.WriteOptions.MoveLate).
func newSCCWriter(w io.Writer, o WriteOptions) (Writer, error) {
	so := scc.WriteOptions{MoveLate: true}
	switch o.Rate {
	case timing.Rate30():
		so.Rate = timing.Rate30()
	case timing.Rate2997():
		so.NonDrop = !o.DropFrame
	}
	return &docWriter{write: func(doc captions.Document) ([]captions.Warning, error) {
		return scc.Write(w, doc, so)
	}}, nil
}
