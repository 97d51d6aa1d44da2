package table

import (
	"strings"
	"unicode/utf8"

	"xxgk"
	"xxgk/templates"
	"xxgk/zh"
)

// A value region is what follows a row label up to the next label or the
// end of the table: numbers, units, blank cells and separators.

type pieceKind int

const (
	pieceNumber pieceKind = iota
	pieceBlank            // an empty grid cell: 0, marked blank
	pieceNA               // —, /, 无: not applicable, no value
)

type piece struct {
	kind       pieceKind
	text       string // the digits as printed (folded), for splitting
	num        xxgk.Number
	splittable bool // plain digits that may be several cells run together
	// weak: parted from a piece beside it by a single space (10 0 0 0 01):
	// the report spaced its cells, if irregularly, so such digits are
	// split only when they must be (01 is not a cell) or the row's
	// identities decide.
	weak       bool
	worded     bool // the sign was written as a word (增5, 减12)
	start, end int  // rune span in the stream
	line       int
	// origin is the index in the stream's origins of the piece's first
	// rune's (where people find it: stream.place), not the origin's
	// place itself: pieces and the cells made of them then hold no
	// pointer, and the reader's slabs of them need no clearing.
	origin int32
}

// readRegion reads the value region starting at rune pos. It returns the
// pieces, bare digits at the end that may be the next label's numbering
// (tail), where the region ends, and whether the region holds only values.
func (fr *formReader) readRegion(pos int) (pieces []piece, tail string, end int, ok bool) {
	s := fr.s
	rs := s.runes
	i := pos
	cur := -1           // start of the current raw piece
	raws := fr.raws[:0] // scratch, kept by the reader: most regions read are not taken
	defer func() { fr.raws = raws[:0] }()
	flush := func(j int) {
		if cur >= 0 && j > cur {
			raws = append(raws, [2]int{cur, j})
		}
		cur = -1
	}
	for i < len(rs) {
		r := rs[i]
		switch {
		case r == sepMark || r == rowMark || r == spaceMark:
			flush(i)
			if r == rowMark && len(raws) > 0 && s.originOf(pos).row >= 0 {
				// A grid row ends the region once it has values.
				end = i
				goto done
			}
			i++
			continue
		case r == blankMark:
			flush(i)
			raws = append(raws, [2]int{i, i + 1})
			i++
			continue
		case r == '(':
			if j := closeParen(rs, i); j > 0 && isUnitNote(s.letterText(i+1, j)) {
				flush(i)
				i = j + 1
				continue
			}
		case zh.IsHan(r):
			if (r == '增' || r == '减') && i+1 < len(rs) && isDigit(rs[i+1]) {
				// 16减12 in a 本年增/减 column: the word is the sign.
				flush(i)
				cur = i
				i++
				continue
			}
			if n := unitLen(rs, i); n > 0 && unitAt(rs, i) {
				if cur < 0 {
					cur = i
				}
				i += n
				continue
			}
			if r == '无' && (i+1 >= len(rs) || !zh.IsHan(rs[i+1])) {
				if cur < 0 {
					cur = i
				}
				i++
				continue
			}
		}
		if isValueRune(r) {
			if cur < 0 {
				cur = i
			}
			i++
			continue
		}
		if r == '、' && cur >= 0 && isDigit(rs[i-1]) {
			i++ // 2、政府公报公开数: keep the numbering with its digits, cut below
		}
		break
	}
	end = i
done:
	flush(end)
	// A sentence may start right after the last value, with the year:
	// 结转下年度继续办理20000022025年，我局….
	if n := len(raws); n > 0 && end < len(rs) && rs[end] == '年' && raws[n-1][1] == end {
		last := raws[n-1]
		if k := last[1] - 4; k >= last[0] && fr.yearLen(s.text(k, end+1)) > 0 {
			end = k
			if k == last[0] {
				raws = raws[:n-1]
			} else {
				raws[n-1][1] = k
			}
		}
	}
	// The next label's numbering may stand at the end: 0000000 5. 属于…
	if n := len(raws); n > 0 && end < len(rs) && !isMark(rs[end]) {
		last := raws[n-1]
		t := s.text(last[0], last[1])
		if num, k := fr.numberingBefore(t, end); k > 0 {
			last[1] -= k
			end = last[1]
			if last[1] == last[0] {
				raws = raws[:n-1]
			} else {
				raws[n-1] = last
			}
		} else if num != "" {
			if t == num && n > 1 {
				raws = raws[:n-1] // a lone 1 before 专职人员数: the label's numbering
				end = last[0]
			} else if len(num) < len(t) || n == 1 {
				tail = num // 0000001专职…: the 1 may be a value or the numbering
			}
		} else if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "、") {
			_, body := utf8.DecodeLastRuneInString(t)
			d := t[:len(t)-body]
			if len(d) <= 2 && allDigits(d) && fr.rowAt(end) != nil {
				// A piece of its own that is only numbering before a label of
				// the form, numbered differently from the template.
				raws = raws[:n-1]
				end = last[0]
			} else if k := fr.numberingSuffix(d); k > 0 && zh.IsHan(rs[end]) {
				// 00000002.其他法律法规禁止公开: the numbering of a row whose
				// label is misprinted (read by readMisprinted).
				last[1] -= k + 1
				end = last[1]
				raws[n-1] = last
			} else {
				return nil, "", end, false // numbering we cannot place
			}
		}
	}
	// The pieces go to the reader's slab, room for every raw piece taken
	// at the first kept and what is not kept given back.
	var pieceSlab *slab[piece]
	if fr.bufs != nil {
		pieceSlab = &fr.bufs.pieces
	}
	var room []piece
	for i, rw := range raws {
		p, keep, valid := classify(s, rw[0], rw[1])
		if !valid {
			pieceSlab.giveBack(room, len(room))
			return nil, "", end, false
		}
		if keep {
			if room == nil {
				room = pieceSlab.take(len(raws) - i)
			}
			room[len(pieces)] = p
			pieces = room[: len(pieces)+1 : len(pieces)+1]
		}
	}
	pieceSlab.giveBack(room, len(room)-len(pieces))
	return pieces, tail, end, true
}

