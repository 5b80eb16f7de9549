package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sotcap/sotcap/internal/app"
	"github.com/stretchr/testify/assert"
)

// runArgs runs sotcap in-process and returns its exit status and output.
func runArgs(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExit2(t *testing.T) {
	code, _, stderr := runArgs(t, "", "--no-such-flag")
	assert.Equal(t, app.ExitBadInput, code)
	assert.Contains(t, stderr, "no-such-flag")
	code, _, _ = runArgs(t, "", "no-such-command")
	assert.Equal(t, app.ExitBadInput, code)
}

func TestVersion(t *testing.T) {
	code, out, _ := runArgs(t, "", "version")
	assert.Equal(t, app.ExitOK, code)
	assert.Contains(t, out, "sotcap")
}
