package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

// callTimeout bounds one attempt of a retried call.
const callTimeout = 10 * time.Second

// setupBackoff spaces out the attempts to set up streams, consumers and
// buckets on a server that does not answer yet.
var setupBackoff = pipeline.Backoff{Initial: 500 * time.Millisecond, Max: 30 * time.Second}

// retry calls f until it succeeds or ctx ends, waiting longer after each
// failure, so that newsflow may start before its server. Each failure is
// logged, as it is acted on here.
func retry(ctx context.Context, log *slog.Logger, what string, f func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		callCtx, cancel := context.WithTimeout(ctx, callTimeout)
		err := f(callCtx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", what, errors.Join(ctx.Err(), err))
		}
		log.Warn(what+" failed; retrying", "attempt", attempt, "in", setupBackoff.Delay(attempt), "err", err)
		if !setupBackoff.Wait(ctx, attempt) {
			return fmt.Errorf("%s: %w", what, errors.Join(ctx.Err(), err))
		}
	}
}
