package table

// A form reader's scratch is reused from one reader to the next, as the
// stream's slices are (streamBufs): every form that may fit a report is
// read in full (a 2019/2021 report as gov_2021 and gov_2019), and its found
// rows, value regions and candidate splits were a third of the bytes a
// text report's parse allocated, all garbage once the best form is chosen
// and solved. In a roll-up that garbage is collected at a cost
// proportional to it.

// A slab's first chunk holds firstChunk elements, and each next one twice
// as many as the one before, up to slabChunk: a report's regions need a few
// hundred pieces per form, and a reader never released (a document whose
// rows wait for a Settle that does not come) should not cost much.
const (
	firstChunk = 32
	slabChunk  = 1024
)

// maxChunks bounds the chunks a slab keeps for reuse: a pathological
// document does not pin the memory it needed.
const maxChunks = 64

// slab hands out slices of T carved from large chunks, and takes them all
// back at once (reset). The slices it gives are capped at their length, so
// an append to one copies it rather than writes over its neighbour. A nil
// slab allocates every slice (make).
type slab[T any] struct {
	chunks [][]T
	i, n   int // the chunk being carved, and how much of it is given
}

// take returns a slice of length n (its elements are stale: the caller
// sets every one).
func (s *slab[T]) take(n int) []T {
	if s == nil || n > slabChunk {
		return make([]T, n)
	}
	for {
		if s.i == len(s.chunks) {
			size := slabChunk
			if k := len(s.chunks); k < 10 {
				size = min(firstChunk<<k, slabChunk)
			}
			s.chunks = append(s.chunks, make([]T, max(size, n)))
		}
		if c := s.chunks[s.i]; s.n+n <= len(c) {
			s.n += n
			return c[s.n-n : s.n : s.n]
		}
		s.i, s.n = s.i+1, 0
	}
}

// giveBack returns the last k elements of p to the slab when p is the last
// slice taken and they are its end: they are not used.
func (s *slab[T]) giveBack(p []T, k int) {
	if s == nil || k == 0 || len(p) < k || s.i == len(s.chunks) || s.n < len(p) {
		return
	}
	c := s.chunks[s.i]
	if &c[s.n-1] == &p[len(p)-1] {
		s.n -= k
	}
}

// copyOf returns a copy of p in the slab.
func (s *slab[T]) copyOf(p []T) []T {
	out := s.take(len(p))
	copy(out, p)
	return out
}

// reset takes back every slice given. Their elements are cleared, so the
// chunks kept do not hold a document's strings.
func (s *slab[T]) reset() {
	if s.i < len(s.chunks) {
		clear(s.chunks[s.i][:s.n])
	}
	for _, c := range s.chunks[:min(s.i, len(s.chunks))] {
		clear(c)
	}
	s.drop()
}

// drop takes back every slice given, as reset, without clearing them:
// for a slab of elements that hold no pointer (cellVal, agreement, int,
// bool), which keep nothing alive, and which take's callers set.
func (s *slab[T]) drop() {
	if len(s.chunks) > maxChunks {
		s.chunks = s.chunks[:maxChunks]
	}
	s.i, s.n = 0, 0
}

// readerBufs are a form reader's slices, reused from one reader to the next.
type readerBufs struct {
	found   []foundRow
	raws    [][2]int
	pending []pendingTable
	rows    slab[rowRead] // the rows found of each table
	pieces  slab[piece]   // the value regions read
	solve   solveScratch
}

// solveScratch is what solving a table's rows works in.
type solveScratch struct {
	vals slab[cellVal] // candidate cells and the cells solved
	cur  []cellVal     // enumerate's split being made
	ints []int64       // splitDigits' parts, a stack of them
	// A solution's lists, one element per row.
	cellRows slab[[]cellVal]
	flags    slab[bool]
	strs     slab[string]
	cands    slab[rowCands]
	// The split search's lists: rows' places and depths, and whether
	// the readings agree.
	places    slab[int]
	agree     slab[agreement]
	agreeRows slab[[]agreement]
	// rels lists the relations searchSplits checks at each depth.
	rels slab[*boundRel]
	// cands1 is where candidates lists a row's splits as they are made,
	// before the list is copied to cellRows: grown anew for every row, it
	// and the rows' lists of one were a fifth of the objects a text
	// report's tables allocated.
	cands1 [][]cellVal
	// byPlace is cellsByPlace's list, for one table at a time.
	byPlace [][]cellVal
}

// oneCand returns the list of the one candidate c, in the slab.
func (sc *solveScratch) oneCand(c []cellVal) [][]cellVal {
	out := sc.cellRows.take(1)
	out[0] = c
	return out
}

// takeZero returns a slice of n zero elements from s.
func takeZero[T any](s *slab[T], n int) []T {
	out := s.take(n)
	clear(out)
	return out
}

// freeList is a bounded free list of buffers. It is not a sync.Pool: a
// pool is emptied by every garbage collection, and a roll-up of many
// reports collects often, so most streams found the pool empty and
// allocated their slices again.
type freeList[T any] chan *T

// get returns buffers from the list, or new ones.
func (l freeList[T]) get() *T {
	if !reuseBuffers {
		return new(T)
	}
	select {
	case b := <-l:
		return b
	default:
		return new(T)
	}
}

// put keeps b for a later get, unless enough are kept.
func (l freeList[T]) put(b *T) {
	select {
	case l <- b:
	default:
	}
}

// freeReaders holds the buffers of released readers (freeList says why
// not a sync.Pool).
var freeReaders = make(freeList[readerBufs], 8)

// reuseBuffers is false only in tests, which compare readings with buffers
// reused to readings with every buffer new.
var reuseBuffers = true

// release returns the reader's buffers for the next reader. The reader
// must not be used after: what it read is in them. Its cells and findings
// are its own, not in the buffers: they stay valid.
func (fr *formReader) release() {
	b := fr.bufs
	if b == nil {
		return
	}
	fr.bufs = nil
	b.found = pooled(fr.found) // cleared by the next reader
	clear(fr.pending)          // rows read hold the document's strings
	b.raws = pooled(fr.raws)
	b.pending = pooled(fr.pending)
	b.rows.reset()
	b.pieces.reset()
	b.solve.vals.drop() // no pointer in these four: nothing to clear
	b.solve.flags.drop()
	b.solve.places.drop()
	b.solve.agree.drop()
	b.solve.cellRows.reset()
	b.solve.strs.reset()
	b.solve.cands.reset()
	b.solve.agreeRows.reset()
	b.solve.rels.reset()
	b.solve.cur, b.solve.ints = pooled(b.solve.cur), pooled(b.solve.ints)
	clear(b.solve.cands1[:cap(b.solve.cands1)]) // keeps no chunk vals drops alive
	b.solve.cands1 = pooled(b.solve.cands1)
	clear(b.solve.byPlace[:cap(b.solve.byPlace)])
	b.solve.byPlace = pooled(b.solve.byPlace)
	fr.found, fr.raws, fr.pending = nil, nil, nil
	freeReaders.put(b)
}
