package vtt

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
)

// wptTest is one test of the W3C web-platform-tests WebVTT file-parsing
// suite (testdata/wpt, see SOURCES.md): the file and what browsers must
// read from it.
type wptTest struct {
	name  string
	input []byte
	count int // -1 when the test says nothing about cues
	cues  map[int]map[string]string
}

// loadWPT reads a .test file: a name line, HTML lines, a blank line,
// JavaScript assertions, "===" and the WebVTT file with Python string
// escapes (as the suite's tools/build.py writes it out).
func loadWPT(t *testing.T, path string) wptTest {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	head, body, ok := strings.Cut(string(b), "\n\n")
	require.True(t, ok, path)
	js, src, ok := strings.Cut(body, "===\n")
	require.True(t, ok, path)
	wt := wptTest{name: strings.SplitN(head, "\n", 2)[0], input: unescapePy(t, src), count: -1, cues: map[int]map[string]string{}}
	lengthRE := regexp.MustCompile(`assert_equals\(cues\.length, (\d+)`)
	varRE := regexp.MustCompile(`var cue = cues\[(\d+)\];`)
	fieldRE := regexp.MustCompile(`assert_equals\((?:cues\[(\d+)\]|(cue))\.(\w+), (.*)\);`)
	current := -1
	for _, line := range strings.Split(js, "\n") {
		if m := lengthRE.FindStringSubmatch(line); m != nil {
			wt.count, _ = strconv.Atoi(m[1])
		}
		if m := varRE.FindStringSubmatch(line); m != nil {
			current, _ = strconv.Atoi(m[1])
		}
		if m := fieldRE.FindStringSubmatch(line); m != nil {
			i := current
			if m[1] != "" {
				i, _ = strconv.Atoi(m[1])
			}
			if i < 0 {
				continue // a loop over all cues: see wptForEach
			}
			if wt.cues[i] == nil {
				wt.cues[i] = map[string]string{}
			}
			wt.cues[i][m[3]] = jsValue(t, m[4])
		}
	}
	return wt
}

// jsValue decodes a JavaScript string or number literal.
func jsValue(t *testing.T, s string) string {
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		return s
	}
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == q:
			return b.String()
		case s[i] == '\\' && i+5 < len(s) && s[i+1] == 'u':
			n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			require.NoError(t, err, s)
			b.WriteRune(rune(n))
			i += 5
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(s[i])
		}
	}
	t.Fatalf("unterminated string %s", s)
	return ""
}

// unescapePy decodes the escapes the suite's WebVTT sources use, as
// Python's unicode_escape does: a backslash before a line break joins the
// lines; \n \r \t \f \v \\ \xHH \uHHHH. \0 is a NUL on its own: the suite
// means it so (nulls.test expects "\uFFFD3" from "\03", where Python
// would read an octal escape).
func unescapePy(t testing.TB, s string) []byte {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case '\n':
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\\':
			b.WriteByte('\\')
		case 'x', 'u':
			n := 2
			if c == 'u' {
				n = 4
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			require.NoError(t, err)
			b.WriteRune(rune(v))
			i += n
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.Bytes()
}

// wptForEach holds the expectations the suite states in loops rather
// than one assertion a cue, transcribed from the .test files.
var wptForEach = map[string][]map[string]string{
	"timings-negative.test": {
		{"text": "text1", "startTime": "0", "endTime": "0"},
		{"text": "text2", "startTime": "1", "endTime": "0.999"},
		{"text": "text3", "startTime": "60", "endTime": "59.999"},
		{"text": "text4", "startTime": "3600", "endTime": "3599.999"},
	},
	"timings-omitted-hours.test": {
		{"text": "text1", "startTime": "0", "endTime": "1"},
		{"text": "text2", "startTime": "0", "endTime": "1"},
		{"text": "text3", "startTime": "0", "endTime": "1"},
	},
}

func seconds(t *testing.T, s string) time.Duration {
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return time.Duration(math.Round(f*1000)) * time.Millisecond
}

// TestWPTFileParsing reads every file of the W3C file-parsing suite we
// keep and checks what browsers must read: the number of cues and each
// cue's identifier, text, times and alignment.
func TestWPTFileParsing(t *testing.T) {
	files, err := filepath.Glob("testdata/wpt/*.test")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		wt := loadWPT(t, f)
		base := filepath.Base(f)
		for i, exp := range wptForEach[base] {
			wt.cues[i] = exp
		}
		t.Run(base, func(t *testing.T) {
			caps, err := NewReader(bytes.NewReader(wt.input)).ReadAll()
			require.NoError(t, err)
			if wt.count >= 0 {
				require.Len(t, caps, wt.count, "cue count")
			}
			for i, exp := range wt.cues {
				require.Less(t, i, len(caps))
				c := caps[i]
				for field, want := range exp {
					switch field {
					case "id":
						assert.Equal(t, want, c.ID, "cue %d id", i)
					case "text":
						assert.Equal(t, want, c.Text(), "cue %d text", i)
					case "startTime":
						assert.Equal(t, seconds(t, want), c.Start, "cue %d start", i)
					case "endTime":
						assert.Equal(t, seconds(t, want), c.End, "cue %d end", i)
					case "align":
						got := map[captions.Align]string{captions.AlignDefault: "center", captions.AlignCenter: "center", captions.AlignLeft: "start", captions.AlignRight: "end"}[c.Align]
						if want == "left" || want == "right" {
							want = map[string]string{"left": "start", "right": "end"}[want]
						}
						assert.Equal(t, want, got, "cue %d align", i)
					}
				}
			}
		})
	}
}
