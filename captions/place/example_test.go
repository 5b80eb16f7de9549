package place_test

import (
	"fmt"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/place"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

func ExampleSOT() {
	r := rules.Profile{
		Language: "en", MaxCharsPerLine: 37, MaxLines: 2, MaxCPS: 17,
		MinDuration: timing.TimeLength(5 * time.Second / 6), MaxDuration: timing.TimeLength(7 * time.Second),
		MinGapFrames: 2, ShotChangeZone: timing.TimeLength(time.Second / 2), MaxHang: timing.TimeLength(time.Second / 2),
		SpeakerChange: rules.SpeakerNewCaption,
	}
	rate := timing.Rate25()
	res, err := place.SOT(r, place.Input{
		Turns:  []captions.Turn{{Speaker: "Lavrov", Text: "The talks were useful. We will meet again next week in Moscow."}},
		Window: timing.Window{In: 250, Out: 400},
		Rate:   rate,
	})
	if err != nil {
		panic(err)
	}
	for _, c := range res.Captions {
		fmt.Printf("%d–%d %q\n", rate.Frames(c.Start), rate.Frames(c.End), c.Text())
	}
	fmt.Printf("needed %.2fs of %.2fs, %d violations\n", res.NeededSeconds, res.AvailableSeconds, len(res.Violations))
	// Output:
	// 250–303 "The talks were useful."
	// 305–400 "We will meet again next week\nin Moscow."
	// needed 3.64s of 6.52s, 0 violations
}
