package pos_test

import (
	"fmt"

	"github.com/sotcap/sotcap/captions/segment/pos"
)

func Example() {
	t, err := pos.Load("fr")
	if err != nil {
		panic(err)
	}
	text := "Qu'il vienne au marché."
	toks := t.Tokenize(text)
	for i, tag := range t.TagTokens(toks) {
		fmt.Printf("%-7s %-6s %q\n", toks[i].Text, tag.UPOS, text[toks[i].Start:toks[i].End])
	}
	// Output:
	// Qu'     SCONJ  "Qu'"
	// il      PRON   "il"
	// vienne  VERB   "vienne"
	// à       ADP    "au"
	// le      DET    "au"
	// marché  NOUN   "marché"
	// .       PUNCT  "."
}
