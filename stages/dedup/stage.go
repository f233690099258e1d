package dedup

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsflow/newsflow/pipeline"
	"github.com/newsflow/newsflow/pipeline/event"
)

// name is the stage's name in metrics, timings and warnings.
const name = "dedup"

// Stage marks each article original, exact copy or near copy, and places
// it in its story cluster. It is safe for concurrent use.
type Stage struct {
	cfg     Config
	store   Store
	log     *slog.Logger
	metrics *metrics

	th thresholds

	mu  sync.Mutex
	idx *index

	synced     chan struct{}
	syncedOnce sync.Once
	// The watch of the store, between Start and Stop.
	runMu     sync.Mutex
	stopWatch context.CancelFunc
	watched   chan struct{} // closed when the watch has ended
	// up says the last call to the store succeeded.
	upMu sync.Mutex
	up   bool
}

var (
	_ pipeline.Stage         = (*Stage)(nil)
	_ pipeline.Lifecycle     = (*Stage)(nil)
	_ pipeline.ReadOnlyStage = (*Stage)(nil)
)

// New returns a Stage on store, registering its metrics on reg. Once
// started (see pipeline.Lifecycle), it keeps its index in step with the
// other replicas'.
func New(cfg Config, store Store, reg prometheus.Registerer, log *slog.Logger) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	if store == nil {
		return nil, errors.New("dedup: no store")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m, err := newMetrics(reg)
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	m.storeAvailable.Set(1)
	m.capacity.Set(float64(cfg.capacity()))
	return &Stage{
		cfg: cfg, store: store, log: log, metrics: m,
		th:     thresholds{shingles: cfg.Threshold, names: cfg.NamesThreshold, numbers: cfg.NumbersThreshold},
		idx:    newIndex(cfg.capacity(), time.Duration(cfg.TTL)),
		synced: make(chan struct{}),
		up:     true,
	}, nil
}

// Name returns "dedup".
func (s *Stage) Name() string { return name }

// Process sets d.Dedup. An article is an exact copy of the first one
// with its fingerprint, a near copy of the most similar article indexed,
// or an original. The index decides what it knows; the store settles the
// rest: an article that is not a copy the index knows of claims its
// fingerprint with its record, and a failed claim means another replica
// had the text first. When the store fails, the index's answer stands and
// the article carries a warning.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	return s.judge(ctx, d, false)
}

// judge sets d.Dedup; readOnly leaves the index, the store and the
// metrics as they were.
func (s *Stage) judge(ctx context.Context, d *pipeline.Doc, readOnly bool) error {
	sg := sign(d.Text)
	dg := sg.digest()
	now := time.Now()
	rec := storedRecord{id: d.ID, cluster: d.ID, at: now, sig: sg}

	s.mu.Lock()
	known := false
	if i, ok := s.idx.byArticle(d.ID); ok {
		// Redelivered: the answer given before stands.
		known = true
		rec.kind = s.idx.slot(i).kind
		_, rec.cluster, rec.of = s.idx.ids(i)
	} else {
		if i, ok := s.idx.byFingerprint(sg.exact); ok {
			rec.kind = kindExact
			rec.of, rec.cluster, _ = s.idx.ids(i)
		} else if m, ok := s.idx.lookup(&dg, d.ID, &s.th); ok {
			rec.kind = kindNear
			rec.of, rec.cluster, _ = s.idx.ids(m.slot)
		}
		if !readOnly {
			s.idx.insert(rec.id, rec.cluster, rec.kind, rec.of, &dg, now)
			s.metrics.indexed.Set(float64(s.idx.len()))
		}
	}
	s.mu.Unlock()

	if !readOnly {
		ctx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.StoreTimeout))
		defer cancel()
		var err error
		if rec.kind == kindExact {
			err = s.store.Put(ctx, copyKey(d.ID), appendRecord(make([]byte, 0, 192), &rec))
			s.stored("put", err)
		} else {
			err = s.claim(ctx, &rec)
		}
		if err != nil {
			d.Warn(name, "shared store unavailable: judged against this replica's index only")
		}
	}

	res := event.Dedup{Fingerprint: hex16(sg.exact), ClusterID: rec.cluster, Kind: kindNames[rec.kind], Of: rec.of}
	s.mu.Lock()
	res.ClusterSize = max(s.idx.size(rec.cluster), 1)
	if readOnly && !known {
		// The size the cluster would have with the article in it.
		res.ClusterSize = s.idx.size(rec.cluster) + 1
	}
	if rec.kind == kindNear {
		if i, ok := s.idx.byArticle(rec.of); ok {
			res.Similarity, _ = s.th.matches(&dg, &s.idx.slot(i).dg)
		}
	}
	s.mu.Unlock()
	if rec.kind == kindExact {
		res.Similarity = 1
	}
	if rec.kind != kindOriginal && !readOnly {
		s.metrics.duplicates.WithLabelValues(res.Kind).Inc()
	}
	d.Dedup = &res
	return nil
}

// ReadOnly implements pipeline.ReadOnlyStage: the view judges an article
// against the index as Process does, but neither indexes nor claims it,
// writes nothing to the store and counts nothing. It knows what the index
// knows: a copy whose original another replica claimed a moment ago, and
// whose record the watch has not brought yet, is taken for an original.
func (s *Stage) ReadOnly() pipeline.Stage { return readOnlyStage{s} }

