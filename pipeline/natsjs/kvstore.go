package natsjs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pipeline"
)

// Storage types of KVStoreConfig.Storage.
const (
	StorageFile   = "file"
	StorageMemory = "memory"
)

// createAttempts bounds how often Create tries again when the key it found
// taken is gone (expired or deleted) by the time its value is read.
const createAttempts = 3

var validBucket = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)

// KVStoreConfig configures the JetStream KV bucket a KVStore keeps its
// entries in.
type KVStoreConfig struct {
	// Bucket is the bucket's name; its stream is KV_<Bucket>.
	Bucket string `json:"bucket"`
	// TTL is how long an entry lives (the bucket's max age). It applies when
	// the bucket is created; an existing bucket keeps its own.
	TTL pipeline.Duration `json:"ttl"`
	// Replicas is the bucket's replication factor when it is created.
	Replicas int `json:"replicas"`
	// Storage is "file" or "memory", when the bucket is created.
	Storage string `json:"storage"`
	// MaxEntries bounds the bucket, when it is created, to this many
	// entries, the oldest discarded first, so that its size and the
	// server's per-key state stay bounded at any article rate, not only by
	// the TTL. 0: bounded by the TTL alone.
	MaxEntries int64 `json:"max_entries"`
}

// DefaultKVStoreConfig returns the defaults: bucket "newsflow_dedup", 72 h,
// one replica, file storage, a million entries (the dedup index's default
// capacity).
func DefaultKVStoreConfig() KVStoreConfig {
	return KVStoreConfig{
		Bucket:     "newsflow_dedup",
		TTL:        pipeline.Duration(72 * time.Hour),
		Replicas:   1,
		Storage:    StorageFile,
		MaxEntries: 1_000_000,
	}
}

// Validate reports every invalid field.
func (c KVStoreConfig) Validate() error {
	var errs pipeline.FieldErrors
	if !validBucket.MatchString(c.Bucket) {
		errs.Add("bucket", c.Bucket, "must be non-empty and made of letters, digits, '-' and '_'")
	}
	if c.TTL < pipeline.Duration(time.Second) {
		errs.Add("ttl", c.TTL, "must be at least 1s: entries that never expire fill the bucket")
	}
	if c.Replicas < 1 || c.Replicas > 5 {
		errs.Add("replicas", c.Replicas, "must be between 1 and 5")
	}
	if c.Storage != StorageFile && c.Storage != StorageMemory {
		errs.Add("storage", c.Storage, `must be "file" or "memory"`)
	}
	if c.MaxEntries < 0 {
		errs.Add("max_entries", c.MaxEntries, "must not be negative (0: bounded by the TTL alone)")
	}
	return errs.Err()
}

// KVStore keeps entries in a JetStream KV bucket shared by every replica.
// It has the method set of the dedup stage's Store, with plain types, so
// that this package need not import the stage. Its methods are safe for
// concurrent use. It classifies no error: the caller decides what an
// unreachable server means.
type KVStore struct {
	kv jetstream.KeyValue
}

// OpenKVStore returns the store on cfg's bucket, creating the bucket (one
// value per key, cfg's TTL, replicas and storage) when it does not exist.
// An existing bucket is used as its operator configured it; a TTL that
// differs from cfg's is logged as a warning.
func OpenKVStore(ctx context.Context, js jetstream.JetStream, cfg KVStoreConfig, log *slog.Logger) (*KVStore, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("open kv bucket %s: %w", cfg.Bucket, err)
	}
	kv, err := js.KeyValue(ctx, cfg.Bucket)
	switch {
	case err == nil:
		return openedKVStore(ctx, kv, cfg, log)
	case !errors.Is(err, jetstream.ErrBucketNotFound):
		return nil, fmt.Errorf("open kv bucket %s: %w", cfg.Bucket, err)
	}
	storage := jetstream.FileStorage
	if cfg.Storage == StorageMemory {
		storage = jetstream.MemoryStorage
	}
	kv, err = js.CreateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      cfg.Bucket,
		Description: "newsflow dedup index, shared by every replica",
		History:     1,
		TTL:         time.Duration(cfg.TTL),
		Replicas:    cfg.Replicas,
		Storage:     storage,
	})
	if errors.Is(err, jetstream.ErrBucketExists) {
		// Another replica created it first, configured otherwise.
		if kv, err = js.KeyValue(ctx, cfg.Bucket); err == nil {
			return openedKVStore(ctx, kv, cfg, log)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("create kv bucket %s: %w", cfg.Bucket, err)
	}
	if cfg.MaxEntries > 0 {
		// A KV bucket's own limits discard new writes when full; entries
		// here are a cache of recent articles, so the oldest make room.
		if err := LimitStream(ctx, js, "KV_"+cfg.Bucket, cfg.MaxEntries, -1); err != nil {
			return nil, fmt.Errorf("create kv bucket %s: %w", cfg.Bucket, err)
		}
	}
	log.Info("kv bucket created", "bucket", cfg.Bucket, "ttl", time.Duration(cfg.TTL), "storage", cfg.Storage, "max_entries", cfg.MaxEntries)
	return &KVStore{kv: kv}, nil
}

