package zh

import "unicode/utf8"

// Numerals are the numerals 一 to 十, which number the sections of a report
// and the rows of its tables: 一、 （二） 三. （十二）.
const Numerals = "一二三四五六七八九十"

// IsNumeral reports whether r is one of Numerals.
func IsNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// Digit returns the value of a Chinese digit, or -1: the lower-case digits,
// their financial forms (壹 贰 叁 肆 伍 陆 柒 捌 玖, with the traditional 貳
// 參 陸), 两 (兩) for 2, and the zeros 零 〇 ○.
func Digit(r rune) int {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰', '貳', '兩':
		return 2
	case '三', '叁', '參':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆', '陸':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// Place returns the value of a Chinese place character (十 百 千 万 亿 and
// their financial or traditional forms 拾 佰 仟 萬 億), or 0.
func Place(r rune) int64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万', '萬':
		return 10000
	case '亿', '億':
		return 100000000
	}
	return 0
}

// PositionalDigit reads a digit of a numeral written digit by digit, as
// years are in prose (二〇一三, 二0一七): a Chinese digit (Digit), or an
// ASCII or full-width digit or the letter O (o, Ｏ) standing in for one.
// It returns -1 for anything else.
//
// It differs from YearDigit, the metadata's reading of a year: it reads
// the financial forms and 两 (ParseNumeral then refuses 两 in a positional
// numeral) and the lower-case o, but not the large circle ◯.
func PositionalDigit(r rune) int {
	if d := Digit(r); d >= 0 {
		return d
	}
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	case r == 'O' || r == 'o' || r == 'Ｏ':
		return 0
	}
	return -1
}

// ParseNumeral reads a Chinese numeral (两, 十二, 一千二百, 三十, 二〇一三
// as digits 2013, 一万三千一百, 〇/零/○ as zero, 壹贰叁… financial forms)
// into an integer; ok is false for anything else.
//
// A numeral without place characters (十百千万亿) and of two or more
// characters is read digit by digit, as years are written (二〇一三 → 2013,
// 二0一七 → 2017); two-character ones need a zero (二〇 → 20) since 一二 or
// 三五 are not numbers. With place characters the usual grammar applies,
// including a leading 十 (十二 = 12), inner zeros (一千零五 = 1005) and the
// spoken abbreviation of the last place (一万三 = 13000, 两千五 = 2500).
// 廿 and 卅 (twenty, thirty) are not read: reports do not use them.
func ParseNumeral(s string) (int64, bool) {
	if s == "" || len(s) > 96 {
		return 0, false
	}
	hasPlace, hasZero, hasLiang, hasCN := false, false, false, false
	n := 0
	for _, r := range s {
		n++
		if Place(r) > 0 {
			hasPlace, hasCN = true, true
			continue
		}
		d := PositionalDigit(r)
		if d < 0 {
			return 0, false
		}
		if cd := Digit(r); cd >= 0 {
			hasCN = true
		}
		if d == 0 {
			hasZero = true
		}
		if r == '两' || r == '兩' {
			hasLiang = true
		}
	}
	if !hasCN {
		return 0, false
	}
	if !hasPlace {
		if n == 1 {
			r, _ := utf8.DecodeRuneInString(s)
			return int64(Digit(r)), true
		}
		if hasLiang || (n == 2 && !hasZero) || n > 18 {
			return 0, false
		}
		var v int64
		for _, r := range s {
			v = v*10 + int64(PositionalDigit(r))
		}
		return v, true
	}
	var yi, wan, sec int64
	digit := int64(-1)          // digit waiting for its place
	lastPlace := int64(1 << 40) // place last used in this section: places must fall
	var prevPlace int64         // place of the previous rune, if it was one
	var abbrev int64            // place before the pending digit, for 一万三
	afterZero, lastZero, wanSeen, yiSeen := false, false, false, false
	first := true
	for _, r := range s {
		if p := Place(r); p > 0 {
			lastZero = false
			switch p {
			case 10, 100, 1000:
				d := digit
				if d < 0 {
					if p != 10 || !(first || afterZero) {
						return 0, false
					}
					d = 1 // 十二, 一千零十
				}
				if d == 0 || p >= lastPlace {
					return 0, false
				}
				sec += d * p
				lastPlace = p
			case 10000:
				v := sec + max(digit, 0)
				if v == 0 || wanSeen {
					return 0, false
				}
				wan, sec, wanSeen = v*10000, 0, true
				lastPlace = 1 << 40
			default: // 亿
				v := wan + sec + max(digit, 0)
				if v == 0 || yiSeen {
					return 0, false
				}
				yi, wan, sec, yiSeen, wanSeen = v*100000000, 0, 0, true, false
				lastPlace = 1 << 40
			}
			digit, prevPlace, afterZero, first = -1, p, false, false
			continue
		}
		d := int64(Digit(r))
		if d < 0 {
			return 0, false // ASCII digits mixed with place characters
		}
		if d == 0 {
			if first || digit >= 0 {
				return 0, false
			}
			afterZero, lastZero, prevPlace = true, true, 0
			continue
		}
		if digit >= 0 {
			return 0, false // 三五: two digits in a row
		}
		digit, abbrev = d, 0
		if !afterZero && prevPlace >= 100 {
			abbrev = prevPlace
		}
		prevPlace, lastZero, first = 0, false, false
	}
	if lastZero {
		return 0, false
	}
	if digit >= 0 {
		if abbrev >= 100 {
			digit *= abbrev / 10
		}
		sec += digit
	}
	return yi + wan + sec, true
}
