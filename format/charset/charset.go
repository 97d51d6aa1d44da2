// Package charset decodes the bytes of a text or HTML file into text: it
// tells UTF-8, UTF-16 (with or without a byte-order mark) and GB18030 (GBK,
// GB2312) apart by their bytes and by a page's charset declaration, and
// refuses binary data.
package charset

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"xxgk/internal/strs"
	"xxgk/zh"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"xxgk"
)

// Encoding names returned by Decode and stored in Document.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encGB18030 = "gb18030"
)

// sniffLen bounds the prefix searched for a charset declaration and the
// sample checked for control bytes: declarations sit in <head>, and a binary
// file shows itself in its first kilobytes.
const sniffLen = 4096

var (
	errEmpty  = errors.New("文件为空")
	errBinary = errors.New("不是文本文件（含有二进制数据）")
	errGarble = errors.New("无法识别文本编码（既不是 UTF-8 也不是 GB18030）")
)

// boms are checked longest first so that no BOM is mistaken for a shorter one.
var boms = []struct {
	mark []byte
	enc  string
}{
	{[]byte{0x84, 0x31, 0x95, 0x33}, encGB18030},
	{[]byte{0xEF, 0xBB, 0xBF}, encUTF8},
	{[]byte{0xFF, 0xFE}, encUTF16LE},
	{[]byte{0xFE, 0xFF}, encUTF16BE},
}

// binaryMagic are signatures of formats that are never text (a zip that is
// a workbook or Word document was read before any text was decoded).
// Formats whose signature starts with NUL need no entry.
var binaryMagic = [][]byte{
	[]byte("PK\x03\x04"), // zip
	[]byte("PK\x05\x06"), // empty zip
	[]byte("%PDF-"),
	[]byte("\x89PNG"),
	[]byte("GIF87a"),
	[]byte("GIF89a"),
	{0xFF, 0xD8, 0xFF},       // JPEG
	{0xD0, 0xCF, 0x11, 0xE0}, // OLE2: .doc, .xls
	{0x1F, 0x8B},             // gzip
	[]byte("Rar!"),           // rar
	{'7', 'z', 0xBC, 0xAF},   // 7-zip
	[]byte("RIFF"),           // webp, wav, avi
	{0x7F, 'E', 'L', 'F'},    // executables
	{'M', 'Z', 0x90, 0x00},   // Windows executables
	{0x49, 0x49, 0x2A, 0x00}, // TIFF
	{0x4D, 0x4D, 0x00, 0x2A}, // TIFF
	{0x1A, 0x45, 0xDF, 0xA3}, // Matroska
}

// charsetNames maps declared charsets to the decoder used. gb2312 and gbk
// pages really contain GBK (and GB18030) characters, and GB18030 is a
// superset of both, so all of them decode as GB18030.
var charsetNames = map[string]string{
	"utf-8": encUTF8, "utf8": encUTF8, "unicode-1-1-utf-8": encUTF8,
	"gb18030": encGB18030, "gbk": encGB18030, "gb2312": encGB18030,
	"x-gbk": encGB18030, "cp936": encGB18030, "windows-936": encGB18030,
	"ms936": encGB18030, "euc-cn": encGB18030, "x-euc-cn": encGB18030,
	"csgb2312": encGB18030, "gb_2312-80": encGB18030, "gb_2312": encGB18030,
	"chinese": encGB18030, "iso-ir-58": encGB18030, "csiso58gb231280": encGB18030,
}

// Decode turns the bytes of a text or HTML file into UTF-8 text with \n line
// endings and without zero-width characters, and names the encoding it
// decoded from ("utf-8", "utf-16le", "utf-16be" or "gb18030").
//
// Text that is already what Decode gives (clean UTF-8, the usual case)
// is data itself, not a copy: data must not be modified while text is in
// use. (A report is the size of its text many times over in what is
// derived from it; the copy was a tenth of what reading the samples
// allocated.)
func Decode(data []byte) (text string, encoding string, err error) {
	text, encoding, _, err = DecodeRepaired(data)
	return text, encoding, err
}

// Repairs are what Decode mended in text that is otherwise readable, for
// the reader to say so: a few bad bytes must not cost a report, nor pass
// unnoticed.
type Repairs struct {
	Undecodable int // bytes (UTF-16: code units) not valid in the encoding, shown as U+FFFD
	NUL         int // NUL bytes: trailing ones dropped, the others read as spaces
}

