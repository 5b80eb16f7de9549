package pipeline

import (
	"context"
	"sync"
)

// Outcome is what happened to one job of a batch.
type Outcome struct {
	Job Job
	// Files are the paths written.
	Files []string
	// Captions and Violations count what the package produced.
	Captions, Violations int
	// Err is nil when the job succeeded.
	Err error
}

// RunJobs runs do on every job with the given number of concurrent
// workers (at least 1) and returns the outcomes in job order. A failing
// job does not stop the others. After each job finishes, progress (if not
// nil) is called from one goroutine at a time with the number done so far.
// When ctx is cancelled, jobs not yet started get ctx's error.
func RunJobs(ctx context.Context, jobs []Job, workers int, do func(Job) Outcome, progress func(done int, o Outcome)) []Outcome {
	if workers < 1 {
		workers = 1
	}
	out := make([]Outcome, len(jobs))
	next := make(chan int)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var o Outcome
				if err := ctx.Err(); err != nil {
					o = Outcome{Job: jobs[i], Err: err}
				} else {
					o = do(jobs[i])
					o.Job = jobs[i]
				}
				out[i] = o
				mu.Lock()
				done++
				if progress != nil {
					progress(done, o)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
