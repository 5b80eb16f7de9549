package edl_test

import (
	"fmt"
	"strings"

	"github.com/sotcap/sotcap/timing"
	"github.com/sotcap/sotcap/timing/edl"
)

func ExampleRead() {
	const text = `TITLE: PKG
FCM: NON-DROP FRAME
001  INT_01   AA/V  C        11:20:03:00 11:20:09:00 10:00:00:00 10:00:06:00
* FROM CLIP NAME:  SOT MAYOR
002  INT_01   AA/V  C        11:20:31:00 11:20:35:00 10:00:06:00 10:00:10:00
* FROM CLIP NAME:  SOT MAYOR
`
	e, err := edl.Read(strings.NewReader(text), timing.Rate25())
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
