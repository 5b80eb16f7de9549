package segment

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions/rules"
)

// TestLearnFitsItsTrainingSet: a style learned from the tuning set
// scores at least as well as the default on that set (the perceptron
// moves towards the human's breaks), keeps every line within the limit,
// and survives a write and read unchanged.
func TestLearnFitsItsTrainingSet(t *testing.T) {
	r := tedRules()
	refs := readEvalSet(t, "testdata/segment_eval_en.txt")
	res, err := Learn(r, refs, LearnOptions{Note: "segment_eval_en.txt"})
	if err != nil {
		t.Fatal(err)
	}
	st := res.Style
	t.Logf("chose %s: %s", res.Chosen, st.Note)
	def := scoreStyle(t, r, refs, nil)
	got := scoreStyle(t, r, refs, st)
	t.Logf("default: %v\nlearned: %v", def, got)
	if got.F1 < def.F1 {
		t.Errorf("learned style fits its own training set worse: %.3f < %.3f", got.F1, def.F1)
	}
	var buf bytes.Buffer
	if err := st.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadStyle(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("style changed in a round trip:\n%s\n%s", buf.String(), again.String())
	}
}

// TestPerceptronLearnsCommaCaptions: the perceptron learns references
// made by a house rule the default does not follow (every caption one
// line, ended at every comma).
func TestPerceptronLearnsCommaCaptions(t *testing.T) {
	r := rules.Profile{Language: "en", MaxCharsPerLine: 42, MaxLines: 2}
	var refs []Reference
	for _, s := range []string{
		"We went to the market, <eob> and we bought some bread, <eob> and then we went home. <eob>",
		"She called her mother, <eob> who was waiting at the station, <eob> and told her the news. <eob>",
		"The trains were late, <eob> the roads were closed, <eob> and nobody knew why. <eob>",
		"He opened the door, <eob> looked at the sky, <eob> and decided to stay at home. <eob>",
		"They built a school, <eob> then a hospital, <eob> and finally a bridge over the river. <eob>",
	} {
		refs = append(refs, ParseTagged(s))
	}
	var units []*learnUnit
	for _, u := range refs {
		b, err := newBreaker(r, strings.Join(u.Words, " "), nil)
		if err != nil {
			t.Fatal(err)
		}
		ref := make([]uint8, len(u.Words))
		for k := 0; k+1 < len(u.Words); k++ {
			ref[k+1] = uint8(u.Breaks[k])
		}
		units = append(units, &learnUnit{b: b, ref: ref})
	}
	st := perceptron(units, DefaultStyle(), 0.5, []int{10})[0]
	def, got := scoreStyle(t, r, refs, nil), scoreStyle(t, r, refs, st)
	t.Logf("default %v\nlearned %v", def, got)
	if got.EOBF1 <= def.EOBF1 && def.EOBF1 < 1 {
		t.Errorf("caption-end F1 did not improve: %.3f → %.3f", def.EOBF1, got.EOBF1)
	}
}

