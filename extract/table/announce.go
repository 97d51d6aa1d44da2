package table

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"xxgk/document"
	"xxgk/templates"
	"xxgk/zh"
)

// A report that holds none of the statistics tables (a letter, a page of
// prose about the year's work) names no table's anchor, and readTables
// then reads no form (mentionsForm): the stream it built, the costliest
// step of the table reader, was built for nothing. That was a third of
// the page-text reports of the corpus, a sixth of their text.
//
// mayMentionForm looks for the anchors in the source texts before the
// stream is built, as cheaply as the bytes can be searched: each anchor by
// one of its ideographs (its key), found by the UTF-8 of the runes that
// fold to it, and where the key is found, the anchor's other letters
// around it, read as the stream reads them (letterOf). It finds what
// mentionsForm finds in the stream's letters, which join the texts end
// to end; and where a text holds a rune a border may be drawn with, it may
// find an anchor the stream does not hold, never the other way round.
//
// Cost (cachegrind, the 49 page-text reports of the corpus): the search
// is 1.2M instructions, the streams it spares 2.5M.

// anchorScan is what mayMentionForm searches a document for: the anchors
// of a specification's forms by their keys.
type anchorScan struct {
	keys []anchorKey
	// all is set when some anchor has no key (no ideograph), holds a
	// rune nextLetter skips or one that does not fold to itself: every
	// document may then mention a form.
	all bool
}

// anchorKey is a Han character and the anchors searched by it.
type anchorKey struct {
	spellings []spelling // of the runes that fold to the key
	anchors   []keyedAnchor
}

// spelling is the UTF-8 of a rune, three bytes, and the one of its last
// two that is looked for first (the rarer in the forms' labels: a
// continuation byte stands for 64 runes, some much more common than
// others).
type spelling struct {
	utf8  string
	probe int // 1 or 2
}

// keyedAnchor is an anchor's letters before its key and after it.
type keyedAnchor struct {
	before, after []anchorLetter
}

// anchorLetter is a letter of an anchor, which folds to itself. folded
// is set where other runes fold to it too (a simplified character, not
// only the common ones): an ideograph of the text that is not the letter
// itself is then folded to be compared.
type anchorLetter struct {
	r      rune
	folded bool
}

// anchorScans holds the scan of each specification's forms, by the
// address of its list of forms (templates.Replace installs another).
var anchorScans sync.Map // **templates.Form → *anchorScan

func anchorScanOf(forms []*templates.Form) *anchorScan {
	id := unsafe.SliceData(forms)
	if sc, ok := anchorScans.Load(id); ok {
		return sc.(*anchorScan)
	}
	sc := newAnchorScan(forms)
	anchorScans.Store(id, sc)
	return sc
}