// maxNUL is how many NUL bytes, besides trailing padding, text may hold: a
// stray one is damage, many are a binary file.
const maxNUL = 16

// DecodeRepaired is Decode, and says what it had to mend. Its text may be
// data itself, as Decode's.
func DecodeRepaired(data []byte) (text string, encoding string, rep Repairs, err error) {
	text, encoding, rep, _, err = decode(data, true)
	return text, encoding, rep, err
}

// DecodeUnchecked is DecodeRepaired without the pass over the whole text
// that bytes taken for UTF-8 need, for a reader that passes over every
// byte of the text anyway and can check them on its way: bytes that are
// UTF-8 unless they are invalid (a UTF-8 BOM, or no BOM, no sign of
// UTF-16 and no GB declaration) are neither checked to be valid UTF-8
// nor cleaned of zero-width characters. Then checked is false, and the
// caller must check text: when it is valid UTF-8, DecodeRepaired makes of
// data text without its zero-width characters (Check), and the same
// encoding, repairs and error; when it is not, DecodeRepaired must decode
// data. Its errors are DecodeRepaired's.
//
// The pass was a third of decoding and reading a text report.
func DecodeUnchecked(data []byte) (text string, encoding string, rep Repairs, checked bool, err error) {
	return decode(data, false)
}

// Check is the check of text that DecodeUnchecked did not check: when
// text is valid UTF-8 (ok), it returns the text DecodeRepaired makes of
// the same bytes, text without its zero-width characters.
func Check(text string) (checked string, ok bool) {
	valid, zeroWidth := isUTF8(unsafe.Slice(unsafe.StringData(text), len(text)))
	switch {
	case !valid:
		return "", false
	case zeroWidth:
		return cleanText(text, true), true
	}
	return text, true // DecodeUnchecked turned its \r into \n
}

// decode is DecodeRepaired, or DecodeUnchecked when check is false.
func decode(data []byte, check bool) (text string, encoding string, rep Repairs, checked bool, err error) {
	if len(data) == 0 {
		return "", "", rep, true, errEmpty
	}
	enc, body := splitBOM(data)
	if enc == "" {
		enc = sniffUTF16(data)
	}
	// zeroWidth is false only when the text is known to hold no
	// zero-width character: the UTF-8 check looks for them on its way.
	zeroWidth := true
	checked = true
	switch enc {
	case encUTF16LE, encUTF16BE:
		text, rep.Undecodable, err = decodeUTF16(body, enc)
	default:
		if err = checkBinary(body); err != nil {
			return "", "", rep, true, err
		}
		if body, rep.NUL, err = dropNUL(body); err != nil {
			return "", "", rep, true, err
		}
		valid := false // body is known to be valid UTF-8
		var gb gbDecoded
		if enc == "" {
			declared := declaredCharset(body[:min(len(body), sniffLen)])
			if !check && declared != encGB18030 {
				// chooseEncoding's answer if body is valid UTF-8. (A
				// page declared GB is checked here: it is seldom UTF-8.)
				enc = encUTF8
			} else if enc, valid, zeroWidth, gb, err = chooseEncoding(body, declared); err != nil {
				return "", "", rep, true, err
			}
		}
		switch {
		case enc == encUTF8 && !check && !valid:
			// Taken for valid UTF-8, which the caller checks, and left
			// with its zero-width characters.
			text, checked, zeroWidth = bytesString(body), false, false
		case gb.ok:
			// chooseEncoding decoded body as GB18030, as decodeBytes
			// would have.
			if gb.err != nil {
				return "", "", rep, true, gb18030Error(gb.err)
			}
			text, rep.Undecodable, zeroWidth = bytesString(gb.text), gb.errs, true
		default:
			text, rep.Undecodable, err = decodeBytes(body, enc, valid)
			zeroWidth = zeroWidth || !valid || enc != encUTF8
		}
	}
	if err != nil {
		return "", "", rep, true, err
	}
	text = cleanText(text, zeroWidth)
	if isBlank(text) {
		// Checked: text of white space and zero-width characters only
		// is valid UTF-8.
		return "", "", rep, true, errEmpty
	}
	return text, enc, rep, checked, nil
}

