package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// xrefEntry says where an object is: at a byte offset (type 1) or as the
// idx-th object of object stream stm (type 2).
type xrefEntry struct {
	typ      byte
	off, gen int
	stm, idx int
}

// file is an opened PDF: its bytes, cross-reference and trailer, and the
// objects read so far.
type file struct {
	data     []byte
	xref     map[int]xrefEntry
	trailer  Dict
	cache    map[int]any
	loading  map[int]bool
	objStms  map[int]*objStm
	scanned  map[int]int // object number → offset, found by scanning (repair)
	budget   *budget
	crypt    *decrypter
	repaired bool
	depth    int   // objects being loaded, nested (a stream's /Length in another object…)
	ends     []int // offsets of every "endstream", found on first need

	inflater *inflater // taken from the pool on first need

	// By the /ActualText's bytes, packed when short; see actualText.
	actualTexts      map[string]string
	shortActualTexts shortTexts

	// cuts counts objects not loaded for a loop or a chain too long;
	// loadCharged, the budget loading objects spent (object streams).
	// Fonts loaded without a cut are reused by later pages as loading
	// them again, every object now read, would give and charge them.
	cuts        int
	loadCharged int64
	fonts       map[Ref]loadedFont

	glyphs   []Glyph   // the page being read draws here; see readPage
	segments []Segment // and its rules here

	// contentBuf holds the content of the page being read, inflated by
	// the last filter of its stream, which reuseContent tells inflate
	// (see decodePageContent).
	contentBuf   []byte
	reuseContent bool
	pool         *buffers // what glyphs, segments and contentBuf go back to
}

// maxLoadDepth bounds objects loaded while loading another, so that a
// chain of references cannot exhaust the stack.
const maxLoadDepth = 32

type objStm struct {
	data    []byte
	offsets []int // offsets[i] of the i-th object, relative to data
	nums    []int
}

// maxObjects bounds the object numbers an xref may declare.
const maxObjects = 10_000_000

func open(data []byte, b *budget) (*file, error) {
	f := &file{
		data:    data,
		xref:    map[int]xrefEntry{},
		cache:   map[int]any{},
		loading: map[int]bool{},
		objStms: map[int]*objStm{},
		budget:  b,
		fonts:   map[Ref]loadedFont{},
	}
	if err := f.readXrefChain(); err != nil || f.trailer == nil || f.trailer["Root"] == nil {
		if rerr := f.repair(); rerr != nil {
			if err != nil {
				return nil, err
			}
			return nil, rerr
		}
	}
	if enc := f.trailer["Encrypt"]; enc != nil {
		d, err := newDecrypter(f, enc)
		if err != nil {
			return nil, err
		}
		f.crypt = d
		// Objects read so far (while finding the trailer) were not
		// decrypted.
		f.cache = map[int]any{}
		f.objStms = map[int]*objStm{}
	}
	return f, nil
}

// readXrefChain reads the cross-reference section startxref points to and
// those it chains to by /Prev. Entries of newer sections win.
func (f *file) readXrefChain() error {
	i := bytes.LastIndex(f.data, []byte("startxref"))
	if i < 0 {
		return errors.New("no startxref")
	}
	l := &lexer{b: f.data, pos: i + len("startxref")}
	t := l.next()
	if t.kind != tNumber || !t.isInt {
		return errors.New("bad startxref")
	}
	off := int(t.num)
	seen := map[int]bool{}
	for n := 0; off > 0 || n == 0; n++ {
		if seen[off] || n > 64 {
			break // a /Prev loop
		}
		seen[off] = true
		trailer, err := f.readXrefAt(off)
		if err != nil {
			return err
		}
		if f.trailer == nil {
			f.trailer = trailer
		}
		if stm, ok := trailer["XRefStm"].(int); ok && !seen[stm] {
			seen[stm] = true
			if _, err := f.readXrefAt(stm); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int)
		if !ok {
			break
		}
		off = prev
	}
	return nil
}

// readXrefAt reads an xref table with its trailer, or an xref stream, at
// off. Entries already known (from a newer section) are kept.
func (f *file) readXrefAt(off int) (Dict, error) {
	if off < 0 || off >= len(f.data) {
		return nil, errors.New("xref offset out of range")
	}
	l := &lexer{b: f.data, pos: off}
	l.skipSpace()
	if hasPrefixAt(f.data, l.pos, "xref") {
		l.pos += 4
		return f.readXrefTable(l)
	}
	// An xref stream: N G obj << … >> stream.
	v, err := f.parseObjectAt(l.pos, -1)
	if err != nil {
		return nil, err
	}
	s, ok := v.(*Stream)
	if !ok || s.Dict["Type"] != Name("XRef") {
		return nil, errors.New("no xref at offset")
	}
	if err := f.readXrefStream(s); err != nil {
		return nil, err
	}
	return s.Dict, nil
}