func isValueRune(r rune) bool {
	return isDigit(r) || r == '.' || r == ',' || r == '-' || r == '/'
}

// numberingBefore looks at the raw piece t that ends right where the next
// label starts (rune pos). When that label's template numbering is digits
// (5. or 1、) and t ends with them, it returns the digits and, if t ends
// with the digits and their dot, the rune length to cut (k > 0); with bare
// digits (k == 0) the caller decides.
func (fr *formReader) numberingBefore(t string, pos int) (digits string, k int) {
	ra := fr.rowAltAt(pos)
	if ra == nil || ra.digits == "" {
		return "", 0
	}
	d := ra.digits
	if rest, ok := strings.CutSuffix(t, "."); ok && strings.HasSuffix(rest, d) {
		return d, len(d) + 1 // digits are a rune each
	}
	if rest, ok := strings.CutSuffix(t, "、"); ok && strings.HasSuffix(rest, d) {
		return d, len(d) + 1
	}
	if strings.HasSuffix(t, d) {
		return d, 0
	}
	return "", 0
}

// numberingSuffix returns the length of the digits that end d and number
// a row of the form (the 2 of 00000002), or 0 when there are none, or
// several readings (12 when the form numbers rows 2 and 12).
func (fr *formReader) numberingSuffix(d string) int {
	if !allDigits(d) {
		return 0
	}
	found := 0
	for _, num := range fr.numbers {
		if len(num) < len(d) && strings.HasSuffix(d, num) {
			if found != 0 {
				return 0
			}
			found = len(num)
		}
	}
	return found
}

// rowAt returns the row of the form whose label starts at rune pos, the
// longest match, or nil.
func (fr *formReader) rowAt(pos int) *templates.Row {
	if ra := fr.rowAltAt(pos); ra != nil {
		return ra.row
	}
	return nil
}

// rowAltAt returns the label of the form's row that starts at rune pos,
// the longest match, or nil.
func (fr *formReader) rowAltAt(pos int) *rowAlt {
	rest := fr.s.letters[fr.s.letterOffset(pos):]
	first, _ := utf8.DecodeRuneInString(rest)
	var best *rowAlt
	bestLen := 0
	alts := fr.byFirst[first]
	for i := range alts {
		if ra := &alts[i]; len(ra.alt) > bestLen && strings.HasPrefix(rest, ra.alt) {
			best, bestLen = ra, len(ra.alt)
		}
	}
	return best
}

