package table

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"xxgk/document"
	"xxgk/templates"
	"xxgk/zh"
)

// A stream is a document flattened for table reading: the folded text of
// every block in reading order, with markers where the source separates
// cells, and a trace from every position back to the source. Table rows are
// found by searching their labels in the letters of the stream, whatever the
// layout (HTML grid, one cell per line, cells separated by spaces, or cells
// run together with no separator at all).
type stream struct {
	runes []rune // folded text with markers
	// places[i] is where runes[i] came from and where its letter is (see
	// runePlace): one list, not one per field, for addText appends to it
	// for every rune of a report, and each list it keeps at hand while it
	// does costs it registers it does not have.
	places []runePlace
	// letters is runes without markers, for label search. It is the
	// letters' buffer itself (letterBuf), not a copy: the buffer goes back
	// for the next document when the stream is released, so no string cut
	// from letters may outlive the stream. Those cut (a piece's digits, a
	// label's rest) are compared, parsed or copied into messages, and live
	// in the reader's buffers, which are released with the stream.
	letters string
	// origins are the pieces of the source in stream order, and
	// originStart where each one's runes start: runes[i] came from the last
	// origin that starts at or before i (one that gave no rune starts where
	// the next one does). A list per origin rather than per rune: the
	// reader asks for the origin of a few hundred runes of a document.
	origins     []origin
	originStart []int32
	lastOrigin  int // the origin originIndex found last: where it looks first
	// For every distinct rune, pos lists the runes where it occurs: labels
	// are found by looking up their rarest rune. strings.Index degrades on
	// CJK text, whose UTF-8 lead bytes repeat every few bytes, and each
	// form reader searches a hundred labels. (By rune, not by letter, as
	// runePlace.byteAt: a letter's place in runes and in letters are then
	// one lookup each, and a stream keeps two lists per rune fewer.)
	runeID runeTable // rune → id
	pos    []int32   // the lists of positions, each where positions put it (letterOcc)
	// letterBuf holds the letters' UTF-8 while addText writes them; index
	// makes letters of it. occ holds, by rune id, how often the letter
	// occurs and where last: with the places' prev, the letter's
	// occurrences, listed in pos only for the letters searched. occ is
	// zero up to cleared.
	letterBuf []byte
	occ       []letterOcc
	cleared   int

	// words holds, by word number, what was found of the words searched
	// (their occurrences in occBuf): forms share labels and anchors, and
	// each form's labelsPresent and tableBounds ask for them.
	words  []wordFound
	occBuf []span

	bufs *streamBufs // where the slices above came from, returned by release
}

// streamBufs are the slices of a stream, reused from one document to the
// next: they are a third of all the bytes a text report's parse allocates,
// and each new set makes work for the garbage collector.
type streamBufs struct {
	letterBuf        []byte
	runes, keys      []rune
	places           []runePlace
	originStart, pos []int32
	tableIDs         []int32
	occ              []letterOcc
	ascii            *[utf8.RuneSelf]int32
	folds            [foldCacheSize]foldEntry
	gen              uint32 // of the stream using the buffers, for folds
	origins          []origin
	words            []wordFound
	occBuf           []span
}

// runePlace is where a rune of the stream came from and where its letter
// is.
type runePlace struct {
	offset int32 // the rune came from this byte offset of its origin's text
	byteAt int32 // the byte offset in letters of the first letter at or after the rune
	// prev is 1 + the index of the rune's letter's last occurrence before
	// it, 0 if none and for a marker (see letterOcc).
	prev int32
}

// letterOcc is what a stream knows of the occurrences of a letter (a rune
// id): how many there are and 1 + the rune index of the last, 0 if none;
// once the letter's occurrences are listed in pos, -1 - where the list
// starts in pos. The places' prev chain them from the last back.
// addText writes them for every letter, where it counted the letters for
// index to list every letter's occurrences in a pass of its own over the
// runes (7% of the table reader); a document's search looks up the
// occurrences of a few hundred letters, the rarest of the words it
// searches.
type letterOcc struct {
	count, last int32
}

// freeBufs holds the buffers of released streams.
var freeBufs = make(freeList[streamBufs], 8)

// maxPooled bounds the slices kept for reuse (in elements): a huge document
// does not pin its buffers (an annual report is some 10,000 characters).
const maxPooled = 1 << 18

// reuse returns b emptied, or a new slice if b holds fewer than n.
func reuse[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, 0, n)
	}
	return b[:0]
}

func pooled[T any](b []T) []T {
	if cap(b) > maxPooled {
		return nil
	}
	return b[:0]
}

// runeTable maps runes to small ids: an open-addressing hash table, much
// cheaper per document than a Go map for the few thousand distinct runes of
// a report. ASCII runes (the digits of every cell) have a slot each
// instead, with no hash and no probe.
type runeTable struct {
	keys   []rune // rune+1, so that 0 is an empty slot and NUL a rune like others
	ids    []int32
	n      int // ids given
	hashed int // keys used
	ascii  *[utf8.RuneSelf]int32
}

