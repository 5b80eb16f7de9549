package app

// warningJSON is how every command's --json output writes a warning.
type warningJSON struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}
