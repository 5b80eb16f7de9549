package train

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"time"

	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

// Options control training.
type Options struct {
	Lang   string
	Source string // one line naming the treebank(s) and commit(s)
	// Iter caps the training epochs; the epoch with the best accuracy on
	// the development sentences is kept.
	Iter int
	// MaxSentences caps the training sentences (0 = all).
	MaxSentences int
	// Segment trains a CJK word segmenter as well.
	Segment bool
	// Lexicon, if not empty, is stored in the model; the segmenter's
	// features read which of its words start, end and run through each
	// character.
	Lexicon Lexicon
	// DictMinCount and DictMinRatio select tag-dictionary words: seen at
	// least DictMinCount times with one tag at least DictMinRatio of the
	// time.
	DictMinCount int
	DictMinRatio float64
	// MinWeight drops quantised weights smaller than this (model size).
	MinWeight int
	Seed      int64
	Log       io.Writer
}

func (o *Options) defaults() {
	if o.Iter <= 0 {
		o.Iter = 10
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 20
	}
	if o.DictMinRatio <= 0 {
		o.DictMinRatio = 0.97
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 1
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

func classOf(upos string) int {
	u, ok := pos.ParseUPOS(upos)
	if !ok {
		u = pos.X
	}
	return int(u) - 1
}

// Train builds a model from train; dev picks the number of epochs. With no
// dev sentences, every tenth training sentence is held out to pick it, and
// the model is then retrained on all of train for that many epochs. It
// returns the encoded model.
func Train(trainSents, dev []Sentence, opt Options) ([]byte, error) {
	opt.defaults()
	if opt.MaxSentences > 0 && len(trainSents) > opt.MaxSentences {
		trainSents = trainSents[:opt.MaxSentences]
	}
	if len(trainSents) == 0 {
		return nil, fmt.Errorf("no training sentences")
	}
	if len(dev) == 0 {
		var tr, dv []Sentence
		for i, s := range trainSents {
			if i%10 == 9 {
				dv = append(dv, s)
			} else {
				tr = append(tr, s)
			}
		}
		fmt.Fprintf(opt.Log, "%s: no dev set; holding out %d of %d sentences to pick the epoch count\n", opt.Lang, len(dv), len(trainSents))
		_, segBest, tagBest, err := fit(tr, dv, opt, 0, 0)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(opt.Log, "%s: retraining on all %d sentences: segmenter %d epochs, tagger %d epochs\n", opt.Lang, len(trainSents), segBest, tagBest)
		b, _, _, err := fit(trainSents, nil, opt, segBest, tagBest)
		return b, err
	}
	b, _, _, err := fit(trainSents, dev, opt, 0, 0)
	return b, err
}

// fit trains on tr. With dev, it keeps the best epoch (by dev accuracy) of
// up to opt.Iter; without, it trains exactly segEpochs and tagEpochs.
func fit(tr, dev []Sentence, opt Options, segEpochs, tagEpochs int) ([]byte, int, int, error) {
	m := &feat.Model{Lang: opt.Lang, Source: opt.Source}
	learnTokenizer(m, tr)
	if opt.Segment {
		// Chinese and Japanese are split by the segmenter, not by rules.
		m.PrefixRules, m.SuffixRules, m.Clitics, m.Elisions = nil, nil, nil, nil
	}
	m.TagDict = buildTagDict(tr, opt)
	if len(opt.Lexicon) > 0 {
		m.Lexicon = opt.Lexicon.keyMap()
	}
	segBest := 0
	if opt.Segment {
		m.Seg, segBest = trainSegmenter(tr, dev, m.Lexicon, opt, segEpochs)
	}
	tagBest := 0
	var err error
	m.Tagger, tagBest, err = trainTagger(m, tr, dev, opt, tagEpochs)
	if err != nil {
		return nil, 0, 0, err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), segBest, tagBest, nil
}

func buildTagDict(sents []Sentence, opt Options) *feat.KeyMap {
	counts := map[string]*[pos.NumUPOS]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			c := counts[w.Form]
			if c == nil {
				c = &[pos.NumUPOS]int{}
				counts[w.Form] = c
			}
			c[classOf(w.UPOS)]++
		}
	}
	d := map[uint32]byte{}
	for form, c := range counts {
		n, best := 0, 0
		for k, v := range c {
			n += v
			if v > c[best] {
				best = k
			}
		}
		if n >= opt.DictMinCount && float64(c[best]) >= opt.DictMinRatio*float64(n) {
			d[feat.WordKey(form)] = byte(best)
		}
	}
	return feat.NewKeyMap(d)
}

// wordsOf is the tagger's view of the words of s, with their classes in
// lexicon lx (nil for none).
func wordsOf(s Sentence, lx *feat.KeyMap) []feat.Word {
	ws := make([]feat.Word, len(s.Words))
	var buf [8]byte
	for i, w := range s.Words {
		low := w.Form
		if l := lowerStr(low); l != low {
			low = l
		}
		ws[i] = feat.MakeWord(w.Form, low, buf[:0])
		ws[i].Lex = feat.LexClass(lx, w.Form)
	}
	return ws
}

