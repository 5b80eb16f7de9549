package format_test

import (
	"fmt"

	"github.com/sotcap/sotcap/captions/format"
)

// name returns a detected format's name, "" when there is none.
func name(f format.Format, _ bool) string { return f.Name }

func ExampleDetect() {
	fmt.Println(name(format.Detect([]byte("\ufeffWEBVTT\n\n"), "vendor.srt")))
	fmt.Println(name(format.Detect([]byte("1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n"), "upload.txt")))
	fmt.Println(name(format.Detect([]byte("not a caption file"), "damaged.stl")))
	fmt.Println(name(format.Detect([]byte("not a caption file"), "notes.txt")) == "")
	// Output:
	// vtt
	// srt
	// stl
	// true
}