// TestLearnKeepsTheDefaultOnItsOwnOutput: references that are the
// built-in style's own segmentation leave no candidate anything to win,
// so Learn keeps the built-in style and says so.
func TestLearnKeepsTheDefaultOnItsOwnOutput(t *testing.T) {
	r := tedRules()
	var refs []Reference
	var files []int
	for i, u := range readEvalSet(t, "testdata/segment_holdout2_en.txt") {
		caps, err := Break(r, strings.Join(u.Words, " "))
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ReferenceOf(caps))
		files = append(files, i%5)
	}
	res, err := Learn(r, refs, LearnOptions{Groups: files, Note: "own output"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", res.Style.Note)
	if !res.Default || res.Chosen != "default" || !res.ByFile || res.Folds != 4 {
		t.Errorf("chose %q (default %v), %d folds by file %v; want the default, 4 folds by file", res.Chosen, res.Default, res.Folds, res.ByFile)
	}
	if res.CV[0].F1 != 1 {
		t.Errorf("the default's cross-validated F1 on its own output is %.3f, want 1", res.CV[0].F1)
	}
	if !strings.Contains(res.Style.Note, "kept the built-in style") || !strings.HasPrefix(res.Style.Note, "own output; ") {
		t.Errorf("note %q does not say the built-in style was kept", res.Style.Note)
	}
	var a, b bytes.Buffer
	res.Style.Write(&a)
	def := DefaultStyle()
	def.Language, def.Note = res.Style.Language, res.Style.Note
	def.Write(&b)
	if a.String() != b.String() {
		t.Errorf("kept style differs from the built-in one:\n%s\n%s", a.String(), b.String())
	}
}

// TestSignTest checks the sign test against binomial tails computed by
// hand.
func TestSignTest(t *testing.T) {
	for _, c := range []struct {
		better, worse int
		want          float64
	}{
		{0, 0, 1},
		{5, 0, 1.0 / 32},
		{4, 1, 6.0 / 32},
		{0, 3, 1},
		{8, 2, 56.0 / 1024},
	} {
		if got := signTest(c.better, c.worse); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("signTest(%d, %d) = %g, want %g", c.better, c.worse, got, c.want)
		}
	}
}

func TestReadStyleRefusesBadFiles(t *testing.T) {
	for _, c := range []struct{ in, line string }{
		{``, "line 1:"},
		{`{"format":"other"}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":-1,"upos_weight":0}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":1,"upos_weight":2}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"gaps":{"x ADJ NOUN":[1,1]}}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"gaps":{"- ADJ NOUN":[1e9,1]}}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"extra":1}`, "line 1:"},
		{`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"shape":{"fill":1}}`, "line 1:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,\n \"upos_weight\": 0,\n \"shape\": {\n  \"top_heavy\": -1\n }\n}", "line 6:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,\n \"upos_weight\": 0,\n \"shape\": {\n  \"fill\": 1,\n  \"tilt\": 1\n }\n}", "line 7:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,\n \"upos_weight\": 0,\n \"shape\": 3\n}", "line 5:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,\n \"upos_weight\": 0,\n \"gaps\": {\n  \"- ADJ NOUN\": [1, 1],\n  \"- ADJ NUN\": [1, 1]\n }\n}", "line 7:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": \"high\"\n}", "line 3:"},
		{"{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,,\n}", "line 3:"},
		{strings.Repeat(" ", maxStyleSize+1), ""},
	} {
		_, err := ReadStyle(strings.NewReader(c.in))
		if !errors.Is(err, ErrStyle) {
			t.Errorf("%.60q: %v, want ErrStyle", c.in, err)
			continue
		}
		if !strings.Contains(err.Error(), c.line) {
			t.Errorf("%.60q: %v, want %q", c.in, err, c.line)
		}
	}
}