// openedKVStore returns the store on an existing bucket, warning when the
// bucket's TTL is not cfg's.
func openedKVStore(ctx context.Context, kv jetstream.KeyValue, cfg KVStoreConfig, log *slog.Logger) (*KVStore, error) {
	st, err := kv.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("open kv bucket %s: %w", cfg.Bucket, err)
	}
	if got, want := st.TTL(), time.Duration(cfg.TTL); got != want {
		log.Warn("kv bucket ttl differs from configured: using the bucket's",
			"bucket", cfg.Bucket, "ttl", got, "configured", want)
	}
	return &KVStore{kv: kv}, nil
}

// Create stores value under key unless key holds a value, in which case it
// returns that value and created false. The server decides between
// concurrent callers: exactly one creates. A key whose entry expired is
// free again.
func (s *KVStore) Create(ctx context.Context, key string, value []byte) (existing []byte, created bool, err error) {
	for range createAttempts {
		_, err := s.kv.Create(ctx, key, value)
		if err == nil {
			return nil, true, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return nil, false, fmt.Errorf("kv create %s: %w", key, err)
		}
		e, err := s.kv.Get(ctx, key)
		if err == nil {
			return e.Value(), false, nil
		}
		if !errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil, false, fmt.Errorf("kv create %s: get existing value: %w", key, err)
		}
		// The entry expired or was deleted between the two calls: the key
		// is free again.
	}
	return nil, false, fmt.Errorf("kv create %s: key taken but gone when read, %d times", key, createAttempts)
}

// Put stores value under key.
func (s *KVStore) Put(ctx context.Context, key string, value []byte) error {
	if _, err := s.kv.Put(ctx, key, value); err != nil {
		return fmt.Errorf("kv put %s: %w", key, err)
	}
	return nil
}

// Watch calls put for every entry whose key starts with prefix: first the
// latest value of each key present when it is called, then synced once,
// then each entry stored later, until ctx ends or the watch fails. Deletes
// and purges are skipped; expiry is not reported. It returns ctx's error,
// or an error when the watch ends for another reason, such as the
// connection being closed. put and synced are called from the calling
// goroutine.
func (s *KVStore) Watch(ctx context.Context, prefix string, put func(key string, value []byte), synced func()) error {
	w, err := s.kv.Watch(ctx, watchFilter(prefix))
	if err != nil {
		return fmt.Errorf("kv watch %s: %w", prefix, err)
	}
	updates := w.Updates()
	defer func() {
		_ = w.Stop()
		// The watcher's subscription blocks on a full channel; drain it so
		// its goroutine ends and closes the channel.
		go func() {
			for range updates {
			}
		}()
	}()
	inited := false
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-updates:
			switch {
			case !ok:
				if err := ctx.Err(); err != nil {
					return err
				}
				return fmt.Errorf("kv watch %s: watcher stopped (connection closed?)", prefix)
			case e == nil:
				// The end of the initial values; sent once.
				if !inited {
					inited = true
					synced()
				}
			case e.Operation() == jetstream.KeyValuePut && strings.HasPrefix(e.Key(), prefix):
				put(e.Key(), e.Value())
			}
		}
	}
}

// watchFilter returns the subject filter that matches every key starting
// with prefix, and maybe more: prefix "a." gives "a.>", "a.b" gives "a.>"
// too (keys "a.b" and "a.bc" both start with it), and a prefix without a
// complete token gives ">". Watch checks the prefix of each key itself.
func watchFilter(prefix string) string {
	i := strings.LastIndexByte(prefix, '.')
	if i <= 0 {
		return jetstream.AllKeys
	}
	base := prefix[:i+1]
	if strings.Contains(base, "..") || strings.ContainsAny(base, "*> \t") {
		// No key can start with it; let the server send all and Watch keep none.
		return jetstream.AllKeys
	}
	return base + jetstream.AllKeys
}