// isIdeograph reports whether r is in the block of CJK ideographs that
// zh.FoldRune folds among themselves: no rune outside it folds to one in
// it (TestAnchorKeysFoldFromIdeographs), so the runes that fold to a key
// are found in the block.
func isIdeograph(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func newAnchorScan(forms []*templates.Form) *anchorScan {
	// A character's weight is how often the forms' headings and labels
	// use it, and a byte's how often their UTF-8 holds it: they are the
	// words of the reports, and a key rare there is rare in reports too
	// (讼 and 统, not 政 and 信).
	weight := map[rune]int{}
	var byteWeight [256]int
	count := func(text string) {
		for _, r := range text {
			weight[r]++
		}
		for i := 0; i < len(text); i++ {
			byteWeight[text[i]]++
		}
	}
	var anchorTexts []string
	seen := map[string]bool{}
	for _, f := range forms {
		ix := indexOf(f)
		for _, sec := range f.Sections {
			count(zh.Fold(sec))
		}
		for _, t := range f.Tables {
			for _, a := range ix.anchors[t] {
				if !seen[a.text] {
					seen[a.text] = true
					anchorTexts = append(anchorTexts, a.text)
				}
			}
			for _, c := range t.Columns {
				count(zh.Fold(c.Label))
			}
			for _, r := range t.Rows {
				for _, a := range ix.rowPats[r].Alts {
					count(a)
				}
			}
		}
	}
	// The spellings of every ideograph of an anchor. A key with one is
	// searched once, one with a traditional form twice: a key is the
	// anchor's ideograph with the fewest spellings, and of those the one
	// of least weight.
	spellings := map[rune][]spelling{}
	for _, text := range anchorTexts {
		for _, r := range text {
			if isIdeograph(r) && zh.FoldRune(r) == r {
				spellings[r] = nil
			}
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if list, ok := spellings[zh.FoldRune(r)]; ok {
			sp := spelling{utf8: string(r), probe: 2}
			if byteWeight[sp.utf8[1]] < byteWeight[sp.utf8[2]] {
				sp.probe = 1
			}
			spellings[zh.FoldRune(r)] = append(list, sp)
		}
	}
	sc := &anchorScan{}
	byKey := map[rune]int{} // index in sc.keys
	for _, text := range anchorTexts {
		runes := []rune(text)
		if len(runes) == 0 {
			continue // found nowhere
		}
		k := -1
		for i, r := range runes {
			n := len(spellings[r])
			if n == 0 {
				continue
			}
			if k < 0 || n < len(spellings[runes[k]]) || n == len(spellings[runes[k]]) && weight[r] < weight[runes[k]] {
				k = i
			}
		}
		if k < 0 || strings.ContainsFunc(text, isRuleRune) {
			return &anchorScan{all: true}
		}
		i, ok := byKey[runes[k]]
		if !ok {
			i = len(sc.keys)
			byKey[runes[k]] = i
			sc.keys = append(sc.keys, anchorKey{spellings: spellings[runes[k]]})
		}
		letters := make([]anchorLetter, len(runes))
		for i, r := range runes {
			if zh.FoldRune(r) != r {
				return &anchorScan{all: true} // not a letter: zh.Fold folds once
			}
			letters[i] = anchorLetter{r, !isIdeograph(r) || len(spellings[r]) > 1}
		}
		sc.keys[i].anchors = append(sc.keys[i].anchors, keyedAnchor{before: letters[:k], after: letters[k+1:]})
	}
	return sc
}

// mayMentionForm reports whether the stream of doc may hold a table anchor
// of a form: false only where mentionsForm finds none for any form.
func mayMentionForm(doc *document.Document) bool {
	sc := anchorScanOf(templates.Forms())
	if sc.all {
		return true
	}
	b := freeTexts.get()
	t := streamText{doc: doc, text: (*b)[:0]}
	defer func() { *b = pooled(t.text); freeTexts.put(b) }()
	// The texts are searched a part at a time, for every key in each
	// part: a report with the tables names one of them near its start,
	// most often, and searching all of it for a key it does not hold
	// would cost as much as its stream.
	for from := 0; ; from += mentionPart {
		t.extend(from + mentionPart + 2)
		if from >= len(t.text) {
			return false
		}
		// The spellings that start in the part, three bytes each.
		part := t.text[from:min(from+mentionPart+2, len(t.text))]
		for k := range sc.keys {
			key := &sc.keys[k]
			for _, sp := range key.spellings {
				for at := 0; ; at += 3 {
					i := indexSpelling(part[at:], sp)
					if i < 0 {
						break
					}
					at += i
					for i := range key.anchors {
						if key.anchors[i].around(&t, from+at) {
							return true
						}
					}
				}
			}
		}
	}
}

// mentionPart is the bytes of a report mayMentionForm searches for every
// key before the next ones.
const mentionPart = 2048

// indexSpelling returns the index of the first sp in text, or -1.
func indexSpelling(text []byte, sp spelling) int {
	probe := sp.utf8[sp.probe]
	for at := sp.probe; at < len(text); at++ {
		i := bytes.IndexByte(text[at:], probe)
		if i < 0 {
			return -1
		}
		at += i
		// Compared byte by byte: a call to compare three bytes was a
		// third of the search.
		if start := at - sp.probe; start+3 <= len(text) && text[start] == sp.utf8[0] && text[start+1] == sp.utf8[1] && text[start+2] == sp.utf8[2] {
			return start
		}
	}
	return -1
}

// freeTexts holds mayMentionForm's buffers.
var freeTexts = make(freeList[[]byte], 8)

// streamText is the texts whose letters newStream joins, in its order,
// read into text as far as they are searched: the blocks' texts and the
// grids' cells, less the empty cells, and with the borders, which
// nextLetter reads as none. Each is followed by a line break, which makes
// no letter, and ends what a text's last bytes decode to, as the stream
// reads each text on its own.
type streamText struct {
	doc   *document.Document
	text  []byte
	block int // the next block to read
}

// extend reads blocks until text holds n bytes or every block.
func (t *streamText) extend(n int) {
	for len(t.text) < n && t.block < len(t.doc.Blocks) {
		b := &t.doc.Blocks[t.block]
		t.block++
		g := b.Table
		if g == nil {
			t.text = append(append(t.text, b.Text...), '\n')
			continue
		}
		for r, row := range g.Rows {
			for c, cell := range row {
				if !g.IsCopy(r, c) && !isBlankText(cell.Text) {
					t.text = append(append(t.text, cell.Text...), '\n')
				}
			}
		}
	}
}

// around reports whether the anchor's letters are around its key, found
// at byte at of t.text.
func (a *keyedAnchor) around(t *streamText, at int) bool {
	j := at + 3
	for _, want := range a.after {
		if r, ok := ideographAt(t.text, j); ok {
			// Most letters tried are ideographs, told without decoding
			// them as any rune, and most without folding them.
			if j += 3; r != want.r && (!want.folded || zh.FoldRune(r) != want.r) {
				return false
			}
		} else if t.nextLetter(&j) != want.r {
			return false
		}
	}
	j = at
	for k := len(a.before) - 1; k >= 0; k-- {
		want := a.before[k]
		if r, ok := ideographAt(t.text, j-3); ok {
			// A valid rune decodes alike both ways: three bytes before j
			// that encode an ideograph are one.
			if j -= 3; r != want.r && (!want.folded || zh.FoldRune(r) != want.r) {
				return false
			}
		} else if t.prevLetter(&j) != want.r {
			return false
		}
	}
	return true
}

// nextLetter returns the letter at or after byte j of the texts, moving j
// past it, or -1 at the end. An invalid byte reads as U+FFFD, as addText
// decodes it. The runes a border may be drawn with make no letter here
// (isRuleRune): the search need not tell the borders, which make none in
// the stream, from the other texts (which are searched as holding fewer
// letters than they do, and an anchor, which holds no such rune, is still
// found wherever the stream holds it).
func (t *streamText) nextLetter(j *int) rune {
	for {
		if *j+utf8.UTFMax > len(t.text) {
			t.extend(*j + utf8.UTFMax)
			if *j >= len(t.text) {
				return -1
			}
		}
		r, size := utf8.DecodeRune(t.text[*j:])
		*j += size
		if f := letterOf(r); f >= 0 && !isRuleRune(f) {
			return f
		}
	}
}

// ideographAt returns the ideograph (isIdeograph) whose UTF-8 starts at
// byte j of text, if one does. An ideograph is always a letter, and
// zh.FoldRune's.
func ideographAt(text []byte, j int) (rune, bool) {
	if j < 0 || j+2 >= len(text) {
		return 0, false
	}
	c0, c1, c2 := text[j], text[j+1], text[j+2]
	if c0 < 0xE4 || c0 > 0xE9 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
	return r, isIdeograph(r)
}

// prevLetter returns the letter before byte j of the texts, moving j to
// its start, or -1 at the start, as nextLetter reads them. An invalid byte
// reads as U+FFFD, one a byte, as it does forward: UTF-8 decodes a valid
// rune alike both ways.
func (t *streamText) prevLetter(j *int) rune {
	for *j > 0 {
		r, size := utf8.DecodeLastRune(t.text[:*j])
		*j -= size
		if f := letterOf(r); f >= 0 && !isRuleRune(f) {
			return f
		}
	}
	return -1
}

// isRuleRune reports whether letter r may be part of a border (isRuleLine).
func isRuleRune(r rune) bool {
	switch r {
	case '-', '=', '_', '+', ':':
		return true
	}
	return false
}

// letterOf returns the letter rune r of a text makes in the stream, or -1
// where it makes none: white space, a cell separator, a border, a rune
// folded away or taken for a marker (addText).
func letterOf(r rune) rune {
	switch r {
	case ' ', '\t', '|', '\u00a0', '\u3000':
		return -1
	}
	if isBoxRune(r) {
		return -1
	}
	f := zh.FoldRune(r)
	if f < 0 || isMark(f) {
		return -1
	}
	return f
}
