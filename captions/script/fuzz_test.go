package script

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/script/internal/textdecode"
)

// FuzzRead checks that Read never panics and that what it returns holds
// together: an error is a *captions.ParseError and comes with no package;
// a package has numbered SOTs inside the script, at least one with text,
// text without stray symbols or line breaks, and warnings in line order.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, dir := range []string{"testdata/agency/*.txt", "testdata/lang/*.txt"} {
		more, _ := filepath.Glob(dir)
		files = append(files, more...)
	}
	files = append(files, seedPath)
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("SOT A (Arabic): “x"))
	f.Add([]byte("\xFF\xFES\x00O\x00T\x00 \x00A\x00"))
	f.Add([]byte("1. SOUNDBITE (English) A:\n(Question: q?)\n\"a\"\n"))
	f.Add([]byte("x. (SOUNDBITE)(English) A, SAYING: “b” 2. SOUNDBITE (Arabic) C: “d” 3. e"))
	f.Add([]byte("((SOT: A))\n((ENG:\"b\"))\nESP: c\n"))
	f.Add([]byte("SOT 阿里（阿拉伯语）：「是」\nO-TON B (Arabisch): „c“\nСИНХРОН В (на арабском): «г»"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rd := Reader{File: "fuzz.txt"}
		p, err := rd.ReadBytes(b)
		if err != nil {
			if p != nil {
				t.Fatalf("package %v with error %v", p, err)
			}
			var pe *captions.ParseError
			if !errors.As(err, &pe) || err.Error() == "" {
				t.Fatalf("error %v (%T) is not a ParseError", err, err)
			}
			return
		}
		lines := strings.Count(string(b), "\n") + strings.Count(string(b), "\r") + 1
		switch p.Dialect {
		case DialectRuptly, DialectAP, DialectReuters:
		default:
			t.Fatalf("dialect %q", p.Dialect)
		}
		if len(p.SOTs) == 0 {
			t.Fatal("no SOTs without an error")
		}
		usable := false
		for i, s := range p.SOTs {
			if s.Index != i+1 || s.Line < 1 || s.Line > lines || len(s.Turns) == 0 {
				t.Fatalf("SOT %d: %+v (script has %d lines)", i, s, lines)
			}
			switch s.Kind {
			case KindSOT, KindSoundbite, KindUpsound:
			default:
				t.Fatalf("kind %q", s.Kind)
			}
			for _, tn := range s.Turns {
				if tn.Line < s.Line || tn.Line > lines {
					t.Fatalf("turn line %d outside SOT %d at line %d", tn.Line, s.Index, s.Line)
				}
				for _, txt := range []string{tn.Text, tn.Speaker, tn.Title, tn.Language} {
					if !utf8.ValidString(txt) || strings.ContainsAny(txt, "\n\r\t") {
						t.Fatalf("bad text %q", txt)
					}
					for _, r := range txt {
						if textdecode.IsStray(r) {
							t.Fatalf("stray %U in %q", r, txt)
						}
					}
					if txt != strings.TrimSpace(txt) || strings.Contains(txt, "  ") {
						t.Fatalf("untrimmed %q", txt)
					}
				}
				usable = usable || tn.Text != ""
			}
		}
		if !usable {
			t.Fatal("no SOT with text, yet no error")
		}
		for i := 1; i < len(p.Warnings); i++ {
			if p.Warnings[i].Line < p.Warnings[i-1].Line {
				t.Fatalf("warnings out of order: %v", p.Warnings)
			}
		}
		if !utf8.ValidString(p.Title) {
			t.Fatalf("title %q", p.Title)
		}
	})
}
