package timing_test

import (
	"fmt"

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
