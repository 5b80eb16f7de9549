package segment

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/sotcap/sotcap/captions/segment/pos"
)

// ErrStyle is matched (errors.Is) by the errors of ReadStyle.
var ErrStyle = errors.New("invalid style file")

// maxStyleSize bounds what ReadStyle reads: a style holds at most a few
// thousand numbers.
const maxStyleSize = 1 << 20

// Gap classes of the punctuation that ends the word before a gap.
const (
	gapPlain    = iota // no punctuation
	gapClause          // , or a dash
	gapStrong          // ; or :
	gapSentence        // . ? ! …
	numGapPunct
)

var gapPunctNames = [numGapPunct]string{"-", ",", ";", "."}

// numGapFeatures is the number of gap features: punctuation class × tag
// of the word before × tag of the word after.
const numGapFeatures = numGapPunct * (pos.NumUPOS + 1) * (pos.NumUPOS + 1)

// Style is a house style of segmentation: the weights the search adds to
// its rules. Its zero value is not usable; use DefaultStyle, ReadStyle or
// Learn. A Style is not modified by the functions that use it and is safe
// for concurrent use.
type Style struct {
	// Language is the language the style was learned on ("" any).
	Language string
	// BlockCost is the price of each caption: higher makes fewer, fuller
	// captions.
	BlockCost float64
	// UPOSWeight (0–1) is how far the gap costs move from the word-list
	// rules to the part-of-speech rules (see uposGap).
	UPOSWeight float64
	// Note says what the style was learned from.
	Note string
	// Shape weighs the shape of a two-line caption's lines.
	Shape Shape

	eol, eob [numGapFeatures]float64 // learned additions per gap feature
}

// defaultUPOSWeight blends the UPOS rules into the word-list rules. Tuned
// on testdata/segment_eval_en.txt only: 0 to 0.2 score the same there,
// 0.3 and more lose break F1 (0.855 → 0.836).
const defaultUPOSWeight = 0.2

// DefaultStyle returns the style built into sotcap: the rules of the
// guides with no learned additions.
func DefaultStyle() *Style {
	return &Style{BlockCost: DefaultBlockCost, UPOSWeight: defaultUPOSWeight, Note: "sotcap built-in rules", Shape: DefaultShape()}
}

// Shape holds the costs the search puts on the shape of a two-line
// caption of lines a (top) and c (bottom) characters wide, in a line of
// m characters. Each is a weight of at least 0:
//
//	TopHeavy     × (a−c)/m when the top line is longer
//	BottomHeavy  × (c−a)/m when the bottom line is longer
//	ShortLine    × (max(a,c)/2 − min(a,c))/m when the shorter line is
//	             under half the longer
//	OneWordLine  when either line is one word
//	Fill         × (t−a)/m, where t is the widest top line the words
//	             allow: room left on the top line
//
// Captions of one line, and captions of more than two lines (whose lines
// aim at four fifths of a line), do not use them.
type Shape struct {
	TopHeavy, BottomHeavy, ShortLine, OneWordLine, Fill float64
}

// DefaultShape returns the built-in shape: balanced or bottom-heavy lines
// with the shorter at least half the longer (TED), a one-word line
// avoided, no reward for a full top line.
func DefaultShape() Shape {
	return Shape{TopHeavy: 1.5, BottomHeavy: 0.5, ShortLine: 6, OneWordLine: 2, Fill: 0}
}

// gapFeature returns the feature index of the gap after token l before
// token r.
func gapFeature(l, r *token) uint16 {
	p := gapPlain
	switch {
	case l.flags&fSentEnd != 0:
		p = gapSentence
	case l.flags&fStrong != 0:
		p = gapStrong
	case l.flags&fClause != 0:
		p = gapClause
	}
	return uint16((p*(pos.NumUPOS+1)+int(l.last))*(pos.NumUPOS+1) + int(r.first))
}

func featureName(f int) string {
	n := pos.NumUPOS + 1
	return fmt.Sprintf("%s %s %s", gapPunctNames[f/(n*n)], pos.UPOS(f/n%n), pos.UPOS(f%n))
}

func parseFeature(s string) (int, bool) {
	parts := strings.Fields(s)
	if len(parts) != 3 {
		return 0, false
	}
	p := -1
	for i, name := range gapPunctNames {
		if parts[0] == name {
			p = i
		}
	}
	tag := func(s string) (pos.UPOS, bool) {
		if s == "_" {
			return pos.Unknown, true
		}
		return pos.ParseUPOS(s)
	}
	l, ok1 := tag(parts[1])
	r, ok2 := tag(parts[2])
	if p < 0 || !ok1 || !ok2 {
		return 0, false
	}
	n := pos.NumUPOS + 1
	return (p*n+int(l))*n + int(r), true
}