// isBlank reports whether text holds nothing but white space and
// zero-width characters, which text DecodeUnchecked did not check keeps.
func isBlank(text string) bool {
	return strings.TrimFunc(text, isBlankRune) == ""
}

func isBlankRune(r rune) bool { return zh.IsSpace(r) || zh.IsZeroWidth(r) }

// Findings say what was repaired, for the report's findings.
func (rep Repairs) Findings(encoding string) []xxgk.Finding {
	var out []xxgk.Finding
	if rep.Undecodable > 0 {
		out = append(out, xxgk.Finding{Rule: xxgk.RuleTextUndecodable, Severity: xxgk.SeverityInfo,
			Message: fmt.Sprintf("文件中有 %d 个字节无法按 %s 解码，已显示为 �（文件可能不完整，或混有其他编码的文字），请核对原文。", rep.Undecodable, strings.ToUpper(encoding))})
	}
	if rep.NUL > 0 {
		out = append(out, xxgk.Finding{Rule: xxgk.RuleTextNUL, Severity: xxgk.SeverityInfo,
			Message: fmt.Sprintf("文件中有 %d 个空字节（NUL，多是复制或下载时损坏留下的），已忽略（正文中间的按空格读取）。", rep.NUL)})
	}
	return out
}

// dropNUL removes trailing NUL bytes (padding left by a copy or a
// preallocated download) and turns the few others into spaces, so that no
// two digits join across one. More than maxNUL of them is a binary file.
func dropNUL(body []byte) ([]byte, int, error) {
	n := bytes.Count(body, []byte{0})
	if n == 0 {
		return body, 0, nil
	}
	trimmed := bytes.TrimRight(body, "\x00")
	inner := n - (len(body) - len(trimmed))
	if inner > maxNUL {
		return nil, 0, errBinary
	}
	if inner > 0 {
		trimmed = bytes.ReplaceAll(trimmed, []byte{0}, []byte{' '})
	}
	return trimmed, n, nil
}

// splitBOM returns the encoding named by a leading byte-order mark and the
// bytes after it; enc is "" when there is no BOM.
func splitBOM(data []byte) (enc string, body []byte) {
	for _, b := range boms {
		if bytes.HasPrefix(data, b.mark) {
			return b.enc, data[len(b.mark):]
		}
	}
	return "", data
}

// sniffUTF16 recognises UTF-16 without a BOM, as some Windows tools save
// Chinese text. Text made mostly of ASCII has a NUL in nearly every other
// byte of the same parity; Chinese text has few NULs (only its line breaks,
// spaces and digits), so it is told by its code units instead: nearly all
// of them are CJK characters, CJK punctuation or ASCII. UTF-8 and GB18030
// text never has NULs, so neither rule can misfire on them.
func sniffUTF16(data []byte) string {
	n := min(len(data), sniffLen) &^ 1
	if n < 8 || bytes.IndexByte(data[:n], 0) < 0 {
		return "" // no NUL: neither rule below can hold (a vector search, as most text has none)
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*3 && even*20 < pairs:
		return encUTF16LE
	case even*10 >= pairs*3 && odd*20 < pairs:
		return encUTF16BE
	case odd+even == 0:
		return ""
	}
	le, be := chineseUTF16(data[:n], encUTF16LE), chineseUTF16(data[:n], encUTF16BE)
	switch {
	case le && !be:
		return encUTF16LE
	case be && !le:
		return encUTF16BE
	}
	return ""
}

// chineseUTF16 reports whether the code units of sample, read in the given
// byte order, are Chinese text: at least 95% of them ASCII text characters
// or CJK characters and punctuation, and at least one in ten CJK.
func chineseUTF16(sample []byte, enc string) bool {
	var text, cjk int
	for i := 0; i+1 < len(sample); i += 2 {
		u := rune(sample[i]) | rune(sample[i+1])<<8
		if enc == encUTF16BE {
			u = rune(sample[i])<<8 | rune(sample[i+1])
		}
		switch {
		case u >= 0x20 && u < 0x7F, u == '\t', u == '\n', u == '\r', u == 0xA0:
			text++
		case u >= 0x3000 && u <= 0x303F, // CJK punctuation
			u >= 0x3400 && u <= 0x9FFF, // CJK ideographs
			u >= 0xF900 && u <= 0xFAFF, // compatibility ideographs
			u >= 0xFF00 && u <= 0xFFEF, // full-width forms
			u >= 0x2000 && u <= 0x206F, // general punctuation: “”…—
			u == 0xFEFF:
			cjk++
		}
	}
	units := len(sample) / 2
	return (text+cjk)*100 >= units*95 && cjk*10 >= units
}

