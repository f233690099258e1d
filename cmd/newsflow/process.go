package main

import (
	"bufio"
	"context"
	"fmt"
	"time"

	"github.com/newsflow/newsflow/pipeline"
)

const processExamples = `  newsflow process article.json                  # one event as a JSON line
  newsflow process articles.jsonl > events.jsonl
  newsflow process ./pages/                       # every .json, .jsonl, .txt, .html below
  echo '{"body":"Putin met Witkoff on Friday."}' | newsflow process -
`

func cmdProcess(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "process", "[flags] FILE...|DIR|-", processExamples)
	var cf configFlags
	cf.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := cf.load(fs, e.environ)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.Log)
	// One process, no replicas: the dedup state lives in memory.
	handler, err := cfg.NewHandler(newRegistry(), log, build().Version)
	if err != nil {
		return err
	}

	w := bufio.NewWriterSize(e.stdout, 64<<10)
	var total, failed int
	err = readArticles(fs.Args(), e.stdin, func(r record) error {
		total++
		d, err := handler.Process(ctx, r.data, time.Now())
		if err == nil {
			var out pipeline.Output
			if out, err = handler.Output(d, nil); err == nil {
				w.Write(out.Data)
				w.WriteByte('\n')
			}
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "%s: %s\n", r.where, describe(err))
		}
		return ctx.Err()
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, total)
	}
	return nil
}

// describe is an article error as a user reads it: the reason first.
func describe(err error) string {
	if r := pipeline.ReasonOf(err); r != "" {
		return r + ": " + err.Error()
	}
	return "transient: " + err.Error()
}
