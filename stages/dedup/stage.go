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
	// up says the last call to the store succeeded.
	upMu sync.Mutex
	up   bool
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns a Stage on store, registering its metrics on reg. Run keeps
// its index in step with the other replicas'.
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
	return &Stage{
		cfg: cfg, store: store, log: log, metrics: m,
		th:     thresholds{shingles: cfg.Threshold, names: cfg.NamesThreshold, numbers: cfg.NumbersThreshold},
		idx:    newIndex(cfg.MaxEntries, time.Duration(cfg.TTL)),
		synced: make(chan struct{}),
		up:     true,
	}, nil
}

// Name returns "dedup".
func (s *Stage) Name() string { return name }

// Process sets d.Dedup. A text is exact copy of the first article that
// claimed its fingerprint in the store, else a near copy of the most
// similar article indexed, else original. When the store fails, the
// article is still judged, against this replica's index only, and carries
// a warning.
func (s *Stage) Process(ctx context.Context, d *pipeline.Doc) error {
	sg := sign(d.Text)
	now := time.Now()

	claimedBy, shared := s.claim(ctx, d.ID, sg.exact)
	res := pipeline.Dedup{Fingerprint: hex16(sg.exact), ClusterID: d.ID, Kind: pipeline.DedupOriginal}
	kind := kindOriginal

	s.mu.Lock()
	if !shared {
		if r := s.idx.byFingerprint(sg.exact); r != nil && r.id != d.ID {
			claimedBy = r.id
		}
	}
	switch m, ok := s.idx.lookup(&sg, d.ID, &s.th); {
	case claimedBy != "":
		kind, res.Kind, res.Similarity, res.Of = kindExact, pipeline.DedupExact, 1, claimedBy
		res.ClusterID = claimedBy
		if c, ok := s.idx.clusterOf(claimedBy); ok {
			res.ClusterID = c
		}
	case ok:
		kind, res.Kind, res.Similarity, res.Of = kindNear, pipeline.DedupNear, m.sim, m.r.id
		res.ClusterID = m.r.cluster
	}
	res.ClusterSize = max(s.idx.insert(d.ID, res.ClusterID, kind, &sg, now), 1)
	s.metrics.indexed.Set(float64(s.idx.len()))
	s.mu.Unlock()

	if kind != kindOriginal {
		s.metrics.duplicates.WithLabelValues(res.Kind).Inc()
	}
	rec := appendRecord(make([]byte, 0, 512), &storedRecord{id: d.ID, cluster: res.ClusterID, kind: kind, at: now, sig: sg})
	putCtx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.StoreTimeout))
	err := s.store.Put(putCtx, recordKey(d.ID), rec)
	cancel()
	s.stored("put", err)
	if err != nil || !shared {
		d.Warn(name, "shared store unavailable: judged against this replica's index only")
	}
	d.Dedup = &res
	return ctx.Err()
}

// claim claims the fingerprint fp for id in the store. It returns the id
// of the article that claimed it first, if not id, and whether the store
// answered.
func (s *Stage) claim(ctx context.Context, id string, fp uint64) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(s.cfg.StoreTimeout))
	defer cancel()
	existing, created, err := s.store.Create(ctx, claimKey(fp), []byte(id))
	s.stored("create", err)
	if err != nil {
		return "", false
	}
	if created || string(existing) == id {
		return "", true
	}
	return string(existing), true
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

// Run watches the store for the records of every replica, adding them to
// the index, until ctx ends; a failed watch is restarted with a growing
// delay. Synced is closed once the records stored at start are in.
func (s *Stage) Run(ctx context.Context) error {
	wait := 100 * time.Millisecond
	for {
		err := s.store.Watch(ctx, recordPrefix, s.receive, s.markSynced)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		s.stored("watch", err)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		wait = min(2*wait, 10*time.Second)
	}
}

// Synced is closed once Run has read the records stored when it started.
func (s *Stage) Synced() <-chan struct{} { return s.synced }

func (s *Stage) markSynced() { s.syncedOnce.Do(func() { close(s.synced) }) }

// receive adds a record from the store to the index.
func (s *Stage) receive(key string, value []byte) {
	r, err := decodeRecord(value)
	if err != nil {
		s.metrics.storeErrors.WithLabelValues("decode").Inc()
		return
	}
	s.mu.Lock()
	s.idx.insert(r.id, r.cluster, r.kind, &r.sig, r.at)
	s.metrics.indexed.Set(float64(s.idx.len()))
	s.mu.Unlock()
}
