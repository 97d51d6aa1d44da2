package pdf

import (
	"fmt"
	"slices"
	"strings"

	"xxgk/fonts"
)

// replacement stands in for a character the embedded font cannot show. It
// is visible on paper, unlike a missing glyph, and the font has it.
const replacement = '□'

// drawable reports whether r can be drawn with set: a font of it has r,
// in the Basic Multilingual Plane (fpdf panics on runes above U+FFFF).
func drawable(set *fonts.Set, r rune) bool { return r <= 0xFFFF && r >= ' ' && set.Has(r) }

// sanitize replaces what cannot be drawn; tabs become spaces. It returns the
// characters replaced, in order.
func sanitize(set *fonts.Set, s string) (string, []rune) {
	clean := true
	for _, r := range s {
		if !drawable(set, r) {
			clean = false
			break
		}
	}
	if clean {
		return s, nil
	}
	var b strings.Builder
	var bad []rune
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case drawable(set, r):
			b.WriteRune(r)
		default:
			b.WriteRune(replacement)
			bad = append(bad, r)
		}
	}
	return b.String(), bad
}

// clean is sanitize for text drawn (record) or measured on the current
// page. Drawn replacements are recorded against the page, for the note at
// the end of the report: the model is input here, and a character must not
// vanish silently.
func (d *doc) clean(s string, record bool) string {
	out, bad := sanitize(d.fonts, s)
	if !record || len(bad) == 0 {
		return out
	}
	if d.subs == nil {
		d.subs = map[int][]rune{}
	}
	d.subs[d.f.PageNo()] = append(d.subs[d.f.PageNo()], bad...)
	return out
}

// substitutionNotes are the 提示 lines of the findings section: one per
// page where characters were replaced, naming them by code point (they
// cannot be printed, which is the point).
func substitutionNotes(subs map[int][]rune) []string {
	pages := make([]int, 0, len(subs))
	for p := range subs {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	var notes []string
	for _, p := range pages {
		runes := subs[p]
		var codes []string
		seen := map[rune]bool{}
		for _, r := range runes {
			if !seen[r] {
				seen[r] = true
				codes = append(codes, fmt.Sprintf("U+%04X", r))
			}
		}
		notes = append(notes, fmt.Sprintf("第%d页有%d个字符字体不支持，已用%c代替：%s",
			p, len(runes), replacement, strings.Join(codes, "、")))
	}
	return notes
}