func trainTagger(m *feat.Model, tr, dev []Sentence, opt Options, epochs int) (*feat.Table, int, error) {
	p := newPerceptron(pos.NumUPOS)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := rng.Perm(len(tr))
	prepared := make([][]feat.Word, len(tr))
	for i, s := range tr {
		prepared[i] = wordsOf(s, m.Lexicon)
	}
	keys := make([]uint32, 0, feat.MaxTaggerFeatures)
	var scores [pos.NumUPOS]int32
	n := opt.Iter
	if epochs > 0 {
		n = epochs
	}
	var best *feat.Table
	bestAcc, bestEpoch := -1.0, 0
	for ep := 1; ep <= n; ep++ {
		t0 := time.Now()
		right, total := 0, 0
		for _, si := range order {
			s, ws := tr[si], prepared[si]
			p1, p2 := byte(feat.NoTag), byte(feat.NoTag)
			for i, w := range s.Words {
				truth := classOf(w.UPOS)
				var guess int
				if c, ok := m.TagDict.Get(feat.WordKey(w.Form)); ok {
					guess = int(c)
				} else {
					keys = feat.TaggerFeatures(keys[:0], ws, i, p1, p2)
					scores = [pos.NumUPOS]int32{}
					p.score(keys, scores[:])
					guess = argmax(scores[:])
					p.tick()
					p.update(keys, truth, guess)
				}
				if guess == truth {
					right++
				}
				total++
				p2, p1 = p1, byte(guess)
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if epochs > 0 && ep < n {
			fmt.Fprintf(opt.Log, "%s tagger epoch %d: train %.4f (%s)\n", opt.Lang, ep, float64(right)/float64(total), time.Since(t0).Round(time.Millisecond))
			continue
		}
		tab := feat.Quantize(pos.NumUPOS, p.averaged(), opt.MinWeight)
		if len(dev) == 0 {
			return tab, ep, nil
		}
		m.Tagger = tab
		acc, err := tagAccuracy(m, dev)
		if err != nil {
			return nil, 0, err
		}
		fmt.Fprintf(opt.Log, "%s tagger epoch %d: train %.4f dev %.4f, %d features (%s)\n", opt.Lang, ep, float64(right)/float64(total), acc, len(tab.Keys), time.Since(t0).Round(time.Millisecond))
		if acc > bestAcc {
			best, bestAcc, bestEpoch = tab, acc, ep
		}
	}
	return best, bestEpoch, nil
}

func argmax(s []int32) int {
	b := 0
	for k := 1; k < len(s); k++ {
		if s[k] > s[b] {
			b = k
		}
	}
	return b
}

// tagAccuracy tags dev's gold tokens with the model as it would load.
func tagAccuracy(m *feat.Model, dev []Sentence) (float64, error) {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return 0, err
	}
	t, err := pos.LoadBytes(buf.Bytes())
	if err != nil {
		return 0, err
	}
	right, total := 0, 0
	for _, s := range dev {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		for i, tg := range t.Tag(forms) {
			if int(tg.UPOS)-1 == classOf(s.Words[i].UPOS) {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(max(total, 1)), nil
}

// segChunks cuts a sentence into whitespace-free chunks of runes with BMES
// labels from the surface tokens.
func segChunks(s Sentence) (chunks [][]rune, labels [][]byte) {
	var rs []rune
	var ls []byte
	for _, sf := range s.Surfaces {
		r := []rune(sf.Form)
		for k := range r {
			switch {
			case len(r) == 1:
				ls = append(ls, feat.SegS)
			case k == 0:
				ls = append(ls, feat.SegB)
			case k == len(r)-1:
				ls = append(ls, feat.SegE)
			default:
				ls = append(ls, feat.SegM)
			}
		}
		rs = append(rs, r...)
		if !sf.NoSpaceAfter {
			chunks, labels = append(chunks, rs), append(labels, ls)
			rs, ls = nil, nil
		}
	}
	if len(rs) > 0 {
		chunks, labels = append(chunks, rs), append(labels, ls)
	}
	return
}

func classes(rs []rune) []byte {
	c := make([]byte, len(rs))
	for i, r := range rs {
		c[i] = feat.CharClass(r)
	}
	return c
}

// segChunk is one training chunk of the segmenter with its features,
// which do not change during training: the state features of each rune
// and the transition features of each rune after each previous class.
type segChunk struct {
	lab   []byte
	state [][]uint32
	trans [][feat.SegClasses + 1][]uint32
}

func makeSegChunk(rs []rune, lab []byte, lex *feat.KeyMap) segChunk {
	cls := classes(rs)
	var spans []feat.LexSpan
	if lex != nil {
		spans = make([]feat.LexSpan, len(rs))
		feat.LexSpans(lex, rs, spans)
	}
	c := segChunk{lab: lab, state: make([][]uint32, len(rs)), trans: make([][feat.SegClasses + 1][]uint32, len(rs))}
	for i := range rs {
		c.state[i] = feat.SegStateFeatures(nil, rs, cls, spans, i)
		for p := byte(0); p <= feat.SegStart; p++ {
			c.trans[i][p] = feat.SegTransFeatures(nil, rs, i, p)
		}
	}
	return c
}

// prevClass is the class before position i of labels (SegStart at 0).
func prevClass(labels []byte, i int) byte {
	if i == 0 {
		return feat.SegStart
	}
	return labels[i-1]
}

// trainSegmenter trains the BMES segmenter as a structured perceptron:
// each chunk is decoded whole (Viterbi, as Tokenize does) with the current
// weights, and a wrong sequence moves the weights of the gold sequence's
// features up and those of the predicted one's down.
func trainSegmenter(tr, dev []Sentence, lex *feat.KeyMap, opt Options, epochs int) (*feat.Table, int) {
	var data []segChunk
	for _, s := range tr {
		cs, ls := segChunks(s)
		for i := range cs {
			data = append(data, makeSegChunk(cs[i], ls[i], lex))
		}
	}
	p := newPerceptron(feat.SegClasses)
	rng := rand.New(rand.NewSource(opt.Seed + 7))
	var sc []feat.SegScores
	var back [][feat.SegClasses]byte
	var pred []byte
	n := opt.Iter
	if epochs > 0 {
		n = epochs
	}
	var best *feat.Table
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= n; ep++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		for _, c := range data {
			m := len(c.lab)
			sc = append(sc[:0], make([]feat.SegScores, m)...)
			back = append(back[:0], make([][feat.SegClasses]byte, m)...)
			pred = append(pred[:0], make([]byte, m)...)
			for i := range m {
				p.score(c.state[i], sc[i].State[:])
				for q := byte(0); q <= feat.SegStart; q++ {
					p.score(c.trans[i][q], sc[i].Trans[q][:])
				}
			}
			feat.SegViterbi(sc, back, pred)
			p.tick()
			for i := range m {
				g, y := c.lab[i], pred[i]
				if g != y {
					p.add(c.state[i], int(g), 1)
					p.add(c.state[i], int(y), -1)
				}
				gp, yp := prevClass(c.lab, i), prevClass(pred, i)
				if g != y || gp != yp {
					p.add(c.trans[i][gp], int(g), 1)
					p.add(c.trans[i][yp], int(y), -1)
				}
			}
		}
		if epochs > 0 && ep < n {
			continue
		}
		tab := feat.Quantize(feat.SegClasses, p.averaged(), opt.MinWeight)
		if len(dev) == 0 {
			return tab, ep
		}
		f := segF1(tab, lex, dev)
		fmt.Fprintf(opt.Log, "%s segmenter epoch %d: dev word F1 %.4f, %d features\n", opt.Lang, ep, f, len(tab.Keys))
		if f > bestF {
			best, bestF, bestEpoch = tab, f, ep
		}
	}
	return best, bestEpoch
}

// segF1 is the word F1 of the segmenter on gold chunks.
func segF1(tab *feat.Table, lex *feat.KeyMap, sents []Sentence) float64 {
	m := &feat.Model{Seg: tab, Lexicon: lex, Vocab: &feat.KeyMap{}, TagDict: &feat.KeyMap{}, Tagger: &feat.Table{NClass: pos.NumUPOS}}
	m.Tagger.Build()
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return 0
	}
	t, err := pos.LoadBytes(buf.Bytes())
	if err != nil {
		return 0
	}
	var gold, pred, match int
	for _, s := range sents {
		cs, _ := segChunks(s)
		for i := range cs {
			_ = i
		}
		var g []string
		for _, sf := range s.Surfaces {
			g = append(g, sf.Form)
		}
		text := ""
		for _, sf := range s.Surfaces {
			text += sf.Form
			if !sf.NoSpaceAfter {
				text += " "
			}
		}
		toks := t.Tokenize(text)
		var p []string
		for _, tk := range toks {
			p = append(p, tk.Text)
		}
		gold += len(g)
		pred += len(p)
		match += spanMatches(g, p)
	}
	return f1(match, gold, pred)
}

// spanMatches counts predicted words whose character span equals a gold
// word's span (both sequences cover the same characters, spaces aside).
func spanMatches(gold, pred []string) int {
	type span struct{ a, b int }
	set := map[span]bool{}
	pos := 0
	for _, g := range gold {
		n := len([]rune(g))
		set[span{pos, pos + n}] = true
		pos += n
	}
	pos = 0
	m := 0
	for _, p := range pred {
		n := len([]rune(p))
		if set[span{pos, pos + n}] {
			m++
		}
		pos += n
	}
	return m
}

func f1(match, gold, pred int) float64 {
	if gold == 0 || pred == 0 {
		return 0
	}
	p, r := float64(match)/float64(pred), float64(match)/float64(gold)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
