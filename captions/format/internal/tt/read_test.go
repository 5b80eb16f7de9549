package tt

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/timing"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xml:lang="fr" ttp:frameRate="25"%s>
`

func doc(attrs, body string) string {
	return strings.Replace(head, "%s", attrs, 1) + body + "\n</tt>\n"
}

func read(t *testing.T, s string, cfg ReadConfig) ([]captions.Caption, []captions.Warning) {
	t.Helper()
	d, w, _, err := Read(strings.NewReader(s), cfg)
	require.NoError(t, err)
	return d.Captions, w
}

func readErr(t *testing.T, s string) *captions.ParseError {
	t.Helper()
	_, _, _, err := Read(strings.NewReader(s), ReadConfig{Name: "x.ttml"})
	var pe *captions.ParseError
	require.ErrorAs(t, err, &pe, "input %q", s)
	return pe
}

type span struct {
	s, e time.Duration
	text string
}

func spans(caps []captions.Caption) []span {
	var out []span
	for _, c := range caps {
		out = append(out, span{c.Start, c.End, c.Text()})
	}
	return out
}

func TestTimeContainment(t *testing.T) {
	s := doc("", `<body begin="10s"><div begin="1s" end="20s">
  <p begin="1s" dur="2s">One <span>two</span></p>
  <p begin="5s" end="30s">Clipped by the div</p>
  <p begin="00:00:02:00">Open until the div ends</p>
  <p begin="25s" end="26s">After the div: not shown</p>
  <p begin="2s" end="8s">A <span begin="1s" end="3s">timed</span> span</p>
</div>
<div timeContainer="seq" begin="40s">
  <p dur="1s">Seq one</p>
  <p begin="1s" dur="2s">Seq two</p>
  <p dur="50f">Seq three</p>
</div></body>`)
	caps, _ := read(t, s, ReadConfig{})
	sec := time.Second
	require.Equal(t, []span{
		// The div runs from 11 s to 30 s (its end counts from the body's begin).
		{12 * sec, 14 * sec, "One two"},
		{13 * sec, 30 * sec, "Open until the div ends"},
		{13 * sec, 14 * sec, "A span"},
		{14 * sec, 16 * sec, "A timed span"},
		{16 * sec, 30 * sec, "Clipped by the div"},
		{16 * sec, 19 * sec, "A span"},
		{50 * sec, 51 * sec, "Seq one"},
		{52 * sec, 54 * sec, "Seq two"},
		{54 * sec, 56 * sec, "Seq three"},
	}, spans(caps))
}

func TestStylesAndLines(t *testing.T) {
	s := doc(` ttp:cellResolution="40 24"`, `<head>
  <metadata><ttm:title>T &amp; T</ttm:title><ttm:agent xml:id="ag1" type="person"><ttm:name type="full">Ana</ttm:name></ttm:agent></metadata>
  <styling>
    <style xml:id="base" tts:color="yellow" tts:fontFamily="Arial"/>
    <style xml:id="it" style="base" tts:fontStyle="italic"/>
    <style xml:id="cyan" tts:color="#00FFFFFF"/>
  </styling>
  <layout>
    <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after" tts:textAlign="center"/>
    <region xml:id="top" tts:origin="10% 12.5%" tts:extent="80% 30%" tts:color="red">
      <style tts:textAlign="left"/>
    </region>
  </layout>
</head>
<body><div>
  <p begin="1s" end="2s" region="bottom"><span style="it">Yellow italic</span><br/>
     <span style="cyan" ttm:agent="ag1">  Cyan   spoken  </span></p>
  <p begin="3s" end="4s" region="top" tts:textAlign="right">Red from the region<br/><span tts:color="white">White</span></p>
  <p begin="5s" end="6s" region="top"><span xml:space="preserve">a  b