func newRuneTable(size int) runeTable {
	c := 1024
	for c < size*2 {
		c *= 2
	}
	return runeTable{keys: make([]rune, c), ids: make([]int32, c), ascii: new([utf8.RuneSelf]int32)}
}

// reuseRuneTable is newRuneTable(1024) in the slices of an earlier table.
func reuseRuneTable(keys []rune, ids []int32, ascii *[utf8.RuneSelf]int32) runeTable {
	if len(keys) < 2048 || len(keys) != len(ids) || len(keys)&(len(keys)-1) != 0 || ascii == nil {
		return newRuneTable(1024)
	}
	clear(keys)
	clear(ascii[:])
	return runeTable{keys: keys, ids: ids, ascii: ascii}
}

// slot returns the slot of key k (a rune+1), or the empty slot for it.
func (t *runeTable) slot(k rune) int {
	mask := len(t.keys) - 1
	i := int(uint32(k)*2654435761) & mask
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

func (t *runeTable) get(r rune) (int32, bool) {
	if uint32(r) < utf8.RuneSelf {
		id := t.ascii[r] // id+1, 0 when absent
		return id - 1, id != 0
	}
	i := t.slot(r + 1)
	return t.ids[i], t.keys[i] == r+1
}

// add inserts r with the next id unless present; it returns r's id.
func (t *runeTable) add(r rune) (id int32, added bool) {
	if uint32(r) < utf8.RuneSelf {
		if id := t.ascii[r]; id != 0 {
			return id - 1, false
		}
		t.ascii[r] = int32(t.n) + 1
		t.n++
		return int32(t.n - 1), true
	}
	t.makeRoom()
	i := t.slot(r + 1)
	if t.keys[i] == r+1 {
		return t.ids[i], false
	}
	t.keys[i], t.ids[i] = r+1, int32(t.n)
	t.n++
	t.hashed++
	return t.ids[i], true
}

// put gives r (outside ASCII) id, unless r has one (the same): the id of
// a letter whose fold-cache entry becomes another rune's (stream.refold).
func (t *runeTable) put(r rune, id int32) {
	t.makeRoom()
	if i := t.slot(r + 1); t.keys[i] != r+1 {
		t.keys[i], t.ids[i] = r+1, id
		t.hashed++
	}
}

// makeRoom doubles the table if one more key would fill half its slots.
func (t *runeTable) makeRoom() {
	if (t.hashed+1)*2 <= len(t.keys) {
		return
	}
	old := *t
	*t = newRuneTable(len(old.keys))
	t.n, t.ascii = old.n, old.ascii
	for i, k := range old.keys {
		if k != 0 {
			t.keys[t.slot(k)], t.ids[t.slot(k)] = k, old.ids[i]
			t.hashed++
		}
	}
}

// lookup returns the id of rune r in this stream's index: from the fold
// cache where r folds to itself (most CJK letters), else from the rune
// table.
func (s *stream) lookup(r rune) (int32, bool) {
	if r >= utf8.RuneSelf && s.bufs != nil {
		if c := &s.bufs.folds[foldSlot(r)]; c.r == r && c.f == r && c.gen == s.bufs.gen && c.gen != 0 {
			return c.id, true
		}
	}
	return s.runeID.get(r)
}

// release returns the stream's slices for the next document. The stream
// must not be used after: its slices are set to nil, so a use panics rather
// than read another document.
func (s *stream) release() {
	b := s.bufs
	if b == nil {
		return
	}
	b.runes, b.places = pooled(s.runes), pooled(s.places)
	b.pos, b.occ = pooled(s.pos), pooled(s.occ)
	clear(s.origins) // the document's strings are not kept
	b.origins, b.originStart = pooled(s.origins), pooled(s.originStart)
	b.words, b.occBuf = pooled(s.words), pooled(s.occBuf)
	b.keys, b.tableIDs, b.ascii = s.runeID.keys, s.runeID.ids, s.runeID.ascii
	if len(b.keys) > maxPooled {
		b.keys, b.tableIDs = nil, nil
	}
	*s = stream{}
	freeBufs.put(b)
}

// Markers in the stream. They are control characters, which folded report
// text never contains.
const (
	sepMark   = '\x1f' // a cell or line boundary
	blankMark = '\x1e' // an empty cell of a grid
	rowMark   = '\x1d' // the end of a grid row
	// spaceMark is a single space between two digits of a text line: it
	// usually parts two cells, but page text groups cells irregularly
	// (30 0 0 00 3), so the digits on either side may hold several cells.
	spaceMark = '\x1c'
)

// where is the place of an origin people can find: the PDF page, or the
// workbook's sheet and cell (D7); zero for other formats.
type where struct {
	page        int
	sheet, cell string
}

// origin is a piece of the source: a text line or a grid cell.
type origin struct {
	line     int
	at       where
	row, col int // grid position, -1 for text
	text     string
	rowText  string // for grid cells: the whole row's text, for evidence
}

func isMark(r rune) bool { return r == sepMark || r == blankMark || r == rowMark || r == spaceMark }

// newStream flattens doc.
func newStream(doc *document.Document) *stream {
	s := &stream{bufs: freeBufs.get()}
	// The stream holds at most one rune per rune of the source (a marker
	// stands for white space it drops) and a marker or two per block, cell
	// and row: sized so, its slices are never copied while they grow. A
	// text has no more runes than bytes, and slices that go back for the
	// next document are sized so, once: counting the runes (a pass of its
	// own over the text) for every document cost more than the stream's
	// index. Slices too large to keep for reuse are sized by the runes, for
	// a Chinese text has a third as many runes as bytes. The letters'
	// buffer grows with each text for the most its letters can take.
	size := streamSize(doc, func(t string) int { return len(t) })
	if cap(s.bufs.runes) < size && size > maxPooled {
		size = streamSize(doc, utf8.RuneCountInString)
	}
	b := s.bufs
	s.runes = reuse(b.runes, size)
	s.places = reuse(b.places, size)
	s.origins = reuse(b.origins, len(doc.Blocks)+16)
	s.originStart = reuse(b.originStart, len(doc.Blocks)+16)
	s.letterBuf = b.letterBuf[:0]
	// A rune id is given to a letter, and there are fewer letters than
	// runes. The ids' occurrences are cleared as texts may give them
	// (addText).
	s.occ = reuse(b.occ, size)[:size]
	s.runeID = reuseRuneTable(b.keys, b.tableIDs, b.ascii)
	if b.gen++; b.gen == 0 { // after 2³² documents: the ids cached are not this one's
		for i := range b.folds {
			b.folds[i].gen = 0
		}
		b.gen = 1
	}
	s.occBuf = b.occBuf[:0]
	s.words = b.words[:0]
	for _, b := range doc.Blocks {
		if b.Table != nil {
			s.addGrid(b)
			continue
		}
		s.addText(origin{line: b.Line, at: where{page: b.Page}, row: -1, col: -1, text: b.Text}, b.Text)
		s.mark(sepMark)
	}
	s.index()
	return s
}

// streamSize is an upper bound on the length of doc's stream, its runes
// and markers, where length(t) bounds the runes of text t.
func streamSize(doc *document.Document, length func(string) int) int {
	size := 16
	for _, b := range doc.Blocks {
		size += length(b.Text) + 2
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				size++
				for _, c := range row {
					size += length(c.Text) + 2
				}
			}
		}
	}
	return size
}

