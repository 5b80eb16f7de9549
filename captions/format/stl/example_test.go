package stl_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/stl"
	"github.com/sotcap/sotcap/timing"
)

func ExampleWrite() {
	doc := captions.Document{Title: "Haftar in Moscow", Language: "en-GB", Captions: []captions.Caption{
		{Start: 10*time.Hour + time.Second, End: 10*time.Hour + 3*time.Second, Lines: []captions.Line{{Text: "We are here — to talk…"}}},
	}}
	var buf bytes.Buffer
	warns, err := stl.Write(&buf, doc, stl.Options{
		Rate:    timing.Rate25(),
		Start:   10 * time.Hour,
		Created: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := stl.Decode(buf.Bytes(), stl.ReadOptions{})
	fmt.Println(f.GSI.DFC, f.GSI.CCT.CCT(), f.GSI.LC, f.GSI.CO, f.GSI.TCP, f.GSI.TCF, len(warns))
	fmt.Printf("%v %q\n", f.Document.Captions[0].Start, f.Document.Captions[0].Text())
	// Output:
	// STL25.01 00 09 GBR 10000000 10000100 0
	// 10h0m1s "We are here - to talk..."
}

func ExampleMappings() {
	for _, m := range stl.Mappings() {
		if m.From == '—' || m.From == '…' {
			fmt.Printf("%c → %q (%s)\n", m.From, m.To, m.Why)
		}
	}
	// Output:
	// — → "-" (em dash (go-astisub writes it as byte 14, a Teletext mosaic colour code))
	// … → "..." (horizontal ellipsis)
}
