package script

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// syntheticScript builds a script of about size bytes in the given
// dialect: narrative paragraphs with quotes in prose, soundbites with
// several turns, insertions and curly quotes.
func syntheticScript(dialect string, size int) []byte {
	var b bytes.Buffer
	b.WriteString("Russia: ‘A headline with a quote’ – a long synthetic package\n\n")
	if dialect == DialectAP {
		b.WriteString("STORY: Synthetic\nLOCATION: Moscow\nLANGUAGE: Arabic/Nats\n\nSHOTLIST:\n")
	}
	text := "We have put everything we have in the political and military spheres on the table. " +
		"That’s why we asked [Russia] to [help] soften the resolutions (the embargo) taken against us…"
	for n := 1; b.Len() < size; n++ {
		switch dialect {
		case DialectRuptly:
			fmt.Fprintf(&b, "The minister said on Tuesday that “everything is going well,” referring to talks number %d.\n\n", n)
			fmt.Fprintf(&b, "SOT Khalifa Haftar, Head of Libyan National Army (Arabic): “%s %d.”\n\n", text, n)
			fmt.Fprintf(&b, "Reporter (Arabic): “Turn it into colonisation?”\n\n")
			fmt.Fprintf(&b, "Khalifa Haftar, Head of Libyan National Army (Arabic): “%s”\n\n", text)
		case DialectAP:
			fmt.Fprintf(&b, "%d. Wide of the Kremlin with cars arriving\nMoscow - 14 August 2019\n", n)
			fmt.Fprintf(&b, "%d. SOUNDBITE (Arabic) Khalifa Haftar, Head of Libyan National Army:\n\"%s\"\n", n, text)
			fmt.Fprintf(&b, "Question: \"Turn it into colonisation?\"\nAnswer: \"%s\"\n", text)
		case DialectReuters:
			fmt.Fprintf(&b, "%d. VARIOUS OF CARS ARRIVING AT THE KREMLIN\n", n)
			fmt.Fprintf(&b, "%d. (SOUNDBITE) (Arabic) KHALIFA HAFTAR, HEAD OF LIBYAN NATIONAL ARMY, SAYING: “%s”\n", n, text)
			fmt.Fprintf(&b, "REPORTER ASKING: “Turn it into colonisation?”\n")
		}
	}
	return b.Bytes()
}

func benchRead(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	var rd Reader
	for b.Loop() {
		p, err := rd.ReadBytes(in)
		if err != nil || len(p.SOTs) == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadRuptly(b *testing.B)  { benchRead(b, syntheticScript(DialectRuptly, 8<<20)) }
func BenchmarkReadAP(b *testing.B)      { benchRead(b, syntheticScript(DialectAP, 8<<20)) }
func BenchmarkReadReuters(b *testing.B) { benchRead(b, syntheticScript(DialectReuters, 8<<20)) }

// BenchmarkReadWindows1252 measures the fallback decoding path.
func BenchmarkReadWindows1252(b *testing.B) {
	in, err := charmap.Windows1252.NewEncoder().Bytes(syntheticScript(DialectRuptly, 8<<20))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, in)
}

func TestSyntheticScriptsRead(t *testing.T) {
	for _, d := range []string{DialectRuptly, DialectAP, DialectReuters} {
		p, err := (&Reader{}).ReadBytes(syntheticScript(d, 64<<10))
		if err != nil {
			t.Fatal(d, err)
		}
		if p.Dialect != d || len(p.SOTs) < 100 || len(p.Warnings) != 0 {
			t.Fatalf("%s: dialect %s, %d SOTs, warnings %v", d, p.Dialect, len(p.SOTs), p.Warnings[:min(3, len(p.Warnings))])
		}
	}
}

// BenchmarkPathologicalLines reads long lines of repeated marks (quotes,
// parentheses, notes, Mac Roman quotes, mojibake) that a careless scanner
// would handle in quadratic time; MB/s should stay close to the normal
// benchmarks.
func BenchmarkPathologicalLines(b *testing.B) {
	var in []byte
	for _, unit := range []string{" Òx", "xÓ ", "++a++", "“", "”", "(", "(Arabic)", "[a]", " Ð ", "â€", "&amp;", "'", ": “"} {
		in = append(in, "SOT A (Arabic): “"+strings.Repeat(unit, 100000/len(unit))+"”\n"...)
	}
	b.SetBytes(int64(len(in)))
	rd := Reader{DropInsertions: true}
	for b.Loop() {
		if _, err := rd.ReadBytes(in); err != nil {
			b.Fatal(err)
		}
	}
}
