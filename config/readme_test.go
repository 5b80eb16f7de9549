package config

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEListsEveryKey keeps the README's configuration and profile
// tables in step with the code.
func TestREADMEListsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	readme := string(b)
	for _, k := range Keys() {
		assert.Contains(t, readme, "| `"+k.Name+"` | `"+k.Env()+"` |", "README row for %s", k.Name)
		if k.Flag != "" {
			assert.Contains(t, readme, "`--"+k.Flag+"`", k.Name)
		}
	}
	for _, p := range Profiles() {
		assert.Contains(t, readme, "| `"+p+"` |", "README row for profile %s", p)
	}
	assert.True(t, strings.Contains(readme, "go run ./cmd/sotcap") && strings.Contains(readme, "go test ./..."))
}
