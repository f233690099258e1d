package dedup

import (
	"context"
	"strings"
	"sync"
	"time"
)

// MemStore is a Store in memory, for one process: `newsflow process`,
// evaluation and tests. Entries expire after its TTL.
type MemStore struct {
	ttl time.Duration
	now func() time.Time

	mu       sync.Mutex
	entries  map[string]memEntry
	watchers map[*memWatcher]struct{}
	closed   bool
}

type memEntry struct {
	value []byte
	at    time.Time
}

type memWatcher struct {
	prefix string
	ch     chan memPut
}

type memPut struct {
	key   string
	value []byte
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore whose entries live for ttl (0:
// forever).
func NewMemStore(ttl time.Duration) *MemStore {
	return &MemStore{ttl: ttl, now: time.Now, entries: make(map[string]memEntry), watchers: make(map[*memWatcher]struct{})}
}

// Create implements Store.
func (s *MemStore) Create(_ context.Context, key string, value []byte) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false, ErrStoreClosed
	}
	if e, ok := s.entries[key]; ok && !s.expired(e) {
		return e.value, false, nil
	}
	s.putLocked(key, value)
	return nil, true, nil
}

// Put implements Store.
func (s *MemStore) Put(_ context.Context, key string, value []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrStoreClosed
	}
	s.putLocked(key, value)
	return nil
}

func (s *MemStore) putLocked(key string, value []byte) {
	v := append([]byte(nil), value...)
	s.entries[key] = memEntry{value: v, at: s.now()}
	for w := range s.watchers {
		if strings.HasPrefix(key, w.prefix) {
			// Watchers are buffered generously; one that falls this far
			// behind loses entries rather than blocking every writer.
			select {
			case w.ch <- memPut{key, v}:
			default:
			}
		}
	}
}

func (s *MemStore) expired(e memEntry) bool {
	return s.ttl > 0 && s.now().Sub(e.at) >= s.ttl
}

// Watch implements Store.
func (s *MemStore) Watch(ctx context.Context, prefix string, put func(key string, value []byte), synced func()) error {
	w := &memWatcher{prefix: prefix, ch: make(chan memPut, 1<<16)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrStoreClosed
	}
	var present []memPut
	for k, e := range s.entries {
		if strings.HasPrefix(k, prefix) && !s.expired(e) {
			present = append(present, memPut{k, e.value})
		}
	}
	s.watchers[w] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.watchers, w)
		s.mu.Unlock()
	}()
	for _, p := range present {
		put(p.key, p.value)
	}
	synced()
	for {
		select {
		case p := <-w.ch:
			put(p.key, p.value)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Close makes every later call fail with ErrStoreClosed.
func (s *MemStore) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}