// TestReadStyleVersions: a sotcap-style/1 file (no shape block) reads
// with the default shape; a sotcap-style/2 shape block sets the weights
// it names and leaves the others at their defaults; Write writes
// version 2 with every weight.
func TestReadStyleVersions(t *testing.T) {
	v1, err := ReadStyle(strings.NewReader(`{"format":"sotcap-style/1","block_cost":2,"upos_weight":0.2,"gaps":{"- ADJ NOUN":[1.5,-2]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if v1.Shape != DefaultShape() || v1.BlockCost != 2 {
		t.Errorf("version 1: shape %+v, block cost %v; want the default shape and 2", v1.Shape, v1.BlockCost)
	}
	v2, err := ReadStyle(strings.NewReader(`{"format":"sotcap-style/2","block_cost":2,"upos_weight":0.2,"shape":{"top_heavy":0,"fill":12.5}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultShape()
	want.TopHeavy, want.Fill = 0, 12.5
	if v2.Shape != want {
		t.Errorf("version 2 shape %+v, want %+v", v2.Shape, want)
	}
	var buf bytes.Buffer
	if err := v2.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"format": "sotcap-style/2"`, `"top_heavy": 0,`, `"bottom_heavy": 0.5,`, `"short_line": 6,`, `"one_word_line": 2,`, `"fill": 12.5`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("written style lacks %s:\n%s", s, buf.String())
		}
	}
}

// TestShapeWeightsMoveTheLineBreak: the default shape sets a sentence
// that needs two lines as a balanced pair; a style that rewards a full
// top line (Fill) and does not mind a short bottom line sets more on
// the top line. Only the line break moves: the words stay in order.
func TestShapeWeightsMoveTheLineBreak(t *testing.T) {
	r := tedRules()
	text := "She told me that the children had already gone home for the day."
	def, err := BreakStyle(r, text, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := DefaultStyle()
	st.Shape = Shape{TopHeavy: 0, BottomHeavy: 1.5, ShortLine: 0, OneWordLine: 2, Fill: 20}
	top, err := BreakStyle(r, text, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(def) != 1 || len(def[0]) != 2 || len(top) != 1 || len(top[0]) != 2 {
		t.Fatalf("want one two-line caption each: default %q, top-heavy %q", def, top)
	}
	t.Logf("default %q\ntop-heavy %q", def, top)
	if len(top[0][0]) <= len(def[0][0]) || len(top[0][0]) <= len(top[0][1]) {
		t.Errorf("the top-heavy style did not fill the top line: default %q, top-heavy %q", def, top)
	}
	if strings.Join(top[0], " ") != text {
		t.Errorf("words changed: %q", top)
	}
}

// FuzzReadStyle: ReadStyle never panics, and what it accepts writes back
// to a file it reads the same.
func FuzzReadStyle(f *testing.F) {
	var buf bytes.Buffer
	DefaultStyle().Write(&buf)
	f.Add(buf.String())
	f.Add(`{"format":"sotcap-style/1","block_cost":2,"upos_weight":0.2,"gaps":{"- ADJ NOUN":[1.5,-2], ". _ PRON":[0,1]}}`)
	f.Add(`{"format":"sotcap-style/2","block_cost":2,"upos_weight":0.2,"shape":{"top_heavy":0,"fill":12.5},"gaps":{"- ADJ NOUN":[1.5,-2]}}`)
	f.Add("{\n \"format\": \"sotcap-style/2\",\n \"block_cost\": 1,\n \"upos_weight\": 0,\n \"shape\": {\n  \"fill\": 1,\n  \"tilt\": 1\n }\n}")
	f.Fuzz(func(t *testing.T, in string) {
		st, err := ReadStyle(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrStyle) {
				t.Fatalf("error %v does not wrap ErrStyle", err)
			}
			return
		}
		var a, b bytes.Buffer
		if err := st.Write(&a); err != nil {
			t.Fatal(err)
		}
		st2, err := ReadStyle(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("rereading %s: %v", a.String(), err)
		}
		st2.Write(&b)
		if a.String() != b.String() {
			t.Fatalf("round trip:\n%s\n%s", a.String(), b.String())
		}
	})
}

// TestLearnLanguages: Learn fits Korean, whose breaks fall between
// words, and refuses Japanese and Chinese, whose breaks fall between
// characters.
func TestLearnLanguages(t *testing.T) {
	ko := readEvalSet(t, "testdata/segment_news_tune_ko.txt")
	l, err := Learn(rules.Profile{Language: "ko", MaxCharsPerLine: 16, MaxLines: 2}, ko, LearnOptions{})
	if err != nil || l.Style == nil {
		t.Fatalf("Learn on Korean: %v", err)
	}
	for _, lang := range []string{"ja", "zh-Hans"} {
		if _, err := Learn(rules.Profile{Language: lang, MaxCharsPerLine: 16, MaxLines: 2}, ko, LearnOptions{}); !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s: Learn error %v, want ErrUnsupported", lang, err)
		}
	}
}
