package scc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/captions"
)

// realFiles are files written by others (see testdata/SOURCES.md) with
// what a 608 decoder shows, and when: checked by hand against the byte
// pairs, and for the ttconv files against ttconv's own reading (see
// TestTTConvRealFiles). Warnings counts the warnings expected.
var realFiles = map[string]struct {
	warnings int
	want     string
}{
	"ttconv_mix-rows-roll-up.scc": {3, `00:00:00;28 00:00:02;25 left |>>> HI.
00:00:02;25 00:00:04;19 left |>>> HI. |I'M KEVIN CUNNING AND AT
00:00:04;19 00:00:06;06 left |I'M KEVIN CUNNING AND AT |INVESTOR'S BANK WE BELIEVE IN
00:00:06;06 00:00:09;23 left |INVESTOR'S BANK WE BELIEVE IN |HELPING THE LOCAL NEIGHBORHOODS
00:00:09;23 00:00:11;09 center |HELPING THE LOCAL NEIGHBORHOODS |AND IMPROVING THE LIVES OF ALL
00:00:11;09 00:00:12;09 left |AND IMPROVING THE LIVES OF ALL |WE SERVE.
00:00:12;09 00:00:13;09 left |WE SERVE. |®°½
00:00:13;09 00:00:14;09 left |®°½ |ABCDEû
00:00:14;09 00:00:17;03 left |ABCDEû |¡
00:00:17;03 00:00:18;21 left |ABCDEû |¡ |WHERE YOU'RE STANDING NOW,
00:00:18;21 00:00:20;08 left |¡ |WHERE YOU'RE STANDING NOW, |LOOKING OUT THERE, THAT'S ALL
00:00:20;08 00:00:21;26 left |WHERE YOU'RE STANDING NOW, |LOOKING OUT THERE, THAT'S ALL |THE CROWD.
00:00:21;26 00:00:34;28 left |LOOKING OUT THERE, THAT'S ALL |THE CROWD. |>> IT WAS GOOD TO BE IN THE
00:00:34;28 00:00:36;13 left |LOOKING OUT THERE, THAT'S ALL |THE CROWD. |>> IT WAS GOOD TO BE IN THE |And restore Iowa's land, water
00:00:36;13 00:00:44;09 left |THE CROWD. |>> IT WAS GOOD TO BE IN THE |And restore Iowa's land, water |And wildlife.
00:00:44;09 00:00:46;09 left |>> IT WAS GOOD TO BE IN THE |And restore Iowa's land, water |And wildlife. |>> Bike Iowa, your source for
`},
	"ttconv_paint-on.scc": {7, `00:02:53:18 00:02:54:02 row=21 left |Lorem ipsum dolor sit amet,
00:02:54:02 00:02:56:02 left |Lorem ipsum dolor sit amet, |consectetur adipiscing elit.
00:02:56:02 00:02:56:28 left |Pellentesque interdum lacinia sollicitudin. |consectetur adipiscing elit.
00:02:56:28 00:02:58:28 left |Pellentesque interdum lacinia sollicitudin. |Integer luctus et ligula ac sagittis.
`},
	"ttconv_pop-on.scc": {1, `01:02:54:04 01:02:55:14 left |( horn honking )
01:03:28:15 01:11:32:04 left |HEY, THE®E.
01:11:32:06 01:11:33:14 left |Test ½ Caption |Test test Captions
`},
}

func TestRealFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.scc")
	if len(files) != len(realFiles) {
		t.Errorf("%d files in testdata, %d expected", len(files), len(realFiles))
	}
	for _, fn := range files {
		t.Run(filepath.Base(fn), func(t *testing.T) {
			b, err := os.ReadFile(fn)
			if err != nil {
				t.Fatal(err)
			}
			want, ok := realFiles[filepath.Base(fn)]
			if !ok {
				t.Fatal("no expectation")
			}
			f := mustDecode(t, b, ReadOptions{File: fn})
			if got := show(f.Document.Captions, f.Rate, f.DropFrame); got != want.want {
				t.Errorf("read\n%s\nwant\n%s", got, want.want)
			}
			if f.WarningCount != want.warnings {
				t.Errorf("%d warnings, want %d: %v", f.WarningCount, want.warnings, f.Warnings)
			}
			if f.WarningCount > 0 {
				if _, err := Decode(b, ReadOptions{Strict: true}); err == nil && strings.Contains(fn, "paint") {
					t.Error("Strict read a file with parity errors")
				}
			}
		})
	}
}