func decodeUTF16(body []byte, enc string) (string, int, error) {
	order := unicode.LittleEndian
	if enc == encUTF16BE {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil {
		return "", 0, fmt.Errorf("UTF-16 解码失败（%v）", err)
	}
	// A NUL or a run of control characters after decoding means the bytes
	// were not UTF-16 text after all.
	if bytes.IndexByte(out, 0) >= 0 || controlShare(out) {
		return "", 0, errBinary
	}
	return bytesString(out), utf16Errors(body, enc), nil // out is ours: no copy
}

// utf16Errors counts the code units of body that are not text: unpaired
// surrogates, and an odd last byte.
func utf16Errors(body []byte, enc string) int {
	errs := len(body) % 2
	unit := func(i int) uint16 {
		if enc == encUTF16BE {
			return uint16(body[i])<<8 | uint16(body[i+1])
		}
		return uint16(body[i]) | uint16(body[i+1])<<8
	}
	for i := 0; i+1 < len(body); i += 2 {
		switch u := unit(i); {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 < len(body) {
				if v := unit(i + 2); v >= 0xDC00 && v < 0xE000 {
					i += 2
					continue
				}
			}
			errs++
		case u >= 0xDC00 && u < 0xE000:
			errs++
		}
	}
	return errs
}

// checkBinary rejects known binary formats and data whose first kilobytes
// are largely control bytes. NUL bytes are dropNUL's.
func checkBinary(data []byte) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return errBinary
		}
	}
	if controlShare(data) {
		return errBinary
	}
	return nil
}

// controlShare reports whether the sample holds more than 2% C0 control
// bytes other than NUL and the white-space ones text files use.
//
// Every text file's first 16 KB pass here, and control bytes are rare:
// the sample is read 32 bytes at a time, and only a block holding a byte
// below 0x20 (a line break, mostly) is looked at word by word, its
// control bytes counted at once (controlBytes). (Eight bytes at a time,
// the loop cost as much as testing the word; counting a block byte by
// byte, as every block of a web page's indented source was, cost more.)
func controlShare(data []byte) bool {
	sample := data[:min(len(data), 4*sniffLen)]
	bad := 0
	rest := sample
	for ; len(rest) >= 32; rest = rest[32:] {
		b := rest[:32]
		le := binary.LittleEndian
		w0, w1, w2, w3 := le.Uint64(b), le.Uint64(b[8:]), le.Uint64(b[16:]), le.Uint64(b[24:])
		if belowSpace(w0)|belowSpace(w1)|belowSpace(w2)|belowSpace(w3) != 0 {
			bad += controlBytes(w0) + controlBytes(w1) + controlBytes(w2) + controlBytes(w3)
		}
	}
	for ; len(rest) >= 8; rest = rest[8:] {
		bad += controlBytes(binary.LittleEndian.Uint64(rest))
	}
	bad += countControl(rest)
	return bad*50 > len(sample)
}

// controlBytes counts the bytes of w that countControl counts. Each test
// sets the high bit of exactly the bytes it holds for: v is w without
// the high bits, and a constant below 0x80 added to a byte of v carries
// into no other byte.
func controlBytes(w uint64) int {
	const low = 0x7F * strs.LowBits
	v := w & low
	below := ^(v + 0x60*strs.LowBits | w) & strs.HighBits // below 0x20
	if below == 0 {
		return 0
	}
	blank := (v + (0x80-'\t')*strs.LowBits) &^ (v + (0x80-'\r'-1)*strs.LowBits) // \t \n \v \f \r
	notNUL := v + low
	notESC := (v ^ 0x1B*strs.LowBits) + low
	return bits.OnesCount64(below &^ blank & notNUL & notESC)
}

// belowSpace is not zero when a byte of w is below 0x20 (and may mark a
// byte after such a one: its callers count the bytes one by one then).
func belowSpace(w uint64) uint64 {
	return (w - ' '*strs.LowBits) &^ w & strs.HighBits
}

// countControl counts the bytes of b controlShare counts.
func countControl(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			n++
		}
	}
	return n
}