c</span> <span tts:fontStyle="italic">mixed</span></p>
</div></body>`)
	d, w, _, err := Read(strings.NewReader(s), ReadConfig{})
	require.NoError(t, err)
	require.Equal(t, "T & T", d.Title)
	require.Equal(t, "fr", d.Language)
	c := d.Captions
	require.Len(t, c, 3)
	require.Equal(t, []captions.Line{
		{Text: "Yellow italic", Italic: true, Color: captions.ColorYellow},
		{Text: "Cyan spoken", Color: captions.ColorCyan, Speaker: "Ana"},
	}, c[0].Lines)
	require.Equal(t, 0, c[0].Row)
	require.Equal(t, captions.AlignDefault, c[0].Align)
	require.Equal(t, []captions.Line{{Text: "Red from the region", Color: captions.ColorRed}, {Text: "White", Color: captions.ColorWhite}}, c[1].Lines)
	require.Equal(t, 3, c[1].Row)
	require.Equal(t, captions.AlignRight, c[1].Align)
	require.Equal(t, captions.AlignLeft, c[2].Align)
	require.Equal(t, "a  b\nc mixed", c[2].Text())
	msgs := ""
	for _, x := range w {
		msgs += x.String() + "\n"
	}
	require.Contains(t, msgs, `fontFamily="Arial" is not kept`)
	require.Contains(t, msgs, "italics on part of a line")
	require.Equal(t, 1, strings.Count(msgs, "fontFamily"), "once per kind")
}

func TestTicksAndRates(t *testing.T) {
	s := doc(` ttp:tickRate="10000000"`, `<body><div><p begin="10010000t" end="20020000t">Ticks</p></div></body>`)
	caps, _ := read(t, s, ReadConfig{})
	require.Equal(t, []span{{1001 * time.Millisecond, 2002 * time.Millisecond, "Ticks"}}, spans(caps))

	// No frame rate declared: ReadConfig.Rate counts frames and snaps.
	r := timing.Rate2997()
	s = `<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div><p begin="30f" end="00:00:02.002">x</p></div></body></tt>`
	caps, w := read(t, s, ReadConfig{Rate: r})
	require.Equal(t, r.Duration(30), caps[0].Start)
	require.Equal(t, r.Duration(60), caps[0].End, "2.002 s snaps to frame 60 at 29.97")
	require.Contains(t, w[0].Message, "declares no ttp:frameRate")

	// ttp:frameRateMultiplier.
	s = doc(` ttp:frameRateMultiplier="1000 1001"`, `<body><div><p begin="25f" end="50f">x</p></div></body>`)
	caps, _ = read(t, s, ReadConfig{Origin: time.Hour})
	r2398 := timing.Rate{}
	_ = r2398
	require.Equal(t, time.Hour+1001*time.Millisecond, caps[0].Start)
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		in   string
		line int
		want error
		msg  string
	}{
		{"<tt xmlns='http://www.w3.org/ns/ttml'><body>\n<div><p begin='1s' end='2s'>x</div></body></tt>", 2, ErrBadDocument, "not well-formed"},
		{doc("", "<body><div>\n\n<p begin=\"1s\" end=\"2x\">x</p></div></body>"), 7, ErrTimeSyntax, `end="2x"`},
		{doc("", "<body><div>\n<p begin=\"1s\" dur=\"2s\" end=\"4s\">x</p></div></body>"), 6, ErrConflict, "disagree"},
		{doc("", "<body><div>\n<p begin=\"00:00:01:30\" end=\"4s\">x</p></div></body>"), 6, ErrTimeRange, "frame 30"},
		{`<html xmlns="http://www.w3.org/1999/xhtml"/>`, 1, ErrNotTTML, "root element"},
		{`<tt/>`, 1, ErrNotTTML, "root element"},
		{``, 1, ErrBadDocument, "end of input"},
		{doc("", "<body><div><p begin=\"1s\" end=\"2s\">x</p></div></body>")[:200], 0, ErrBadDocument, "unexpected EOF"},
		{doc(` ttp:tickRate="0"`, "<body/>"), 2, ErrBadDocument, "ttp:tickRate"},
		{doc("", `<head><styling><style xml:id="a" style="b"/><style xml:id="b" style="a"/></styling></head><body><div><p style="a" begin="0s" end="1s">x</p></div></body>`), 5, ErrBadDocument, "refers to itself"},
		{doc("", "<body><div><p begin=\"1s\" end=\"2s\">&nbsp;</p></div></body>"), 5, ErrBadDocument, "entity"},
		{doc("", "<body timeContainer=\"fast\"/>"), 5, ErrBadDocument, "timeContainer"},
	}
	for _, c := range cases {
		pe := readErr(t, c.in)
		require.ErrorIs(t, pe, c.want, "%q", c.in)
		require.Contains(t, pe.Error(), c.msg)
		require.Equal(t, "x.ttml", pe.File)
		if c.line > 0 {
			require.Equal(t, c.line, pe.Line, "%q: %v", c.in, pe)
		}
	}
}

func TestLimits(t *testing.T) {
	deep := doc("", "<body><div><p begin=\"0s\" end=\"1s\">"+strings.Repeat("<span>", 300)+"x"+strings.Repeat("</span>", 300)+"</p></div></body>")
	require.ErrorIs(t, readErr(t, deep), ErrTooDeep)
	big := doc("", "<body><div>"+strings.Repeat("<p begin=\"0s\" end=\"1s\">x</p>", 1000)+"</div></body>")
	_, _, _, err := Read(strings.NewReader(big), ReadConfig{MaxSize: 4096})
	require.ErrorIs(t, err, ErrTooLarge)
	_, _, _, err = Read(strings.NewReader(big), ReadConfig{MaxElements: 500})
	require.ErrorIs(t, err, ErrTooMany)
	// Exactly at the size limit is fine.
	_, _, _, err = Read(strings.NewReader(big), ReadConfig{MaxSize: int64(len(big))})
	require.NoError(t, err)
	// An entity bomb needs a DTD's entities, which encoding/xml does not expand.
	bomb := `<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
		`<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s">&b;</p></div></body></tt>`
	require.ErrorIs(t, readErr(t, bomb), ErrBadDocument)
	// Styles that refer ten times to styles that refer ten times … (a
	// style bomb) resolve in linear time and memory.
	var st strings.Builder
	st.WriteString(`<head><styling><style xml:id="s0" tts:fontFamily="x" tts:fontSize="9%"/>`)
	for i := 1; i <= 40; i++ {
		st.WriteString(`<style xml:id="s` + strconv.Itoa(i) + `" style="` + strings.Repeat("s"+strconv.Itoa(i-1)+" ", 10) + `"/>`)
	}
	st.WriteString(`</styling></head><body><div><p style="s40" begin="0s" end="1s">x</p></div></body>`)
	caps, w := read(t, doc("", st.String()), ReadConfig{})
	require.Len(t, caps, 1)
	require.Len(t, w, 2)
}