func (f *file) readXrefTable(l *lexer) (Dict, error) {
	for {
		t := l.next()
		if t.kind == tKeyword && t.str == "trailer" {
			v, _, _ := l.object(0)
			d, ok := v.(Dict)
			if !ok {
				return nil, errors.New("bad trailer")
			}
			return d, nil
		}
		if t.kind != tNumber || !t.isInt {
			return nil, errors.New("bad xref subsection")
		}
		t2 := l.next()
		if t2.kind != tNumber || !t2.isInt {
			return nil, errors.New("bad xref subsection")
		}
		start, count := int(t.num), int(t2.num)
		if start < 0 || count < 0 || start+count > maxObjects {
			return nil, errors.New("xref subsection too large")
		}
		if len(f.xref) == 0 {
			// Sized for the subsection at once, as far as the bytes
			// left can hold its entries (20 bytes each).
			f.xref = make(map[int]xrefEntry, min(count, (len(l.b)-l.pos)/20))
		}
		for k := 0; k < count; k++ {
			a, b, c := l.next(), l.next(), l.next()
			if a.kind != tNumber || b.kind != tNumber || c.kind != tKeyword {
				return nil, errors.New("bad xref entry")
			}
			num := start + k
			if _, known := f.xref[num]; known {
				continue
			}
			switch c.str {
			case "n":
				f.xref[num] = xrefEntry{typ: 1, off: int(a.num), gen: int(b.num)}
			case "f":
				f.xref[num] = xrefEntry{typ: 0}
			default:
				return nil, errors.New("bad xref entry")
			}
		}
	}
}

func (f *file) readXrefStream(s *Stream) error {
	data, err := f.decodeStream(s, false)
	if err != nil {
		return err
	}
	w, ok := s.Dict["W"].(Array)
	if !ok || len(w) < 3 {
		return errors.New("xref stream without /W")
	}
	var widths [3]int
	rowLen := 0
	for i := range 3 {
		n, _ := w[i].(int)
		if n < 0 || n > 8 {
			return errors.New("bad /W")
		}
		widths[i] = n
		rowLen += n
	}
	if rowLen == 0 {
		return errors.New("bad /W")
	}
	size, _ := s.Dict["Size"].(int)
	var index []int
	if ia, ok := s.Dict["Index"].(Array); ok {
		for _, v := range ia {
			n, _ := v.(int)
			index = append(index, n)
		}
	} else {
		index = []int{0, size}
	}
	pos := 0
	field := func(n int, def int) int {
		if n == 0 {
			return def
		}
		v := 0
		for k := 0; k < n; k++ {
			v = v<<8 | int(data[pos])
			pos++
		}
		return v
	}
	for i := 0; i+1 < len(index); i += 2 {
		start, count := index[i], index[i+1]
		if start < 0 || count < 0 || start+count > maxObjects {
			return errors.New("xref stream section too large")
		}
		for k := 0; k < count; k++ {
			if pos+rowLen > len(data) {
				return nil // short: keep what was read
			}
			typ := field(widths[0], 1)
			a := field(widths[1], 0)
			b := field(widths[2], 0)
			num := start + k
			if _, known := f.xref[num]; known {
				continue
			}
			switch typ {
			case 0:
				f.xref[num] = xrefEntry{typ: 0}
			case 1:
				f.xref[num] = xrefEntry{typ: 1, off: a, gen: b}
			case 2:
				f.xref[num] = xrefEntry{typ: 2, stm: a, idx: b}
			}
		}
	}
	return nil
}

