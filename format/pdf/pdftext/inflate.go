package pdftext

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

// inflater decodes raw deflate data (RFC 1951) from a byte slice into a
// byte slice. It is compress/flate's decompressor (inflate.go, which
// this follows step by step: the same Huffman tables, the same bits
// read at a time) without what a reader of an io.Reader needs: a byte
// read through an interface, a window the output is copied through and
// then copied out of, a state to resume from. And while 8 bytes or more
// are left, it reads them 8 at a time (see fastGroup). It decodes what
// compress/flate decodes, up to the same point of a damaged or
// truncated stream (TestInflateMatchesReference, TestInflateDamaged,
// FuzzInflate). An inflater is kept from file to file; its tables
// would be allocated again for each stream.
type inflater struct {
	in  []byte
	pos int    // the next byte of in
	b   uint64 // bits read from in and not used, the next lowest
	nb  uint   // how many

	h1, h2   huffman
	bits     [maxNumLit + maxNumDist]int
	codebits [numCodes]int
}

var inflaters = sync.Pool{New: func() any { return new(inflater) }}

const (
	maxCodeLen = 16 // the longest Huffman code, and one
	// RFC 1951 section 3.2.7, with section 3.2.5's proviso that
	// distance codes 30 and 31 never occur.
	maxNumLit      = 286
	maxNumDist     = 30
	numCodes       = 19 // codes of the code lengths
	endBlockMarker = 256
)

// inflate appends to out what in decodes to, and returns it. It stops at
// the end of the last block, at the first error of the stream (what was
// decoded before it stands), or once it has appended more than limit
// bytes, then a match or a stored block at most past it.
func (z *inflater) inflate(out, in []byte, limit int) []byte {
	// The tables and lengths are set before they are read, as in
	// compress/flate, whose Reset keeps the lengths too.
	z.in, z.pos, z.b, z.nb = in, 0, 0, 0
	start := len(out)
	for len(out)-start <= limit {
		if !z.need(1 + 2) {
			break
		}
		final := z.b&1 == 1
		typ := z.b >> 1 & 3
		z.b >>= 1 + 2
		z.nb -= 1 + 2
		ok := false
		switch typ {
		case 0:
			out, ok = z.stored(out)
		case 1:
			out, ok = z.huffmanBlock(out, start, limit, fixedHuffman(), nil)
		case 2:
			if z.readHuffman() {
				out, ok = z.huffmanBlock(out, start, limit, &z.h1, &z.h2)
			}
		}
		if !ok || final {
			break
		}
	}
	z.in = nil
	return out
}

// need reads bytes until n bits are at hand; false at the end of the
// input.
func (z *inflater) need(n uint) bool {
	for z.nb < n {
		if z.pos >= len(z.in) {
			return false
		}
		z.b |= uint64(z.in[z.pos]) << (z.nb & 63)
		z.pos++
		z.nb += 8
	}
	return true
}

// unread puts back the whole bytes of the bits at hand, which
// compress/flate, reading a byte only when it needs its bits, would not
// have read: a stored block starts at the byte after the bits used.
// (Elsewhere bits read ahead make no difference: a code is looked up in
// whole bytes, and it fails where fewer bits are left than its length
// or the code's shortest, however many were at hand.)
func (z *inflater) unread() {
	z.pos -= int(z.nb / 8)
	z.nb %= 8
	z.b &= 1<<z.nb - 1
}

// take returns the next n bits, which need has read.
func (z *inflater) take(n uint) int {
	v := int(z.b & (1<<n - 1))
	z.b >>= n & 63
	z.nb -= n
	return v
}

// stored copies a block stored without compression.
func (z *inflater) stored(out []byte) ([]byte, bool) {
	// The bits left of the byte read last: the block starts at the next.
	z.unread()
	z.b, z.nb = 0, 0
	if len(z.in)-z.pos < 4 {
		return out, false
	}
	h := z.in[z.pos : z.pos+4]
	z.pos += 4
	n := int(h[0]) | int(h[1])<<8
	nn := int(h[2]) | int(h[3])<<8
	if uint16(nn) != uint16(^n) {
		return out, false
	}
	k := min(n, len(z.in)-z.pos)
	out = append(out, z.in[z.pos:z.pos+k]...)
	z.pos += k
	return out, k == n
}

