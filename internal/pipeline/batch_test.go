package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunJobsKeepsGoingAndOrder(t *testing.T) {
	var jobs []Job
	for i := 0; i < 50; i++ {
		jobs = append(jobs, Job{Name: fmt.Sprint(i)})
	}
	bad := errors.New("bad package")
	var seen []int
	out := RunJobs(context.Background(), jobs, 4, func(j Job) Outcome {
		if j.Name == "7" || j.Name == "31" {
			return Outcome{Err: bad}
		}
		return Outcome{Captions: len(j.Name)}
	}, func(done int, _ Outcome) { seen = append(seen, done) })
	assert.Len(t, out, 50)
	failed := 0
	for i, o := range out {
		assert.Equal(t, fmt.Sprint(i), o.Job.Name, "outcomes are in job order")
		if o.Err != nil {
			failed++
		}
	}
	assert.Equal(t, 2, failed)
	for i, d := range seen {
		assert.Equal(t, i+1, d, "progress counts up one at a time")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out = RunJobs(ctx, jobs[:3], 0, func(Job) Outcome { return Outcome{} }, nil)
	for _, o := range out {
		assert.ErrorIs(t, o.Err, context.Canceled)
	}
}