// repair rebuilds the cross-reference by scanning the file for "N G obj",
// as readers do for damaged files, and finds the trailer.
func (f *file) repair() error {
	f.repaired = true
	f.scan()
	if len(f.scanned) == 0 {
		return errors.New("没有找到任何 PDF 对象")
	}
	f.xref = map[int]xrefEntry{}
	for num, off := range f.scanned {
		f.xref[num] = xrefEntry{typ: 1, off: off}
	}
	f.cache = map[int]any{}
	trailer := Dict{}
	// The last trailer dictionary, if any.
	if i := bytes.LastIndex(f.data, []byte("trailer")); i >= 0 {
		l := &lexer{b: f.data, pos: i + len("trailer")}
		if d, ok := mustObject(l).(Dict); ok {
			trailer = d
		}
	}
	// Objects in object streams, and a catalog or xref stream dictionary
	// when the trailer lacks the root.
	for num := range f.scanned {
		v := f.get(num)
		s, ok := v.(*Stream)
		if !ok {
			if d, ok := v.(Dict); ok && d["Type"] == Name("Catalog") && trailer["Root"] == nil {
				trailer["Root"] = Ref{num, 0}
			}
			continue
		}
		switch s.Dict["Type"] {
		case Name("XRef"):
			for _, k := range []Name{"Root", "Info", "Encrypt", "ID"} {
				if trailer[k] == nil && s.Dict[k] != nil {
					trailer[k] = s.Dict[k]
				}
			}
		case Name("ObjStm"):
			if os, err := f.objStm(num); err == nil {
				for i, n := range os.nums {
					if _, direct := f.xref[n]; !direct {
						f.xref[n] = xrefEntry{typ: 2, stm: num, idx: i}
					}
				}
			}
		}
	}
	if trailer["Root"] == nil {
		for num := range f.xref {
			if d, ok := f.get(num).(Dict); ok && d["Type"] == Name("Catalog") {
				trailer["Root"] = Ref{num, 0}
				break
			}
		}
	}
	if trailer["Root"] == nil {
		return errors.New("没有找到文档目录（Catalog）")
	}
	f.trailer = trailer
	return nil
}

func mustObject(l *lexer) any {
	v, _, _ := l.object(0)
	return v
}

// scan finds every "N G obj" of the file; a later definition wins.
func (f *file) scan() {
	if f.scanned != nil {
		return
	}
	f.scanned = map[int]int{}
	d := f.data
	for i := 0; ; {
		j := indexFrom(d, i, []byte("obj"))
		if j < 0 {
			break
		}
		i = j + 3
		if i < len(d) && !isSpace(d[i]) && !isDelim(d[i]) {
			continue // objects, obj2…
		}
		// Back over: spaces, gen digits, spaces, num digits.
		k := j - 1
		for k >= 0 && isSpace(d[k]) {
			k--
		}
		genEnd := k + 1
		for k >= 0 && d[k] >= '0' && d[k] <= '9' {
			k--
		}
		if k+1 == genEnd || k < 0 || !isSpace(d[k]) {
			continue
		}
		for k >= 0 && isSpace(d[k]) {
			k--
		}
		numEnd := k + 1
		for k >= 0 && d[k] >= '0' && d[k] <= '9' {
			k--
		}
		if k+1 == numEnd || numEnd-(k+1) > 9 {
			continue
		}
		num, err := strconv.Atoi(string(d[k+1 : numEnd]))
		if err != nil || num > maxObjects {
			continue
		}
		f.scanned[num] = k + 1
	}
}

// get returns object num, read on first use; nil when it is missing or
// unreadable (a reader treats a broken object as null).
func (f *file) get(num int) any {
	if v, ok := f.cache[num]; ok {
		return v
	}
	if f.loading[num] || f.depth >= maxLoadDepth {
		f.cuts++
		return nil // a reference loop, or a chain too long
	}
	f.loading[num] = true
	left := f.budget.left
	f.depth++
	v := f.load(num)
	f.depth--
	if f.depth == 0 {
		f.loadCharged += left - f.budget.left
	}
	delete(f.loading, num)
	f.cache[num] = v
	return v
}

func (f *file) load(num int) any {
	e, ok := f.xref[num]
	if !ok || e.typ == 0 {
		// Not in the xref: some writers forget entries; look for it.
		if !f.repaired {
			f.scan()
			if off, ok := f.scanned[num]; ok {
				v, _ := f.parseObjectAt(off, num)
				return f.decrypt(v, num, 0)
			}
		}
		return nil
	}
	if e.typ == 2 {
		os, err := f.objStm(e.stm)
		if err != nil {
			return nil
		}
		if e.idx < 0 || e.idx >= len(os.offsets) || os.nums[e.idx] != num {
			// A wrong index: find the number in the stream's table.
			found := false
			for i, n := range os.nums {
				if n == num {
					e.idx, found = i, true
					break
				}
			}
			if !found {
				return nil
			}
		}
		l := &lexer{b: os.data, pos: os.offsets[e.idx]}
		v, _, _ := l.object(0)
		return v
	}
	v, err := f.parseObjectAt(e.off, num)
	if err != nil {
		// A wrong offset: scan for the object.
		f.scan()
		off, ok := f.scanned[num]
		if !ok || off == e.off {
			return nil
		}
		if v, err = f.parseObjectAt(off, num); err != nil {
			return nil
		}
	}
	return f.decrypt(v, num, e.gen)
}