// chooseEncoding picks UTF-8 or GB18030 for bytes without a BOM, whose
// head declares the encoding declared (declaredCharset). The bytes
// outvote a declaration: sites copy templates and leave a wrong charset in
// them, but real GBK text is almost never valid UTF-8 and vice versa.
// When data is valid UTF-8, zeroWidth reports whether it holds a
// zero-width character (isUTF8).
//
// Bytes that are not valid UTF-8 are decoded as GB18030 to count their
// errors there (decodeGB18030, which counts them as gb18030Errors does):
// when GB18030 is chosen, gb is that decoding, for the caller to use (a
// pass of its own to count them was a sixth of decoding a GBK page).
func chooseEncoding(data []byte, declared string) (enc string, validUTF8, zeroWidth bool, gb gbDecoded, err error) {
	if valid, zw := isUTF8(data); valid {
		// Short GBK text can be valid UTF-8 by accident; trust a GB
		// declaration unless the UTF-8 reading has real multi-byte content.
		if declared == encGB18030 && !hasMultibyte(data, 4) {
			return encGB18030, true, zw, gb, nil
		}
		return encUTF8, true, zw, gb, nil
	}
	gb.text, gb.errs, gb.err = decodeGB18030(data)
	gb.ok = true
	if gb.err != nil {
		gb.errs = gb18030Errors(data) // as if it had been counted apart
	}
	gbErr := gb.errs
	if gbErr == 0 {
		return encGB18030, false, false, gb, nil
	}
	u8Err := utf8Errors(data)
	best, errs := encUTF8, u8Err
	if gbErr < u8Err || (gbErr == u8Err && declared == encGB18030) {
		best, errs = encGB18030, gbErr
	}
	// A few broken sequences (a page cut in the middle of a character, a
	// pasted fragment) are tolerated; beyond that the text is garbage.
	if errs > 16 && errs*100 > len(data) {
		return "", false, false, gbDecoded{}, errGarble
	}
	if best != encGB18030 {
		gb = gbDecoded{}
	}
	return best, false, false, gb, nil
}

// gbDecoded is decodeGB18030's decoding of bytes, when ok.
type gbDecoded struct {
	text []byte
	errs int
	err  error
	ok   bool
}

// declaredCharset finds a charset=... (meta tags, HTTP-equiv content) or an
// XML encoding="..." declaration in head and maps it to an encoding name.
//
// Both forms need an '=', and it is from each '=' that head is read, back
// to the key and on to the value, letters compared regardless of case:
// lowering the whole head first cost more than all the rest of it (a text
// report has the '=' of a "==== 正文 ====" banner in its head, and no
// declaration).
func declaredCharset(head []byte) string {
	for _, key := range []string{"charset", "encoding"} {
		for rest := head; ; {
			i := bytes.IndexByte(rest, '=')
			if i < 0 {
				break
			}
			if hasKeySuffix(rest[:i], key) {
				if enc := charsetAt(rest[i+1:]); enc != "" {
					return enc
				}
			}
			rest = rest[i+1:]
		}
	}
	return ""
}

// hasKeySuffix reports whether s ends with key, in either case, and
// optional spaces and tabs. Key is lower-case letters.
func hasKeySuffix(s []byte, key string) bool {
	n := len(s)
	for n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
		n--
	}
	if n < len(key) {
		return false
	}
	s = s[n-len(key) : n]
	for i := range len(key) {
		if s[i]|0x20 != key[i] { // of a letter, 0x20 is the case bit
			return false
		}
	}
	return true
}

// maxCharsetName is the length of the longest of charsetNames.
const maxCharsetName = len("unicode-1-1-utf-8")

// charsetAt reads the value after "charset=" (optional spaces or quotes,
// then the name) and returns the encoding charsetNames gives the name
// lowered, or "".
func charsetAt(s []byte) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\'') {
		i++
	}
	var name [maxCharsetName]byte
	n := 0
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !isCharsetByte(c) {
			break
		}
		if n == len(name) {
			return "" // longer than any name known
		}
		name[n] = c
		n++
	}
	return charsetNames[string(name[:n])]
}

func isCharsetByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
}

