package inflate

import (
	"encoding/binary"
	"math/bits"
)

// Whole decodes a DEFLATE stream (RFC 1951) held whole in memory,
// straight into the buffer it returns: it reads the input 8 bytes at a
// time and decodes a code of up to litBits (distBits) bits by one table
// lookup. The streaming Decoder (klauspost/compress/flate) reads the
// input a byte at a time through an io.ByteReader and decodes into its
// 32 KB window, copied out after: inflating was a tenth of the
// instructions of BenchmarkParseCorpusKind/pdf.
//
// It decodes only what it can tell is a whole, valid stream, which every
// decoder reads alike (the decoding of a valid stream is unique): it
// gives up on any stream compress/flate might read otherwise or reject
// (one cut short, a bad code, a distance too far back, a Huffman code
// not complete, even one compress/flate accepts, a stream longer than
// its limit), and the caller then reads it with the streaming Decoder
// as before. TestWholeMatchesFlate and FuzzWhole hold it to
// compress/flate. The zero value is ready for use; a Whole is not for
// concurrent use.
type Whole struct {
	tables codeTables     // a dynamic block's codes
	codes  [1 << 7]uint32 // the code lengths' code
	lens   [maxLitLen + maxDistLen]uint8
}

// codeTables are the tables of a block's literal/length code, from 0,
// and distance code, from litSize: litBits (distBits) bits of the input
// looked up at once, and for a longer code (rare: the literals a stream
// hardly uses) its next bits in a table further on (zlib's
// inflate_table makes them so).
type codeTables [litSize + distSize]uint32

const (
	// The bits looked up at once: 11 for the literal/length code took
	// fewer instructions than 9, 10 or 12 (a table of 2048 entries made
	// for each block, against the codes looked up further), 8 for the
	// distances fewer than 9.
	litBits  = 11
	distBits = 8
	// Room for the tables, and further tables as large: more than the
	// codes of zlib and the like need (zlib's enough.c counts 1334
	// entries in all at most for a literal/length code looked up by 10
	// bits). A code needing more is not read here: buildTable reports
	// it, and the caller reads the stream with the streaming Decoder.
	litSize  = 2 << litBits
	distSize = 2 << distBits

	// matchRoom is the room Inflate keeps in its buffer for a match:
	// the longest (258), and the 7 bytes its last word may write past it.
	matchRoom = 258 + 7

	maxLitLen  = 286 // literal/length codes a dynamic block may have
	maxDistLen = 30
)

// A table entry: the bits of the code (bits 0-3; of the further table,
// for entSub), its kind (bits 4-6), the extra bits that follow it (bits
// 8-11), and its value (bits 16-31: a literal byte, a length or
// distance base, a code length symbol, the further table's index).
const (
	entLiteral = 0 << 4
	entLength  = 1 << 4
	entEnd     = 2 << 4
	entSub     = 3 << 4 // a code longer than the table's bits: look further
	entInvalid = 4 << 4 // a symbol no stream may have (286, 287; distances 30, 31), or no code
	entKind    = 7 << 4
)

// litBase, distBase and codeBase are the entries of each symbol of the
// literal/length, distance and code length codes, without their length.
var litBase, distBase, codeBase [288]uint32

// fixedTables are the fixed Huffman codes' (block type 1).
var fixedTables codeTables