// TestParity: a parity error is read through with a warning naming the
// line, and refused under Strict with the line and column.
func TestParity(t *testing.T) {
	in := "Scenarist_SCC V1.0\n\n00:00:01;00\t9420 9420 94ae 94ae 9470 9470 4865 6c6c 6f80\n\n00:00:02;00\t942f 942f\n\n00:00:04;00\t942c 942c\n"
	f := mustDecode(t, []byte(in), ReadOptions{})
	if len(f.Document.Captions) != 1 || f.Document.Captions[0].Text() != "Hello" {
		t.Fatalf("read %q", show(f.Document.Captions, df, true))
	}
	if len(f.Warnings) != 1 || f.Warnings[0].Line != 3 || !strings.Contains(f.Warnings[0].Message, "5 bytes with parity errors (from column 43)") {
		t.Errorf("warnings %v", f.Warnings)
	}
	_, err := Decode([]byte(in), ReadOptions{Strict: true, File: "x.scc"})
	var pe *captions.ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || pe.Column != 43 || !errors.Is(err, ErrParity) || !strings.Contains(err.Error(), "x.scc:3:43") {
		t.Fatalf("got %v", err)
	}
}

// TestReadErrors: timecodes going backwards, unknown control codes and
// malformed lines are ParseErrors naming the line (and column).
func TestReadErrors(t *testing.T) {
	h := "Scenarist_SCC V1.0\n\n"
	cases := []struct {
		in        string
		line, col int
		want      error
	}{
		{"WEBVTT\n", 1, 0, ErrNotSCC},
		{"", 0, 0, ErrNotSCC},
		{h + "00:00:02;00\t9420\n\n00:00:01;00\t942c\n", 5, 1, ErrBackwards},
		{h + "00:00:02;00\t9420 9431\n", 3, 18, ErrUnknownCode},
		{h + "00:00:02;00\t9420 1640\n\n00:00:03;00\t9720 9720\n", 5, 13, ErrUnknownCode},
		{h + "00:00:02;00\t9420 10e0\n", 3, 18, ErrUnknownCode},
		{h + "00:00:02;00\t9420 94\n", 3, 18, ErrSyntax},
		{h + "00:00:02;00\t9420 zz20\n", 3, 18, ErrSyntax},
		{h + "9420 9420\n", 3, 1, ErrSyntax},
		{h + "00:01:00;00\t9420\n", 3, 1, nil}, // a label drop-frame skips
		{h + "00:00:00;45\t9420\n", 3, 1, nil},
	}
	for i, c := range cases {
		_, err := Decode([]byte(c.in), ReadOptions{File: "in.scc"})
		var pe *captions.ParseError
		if !errors.As(err, &pe) || pe.Line != c.line || pe.Column != c.col || (c.want != nil && !errors.Is(err, c.want)) || pe.File != "in.scc" {
			t.Errorf("case %d: got %v (%+v)", i, err, pe)
		}
	}
}