// hasMultibyte reports whether valid UTF-8 data holds at least n non-ASCII runes.
func hasMultibyte(data []byte, n int) bool {
	for _, c := range data {
		if c >= 0xC0 {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// isUTF8 is utf8.Valid, made fast for Chinese text: every UTF-8 text
// file passes here whole. A run of characters of three bytes whose lead
// byte takes any continuation bytes (E1–EC, EE–EF: the CJK ideographs and
// most punctuation) is checked in a loop of its own, both continuation
// bytes read and tested at once (26 instructions a character before, 15
// now), and a run of ASCII (most of a web page) up to 32 bytes at a time;
// the rest is left to utf8.DecodeRune.
//
// Of valid UTF-8, zeroWidth reports whether it holds a zero-width
// character, so that cleanText need not look for one again (its searches
// stopped at every E2 and EF byte). The run loop tells the lead bytes by a
// table (lead3), lead and continuation bytes in one test, and only a
// character led by E2 or EF (“”—…，：, a few in a hundred) is looked at
// more closely.
func isUTF8(p []byte) (valid, zeroWidth bool) {
	le := binary.LittleEndian
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			// One ASCII byte is likely followed by more, as utf8.Valid
			// reasons: a word, two, then four at a time.
			i++
			if i+8 <= len(p) && le.Uint64(p[i:])&strs.HighBits == 0 {
				i += 8
				if i+16 <= len(p) && (le.Uint64(p[i:])|le.Uint64(p[i+8:]))&strs.HighBits == 0 {
					i += 16
					for i+32 <= len(p) {
						if b := p[i : i+32]; (le.Uint64(b)|le.Uint64(b[8:])|le.Uint64(b[16:])|le.Uint64(b[24:]))&strs.HighBits != 0 {
							break
						}
						i += 32
					}
				}
			}
			continue
		}
		run := i // the end of the run of three-byte characters at i
		for run < len(p)-2 {
			c, tail := p[run], uint(p[run+1])|uint(p[run+2])<<8
			// One test for the usual character, led by leadAny and
			// followed by two continuation bytes.
			if uint(lead3[c])|(tail&0xC0C0^0x8080) != 0 {
				if lead3[c] != leadE2EF || tail&0xC0C0 != 0x8080 {
					break
				}
				zeroWidth = zeroWidth || isZeroWidth3(c, tail)
			}
			run += 3
		}
		if run > i {
			i = run
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return false, false
		}
		i += size
	}
	return true, zeroWidth
}

// Kinds of byte for isUTF8's loop over three-byte characters.
const (
	leadAny   = iota // E1, E3–EC, EE: takes any, and leads no zero-width character
	leadE2EF         // E2, EF: takes any, and may lead a zero-width character
	leadOther        // not a lead byte that takes any continuation bytes
)

var lead3 = func() (t [256]uint8) {
	for c := range t {
		if c < 0xE1 || c > 0xEF || c == 0xED { // ED takes 80–9F only: A0–BF would be surrogates
			t[c] = leadOther
		}
	}
	t[0xE2], t[0xEF] = leadE2EF, leadE2EF
	return t
}()

// isZeroWidth3 reports whether the three bytes c, tail&0xFF, tail>>8 (a
// character led by E2 or EF) are a zero-width character: U+200B–U+200F,
// U+2060 or U+FEFF, as zh.ZeroWidthLen knows them.
func isZeroWidth3(c byte, tail uint) bool {
	if c == 0xE2 {
		return tail&0xFF == 0x80 && tail>>8-0x8B <= 0x8F-0x8B || tail == 0xA081
	}
	return tail == 0xBFBB
}

// utf8Errors counts the invalid sequences in data.
func utf8Errors(data []byte) int {
	errs := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			errs++
		}
		i += size
	}
	return errs
}

// gb18030Errors counts the byte positions that do not start a valid GB18030
// sequence (one byte ASCII, two bytes lead 81–FE + trail 40–7E/80–FE, or four
// bytes 81–FE 30–39 81–FE 30–39).
func gb18030Errors(data []byte) int {
	errs := 0
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(data):
			errs++
			i++
		case isGBTrail(data[i+1]):
			i += 2
		case data[i+1] >= 0x30 && data[i+1] <= 0x39 && i+3 < len(data) &&
			data[i+2] >= 0x81 && data[i+2] <= 0xFE && data[i+3] >= 0x30 && data[i+3] <= 0x39:
			i += 4
		default:
			errs++
			i++
		}
	}
	return errs
}

