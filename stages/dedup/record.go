package dedup

import (
	"encoding/binary"
	"errors"
	"time"
)

// The store's keys. "x.<fingerprint>" holds the record of the first
// article with that normalised text: creating it claims the text, so the
// record is the claim. An exact copy's record goes under "c.<hash of
// id>", so that every replica counts it in its cluster.
const (
	claimPrefix = "x."
	copyPrefix  = "c."
)

func claimKey(fp uint64) string { return claimPrefix + hex16(fp) }

func copyKey(id string) string {
	var h uint64 = 0x9e3779b97f4a7c15
	for i := 0; i < len(id); i++ {
		h = mix(h ^ uint64(id[i]))
	}
	return copyPrefix + hex16(mix(h^uint64(len(id))))
}

// hex16 writes v as 16 lower-case hex digits.
func hex16(v uint64) string {
	const digits = "0123456789abcdef"
	var b [16]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = digits[v&15]
		v >>= 4
	}
	return string(b[:])
}

// recordVersion is the first byte of an encoded record.
const recordVersion = 1

// storedRecord is a record as it travels through the store.
type storedRecord struct {
	id, cluster string
	of          string // the article matched, for copies
	kind        uint8
	at          time.Time
	sig         signature
}

// appendRecord encodes r: version, kind, time, fingerprint, word count,
// the sketches of names and numbers, MinHash values (not for exact
// copies, which are not searched), then id, cluster and the article
// matched, length-prefixed: 414 bytes plus the ids (158 for an exact
// copy).
func appendRecord(b []byte, r *storedRecord) []byte {
	b = append(b, recordVersion, r.kind)
	b = binary.LittleEndian.AppendUint64(b, uint64(r.at.UnixNano()))
	b = binary.LittleEndian.AppendUint64(b, r.sig.exact)
	b = binary.LittleEndian.AppendUint32(b, r.sig.nWords)
	b = appendSketch(b, &r.sig.names)
	b = appendSketch(b, &r.sig.numbers)
	if r.kind != kindExact {
		for _, v := range r.sig.min {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(r.id)))
	b = append(b, r.id...)
	b = binary.AppendUvarint(b, uint64(len(r.cluster)))
	b = append(b, r.cluster...)
	b = binary.AppendUvarint(b, uint64(len(r.of)))
	return append(b, r.of...)
}

func appendSketch(b []byte, s *sketch) []byte {
	b = binary.LittleEndian.AppendUint32(b, s.n)
	for _, v := range s.v {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

const sketchSize = 4 + 4*numKeys

func readSketch(b []byte, s *sketch) {
	s.n = binary.LittleEndian.Uint32(b)
	for i := range s.v {
		s.v[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
}

var errBadRecord = errors.New("dedup: malformed record")

// recordHead is the size of a record's fixed part, before its MinHash
// values and ids.
const recordHead = 2 + 8 + 8 + 4 + 2*sketchSize

// recordID returns the article id of an encoded record, read without
// decoding the rest, and whether the record is one of this version.
func recordID(b []byte) (string, bool) {
	if len(b) < recordHead || b[0] != recordVersion || b[1] > kindNear {
		return "", false
	}
	kind := b[1]
	b = b[recordHead:]
	if kind != kindExact {
		if len(b) < 4*numHashes {
			return "", false
		}
		b = b[4*numHashes:]
	}
	id, _, ok := lenPrefixed(b)
	return id, ok && id != ""
}

// decodeRecord decodes what appendRecord encoded. Records of other
// versions are refused: their replicas' articles are not indexed here
// until they expire.
func decodeRecord(b []byte) (storedRecord, error) {
	var r storedRecord
	if len(b) < recordHead || b[0] != recordVersion || b[1] > kindNear {
		return r, errBadRecord
	}
	r.kind = b[1]
	r.at = time.Unix(0, int64(binary.LittleEndian.Uint64(b[2:])))
	r.sig.exact = binary.LittleEndian.Uint64(b[10:])
	r.sig.nWords = binary.LittleEndian.Uint32(b[18:])
	readSketch(b[22:], &r.sig.names)
	readSketch(b[22+sketchSize:], &r.sig.numbers)
	b = b[recordHead:]
	if r.kind != kindExact {
		if len(b) < 4*numHashes {
			return r, errBadRecord
		}
		for i := range r.sig.min {
			r.sig.min[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		b = b[4*numHashes:]
	}
	var ok bool
	if r.id, b, ok = lenPrefixed(b); !ok || r.id == "" {
		return r, errBadRecord
	}
	if r.cluster, b, ok = lenPrefixed(b); !ok || r.cluster == "" {
		return r, errBadRecord
	}
	if r.of, b, ok = lenPrefixed(b); !ok || len(b) != 0 {
		return r, errBadRecord
	}
	return r, nil
}

func lenPrefixed(b []byte) (string, []byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return "", nil, false
	}
	return string(b[k : k+int(n)]), b[k+int(n):], true
}
