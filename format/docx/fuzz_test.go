package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/ooxml"
)

// fuzzDocxLimits keep every run short: a mutated deflate stream can
// inflate a thousandfold, up to the part's declared size, and 64 MB of XML
// take seconds. The samples are far below them.
var fuzzDocxLimits = docxLimits{document: 2 << 20, part: 1 << 20, depth: 256, elements: 200_000, cells: 1 << 16}

// FuzzDOCX checks that readDOCX never panics, refuses with an error
// wrapping ErrUnreadable or returns well-formed blocks (every grid
// rectangular, every copy pointing at an original before it).
//
//	go test ./parse -run XXX -fuzz FuzzDOCX -fuzztime 30s -fuzzminimizetime 3s
//
// (The seeds are whole documents of up to 300 KB: the default minimisation,
// 60 s per new input, would stall the fuzzer.)
//
// An input that is a zip is read as a .docx; any other input is taken as
// word/document.xml and zipped (stored, so the fuzzer's changes reach the
// XML reader instead of breaking the compression). The seeds are the .docx
// samples, their document.xml and small documents of every construct.
func FuzzDOCX(f *testing.F) {
	for _, seed := range docxSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !ooxml.IsZip(data) {
			data = docxZip(zip.Store, "word/document.xml", string(data),
				"word/numbering.xml", testNumbering, "word/styles.xml", testStyles)
		}
		doc, err := readWith(data, fuzzDocxLimits)
		if err != nil {
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			if doc != nil {
				t.Fatalf("both a document and an error: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("a document without blocks")
		}
		for _, b := range doc.Blocks {
			if b.Line < 1 {
				t.Fatalf("block at line %d", b.Line)
			}
			if b.Table == nil {
				if strings.TrimSpace(b.Text) == "" || strings.ContainsAny(b.Text, "\x00\x0b\r\n") {
					t.Fatalf("paragraph %q", b.Text)
				}
				continue
			}
			checkGrid(t, b.Table)
		}
	})
}

// docxSeeds are the fuzzers' seeds: the .docx samples, their
// document.xml and small documents of every construct.
func docxSeeds(f testing.TB) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.docx"))
	if len(files) == 0 {
		f.Fatal("no .docx samples")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
		if xml := docxPart(data, "word/document.xml"); xml != nil {
			seeds = append(seeds, xml)
		}
	}
	for _, body := range []string{
		p(r("本年新收申请"), `<w:del><w:r><w:delText>1</w:delText></w:r></w:del>`, `<w:ins>`+r("2")+`</w:ins>`),
		`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/><w:vMerge w:val="restart"/></w:tcPr>` + p(r("1")) + `</w:tc></w:tr>` +
			`<w:tr><w:trPr><w:gridBefore w:val="-3"/></w:trPr><w:tc><w:tcPr><w:vMerge/><w:hMerge/></w:tcPr></w:tc><w:tc>` + p(r("2")) + `</w:tc></w:tr></w:tbl>`,
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`, `<w:r><w:instrText>PAGE</w:instrText></w:r>`, `<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("3"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
		p(`<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>` + p(r("框")) + `<w:tbl><w:tr><w:tc>` + p(r("a")) + `</w:tc></w:tr></w:tbl></w:txbxContent></mc:Choice><mc:Fallback>` + p(r("后备")) + `</mc:Fallback></mc:AlternateContent></w:r>`),
		`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + p(r("占位")) + `</w:sdtContent></w:sdt>`,
		p(`<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>`, r("编号")),
		// Found by the fuzzer: a continuing hMerge after gridBefore.
		`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:hMerge/></w:tcPr></w:tc></w:tr></w:tbl>`,
		strings.Repeat("<w:tbl><w:tr><w:tc>", 40) + p(r("深")) + strings.Repeat("</w:tc></w:tr></w:tbl>", 40),
		// Names that change meaning as prefixes are bound and unbound
		// (the walker keeps what a name as written is).
		p(r("前")) + `<v:x xmlns:w="urn:other">` + p(r("不是正文")) + `<w:p xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">` + r("严格") + `</w:p></v:x>` +
			p(r("后")) + `<p xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><r><t>默认</t></r></p>` +
			`<w:p><mc:r xmlns:mc="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>换名</w:t></mc:r></w:p>` + p(r("末")),
	} {
		seeds = append(seeds, docxXMLOf(body))
	}
	return append(seeds, []byte("PK\x03\x04"))
}

