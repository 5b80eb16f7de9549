package timing_test

import (
	"fmt"
	"strings"

	"github.com/sotcap/sotcap/timing"
)

func ExampleParseTimecode() {
	// Drop frame because of ';' (or because the caller says so).
	n, err := timing.ParseTimecode("01:00:00;00", timing.Rate2997(), false)
	fmt.Println(n, err)
	fmt.Println(timing.FormatTimecode(n+1800, timing.Rate2997(), true))
	fmt.Println(timing.Rate2997().Duration(n))
	_, err = timing.ParseTimecode("00:01:00;00", timing.Rate2997(), false)
	fmt.Println(err)
	// Output:
	// 107892 <nil>
	// 01:01:00;02
	// 59m59.9964s
	// timecode "00:01:00;00" at 29.97 fps drop frame: expected a label that exists in drop frame (frames 00 to 01 are skipped at the start of minutes not divisible by 10)
}

func ExampleReadEDL() {
	const edl = `TITLE: PKG
FCM: NON-DROP FRAME
001  INT_01   AA/V  C        11:20:03:00 11:20:09:00 10:00:00:00 10:00:06:00
* FROM CLIP NAME:  SOT MAYOR
002  INT_01   AA/V  C        11:20:31:00 11:20:35:00 10:00:06:00 10:00:10:00
* FROM CLIP NAME:  SOT MAYOR
`
	e, err := timing.ReadEDL(strings.NewReader(edl), timing.Rate25())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ev := range e.Events {
		fmt.Println(ev.Number, ev.RecordIn, ev.RecordInFrame, ev.ClipName)
	}
	for _, w := range e.SOTWindows(nil) {
		fmt.Println(w.Clip, w.In, w.Out, w.Events, w.Cuts)
	}
	// Output:
	// 001 10:00:00:00 900000 SOT MAYOR
	// 002 10:00:06:00 900150 SOT MAYOR
	// SOT MAYOR 900000 900250 [001 002] [{900150 0}]
}
