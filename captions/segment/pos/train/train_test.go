package train

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/captions/segment/pos/internal/feat"
)

const sample = `# sent_id = 1
# text = Vamos del cine al bar, comprarlo.
1	Vamos	_	VERB	_	_	_	_	_	_
2-3	del	_	_	_	_	_	_	_	_
2	de	_	ADP	_	_	_	_	_	_
3	el	_	DET	_	_	_	_	_	_
4	cine	_	NOUN	_	_	_	_	_	_
5-6	al	_	_	_	_	_	_	_	_
5	a	_	ADP	_	_	_	_	_	_
6	el	_	DET	_	_	_	_	_	_
7	bar	_	NOUN	_	_	_	_	_	SpaceAfter=No
8	,	_	PUNCT	_	_	_	_	_	_
8.1	x	_	_	_	_	_	_	_	_
9-10	comprarlo	_	_	_	_	_	_	_	SpaceAfter=No
9	comprar	_	VERB	_	_	_	_	_	_
10	lo	_	PRON	_	_	_	_	_	_
11	.	_	PUNCT	_	_	_	_	_	_

`

func TestReadCoNLLU(t *testing.T) {
	ss, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 {
		t.Fatalf("%d sentences", len(ss))
	}
	s := ss[0]
	if len(s.Words) != 11 || len(s.Surfaces) != 8 {
		t.Fatalf("%d words, %d surfaces", len(s.Words), len(s.Surfaces))
	}
	if sf := s.Surfaces[1]; !sf.MWT || sf.Form != "del" || sf.First != 1 || sf.Last != 2 {
		t.Errorf("del surface: %+v", sf)
	}
	if !s.Surfaces[4].NoSpaceAfter || s.Surfaces[5].Form != "," {
		t.Errorf("bar/comma: %+v %+v", s.Surfaces[4], s.Surfaces[5])
	}
	if _, err := ReadCoNLLU(strings.NewReader("1\tonly three\tcols\n")); err == nil {
		t.Error("bad column count accepted")
	}
}

func TestLearnTokenizer(t *testing.T) {
	ss, _ := ReadCoNLLU(strings.NewReader(strings.Repeat(sample, 3)))
	m := &feat.Model{}
	learnTokenizer(m, ss)
	got := map[string]string{}
	for _, x := range m.MWTs {
		got[x.Surface] = strings.Join(x.Parts, " ")
	}
	for surf, want := range map[string]string{"del": "de el", "al": "a el", "comprarlo": "comprar lo"} {
		if got[surf] != want {
			t.Errorf("MWT %s = %q, want %q", surf, got[surf], want)
		}
	}
	if len(m.SuffixRules) != 1 || m.SuffixRules[0] != "lo" {
		t.Errorf("suffix rules %v, want [lo]", m.SuffixRules)
	}
}

func TestModelRoundTrip(t *testing.T) {
	ss, _ := ReadCoNLLU(strings.NewReader(strings.Repeat(sample, 5)))
	b, err := Train(ss, ss, Options{Lang: "es", Source: "unit test", Iter: 3})
	if err != nil {
		t.Fatal(err)
	}
	m, err := feat.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m.Encode(&again); err != nil {
		t.Fatal(err)
	}
	m2, err := feat.Decode(&again)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Lang != "es" || m2.Source != "unit test" || len(m2.Tagger.Keys) != len(m.Tagger.Keys) || len(m2.MWTs) != len(m.MWTs) {
		t.Errorf("round trip changed the model")
	}
	tg, err := pos.LoadBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	toks := tg.Tokenize("Vamos del cine al bar, venderlo.")
	var words []string
	for _, tk := range toks {
		words = append(words, tk.Text)
	}
	// "venderlo" is unseen, but "lo" is a learned suffix; "vender" is not
	// a known word, so it stays whole.
	if g := strings.Join(words, "|"); g != "Vamos|de|el|cine|a|el|bar|,|venderlo|." {
		t.Errorf("tokens %s", g)
	}
	r := Evaluate(tg, ss)
	if r.TagAcc < 0.99 || r.TokF1 < 0.99 {
		t.Errorf("training data scored %+v", r)
	}
}

// The trainer learns: a model trained on half of a real sample beats the
// trivial floor on the other half by a wide margin, and more data helps.
func TestTrainLearns(t *testing.T) {
	f, err := os.Open("../testdata/en-test-sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	half := len(ss) / 2
	acc := func(n int) float64 {
		b, err := Train(ss[:n], nil, Options{Lang: "en", Iter: 5})
		if err != nil {
			t.Fatal(err)
		}
		tg, err := pos.LoadBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return Evaluate(tg, ss[half:]).TagAcc
	}
	small, big := acc(10), acc(half)
	t.Logf("10 sentences: %.3f, %d sentences: %.3f", small, half, big)
	if big < 0.70 {
		t.Errorf("trained on %d sentences: accuracy %.3f < 0.70", half, big)
	}
	if big <= small {
		t.Errorf("more data did not help: %.3f <= %.3f", big, small)
	}
}

func TestParseLexicon(t *testing.T) {
	lx, err := parseLexicon(strings.NewReader("東京\tPROPN\n\u3000\tSYM\n食べ\tVERB\n東京\tNOUN\nあいうえおかきくけ\tNOUN\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	want := Lexicon{"東京": pos.PROPN, "食べ": pos.VERB}
	if len(lx) != len(want) {
		t.Errorf("got %v, want %v", lx, want)
	}
	for w, u := range want {
		if lx[w] != u {
			t.Errorf("%s: got %v, want %v", w, lx[w], u)
		}
	}
	if _, err := parseLexicon(strings.NewReader("東京 PROPN\n"), "test"); err == nil {
		t.Error("a line without a tab was accepted")
	}
	if _, err := parseLexicon(strings.NewReader("東京\tNAME\n"), "test"); err == nil {
		t.Error("an unknown tag was accepted")
	}
}

const jaSample = `# text = 私は本を読む。
1	私	_	PRON	_	_	_	_	_	SpaceAfter=No
2	は	_	ADP	_	_	_	_	_	SpaceAfter=No
3	本	_	NOUN	_	_	_	_	_	SpaceAfter=No
4	を	_	ADP	_	_	_	_	_	SpaceAfter=No
5	読む	_	VERB	_	_	_	_	_	SpaceAfter=No
6	。	_	PUNCT	_	_	_	_	_	_

`

// A lexicon is stored in the model and survives encoding; the segmenter
// trained with it splits its training sentence.
func TestLexiconInModel(t *testing.T) {
	ss, _ := ReadCoNLLU(strings.NewReader(strings.Repeat(jaSample, 5)))
	lx := Lexicon{"私": pos.PRON, "本": pos.NOUN, "読む": pos.VERB, "は": pos.ADP}
	b, err := Train(ss, ss, Options{Lang: "ja", Iter: 3, Segment: true, Lexicon: lx})
	if err != nil {
		t.Fatal(err)
	}
	m, err := feat.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if m.Lexicon == nil || len(m.Lexicon.Keys) != len(lx) {
		t.Fatalf("lexicon not stored: %+v", m.Lexicon)
	}
	if c, ok := m.Lexicon.Get(feat.LexKey([]rune("読む"))); !ok || c != byte(pos.VERB)-1 {
		t.Errorf("読む: class %d, %v", c, ok)
	}
	tg, err := pos.LoadBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tk := range tg.Tokenize("私は本を読む。") {
		words = append(words, tk.Text)
	}
	if g := strings.Join(words, "|"); g != "私|は|本|を|読む|。" {
		t.Errorf("tokens %s", g)
	}
}
