package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sotcap/sotcap/captions"
	"github.com/sotcap/sotcap/captions/rules"
	"github.com/sotcap/sotcap/timing"
)

func sample() []FileResult {
	ms := time.Millisecond
	return []FileResult{
		{
			File: "news/sot 1.srt", Format: "srt", Profile: "broadcast-en", MaxCPS: 17,
			Captions: []captions.Caption{
				caption(10*time.Hour+1500*ms, 10*time.Hour+3*time.Second, "Hello, \"world\"", "<b>tab\there</b>"),
				caption(10*time.Hour+4*time.Second, 10*time.Hour+6*time.Second, "fine"),
				caption(10*time.Hour+7*time.Second, 10*time.Hour+7*time.Second, "zero\u2028length é"),
			},
			CPS: []float64{21.5, 2, math.Inf(1)},
			Violations: []rules.Violation{
				{Caption: 1, Rule: rules.RuleCPS, Value: 21.5, Limit: 17},
				{Rule: rules.RuleMalformed, Line: 9, After: 2, Message: "bad \"arrow\""},
				{Caption: 3, Rule: rules.RuleCPS, Value: math.Inf(1), Limit: 17},
				{Caption: 3, Rule: rules.RuleMinDuration, Value: 0, Limit: 0.833},
			},
			FrameRate: timing.Rate25(), FrameRateSource: "--fps",
			Cuts:     []time.Duration{10*time.Hour + 5*time.Second},
			Warnings: []captions.Warning{{Line: 7, Message: "malformed timing line skipped"}},
		},
		{File: "clean.vtt", Format: "vtt", MaxCPS: 17,
			Captions: []captions.Caption{caption(0, 2*time.Second, "ok")}, CPS: []float64{1}},
		{File: "empty.vtt", Format: "vtt", Violations: []rules.Violation{
			{Rule: rules.RuleMalformed, Line: 3, Message: "two-digit milliseconds"}}},
	}
}

const wantJSON = `{
  "files": [
    {
      "file": "news/sot 1.srt",
      "format": "srt",
      "captions": 3,
      "duration_seconds": 5.5,
      "cps": {"mean": 11.75, "p50": 2, "p90": 21.5, "max": 21.5},
      "frame_rate": 25,
      "frame_rate_source": "--fps",
      "malformed": 1,
      "violations": [
        {"caption": 1, "start": 36001.5, "end": 36003, "rule": "cps", "value": 21.5, "limit": 17, "unit": "CPS", "text": "Hello, \"world\"\n<b>tab\there</b>"},
        {"caption": null, "start": null, "end": null, "rule": "malformed", "value": null, "limit": null, "unit": "", "text": null, "line": 9, "after": 2, "message": "bad \"arrow\""},
        {"caption": 3, "start": 36007, "end": 36007, "rule": "cps", "value": null, "limit": 17, "unit": "CPS", "text": "zero\u2028length é"},
        {"caption": 3, "start": 36007, "end": 36007, "rule": "min_duration", "value": 0, "limit": 0.833, "unit": "s", "text": "zero\u2028length é"}
      ]
    },
    {
      "file": "clean.vtt",
      "format": "vtt",
      "captions": 1,
      "duration_seconds": 2,
      "cps": {"mean": 1, "p50": 1, "p90": 1, "max": 1},
      "frame_rate": null,
      "frame_rate_source": null,
      "malformed": 0,
      "violations": []
    },
    {
      "file": "empty.vtt",
      "format": "vtt",
      "captions": 0,
      "duration_seconds": 0,
      "cps": {"mean": 0, "p50": 0, "p90": 0, "max": 0},
      "frame_rate": null,
      "frame_rate_source": null,
      "malformed": 1,
      "violations": [
        {"caption": null, "start": null, "end": null, "rule": "malformed", "value": null, "limit": null, "unit": "", "text": null, "line": 3, "after": 0, "message": "two-digit milliseconds"}
      ]
    }
  ]
}
`

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if b.String() != wantJSON {
		t.Errorf("WriteJSON:\n%s\nwant:\n%s", b.String(), wantJSON)
	}
	// The shape, checked through encoding/json: exactly these keys.
	var doc map[string][]map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc["files"] {
		if got := keys(f); got != "captions cps duration_seconds file format frame_rate frame_rate_source malformed violations" {
			t.Errorf("file keys = %s", got)
		}
		if got := keys(f["cps"].(map[string]any)); got != "max mean p50 p90" {
			t.Errorf("cps keys = %s", got)
		}
		vs, ok := f["violations"].([]any)
		if !ok {
			t.Errorf("violations is %T, want an array", f["violations"])
		}
		for _, v := range vs {
			want := "caption end limit rule start text unit value"
			if v.(map[string]any)["rule"] == rules.RuleMalformed {
				want = "after caption end limit line message rule start text unit value"
			}
			if got := keys(v.(map[string]any)); got != want {
				t.Errorf("violation keys = %s, want %s", got, want)
			}
		}
	}
	// No files is an empty array, not null.
	b.Reset()
	if err := WriteJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(b.String()), ""); got != `{"files":[]}` {
		t.Errorf("WriteJSON(nil) = %s", b.String())
	}
}