// TestDecoder: the 608 behaviours the writer never uses.
func TestDecoder(t *testing.T) {
	h := "Scenarist_SCC V1.0\n\n"
	cases := []struct{ name, in, want string }{
		{"doubled once, tripled twice: a repeated EOC swaps back",
			h + "00:00:01;00\t9420 94ae 9470 c1c1 942f 942f 942f\n\n00:00:02;00\t942f 942c\n",
			"00:00:01;04 00:00:01;06 left |AA\n00:00:02;00 00:00:02;01 left |AA\n"},
		{"backspace, delete to end of row, tab offset, extended replaces",
			h + "00:00:01;00\t9420 9470 c1c2 43c4 94a1 94a1 9470 97a1 97a1 94a4 94a4 9723 c180 9232 9232 942f\n\n00:00:02;00\t942c\n",
			"00:00:01;15 00:00:02;00 left |A Ç\n"},
		{"paint-on: shown as painted, split at each PAC",
			h + "00:00:01;00\t9429 9429 9470 9470 c1c2\n\n00:00:02;00\t94d0 94d0 43c4\n\n00:00:03;00\t942c\n",
			"00:00:01;04 00:00:02;00 left |AB\n00:00:02;00 00:00:03;00 left |CD |AB\n"},
		{"roll-up: CR rolls, RU2 keeps two rows, EDM erases",
			h + "00:00:01;00\t9425 9425 94ad 94ad 9470 9470 c1c1\n\n00:00:02;00\t94ad 94ad c2c2\n\n00:00:03;00\t94ad 94ad 4343\n\n00:00:04;00\t942c 942c\n",
			"00:00:01;06 00:00:02;00 left |AA\n00:00:02;00 00:00:03;00 left |AA |BB\n00:00:03;00 00:00:04;00 left |BB |CC\n"},
		{"mid-row colour and italics, PAC colour, black attribute",
			h + "00:00:01;00\t9420 9420 94ae 94ae 1370 1370 912a 912a 91ae 91ae c1c1 9470 9470 c120 97ae 97ae c2c2 c280\n\n00:00:02;00\t942f 942f 942c\n",
			"00:00:02;00 00:00:02;02 default |/<yellow>AA |<black>A BBB\n"},
		{"italic PAC, underline ignored",
			h + "00:00:01;00\t9420 94ef c1c1 942f\n\n00:00:02;00\t942c\n",
			"00:00:01;03 00:00:02;00 left |/AA\n"},
		{"CC2, field 2 and XDS ignored; text after a CC2 code is CC2's",
			h + "00:00:01;00\t9420 9470 c1c1 1c20 1c70 c2c2 9452 4343 1520 c4c4 0101 4545 8f80 9454 c1c1 942f\n\n00:00:02;00\t942c\n",
			"00:00:01;15 00:00:02;00 default |CC AA |AA\n"},
		{"text service ignored until RCL",
			h + "00:00:01;00\t942a c1c1 9420 9470 c2c2 942f\n\n00:00:02;00\t942c\n",
			"00:00:01;05 00:00:02;00 left |BB\n"},
		{"never erased: ends two seconds on",
			h + "00:00:01;00\t9420 9470 c1c1 942f\n",
			"00:00:01;03 00:00:03;03 left |AA\n"},
		{"roll-up window moved by a PAC",
			h + "00:00:01;00\t9425 9425 94ad 94ad 9470 9470 c1c1\n\n00:00:02;00\t94ad 94ad 1370 1370 c2c2\n\n00:00:03;00\t942c\n",
			"00:00:01;06 00:00:02;00 left |AA\n00:00:02;00 00:00:02;02 row=21 left |AA\n00:00:02;02 00:00:03;00 row=18 left |AA |BB\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := mustDecode(t, []byte(c.in), ReadOptions{})
			if got := show(f.Document.Captions, df, true); got != c.want {
				t.Errorf("read\n%s\nwant\n%s\nwarnings %v", got, c.want, f.Warnings)
			}
			for _, w := range f.Warnings {
				if strings.Contains(w.Message, "parity") {
					t.Errorf("test input has a parity error: %v", w)
				}
			}
		})
	}
}

func TestDetect(t *testing.T) {
	for in, want := range map[string]bool{
		"Scenarist_SCC V1.0\r\n":         true,
		"\xef\xbb\xbfScenarist_SCC V1.0": true,
		"Scenarist_SCC V1.0":             true,
		"scenarist_scc v1.0":             false,
		" Scenarist_SCC V1.0":            false,
		"WEBVTT":                         false,
	} {
		if Detect([]byte(in)) != want {
			t.Errorf("Detect(%q) != %v", in, want)
		}
	}
}