func (s *stream) mark(r rune) {
	if n := len(s.runes); n > 0 && s.runes[n-1] == sepMark && r != blankMark {
		s.runes[n-1] = r // a row end replaces a cell boundary
		return
	}
	s.runes = append(s.runes, r)
	s.places = append(s.places, runePlace{offset: int32(len(s.origins[len(s.origins)-1].text)), byteAt: int32(len(s.letterBuf))})
}

// addOrigin starts origin o at the stream's end.
func (s *stream) addOrigin(o origin) {
	s.origins = append(s.origins, o)
	s.originStart = append(s.originStart, int32(len(s.runes)))
}

// originOf returns the origin rune i came from (i < len(s.runes)).
func (s *stream) originOf(i int) *origin {
	return &s.origins[s.originIndex(i)]
}

// originIndex returns the index in origins of the origin rune i came from.
func (s *stream) originIndex(i int) int {
	// The last origin that starts at or before i. The runes asked for
	// mostly follow one another (a region's pieces, a row's label and
	// values): the origin found last, or one of the next few, is tried
	// before the search, which in a grid of a cell an origin was a tenth
	// of the table reader.
	st := s.originStart
	if k := s.lastOrigin; k < len(st) && int(st[k]) <= i {
		for range 4 {
			if k+1 == len(st) || int(st[k+1]) > i {
				s.lastOrigin = k
				return k
			}
			k++
		}
	}
	k := sort.Search(len(st), func(k int) bool { return int(st[k]) > i }) - 1
	if k >= 0 {
		s.lastOrigin = k
	}
	return k
}

