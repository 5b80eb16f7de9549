// Command trainpos trains a part-of-speech model for captions/segment/pos
// from Universal Dependencies treebanks in CoNLL-U, and measures it.
//
// Train (writes the model that go:embed picks up):
//
//	go run ./tools/trainpos -lang fr -train fr/train.conllu -test fr/test.conllu \
//	    -source "UD_French-GSD@830e278 dev + UD_French-PUD@c245786" \
//	    -out captions/segment/pos/models/fr.pos.gz
//
// Measure an existing model:
//
//	go run ./tools/trainpos -eval -model captions/segment/pos/models/fr.pos.gz -test fr/test.conllu
//
// -lexicon adds a word list (WORD<TAB>UPOS lines, such as
// prepare_ipadic.sh writes) to the model, read by the segmenter's features.
//
// -train, -dev and -test take comma-separated lists of files. With no -dev,
// one training sentence in ten is held out to pick the epoch count and the
// model is retrained on all of -train. The test files are never used for
// any choice. See captions/segment/pos/models/SOURCES.md for the data used
// for each committed model and how to rebuild it.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/sotcap/sotcap/captions/segment/pos"
	"github.com/sotcap/sotcap/captions/segment/pos/train"
)

func main() {
	var (
		lang     = flag.String("lang", "", "language code (en, fr, zh...)")
		trainF   = flag.String("train", "", "training CoNLL-U file(s), comma-separated")
		devF     = flag.String("dev", "", "development CoNLL-U file(s) to pick the epoch count")
		testF    = flag.String("test", "", "test CoNLL-U file(s) to report accuracy on")
		out      = flag.String("out", "", "model file to write (.pos.gz)")
		source   = flag.String("source", "", "one line naming the treebank(s) and commit(s), stored in the model")
		iter     = flag.Int("iter", 10, "maximum training epochs")
		maxSents = flag.Int("max-sentences", 0, "cap on training sentences (0 = all)")
		segment  = flag.Bool("segment", false, "also train a word segmenter (Chinese, Japanese)")
		lexicon  = flag.String("lexicon", "", "word list (WORD<TAB>UPOS lines) for the segmenter's features, stored in the model")
		minW     = flag.Int("min-weight", 2, "drop quantised weights below this magnitude (model size)")
		evalOnly = flag.Bool("eval", false, "only evaluate -model on -test")
		model    = flag.String("model", "", "model file for -eval")
	)
	flag.Parse()
	if err := run(*lang, *trainF, *devF, *testF, *out, *source, *iter, *maxSents, *segment, *lexicon, *minW, *evalOnly, *model); err != nil {
		fmt.Fprintln(os.Stderr, "trainpos:", err)
		os.Exit(1)
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func run(lang, trainF, devF, testF, out, source string, iter, maxSents int, segment bool, lexicon string, minW int, evalOnly bool, model string) error {
	var modelBytes []byte
	if evalOnly {
		b, err := os.ReadFile(model)
		if err != nil {
			return err
		}
		modelBytes = b
	} else {
		if lang == "" || trainF == "" || out == "" {
			return fmt.Errorf("need -lang, -train and -out (or -eval -model)")
		}
		tr, err := train.ReadFiles(split(trainF))
		if err != nil {
			return err
		}
		dev, err := train.ReadFiles(split(devF))
		if err != nil {
			return err
		}
		var lex train.Lexicon
		if lexicon != "" {
			if lex, err = train.ReadLexicon(lexicon); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "%s: lexicon of %d words\n", lang, len(lex))
		}
		t0 := time.Now()
		b, err := train.Train(tr, dev, train.Options{
			Lang: lang, Source: source, Iter: iter, MaxSentences: maxSents,
			Segment: segment, Lexicon: lex, MinWeight: minW, Log: os.Stderr,
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: trained in %s, model %d bytes\n", lang, time.Since(t0).Round(time.Second), len(b))
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return err
		}
		modelBytes = b
	}
	t0 := time.Now()
	t, err := pos.LoadBytes(modelBytes)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	fmt.Printf("model %s: %s, %d bytes, decoded in %s\n", t.Lang(), t.Source(), len(modelBytes), load.Round(time.Microsecond))
	for _, f := range split(testF) {
		test, err := train.ReadFiles([]string{f})
		if err != nil {
			return err
		}
		r := train.Evaluate(t, test)
		fmt.Printf("test %s: %d sentences, %d words: UPOS %.2f%% (unknown words %.2f%% of %d); tokeniser F1 %.2f%%, tokenise+tag %.2f%%\n",
			f, r.Sentences, r.Words, 100*r.TagAcc, 100*r.UnknownAcc, r.UnknownWords, 100*r.TokF1, 100*r.PipelineAcc)
	}
	return nil
}