var codeOrder = [...]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// readHuffman reads the code tables of a block with dynamic Huffman
// codes into h1 (literals and lengths) and h2 (distances).
func (z *inflater) readHuffman() bool {
	// HLIT[5], HDIST[5], HCLEN[4].
	if !z.need(5 + 5 + 4) {
		return false
	}
	nlit := z.take(5) + 257
	if nlit > maxNumLit {
		return false
	}
	ndist := z.take(5) + 1
	if ndist > maxNumDist {
		return false
	}
	nclen := z.take(4) + 4
	// (HCLEN+4)*3 bits: code lengths in the magic codeOrder order.
	for i := range nclen {
		if !z.need(3) {
			return false
		}
		z.codebits[codeOrder[i]] = z.take(3)
	}
	for i := nclen; i < len(codeOrder); i++ {
		z.codebits[codeOrder[i]] = 0
	}
	if !z.h1.init(z.codebits[:]) {
		return false
	}
	// HLIT + 257 code lengths, HDIST + 1 code lengths, using the code
	// length Huffman code.
	for i, n := 0, nlit+ndist; i < n; {
		x, ok := z.huffSym(&z.h1)
		if !ok {
			return false
		}
		if x < 16 {
			z.bits[i] = x
			i++
			continue
		}
		// Repeat the previous length or zero.
		var rep, b int
		var nb uint
		switch x {
		case 16:
			if i == 0 {
				return false
			}
			rep, nb, b = 3, 2, z.bits[i-1]
		case 17:
			rep, nb = 3, 3
		default: // 18: the code length code has 19 symbols
			rep, nb = 11, 7
		}
		if !z.need(nb) {
			return false
		}
		rep += z.take(nb)
		if i+rep > n {
			return false
		}
		for range rep {
			z.bits[i] = b
			i++
		}
	}
	if !z.h1.init(z.bits[:nlit]) || !z.h2.init(z.bits[nlit:nlit+ndist]) {
		return false
	}
	// Every block ends with the end-of-block marker: compress/flate
	// reads at least its bits before it looks up a symbol, so that it
	// never reads past the stream's end. Which tells where a truncated
	// stream fails.
	z.h1.min = max(z.h1.min, z.bits[endBlockMarker])
	return true
}

// huffmanBlock decodes a block of Huffman codes, hl for literals and
// lengths, hd for distances (nil: the fixed distance codes).
func (z *inflater) huffmanBlock(out []byte, start, limit int, hl, hd *huffman) ([]byte, bool) {
	for len(out)-start <= limit {
		if len(z.in)-z.pos >= 8 {
			var ok, end bool
			if out, ok, end = z.fastGroup(out, start, hl, hd); !ok || end {
				return out, ok
			}
			continue
		}
		v, ok := z.huffSym(hl)
		if !ok {
			return out, false
		}
		var n uint // extra bits
		var length int
		switch {
		case v < 256:
			out = append(out, byte(v))
			continue
		case v == endBlockMarker:
			return out, true
		case v < 265:
			length = v - (257 - 3)
		case v < 269:
			length, n = v*2-(265*2-11), 1
		case v < 273:
			length, n = v*4-(269*4-19), 2
		case v < 277:
			length, n = v*8-(273*8-35), 3
		case v < 281:
			length, n = v*16-(277*16-67), 4
		case v < 285:
			length, n = v*32-(281*32-131), 5
		case v < maxNumLit:
			length = 258
		default:
			return out, false
		}
		if n > 0 {
			if !z.need(n) {
				return out, false
			}
			length += z.take(n)
		}
		var dist int
		if hd == nil {
			if !z.need(5) {
				return out, false
			}
			dist = int(bits.Reverse8(uint8(z.take(5) << 3)))
		} else if dist, ok = z.huffSym(hd); !ok {
			return out, false
		}
		switch {
		case dist < 4:
			dist++
		case dist < maxNumDist:
			nb := uint(dist-2) >> 1
			// One bit in the bottom of dist, nb more to read.
			extra := (dist & 1) << nb
			if !z.need(nb) {
				return out, false
			}
			extra |= z.take(nb)
			dist = 1<<(nb+1) + 1 + extra
		default:
			return out, false
		}
		// At most 32768, the window: the distance reaches no further
		// back than the stream's start.
		if dist > len(out)-start {
			return out, false
		}
		out = appendMatch(out, dist, length)
	}
	return out, true
}

