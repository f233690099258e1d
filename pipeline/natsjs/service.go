package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/newsflow/newsflow/pipeline"
)

// The service's names, as `nats micro ls` shows them.
const (
	ServiceName     = "newsflow"
	ProcessEndpoint = "process"
	// HeaderReason carries an error reply's reason: the one its article
	// would have been dead-lettered with (the last token of
	// dlq.articles.<reason>), or "transient".
	HeaderReason = "Newsflow-Reason"
)

// Outcomes of newsflow_service_requests_total.
const (
	outcomeOK          = "ok"
	outcomeRejected    = "rejected"
	outcomeFailed      = "failed"
	outcomeUnavailable = "unavailable"
)

// Service is newsflow's NATS service (nats.go micro), "newsflow", whose
// endpoint "process" answers a request of one article with its article
// event, run through the processor's stages. The stages' shared state is
// only read (see pipeline.ReadOnlyStage): nothing is published to the
// streams and the article is not remembered as seen. A bad article gets
// an error reply (code 400) that names the reason it would have been
// dead-lettered with; a transient failure gets 500, and a request before
// the stages are ready or after Stop gets 503.
type Service struct {
	instances []micro.Service
	handler   *pipeline.ArticleHandler
	ready     <-chan struct{}
	readyBy   time.Time
	metrics   *serviceMetrics
	log       *slog.Logger
	// ctx is the requests', until Stop.
	ctx    context.Context
	cancel context.CancelFunc

	mu       sync.Mutex
	active   int
	stopping bool
	idle     chan struct{} // closed when stopping and no request is active
}

// StartService registers the service of cfg on the processor's
// connection: cfg.Workers instances, each answering one request at a
// time, sharing a queue group so that requests spread over every replica's
// instances. It answers once the processor's stages are ready (or the
// runner's ready timeout has passed, as the runner proceeds then too). Its
// metrics go on the processor's registry, and the stages' own metrics
// count its requests too.
func (p *Processor) StartService(cfg ServiceConfig) (*Service, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("start service: %w", err)
	}
	handler, err := pipeline.NewArticleHandler(p.cfg.Handler(p.opts.Version), pipeline.ReadOnlyStages(p.stages), p.metrics, p.opts.Logger)
	if err != nil {
		return nil, fmt.Errorf("start service: %w", err)
	}
	m, err := newServiceMetrics(p.opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("start service: %w", err)
	}
	s := &Service{handler: handler, ready: p.handler.Ready(), metrics: m, log: p.opts.Logger,
		readyBy: time.Now().Add(time.Duration(p.cfg.Runner.ReadyTimeout))}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	mcfg := micro.Config{
		Name:        ServiceName,
		Version:     semver(p.opts.Version),
		Description: "newsflow: one article in, its article event out (entities, dates, quotes, coded events, dedup), nothing published",
		Metadata:    map[string]string{"newsflow_version": p.opts.Version},
		ErrorHandler: func(_ micro.Service, err *micro.NATSError) {
			s.log.Warn("service error; requests may have been dropped", "subject", err.Subject, "err", err.Description)
		},
	}
	for range cfg.Workers {
		svc, err := micro.AddService(p.conn.NATS(), mcfg)
		if err == nil {
			s.instances = append(s.instances, svc)
			err = svc.AddGroup(cfg.SubjectPrefix).AddEndpoint(ProcessEndpoint, micro.HandlerFunc(s.handle),
				micro.WithEndpointMetadata(map[string]string{
					"request":   "an article (JSON): body required; id, title, url, source, published_at, language, metadata optional",
					"response":  "newsflow.article.v1 (JSON), or an error with Newsflow-Reason",
					"max_bytes": strconv.Itoa(p.cfg.Limits.MaxBytes),
				}),
				micro.WithEndpointPendingLimits(cfg.MaxPending, nats.DefaultSubPendingBytesLimit))
		}
		if err != nil {
			s.Stop(context.Background())
			return nil, fmt.Errorf("start service: %w", err)
		}
	}
	// The endpoints' subscriptions reach the server before the service
	// is returned: a request sent right after, on another connection,
	// would otherwise find no responders.
	if err := p.conn.NATS().Flush(); err != nil {
		s.Stop(context.Background())
		return nil, fmt.Errorf("start service: flush: %w", err)
	}
	return s, nil
}