// styleFile is the JSON form of a Style.
type styleFile struct {
	Format     string                `json:"format"`
	Language   string                `json:"language,omitempty"`
	Note       string                `json:"note,omitempty"`
	BlockCost  float64               `json:"block_cost"`
	UPOSWeight float64               `json:"upos_weight"`
	Shape      *shapeFile            `json:"shape,omitempty"`
	Gaps       map[string][2]float64 `json:"gaps,omitempty"`
}

// shapeFile is the JSON form of a Shape.
type shapeFile struct {
	TopHeavy    float64 `json:"top_heavy"`
	BottomHeavy float64 `json:"bottom_heavy"`
	ShortLine   float64 `json:"short_line"`
	OneWordLine float64 `json:"one_word_line"`
	Fill        float64 `json:"fill"`
}

// The style file formats: version 1 has no shape block (its styles have
// the default shape); Write writes version 2.
const (
	styleFormat1 = "sotcap-style/1"
	styleFormat  = "sotcap-style/2"
)

// Keys of a style file and of its shape block.
var (
	styleKeys = []string{"format", "language", "note", "block_cost", "upos_weight", "shape", "gaps"}
	shapeKeys = []string{"top_heavy", "bottom_heavy", "short_line", "one_word_line", "fill"}
)

// Write writes st as a small JSON file (format sotcap-style/2): its
// scalars; a "shape" block with the line-shape weights (see Shape);
// and, for each gap feature with a learned weight, "PUNCT LEFT RIGHT":
// [line break, caption break] (PUNCT is - for none, "," ";" or ".";
// LEFT and RIGHT are UPOS tags of the words either side).
func (st *Style) Write(w io.Writer) error {
	sh := st.Shape
	f := styleFile{Format: styleFormat, Language: st.Language, Note: st.Note, BlockCost: round3(st.BlockCost), UPOSWeight: round3(st.UPOSWeight),
		Shape: &shapeFile{TopHeavy: round3(sh.TopHeavy), BottomHeavy: round3(sh.BottomHeavy), ShortLine: round3(sh.ShortLine), OneWordLine: round3(sh.OneWordLine), Fill: round3(sh.Fill)},
		Gaps:  map[string][2]float64{}}
	for i := range numGapFeatures {
		if a, b := round3(st.eol[i]), round3(st.eob[i]); a != 0 || b != 0 {
			f.Gaps[featureName(i)] = [2]float64{a, b}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(f)
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// ReadStyle reads a style written by Write, in either format: a
// sotcap-style/1 file (no shape block) has the default shape, and a
// weight missing from a shape block takes its default. Errors wrap
// ErrStyle and give the line of the file they concern.
func ReadStyle(r io.Reader) (*Style, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxStyleSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxStyleSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrStyle, maxStyleSize)
	}
	fail := func(line int, format string, a ...any) error {
		if line > 0 {
			return fmt.Errorf("%w: line %d: %s", ErrStyle, line, fmt.Sprintf(format, a...))
		}
		return fmt.Errorf("%w: %s", ErrStyle, fmt.Sprintf(format, a...))
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fail(jsonErrorLine(b, err), "%v", err)
	}
	if top == nil {
		return nil, fail(1, "expected an object")
	}
	if k, ok := unknownKey(top, styleKeys); ok {
		return nil, fail(keyLine(b, k), "unknown key %q (expected %s)", k, strings.Join(styleKeys, ", "))
	}
	if raw, ok := top["shape"]; ok {
		var sh map[string]json.RawMessage
		if err := json.Unmarshal(raw, &sh); err != nil || sh == nil {
			return nil, fail(keyLine(b, "shape"), "shape: expected an object of weights")
		}
		if k, ok := unknownKey(sh, shapeKeys); ok {
			return nil, fail(keyLine(b, k), "shape: unknown key %q (expected %s)", k, strings.Join(shapeKeys, ", "))
		}
	}
	def := DefaultShape()
	f := styleFile{Shape: &shapeFile{TopHeavy: def.TopHeavy, BottomHeavy: def.BottomHeavy, ShortLine: def.ShortLine, OneWordLine: def.OneWordLine, Fill: def.Fill}}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fail(jsonErrorLine(b, err), "%v", err)
	}
	switch f.Format {
	case styleFormat:
	case styleFormat1:
		if _, ok := top["shape"]; ok {
			return nil, fail(keyLine(b, "shape"), "a %s file has no shape block (the shape block is %s)", styleFormat1, styleFormat)
		}
	default:
		return nil, fail(keyLine(b, "format"), "format %q, expected %q or %q", f.Format, styleFormat, styleFormat1)
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= 100 }
	if !finite(f.BlockCost) || f.BlockCost < 0 {
		return nil, fail(keyLine(b, "block_cost"), "block_cost %v: expected 0 to 100", f.BlockCost)
	}
	if !finite(f.UPOSWeight) || f.UPOSWeight < 0 || f.UPOSWeight > 1 {
		return nil, fail(keyLine(b, "upos_weight"), "upos_weight %v: expected 0 to 1", f.UPOSWeight)
	}
	sh := f.Shape
	for k, v := range map[string]float64{"top_heavy": sh.TopHeavy, "bottom_heavy": sh.BottomHeavy, "short_line": sh.ShortLine, "one_word_line": sh.OneWordLine, "fill": sh.Fill} {
		if !finite(v) || v < 0 {
			return nil, fail(keyLine(b, k), "shape: %s %v: expected 0 to 100", k, v)
		}
	}
	st := &Style{Language: f.Language, Note: f.Note, BlockCost: f.BlockCost, UPOSWeight: f.UPOSWeight,
		Shape: Shape{TopHeavy: sh.TopHeavy, BottomHeavy: sh.BottomHeavy, ShortLine: sh.ShortLine, OneWordLine: sh.OneWordLine, Fill: sh.Fill}}
	keys := make([]string, 0, len(f.Gaps))
	for k := range f.Gaps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := parseFeature(k)
		if !ok {
			return nil, fail(keyLine(b, k), "gap %q: expected PUNCT LEFT RIGHT, as \"- ADJ NOUN\"", k)
		}
		v := f.Gaps[k]
		if !finite(v[0]) || !finite(v[1]) {
			return nil, fail(keyLine(b, k), "gap %q: weights must be between -100 and 100", k)
		}
		st.eol[i], st.eob[i] = v[0], v[1]
	}
	return st, nil
}