func init() {
	lengthBase := [29]uint32{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra := [29]uint32{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	dBase := [30]uint32{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	dExtra := [30]uint32{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	for i := range 256 {
		litBase[i] = entLiteral | uint32(i)<<16
	}
	litBase[256] = entEnd
	for i := range 29 {
		litBase[257+i] = entLength | lengthExtra[i]<<8 | lengthBase[i]<<16
	}
	litBase[286], litBase[287] = entInvalid, entInvalid
	for i := range 30 {
		distBase[i] = dExtra[i]<<8 | dBase[i]<<16
	}
	distBase[30], distBase[31] = entInvalid, entInvalid
	for i := range 19 {
		codeBase[i] = uint32(i) << 16
	}
	var lens [288]uint8
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
	}
	buildTable(fixedTables[:litSize], 0, litBits, lens[:], &litBase)
	for i := range 32 {
		lens[i] = 5
	}
	buildTable(fixedTables[litSize:], litSize, distBits, lens[:32], &distBase)
}

// reverse returns the n low bits of code in reverse order: Huffman
// codes come first bit first, the most significant.
func reverse(code, n int) int { return int(bits.Reverse16(uint16(code)) >> (16 - n)) }

// buildTable fills table, which starts at index off of its codeTables,
// for the code of the lengths lens of the symbols valued by base: its
// first 1<<tbits entries, and further tables after them as codes longer
// than tbits bits need. It reports false for a code over-subscribed or
// with codes left unused (but for the two compress/flate takes), and
// one whose tables do not fit.
func buildTable(table []uint32, off uint32, tbits int, lens []uint8, base *[288]uint32) bool {
	var count [16]int
	for _, n := range lens {
		count[n]++
	}
	codes := len(lens) - count[0]
	count[0] = 0
	left := 1
	for n := 1; n < 16; n++ {
		left = left<<1 - count[n]
		if left < 0 {
			return false
		}
	}
	root, maxLen := 1<<tbits, 15
	for count[maxLen] == 0 && maxLen > 1 {
		maxLen--
	}
	if left != 0 {
		// Not complete: compress/flate takes an empty code, and one of
		// a single code of one bit (zlib writes them), reading any other
		// code as an error.
		if codes > 1 || codes == 1 && count[1] != 1 {
			return false
		}
		for j := range root {
			table[j] = entInvalid
		}
	}
	// The symbols in the order of their codes.
	var offs [16]int
	for n := 1; n < 15; n++ {
		offs[n+1] = offs[n] + count[n]
	}
	var syms [288]uint16
	for sym, n := range lens {
		if n != 0 {
			syms[offs[n]] = uint16(sym)
			offs[n]++
		}
	}
	next := root // where the next further table goes
	prefix, sub := -1, 0
	code, i := 0, 0 // the next code, and its symbol's index in syms
	for n := 1; n < 16; n++ {
		for range count[n] {
			e := base[syms[i]]
			if n <= tbits {
				table[reverse(code, n)] = e | uint32(n) // and copied below
			} else {
				if p := code >> (n - tbits); p != prefix {
					// A further table for the codes of this first tbits
					// bits: of as many bits as they need (the codes
					// left, as inflate_table counts them).
					prefix = p
					bits := n - tbits
					room := 1 << bits
					for k := n; k < maxLen; k++ {
						if room -= count[k]; room <= 0 {
							break
						}
						bits++
						room <<= 1
					}
					sub = next
					if next += 1 << bits; next > len(table) {
						return false
					}
					table[reverse(p, tbits)] = entSub | uint32(bits) | (off+uint32(sub))<<16
				}
				// The entries of the code's bits past the first tbits.
				m := n - tbits
				e |= uint32(m)
				size := int(table[reverse(prefix, tbits)] & 15)
				for j := reverse(code&(1<<m-1), m); j < 1<<size; j += 1 << m {
					table[sub+j] = e
				}
			}
			count[n]--
			code++
			i++
		}
		code <<= 1
		if n < tbits {
			// The entries of the codes of n bits or less fill the first
			// 1<<n entries; the table of n+1 bits repeats them (a code's
			// entries are every one its bits end), as libdeflate builds
			// it: a copy, not an entry at a time.
			copy(table[1<<n:2<<n], table[:1<<n])
		}
	}
	return true
}

// fillSlow tops up the bit buffer a byte at a time near the end of the
// input, zero bytes past it (counted in pos, so that a stream read past
// its end is told at the end); false when it has gone well past it.
func fillSlow(in []byte, pos int, buf uint64, nb uint) (int, uint64, uint, bool) {
	for nb <= 56 {
		if pos < len(in) {
			buf |= uint64(in[pos]) << nb
		}
		pos++
		nb += 8
	}
	return pos, buf, nb, pos <= len(in)+16
}

// Inflate decodes the raw DEFLATE stream in into buf[:0], grown as
// needed: false when in is not a whole, valid stream the tables read
// (see Whole), or decodes to more than limit bytes.
func (z *Whole) Inflate(in, buf []byte, limit int64) ([]byte, bool) {
	out := buf[:cap(buf)]
	o := 0
	// The bit buffer: b holds nb bits of the input from pos on (and
	// maybe the next bytes' above them, which the next fill or's in
	// again at their place). Each fill gives it 56 bits or more: enough
	// for a length code, its extra bits, a distance code and its extra
	// bits (15+5+15+13). It is written out at each use, not a closure:
	// the variables stay in registers.
	pos, b, nb := 0, uint64(0), uint(0)
	ok := true
	for final := false; !final; {
		if pos+8 <= len(in) {
			b |= binary.LittleEndian.Uint64(in[pos:]) << (nb & 63)
			pos += int(7 - nb>>3)
			nb |= 56
		} else if pos, b, nb, ok = fillSlow(in, pos, b, nb); !ok {
			return nil, false
		}
		final = b&1 != 0
		typ := b >> 1 & 3
		b >>= 3
		nb -= 3
		var t *codeTables
		switch typ {
		case 0: // stored: from the next byte, LEN, NLEN and LEN bytes
			b >>= nb & 7
			nb -= nb & 7
			pos -= int(nb >> 3) // the whole bytes in b, read again
			b, nb = 0, 0
			if pos+4 > len(in) {
				return nil, false
			}
			n := int(binary.LittleEndian.Uint16(in[pos:]))
			if n != int(^binary.LittleEndian.Uint16(in[pos+2:])) || pos+4+n > len(in) {
				return nil, false
			}
			if o+n > len(out) {
				if out, ok = growOut(out, o, n, limit); !ok {
					return nil, false
				}
			}
			o += copy(out[o:], in[pos+4:pos+4+n])
			pos += 4 + n
			continue
		case 1:
			t = &fixedTables
		case 2:
			if pos, b, nb, ok = z.readCodes(in, pos, b, nb); !ok {
				return nil, false
			}
			t = &z.tables
		default:
			return nil, false
		}
	block:
		for {
			// Room for a match, made here, where only the loop's own
			// variables live: made where a literal or a match is
			// written, the call to grow out made the compiler keep the
			// symbol's entry on the stack.
			if pos+8 <= len(in) && o+matchRoom <= len(out) {
				b |= binary.LittleEndian.Uint64(in[pos:]) << (nb & 63)
				pos += int(7 - nb>>3)
				nb |= 56
			} else {
				if o+matchRoom > len(out) {
					if out, ok = growOut(out, o, matchRoom, limit); !ok {
						return nil, false
					}
				}
				if pos+8 <= len(in) {
					b |= binary.LittleEndian.Uint64(in[pos:]) << (nb & 63)
					pos += int(7 - nb>>3)
					nb |= 56
				} else if pos, b, nb, ok = fillSlow(in, pos, b, nb); !ok {
					return nil, false
				}
			}
			e := t[b&(1<<litBits-1)]
			if e&entKind == entSub {
				b >>= litBits
				nb -= litBits
				e = t[e>>16+uint32(b)&(1<<(e&15)-1)]
			}
			b >>= e & 15
			nb -= uint(e & 15)
			switch e & entKind {
			case entLiteral:
				out[o] = byte(e >> 16)
				o++
				// Literals that follow, in the first table, read at once
				// while b has their bits: of at most litBits each, at
				// most 63 of them (less than the room matchRoom keeps).
				for nb >= litBits {
					if e = t[b&(1<<litBits-1)]; e&entKind != entLiteral {
						break
					}
					b >>= e & 15
					nb -= uint(e & 15)
					out[o] = byte(e >> 16)
					o++
				}
				continue
			case entLength:
			case entEnd:
				break block
			default:
				return nil, false
			}
			extra := e >> 8 & 15
			length := int(e>>16) + int(b&(1<<extra-1))
			b >>= extra
			nb -= uint(extra)
			d := t[litSize+b&(1<<distBits-1)]
			if d&entKind == entSub {
				b >>= distBits
				nb -= distBits
				d = t[d>>16+uint32(b)&(1<<(d&15)-1)]
			}
			if d&entKind != 0 {
				return nil, false
			}
			b >>= d & 15
			nb -= uint(d & 15)
			extra = d >> 8 & 15
			back := int(d>>16) + int(b&(1<<extra-1))
			b >>= extra
			nb -= uint(extra)
			if back > o {
				return nil, false
			}
			if from := o - back; back >= length && length > 32 {
				// A long match apart from the bytes it repeats (the XML
				// of a .docx has many): memmove's wide copies beat words
				// there. (By words at any length, ParseCorpusKind/docx
				// took 1.2% more instructions; from 16 bytes, pdf 0.2%.)
				copy(out[o:o+length], out[from:o])
			} else if back >= 8 {
				// By words, 8 bytes at a time: most matches are short,
				// and copy's call to memmove cost more than the copying.
				// A word read is 8 bytes or more back from the word it
				// is written to, so it was written before (by an
				// earlier word, when the match overlaps itself): the
				// bytes are those a byte at a time would copy. The last
				// word may write up to 7 bytes past the match, in the
				// room matchRoom keeps; the next match or literal, or
				// the end, writes over them or drops them.
				dst, src := (*[matchRoom]byte)(out[o:o+matchRoom]), (*[matchRoom]byte)(out[from:from+matchRoom])
				for k := 0; k < length; k += 8 {
					binary.LittleEndian.PutUint64(dst[k:k+8], binary.LittleEndian.Uint64(src[k:k+8]))
				}
			} else {
				// Overlapping within a word: a run of a few bytes
				// repeated, rare.
				for k := range length {
					out[o+k] = out[from+k]
				}
			}
			o += length
		}
	}
	// Not past the end of the input: the bits read (8*pos-nb) are there.
	if pos-len(in) > int(nb>>3) || int64(o) > limit {
		return nil, false
	}
	return out[:o], true
}

// growOut returns out grown to hold n bytes more from o, its bytes
// before o kept: false when o+n goes past limit (8 bytes of slack
// allowed, for the copy by words).
func growOut(out []byte, o, n int, limit int64) ([]byte, bool) {
	if int64(o+n) > limit+8 {
		return nil, false
	}
	size := max(2*len(out), o+n, 512)
	if int64(size) > limit+8 {
		size = int(limit) + 8 // o+n at most
	}
	grown := make([]byte, size)
	copy(grown, out[:o])
	return grown, true
}

// readCodes reads a dynamic block's code lengths and builds its tables.
func (z *Whole) readCodes(in []byte, p int, b uint64, nb uint) (int, uint64, uint, bool) {
	fail := func() (int, uint64, uint, bool) { return 0, 0, 0, false }
	ok := true
	fill := func() {
		if p+8 <= len(in) {
			b |= binary.LittleEndian.Uint64(in[p:]) << (nb & 63)
			p += int(7 - nb>>3)
			nb |= 56
			return
		}
		p, b, nb, ok = fillSlow(in, p, b, nb)
	}
	fill()
	nlit, ndist, nclen := int(b&31)+257, int(b>>5&31)+1, int(b>>10&15)+4
	b >>= 14
	nb -= 14
	if nlit > maxLitLen || ndist > maxDistLen {
		return fail()
	}
	order := [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	var clens [19]uint8
	for i := range nclen {
		if nb < 3 {
			fill()
		}
		clens[order[i]] = uint8(b & 7)
		b >>= 3
		nb -= 3
	}
	if !buildTable(z.codes[:], 0, 7, clens[:], &codeBase) {
		return fail()
	}
	lens := z.lens[:nlit+ndist]
	for i := 0; i < len(lens); {
		fill()
		if !ok {
			return fail()
		}
		e := z.codes[b&127]
		if e&entKind != 0 {
			return fail() // not a code of a degenerate code
		}
		b >>= e & 15
		nb -= uint(e & 15)
		sym := e >> 16
		if sym < 16 {
			lens[i] = uint8(sym)
			i++
			continue
		}
		var v uint8
		var rep int
		switch sym {
		case 16:
			if i == 0 {
				return fail()
			}
			v, rep = lens[i-1], 3+int(b&3)
			b >>= 2
			nb -= 2
		case 17:
			rep = 3 + int(b&7)
			b >>= 3
			nb -= 3
		default:
			rep = 11 + int(b&127)
			b >>= 7
			nb -= 7
		}
		if i+rep > len(lens) {
			return fail()
		}
		for range rep {
			lens[i] = v
			i++
		}
	}
	if lens[256] == 0 || !ok {
		return fail() // no end of block
	}
	if !buildTable(z.tables[:litSize], 0, litBits, lens[:nlit], &litBase) ||
		!buildTable(z.tables[litSize:], litSize, distBits, lens[nlit:], &distBase) {
		return fail()
	}
	return p, b, nb, true
}