func isGBTrail(c byte) bool {
	return c >= 0x40 && c <= 0xFE && c != 0x7F
}

// decodeBytes decodes UTF-8 or GB18030 bytes; invalid sequences become
// U+FFFD, and errs counts their bytes.
func decodeBytes(body []byte, enc string, validUTF8 bool) (text string, errs int, err error) {
	if enc == encGB18030 {
		out, errs, err := decodeGB18030(body)
		if err != nil {
			return "", 0, gb18030Error(err)
		}
		return bytesString(out), errs, nil // out is ours: no copy
	}
	text = bytesString(body) // data itself (Decode)
	if validUTF8 || utf8.ValidString(text) {
		return text, 0, nil
	}
	return strings.ToValidUTF8(text, "\uFFFD"), utf8Errors(body), nil
}

// gb18030Error is the error of bytes x/text's decoder could not decode.
func gb18030Error(err error) error { return fmt.Errorf("GB18030 解码失败（%v）", err) }

// decodeGB18030 decodes GB18030 bytes as its decoder in x/text does, and
// counts the bytes not valid in it (gb18030Errors).
//
// ASCII and the two-byte sequences, all of a GBK page but for a rare
// four-byte sequence or broken byte, are decoded here, a two-byte
// sequence looked up in gbkPairs; x/text's decoder is given the others,
// four bytes at a time (a sequence has four at most), and the loop goes
// on after them. x/text took 35 instructions a byte of a GBK page.
// gb18030Errors steps through bytes as the loop does, so the errors are
// counted from the first byte given to x/text on.
//
// The output goes into a buffer allocated once for the usual text, where
// each character takes at most half as many bytes again in UTF-8 (two
// bytes become three): transform.Bytes started small and doubled, a tenth
// of what reading a GBK page allocated. Text that needs more (an invalid
// byte is three bytes of U+FFFD) grows it.
func decodeGB18030(body []byte) (_ []byte, errs int, err error) {
	pairs := gbkPairs()
	out := make([]byte, 0, len(body)+len(body)/2+utf8.UTFMax)
	var dec *encoding.Decoder
	first := -1 // the first byte given to dec
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			j := i + 1 // the end of the run of ASCII
			for j+8 <= len(body) && binary.LittleEndian.Uint64(body[j:])&strs.HighBits == 0 {
				j += 8
			}
			for j < len(body) && body[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, body[i:j]...)
			i = j
			continue
		}
		if c != 0x80 && c != 0xFF && i+1 < len(body) && isGBTrail(body[i+1]) {
			// x/text's index of the sequence in its table: the trails
			// run 40–7E and 80–FE, 190 of them.
			c1 := body[i+1]
			k := int(c-0x81)*190 + int(c1) - 0x40
			if c1 > 0x7F {
				k--
			}
			if r := pairs[k]; r >= 0x800 {
				out = append(out, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
			} else {
				out = utf8.AppendRune(out, rune(r))
			}
			i += 2
			continue
		}
		// A byte of its own (an invalid one, or the euro sign 80) or a
		// four-byte sequence. x/text decodes the whole sequences of the
		// next four bytes, one at least: a sequence cut off by the end of
		// the four it leaves for the next round (ErrShortSrc), unless
		// they end body. Four bytes make four runes at most, three bytes
		// each but for one of the supplementary planes.
		if dec == nil {
			dec, first = simplifiedchinese.GB18030.NewDecoder(), i
		}
		end := min(i+4, len(body))
		out = slices.Grow(out, 4*utf8.UTFMax)
		n, m, err := dec.Transform(out[len(out):cap(out)], body[i:end], end == len(body))
		out, i = out[:len(out)+n], i+m
		if err != nil && err != transform.ErrShortSrc || m == 0 {
			if err == nil {
				err = errors.New("charset: the GB18030 decoder read nothing")
			}
			return out, 0, err
		}
	}
	if first < 0 {
		return out, 0, nil
	}
	return out, gb18030Errors(body[first:]), nil
}

