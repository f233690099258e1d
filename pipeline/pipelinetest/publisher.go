package pipelinetest

import (
	"context"
	"sync"

	"github.com/newsflow/newsflow/pipeline"
)

// Publisher is an in-memory pipeline.Publisher that keeps the first output
// of each ID and drops later ones, as a stream's duplicate window does.
type Publisher struct {
	// Fail, when set, is called for each output before it is accepted; an
	// error it returns fails the Publish call.
	Fail func(pipeline.Output) error

	mu   sync.Mutex
	outs []pipeline.Output
	seen map[string]bool
	dups int
}

var _ pipeline.Publisher = (*Publisher)(nil)

// Publish implements pipeline.Publisher. An output Fail refuses is
// unconfirmed, with every output after it.
func (p *Publisher) Publish(ctx context.Context, outs []pipeline.Output) ([]pipeline.Output, error) {
	if err := ctx.Err(); err != nil {
		return outs, err
	}
	for i, o := range outs {
		if p.Fail != nil {
			if err := p.Fail(o); err != nil {
				return outs[i:], err
			}
		}
		p.mu.Lock()
		if p.seen == nil {
			p.seen = make(map[string]bool)
		}
		if p.seen[o.ID] {
			p.dups++
		} else {
			p.seen[o.ID] = true
			p.outs = append(p.outs, o)
		}
		p.mu.Unlock()
	}
	return nil, nil
}

// Outputs returns the accepted outputs in publication order.
func (p *Publisher) Outputs() []pipeline.Output {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]pipeline.Output(nil), p.outs...)
}

// Duplicates returns how many outputs were dropped as duplicates.
func (p *Publisher) Duplicates() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dups
}
