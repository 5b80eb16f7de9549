package format

import (
	"io"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/ebuttd"
	"github.com/sotcap/sotcap/captions/format/ttml"
)

func newTTMLReader(r io.Reader, o ReadOptions) (Reader, error) {
	doc, warns, err := ttml.Read(r, ttml.ReadOptions{Name: o.File, Strict: o.Strict, Origin: o.Origin, Rate: o.Rate})
	if err != nil {
		return nil, err
	}
	return &docReader{doc: doc, warns: warns}, nil
}

// newTTMLWriter writes IMSC 1.1 Text; speakers are coloured when the house
// style colours them in EBU STL (stl.speaker_colors).
func newTTMLWriter(w io.Writer, o WriteOptions) (Writer, error) {
	opts := ttml.WriteOptions{Rate: o.Rate, Origin: o.Origin, Language: o.Language, SpeakerColors: o.STL.SpeakerColors}
	return &docWriter{doc: captions.Document{Title: o.Title, Language: o.Language}, write: func(doc captions.Document) ([]captions.Warning, error) {
		return ttml.Write(w, doc, opts)
	}}, nil
}

func newEBUTTDReader(r io.Reader, o ReadOptions) (Reader, error) {
	doc, warns, err := ebuttd.Read(r, ebuttd.ReadOptions{Name: o.File, Strict: o.Strict, Origin: o.Origin, Rate: o.Rate})
	if err != nil {
		return nil, err
	}
	return &docReader{doc: doc, warns: warns}, nil
}

func newEBUTTDWriter(w io.Writer, o WriteOptions) (Writer, error) {
	opts := ebuttd.WriteOptions{Rate: o.Rate, Origin: o.Origin, Language: o.Language, SpeakerColors: o.STL.SpeakerColors}
	return &docWriter{doc: captions.Document{Title: o.Title, Language: o.Language}, write: func(doc captions.Document) ([]captions.Warning, error) {
		return ebuttd.Write(w, doc, opts)
	}}, nil
}
