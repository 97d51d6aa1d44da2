// Package zh reads Chinese text the one way every part of xxgk reads it:
// which characters are ideographs, wide, or white space; the numerals and
// digits that numbers, years and dates are written with; traditional
// characters as simplified ones; and the folding under which two spellings
// of a form's label are the same.
//
// What each function reads:
//
//   - IsHan: an ideograph (unicode.Han). IsWide: a CJK or full-width
//     character, between which a source line break is no space.
//   - IsSpace: white space as Unicode defines it. IsOddSpace: the
//     no-break, ideographic and typographic spaces pages pad with.
//     IsZeroWidth: the invisible characters pasted text carries.
//     IsLineSpace: a space between the words of a line of prose.
//     HasSpecialSpace and ZeroWidthLen: odd spaces and zero-width
//     characters found in bytes, without decoding.
//   - Numerals, IsNumeral: 一 to 十, which number sections and rows.
//   - Digit, Place, PositionalDigit, ParseNumeral: a number written in
//     Chinese numerals: 两, 十二, 一千零五, 一万三, 壹佰贰拾叁, 二〇一三.
//   - YearDigit, YearDigits, ParseYear, NextYear: a year: 2023, ２０２３,
//     二〇二三, 二0二三, 二OO九, and the first year written with 年 in a text.
//   - ParseSmall: a month, a day or a section number: 3, 03, 十二, 三十一.
//   - Date, DateAt: the date a text starts with: 2014-03-31, 2014/3/31,
//     2014年3月31日, 二〇一四年三月, 2014年.
//   - SimplifyRune, FoldHan: traditional characters as simplified ones.
//   - FoldRune, Fold: a label as it is matched, whatever its width,
//     spacing, quotes and characters.
//
// Where two readers of one thing differ (a rune one takes for a space and
// the other for text, a digit one accepts and the other refuses), the
// rules are here side by side, under names that say which is which, and
// their documentation says how they differ (IsSpace and IsLineSpace,
// YearDigit and PositionalDigit). A rule that only one reader has, for a
// job of its own, stays with that reader and says there how it differs.
package zh

import "unicode"

// IsHan reports whether r is a Han ideograph (unicode.Han, which also holds
// 〇 and the radicals), the characters report text is made of.
func IsHan(r rune) bool {
	// The CJK Unified Ideographs block, nearly all of a report, is Han
	// throughout; nothing below U+2E80 is.
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// IsWide reports CJK characters and full-width forms, between which a line
// break in the source is not a space (the rule of CSS, and of Chinese
// typing: a paragraph broken over lines is one run of text).
//
// It is narrower than the width a PDF layout gives characters (kana,
// hangul and the Yi syllables are wide there too).
func IsWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFFEF || r >= 0x20000 && r <= 0x3FFFF
}