// fastGroup decodes a literal, or a length and distance and the match
// they give, or the end of the block (end), reading 8 bytes of input at
// a time: there are at least 8 left, and a group takes at most 48 bits
// (a code of 15 and 5 extra bits, a code of 15 and 13), so it cannot
// meet the end of the input, and its codes are all there to be looked
// up whole. Short of the end, that is what compress/flate decodes too.
func (z *inflater) fastGroup(out []byte, start int, hl, hd *huffman) (_ []byte, ok, end bool) {
	z.b |= binary.LittleEndian.Uint64(z.in[z.pos:]) << (z.nb & 63)
	z.pos += int(63-z.nb) >> 3
	z.nb |= 56
	v, ok := z.fastSym(hl)
	if !ok {
		return out, false, false
	}
	var length int
	switch {
	case v < 256:
		return append(out, byte(v)), true, false
	case v == endBlockMarker:
		return out, true, true
	case v < 265:
		length = v - (257 - 3)
	case v < 285:
		n := uint(v-261) >> 2 // extra bits: 1 for 265…268, 2 for 269…272…
		length = (4+int(v-261)&3)<<n + 3 + z.take(n)
	case v < maxNumLit:
		length = 258
	default:
		return out, false, false
	}
	var dist int
	if hd == nil {
		dist = int(bits.Reverse8(uint8(z.take(5) << 3)))
	} else if dist, ok = z.fastSym(hd); !ok {
		return out, false, false
	}
	switch {
	case dist < 4:
		dist++
	case dist < maxNumDist:
		nb := uint(dist-2) >> 1
		dist = 1<<(nb+1) + 1 + ((dist&1)<<nb | z.take(nb))
	default:
		return out, false, false
	}
	if dist > len(out)-start {
		return out, false, false
	}
	return appendMatch(out, dist, length), true, false
}

// fastSym is huffSym with the code's bits at hand.
func (z *inflater) fastSym(h *huffman) (int, bool) {
	chunk := h.chunks[z.b&(huffmanNumChunks-1)]
	n := uint(chunk & huffmanCountMask)
	if n > huffmanChunkBits {
		chunk = h.links[chunk>>huffmanValueShift][(z.b>>huffmanChunkBits)&uint64(h.linkMask)]
		n = uint(chunk & huffmanCountMask)
	}
	if n == 0 {
		return 0, false
	}
	z.b >>= n
	z.nb -= n
	return int(chunk >> huffmanValueShift), true
}

// appendMatch appends the length bytes that start dist bytes back, which
// may be among those appended.
func appendMatch(out []byte, dist, length int) []byte {
	n := len(out)
	if dist >= length {
		return append(out, out[n-dist:n-dist+length]...)
	}
	out = slices.Grow(out, length)[:n+length]
	for i := n; i < n+length; i++ {
		out[i] = out[i-dist]
	}
	return out
}

// huffSym reads the next symbol of the code h.
func (z *inflater) huffSym(h *huffman) (int, bool) {
	// An empty code or a degenerate one of a single symbol has chunks
	// of 0 for the sequences it has no symbol of: n == 0 below.
	n := uint(h.min)
	nb, b := z.nb, z.b
	for {
		for nb < n {
			if z.pos >= len(z.in) {
				z.b, z.nb = b, nb
				return 0, false
			}
			b |= uint64(z.in[z.pos]) << (nb & 63)
			z.pos++
			nb += 8
		}
		chunk := h.chunks[b&(huffmanNumChunks-1)]
		n = uint(chunk & huffmanCountMask)
		if n > huffmanChunkBits {
			chunk = h.links[chunk>>huffmanValueShift][(b>>huffmanChunkBits)&uint64(h.linkMask)]
			n = uint(chunk & huffmanCountMask)
		}
		if n <= nb {
			if n == 0 {
				z.b, z.nb = b, nb
				return 0, false
			}
			z.b, z.nb = b>>(n&63), nb-n
			return int(chunk >> huffmanValueShift), true
		}
	}
}

