package segment

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
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

	eol, eob [numGapFeatures]float64 // learned additions per gap feature
}

// defaultUPOSWeight blends the UPOS rules into the word-list rules. Tuned
// on testdata/segment_eval_en.txt only: 0 to 0.2 score the same there,
// 0.3 and more lose break F1 (0.855 → 0.836).
const defaultUPOSWeight = 0.2

// DefaultStyle returns the style built into sotcap: the rules of the
// guides with no learned additions.
func DefaultStyle() *Style {
	return &Style{BlockCost: DefaultBlockCost, UPOSWeight: defaultUPOSWeight, Note: "sotcap built-in rules"}
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
	Gaps       map[string][2]float64 `json:"gaps,omitempty"`
}

const styleFormat = "sotcap-style/1"

// WriteStyle writes st as a small JSON file: its scalars and, for each gap
// feature with a learned weight, "PUNCT LEFT RIGHT": [line break, caption
// break] (PUNCT is - for none, "," ";" or "."; LEFT and RIGHT are UPOS
// tags of the words either side).
func (st *Style) Write(w io.Writer) error {
	f := styleFile{Format: styleFormat, Language: st.Language, Note: st.Note, BlockCost: round3(st.BlockCost), UPOSWeight: round3(st.UPOSWeight), Gaps: map[string][2]float64{}}
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

// ReadStyle reads a style written by Write. Errors wrap ErrStyle.
func ReadStyle(r io.Reader) (*Style, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxStyleSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxStyleSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrStyle, maxStyleSize)
	}
	var f styleFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStyle, err)
	}
	if f.Format != styleFormat {
		return nil, fmt.Errorf("%w: format %q, expected %q", ErrStyle, f.Format, styleFormat)
	}
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= 100 }
	if !finite(f.BlockCost) || f.BlockCost < 0 {
		return nil, fmt.Errorf("%w: block_cost %v: expected 0 to 100", ErrStyle, f.BlockCost)
	}
	if !finite(f.UPOSWeight) || f.UPOSWeight < 0 || f.UPOSWeight > 1 {
		return nil, fmt.Errorf("%w: upos_weight %v: expected 0 to 1", ErrStyle, f.UPOSWeight)
	}
	st := &Style{Language: f.Language, Note: f.Note, BlockCost: f.BlockCost, UPOSWeight: f.UPOSWeight}
	keys := make([]string, 0, len(f.Gaps))
	for k := range f.Gaps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := parseFeature(k)
		if !ok {
			return nil, fmt.Errorf("%w: gap %q: expected PUNCT LEFT RIGHT, as \"- ADJ NOUN\"", ErrStyle, k)
		}
		v := f.Gaps[k]
		if !finite(v[0]) || !finite(v[1]) {
			return nil, fmt.Errorf("%w: gap %q: weights must be between -100 and 100", ErrStyle, k)
		}
		st.eol[i], st.eob[i] = v[0], v[1]
	}
	return st, nil
}

// applyStyle sets the gap costs from the base costs and st.
func (b *breaker) applyStyle(st *Style) {
	weight, block := defaultUPOSWeight, DefaultBlockCost
	if st != nil {
		weight, block = st.UPOSWeight, st.BlockCost
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
}