func TestStrictAndRegions(t *testing.T) {
	s := `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"><head><layout><region xml:id="r"/></layout></head>
<body><div><p begin="0s" end="1s">no region</p><p begin="0s" end="1s" region="r">in r</p><p begin="0s" end="1s" region="nope">unknown</p></div></body></tt>`
	caps, w := read(t, s, ReadConfig{})
	require.Equal(t, []span{{0, time.Second, "in r"}, {0, time.Second, "unknown"}}, spans(caps))
	all := ""
	for _, x := range w {
		all += x.Message + "\n"
	}
	require.Contains(t, all, "no xml:lang")
	require.Contains(t, all, `region "nope" is not defined`)
	require.Contains(t, all, "not in any region")
	_, _, _, err := Read(strings.NewReader(s), ReadConfig{Strict: true})
	require.ErrorIs(t, err, ErrNotAllowed)
}

func TestEBURules(t *testing.T) {
	s := doc("", `<body begin="1s"><div><p begin="0s" dur="1s">x <span><span>y</span></span></p></div></body>`)
	_, w := read(t, s, ReadConfig{EBU: true})
	all := ""
	for _, x := range w {
		all += x.Message + "\n"
	}
	for _, m := range []string{"does not declare EBU-TT-D", "no dur", "times p and span only", "span inside a span"} {
		require.Contains(t, all, m)
	}
	_, _, _, err := Read(strings.NewReader(s), ReadConfig{EBU: true, Strict: true})
	require.True(t, errors.Is(err, ErrNotAllowed))
}

func TestSniff(t *testing.T) {
	for in, want := range map[string][2]bool{
		"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<tt xmlns='http://www.w3.org/ns/ttml'>":          {true, false},
		"<tt:tt xmlns:tt='http://www.w3.org/ns/ttml' xmlns:ebuttm='urn:ebu:tt:metadata'>":                {true, true},
		"<tt xmlns='http://www.w3.org/ns/ttml' xmlns:ebutts='urn:ebu:tt:style' ttp:contentProfiles='x'>": {true, false},
		"<tt xmlns='http://www.w3.org/ns/ttml'><head><metadata><x>urn:ebu:tt:distribution:2014-01</x>":   {true, true},
		"<tt xmlns='http://www.w3.org/2006/10/ttaf1'>":                                                   {false, false},
		"<tt:tt xmlns:tt='http://www.w3.org/ns/ttml'":                                                    {false, false},
		"WEBVTT\n\n00:01.000 --> 00:02.000\nx":                                                           {false, false},
		"<html><tt xmlns='http://www.w3.org/ns/ttml'>":                                                   {false, false},
	} {
		a, b := Sniff([]byte(in))
		require.Equal(t, want, [2]bool{a, b}, "%q", in)
	}
}

