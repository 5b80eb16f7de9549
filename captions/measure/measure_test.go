package measure

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChars(t *testing.T) {
	assert.Equal(t, 11.0, Chars("Hello, you!", "en"))
	assert.Equal(t, 4.0, Chars("café", "en"), "precomposed")
	assert.Equal(t, 4.0, Chars("cafe\u0301", "en"), "combining accent is one cluster")
	assert.Equal(t, 1.0, Chars("👍🏽", "en"), "emoji with modifier is one cluster")
	assert.Equal(t, 3.0, Chars("a\u2068b\u2069c", "en"), "bidi isolates are invisible")
	assert.Equal(t, 2.0, Chars("a\nb", "en"), "line breaks are not counted")
	assert.Equal(t, 3.0, Chars("هَلْ؟", "ar"), "letters with their harakat, and the question mark")
	assert.Equal(t, 3.0, Chars("日本語", "ja"))
	assert.Equal(t, 3.0, Chars("日本 a", "ja"), "half-width space and letter count 0.5")
	assert.Equal(t, 1.0, Chars("ｱｲ", "ja"), "half-width katakana")
	assert.Equal(t, 4.0, Chars("한국어 a", "ko"))
}
