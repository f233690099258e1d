package natsjs_test

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/natsjs"
	"github.com/newsflow/newsflow/stages/dedup"
)

// BenchmarkDedupStorePath measures what the dedup stage's shared store
// costs an article: the stage on a KV bucket of a server in this process
// (its claim, the server storing the record, the watch bringing it back
// and its decoding) against the same stage on a MemStore. Each article is
// a new text of 400 words. cpu-µs/op is the process's CPU time per
// article, all threads, the server's included; the difference between the
// two is the store path's.
func BenchmarkDedupStorePath(b *testing.B) {
	for _, name := range []string{"memory", "kv"} {
		b.Run(name, func(b *testing.B) {
			var store dedup.Store = dedup.NewMemStore(72 * time.Hour)
			if name == "kv" {
				_, cfg := serveIn(b, b.TempDir())
				_, js := dial(b, cfg)
				store = openKV(b, js, natsjs.DefaultKVStoreConfig())
			}
			s, err := dedup.New(dedup.DefaultConfig(), store, prometheus.NewRegistry(), nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := s.Start(b.Context()); err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Stop(b.Context()) })
			<-s.Ready()
			words := vocabulary(5000)
			r := rand.New(rand.NewPCG(1, 2))
			before := cpuTime()
			i := 0
			for b.Loop() {
				d := pipeline.Doc{ID: "a-" + strconv.Itoa(i), Text: randomText(r, words, 400)}
				if err := s.Process(b.Context(), &d); err != nil {
					b.Fatal(err)
				}
				if d.Dedup.Kind != "original" {
					b.Fatalf("article %d: %s; want an original", i, d.Dedup.Kind)
				}
				i++
			}
			b.ReportMetric(float64((cpuTime()-before).Microseconds())/float64(i), "cpu-µs/op")
		})
	}
}

// vocabulary returns n made-up words.
func vocabulary(n int) []string {
	r := rand.New(rand.NewPCG(3, 4))
	words := make([]string, n)
	for k := range words {
		b := make([]byte, 3+r.IntN(8))
		for j := range b {
			b[j] = byte('a' + r.IntN(26))
		}
		words[k] = string(b)
	}
	return words
}

// randomText returns n words of words drawn by r, in sentences.
func randomText(r *rand.Rand, words []string, n int) string {
	var sb strings.Builder
	for k := range n {
		sb.WriteString(words[r.IntN(len(words))])
		if k%15 == 14 {
			sb.WriteString(". ")
		} else {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

// cpuTime returns the CPU time the process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