const (
	huffmanChunkBits  = 9
	huffmanNumChunks  = 1 << huffmanChunkBits
	huffmanCountMask  = 15
	huffmanValueShift = 4
)

// huffman is a Huffman code's decoding tables, as compress/flate's
// huffmanDecoder: a chunk is a symbol and its code's length (the low 4
// bits); codes longer than huffmanChunkBits go through a link table,
// whose index is in the chunk in place of the symbol.
type huffman struct {
	min      int // the shortest code's length
	chunks   [huffmanNumChunks]uint32
	links    [][]uint32
	linkMask uint32
	store    []uint32 // the link tables' storage, kept for the next code
}

// init sets up the tables from the codes' lengths. It reports whether
// they make a complete code (neither over- nor under-subscribed), or
// one of a single symbol of length 1, or an empty one.
func (h *huffman) init(lengths []int) bool {
	if h.min != 0 {
		h.min, h.chunks, h.links, h.linkMask = 0, [huffmanNumChunks]uint32{}, h.links[:0], 0
	}
	// Count the codes of each length; their shortest and longest.
	var count [maxCodeLen]int
	var lo, hi int
	for _, n := range lengths {
		if n == 0 {
			continue
		}
		if lo == 0 || n < lo {
			lo = n
		}
		hi = max(hi, n)
		count[n]++
	}
	// An empty code: huffSym fails if it is used.
	if hi == 0 {
		return true
	}
	code := 0
	var nextcode [maxCodeLen]int
	for i := lo; i <= hi; i++ {
		code <<= 1
		nextcode[i] = code
		code += count[i]
	}
	// Complete, all 2^hi sequences of bits assigned; or, as zlib
	// allows, a single code of length 1.
	if code != 1<<uint(hi) && !(code == 1 && hi == 1) {
		return false
	}
	h.min = lo
	if hi > huffmanChunkBits {
		numLinks := 1 << (uint(hi) - huffmanChunkBits)
		h.linkMask = uint32(numLinks - 1)
		link := nextcode[huffmanChunkBits+1] >> 1
		size := (huffmanNumChunks - link) * numLinks
		if cap(h.store) < size {
			h.store = make([]uint32, size)
		}
		store := h.store[:size]
		clear(store)
		for j := uint(link); j < huffmanNumChunks; j++ {
			reverse := int(bits.Reverse16(uint16(j))) >> (16 - huffmanChunkBits)
			off := j - uint(link)
			h.chunks[reverse] = uint32(off<<huffmanValueShift | (huffmanChunkBits + 1))
			h.links = append(h.links, store[int(off)*numLinks:int(off+1)*numLinks])
		}
	}
	for i, n := range lengths {
		if n == 0 {
			continue
		}
		code := nextcode[n]
		nextcode[n]++
		chunk := uint32(i<<huffmanValueShift | n)
		reverse := int(bits.Reverse16(uint16(code))) >> uint(16-n)
		if n <= huffmanChunkBits {
			for off := reverse; off < len(h.chunks); off += 1 << uint(n) {
				h.chunks[off] = chunk
			}
		} else {
			linktab := h.links[h.chunks[reverse&(huffmanNumChunks-1)]>>huffmanValueShift]
			for off := reverse >> huffmanChunkBits; off < len(linktab); off += 1 << uint(n-huffmanChunkBits) {
				linktab[off] = chunk
			}
		}
	}
	return true
}

// fixedHuffman returns the code of the literals and lengths of blocks
// with fixed codes (RFC 1951 section 3.2.6).
var fixedHuffman = sync.OnceValue(func() *huffman {
	var lengths [288]int
	for i := range lengths {
		switch {
		case i < 144:
			lengths[i] = 8
		case i < 256:
			lengths[i] = 9
		case i < 280:
			lengths[i] = 7
		default:
			lengths[i] = 8
		}
	}
	h := new(huffman)
	h.init(lengths[:])
	return h
})
