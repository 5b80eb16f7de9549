package edl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sotcap/sotcap/timing"
)

// sameAsReadEach reads data with ReadEach and returns what differs from
// Read's result e, err ("" when nothing does): the events handed out one
// by one, the header they came with, the warnings, the comments, the error.
func sameAsReadEach(data []byte, r timing.Rate, e *EDL, err error) string {
	var got []Event
	var headers []EDL
	h, err2 := NewReader(bytes.NewReader(data), r).ReadEach(func(head *EDL, ev *Event) error {
		got = append(got, *ev)
		headers = append(headers, EDL{Title: head.Title, FCM: head.FCM, DropFrame: head.DropFrame, Rate: head.Rate})
		return nil
	})
	if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
		return fmt.Sprintf("Read error %v, ReadEach error %v", err, err2)
	}
	if err != nil {
		return ""
	}
	if len(h.Events) != 0 {
		return fmt.Sprintf("ReadEach returned %d events", len(h.Events))
	}
	if !reflect.DeepEqual(got, e.Events) {
		return fmt.Sprintf("ReadEach handed out %d events, Read has %d, or they differ", len(got), len(e.Events))
	}
	for _, hd := range headers {
		if hd.Title != e.Title || hd.FCM != e.FCM || hd.DropFrame != e.DropFrame || hd.Rate != e.Rate {
			return fmt.Sprintf("header %+v during ReadEach, %q %q %v after Read", hd, e.Title, e.FCM, e.DropFrame)
		}
	}
	if !reflect.DeepEqual(h.Warnings, e.Warnings) || !reflect.DeepEqual(h.Comments, e.Comments) {
		return "warnings or comments differ"
	}
	return ""
}

// TestReadEachMatchesRead reads every corpus EDL both ways.
func TestReadEachMatchesRead(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/edl/*.edl")
	files = append(files, "testdata/sot_package.edl")
	for _, p := range files {
		name := filepath.Base(p)
		rate := timing.Rate25()
		if s, ok := corpusRates[name]; ok {
			var err error
			if rate, err = timing.ParseRate(s); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		e, err := Read(bytes.NewReader(data), rate)
		if msg := sameAsReadEach(data, rate, e, err); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// TestReadEachStops checks that an error from f stops the reading and is
// returned as is.
func TestReadEachStops(t *testing.T) {
	stop := errors.New("stop")
	data := "001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n" +
		"002  AX V C 00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\n" +
		"003  AX V C 00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00\n"
	n := 0
	_, err := NewReader(bytes.NewReader([]byte(data)), timing.Rate25()).ReadEach(func(*EDL, *Event) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("err %v after %d events, want stop after 2", err, n)
	}
}

// TestReadEachLineEndings reads line endings, byte order marks, long
// lines and odd bytes line by line exactly as Read splits its whole input.
func TestReadEachLineEndings(t *testing.T) {
	ev := "001  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00"
	cases := []string{
		"", "\r", "\n\n", "\xEF\xBB\xBF" + ev, "\xFF\xFE" + ev, "\xFE\xFF",
		ev + "\r\n* FROM CLIP NAME: a\r\n", ev + "\r* FROM CLIP NAME: a\r", ev + "\n* x\r\r\n* y\r",
		"TITLE: t\r\r\r\n" + ev + "\n\n", ev + "\n* " + string(bytes.Repeat([]byte("x"), MaxEDLLine)) + "\n",
		ev + "\n* " + string(bytes.Repeat([]byte("y\r"), 70000)) + "\n", ev + "\n* caf\xe9\n", ev + "\n\x00\n",
		"TITLE: no events\n", ev + "\n002  AX V C 00:00:00:00 00:00:01:00 01:00:00:00 BAD\n",
	}
	for i, c := range cases {
		e, err := Read(bytes.NewReader([]byte(c)), timing.Rate25())
		if msg := sameAsReadEach([]byte(c), timing.Rate25(), e, err); msg != "" {
			t.Errorf("case %d: %s", i, msg)
		}
	}
}
