package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"xxgk/format/ooxml/xmltok"
)

// The tokens of a part held whole (newTokens, read by xmltok) are held to
// those of the part streamed through encoding/xml (streamTokens), which is
// how every part was read before: the same tokens, the same errors, and
// skipTo finds the same places.

// tokenDump returns what x gives, token by token, up to its end or error,
// calling skipTo after the start element of the row numbered cutRow.
func tokenDump(x *xmlTokens, cutRow string) string {
	var b strings.Builder
	for x != nil {
		k, err := x.next()
		if err != nil {
			fmt.Fprintf(&b, "error %v\n", err)
			return b.String()
		}
		switch k {
		case xmltok.StartElement:
			fmt.Fprintf(&b, "start %v %v\n", x.d.Name(), x.d.Attrs())
			if r, _ := x.attr("r"); x.local() == "row" && r == cutRow {
				x = x.skipTo("mergeCells", "dataValidations")
				fmt.Fprintf(&b, "skipTo %v\n", x != nil)
			}
		case xmltok.EndElement:
			fmt.Fprintf(&b, "end %v\n", x.d.Name())
		case xmltok.CharData:
			fmt.Fprintf(&b, "data %q\n", x.d.Data())
		}
	}
	return b.String()
}

// declaresEncodingRef is declaresEncoding looking for "<?xml" itself.
func declaresEncodingRef(src string) bool {
	for i := 0; ; {
		k := strings.Index(src[i:], "<?xml")
		if k < 0 {
			return false
		}
		i += k + len("<?xml")
		content := src[i:]
		if e := strings.Index(content, "?>"); e >= 0 {
			content = content[:e]
		}
		switch strings.Count(content, "encoding") {
		case 0:
		case 1:
			_, v, _ := strings.Cut(content, "encoding")
			if len(v) < len(`="utf-8"`) || v[0] != '=' || v[1] != v[7] || v[1] != '"' && v[1] != '\'' || !strings.EqualFold(v[2:7], "utf-8") {
				return true
			}
		default:
			return true
		}
	}
}

func checkSameTokens(t *testing.T, src string, readErr error, cutRow string) {
	t.Helper()
	if got, want := declaresEncoding(src), declaresEncodingRef(src); got != want {
		t.Errorf("declaresEncoding(%q) = %v, want %v", src, got, want)
	}
	var r io.Reader = strings.NewReader(src)
	if readErr != nil {
		r = io.MultiReader(r, errReader{readErr})
	}
	want := tokenDump(streamTokens("p", r), cutRow)
	got := tokenDump(newTokens("p", src, readErr), cutRow)
	if got != want {
		t.Errorf("%q (read error %v):\nheld:\n%s\nstreamed:\n%s", src, readErr, got, want)
	}
}

var tokenParts = []string{
	sheetStart + `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row>` + sheetEnd,
	sheetStart + `<row r="1"><c r="A1"/></row><row r="2"><c><v>1</v></c></row><row r="3"/></sheetData><x:mergeCells xmlns:x="` + mainNS + `"><x:mergeCell ref="A1:B1"/></x:mergeCells><dataValidations count="1"><dataValidation type="whole" sqref="A1"/></dataValidations></worksheet>`,
	sheetStart + `<row r="2"/><row r="3"><c><v>1</v></c></row></sheetData><mergeCellsX/><y:mergeCells><mergeCell ref="A1:B1"/></y:mergeCells><mergeCells ><mergeCell ref="C1:D1"/></mergeCells></worksheet>`,
	`<?xml version="1.0" encoding="us-ascii"?><a b="1">x</a>`,
	`<?xml version="1.0" encoding="ASCII"?><a>x</a><?xml encoding="latin1"?>`,
	`<?xml version="1.0" encoding='UTF-8'?><a>x&amp;y<![CDATA[z]]></a>`,
	`<?xml version="1.0" encoding="utf-8" standalone="yes"?><a xmlns="u" xmlns:p="v"><p:b p:c="1" d="&lt;"/></a>`,
	`<?xml version="1.0" encoding="latin1"?><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<a><b></a>`,
	`<a>`,
	`<a/><b/>`,
	`<row r="2"><c>1</c></row>`,
	"<a>\r\n<b c='\r'/>&#x1;</a>",
	`<a>?<??xml encoding="x"?></a><?xml?><?xm?>`,
	"\ufeff<a/>",
}

func TestHeldTokensAsStreamed(t *testing.T) {
	cut := errors.New("cut")
	for _, src := range tokenParts {
		for _, cutRow := range []string{"", "2"} {
			checkSameTokens(t, src, nil, cutRow)
			checkSameTokens(t, src, cut, cutRow)
			for n := range len(src) {
				checkSameTokens(t, src[:n], cut, cutRow)
			}
		}
	}
}

func FuzzHeldTokensAsStreamed(f *testing.F) {
	for _, src := range tokenParts {
		f.Add(src, false)
	}
	f.Fuzz(func(t *testing.T, src string, failed bool) {
		var readErr error
		if failed {
			readErr = io.ErrUnexpectedEOF
		}
		checkSameTokens(t, src, readErr, "2")
	})
}

// TestReadPart: xmltok.ReadPart in reads of streamBuffer bytes, as a part
// held whole is read, gives the bytes and the error a bufio.Reader of
// streamBuffer bytes gives encoding/xml, whatever the reads return.
func TestReadPart(t *testing.T) {
	data := strings.Repeat("0123456789abcdef", 20000) // several buffers
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return strings.NewReader(data) },
		"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(data)) },
		"half":     func() io.Reader { return iotest.HalfReader(strings.NewReader(data)) },
		"data err": func() io.Reader { return iotest.DataErrReader(strings.NewReader(data)) },
		"timeout":  func() io.Reader { return iotest.TimeoutReader(strings.NewReader(data)) },
		"cut": func() io.Reader {
			return io.MultiReader(strings.NewReader(data[:70000]), errReader{io.ErrUnexpectedEOF})
		},
		"beyond": func() io.Reader { return &dropAfter{r: strings.NewReader(data), left: 100000} },
		"empty":  func() io.Reader { return emptyReads{} },
	}
	for name, r := range readers {
		br := bufio.NewReaderSize(r(), streamBuffer)
		var want []byte
		var wantErr error
		for {
			c, err := br.ReadByte()
			if err != nil {
				if err != io.EOF {
					wantErr = err
				}
				break
			}
			want = append(want, c)
		}
		got, err := xmltok.ReadPart(r(), 1000, streamBuffer)
		if got != string(want) || err != wantErr {
			t.Errorf("%s: %d bytes, %v; want %d, %v", name, len(got), err, len(want), wantErr)
		}
	}
}

// dropAfter fails, dropping what it read, at the read that passes left
// bytes, as archive/zip does at an entry longer than it says.
type dropAfter struct {
	r    io.Reader
	left int
}

func (d *dropAfter) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if d.left -= n; d.left < 0 {
		return 0, errBeyond
	}
	return n, err
}

var errBeyond = errors.New("beyond")

type emptyReads struct{}

func (emptyReads) Read([]byte) (int, error) { return 0, nil }
