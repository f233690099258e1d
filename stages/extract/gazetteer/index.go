package gazetteer

import (
	"hash/maphash"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// index maps names to refs. It is an open-addressing hash table of
// offsets into the names text: with 175,000 names a Go map costs more time
// to build and more memory, and its entries hold pointers the collector
// must scan; this holds none. A slot holds the key's hash tag and number,
// so that probing reads one array. A fold index hashes and compares its
// keys upper-cased, so that both indexes share the one text.
type index struct {
	text  string   // the names file, holding every key
	keys  []key    // in file order
	slots []uint64 // hash tag << 32 | key number + 1, 0 if empty; a power of two, at most 3/4 full
	seed  maphash.Seed
	fold  bool
	// has answers most lookups of keys that are not there.
	has filter
}

type key struct {
	off, n, ref uint32
}

const tagMask = ^uint64(0xffffffff)

// newIndex indexes keys, keeping the first of keys that are equal (in a
// fold index, equal once upper-cased), and returns how many it dropped so.
//
// The keys are inserted in the order of their home slots, bucketed by the
// slots' high bits: insertion then walks the table from start to end
// instead of missing the cache at every key, which halves the build time
// of a table larger than the cache. Any insertion order gives a valid
// linear-probing table; within a bucket the keys keep their file order,
// so the first of equal keys, which share a home slot, is the one kept.
func newIndex(text string, keys []key, fold bool) (*index, int) {
	x := &index{text: text, keys: keys, seed: maphash.MakeSeed(), fold: fold}
	x.slots = make([]uint64, 1<<bits.Len(uint(len(keys)+len(keys)/3)))
	mask := len(x.slots) - 1
	shift := max(bits.Len(uint(mask))-10, 0)
	hashes := make([]uint64, len(keys))
	starts := make([]int32, mask>>shift+2)
	for i, k := range keys {
		hashes[i] = x.hashKey(k)
		starts[(int(hashes[i])&mask)>>shift+1]++
	}
	for b := 1; b < len(starts); b++ {
		starts[b] += starts[b-1]
	}
	order := make([]int32, len(keys))
	for i, h := range hashes {
		b := (int(h) & mask) >> shift
		order[starts[b]] = int32(i)
		starts[b]++
	}
	x.has = newFilter(hashes)
	dropped := 0
	for _, i := range order {
		if !x.insert(int(i), hashes[i]) {
			dropped++
		}
	}
	return x, dropped
}

func (x *index) hashKey(k key) uint64 {
	s := x.text[k.off : k.off+k.n]
	if !x.fold {
		return maphash.String(x.seed, s)
	}
	var buf [maxFoldBytes]byte
	b, _ := foldAppend(buf[:0], s)
	return maphash.Bytes(x.seed, b)
}

// insert puts key i with hash h in the first free slot from its home,
// unless an equal key is there.
func (x *index) insert(i int, h uint64) bool {
	k := x.keys[i]
	s := x.text[k.off : k.off+k.n]
	mask := len(x.slots) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		v := x.slots[j]
		if v == 0 {
			x.slots[j] = h&tagMask | uint64(i+1)
			return true
		}
		if v&tagMask == h&tagMask && x.same(x.keys[uint32(v)-1], s) {
			return false
		}
	}
}

// same reports whether key k equals s, upper-cased in a fold index.
func (x *index) same(k key, s string) bool {
	t := x.text[k.off : k.off+k.n]
	if !x.fold {
		return t == s
	}
	var buf [maxFoldBytes]byte
	b, _ := foldAppend(buf[:0], s)
	return foldEqual(t, b)
}

// find returns the key number of s in an exact index.
func (x *index) find(s string) (int, bool) {
	return probe(x, s, maphash.String(x.seed, s))
}

// probe returns the key number of s, whose hash is h, in an exact index;
// s is a string or, for a name assembled in a buffer, its bytes.
func probe[S string | []byte](x *index, s S, h uint64) (int, bool) {
	if !x.has.mayHold(h) {
		return 0, false
	}
	mask := len(x.slots) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		v := x.slots[j]
		if v == 0 {
			return 0, false
		}
		if v&tagMask == h&tagMask {
			k := x.keys[uint32(v)-1]
			if int(k.n) == len(s) && x.text[k.off:k.off+k.n] == string(s) {
				return int(uint32(v)) - 1, true
			}
		}
	}
}

// findFolded returns the key number of the upper-cased b in a fold index.
func (x *index) findFolded(b []byte) (int, bool) {
	h := maphash.Bytes(x.seed, b)
	if !x.has.mayHold(h) {
		return 0, false
	}
	mask := len(x.slots) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		v := x.slots[j]
		if v == 0 {
			return 0, false
		}
		if v&tagMask == h&tagMask {
			k := x.keys[uint32(v)-1]
			if foldEqual(x.text[k.off:k.off+k.n], b) {
				return int(uint32(v)) - 1, true
			}
		}
	}
}

// getBytes is get for a name held in b.
func (x *index) getBytes(b []byte) (uint32, bool) {
	i, ok := probe(x, b, maphash.Bytes(x.seed, b))
	if !ok {
		return 0, false
	}
	return x.keys[i].ref, true
}

// get returns the ref of s in an exact index.
func (x *index) get(s string) (uint32, bool) {
	i, ok := x.find(s)
	if !ok {
		return 0, false
	}
	return x.keys[i].ref, true
}

// getFolded returns the ref of the upper-cased b in a fold index.
func (x *index) getFolded(b []byte) (uint32, bool) {
	i, ok := x.findFolded(b)
	if !ok {
		return 0, false
	}
	return x.keys[i].ref, true
}

// setFolded maps an existing fold to a new ref.
func (x *index) setFolded(b []byte, ref uint32) bool {
	i, ok := x.findFolded(b)
	if ok {
		x.keys[i].ref = ref
	}
	return ok
}

// foldEqual reports whether s upper-cased as foldAppend does is b.
func foldEqual(s string, b []byte) bool {
	j := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			if j == len(b) || b[j] != c {
				return false
			}
			i++
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var u [utf8.UTFMax]byte
		m := utf8.EncodeRune(u[:], unicode.ToUpper(r))
		if j+m > len(b) || string(b[j:j+m]) != string(u[:m]) {
			return false
		}
		j += m
	}
	return j == len(b)
}

// foldAppend appends s with each rune upper-cased (ASCII by table, the
// rest by unicode.ToUpper, as the generator folds keys) to dst, and reports
// false if that would exceed cap(dst): no key is longer than maxFoldBytes,
// so a longer input matches nothing and needs no buffer of its own.
func foldAppend(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if len(dst) == cap(dst) {
				return dst, false
			}
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToUpper(r)
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// lowerOrCapitalised reports whether s has no upper-case letter after its
// first rune: "reading" and "Reading", not "READING" or "US".
func lowerOrCapitalised(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	for _, r := range s[n:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}