// addText folds text into the stream. Runs of white space, a tab and a |
// separate cells; a single space between two digits is a weak separator
// (spaceMark); other single spaces are dropped, because labels break
// anywhere (社会公益 组织). The space, the no-break and the ideographic
// space make runs; other white space (the rest of zh.IsSpace) is folded
// away by zh.FoldRune, even between digits.
//
// It writes every rune's place whole, the letters' UTF-8, and each
// letter's occurrences by its rune id, given to runes in the order they
// first occur as letters.
func (s *stream) addText(o origin, text string) {
	s.addOrigin(o)
	if isRuleLine(text) {
		return // +----+----+ or ├────┼────┤: a border, only a separator
	}
	// Every rune of a report passes here. The lists it writes are given
	// room for the most the text can make (a rune a byte, as a marker
	// stands for white space it drops; four bytes of letters a byte) once,
	// and the loop writes them at an index: the values it changes are then
	// a few ints, which stay in registers across its rare calls, where
	// appended slices were spilled and reloaded for every rune. The fold
	// of a rune outside ASCII, and its id where it folds to itself (most
	// CJK letters), are looked up in the stream's cache first (the
	// full-width punctuation of Chinese text would ask zh's map each time,
	// and a rune table hashes every letter).
	//
	// One pass writes it all: a second pass over the runes for their ids
	// and letters read every rune and its cache entry again, and made the
	// table reader 6% slower.
	n, nl := len(s.runes), len(s.letterBuf)
	runes, places := slices.Grow(s.runes, len(text)), slices.Grow(s.places, len(text))
	runes, places = runes[:n+len(text)], places[:n+len(text)]
	letters := slices.Grow(s.letterBuf, utf8.UTFMax*len(text))
	letters = letters[:nl+utf8.UTFMax*len(text)]
	// A text gives at most one id a byte: the occurrences of the ids it
	// may give are cleared here, and not where an id is given (in the
	// loop below, that made the table reader 0.4% slower).
	if need := s.runeID.n + len(text); need > s.cleared {
		if len(s.occ) < need {
			s.occ = append(s.occ, make([]letterOcc, need-len(s.occ))...)
		}
		clear(s.occ[s.cleared:need])
		s.cleared = need
	}
	occ := s.occ
	folds, gen, ascii := &s.bufs.folds, s.bufs.gen, s.runeID.ascii
	var prev rune
	pendingSpace := 0
	for next := 0; next < len(text); {
		// for at, r := range text, with the three-byte runes of CJK text
		// decoded here (range calls the runtime for every rune outside
		// ASCII); others, and invalid bytes, as range decodes them.
		at := next
		var r rune
		if c0 := text[at]; c0 < utf8.RuneSelf {
			r = rune(c0)
			next++
		} else if c0 >= 0xE0 && c0 < 0xF0 && at < len(text)-2 && text[at+1]&0xC0 == 0x80 && text[at+2]&0xC0 == 0x80 &&
			(c0 != 0xE0 || text[at+1] >= 0xA0) && (c0 != 0xED || text[at+1] < 0xA0) {
			r = rune(c0&0x0F)<<12 | rune(text[at+1]&0x3F)<<6 | rune(text[at+2]&0x3F)
			next += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[at:])
			next += size
		}
		var f rune
		var self *foldEntry // r's cache entry, where r folds to itself
		// A | and a tab separate cells, like a box character, and a
		// space, a no-break and an ideographic one make runs. An ASCII
		// rune is told by its fold first (a space, a tab and the other
		// runes folded away fold to -1, a | to itself): testing the six
		// runes before the fold of every rune was 4% of the stream.
		if r < utf8.RuneSelf {
			if f = asciiFolds[r&(utf8.RuneSelf-1)]; f == '|' || f < 0 && (r == ' ' || r == '\t') {
				if r == ' ' {
					pendingSpace++
				} else {
					pendingSpace = 2
				}
				continue
			}
		} else {
			if isBoxRune(r) {
				pendingSpace = 2
				continue
			}
			if r == '\u00a0' || r == '\u3000' {
				pendingSpace++
				continue
			}
			c := &folds[foldSlot(r)]
			if c.r != r {
				s.refold(c, r)
			}
			if f = c.f; f == r {
				self = c
			}
		}
		if f < 0 {
			continue
		}
		if pendingSpace > 0 {
			mark := rune(sepMark)
			if pendingSpace == 1 && isDigit(prev) && (isDigit(f) || f == '-') {
				mark = spaceMark
			}
			if mark == spaceMark || pendingSpace > 1 || (isDigit(prev) && f == '-') {
				runes[n], places[n] = mark, runePlace{int32(at), int32(nl), 0}
				n++
			}
			pendingSpace = 0
		}
		runes[n] = f
		prev = f
		var id int32
		switch {
		case self != nil:
			if self.gen != gen {
				self.id, self.gen = int32(s.runeID.n), gen
				s.runeID.n++
			}
			id = self.id
		case isMark(f):
			// Folded text holds no marker, but a control character of the
			// source is taken for one.
			places[n] = runePlace{int32(at), int32(nl), 0}
			n++
			continue
		case uint32(f) < utf8.RuneSelf && ascii[f] != 0:
			id = ascii[f] - 1 // runeTable.get, inline: the digits of every cell
		default:
			id = s.letterID(f)
		}
		o := &occ[id]
		places[n] = runePlace{int32(at), int32(nl), o.last}
		n++
		o.count++
		o.last = int32(n)
		switch {
		case f < utf8.RuneSelf:
			letters[nl] = byte(f)
			nl++
		case f >= 0x800 && f <= 0xFFFF && (f < 0xD800 || f > 0xDFFF):
			// utf8.EncodeRune's three bytes, written here (its call for
			// runes outside ASCII is not inlined).
			b := letters[nl : nl+3]
			b[0], b[1], b[2] = byte(0xE0|f>>12), byte(0x80|(f>>6)&0x3F), byte(0x80|f&0x3F)
			nl += 3
		default:
			nl += utf8.EncodeRune(letters[nl:], f)
		}
		// A run of three-byte runes the fold cache knows to fold to
		// themselves (plain Han text, most of a report) needs no more than
		// finding their bytes in the cache, not even decoding: an entry
		// holds the UTF-8 of such a rune, never an overlong form or a
		// surrogate, so three bytes equal to it are that rune. None is
		// white space, a border or a marker, whose folds are not
		// cached, and its letters are its bytes.
		start, startL := next, nl
		places := places[:len(runes)]
		for ; next < len(text)-2; next += 3 {
			// The next three bytes, as foldEntry.utf8 holds a rune's.
			v := uint32(text[next]) | uint32(text[next+1])<<8 | uint32(text[next+2])<<16
			c := &folds[v>>10&0xFC0|v>>8&0x3F] // foldSlot of the rune v encodes
			if c.utf8 != ^v {
				break
			}
			r := c.r
			if c.gen != gen {
				c.id, c.gen = int32(s.runeID.n), gen
				s.runeID.n++
			}
			o := &occ[c.id]
			runes[n] = r
			places[n] = runePlace{int32(next), int32(nl), o.last}
			n++
			nl += 3
			o.count++
			o.last = int32(n)
		}
		if next > start {
			copy(letters[startL:], text[start:next])
			prev = runes[n-1]
		}
	}
	s.runes, s.places, s.letterBuf = runes[:n], places[:n], letters[:nl]
}