// parseObjectAt parses "N G obj … endobj" at off. want is the expected
// object number, -1 for any.
func (f *file) parseObjectAt(off, want int) (any, error) {
	if off < 0 || off >= len(f.data) {
		return nil, errors.New("offset out of range")
	}
	l := &lexer{b: f.data, pos: off}
	a, b, c := l.next(), l.next(), l.next()
	if a.kind != tNumber || b.kind != tNumber || c.kind != tKeyword || c.str != "obj" {
		return nil, errors.New("no object at offset")
	}
	if want >= 0 && int(a.num) != want {
		return nil, fmt.Errorf("object %d found where %d was expected", int(a.num), want)
	}
	v, _, _ := l.object(0)
	d, isDict := v.(Dict)
	if !isDict {
		return v, nil
	}
	save := l.pos
	t := l.next()
	if t.kind != tKeyword || t.str != "stream" {
		l.pos = save
		return d, nil
	}
	l.eol()
	start := l.pos
	s := &Stream{Dict: d, ref: Ref{int(a.num), int(b.num)}}
	length := -1
	switch n := d["Length"].(type) {
	case int:
		length = n
	case Ref:
		if n.Num != int(a.num) {
			if v, ok := f.resolve(n).(int); ok {
				length = v
			}
		}
	}
	end := -1
	if length >= 0 && start+length <= len(f.data) {
		// Trust /Length when endstream follows it.
		k := start + length
		m := &lexer{b: f.data, pos: k}
		m.skipSpace()
		if hasPrefixAt(f.data, m.pos, "endstream") {
			end = k
		}
	}
	if end < 0 {
		k := f.endstreamFrom(start)
		end = k
		// The EOL before endstream is not data.
		if end > start && f.data[end-1] == '\n' {
			end--
		}
		if end > start && f.data[end-1] == '\r' {
			end--
		}
	}
	s.Raw = f.data[start:end]
	return s, nil
}

// objStm reads (once) the object stream num.
func (f *file) objStm(num int) (*objStm, error) {
	if os, ok := f.objStms[num]; ok {
		if os == nil {
			return nil, errors.New("bad object stream")
		}
		return os, nil
	}
	f.objStms[num] = nil
	s, ok := f.get(num).(*Stream)
	if !ok {
		return nil, errors.New("object stream missing")
	}
	data, err := f.decodeStream(s, true)
	if err != nil {
		return nil, err
	}
	n, _ := s.Dict["N"].(int)
	first, _ := s.Dict["First"].(int)
	if n < 0 || first < 0 || first > len(data) || n > len(data) {
		return nil, errors.New("bad object stream header")
	}
	os := &objStm{data: data}
	l := &lexer{b: data[:first]}
	for k := 0; k < n; k++ {
		a, b := l.next(), l.next()
		if a.kind != tNumber || b.kind != tNumber {
			break
		}
		off := first + int(b.num)
		if off < first || off > len(data) {
			continue
		}
		os.nums = append(os.nums, int(a.num))
		os.offsets = append(os.offsets, off)
	}
	f.objStms[num] = os
	return os, nil
}

// resolve follows references to a direct object (nil for a missing one).
func (f *file) resolve(v any) any {
	for range 16 {
		r, ok := v.(Ref)
		if !ok {
			return v
		}
		v = f.get(r.Num)
	}
	return nil
}

func (f *file) dict(v any) Dict {
	switch d := f.resolve(v).(type) {
	case Dict:
		return d
	case *Stream:
		return d.Dict
	}
	return nil
}

func (f *file) array(v any) Array {
	a, _ := f.resolve(v).(Array)
	return a
}

func (f *file) num(v any) (float64, bool) {
	switch n := f.resolve(v).(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func (f *file) name(v any) Name {
	n, _ := f.resolve(v).(Name)
	return n
}

// endstreamFrom returns the offset of the first "endstream" at or after
// i, or the end of the file. The offsets are found once, so that many
// streams with a wrong /Length do not each search the rest of the file.
func (f *file) endstreamFrom(i int) int {
	if f.ends == nil {
		f.ends = []int{}
		for j := 0; ; j += len(endstream) {
			k := indexFrom(f.data, j, endstream)
			if k < 0 {
				break
			}
			f.ends = append(f.ends, k)
			j = k
		}
	}
	n := sort.SearchInts(f.ends, i)
	if n == len(f.ends) {
		return len(f.data) // truncated: take the rest
	}
	return f.ends[n]
}
