package charset

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"xxgk/zh"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"xxgk"
)

// seedText is real report text (seed 000), used to make encoded fixtures.
const seedText = "2012年度洮北区政府信息公开年度报告\n\n发布日期:2012-12-31    点击数:\n\n" +
	"  本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。如对本报告有疑问," +
	"请与洮北区政务公开协调办公室联系。地址:白城市洮北区公园东路14号,邮编:137000。\n"

// gbkOnly are characters outside GB2312 (checked against Python's gb2312
// codec) that gb2312-declared pages nevertheless contain.
const gbkOnly = "堃喆珺昇镕"

func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(t *testing.T, s string, e unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeEncodings(t *testing.T) {
	gbPage := func(meta string) []byte {
		return gb18030(t, "<html><head>"+meta+"<title>报告</title></head><body><p>"+seedText+"局长王"+gbkOnly+"</p></body></html>")
	}
	tests := []struct {
		name     string
		data     []byte
		want     string // a substring the decoded text must hold
		wantEnc  string
		wantFull string // if set, the whole decoded text
	}{
		{"plain utf-8", []byte(seedText), "洮北区", "utf-8", seedText},
		{"utf-8 BOM stripped", append([]byte{0xEF, 0xBB, 0xBF}, seedText...), "", "utf-8", seedText},
		{"utf-16le BOM", utf16Bytes(t, seedText, unicode.LittleEndian, unicode.UseBOM), "", "utf-16le", seedText},
		{"utf-16be BOM", utf16Bytes(t, seedText, unicode.BigEndian, unicode.UseBOM), "", "utf-16be", seedText},
		{"utf-16le without BOM", utf16Bytes(t, seedText, unicode.LittleEndian, unicode.IgnoreBOM), "", "utf-16le", seedText},
		{"gbk bytes, no declaration", gb18030(t, seedText), "", "gb18030", seedText},
		{"gb18030 BOM", append([]byte{0x84, 0x31, 0x95, 0x33}, gb18030(t, seedText)...), "", "gb18030", seedText},
		{"meta charset gb2312 with GBK-only characters", gbPage(`<meta charset="gb2312">`), "王" + gbkOnly, "gb18030", ""},
		{"http-equiv gbk", gbPage(`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`), gbkOnly, "gb18030", ""},
		{"declared utf-8 but GBK bytes: bytes win", gbPage(`<meta charset="utf-8">`), gbkOnly, "gb18030", ""},
		{"declared gb2312 but valid utf-8 text: bytes win",
			[]byte(`<meta charset="gb2312"><p>` + seedText + `</p>`), "洮北区政府", "utf-8", ""},
		{"xml encoding declaration", gb18030(t, `<?xml version="1.0" encoding="gb2312"?><html><p>`+seedText+`</p></html>`), "洮北区", "gb18030", ""},
		{"utf-8 cut inside the last character", []byte(seedText + "报告"[:4]), "洮北区", "utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding %q, want %q", enc, tt.wantEnc)
			}
			if tt.wantFull != "" && text != tt.wantFull {
				t.Errorf("text %q, want %q", text, tt.wantFull)
			}
			if !strings.Contains(text, tt.want) {
				t.Errorf("text lacks %q: %q", tt.want, text)
			}
		})
	}
}

