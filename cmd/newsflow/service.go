package main

import "context"

// startService registers newsflow's NATS service when the configuration
// enables it: `nats req newsflow.process "$(cat article.json)"` answers
// with the article's event, published nowhere.
func (p *processor) startService() error {
	if !p.cfg.Service.Enabled {
		return nil
	}
	svc, err := p.proc.StartService(p.cfg.Service)
	if err != nil {
		return err
	}
	p.svc = svc
	return nil
}

// stopService unregisters the service and waits for the requests in
// progress, within ctx.
func (p *processor) stopService(ctx context.Context) {
	if p.svc == nil {
		return
	}
	if err := p.svc.Stop(ctx); err != nil {
		p.log.Warn("service stop", "err", err)
	}
}
