package fonts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// notPrinted are runes of the sample reports that no PDF summary prints and
// that the fonts need not have: U+02CE and U+0325 are 宋体 read as GBK bytes
// in the CSS of two saved pages (font-family: ˎ̥).
var notPrinted = map[rune]bool{0x02CE: true, 0x0325: true}

func TestHasSampleReports(t *testing.T) {
	files, err := filepath.Glob("../testdata/reports/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample reports: %v", err)
	}
	missing := map[rune]string{}
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".doc", ".docx", ".pdf", ".xlsx":
			continue // binary twins of text and HTML samples checked here
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		for _, r := range string(b) {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || notPrinted[r] {
				continue
			}
			if !serifRegular().Has(r) {
				missing[r] = filepath.Base(f)
			}
			for face := range faces {
				if !chainHas(Embedded().Chain(face), r) {
					missing[r] = filepath.Base(f) + " (" + face.String() + ")"
				}
			}
		}
	}
	for r, f := range missing {
		t.Errorf("no glyph for %q U+%04X (in %s)", r, r, f)
	}
}

func chainHas(chain []*Font, r rune) bool {
	for _, f := range chain {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// TestHasGB2312: the body, 黑体 and 小标宋 fonts have every GB2312 hanzi;
// LXGW WenKai lacks a few rare ones, which its chain draws in the body font.
func TestHasGB2312(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	n, kaiMissing := 0, 0
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 { // D7FA–D7FE are unassigned
				continue
			}
			b, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			r, _ := utf8.DecodeRune(b)
			if err != nil || len(b) != utf8.RuneLen(r) || !unicode.Is(unicode.Han, r) {
				t.Fatalf("GB2312 %02X%02X decodes to %q (%v)", hi, lo, b, err)
			}
			n++
			for _, f := range []*Font{serifRegular(), serifBold(), sansMedium()} {
				if !f.Has(r) {
					t.Errorf("%s: no glyph for %q (GB2312 %02X%02X)", f.Family, r, hi, lo)
				}
			}
			if !wenkai().Has(r) {
				kaiMissing++
			}
			if !chainHas(Embedded().Chain(Subheading), r) {
				t.Errorf("楷体 chain: no glyph for %q", r)
			}
		}
	}
	if n != 6763 {
		t.Errorf("checked %d GB2312 hanzi, want 6763", n)
	}
	if kaiMissing > 50 {
		t.Errorf("LXGW WenKai lacks %d GB2312 hanzi", kaiMissing)
	}
}

func TestHasPunctuationAndNames(t *testing.T) {
	set := Embedded()
	for _, r := range "“”‘’、。，；：？！《》（）【】—…·％〔〕〇①⑩⑳□" + "堃喆珺昇" + "Aa0 ~" {
		if !set.Has(r) {
			t.Errorf("no glyph for %q U+%04X", r, r)
		}
	}
	for _, r := range "、。，；：？！《》（）—…·％〇一二三四五六七八九十政府信息公开" {
		for face := range faces {
			if !set.Font(face).Has(r) {
				t.Errorf("%s: no glyph for %q U+%04X", face, r, r)
			}
		}
	}
	for _, r := range []rune{0x1F600, 0xE000, 0x0000, '\n', -1, 0x110000} {
		if set.Has(r) {
			t.Errorf("Has(U+%04X) = true", r)
		}
	}
}

func TestFontsAreTrueType(t *testing.T) {
	for name, font := range map[string][]byte{"regular": serifRegular().Bytes(), "bold": serifBold().Bytes(),
		"sans": sansMedium().Bytes(), "wenkai": wenkai().Bytes()} {
		if v := binary.BigEndian.Uint32(font); v != 0x00010000 {
			t.Errorf("%s: sfnt version %08X, want 00010000 (TrueType)", name, v)
		}
		for _, tag := range []string{"glyf", "loca", "cmap", "hmtx", "head", "hhea", "maxp", "OS/2", "post", "name"} {
			if tb, err := table(font, tag); err != nil || tb == nil {
				t.Errorf("%s: no %q table (%v)", name, tag, err)
			}
		}
		if tb, _ := table(font, "CFF "); tb != nil {
			t.Errorf("%s: has CFF outlines", name)
		}
	}
}

