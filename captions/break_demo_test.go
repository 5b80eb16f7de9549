package captions

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDemoBreak(t *testing.T) {
	f := os.Getenv("DEMO")
	if f == "" {
		t.Skip()
	}
	r := Rules{MaxCharsPerLine: 42, MaxLines: 2, Language: "en"}
	fh, _ := os.Open(f)
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		caps, err := r.Break(sc.Text())
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, c := range caps {
			parts = append(parts, strings.Join(c, " <eol> ")+" <eob>")
		}
		fmt.Println(strings.Join(parts, " "))
	}
}