// classify reads one raw piece [a, b) of the stream. keep is false for a
// piece that is only a unit, valid false for text that is not a value.
// (The piece is returned by value: a pointer would put every piece of
// every row tried on the heap.)
func classify(s *stream, a, b int) (p piece, keep, valid bool) {
	oi := s.originIndex(a)
	o := &s.origins[oi]
	p = piece{start: a, end: b, line: o.line, origin: int32(oi)}
	if b == a+1 && s.runes[a] == blankMark {
		p.kind = pieceBlank
		return p, true, true
	}
	rs := s.runes[a:b]
	// Units before (条 20263542) or after (251000元) the number.
	lo := a // where rs starts in the stream
	for n := unitLen(rs, 0); n > 0; n = unitLen(rs, 0) {
		rs, lo = rs[n:], lo+n
	}
	for n := unitLenBefore(rs); n > 0; n = unitLenBefore(rs) {
		rs = rs[:len(rs)-n]
	}
	// The piece's letters, without markers, are those of the letters'
	// string: t is cut from it rather than made from rs.
	t := s.letters[s.letterOffset(lo):s.letterOffset(lo+len(rs))]
	switch t {
	case "":
		return piece{}, false, true
	case "-", "--", "/", "无":
		p.kind = pieceNA
		return p, true, true
	}
	if rest, ok := strings.CutPrefix(t, "减"); ok {
		t, p.worded = "-"+rest, true
	} else if rest, ok := strings.CutPrefix(t, "增"); ok {
		t, p.worded = rest, true
	}
	n, ok := readNumber(t)
	if !ok {
		return piece{}, false, false
	}
	p.kind, p.num, p.text = pieceNumber, n, t
	// Only digits glued to text (数量15130000154二、) or parted from the
	// next digits by a single space (10 0 0 0 01) may be several cells run
	// together. A grid cell, or a number standing between cell or line
	// boundaries, is one cell as printed: splitting it could only make a
	// wrong number.
	glued := (a > 0 && !isMark(s.runes[a-1])) || (b < len(s.runes) && !isMark(s.runes[b])) || len(rs) < b-a
	p.weak = (a > 0 && s.runes[a-1] == spaceMark) || (b < len(s.runes) && s.runes[b] == spaceMark)
	// A sign glued to digits (516-322815) starts a cell; the digits after
	// it may still hold several.
	// And 00 is never one cell, however it stands.
	d := strings.TrimPrefix(t, "-")
	p.splittable = o.row < 0 && (glued || p.weak || d[0] == '0') && len(d) > 1 && allDigits(d) && !p.worded
	return p, true, true
}

// readNumber reads the number of a piece's text t, as xxgk.ParseNumber
// reads it, and reports whether t is one (its commas, if any, thousands
// separators: validGrouping). Most pieces are plain digits (0, 2000002,
// 15130000154), whose number is their digits: read so, without
// ParseNumber's general checks and copies, they cost a tenth of it
// (ParseNumber was some 0.7M instructions of a text run, the most of
// classify's). refReadNumber in the tests is ParseNumber and
// validGrouping, FuzzReadNumber holds the two to each other.
func readNumber(t string) (xxgk.Number, bool) {
	d, neg := t, false
	if len(d) > 0 && d[0] == '-' {
		d, neg = d[1:], true
	}
	// 18 digits or fewer never overflow an int64.
	if len(d) <= 18 && allDigits(d) {
		v := parseDigits(d)
		if neg {
			v = -v
		}
		return xxgk.Int(v), true
	}
	n, err := xxgk.ParseNumber(t)
	if err != nil || !validGrouping(t) {
		return xxgk.Number{}, false
	}
	return n, true
}

// digits returns the digits of a splittable piece, without its sign.
func (p piece) digits() string { return strings.TrimPrefix(p.text, "-") }

// validGrouping rejects commas that are not thousands separators
// ("1,2" is two numbers, not twelve).
func validGrouping(t string) bool {
	if !strings.Contains(t, ",") {
		return true
	}
	intPart, _, _ := strings.Cut(strings.TrimPrefix(t, "-"), ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

func allDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return t != ""
}