func TestDecodeCleansText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"第一行\r\n第二行\r第三行\n", "第一行\n第二行\n第三行\n"},
		{"其他信息946\u200b条。", "其他信息946条。"},
		{"共\u200c18\u200d3\u2060件\ufeff", "共183件"},
		{"“引号”—破折号…省略号", "“引号”—破折号…省略号"}, // E2 lead bytes that are not zero-width stay
		// The kinds found out of order, next to EF and E2 bytes that stay
		// (，（） and “”): each kind's next place is kept across the finds.
		{"甲，\u200b乙（丙）\r\n丁\ufeff“戊”\r\u2060己，\u200f庚\r", "甲，乙（丙）\n丁“戊”\n己，庚\n"},
		{"\r\r\n\ufeff\ufeff，", "\n\n，"},
	}
	for _, tt := range tests {
		got, _, err := Decode([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	controls := []byte(strings.Repeat("a\x01\x02\x03b", 100))
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"empty", nil, "文件为空"},
		{"only a BOM", []byte{0xEF, 0xBB, 0xBF}, "文件为空"},
		{"only white space", []byte(" \r\n\t\n"), "文件为空"},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "二进制"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n...."), "二进制"},
		{"zip/docx: NUL in header", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml"), "二进制"},
		{"many NUL bytes in text", []byte(strings.Repeat("报告\x00正文", maxNUL+1)), "二进制"},
		{"control bytes", controls, "二进制"},
		{"OLE .doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "二进制"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.data)
			if err == nil {
				t.Fatal("err = nil, want a refusal")
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %q, want it to say %q", err, tt.msg)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ head, want string }{
		{`<meta charset="utf-8">`, "utf-8"},
		{`<META CHARSET=UTF8>`, "utf-8"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`, "gb18030"},
		{`<meta content='text/html;charset = x-gbk'>`, "gb18030"},
		{`<meta charset="GB18030">`, "gb18030"},
		{`<meta charset="big5">`, ""},
		{`<p>no declaration</p>`, ""},
	}
	for _, tt := range tests {
		if got := declaredCharset([]byte(tt.head)); got != tt.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func TestDecodeLooksOnlyAtTheHead(t *testing.T) {
	// A charset mentioned deep in a UTF-8 page (say, in an article about
	// encodings) does not count: only the first few KB are searched.
	page := "<html><body><p>" + strings.Repeat("正文", 3000) + `charset=gbk</p></body></html>`
	_, enc, err := Decode([]byte(page))
	if err != nil || enc != "utf-8" {
		t.Fatalf("enc %q err %v, want utf-8", enc, err)
	}
}

// TestDecodeChineseUTF16WithoutBOM reads Chinese text saved as UTF-16
// without a byte-order mark, as some Windows tools save it: it has too few
// NULs for the ASCII rule, and is told by its code units.
func TestDecodeChineseUTF16WithoutBOM(t *testing.T) {
	const chinese = "某县人民政府办公室二〇二三年政府信息公开工作年度报告\n一、总体情况\n" +
		"本年度，我县认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。\n" +
		"二、主动公开政府信息情况\n全年主动公开政府信息三百余条。\n"
	for _, tc := range []struct {
		order unicode.Endianness
		want  string
	}{
		{unicode.LittleEndian, "utf-16le"},
		{unicode.BigEndian, "utf-16be"},
	} {
		data := utf16Bytes(t, chinese, tc.order, unicode.IgnoreBOM)
		text, enc, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.want, err)
		}
		if enc != tc.want || text != chinese {
			t.Errorf("%s: got %s %q", tc.want, enc, text)
		}
	}
	// Binary data with a few NULs stays binary.
	bin := []byte(strings.Repeat("\x01\x02ab\x00\x05\xff\xfe", 200))
	if _, _, err := Decode(bin); err == nil {
		t.Error("binary data decoded as text")
	}
}

// TestDecodeRepairs: a few bad bytes in an otherwise good report are read
// (not refused) and counted, so the reader can say so.
func TestDecodeRepairs(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		want     string
		repairs  Repairs
		encoding string
	}{
		{"one NUL", []byte("报告\x00正文"), "报告 正文", Repairs{NUL: 1}, "utf-8"},
		{"NUL between digits does not join them", []byte("收到申请12\x0034件"), "收到申请12 34件", Repairs{NUL: 1}, "utf-8"},
		{"trailing NUL padding", append([]byte(seedText), make([]byte, 4096)...), seedText, Repairs{NUL: 4096}, "utf-8"},
		{"invalid UTF-8", []byte(seedText + "\xff\xfe" + seedText), "\uFFFD", Repairs{Undecodable: 2}, "utf-8"},
		{"invalid GB18030", append(gb18030(t, seedText), 0x80), "洮北区", Repairs{Undecodable: 1}, "gb18030"},
		{"unpaired surrogate in UTF-16", append(utf16Bytes(t, seedText, unicode.LittleEndian, unicode.UseBOM), 0x00, 0xD8, 'a', 0), "洮北区", Repairs{Undecodable: 1}, "utf-16le"},
		{"clean", []byte(seedText), seedText, Repairs{}, "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, rep, err := DecodeRepaired(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.encoding || rep != tt.repairs || !strings.Contains(text, tt.want) {
				t.Errorf("got %q, %s, %+v; want %q in it, %s, %+v", text, enc, rep, tt.want, tt.encoding, tt.repairs)
			}
			fs := rep.Findings(enc)
			if len(fs) != btoi(rep.NUL > 0)+btoi(rep.Undecodable > 0) {
				t.Errorf("findings = %+v", fs)
			}
			for _, f := range fs {
				if f.Severity != xxgk.SeverityInfo || f.Message == "" {
					t.Errorf("finding = %+v", f)
				}
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzDecode: Decode never changes its input, gives valid UTF-8 without
// carriage returns or zero-width characters, and gives the same text for
// a copy of the input (its text may be the input itself, not a copy).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"一、总体情况\r\n本年收到申请12件。", "\xef\xbb\xbf报告", "\xff\xfe\x00N", "<meta charset=gbk>\xb1\xa8\xb8\xe6", "a\u200bb\x00", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		text, enc, err := Decode(data)
		if !bytes.Equal(data, orig) {
			t.Fatalf("Decode changed its input")
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') || strings.ContainsFunc(text, zh.IsZeroWidth) {
			t.Fatalf("Decode(%q) = %q (%s)", data, text, enc)
		}
		again, enc2, err := Decode(bytes.Clone(data))
		if err != nil || again != text || enc2 != enc {
			t.Fatalf("Decode of a copy = %q, %s, %v; want %q, %s", again, enc2, err, text, enc)
		}
	})
}

// One control byte in 40 is more than 2%, wherever it stands: in the
// words read 32 bytes at a time or in the tail.
// TestControlBytes holds controlBytes to countControl with every byte at
// every place of words of text, of control bytes and of blanks.
func TestControlBytes(t *testing.T) {
	for _, fill := range []string{"abcdefgh", "\x01\x01\x01\x01\x01\x01\x01\x01", "\n\t\r\f\v\x00\x1b ", "\xff\x80\x9f\x1f\x20\x0e\x08\x1c", "政府信息"} {
		for c := range 256 {
			for at := range 8 {
				b := []byte(fill[:8])
				b[at] = byte(c)
				if got, want := controlBytes(binary.LittleEndian.Uint64(b)), countControl(b); got != want {
					t.Fatalf("controlBytes(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

func TestControlShareEveryPlace(t *testing.T) {
	for p := range 40 {
		data := []byte(strings.Repeat("政", 13) + "a")
		data[p] = 0x01
		if !controlShare(data) {
			t.Errorf("controlShare missed the control byte at %d of %q", p, data)
		}
	}
}

// FuzzControlShare compares controlShare, which skips words with no byte
// below 0x20, with counting every byte.
func FuzzControlShare(f *testing.F) {
	f.Add([]byte("政府信息公开\n年度报告\r\n\x01\x02"))
	f.Add([]byte("\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1fabc"))
	f.Add([]byte("\x7f\x80\x9f\xa0\xff\x00\x1b\x0b"))
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz01234\x01abcdefghijklmnopqrstuvwx\x02z012345\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sample := data[:min(len(data), 4*sniffLen)]
		if got, want := controlShare(data), countControl(sample)*50 > len(sample); got != want {
			t.Fatalf("controlShare(%q) = %v, want %v", data, got, want)
		}
	})
}

// gb18030Cases are GB18030 bytes at the edges of decodeGB18030's buffer:
// text that fits it, invalid bytes that take three times their size,
// four-byte sequences, and a sequence cut off at the end.
func gb18030Cases(t testing.TB) [][]byte {
	return [][]byte{
		nil,
		[]byte("ascii only"),
		gb18030(t, seedText+gbkOnly),
		gb18030(t, strings.Repeat("报告", 5000)),
		gb18030(t, "\U0001F600𠀀\u00e9"),
		bytes.Repeat([]byte{0x80}, 5000),
		append(gb18030(t, "年度报告"), 0xFF, 0x81),
		append(bytes.Repeat([]byte{0xFF}, 100), gb18030(t, seedText)...),
	}
}

// TestDecodeGB18030: decodeGB18030 decodes as transform.Bytes does.
func TestDecodeGB18030(t *testing.T) {
	for _, b := range gb18030Cases(t) {
		checkDecodeGB18030(t, b)
	}
}

func checkDecodeGB18030(t *testing.T, b []byte) {
	want, _, wantErr := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
	got, errs, err := decodeGB18030(b)
	if wantErrs := gb18030Errors(b); !bytes.Equal(got, want) || (err == nil) != (wantErr == nil) || errs != wantErrs {
		t.Errorf("decodeGB18030(%.40q) = %.40q, %d, %v; want %.40q, %d, %v", b, got, errs, err, want, wantErrs, wantErr)
	}
}

// TestDecodeGB18030Pairs decodes every sequence of two bytes, alone and
// between characters of two and four bytes, as transform.Bytes does.
func TestDecodeGB18030Pairs(t *testing.T) {
	two, four := gb18030(t, "报"), gb18030(t, "\U0001F600")
	for c0 := range 256 {
		for c1 := range 256 {
			p := []byte{byte(c0), byte(c1)}
			checkDecodeGB18030(t, p)
			checkDecodeGB18030(t, slices.Concat([]byte("a"), two, p, two, []byte("b")))
			if c0 > 0x80 && c0 < 0xFF && c1&15 == 0 {
				checkDecodeGB18030(t, slices.Concat(two, p, four, p, two))
			}
		}
	}
}

// FuzzDecodeGB18030: decodeGB18030 decodes as transform.Bytes does.
func FuzzDecodeGB18030(f *testing.F) {
	for _, b := range gb18030Cases(f) {
		f.Add(b)
	}
	f.Fuzz(checkDecodeGB18030)
}

// appendASCIILowerBytes is AppendASCIILower byte by byte, the reference.
func appendASCIILowerBytes(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func checkAppendASCIILower(t *testing.T, s string) {
	t.Helper()
	want := appendASCIILowerBytes([]byte("x"), s)
	if got := AppendASCIILower([]byte("x"), s); !bytes.Equal(got, want) {
		t.Fatalf("AppendASCIILower(%q) = %q, want %q", s, got, want)
	}
	if got := AppendASCIILower([]byte("x"), []byte(s)); !bytes.Equal(got, want) {
		t.Fatalf("AppendASCIILower([]byte(%q)) = %q, want %q", s, got, want)
	}
}

// TestAppendASCIILower holds AppendASCIILower, which lowers eight bytes at
// a time, to the byte loop for every byte value at every place of two
// words and their tail, among letters and among bytes of Chinese text.
func TestAppendASCIILower(t *testing.T) {
	for _, fill := range []string{"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "az@[`{", "政府信息公开年度报告"} {
		for i := range 19 {
			for c := range 256 {
				b := []byte(strings.Repeat(fill, 4)[:19])
				b[i] = byte(c)
				checkAppendASCIILower(t, string(b))
				checkAppendASCIILower(t, string(b[:i+1]))
			}
		}
	}
}

func FuzzAppendASCIILower(f *testing.F) {
	for _, s := range []string{"", "<META charset=GBK>", "Content-Type: text/html; Charset=UTF-8", "政府信息公开 ENCODING=\"GB2312\""} {
		f.Add(s)
	}
	f.Fuzz(checkAppendASCIILower)
}

// BenchmarkAppendASCIILower lowers the sniffed heads of the sample reports.
func BenchmarkAppendASCIILower(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.*"))
	if len(files) == 0 {
		b.Skip("no sample reports")
	}
	var heads [][]byte
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		heads = append(heads, data[:min(len(data), sniffLen)])
		total += int64(min(len(data), sniffLen))
	}
	var buf [sniffLen]byte
	b.SetBytes(total)
	for b.Loop() {
		for _, h := range heads {
			AppendASCIILower(buf[:0], h)
		}
	}
}

func checkIsUTF8(t *testing.T, data []byte) {
	t.Helper()
	valid, zeroWidth := isUTF8(data)
	if want := utf8.Valid(data); valid != want {
		t.Fatalf("isUTF8(%q) = %v, want %v", data, valid, want)
	}
	if want := valid && bytes.ContainsFunc(data, zh.IsZeroWidth); zeroWidth != want {
		t.Fatalf("isUTF8(%q) says zero-width %v, want %v", data, zeroWidth, want)
	}
}

// TestIsUTF8 holds isUTF8 to utf8.Valid on every lead byte followed by up
// to three bytes from each class of byte, alone and inside Chinese text,
// on ASCII runs broken at every place, and on the sample reports.
func TestIsUTF8(t *testing.T) {
	// 0x81, 0x8B, 0xBB: the zero-width characters E2 80 8B–8F, E2 81 A0
	// and EF BB BF are told from their neighbours.
	edges := []byte{0x41, 0x7F, 0x80, 0x81, 0x8B, 0x8F, 0x90, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFF}
	for lead := range 256 {
		for _, b1 := range edges {
			for _, b2 := range edges {
				for _, b3 := range []byte{0x41, 0x80, 0xBF, 0xE5} {
					seq := []byte{byte(lead), b1, b2, b3}
					for n := 1; n <= len(seq); n++ {
						checkIsUTF8(t, seq[:n])
						checkIsUTF8(t, append(append([]byte("年"), seq[:n]...), "年a"...))
					}
				}
			}
		}
	}
	// A byte other than ASCII at every place of ASCII runs as long as
	// the words isUTF8 skips them by.
	for n := range 80 {
		for at := range n {
			for _, c := range []string{"\x80", "\xe5", "\xff", "\xc2", "年", "\xe5\xb9"} {
				b := []byte(strings.Repeat("a", n))
				checkIsUTF8(t, append(append(b[:at:at], c...), b[at:]...))
				checkIsUTF8(t, append([]byte("年"), append(append(b[:at:at], c...), b[at:]...)...))
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkIsUTF8(t, data)
		for i := 0; i < len(data); i += 4099 {
			checkIsUTF8(t, data[i:min(len(data), i+4096)])
		}
	}
}

func FuzzIsUTF8(f *testing.F) {
	for _, s := range []string{"", "政府信息公开", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "年\xe5\xb9", "\xf4\x90\x80\x80", "年\u200b，\ufeff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkIsUTF8)
}

// BenchmarkIsUTF8 checks the sample reports as chooseEncoding does.
func BenchmarkIsUTF8(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample reports")
	}
	var texts [][]byte
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, data)
		total += int64(len(data))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, data := range texts {
			isUTF8(data)
		}
	}
}

// TestIsZeroWidth3 holds isZeroWidth3 to zh.ZeroWidthLen on every
// character led by E2 or EF.
func TestIsZeroWidth3(t *testing.T) {
	for _, c := range []byte{0xE2, 0xEF} {
		for b1 := 0x80; b1 <= 0xBF; b1++ {
			for b2 := 0x80; b2 <= 0xBF; b2++ {
				s := string([]byte{c, byte(b1), byte(b2)})
				if got, want := isZeroWidth3(c, uint(b1)|uint(b2)<<8), zh.ZeroWidthLen(s) > 0; got != want {
					t.Errorf("isZeroWidth3(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// declaredCharsetLowered is declaredCharset as it was, the reference: the
// head lowered, then searched for each key and read after it.
func declaredCharsetLowered(head []byte) string {
	lower := AppendASCIILower(nil, head)
	for _, key := range [][]byte{[]byte("charset"), []byte("encoding")} {
		rest := lower
		for {
			i := bytes.Index(rest, key)
			if i < 0 {
				break
			}
			rest = rest[i+len(key):]
			j := 0
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
				j++
			}
			if j >= len(rest) || rest[j] != '=' {
				continue
			}
			j++
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t' || rest[j] == '"' || rest[j] == '\'') {
				j++
			}
			k := j
			for k < len(rest) && isCharsetByte(rest[k]) {
				k++
			}
			if enc := charsetNames[string(rest[j:k])]; enc != "" {
				return enc
			}
		}
	}
	return ""
}

func checkDeclaredCharset(t *testing.T, head []byte) {
	t.Helper()
	if got, want := declaredCharset(head), declaredCharsetLowered(head); got != want {
		t.Fatalf("declaredCharset(%q) = %q, want %q", head, got, want)
	}
}

// TestDeclaredCharsetRef holds declaredCharset to the reference on every
// name known, in both cases, written in the ways pages write it, and on
// the heads of the sample reports.
func TestDeclaredCharsetRef(t *testing.T) {
	for name := range charsetNames {
		if len(name) > maxCharsetName {
			t.Fatalf("charset name %q is longer than maxCharsetName", name)
		}
		for _, n := range []string{name, strings.ToUpper(name), name + "x", name[:len(name)-1]} {
			for _, f := range []string{`<meta charset=%s>`, `<meta charset="%s">`, `charset = '%s'`, `CharSet=%s;`,
				`<?xml encoding="%s"?>`, `charset:%s charset=%s`, `ENCODING	=	%s`, `xcharset=%s`, `charset=%s===`} {
				checkDeclaredCharset(t, []byte(strings.ReplaceAll(f, "%s", n)))
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkDeclaredCharset(t, data[:min(len(data), sniffLen)])
	}
}

func FuzzDeclaredCharset(f *testing.F) {
	for _, s := range []string{`<meta charset="utf-8">`, `<META CHARSET=UTF8>`, `content='text/html;charset = x-gbk'`, "charset=GB_2312-80", "encoding=\t'unicode-1-1-utf-8'", "==== 正文 ===="} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkDeclaredCharset)
}

// checkDecodeUnchecked holds DecodeUnchecked, and Check of the text it did
// not check, to DecodeRepaired.
func checkDecodeUnchecked(t *testing.T, data []byte) {
	t.Helper()
	orig := bytes.Clone(data)
	text, enc, rep, checked, err := DecodeUnchecked(data)
	if !bytes.Equal(data, orig) {
		t.Fatalf("DecodeUnchecked changed its input")
	}
	if !checked {
		if enc != encUTF8 || err != nil {
			t.Fatalf("DecodeUnchecked(%q) left %s text unchecked, with error %v", data, enc, err)
		}
		var ok bool
		if text, ok = Check(text); !ok {
			// Not UTF-8 after all: the caller calls DecodeRepaired.
			if utf8.Valid(data) {
				t.Fatalf("Check of DecodeUnchecked(%q) failed", data)
			}
			return
		}
	}
	wtext, wenc, wrep, werr := DecodeRepaired(data)
	if text != wtext || enc != wenc || rep != wrep || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("DecodeUnchecked(%q) = %q, %s, %+v, checked %v, %v; DecodeRepaired %q, %s, %+v, %v", data, text, enc, rep, checked, err, wtext, wenc, wrep, werr)
	}
}

// TestDecodeUnchecked holds DecodeUnchecked to DecodeRepaired over the
// sample reports, whole and cut anywhere, and text with zero-width
// characters, carriage returns, NULs, BOMs, declarations and invalid
// bytes in every place.
func TestDecodeUnchecked(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkDecodeUnchecked(t, data)
		for i := 0; i < len(data); i += 4099 {
			checkDecodeUnchecked(t, data[i:min(len(data), i+4096)])
		}
	}
	odd := []string{"\u200b", "\ufeff", "\u2060", "\u3000", "\r", "\r\n", "\x00", "\xff", "\xe5\xb9", "\xed\xa0\x80", "\xc2", " ", "\n"}
	heads := []string{"", "\xef\xbb\xbf", "<meta charset=gbk>", "<meta charset=utf-8>", "\xff\xfe", "\x84\x31\x95\x33"}
	for _, head := range heads {
		for _, o := range odd {
			for _, s := range []string{"", "年", "政府信息公开年度报告\n本年度主动公开信息12条。", "\u200b", "\u3000 \n"} {
				for _, text := range []string{o + s, s + o, s[:len(s)/2] + o + s[len(s)/2:], o + s + o + o} {
					checkDecodeUnchecked(t, []byte(head+text))
					checkDecodeUnchecked(t, gb18030(t, head+strings.ToValidUTF8(text, "")))
				}
			}
		}
	}
}

func FuzzDecodeUnchecked(f *testing.F) {
	for _, s := range []string{"一、总体情况\r\n本年收到申请12件。", "\xef\xbb\xbf报告\u200b", "\xff\xfe\x00N", "<meta charset=gbk>\xb1\xa8\xb8\xe6",
		"<meta charset=gbk>报告", "a\u200bb\x00", "\u200b \r\n", "", "\r\u200b\n", "年\xe5\xb9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkDecodeUnchecked)
}

// chooseEncodingRef is chooseEncoding as it was, counting the GB18030
// errors in a pass of their own, and decodeBytesRef decodeBytes as it
// was, with transform.Bytes.
func chooseEncodingRef(data []byte, declared string) (enc string, validUTF8, zeroWidth bool, err error) {
	if valid, zw := isUTF8(data); valid {
		if declared == encGB18030 && !hasMultibyte(data, 4) {
			return encGB18030, true, zw, nil
		}
		return encUTF8, true, zw, nil
	}
	gbErr := gb18030Errors(data)
	if gbErr == 0 {
		return encGB18030, false, false, nil
	}
	u8Err := utf8Errors(data)
	best, errs := encUTF8, u8Err
	if gbErr < u8Err || (gbErr == u8Err && declared == encGB18030) {
		best, errs = encGB18030, gbErr
	}
	if errs > 16 && errs*100 > len(data) {
		return "", false, false, errGarble
	}
	return best, false, false, nil
}

func decodeBytesRef(body []byte, enc string, validUTF8 bool) (text string, errs int, err error) {
	if enc == encGB18030 {
		out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), body)
		if err != nil {
			return "", 0, err
		}
		return string(out), gb18030Errors(body), nil
	}
	return decodeBytes(body, enc, validUTF8)
}

// checkChooseEncoding holds chooseEncoding, and the text it decodes, to
// the reference, under every declaration.
func checkChooseEncoding(t *testing.T, data []byte) {
	t.Helper()
	for _, declared := range []string{"", encUTF8, encGB18030} {
		enc, valid, zw, gb, err := chooseEncoding(data, declared)
		wantEnc, wantValid, wantZW, wantErr := chooseEncodingRef(data, declared)
		if enc != wantEnc || valid != wantValid || zw != wantZW || err != wantErr {
			t.Fatalf("chooseEncoding(%.40q, %q) = %q, %v, %v, %v; want %q, %v, %v, %v", data, declared, enc, valid, zw, err, wantEnc, wantValid, wantZW, wantErr)
		}
		if err != nil {
			continue
		}
		text, errs := "", 0
		if gb.ok {
			text, errs = string(gb.text), gb.errs
		} else {
			text, errs, _ = decodeBytes(data, enc, valid)
		}
		wantText, wantErrs, _ := decodeBytesRef(data, enc, valid)
		if text != wantText || errs != wantErrs {
			t.Fatalf("chooseEncoding(%.40q, %q) decodes %.40q, %d errors; want %.40q, %d", data, declared, text, errs, wantText, wantErrs)
		}
	}
}

// TestChooseEncodingRef: GB18030 and UTF-8 text, whole, cut and broken,
// and the sample reports.
func TestChooseEncodingRef(t *testing.T) {
	cases := gb18030Cases(t)
	for _, s := range []string{seedText, "年度报告\xff", "a\x80b", strings.Repeat("年", 100) + "\xe5", "\xb1\xa8\xb8\xe6\x81\x30\x81\x30\x84\x31\xa5\x30"} {
		cases = append(cases, []byte(s))
	}
	for _, b := range cases {
		for n := range min(len(b), 40) + 1 {
			checkChooseEncoding(t, b[:n])
		}
		checkChooseEncoding(t, b)
		checkChooseEncoding(t, append(bytes.Clone(b), 0x80, 'x'))
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*"))
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil && (strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".html")) {
			checkChooseEncoding(t, data)
		}
	}
}

func FuzzChooseEncoding(f *testing.F) {
	for _, b := range gb18030Cases(f) {
		f.Add(b)
	}
	f.Fuzz(checkChooseEncoding)
}
