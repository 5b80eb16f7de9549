package segment

import (
	"bytes"
	"errors"
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
	st, err := Learn(r, refs, LearnOptions{Note: "segment_eval_en.txt"})
	if err != nil {
		t.Fatal(err)
	}
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

// TestLearnHouseStyle: references made by a house rule the default does
// not follow (every caption one line, ended at every comma) are learned.
func TestLearnHouseStyle(t *testing.T) {
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
	st, err := Learn(r, refs, LearnOptions{Rate: 0.5, Epochs: 10})
	if err != nil {
		t.Fatal(err)
	}
	def, got := scoreStyle(t, r, refs, nil), scoreStyle(t, r, refs, st)
	t.Logf("default %v\nlearned %v", def, got)
	if got.EOBF1 <= def.EOBF1 && def.EOBF1 < 1 {
		t.Errorf("caption-end F1 did not improve: %.3f → %.3f", def.EOBF1, got.EOBF1)
	}
}

func TestReadStyleRefusesBadFiles(t *testing.T) {
	for _, in := range []string{
		``,
		`{"format":"other"}`,
		`{"format":"sotcap-style/1","block_cost":-1,"upos_weight":0}`,
		`{"format":"sotcap-style/1","block_cost":1,"upos_weight":2}`,
		`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"gaps":{"x ADJ NOUN":[1,1]}}`,
		`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"gaps":{"- ADJ NOUN":[1e9,1]}}`,
		`{"format":"sotcap-style/1","block_cost":1,"upos_weight":0,"extra":1}`,
		strings.Repeat(" ", maxStyleSize+1),
	} {
		if _, err := ReadStyle(strings.NewReader(in)); !errors.Is(err, ErrStyle) {
			t.Errorf("%.60q: %v, want ErrStyle", in, err)
		}
	}
}

// FuzzReadStyle: ReadStyle never panics, and what it accepts writes back
// to a file it reads the same.
func FuzzReadStyle(f *testing.F) {
	var buf bytes.Buffer
	DefaultStyle().Write(&buf)
	f.Add(buf.String())
	f.Add(`{"format":"sotcap-style/1","block_cost":2,"upos_weight":0.2,"gaps":{"- ADJ NOUN":[1.5,-2], ". _ PRON":[0,1]}}`)
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
