package captions

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestCaptionText(t *testing.T) {
	c := Caption{Start: time.Second, End: 3 * time.Second, Lines: []Line{{Text: "-Are you coming?"}, {Text: "-Yes."}}}
	assert.Equal(t, "-Are you coming?\n-Yes.", c.Text())
	assert.Equal(t, 2*time.Second, c.Duration())
	assert.Equal(t, "", Caption{}.Text())
	assert.Equal(t, "yellow", ColorYellow.String())
	assert.Equal(t, "", ColorDefault.String())
}

func TestParseErrorFormats(t *testing.T) {
	err := errors.New("expected a timing line")
	assert.Equal(t, "a.srt:3:7: expected a timing line", (&ParseError{File: "a.srt", Line: 3, Column: 7, Err: err}).Error())
	assert.Equal(t, "line 3: expected a timing line", (&ParseError{Line: 3, Err: err}).Error())
	assert.Equal(t, "expected a timing line", (&ParseError{Err: err}).Error())
	bin := &ParseError{File: "x.stl", Line: 4, Column: 1409, Binary: true, Err: errors.New("TTI block 4 (byte 1408): file ends inside a block")}
	assert.Equal(t, "x.stl: TTI block 4 (byte 1408): file ends inside a block", bin.Error(), "a binary file's blocks are not lines")
	var pe *ParseError
	assert.True(t, errors.As(fmt.Errorf("wrapped: %w", bin), &pe))
	assert.ErrorIs(t, bin, bin.Err)
}
