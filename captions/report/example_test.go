package report_test

import (
	"fmt"
	"os"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/report"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

func ExampleWriteJSON() {
	// The caller reads the file and runs the rule checker; qc reports.
	r := report.FileResult{
		File: "sot1.srt", Format: "srt", Profile: "broadcast-en", MaxCPS: 17,
		Captions: []captions.Caption{
			{Start: 10 * time.Second, End: 11 * time.Second, Lines: []captions.Line{{Text: "Twenty-one characters"}}},
			{Start: 12 * time.Second, End: 14 * time.Second, Lines: []captions.Line{{Text: "Fine."}}},
		},
		CPS:        []float64{21, 2.5},
		Violations: []rules.Violation{{Caption: 1, Rule: rules.RuleCPS, Value: 21, Limit: 17}},
		FrameRate:  timing.Rate25(), FrameRateSource: "default",
	}
	if err := report.WriteJSON(os.Stdout, []report.FileResult{r}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "files": [
	//     {
	//       "file": "sot1.srt",
	//       "format": "srt",
	//       "captions": 2,
	//       "duration_seconds": 4,
	//       "cps": {"mean": 11.75, "p50": 2.5, "p90": 21, "max": 21},
	//       "frame_rate": 25,
	//       "frame_rate_source": "default",
	//       "malformed": 0,
	//       "violations": [
	//         {"caption": 1, "start": 10, "end": 11, "rule": "cps", "value": 21, "limit": 17, "unit": "CPS", "text": "Twenty-one characters"}
	//       ]
	//     }
	//   ]
	// }
}
