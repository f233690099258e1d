package dedup

import (
	"context"
	"errors"
)

// Store is the state the replicas of newsflow share: which texts were
// claimed first, and a record of every article indexed. pipeline/natsjs
// implements it on a JetStream KV bucket; MemStore serves one process.
//
// Keys are made of the characters [-_.a-zA-Z0-9]; values are opaque bytes.
// Entries expire after the store's TTL.
type Store interface {
	// Create stores value under key unless key already holds a value, in
	// which case it returns that value and created false: of two callers,
	// on any replica, exactly one creates.
	Create(ctx context.Context, key string, value []byte) (existing []byte, created bool, err error)
	// Put stores value under key.
	Put(ctx context.Context, key string, value []byte) error
	// Watch calls put for every entry whose key starts with prefix: first
	// those stored when it is called, then synced once, then each entry
	// stored later, until ctx ends or the watch fails. It returns ctx's
	// error or the failure. put and synced are called from one goroutine.
	Watch(ctx context.Context, prefix string, put func(key string, value []byte), synced func()) error
}

// ErrStoreClosed is returned by a store that was closed.
var ErrStoreClosed = errors.New("dedup: store closed")
