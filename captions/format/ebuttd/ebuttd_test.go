package ebuttd

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/format/internal/tt/tttest"
	"github.com/sotcap/sotcap/timing"
)

func encode(t *testing.T, doc captions.Document, opts WriteOptions) []byte {
	t.Helper()
	b, _, err := Encode(doc, opts)
	require.NoError(t, err)
	return b
}

func writeTemp(t *testing.T, name string, b []byte) string {
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

func irt(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/irt/*-ttml.*")
	sort.Strings(files)
	require.GreaterOrEqual(t, len(files), 60)
	return files
}

// ebuttPart1 is an EBU-TT Part 1 (Tech 3350) document: SMPTE time base,
// which EBU-TT-D does not allow. The schema must reject it.
const ebuttPart1 = `<?xml version="1.0" encoding="UTF-8"?>
<tt:tt xmlns:tt="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
  xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ebuttm="urn:ebu:tt:metadata"
  ttp:timeBase="smpte" ttp:frameRate="25" ttp:markerMode="discontinuous" xml:lang="en">
  <tt:head><tt:metadata><ebuttm:documentMetadata><ebuttm:documentEbuttVersion>v1.0</ebuttm:documentEbuttVersion></ebuttm:documentMetadata></tt:metadata>
  <tt:styling><tt:style xml:id="s" tts:color="white"/></tt:styling>
  <tt:layout><tt:region xml:id="r" tts:origin="10% 10%" tts:extent="80% 80%"/></tt:layout></tt:head>
  <tt:body><tt:div><tt:p xml:id="p1" begin="10:00:01:00" end="10:00:02:00" region="r">Part 1</tt:p></tt:div></tt:body>
</tt:tt>
`

// TestSchemaSetup proves the xmllint check means something: a known-good
// EBU-TT-D document (IRT's) passes, an EBU-TT Part 1 document and an IMSC
// document fail.
func TestSchemaSetup(t *testing.T) {
	require.Empty(t, tttest.Xmllint(t, "testdata/irt/cumulative-rows-001-ttml.xml"))
	require.Contains(t, tttest.Xmllint(t, writeTemp(t, "part1.xml", []byte(ebuttPart1))), "timeBase")
	imsc := strings.Replace(string(encode(t, tttest.Sample(timing.Rate25()), WriteOptions{Rate: timing.Rate25()})), "<tt:tt ", `<tt:tt ttp:frameRate="25" `, 1)
	require.Contains(t, tttest.Xmllint(t, writeTemp(t, "imsc.xml", []byte(imsc))), "frameRate")
}

// TestSchemaValidatesOurs: what Write writes is valid against the
// EBU-TT-D schema at every rate, with every feature the model has.
func TestSchemaValidatesOurs(t *testing.T) {
	for _, r := range timing.SupportedRates() {
		doc := tttest.Sample(r)
		p := writeTemp(t, "out.ebu-tt-d.xml", encode(t, doc, WriteOptions{Rate: r, SpeakerColors: r == timing.Rate25()}))
		require.Empty(t, tttest.Xmllint(t, p), r.String())
	}
	// No language, no title, no rate.
	doc := captions.Document{Captions: []captions.Caption{{Start: 0, End: time.Second, Lines: []captions.Line{{Text: "x"}}}}}
	require.Empty(t, tttest.Xmllint(t, writeTemp(t, "min.xml", encode(t, doc, WriteOptions{}))))
}

// TestIRTSamplesValidate: the IRT samples are EBU-TT-D (so the corpus
// below is what it claims to be).
func TestIRTSamplesValidate(t *testing.T) {
	for _, f := range irt(t) {
		require.Empty(t, tttest.Xmllint(t, f), f)
	}
}

func TestWriteDocument(t *testing.T) {
	r := timing.Rate2997()
	doc := captions.Document{Language: "de", Captions: []captions.Caption{
		{Start: time.Hour + r.Duration(1), End: time.Hour + 2*time.Second, Row: 2, Lines: []captions.Line{{Text: "Zeile", Color: captions.ColorCyan}}},
	}}
	b := string(encode(t, doc, WriteOptions{Rate: r, Origin: time.Hour}))
	for _, want := range []string{
		`<tt:tt xmlns:tt="http://www.w3.org/ns/ttml"`, `xml:lang="de" ttp:timeBase="media" ttp:cellResolution="40 24"`,
		`<ebuttm:conformsToStandard>urn:ebu:tt:distribution:2014-01</ebuttm:conformsToStandard>`,
		`<ebuttm:authoredFrameRate>30</ebuttm:authoredFrameRate>`,
		`<ebuttm:authoredFrameRateMultiplier>1000 1001</ebuttm:authoredFrameRateMultiplier>`,
		`ebutts:linePadding="0.5c" ebutts:multiRowAlign="auto"`,
		`<tt:region xml:id="row2" tts:origin="10% 8.3333%" tts:extent="80% 91.6667%" tts:displayAlign="before" style="region"/>`,
		`<tt:p xml:id="c1" begin="00:00:00.033" end="00:00:02.000" region="row2"><tt:span style="text cyan">Zeile</tt:span></tt:p>`,
	} {
		require.Contains(t, b, want)
	}
	require.NotContains(t, b, "ttp:frameRate")
	require.NotContains(t, b, "ttp:profile")
	require.True(t, Detect([]byte(b)))
}

// TestTeletextMapping: every Teletext row, colour, italics and every
// alignment map to regions and styles and read back to the same values
// (EBU Tech 3360's STL → EBU-TT mapping, as the package doc describes).
func TestTeletextMapping(t *testing.T) {
	r := timing.Rate25()
	var caps []captions.Caption
	for row := 0; row <= 23; row++ {
		for _, a := range []captions.Align{captions.AlignDefault, captions.AlignLeft, captions.AlignCenter, captions.AlignRight} {
			n := timing.Frame(len(caps))
			c := captions.Caption{Start: r.Duration(50 * n), End: r.Duration(50*n + 40), Row: row, Align: a}
			for k := 0; k < 1+int(n%3); k++ {
				c.Lines = append(c.Lines, captions.Line{Text: "Zeile " + string(rune('A'+k)), Color: captions.Color((int(n) + k) % 9), Italic: (int(n)+k)%2 == 0})
			}
			caps = append(caps, c)
		}
	}
	doc := captions.Document{Language: "de", Captions: caps}
	b := encode(t, doc, WriteOptions{Rate: r})
	doc.TimeBase.Rate = r // declared as ebuttm:authoredFrameRate
	got, warns, err := Read(bytes.NewReader(b), ReadOptions{Strict: true})
	require.NoError(t, err)
	require.Empty(t, warns)
	require.Equal(t, doc, got)
	require.Empty(t, tttest.Xmllint(t, writeTemp(t, "tt.xml", b)))
}

// TestTTConvReadsOurs: ttconv reads our EBU-TT-D (as TTML) and sees our
// captions, to the frame.
func TestTTConvReadsOurs(t *testing.T) {
	for _, r := range []timing.Rate{timing.Rate25(), timing.Rate2997(), timing.Rate50()} {
		doc := tttest.Sample(r)
		p := writeTemp(t, "out.ebu-tt-d.xml", encode(t, doc, WriteOptions{Rate: r}))
		res, ok := tttest.TTConv(t, p)
		require.True(t, ok, res.Log)
		require.Empty(t, res.Log)
		require.Empty(t, tttest.SameCues(res.Cues, tttest.Screen(doc.Captions), time.Millisecond), r.String())
		for i, c := range res.Cues {
			require.Equal(t, r.Frames(doc.Captions[i].Start), r.Frames(c.Start))
			require.Equal(t, r.Frames(doc.Captions[i].End), r.Frames(c.End))
		}
	}
}

// TestImscJSReadsOurs: EBU-TT-D documents are IMSC 1 Text documents too.
func TestImscJSReadsOurs(t *testing.T) {
	doc := tttest.Sample(timing.Rate25())
	res := tttest.ImscJS(t, writeTemp(t, "out.xml", encode(t, doc, WriteOptions{Rate: timing.Rate25()})))
	require.Empty(t, res[0].Errors)
	require.Empty(t, tttest.SameCues(tttest.ImscCues(res[0].Events), tttest.Screen(doc.Captions), time.Millisecond))
}

// TestIRTCorpus reads every IRT EBU-TT-D sample without error and
// compares what each shows with ttconv's reading, to the frame.
func TestIRTCorpus(t *testing.T) {
	read := func(path string) ([]captions.Caption, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		d, warns, err := Read(f, ReadOptions{Name: path})
		for _, w := range warns {
			if !undeclared[filepath.Base(path)] {
				require.NotContains(t, w.Message, "EBU-TT-D", "%s: %s", path, w)
			}
		}
		return d.Captions, err
	}
	for _, r := range tttest.CompareTTConv(t, irt(t), time.Second/25+time.Millisecond, read) {
		require.False(t, r.TTConvFailed, r.File)
		require.Empty(t, r.Diff, r.File)
	}
}

// undeclared are the IRT samples that do not declare EBU-TT-D
// conformance (they are valid against the schema all the same): the
// reader warns, and Detect leaves them to package ttml.
var undeclared = map[string]bool{"displayalign-before-001-ttml.xml": true, "space-preserve-001-ttml.xml": true}

func TestDetect(t *testing.T) {
	for _, f := range irt(t) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.Equal(t, !undeclared[filepath.Base(f)], Detect(b[:min(len(b), 4096)]), f)
	}
	require.False(t, Detect([]byte(`<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en">`)))
	require.False(t, Detect([]byte("WEBVTT\n")))
}
