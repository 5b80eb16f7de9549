package vtt

import "bytes"

// Detect reports whether text, the start of a file as UTF-8 without a
// byte order mark, is WebVTT: "WEBVTT" followed by the end of the input, a
// space, a tab or a line break.
func Detect(text []byte) bool {
	rest, ok := bytes.CutPrefix(text, []byte("WEBVTT"))
	if !ok {
		return false
	}
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
}