// refold makes fold-cache entry c the entry of rune r, which it was not.
// An entry holds the id in this document of the letter it folds to itself
// (see foldEntry); an id must outlive its entry, for the letter keeps it:
// the id of the rune c was the entry of goes to the rune table, and r's, if
// r folds to itself and has one there, comes back from it.
func (s *stream) refold(c *foldEntry, r rune) {
	gen := s.bufs.gen
	if c.gen == gen {
		s.runeID.put(c.r, c.id)
	}
	c.r, c.f, c.gen, c.utf8 = r, zh.FoldRune(r), 0, 0
	if c.f == r && r >= 0x800 && r <= 0xFFFF && (r < 0xD800 || r > 0xDFFF) {
		c.utf8 = ^(uint32(0xE0|r>>12) | uint32(0x80|(r>>6)&0x3F)<<8 | uint32(0x80|r&0x3F)<<16)
	}
	if c.f == r {
		if id, ok := s.runeID.get(r); ok {
			c.id, c.gen = id, gen
		}
	}
}

// letterID returns the id of letter f (no marker) folded from another
// rune, given it now if it has none: in f's cache entry where that is of
// f folded to itself (the entry a later f of the source finds), else in
// the rune table.
func (s *stream) letterID(f rune) int32 {
	if c := &s.bufs.folds[foldSlot(f)]; f >= utf8.RuneSelf && c.r == f && c.f == f {
		if c.gen != s.bufs.gen {
			c.id, c.gen = int32(s.runeID.n), s.bufs.gen
			s.runeID.n++
		}
		return c.id
	}
	id, _ := s.runeID.add(f)
	return id
}

// asciiFolds is zh.FoldRune of every ASCII rune.
var asciiFolds = func() (f [utf8.RuneSelf]rune) {
	for r := range f {
		f[r] = zh.FoldRune(rune(r))
	}
	return f
}()

// foldCacheSize is the number of entries of a stream's fold cache (a power
// of two): a report's runes outside ASCII, mostly CJK, are a few thousand.
const foldCacheSize = 4096

// foldEntry caches zh.FoldRune(r) = f for one rune r outside ASCII (an
// entry whose r is 0, as made, matches none), and, where r folds to
// itself, the letter's rune id in the document whose generation is gen
// (0: none). The fold of a rune is always the same: the cache is kept from
// one document to the next, and an id only for the document that gave it,
// so most letters skip the rune table. A letter's id is in its entry
// whenever the entry is of it folded to itself, and in the rune table
// otherwise (stream.refold moves it).
type foldEntry struct {
	r, f rune
	id   int32
	gen  uint32
	// utf8 is the complement of r's UTF-8 read as a little-endian number
	// where r has three bytes and folds to itself, 0 otherwise (three
	// bytes complemented are never 0, and an entry as made matches none):
	// one comparison tells a rune of a run of Han text (see addText).
	utf8 uint32
}

// foldSlot is the entry of r in the fold cache: the low twelve bits of r,
// its last six first. Of a three-byte rune, they are the low six bits of
// its last two bytes, which addText takes from the bytes without decoding
// the rune.
func foldSlot(r rune) int {
	return int(r&0x3F)<<6 | int(r>>6&0x3F)
}

// isBoxRune reports whether r draws table borders (│ ├ ─ ┼ …), as text
// browsers and some editors render tables.
func isBoxRune(r rune) bool { return r >= 0x2500 && r <= 0x257F }

// isRuleLine reports whether a line only draws a table border, in box
// characters or ASCII art (+----+, |====|). Most lines start with a
// letter: the first byte tells them without decoding a rune (a box
// character's UTF-8 starts with 0xE2), here, inline in addText, which asks
// of every line (the call for each was most of the cost).
func isRuleLine(t string) bool {
	return t != "" && ruleLead[t[0]] && isRuleBytes(t)
}

// ruleLead marks the bytes a border may start with.
var ruleLead = [256]bool{'-': true, '=': true, '_': true, '+': true, '|': true, ' ': true, '\t': true, ':': true, 0xE2: true}