// gbkPairs is the rune of every two-byte GB18030 sequence (a lead 81–FE,
// a trail 40–7E or 80–FE), at x/text's index of it: (lead-0x81)*190 and
// the trail's place among the trails. It is made by x/text's decoder,
// decoding all the sequences one after the other, so the two cannot
// differ; every rune is of the Basic Multilingual Plane (U+FFFD where
// the sequence is not a character) and none is a surrogate.
var gbkPairs = sync.OnceValue(func() []uint16 {
	src := make([]byte, 0, 2*126*190)
	for c0 := 0x81; c0 <= 0xFE; c0++ {
		for c1 := 0x40; c1 <= 0xFE; c1++ {
			if c1 != 0x7F {
				src = append(src, byte(c0), byte(c1))
			}
		}
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), src)
	if err != nil {
		panic(err)
	}
	t := make([]uint16, 0, 126*190)
	for len(out) > 0 {
		r, n := utf8.DecodeRune(out)
		if r > 0xFFFF {
			panic("charset: a two-byte GB18030 sequence outside the BMP")
		}
		t = append(t, uint16(r))
		out = out[n:]
	}
	if len(t) != 126*190 {
		panic("charset: a two-byte GB18030 sequence not one rune")
	}
	return t
})

// bytesString is b as a string without a copy: b must not be modified
// while the string is in use.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// cleanText turns \r\n and lone \r into \n and removes zero-width
// characters, which break label and number matching ("946\u200b条").
// Clean text, the usual case, is returned without copying. Text known to
// hold no zero-width character (zeroWidth false) is searched for \r only.
func cleanText(s string, zeroWidth bool) string {
	d := dirtyScan{s: s, cr: -1, e2: -1, ef: -1}
	if !zeroWidth {
		// The E2 and EF bytes of Chinese punctuation were most of the
		// stops of the search.
		d.e2, d.ef = len(s), len(s)
	}
	i := d.next(0)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for i >= 0 {
		b.WriteString(s[start:i])
		if s[i] == '\r' {
			b.WriteByte('\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		} else {
			i += zh.ZeroWidthLen(s[i:])
		}
		start = i
		i = d.next(i)
	}
	b.WriteString(s[start:])
	return b.String()
}

// dirtyScan finds the \r and zero-width characters of s. Each kind is
// found with strings.IndexByte (a vector scan, where a byte loop took 3% of
// reading a web page) and its next place kept, so s is scanned once
// whatever the order of the finds.
type dirtyScan struct {
	s string
	// The next \r, and the next E2 and EF byte that starts a zero-width
	// character (the lead bytes of U+200B–U+200F, U+2060 and U+FEFF), at or
	// after the last position asked; -1 before the first search, len(s)
	// when there is none.
	cr, e2, ef int
}

// next returns the index of the next \r or zero-width character at or
// after i, or -1.
func (d *dirtyScan) next(i int) int {
	if d.cr < i {
		d.cr = d.find(i, '\r')
	}
	if d.e2 < i {
		d.e2 = d.find(i, 0xE2)
	}
	if d.ef < i {
		d.ef = d.find(i, 0xEF)
	}
	if n := min(d.cr, d.e2, d.ef); n < len(d.s) {
		return n
	}
	return -1
}

// find returns the first place at or after i of byte c that is a \r or
// starts a zero-width character, or len(s).
func (d *dirtyScan) find(i int, c byte) int {
	for i < len(d.s) {
		j := strings.IndexByte(d.s[i:], c)
		if j < 0 {
			break
		}
		i += j
		if c == '\r' || zh.ZeroWidthLen(d.s[i:]) > 0 {
			return i
		}
		i++
	}
	return len(d.s)
}

// AppendASCIILower appends s to dst with its ASCII letters lowered.
// Charset declarations and tag names are ASCII; bytes.ToLower would decode
// every CJK character of the head for nothing. Sniffing calls it with a
// buffer on the stack: the kilobytes of a page's head are looked at once,
// eight bytes at a time.
func AppendASCIILower[S ~string | ~[]byte](dst []byte, s S) []byte {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		dst = binary.LittleEndian.AppendUint64(dst, w|asciiUpper(w)>>2) // 0x80>>2 is 'a'-'A'
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// asciiUpper returns w with the high bit set of each byte that is an ASCII
// capital letter, and no other bit. Below the high bit, a byte compared by
// adding to it cannot carry into the next.
func asciiUpper(w uint64) uint64 {
	low := w &^ strs.HighBits
	atLeastA := low + (0x80-'A')*strs.LowBits
	pastZ := low + (0x80-'Z'-1)*strs.LowBits
	return atLeastA &^ pastZ &^ w & strs.HighBits
}