// FuzzDOCXEncodingXML checks that the reader gives what readWithRef, the
// reader before it over encoding/xml, gives: the same document, or the
// same error.
//
//	go test ./format/docx -run XXX -fuzz FuzzDOCXEncodingXML -parallel 1 -fuzzminimizetime 3s
func FuzzDOCXEncodingXML(f *testing.F) {
	for _, seed := range docxSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsRef(t, data)
	})
}

// sameAsRef fails unless reading data (a .docx, or else its document.xml)
// gives the same document or error as readWithRef.
func sameAsRef(t *testing.T, data []byte) {
	t.Helper()
	sameAsRefWithin(t, data, fuzzDocxLimits)
}

// sameAsRefWithin is sameAsRef within the given limits.
func sameAsRefWithin(t *testing.T, data []byte, lim docxLimits) {
	t.Helper()
	if !ooxml.IsZip(data) {
		data = docxZip(zip.Store, "word/document.xml", string(data),
			"word/numbering.xml", testNumbering, "word/styles.xml", testStyles)
	}
	want, wantErr := readWithRef(data, lim)
	got, gotErr := readWith(data, lim)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("error\n%v\nwith readWithRef\n%v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("document\n%+v\nwith readWithRef\n%+v", got, want)
	}
}

// TestSameAsRef compares the reader with readWithRef on the seeds and on
// the samples cut short or damaged at many places, in their XML and in
// their zip.
func TestSameAsRef(t *testing.T) {
	seeds := docxSeeds(t)
	for i, seed := range seeds {
		sameAsRef(t, seed)
		if len(seed) < 1000 {
			continue
		}
		for k := 1; k < 16; k++ {
			at := len(seed) * k / 16
			sameAsRef(t, seed[:at])
			for j, b := range []byte{'<', '&', '/', 0xff} {
				damaged := bytes.Clone(seed)
				damaged[at+(i+j+k)%7] = b
				sameAsRef(t, damaged)
			}
		}
	}
}

// TestSameAsRefLimits compares the reader with readWithRef on the seeds
// within small limits of depth and elements, which the decoder's skipping
// must meet at the same element.
func TestSameAsRefLimits(t *testing.T) {
	for _, seed := range docxSeeds(t) {
		for depth := 2; depth <= 9; depth++ {
			lim := fuzzDocxLimits
			lim.depth = depth
			sameAsRefWithin(t, seed, lim)
		}
		for _, elements := range []int{1, 5, 17, 40, 100, 333, 1000, 3001, 10007} {
			lim := fuzzDocxLimits
			lim.elements = elements
			sameAsRefWithin(t, seed, lim)
		}
	}
}

// checkGrid fails unless g is rectangular, at most maxGridCols wide, and
// every copy repeats an original at or before it.
func checkGrid(t *testing.T, g *document.Grid) {
	t.Helper()
	if len(g.Rows) == 0 {
		t.Fatal("empty grid")
	}
	width := len(g.Rows[0])
	if width < 2 || width > document.MaxGridCols {
		t.Fatalf("grid %d wide", width)
	}
	for r, row := range g.Rows {
		if len(row) != width {
			t.Fatalf("row %d is %d wide, row 0 %d", r, len(row), width)
		}
		for c, cell := range row {
			if cell.OrigRow > r || cell.OrigCol < 0 || cell.OrigCol >= width || (cell.OrigRow == r && cell.OrigCol > c) || cell.OrigRow < 0 {
				t.Fatalf("cell (%d,%d) comes from (%d,%d)", r, c, cell.OrigRow, cell.OrigCol)
			}
			if o := g.Rows[cell.OrigRow][cell.OrigCol]; o.Text != cell.Text || g.IsCopy(cell.OrigRow, cell.OrigCol) {
				t.Fatalf("cell (%d,%d) %q copies (%d,%d) %q, which is not its original", r, c, cell.Text, cell.OrigRow, cell.OrigCol, o.Text)
			}
		}
	}
}

// docxPart returns a part of a package, nil when it cannot be read.
func docxPart(data []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				return nil
			}
			return b
		}
	}
	return nil
}