// readOnlyStage is the read-only view of a Stage.
type readOnlyStage struct{ s *Stage }

// Name returns "dedup".
func (readOnlyStage) Name() string { return name }

// Process sets d.Dedup without changing the stage's state.
func (r readOnlyStage) Process(ctx context.Context, d *pipeline.Doc) error {
	return r.s.judge(ctx, d, true)
}

// claim creates the record of rec's fingerprint in the store. When
// another article created it first, rec becomes an exact copy of that
// one (or, when it is rec's own from an earlier delivery, takes its
// answer), here and in the index.
func (s *Stage) claim(ctx context.Context, rec *storedRecord) error {
	existing, created, err := s.store.Create(ctx, claimKey(rec.sig.exact), appendRecord(make([]byte, 0, 512), rec))
	s.stored("create", err)
	if err != nil || created {
		return err
	}
	first, err := decodeRecord(existing)
	if err != nil {
		s.metrics.storeErrors.WithLabelValues("decode").Inc()
		return nil // the index's answer stands
	}
	if first.id == rec.id {
		rec.kind, rec.cluster, rec.of = first.kind, first.cluster, first.of
	} else {
		rec.kind, rec.cluster, rec.of = kindExact, first.cluster, first.id
	}
	s.mu.Lock()
	if i, ok := s.idx.byArticle(rec.id); ok {
		s.idx.rekind(i, rec.kind, rec.cluster, rec.of)
	}
	fdg := first.sig.digest()
	s.idx.insert(first.id, first.cluster, first.kind, first.of, &fdg, first.at)
	s.mu.Unlock()
	if rec.kind == kindExact && first.id != rec.id {
		err = s.store.Put(ctx, copyKey(rec.id), appendRecord(make([]byte, 0, 192), rec))
		s.stored("put", err)
	}
	return err
}

// stored records the outcome of a call to the store; the change between
// available and not is logged once each way.
func (s *Stage) stored(op string, err error) {
	if err != nil {
		s.metrics.storeErrors.WithLabelValues(op).Inc()
	}
	s.upMu.Lock()
	defer s.upMu.Unlock()
	switch {
	case err != nil && s.up:
		s.up = false
		s.metrics.storeAvailable.Set(0)
		s.log.Warn("dedup store unavailable; detecting against this replica's index only", "op", op, "err", err)
	case err == nil && !s.up:
		s.up = true
		s.metrics.storeAvailable.Set(1)
		s.log.Info("dedup store available again")
	}
}

// watchBackoff spaces out the restarts of a failed watch of the store.
var watchBackoff = pipeline.Backoff{Initial: 100 * time.Millisecond, Max: 10 * time.Second}

// Start implements pipeline.Lifecycle: it starts watching the store for
// the records of every replica, adding them to the index, until Stop; a
// failed watch is restarted with a growing delay. Ready is closed once the
// records stored at start are in.
func (s *Stage) Start(ctx context.Context) error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.stopWatch != nil {
		return errors.New("dedup: already started")
	}
	// The watch outlives ctx, which bounds the start only; Stop ends it.
	watchCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.stopWatch, s.watched = cancel, make(chan struct{})
	go func() {
		defer close(s.watched)
		s.watch(watchCtx)
	}()
	return nil
}

// Stop implements pipeline.Lifecycle: it ends the watch and waits for it,
// or for ctx.
func (s *Stage) Stop(ctx context.Context) error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.stopWatch == nil {
		return nil
	}
	s.stopWatch()
	select {
	case <-s.watched:
		s.stopWatch = nil // stopped: it may start again
		return nil
	case <-ctx.Done():
		return fmt.Errorf("dedup: stop: %w", ctx.Err())
	}
}

// Ready implements pipeline.Lifecycle: it is closed once the watch has
// read the records stored when it started.
func (s *Stage) Ready() <-chan struct{} { return s.synced }

// watch runs the store's watch until ctx ends, restarting it when it
// fails.
func (s *Stage) watch(ctx context.Context) {
	for failures := 1; ; failures++ {
		err := s.store.Watch(ctx, "", s.receive, s.markSynced)
		if ctx.Err() != nil {
			return
		}
		s.stored("watch", err)
		if !watchBackoff.Wait(ctx, failures) {
			return
		}
	}
}

func (s *Stage) markSynced() { s.syncedOnce.Do(func() { close(s.synced) }) }

// receive adds a record from the store to the index. The watch brings
// back this replica's own records too, whose articles the index holds
// already: their id, read first, spares decoding the rest.
func (s *Stage) receive(key string, value []byte) {
	if id, ok := recordID(value); ok {
		s.mu.Lock()
		_, known := s.idx.byArticle(id)
		s.mu.Unlock()
		if known {
			return
		}
	}
	r, err := decodeRecord(value)
	if err != nil {
		s.metrics.storeErrors.WithLabelValues("decode").Inc()
		return
	}
	s.mu.Lock()
	dg := r.sig.digest()
	s.idx.insert(r.id, r.cluster, r.kind, r.of, &dg, r.at)
	s.metrics.indexed.Set(float64(s.idx.len()))
	s.mu.Unlock()
}
