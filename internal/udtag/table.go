package udtag

// table is an open-addressing hash table from non-zero 64-bit keys to
// values, with the key and value of a slot side by side so that a lookup
// touches one cache line. It is filled once and then only read.
type table[V any] struct {
	slots []slot[V]
	mask  uint64
	n     int
}

type slot[V any] struct {
	key uint64
	val V
}

// newTable returns a table sized for n keys (load at most 2/3).
func newTable[V any](n int) table[V] {
	size := 16
	for size < n+n/2+1 {
		size <<= 1
	}
	return table[V]{slots: make([]slot[V], size), mask: uint64(size - 1)}
}

func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// insert sets the value of key k.
func (t *table[V]) insert(k uint64, v V) {
	k = fixKey(k)
	i := (k ^ k>>32) & t.mask
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	if t.slots[i].key == 0 {
		t.n++
	}
	t.slots[i] = slot[V]{k, v}
}

// lookup returns the value of key k.
func (t *table[V]) lookup(k uint64) (V, bool) {
	var zero V
	if len(t.slots) == 0 {
		return zero, false
	}
	k = fixKey(k)
	i := (k ^ k>>32) & t.mask
	for {
		s := &t.slots[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			return zero, false
		}
		i = (i + 1) & t.mask
	}
}