// isRuleBytes is isRuleLine of a line that starts with a byte of
// ruleLead.
func isRuleBytes(t string) bool {
	// The bytes are read, not decoded runes: a border drawn in box
	// characters (U+2500 to U+257F, E2 94 xx and E2 95 xx in UTF-8) is a
	// line of a text browser's table, and decoding each of its runes was
	// most of the cost of telling the lines of a page-text report.
	hasRule, runes := false, 0
	for i := 0; i < len(t); runes++ {
		switch c := t[i]; {
		case c == '-' || c == '=' || c == '_':
			hasRule = true
			i++
		case c == '+' || c == '|' || c == ' ' || c == '\t' || c == ':':
			i++
		case c == 0xE2 && i+2 < len(t) && (t[i+1] == 0x94 || t[i+1] == 0x95) && t[i+2]&0xC0 == 0x80:
			hasRule = true
			i += 3
		default:
			return false
		}
	}
	return hasRule && runes >= 3
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isBlankText reports whether strings.TrimSpace(t) is empty: t is only
// white space (unicode.IsSpace). Most cells are not, and their first
// byte tells, where TrimSpace trimmed a CJK text from both ends with
// a call for each rune it decoded.
func isBlankText(t string) bool {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

// asciiSpace marks the ASCII runes unicode.IsSpace holds.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

func (s *stream) addGrid(b document.Block) {
	g := b.Table
	// A row's texts, joined for its evidence, are listed on the stack
	// for most rows: the list of each was grown anew, an allocation or
	// more for every row of every grid.
	var buf [16]string
	for r, row := range g.Rows {
		texts := buf[:0]
		for c, cell := range row {
			if !g.IsCopy(r, c) && cell.Text != "" {
				texts = append(texts, cell.Text)
			}
		}
		rowText := strings.Join(texts, " ")
		for c, cell := range row {
			if g.IsCopy(r, c) {
				continue
			}
			o := origin{line: b.Line, at: where{page: b.RowPage(r)}, row: r, col: c, text: cell.Text, rowText: rowText}
			if g.Sheet != "" {
				o.at.sheet, o.at.cell = g.Sheet, g.CellName(r, c)
			}
			if isBlankText(cell.Text) {
				s.addOrigin(o)
				s.mark(blankMark)
			} else {
				s.addText(o, cell.Text)
			}
			s.mark(sepMark)
		}
		s.mark(rowMark)
	}
}

// index makes the letters, and the room for the lists of runes where
// the letters occur (positions): as many as there are runes, more than
// letters.
func (s *stream) index() {
	bufs := s.bufs
	// The string is the buffer, written no more until release: a copy was
	// a tenth of the bytes the table reader allocated.
	s.letters = unsafe.String(unsafe.SliceData(s.letterBuf), len(s.letterBuf))
	s.pos = reuse(bufs.pos, len(s.runes)) // appended to by positions
	bufs.letterBuf = pooled(s.letterBuf)
	s.letterBuf = nil
}

// positions returns the runes where the letter of rune id k occurs, in
// order, listed at the first call from the chain of its occurrences.
// A list is put in pos where the first call finds room, not at a place
// of its own in a list of every letter's: the room of each was counted
// out for every letter of a document (a pass over all its ids), and a
// document's search lists a few hundred.
func (s *stream) positions(k int32) []int32 {
	o := &s.occ[k]
	if o.last > 0 {
		start := len(s.pos)
		s.pos = append(s.pos, make([]int32, o.count)...) // within the room index made
		list := s.pos[start:]
		at := o.last
		for j := len(list) - 1; j >= 0; j-- {
			list[j] = at - 1
			at = s.places[at-1].prev
		}
		o.last = -1 - int32(start) // listed
		return list
	}
	start := int(-1 - o.last)
	return s.pos[start : start+int(o.count)]
}

// find returns the rune span [start, end) of the first occurrence of w in
// the letters at or after rune index from, or -1.
func (s *stream) find(w word, from int) (start, end int) {
	if w.id < 0 {
		var one [1]span
		if occ := s.appendOccurrences(one[:0], w, from, 1); len(occ) > 0 {
			return int(occ[0].start), int(occ[0].end)
		}
		return -1, -1
	}
	f := s.found(w.id)
	if f.listFrom > 0 && from >= int(f.listFrom-1) {
		occ := s.occBuf[f.lo:f.hi]
		if j := firstFrom(occ, from); j < len(occ) {
			return int(occ[j].start), int(occ[j].end)
		}
		return -1, -1
	}
	// The first occurrence from the start is the first at or after any
	// place before it, and none from the start is none at all.
	if f.firstKnown && int(f.first.start) >= from {
		return int(f.first.start), int(f.first.end)
	} else if f.firstKnown && f.first.start < 0 {
		return -1, -1
	}
	// A word not listed yet is searched only up to its first occurrence:
	// most are searched once (a form's anchors, its labels for
	// labelsPresent), and the full list for a form not read is wasted.
	var one [1]span
	occ := s.appendOccurrences(one[:0], w, from, 1)
	if from == 0 {
		f.first, f.firstKnown = span{-1, -1}, true
		if len(occ) > 0 {
			f.first = occ[0]
		}
	}
	if len(occ) > 0 {
		return int(occ[0].start), int(occ[0].end)
	}
	return -1, -1
}

// span is an occurrence of a word: runes [start, end) of the stream.
type span struct{ start, end int32 }

// firstFrom returns the index of the first occurrence in occ that starts
// at or after rune index from (len(occ) if none).
func firstFrom(occ []span, from int) int {
	return sort.Search(len(occ), func(i int) bool { return int(occ[i].start) >= from })
}

// occurrences returns the occurrences of w in the letters that start at or
// after rune index from, in order, and maybe some before. The lists are
// kept for the stream's life: a form reader searches each row's labels
// from many places (from every cursor, and every try of an absent label),
// and forms that share rows (gov_2019 and gov_2021) search the same words.
// A list starts where the word was first searched from, for the text
// before a table is not searched for its labels (but listed again if it
// is).
func (s *stream) occurrences(w word, from int) []span {
	var f *wordFound
	if w.id >= 0 {
		f = s.found(w.id)
		if f.listFrom > 0 && from >= int(f.listFrom-1) {
			return s.occBuf[f.lo:f.hi:f.hi]
		}
	}
	lo := int32(len(s.occBuf))
	s.occBuf = s.appendOccurrences(s.occBuf, w, from, -1)
	hi := int32(len(s.occBuf))
	if f != nil {
		f.lo, f.hi, f.listFrom = lo, hi, int32(from)+1
	}
	return s.occBuf[lo:hi:hi]
}

// appendOccurrences appends to occ the occurrences of w in the letters
// that start at or after rune index from, the first limit of them (all if
// limit < 0): the places of the word's rarest rune where the word is found
// around it.
func (s *stream) appendOccurrences(occ []span, w word, from, limit int) []span {
	if len(w.runes) == 0 {
		return occ
	}
	best, bestK, lead, ok := s.rarest(w)
	if !ok {
		return occ
	}
	wordRunes := len(w.runes)
	word := w.text
	list := s.positions(best)
	// The word starts at or before its rarest rune: the runes before from
	// hold none of its occurrences from there. (Most searches are from the
	// start, where the search would find the first position: the words
	// a form's tables are bound by, labelsPresent's and mentionsForm's.)
	if len(list) > 0 && int(list[0]) < from {
		list = list[sort.Search(len(list), func(i int) bool { return int(list[i]) >= from }):]
	}
	for _, p := range list {
		// The word's letters are where its rarest rune is, less the bytes
		// before that rune in the word: letters and word are UTF-8, so the
		// word found there starts at a letter, and its letters are its runes.
		at := int(s.places[p].byteAt) - lead
		if at < 0 || !strings.HasPrefix(s.letters[at:], word) {
			continue
		}
		start := s.letterBefore(int(p), bestK)
		if start < from {
			continue
		}
		occ = append(occ, span{int32(start), int32(s.letterAfter(int(p), wordRunes-1-bestK)) + 1})
		if limit--; limit == 0 {
			break
		}
	}
	return occ
}

// rarest returns the id of the rarest rune of word w in the stream, the
// rune's index in w and the bytes of w before it; ok is false if a rune of
// w is not in the stream. It is kept for a word of the lexicon: a form
// reader searches many words more than once.
//
// A rune that occurs rareEnough times or fewer is taken without looking
// at the rest of the word (which may be rarer, or not in the stream):
// appendOccurrences finds the same occurrences around any rune of the
// word, where the word is, and it is only slower around a commoner one.
func (s *stream) rarest(w word) (best int32, bestK, lead int, ok bool) {
	var f *wordFound
	if w.id >= 0 {
		if f = s.found(w.id); f.rarest != 0 {
			return f.rarest - 1, int(f.rarestK), int(f.rarestLead), f.rarest > 0
		}
	}
	best, bestN := int32(-1), int32(1<<30)
	folds, gen, occ := &s.bufs.folds, s.bufs.gen, s.occ
	slots := w.slots[:len(w.runes)]
	for k, r := range w.runes {
		// s.lookup, with its look-up in the fold cache inline (its call
		// for every rune of every word searched was a quarter of the
		// search), and what it asks of the rune alone known beforehand
		// (the word's slots). A stream's generation is never 0.
		slot := slots[k]
		c := &folds[slot&(foldCacheSize-1)]
		id := c.id
		if slot&selfFolds == 0 || c.r != r || c.gen != gen {
			var ok bool
			if id, ok = s.runeID.get(r); !ok {
				if f != nil {
					f.rarest = -1
				}
				return -1, 0, 0, false
			}
		}
		// The letter's count.
		if n := occ[id].count; n < bestN {
			best, bestK, bestN = id, k, n
			if n <= rareEnough {
				break
			}
		}
	}
	lead = int(w.leads[bestK])
	if f != nil {
		f.rarest, f.rarestK, f.rarestLead = best+1, int32(bestK), int32(lead)
	}
	return best, bestK, lead, true
}

// rareEnough is how few occurrences make a rune of a word rare enough for
// rarest to look no further: the word is found around any of its runes
// alike, and checking the word at a few places costs less than looking
// up the counts of its other runes (of the table reader's searches, with
// 2 or 8 it cost more, and most with 16).
const rareEnough = 4

// letterBefore returns the rune index of the nth letter before the letter
// at rune index i (i itself for n = 0); there are as many.
func (s *stream) letterBefore(i, n int) int {
	for n > 0 {
		if i--; !isMark(s.runes[i]) {
			n--
		}
	}
	return i
}

// letterAfter returns the rune index of the nth letter after the letter
// at rune index i (i itself for n = 0); there are as many.
func (s *stream) letterAfter(i, n int) int {
	for n > 0 {
		if i++; !isMark(s.runes[i]) {
			n--
		}
	}
	return i
}

// letterOffset returns the byte offset in letters of the first letter at or
// after rune index i.
func (s *stream) letterOffset(i int) int {
	switch {
	case i <= 0:
		return 0 // the first letter's, or the end of no letters
	case i >= len(s.places):
		return len(s.letters)
	}
	return int(s.places[i].byteAt)
}

// text returns runes [a, b) as a string: cut from the letters, which are
// the runes without the markers, when the span holds none (a region's
// pieces, looked at for every row tried, were converted anew each time).
func (s *stream) text(a, b int) string {
	for _, r := range s.runes[a:b] {
		if isMark(r) {
			return string(s.runes[a:b])
		}
	}
	return s.letters[s.letterOffset(a):s.letterOffset(b)]
}

// letterText returns runes [a, b) without their markers: the letters
// among them, cut from the letters' string. The parenthetical after a
// label or a value (its note, its unit) was made so, from runes to a
// string and through strings.Map, a tenth of the search of a report
// whose tables have few values.
func (s *stream) letterText(a, b int) string {
	return s.letters[s.letterOffset(a):s.letterOffset(b)]
}

// source returns the source text behind runes [a, b): for each text line or
// cell touched, the part of it that was read, as printed. A label that
// starts its line is extended to the line start, so its numbering shows.
func (s *stream) source(a, b int) string {
	var buf [4]string // the parts of most spans, on the stack
	parts := buf[:0]
	for i := a; i < b && i < len(s.runes); {
		oi := s.originIndex(i)
		j := min(b, len(s.runes))
		if oi+1 < len(s.originStart) {
			j = min(j, int(s.originStart[oi+1])) // after i: oi is the last origin at or before it
		}
		o := s.origins[oi]
		from, to := int(s.places[i].offset), int(s.places[j-1].offset)
		if to < len(o.text) {
			_, size := utf8.DecodeRuneInString(o.text[to:])
			to += size
		}
		if i == a && from > 0 && isLabelLead(o.text[:from]) { // at 0, from stays 0
			from = 0
		}
		if t := zh.TrimSpace(o.text[min(from, to):to]); t != "" {
			parts = append(parts, t)
		}
		i = j
	}
	return strings.Join(parts, " ")
}

// source2 returns source(a, b1) and source(a, b2) in one pass over the
// origins of runes [a, max(b1, b2)): a row's printed label and its
// evidence both start at the label, and the label ends first. A span's
// parts are those of the longer span, the last of them cut where it ends.
func (s *stream) source2(a, b1, b2 int) (string, string) {
	if b1 > b2 {
		return s.source(a, b1), s.source(a, b2)
	}
	var buf1, buf2 [4]string // the parts of most spans, on the stack
	parts1, parts2 := buf1[:0], buf2[:0]
	for i := a; i < b2 && i < len(s.runes); {
		oi := s.originIndex(i)
		next := len(s.runes)
		if oi+1 < len(s.originStart) {
			next = int(s.originStart[oi+1]) // after i: oi is the last origin at or before it
		}
		o := &s.origins[oi]
		from := int(s.places[i].offset)
		if i == a && from > 0 && isLabelLead(o.text[:from]) { // at 0, from stays 0
			from = 0
		}
		j2 := min(b2, next)
		to2 := sourceEnd(o.text, int(s.places[j2-1].offset))
		t2 := zh.TrimSpace(o.text[min(from, to2):to2])
		if t2 != "" {
			parts2 = append(parts2, t2)
		}
		if i < b1 {
			t1 := t2
			if j1 := min(b1, next); j1 != j2 {
				to1 := sourceEnd(o.text, int(s.places[j1-1].offset))
				t1 = zh.TrimSpace(o.text[min(from, to1):to1])
			}
			if t1 != "" {
				parts1 = append(parts1, t1)
			}
		}
		i = j2
	}
	return strings.Join(parts1, " "), strings.Join(parts2, " ")
}

// sourceEnd is the end in text of the rune at byte offset to (len(text)
// at the end).
func sourceEnd(text string, to int) int {
	if to < len(text) {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return to
}

// isLabelLead reports whether the text before a label is only its
// numbering or white space.
func isLabelLead(t string) bool {
	if len(t) > 24 {
		return false
	}
	_, rest := templates.StripNumbering(zh.Fold(t))
	return rest == "" || (len(rest) <= 2 && allDigits(rest))
}