// unknownKey returns a key of obj that is not in known, the first in
// sorted order.
func unknownKey(obj map[string]json.RawMessage, known []string) (string, bool) {
	var bad []string
	for k := range obj {
		if !slices.Contains(known, k) {
			bad = append(bad, k)
		}
	}
	if len(bad) == 0 {
		return "", false
	}
	slices.Sort(bad)
	return bad[0], true
}

// jsonErrorLine returns the line of b where a JSON decoding error
// occurred (0: unknown).
func jsonErrorLine(b []byte, err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return lineAt(b, int(se.Offset))
	case errors.As(err, &te):
		return lineAt(b, int(te.Offset))
	}
	return 0
}

// keyLine returns the line of b where the object key k is first written
// (0: not found as written, e.g. spelt with escapes).
func keyLine(b []byte, k string) int {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	if enc.Encode(k) != nil {
		return 0
	}
	quoted := bytes.TrimSpace(q.Bytes())
	for off := 0; ; {
		i := bytes.Index(b[off:], quoted)
		if i < 0 {
			return 0
		}
		off += i + len(quoted)
		if rest := bytes.TrimLeft(b[off:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			return lineAt(b, off)
		}
	}
}

// lineAt returns the line (from 1) of byte offset off of b.
func lineAt(b []byte, off int) int {
	off = min(max(off, 0), len(b))
	return 1 + bytes.Count(b[:off], []byte("\n"))
}

// applyStyle sets the gap costs from the base costs and st.
func (b *breaker) applyStyle(st *Style) {
	weight, block, shape := defaultUPOSWeight, DefaultBlockCost, DefaultShape()
	if st != nil {
		weight, block, shape = st.UPOSWeight, st.BlockCost, st.Shape
	}
	for g := 1; g < len(b.toks); g++ {
		eol, eob := b.baseEOL[g], b.baseEOB[g]
		if b.uposCost != nil && !math.IsNaN(b.uposCost[g]) && eol < costForbidden {
			d := weight * (b.uposCost[g] - eol)
			eol, eob = eol+d, eob+d
		}
		if st != nil && b.feat != nil && eol < costForbidden {
			f := b.feat[g]
			eol, eob = max(0, eol+st.eol[f]), max(0, eob+st.eob[f])
		}
		b.eol[g], b.eob[g] = eol, eob
	}
	b.blockCost0 = block
	b.shapeW = shape
}
