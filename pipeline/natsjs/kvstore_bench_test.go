package natsjs_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pipeline/natsjs"
)

// BenchmarkKVWatchDelay measures how long a record put by one replica
// takes to reach another replica's watch, over TCP to one file-storage
// server: the window in which two near copies on two replicas both count
// as originals. It reports the median and 99th percentile.
func BenchmarkKVWatchDelay(b *testing.B) {
	_, cfg := serveIn(b, b.TempDir())
	_, jsA := dial(b, cfg)
	_, jsB := dial(b, cfg)
	kvCfg := natsjs.DefaultKVStoreConfig()
	a, peer := openKV(b, jsA, kvCfg), openKV(b, jsB, kvCfg)

	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	arrived := make(chan string, 1)
	synced := make(chan struct{})
	go peer.Watch(ctx, "a.", func(key string, _ []byte) { arrived <- key }, func() { close(synced) })
	<-synced

	value := make([]byte, 450) // a record's size
	var delays []time.Duration
	i := 0
	for b.Loop() {
		key := fmt.Sprintf("a.%016x", i)
		start := time.Now()
		if err := a.Put(ctx, key, value); err != nil {
			b.Fatal(err)
		}
		for got := <-arrived; got != key; got = <-arrived {
		}
		delays = append(delays, time.Since(start))
		i++
	}
	slices.Sort(delays)
	b.ReportMetric(float64(delays[len(delays)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(delays[len(delays)*99/100].Microseconds()), "p99-µs")
}
