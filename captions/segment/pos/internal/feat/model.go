package feat

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Index maps 32-bit keys to their rank in a sorted key list, by open
// addressing (linear probing, load at most one half). It is built once and
// only read afterwards. Each slot holds its key and rank side by side, so
// that a probe touches one cache line.
type Index struct {
	mask  uint32
	slots []slot // key 0 = empty
	n     int
}

type slot struct {
	key uint32
	pos int32
}

// NewIndex indexes keys, which must be distinct and non-zero.
func NewIndex(keys []uint32) *Index {
	size := uint32(16)
	for int(size) < 2*len(keys) {
		size <<= 1
	}
	ix := &Index{mask: size - 1, slots: make([]slot, size), n: len(keys)}
	for i, k := range keys {
		s := mix(k) & ix.mask
		for ix.slots[s].key != 0 {
			s = (s + 1) & ix.mask
		}
		ix.slots[s] = slot{key: k, pos: int32(i)}
	}
	return ix
}

func mix(k uint32) uint32 {
	k ^= k >> 16
	k *= 0x7feb352d
	k ^= k >> 15
	return k
}

// Get returns the rank of k, or -1.
func (ix *Index) Get(k uint32) int32 {
	s := mix(k) & ix.mask
	for {
		c := ix.slots[s]
		if c.key == k {
			return c.pos
		}
		if c.key == 0 {
			return -1
		}
		s = (s + 1) & ix.mask
	}
}

// Len is the number of keys.
func (ix *Index) Len() int { return ix.n }

// Table holds quantised perceptron weights: one row of NClass int16 per
// feature key.
type Table struct {
	NClass int
	Keys   []uint32 // sorted
	W      []int16  // len(Keys)*NClass
	Scale  float32  // float weight = W / Scale (informational)
	ix     *Index
}

// Build makes the lookup index; call after filling Keys and W.
func (t *Table) Build() { t.ix = NewIndex(t.Keys) }

// MaxScoreKeys bounds the keys one Score call looks up before it reads
// their rows; longer key lists are scored in chunks.
const MaxScoreKeys = 32

// Score adds the rows of keys into scores (len NClass). The keys are
// looked up first and their rows read afterwards: the lookups do not
// depend on one another, so their cache misses overlap.
func (t *Table) Score(keys []uint32, scores []int32) {
	n := t.NClass
	var rows [MaxScoreKeys]int32
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), MaxScoreKeys)]
		keys = keys[len(chunk):]
		m := 0
		for _, k := range chunk {
			if r := t.ix.Get(k); r >= 0 {
				rows[m] = r
				m++
			}
		}
		for _, r := range rows[:m] {
			row := t.W[int(r)*n : int(r)*n+n]
			sc := scores[:len(row)]
			for c, w := range row {
				sc[c] += int32(w)
			}
		}
	}
}

