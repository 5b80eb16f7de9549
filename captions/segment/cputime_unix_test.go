//go:build unix

package segment

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time, so that a
// benchmark can report throughput per CPU second as well as per wall
// second (the wall figure drops when other work shares the cores).
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
