package segment_test

import (
	"fmt"

	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/captions/segment"
)

func ExampleBreak() {
	r := rules.Profile{Language: "en", MaxCharsPerLine: 37, MaxLines: 2}
	caps, err := segment.Break(r, "We are aiming to get a better television service.")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", caps)
	// Output: [["We are aiming to get" "a better television service."]]
}