// Quantize turns float rows into a Table, dropping weights whose quantised
// value is below minAbs and rows left empty.
func Quantize(nclass int, rows map[uint32][]float64, minAbs int) *Table {
	var maxAbs float64
	for _, r := range rows {
		for _, w := range r {
			maxAbs = math.Max(maxAbs, math.Abs(w))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	keys := make([]uint32, 0, len(rows))
	for k, r := range rows {
		keep := false
		for _, w := range r {
			if int(math.Abs(math.Round(w*scale))) >= minAbs {
				keep = true
				break
			}
		}
		if keep {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	t := &Table{NClass: nclass, Keys: keys, W: make([]int16, len(keys)*nclass), Scale: float32(scale)}
	for i, k := range keys {
		for c, w := range rows[k] {
			q := math.Round(w * scale)
			if int(math.Abs(q)) < minAbs {
				q = 0
			}
			t.W[i*nclass+c] = int16(q)
		}
	}
	t.Build()
	return t
}

// KeyMap maps keys to one byte (the tag dictionary).
type KeyMap struct {
	Keys []uint32 // sorted
	Vals []byte
	ix   *Index
}

// Build makes the lookup index.
func (m *KeyMap) Build() { m.ix = NewIndex(m.Keys) }

// Get returns the value of k.
func (m *KeyMap) Get(k uint32) (byte, bool) {
	if m == nil || m.ix == nil {
		return 0, false
	}
	r := m.ix.Get(k)
	if r < 0 {
		return 0, false
	}
	return m.Vals[r], true
}

// Has reports whether k is present.
func (m *KeyMap) Has(k uint32) bool { _, ok := m.Get(k); return ok }

// NewKeyMap builds a KeyMap from a map.
func NewKeyMap(src map[uint32]byte) *KeyMap {
	m := &KeyMap{Keys: make([]uint32, 0, len(src))}
	for k := range src {
		m.Keys = append(m.Keys, k)
	}
	sort.Slice(m.Keys, func(i, j int) bool { return m.Keys[i] < m.Keys[j] })
	m.Vals = make([]byte, len(m.Keys))
	for i, k := range m.Keys {
		m.Vals[i] = src[k]
	}
	m.Build()
	return m
}

// MWT is one learned multi-word token: a lower-case surface form and the
// words it stands for.
type MWT struct {
	Surface string
	Parts   []string
}

// Model is everything one language needs: tokeniser tables, tagger
// weights, tag dictionary and (CJK) segmenter weights.
type Model struct {
	Lang   string
	Source string // one line: treebank(s) and commit(s)

	Tagger  *Table  // NClass = number of UPOS classes
	TagDict *KeyMap // WordKey(raw form) -> class, for frequent unambiguous words
	Vocab   *KeyMap // WordKey(lower form) of training words (value unused)

	MWTs        []MWT
	Elisions    []string // lower-case prefixes ending in an apostrophe: "l'", "qu'"
	Clitics     []string // lower-case suffixes split off a word: "n't", "'s", "-il"
	PrefixRules []string // learned concatenative prefix splits (Arabic "و")
	SuffixRules []string // learned concatenative suffix splits (Spanish "lo")
	Abbrevs     []string // lower-case tokens that keep their final period
	SplitHyphen bool     // split "a-b" into a, -, b

	Seg *Table // CJK word segmenter (NClass = SegClasses), or nil
	// Lexicon maps LexKey of a dictionary word to its class (UPOS - 1),
	// read by the segmenter's and the tagger's features; nil if none.
	Lexicon *KeyMap
}

const magic = "SOTCAP-POS\x01"

// Encode writes m compressed.
func (m *Model) Encode(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(magic)
	putStr(&b, m.Lang)
	putStr(&b, m.Source)
	putTable(&b, m.Tagger)
	putKeyMap(&b, m.TagDict)
	putKeyMap(&b, m.Vocab)
	putUvarint(&b, uint64(len(m.MWTs)))
	for _, x := range m.MWTs {
		putStr(&b, x.Surface)
		putStrs(&b, x.Parts)
	}
	putStrs(&b, m.Elisions)
	putStrs(&b, m.Clitics)
	putStrs(&b, m.PrefixRules)
	putStrs(&b, m.SuffixRules)
	putStrs(&b, m.Abbrevs)
	if m.SplitHyphen {
		b.WriteByte(1)
	} else {
		b.WriteByte(0)
	}
	if m.Seg != nil {
		b.WriteByte(1)
		putTable(&b, m.Seg)
	} else {
		b.WriteByte(0)
	}
	// The lexicon is an optional last section: models without one end
	// here.
	if m.Lexicon != nil {
		b.WriteByte(1)
		putKeyMap(&b, m.Lexicon)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (m *Model, err error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	d := &dec{b: raw}
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(decErr); ok {
				m, err = nil, e
				return
			}
			panic(p)
		}
	}()
	if string(d.bytes(len(magic))) != magic {
		return nil, errors.New("pos model: bad magic")
	}
	m = &Model{}
	m.Lang = d.str()
	m.Source = d.str()
	m.Tagger = d.table()
	m.TagDict = d.keyMap()
	m.Vocab = d.keyMap()
	n := d.uvarint()
	m.MWTs = make([]MWT, n)
	for i := range m.MWTs {
		m.MWTs[i].Surface = d.str()
		m.MWTs[i].Parts = d.strs()
	}
	m.Elisions = d.strs()
	m.Clitics = d.strs()
	m.PrefixRules = d.strs()
	m.SuffixRules = d.strs()
	m.Abbrevs = d.strs()
	m.SplitHyphen = d.bytes(1)[0] == 1
	if d.bytes(1)[0] == 1 {
		m.Seg = d.table()
	}
	if d.i < len(d.b) && d.bytes(1)[0] == 1 {
		m.Lexicon = d.keyMap()
	}
	return m, nil
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

func putStr(b *bytes.Buffer, s string) {
	putUvarint(b, uint64(len(s)))
	b.WriteString(s)
}

func putStrs(b *bytes.Buffer, ss []string) {
	putUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		putStr(b, s)
	}
}

func putKeys(b *bytes.Buffer, keys []uint32) {
	putUvarint(b, uint64(len(keys)))
	var prev uint32
	for _, k := range keys {
		putUvarint(b, uint64(k-prev))
		prev = k
	}
}

func putKeyMap(b *bytes.Buffer, m *KeyMap) {
	if m == nil {
		m = &KeyMap{}
	}
	putKeys(b, m.Keys)
	b.Write(m.Vals)
}

// A table is written column-major after its keys: for each row a bit mask
// of its non-zero classes, then those weights as zig-zag varints.
func putTable(b *bytes.Buffer, t *Table) {
	putUvarint(b, uint64(t.NClass))
	putUvarint(b, uint64(math.Float32bits(t.Scale)))
	putKeys(b, t.Keys)
	n := t.NClass
	for i := range t.Keys {
		row := t.W[i*n : i*n+n]
		var mask uint64
		for c, w := range row {
			if w != 0 {
				mask |= 1 << c
			}
		}
		putUvarint(b, mask)
		for _, w := range row {
			if w != 0 {
				putUvarint(b, uint64((int64(w)<<1)^(int64(w)>>63)))
			}
		}
	}
}

type decErr struct{ error }

type dec struct {
	b []byte
	i int
}

func (d *dec) fail(what string) {
	panic(decErr{fmt.Errorf("pos model: truncated or corrupt (%s at byte %d)", what, d.i)})
}

func (d *dec) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[d.i:])
	if n <= 0 {
		d.fail("varint")
	}
	d.i += n
	return v
}

func (d *dec) bytes(n int) []byte {
	if n < 0 || d.i+n > len(d.b) {
		d.fail("bytes")
	}
	s := d.b[d.i : d.i+n]
	d.i += n
	return s
}

func (d *dec) str() string { return string(d.bytes(int(d.uvarint()))) }

func (d *dec) strs() []string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("count")
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *dec) keys() []uint32 {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("count")
	}
	keys := make([]uint32, n)
	var prev uint32
	for i := range keys {
		prev += uint32(d.uvarint())
		keys[i] = prev
	}
	return keys
}

func (d *dec) keyMap() *KeyMap {
	m := &KeyMap{Keys: d.keys()}
	m.Vals = append([]byte(nil), d.bytes(len(m.Keys))...)
	m.Build()
	return m
}

func (d *dec) table() *Table {
	t := &Table{NClass: int(d.uvarint())}
	if t.NClass <= 0 || t.NClass > 64 {
		d.fail("class count")
	}
	t.Scale = math.Float32frombits(uint32(d.uvarint()))
	t.Keys = d.keys()
	n := t.NClass
	t.W = make([]int16, len(t.Keys)*n)
	for i := range t.Keys {
		mask := d.uvarint()
		for c := 0; c < n; c++ {
			if mask&(1<<c) != 0 {
				u := d.uvarint()
				t.W[i*n+c] = int16(int64(u>>1) ^ -int64(u&1))
			}
		}
	}
	t.Build()
	return t
}