func TestEncodings(t *testing.T) {
	s := `<?xml version="1.0" encoding="UTF-16"?><tt xmlns="http://www.w3.org/ns/ttml" xml:lang="de"><body><div><p begin="1s" end="2s">Grüße</p></div></body></tt>`
	u := []byte{0xFF, 0xFE}
	for _, r := range s {
		u = append(u, byte(r), byte(r>>8))
	}
	caps, _ := read(t, string(u), ReadConfig{})
	require.Equal(t, "Grüße", caps[0].Text())
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><tt xmlns=\"http://www.w3.org/ns/ttml\" xml:lang=\"de\"><body><div><p begin=\"1s\" end=\"2s\">Gr\xfc\xdfe</p></div></body></tt>"
	caps, _ = read(t, latin, ReadConfig{})
	require.Equal(t, "Grüße", caps[0].Text())
	_, _, _, err := Read(strings.NewReader(strings.Replace(latin, "ISO-8859-1", "x-unknown", 1)), ReadConfig{})
	require.Error(t, err)
}

func TestRowOf(t *testing.T) {
	for _, c := range []struct {
		g    geometry
		n    int
		want int
	}{
		{geometry{known: true, top: 10, height: 80, displayAlign: "after"}, 2, 0},
		{geometry{known: true, top: 12.5, height: 87.5, displayAlign: "before"}, 1, 3},
		{geometry{known: true, top: 0, height: 100}, 1, 1},
		{geometry{known: true, top: 10, height: 40, displayAlign: "after"}, 2, 8},
		{geometry{known: true, top: 25, height: 50, displayAlign: "center"}, 1, 11},
		{geometry{known: true, top: 99, height: 1}, 1, 23},
		{geometry{}, 1, 0},
	} {
		require.Equal(t, c.want, rowOf(c.g, c.n), "%+v", c.g)
	}
	// Lengths in px (against tts:extent on tt) and cells.
	s := `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
  tts:extent="1920px 1080px" ttp:cellResolution="40 24" xml:lang="en"><head><layout>
  <region xml:id="px" tts:origin="0px 540px" tts:extent="1920px 540px"/>
  <region xml:id="c" tts:origin="0c 6c" tts:extent="40c 4c"/></layout></head>
<body><div><p begin="0s" end="1s" region="px">x</p><p begin="0s" end="1s" region="c">y</p></div></body></tt>`
	caps, _ := read(t, s, ReadConfig{})
	require.Equal(t, 12, caps[0].Row)
	require.Equal(t, 6, caps[1].Row)
}

func TestHiddenAndAnimationWarned(t *testing.T) {
	s := doc("", `<body><div><p begin="0s" end="1s" tts:display="none">gone</p><p begin="0s" end="1s">a <span tts:visibility="hidden">b</span><set tts:color="red" begin="0.5s"/></p><p begin="1s" end="2s"><set tts:color="red"/>c</p></div></body>`)
	caps, w := read(t, s, ReadConfig{})
	require.Equal(t, []span{{0, time.Second, "a"}, {time.Second, 2 * time.Second, "c"}}, spans(caps))
	all := ""
	for _, x := range w {
		all += x.Message + "\n"
	}
	require.Contains(t, all, `tts:display="none"`)
	require.Contains(t, all, `tts:visibility="hidden"`)
	require.Equal(t, 1, strings.Count(all, "animation"))
}

// TestBigParagraphs: one p with many spans, or with spans timed apart,
// costs time linear in its size (or is refused), not quadratic.
func TestBigParagraphs(t *testing.T) {
	start := time.Now()
	caps, _ := read(t, doc("", "<body><div><p begin=\"0s\" end=\"1s\">"+strings.Repeat("<span>word </span>", 45000)+"</p></div></body>"), ReadConfig{})
	require.Len(t, caps, 1)
	var b strings.Builder
	for i := 0; i < 400; i++ {
		b.WriteString(`<span begin="` + strconv.Itoa(i) + `s" end="` + strconv.Itoa(i+1) + `s">w</span>`)
	}
	caps, _ = read(t, doc("", "<body><div><p>"+b.String()+"</p></div></body>"), ReadConfig{})
	require.Len(t, caps, 400)
	require.Less(t, time.Since(start), 20*time.Second)
	b.Reset()
	for i := 0; i < 600; i++ {
		b.WriteString(`<span begin="` + strconv.Itoa(i) + `s" end="` + strconv.Itoa(i+1) + `.5s">w</span>`)
	}
	require.ErrorIs(t, readErr(t, doc("", "<body><div><p>"+b.String()+"</p></div></body>")), ErrTooMany)
}
