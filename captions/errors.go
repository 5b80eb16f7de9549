package captions

import "strconv"

// CaptionError is a caption that a writer refused, with its position in the
// input (counted from 1). It works with errors.As; Unwrap gives the cause.
type CaptionError struct {
	// Caption is the caption's index counted from 1.
	Caption int
	// Err says what is wrong with it.
	Err error
}

// Error formats e as "caption 3: message".
func (e *CaptionError) Error() string {
	return "caption " + strconv.Itoa(e.Caption) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *CaptionError) Unwrap() error { return e.Err }
