package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordTooLongErrorIsShort(t *testing.T) {
	e := &WordTooLongError{Word: strings.Repeat("x", 70000), Chars: 70000, Limit: 37}
	assert.Less(t, len(e.Error()), 200, "a huge token is named, not echoed")
	assert.Contains(t, (&WordTooLongError{Word: "Supercalifragilistic", Chars: 20, Limit: 13}).Error(), `"Supercalifragilistic"`)
}
