package format

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDetectSniffsContent(t *testing.T) {
	gsi := "850STL25.01\x31" + strings.Repeat(" ", DetectSize-12)
	for in, want := range map[string]string{
		"WEBVTT\n":     "vtt",
		"\ufeffWEBVTT": "vtt",
		gsi:            "stl",
		"\ufeff1\r\n00:00:01,000 --> 00:00:02,000": "srt",
		"\n\n12\n00:00:01,000 --> 00:00:02,000":    "srt",
	} {
		got, ok := Detect([]byte(in), "")
		assert.True(t, ok, "%q", in)
		assert.Equal(t, want, got.Name, "%q", in)
	}
	_, ok := Detect([]byte("<tt xmlns"), "")
	assert.False(t, ok)
}
