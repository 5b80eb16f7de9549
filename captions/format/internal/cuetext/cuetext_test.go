package cuetext

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sotcap/sotcap/captions"
)

func TestMillisRoundsToNearest(t *testing.T) {
	for d, want := range map[time.Duration]int64{
		0: 0, 499999: 0, 500000: 1, 1499999: 1, 1500000: 2,
		-499999: 0, -500000: -1, 33366667: 33, 66733333: 67,
	} {
		assert.Equal(t, want, Millis(d), "%d ns", d)
	}
}

func TestAppendTime(t *testing.T) {
	assert.Equal(t, "00:00:00,000", string(AppendTime(nil, 0, ',')))
	assert.Equal(t, "01:02:03.004", string(AppendTime(nil, 3723004, '.')))
	assert.Equal(t, "23:59:59.999", string(AppendTime(nil, 24*3600000-1, '.')))
	assert.Equal(t, "123:00:00.000", string(AppendTime(nil, 123*3600000, '.')))
}

func TestParseTime(t *testing.T) {
	srt := TimeSyntax{Seps: ",.", LooseFraction: true}
	vtt := TimeSyntax{Seps: ".", OptionalHours: true}
	ok := []struct {
		s     string
		syn   TimeSyntax
		want  time.Duration
		n     int
		loose bool
	}{
		{"00:01:02,500 -->", srt, 62500 * time.Millisecond, 12, false},
		{"1:01:02.5", srt, time.Hour + 62500*time.Millisecond, 9, true},
		{"100:00:00,000", srt, 100 * time.Hour, 13, false},
		{"01:02.003", vtt, 62003 * time.Millisecond, 9, false},
		{"00:01:02.003 x", vtt, 62003 * time.Millisecond, 12, false},
	}
	for _, tc := range ok {
		d, n, loose, err := ParseTime([]byte(tc.s), tc.syn)
		require.NoError(t, err, tc.s)
		assert.Equal(t, tc.want, d, tc.s)
		assert.Equal(t, tc.n, n, tc.s)
		assert.Equal(t, tc.loose, loose, tc.s)
	}
	for _, s := range []string{"", "00:01", "00:01:02", "00:1:02,000", "00:01:02,", "01:02,000", "00:01:02;000", "00:60:00,000", "00:00:60,000", "00:01:02,0000000000"} {
		_, _, _, err := ParseTime([]byte(s), srt)
		assert.Error(t, err, s)
	}
	for _, s := range []string{"1:02.003", "01:02.03", "01:02,003", "00:01:02.0031"} {
		_, _, _, err := ParseTime([]byte(s), vtt)
		assert.Error(t, err, s)
	}
}

type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) { return o.r.Read(p[:1]) }

func lines(t *testing.T, r io.Reader) []string {
	t.Helper()
	lr := NewLineReader(r)
	var out []string
	for {
		l, err := lr.Next()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, string(l))
	}
}

func TestLineReader(t *testing.T) {
	in := "a\r\nb\rc\n\r\nd\r"
	want := []string{"a", "b", "c", "", "d"}
	assert.Equal(t, want, lines(t, strings.NewReader(in)))
	assert.Equal(t, want, lines(t, oneByte{strings.NewReader(in)}), "a CR and its LF in different reads are one ending")
	long := strings.Repeat("x", 200000)
	assert.Equal(t, []string{long, "y"}, lines(t, strings.NewReader(long+"\r\ny")), "lines longer than the buffer")
	lr := NewLineReader(strings.NewReader(strings.Repeat("x", MaxLine+10)))
	_, err := lr.Next()
	assert.True(t, errors.Is(err, ErrLineTooLong))
	assert.Equal(t, []string{"é", "“x”"}, lines(t, strings.NewReader("\xef\xbb\xbfé\n\x93x\x94")))
	assert.Empty(t, lines(t, strings.NewReader("")))
	assert.Empty(t, lines(t, strings.NewReader("\ufeff")))
}

func TestCheckNamesTheCaption(t *testing.T) {
	_, err := Check(captions.Caption{Start: time.Second, End: 2 * time.Second, Lines: []captions.Line{{Text: "\u2003"}}}, 0, -1, 7, nil)
	var ce *captions.CaptionError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 7, ce.Caption)
	assert.EqualError(t, err, "caption 7: line 1 is blank (a blank line ends a cue)")
	ck, err := Check(captions.Caption{Start: 10*time.Hour + 1500*time.Microsecond, End: 10*time.Hour + time.Second, Lines: []captions.Line{{Text: "x"}}}, 10*time.Hour, -1, 1, nil)
	require.NoError(t, err)
	assert.Equal(t, Checked{Start: 2, End: 1000}, ck)
}

func TestWarningsAreBounded(t *testing.T) {
	var w Warnings
	for i := 0; i < 250; i++ {
		w.Add(i, "w %d", i)
	}
	assert.Equal(t, 250, w.Count())
	assert.Len(t, w.List(), MaxWarnings)
	assert.Equal(t, "line 3: w 3", w.List()[3].String())
}
