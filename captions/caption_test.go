package captions

import (
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