func keys(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, " ")
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"file", "caption", "start", "end", "rule", "value", "limit", "text", "unit", "line", "message", "frame_rate"},
		{"news/sot 1.srt", "1", "36001.5", "36003", "cps", "21.5", "17", "Hello, \"world\"\n<b>tab\there</b>", "CPS", "", "", "25"},
		{"news/sot 1.srt", "", "", "", "malformed", "", "", "", "", "9", "bad \"arrow\"", "25"},
		{"news/sot 1.srt", "3", "36007", "36007", "cps", "+Inf", "17", "zero\u2028length é", "CPS", "", "", "25"},
		{"news/sot 1.srt", "3", "36007", "36007", "min_duration", "0", "0.833", "zero\u2028length é", "s", "", "", "25"},
		{"empty.vtt", "", "", "", "malformed", "", "", "", "", "3", "two-digit milliseconds", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"news/sot 1.srt (srt, profile broadcast-en, max 17 CPS)\n",
		"frame rate: 25 fps (from --fps)\n",
		"frame rate: unknown\n",
		"CAPTION  START         END           RULE          VALUE     LIMIT    TEXT\n",
		"1        10:00:01.500  10:00:03.000  cps           21.5 CPS  17 CPS   Hello, \"world\" / <b>tab here</b>\n",
		"-        -             -             malformed     -         -        line 9 (after caption 2): bad \"arrow\"\n",
		"3        10:00:07.000  10:00:07.000  min_duration  0 s       0.833 s  zero length é\n",
		"warning: news/sot 1.srt: line 7: malformed timing line skipped\n",
		"news/sot 1.srt: 3 captions (5.5s); 4 violations (malformed 1, cps 2, min_duration 1); 1 caption could not be read; 1 warning; CPS mean 11.75, p90 21.5, max 21.5 (1 caption without a duration left out)\n",
		"clean.vtt: 1 caption (2s); no violations; CPS mean 1, p90 1, max 1\n",
		"empty.vtt: 0 captions (0s); 1 violation (malformed 1); 1 caption could not be read; CPS mean 0, p90 0, max 0\n",
		"-        -      -    malformed  -      -      line 3 (before the first caption): two-digit milliseconds\n",
		"3 files, 4 captions, 5 violations\n",
		CPSFormula + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q; got:\n%s", want, out)
		}
	}
}

func TestFormatClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                    "00:00:00.000",
		10*time.Hour + 1500*time.Millisecond: "10:00:01.500",
		1001 * time.Millisecond / 30:         "00:00:00.033",
		-1500 * time.Millisecond:             "-00:00:01.500",
		123*time.Hour + 59*time.Minute:       "123:59:00.000",
		time.Second - 400*time.Microsecond:   "00:00:01.000",
		-300 * time.Microsecond:              "00:00:00.000",
	} {
		if got := formatClock(d); got != want {
			t.Errorf("formatClock(%v) = %q, want %q", d, got, want)
		}
	}
}

// failWriter fails after n bytes, to check that write errors come back.
type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	big := []FileResult{synthetic(2000, 9)}
	for name, write := range map[string]func(*failWriter) error{
		"json": func(w *failWriter) error { return WriteJSON(w, big) },
		"csv":  func(w *failWriter) error { return WriteCSV(w, big) },
		"text": func(w *failWriter) error { return WriteText(w, big) },
		"html": func(w *failWriter) error { return WriteHTML(w, big) },
	} {
		if err := write(&failWriter{n: 1000}); !errors.Is(err, errFull) {
			t.Errorf("%s: error %v, want %v", name, err, errFull)
		}
	}
}

func TestWrite(t *testing.T) {
	for _, f := range append(ReportFormats(), "") {
		var got, want bytes.Buffer
		if err := Write(&got, f, sample()); err != nil {
			t.Fatalf("Write(%q): %v", f, err)
		}
		direct := map[string]func(io.Writer, []FileResult) error{"": WriteText, "text": WriteText, "json": WriteJSON, "csv": WriteCSV, "html": WriteHTML}[f]
		if err := direct(&want, sample()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("Write(%q) differs from its writer", f)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "xml", sample()); err == nil || b.Len() > 0 {
		t.Errorf("Write(xml) = %v, wrote %d bytes", err, b.Len())
	}
}