// TestFpdfLeavesFontsAlone draws characters of every font and checks that
// the shared bytes are unchanged: fpdf writes into the font it is given
// unless forFpdf laid it out (with the files as embedded, this test fails).
func TestFpdfLeavesFontsAlone(t *testing.T) {
	all := []*Font{serifRegular(), serifBold(), sansMedium(), wenkai()}
	files := [][]byte{serifRegularFile, serifBoldFile, sansMediumFile, wenkaiFile}
	var before [][32]byte
	for _, f := range all {
		before = append(before, sha256.Sum256(f.Bytes()))
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	for i, f := range all {
		// The glyphs past the original long metrics are the ones fpdf
		// wrote through; with every 97th character besides (all of them
		// make fpdf's subsetting take minutes).
		hh, _ := table(files[i], "hhea")
		long := int(binary.BigEndian.Uint16(hh[34:]))
		var text strings.Builder
		late, n := 0, 0
		if err := glyphs(files[i], func(r rune, g int) {
			n++
			if f.Has(r) && (g >= long || n%97 == 0) {
				text.WriteRune(r)
				if g >= long {
					late++
				}
			}
		}); err != nil {
			t.Fatal(err)
		}
		if late == 0 {
			t.Logf("%s: no character maps to a glyph past the %d long metrics", f.Family, long)
		}
		pdf.AddUTF8FontFromBytes(f.Name, "", f.Bytes())
		pdf.SetFont(f.Name, "", 4)
		pdf.CellFormat(0, 4, text.String(), "", 1, "", false, 0, "")
	}
	if err := pdf.Output(io.Discard); err != nil {
		t.Fatal(err)
	}
	for i, f := range all {
		if sha256.Sum256(f.Bytes()) != before[i] {
			t.Errorf("fpdf changed the shared bytes of %s", f.Family)
		}
	}
}

// TestForFpdf checks the rewrite: every glyph keeps its advance and side
// bearing, every other table its bytes, and the checksums are right.
func TestForFpdf(t *testing.T) {
	for name, pair := range map[string][2][]byte{"Regular": {serifRegularFile, serifRegular().Bytes()},
		"Bold": {serifBoldFile, serifBold().Bytes()}, "Sans": {sansMediumFile, sansMedium().Bytes()},
		"WenKai": {wenkaiFile, wenkai().Bytes()}} {
		orig, fixed := pair[0], pair[1]
		maxp, _ := table(fixed, "maxp")
		glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
		hh, _ := table(fixed, "hhea")
		if long := int(binary.BigEndian.Uint16(hh[34:])); long != glyphs {
			t.Errorf("%s: numberOfHMetrics %d, want numGlyphs %d", name, long, glyphs)
		}
		oh, _ := table(orig, "hhea")
		long := int(binary.BigEndian.Uint16(oh[34:]))
		om, _ := table(orig, "hmtx")
		fm, _ := table(fixed, "hmtx")
		for g := range glyphs {
			adv, lsb := om[4*(long-1):][:2], om[4*long+2*(g-long):][:2] // past the long metrics
			if g < long {
				adv, lsb = om[4*g:][:2], om[4*g+2:][:2]
			}
			if !bytes.Equal(fm[4*g:][:2], adv) || !bytes.Equal(fm[4*g+2:][:2], lsb) {
				t.Fatalf("%s: glyph %d metrics % x, want % x % x", name, g, fm[4*g:][:4], adv, lsb)
			}
		}
		n := int(binary.BigEndian.Uint16(fixed[4:]))
		for i := range n {
			rec := fixed[12+16*i:]
			tag := string(rec[:4])
			data, _ := table(fixed, tag)
			if len(data)%4 != 0 {
				t.Errorf("%s: table %q length %d is not a multiple of 4", name, tag, len(data))
			}
			if tag == "head" {
				data = bytes.Clone(data)
				binary.BigEndian.PutUint32(data[8:], 0)
			}
			if got, want := checksum(data), binary.BigEndian.Uint32(rec[4:]); got != want {
				t.Errorf("%s: table %q checksum %08x, directory says %08x", name, tag, got, want)
			}
			if tag == "hmtx" || tag == "hhea" || tag == "head" {
				continue
			}
			od, _ := table(orig, tag)
			if !bytes.Equal(data[:len(od)], od) || len(data)-len(od) > 3 {
				t.Errorf("%s: table %q changed", name, tag)
			}
		}
		if sum := checksum(fixed); sum != 0xB1B0AFBA {
			t.Errorf("%s: font checksum %08x, want B1B0AFBA", name, sum)
		}
	}
}

func TestFPDF(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	set := Embedded()
	for face := range faces {
		f := set.Font(face)
		pdf.AddUTF8FontFromBytes(f.Name, "", f.Bytes())
	}
	pdf.AddPage()
	pdf.SetFont(set.Font(Title).Name, "", 18)
	pdf.CellFormat(0, 10, "政府信息公开工作年度报告", "", 1, "C", false, 0, "")
	pdf.SetFont(set.Font(Heading).Name, "", 16)
	pdf.CellFormat(0, 8, "一、主要指标", "", 1, "", false, 0, "")
	pdf.SetFont(set.Font(Subheading).Name, "", 16)
	pdf.CellFormat(0, 8, "（一）表二　主动公开政府信息情况", "", 1, "", false, 0, "")
	pdf.SetFont(set.Font(Body).Name, "", 11)
	pdf.CellFormat(0, 8, "主动公开：１２３４件（同比增长５．６％）；堃喆珺昇；①②③", "", 1, "", false, 0, "")
	// Width measures as fpdf does.
	for face := range faces {
		f := set.Font(face)
		pdf.SetFont(f.Name, "", 10)
		for _, s := range []string{"公开", "2024年", "（一）", "Aa —"} {
			want := pdf.GetStringSymbolWidth(s)
			got := 0
			for _, r := range s {
				got += f.Width(r)
			}
			if got != want {
				t.Errorf("%s: width of %q %d, fpdf %d", f.Family, s, got, want)
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if pdf.Err() {
		t.Fatal(pdf.Error())
	}
	out := buf.String()
	if !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("output is not a PDF: %.20q", out)
	}
	// fpdf embeds UTF-8 fonts as TrueType subsets (FontFile2), one per face.
	if n := strings.Count(out, "/FontFile2"); n != 4 {
		t.Errorf("%d embedded TrueType fonts, want 4", n)
	}
	if buf.Len() > 1<<20 {
		t.Errorf("PDF of four lines is %d bytes: fonts not subset", buf.Len())
	}
}

// sfnt wraps a cmap table into a minimal sfnt with an empty glyf table.
func sfnt(cmap []byte) []byte {
	be := binary.BigEndian
	h := make([]byte, 12+32)
	be.PutUint32(h, 0x00010000)
	be.PutUint16(h[4:], 2)
	copy(h[12:], "cmap")
	be.PutUint32(h[20:], uint32(len(h)))
	be.PutUint32(h[24:], uint32(len(cmap)))
	copy(h[28:], "glyf")
	be.PutUint32(h[36:], uint32(len(h)+len(cmap)))
	return append(h, cmap...)
}

func u16s(v ...int) []byte {
	b := make([]byte, 2*len(v))
	for i, x := range v {
		binary.BigEndian.PutUint16(b[2*i:], uint16(x))
	}
	return b
}

// cmap4 is a format 4 subtable with three segments: A–C by delta, 中–丰 by
// glyph array (丰 mapping to glyph 0, so missing), and the closing 0xFFFF.
func cmap4() []byte {
	const seg = 3
	t := u16s(4, 0, 0, 2*seg, 0, 0, 0)
	t = append(t, u16s('C', 0x4E30, 0xFFFF)...) // endCode
	t = append(t, 0, 0)                         // reservedPad
	t = append(t, u16s('A', 0x4E2D, 0xFFFF)...) // startCode
	t = append(t, u16s(1-'A', 10, 1)...)        // idDelta
	t = append(t, u16s(0, 2*(seg-1), 0)...)     // idRangeOffset
	t = append(t, u16s(5, 0, 7, 0)...)          // glyphIdArray: 中 丮 丯 丰
	binary.BigEndian.PutUint16(t[2:], uint16(len(t)))
	return t
}

func TestCmapFormat4(t *testing.T) {
	c := append(u16s(0, 1, 3, 1), 0, 0, 0, 12)
	s, err := coverage(sfnt(append(c, cmap4()...)))
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]bool{'@': false, 'A': true, 'B': true, 'C': true, 'D': false,
		'中': true, '丮': false, '丯': true, '丰': false, 0xFFFF: false} {
		if s.has(r) != want {
			t.Errorf("has(%q) = %v, want %v", r, !want, want)
		}
	}
}

func TestCmapFormat12(t *testing.T) {
	// Both a format 4 and a format 12 subtable: format 12 wins.
	c := append(u16s(0, 2, 3, 1), 0, 0, 0, 20)
	f4 := cmap4()
	c = append(c, u16s(3, 10)...)
	c = binary.BigEndian.AppendUint32(c, uint32(20+len(f4)))
	c = append(c, f4...)
	f12 := append(u16s(12, 0), 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 2)
	for _, g := range [][3]uint32{{'a', 'b', 3}, {0x1F600, 0x1F601, 0}} {
		for _, v := range g {
			f12 = binary.BigEndian.AppendUint32(f12, v)
		}
	}
	s, err := coverage(sfnt(append(c, f12...)))
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]bool{'a': true, 'b': true, 'A': false, 0x1F600: false, 0x1F601: true} {
		if s.has(r) != want {
			t.Errorf("has(U+%04X) = %v, want %v", r, !want, want)
		}
	}
}

func TestCmapBad(t *testing.T) {
	good := sfnt(append(append(u16s(0, 1, 3, 1), 0, 0, 0, 12), cmap4()...))
	otto := bytes.Clone(good)
	copy(otto, "OTTO")
	noGlyf := bytes.Clone(good)
	copy(noGlyf[28:], "CFF ")
	for name, font := range map[string][]byte{
		"empty":      nil,
		"OTTO":       otto,
		"collection": append([]byte("ttcf"), good[4:]...),
		"no glyf":    noGlyf,
		"truncated":  good[:len(good)-4],
		"no cmap":    sfnt(nil),
		"symbol":     sfnt(append(append(u16s(0, 1, 3, 0), 0, 0, 0, 12), cmap4()...)),
	} {
		if _, err := coverage(font); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
