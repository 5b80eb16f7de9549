// Package app holds sotcap's use cases, one per command: each an options
// struct and a Run function that takes its standard streams as an IO, so
// that every command runs from tests without a terminal. Package main
// only parses flags into the options.
package app