// Subject is the endpoint's subject.
func (s *Service) Subject() string {
	return s.instances[0].Info().Endpoints[0].Subject
}

// Stop unregisters the service, answers the requests still queued with
// 503, and waits for those in progress, or for ctx.
func (s *Service) Stop(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	s.idle = make(chan struct{})
	if s.active == 0 {
		close(s.idle)
	}
	s.mu.Unlock()
	var errs []error
	for _, svc := range s.instances {
		errs = append(errs, svc.Stop())
	}
	defer s.cancel()
	select {
	case <-s.idle:
	case <-ctx.Done():
		errs = append(errs, fmt.Errorf("stop service: %w", ctx.Err()))
	}
	return errors.Join(errs...)
}

// handle answers one request; micro calls it from one goroutine per
// instance. The request is counted before its reply is sent, so that a
// requester who reads the metrics once answered finds it there.
func (s *Service) handle(req micro.Request) {
	start := time.Now()
	s.mu.Lock()
	stopping := s.stopping
	if !stopping {
		s.active++
	}
	s.mu.Unlock()
	var r reply
	if stopping {
		r = unavailable("stopping")
	} else {
		s.metrics.inFlight.Inc()
		r = s.answer(req.Data())
		s.metrics.inFlight.Dec()
	}
	s.metrics.requests.WithLabelValues(r.outcome).Inc()
	s.metrics.duration.Observe(time.Since(start).Seconds())
	if err := r.send(req); err != nil {
		s.log.Debug("service reply not sent", "err", err)
	}
	if !stopping {
		s.mu.Lock()
		if s.active--; s.active == 0 && s.stopping {
			close(s.idle)
		}
		s.mu.Unlock()
	}
}

// A reply is a request's answer, decided before it is sent.
type reply struct {
	outcome string
	send    func(micro.Request) error
}

func (s *Service) answer(data []byte) reply {
	select {
	case <-s.ready:
	default:
		if time.Now().Before(s.readyBy) {
			return unavailable("not ready: the stages are loading their state")
		}
	}
	d, err := s.handler.Process(s.ctx, data, time.Now())
	var out pipeline.Output
	if err == nil {
		out, err = s.handler.ArticleEvent(d, nil)
	}
	if err != nil {
		return failure(err)
	}
	return reply{outcomeOK, func(req micro.Request) error { return req.Respond(out.Data) }}
}

// failure is the reply to err: 400 and the dead-letter reason for a
// permanent error, 500 for a transient one.
func failure(err error) reply {
	reason, code, outcome := pipeline.ReasonOf(err), "400", outcomeRejected
	if reason == "" {
		reason, code, outcome = "transient", "500", outcomeFailed
	}
	stage := pipeline.StageOf(err)
	if stage == "" {
		stage = "service"
	}
	msg := pipeline.HeaderValue(err.Error())
	return reply{outcome, func(req micro.Request) error {
		return req.Error(code, reason+": "+msg, nil, micro.WithHeaders(micro.Headers{
			HeaderReason:         {reason},
			pipeline.HeaderError: {msg},
			pipeline.HeaderStage: {stage},
		}))
	}}
}

func unavailable(why string) reply {
	return reply{outcomeUnavailable, func(req micro.Request) error { return req.Error("503", why, nil) }}
}

// semverRE is the form micro requires of a version (semver.org's).
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// semver returns newsflow's version as micro requires it: "v1.2.3" is
// "1.2.3", and a version that is no semantic version ("devel") is a
// pre-release of 0.0.0 ("0.0.0-devel").
func semver(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	clean := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' {
			return r
		}
		return '-'
	}, v)
	if clean == "" {
		clean = "unknown"
	}
	return "0.0.0-" + clean
}
