package xmltok

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// errCut stands for a reader that fails: a damaged or oversized part.
var errCut = errors.New("cut")

// partReader gives data in chunks of at most chunk bytes, then err (nil:
// io.EOF). With dropPast > 0 it behaves like archive/zip's reader of an
// entry that inflates past its declared size: the read that goes past
// dropPast bytes returns nothing and errCut, so what is delivered depends
// on the sizes of the reads.
type partReader struct {
	data     []byte
	chunk    int
	err      error
	dropPast int
	read     int
}

func (r *partReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		return 0, io.EOF
	}
	n := min(len(p), r.chunk, len(r.data))
	if r.dropPast > 0 && r.read+n > r.dropPast {
		r.data = nil
		r.err = errCut
		return 0, errCut
	}
	copy(p, r.data[:n])
	r.data = r.data[n:]
	r.read += n
	return n, nil
}

// tok is a token in a form both decoders give and tests compare.
type tok struct {
	kind  Kind
	name  xml.Name
	attrs string
	data  string
}

func (t tok) String() string {
	return fmt.Sprintf("%d %s:%s [%s] %q", t.kind, t.name.Space, t.name.Local, t.attrs, t.data)
}

func attrString(as []xml.Attr) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "{%s}%s=%q ", a.Name.Space, a.Name.Local, a.Value)
	}
	return b.String()
}

// stdTokens are encoding/xml's start, end and character data tokens of
// the input r gives, and the error that ended them (io.EOF at the end).
func stdTokens(r io.Reader) ([]tok, error) {
	dec := xml.NewDecoder(r)
	var toks []tok
	for {
		t, err := dec.Token()
		if err != nil {
			return toks, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			toks = append(toks, tok{kind: StartElement, name: t.Name, attrs: attrString(t.Attr)})
		case xml.EndElement:
			toks = append(toks, tok{kind: EndElement, name: t.Name})
		case xml.CharData:
			toks = append(toks, tok{kind: CharData, data: string(t)})
		}
	}
}

// ourTokens are the tokens of d and the error that ended them. It also
// checks that AttrValue finds what Attrs holds, AppendData what Data
// gives, that a raw name in a scope is one Name, and that Class gives
// what SetClass kept for the same Name.
func ourTokens(d *Decoder) ([]tok, error) {
	var toks []tok
	type rawName struct {
		raw   string
		scope uint64
	}
	names := map[rawName]xml.Name{}
	classes := map[xml.Name]uint8{} // a class for SetClass for each name
	for {
		k, err := d.Next()
		if err != nil {
			return toks, err
		}
		if k != CharData {
			if raw, scope, ok := d.RawName(); ok {
				if n, seen := names[rawName{raw, scope}]; seen && n != d.Name() {
					return toks, fmt.Errorf("raw name %s in scope %d: %v, before %v", raw, scope, d.Name(), n)
				}
				names[rawName{raw, scope}] = d.Name()
			}
		}
		switch k {
		case StartElement:
			// NumAttrs and AttrAt first: they must place the attributes
			// of a tag read again from the memo, as Attrs does.
			n := d.NumAttrs()
			at := make([]xml.Attr, n)
			for i := range n {
				at[i].Name.Local, at[i].Value = d.AttrAt(i)
			}
			attrs := d.Attrs()
			if len(attrs) != n {
				return toks, fmt.Errorf("NumAttrs %d, Attrs %d", n, len(attrs))
			}
			for i, a := range attrs {
				if at[i].Name.Local != a.Name.Local || at[i].Value != a.Value {
					return toks, fmt.Errorf("AttrAt(%d) %s=%q, Attrs %s=%q", i, at[i].Name.Local, at[i].Value, a.Name.Local, a.Value)
				}
			}
			for i, a := range attrs {
				first := slices.IndexFunc(attrs, func(b xml.Attr) bool { return b.Name.Local == a.Name.Local })
				if v, ok := d.AttrValue(a.Name.Local); !ok || v != attrs[first].Value {
					return toks, fmt.Errorf("attribute %d %s: AttrValue %q, %v; want %q", i, a.Name.Local, v, ok, attrs[first].Value)
				}
			}
			if v, ok := d.AttrValue("no-such-attribute"); ok {
				return toks, fmt.Errorf("AttrValue of an absent attribute: %q", v)
			}
			class, ok := classes[d.Name()]
			if !ok {
				class = uint8(len(classes)%255 + 1)
				classes[d.Name()] = class
			}
			if c := d.Class(); c != 0 && c != class {
				return toks, fmt.Errorf("class %d of %v, want %d", c, d.Name(), class)
			}
			d.SetClass(class)
			if d.Local() != d.Name().Local {
				return toks, fmt.Errorf("Local %q of %v", d.Local(), d.Name())
			}
			toks = append(toks, tok{kind: StartElement, name: d.Name(), attrs: attrString(attrs)})
		case EndElement:
			toks = append(toks, tok{kind: EndElement, name: d.Name()})
		case CharData:
			// AppendData before Data, which may fill the buffer it reads.
			appended := string(d.AppendData([]byte("x")))
			toks = append(toks, tok{kind: CharData, data: string(d.Data())})
			if appended != "x"+toks[len(toks)-1].data {
				return toks, fmt.Errorf("AppendData %q, Data %q", appended[1:], toks[len(toks)-1].data)
			}
		default:
			return toks, fmt.Errorf("token of kind %d", k)
		}
		if len(toks) > 1<<22 {
			return toks, errors.New("endless tokens")
		}
		if len(toks) == 97 {
			d.Release() // the decoder reads on without what it kept
		}
	}
}

// compare fails unless both streams and their errors are the same: the
// errors are encoding/xml's own, so they must match to the line and the
// message.
func compare(t *testing.T, what string, want []tok, wantErr error, got []tok, gotErr error) {
	t.Helper()
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			t.Fatalf("%s: token %d %v past encoding/xml's end (%v)", what, i, got[i], wantErr)
		case i >= len(got):
			t.Fatalf("%s: token %d %v of encoding/xml missing; ours ended with %v", what, i, want[i], gotErr)
		case want[i] != got[i]:
			t.Fatalf("%s: token %d\n got %v\nwant %v", what, i, got[i], want[i])
		}
	}
	if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) || fmt.Sprintf("%T", wantErr) != fmt.Sprintf("%T", gotErr) {
		t.Fatalf("%s: error %T %v, encoding/xml %T %v", what, gotErr, gotErr, wantErr, wantErr)
	}
}

// differ checks one input every way: whole, cut by a failing reader, cut
// by a reader that drops its last read, and with the hand-over to
// encoding/xml forced before token giveUp.
func differ(t *testing.T, data []byte, chunk, giveUp int) {
	t.Helper()
	chunk = max(chunk, 1)
	want, wantErr := stdTokens(bytes.NewReader(data))
	d := New(string(data), nil)
	got, gotErr := ourTokens(d)
	compare(t, "whole", want, wantErr, got, gotErr)

	d = New(string(data), nil)
	d.giveUp = func(n int) bool { return n >= giveUp }
	got, gotErr = ourTokens(d)
	compare(t, fmt.Sprintf("hand-over at %d", giveUp), want, wantErr, got, gotErr)

	want, wantErr = stdTokens(&partReader{data: data, chunk: chunk, err: errCut})
	got, gotErr = ourTokens(NewReader(&partReader{data: data, chunk: chunk, err: errCut}, int64(len(data))))
	compare(t, "failing reader", want, wantErr, got, gotErr)

	drop := max(len(data)-chunk, 1)
	want, wantErr = stdTokens(&partReader{data: data, chunk: chunk, dropPast: drop})
	got, gotErr = ourTokens(NewReader(&partReader{data: data, chunk: chunk, dropPast: drop}, 0))
	compare(t, "dropping reader", want, wantErr, got, gotErr)
}

// testdataParts are the XML parts of every .docx and .xlsx under testdata.
func testdataParts(t testing.TB) map[string][]byte {
	parts := map[string][]byte{}
	root := filepath.Join("..", "..", "..", "testdata")
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := strings.ToLower(filepath.Ext(path)); e.IsDir() || ext != ".docx" && ext != ".xlsx" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil // a damaged sample
		}
		for _, f := range zr.File {
			if ext := strings.ToLower(filepath.Ext(f.Name)); ext != ".xml" && ext != ".rels" {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err == nil {
				parts[path+":"+f.Name] = b
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) == 0 {
		t.Fatal("no XML parts under testdata")
	}
	return parts
}

// TestPartsOfTestdata compares the two decoders on every XML part of the
// samples, which the fast scanner must read alone, without encoding/xml.
func TestPartsOfTestdata(t *testing.T) {
	for name, data := range testdataParts(t) {
		t.Run(name, func(t *testing.T) {
			differ(t, data, 4096, len(data)/50)
			d := New(string(data), nil)
			if _, err := ourTokens(d); err != io.EOF || d.slow != nil {
				t.Errorf("the fast scanner handed over (%v)", err)
			}
		})
	}
}

// tricky are inputs at the edges of what the fast scanner reads and of
// what encoding/xml accepts.
var tricky = []string{
	``, `<a/>`, `<a></a>`, `<a>`, `</a>`, `<a></b>`, `<a:b></a:b>`, `<a:b></c:b>`, `<a:b:c/>`, `<:a/>`, `<a:/>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n<a/>",
	`<?xml version="1.1"?><a/>`, `<?xml encoding="GBK"?><a/>`, `<?xml encoding='utf-8'?><a/>`, `<?xml?><a/>`, `<?xml`, `<?pi some?thing?><a/>`, `<?9?>`,
	`<!-- c --><a/>`, `<!---->`, `<!--->`, `<!-- a -- b -->`, `<!-- a --->`, `<!- x>`, `<!DOCTYPE a [<!ENTITY e "x">]><a/>`,
	`<a><![CDATA[x<y]]></a>`, `<a><![CDATA[]]></a>`, `<a>x]]>y</a>`, `<a>x]]&gt;</a>`,
	`<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#X43;&#;&#x;</a>`, `<a>&#0;</a>`, `<a>&#xD800;</a>`, `<a>&#x110000;</a>`, `<a>&#99999999999999999999;</a>`,
	`<a>&nbsp;</a>`, `<a>&lt</a>`, `<a>& b</a>`, `<a>&</a>`, `<a>&#65</a>`,
	"<a>x\r\ny\rz\n\r\r\n</a>", "<a>&#13;\n\r&amp;\n</a>", "<a b='x\r\ny'/>", "<a>\x01</a>", "<a>\xff</a>", "<a>\xef\xbf\xbe</a>", "<a>\xef\xbf\xbd</a>", "<a>\t\n</a>",
	`<a b="1" c='2'/>`, `<a b="1"c="2"/>`, `<a b = "1" />`, `<a b=1/>`, `<a b/>`, `<a b="<"/>`, `<a b="&amp;&#x4E2D;"/>`, `<a b="&x;"/>`, `<a b="1`, `<a b="1"`, `<a b="1" /`, `<a / >`,
	`<a xmlns="u"><b/><c xmlns=""><d/></c><e/></a>`, `<a xmlns:p="u"><p:b p:c="1" d="2"/></a><p:x/>`,
	`<a xmlns:p="u"><b xmlns:p="v"><p:c/></b><p:d/></a>`, `<p:a xmlns:p="u"></p:a>`, `<a xmlns:p=""><p:b/></a>`,
	`<a xml:space="preserve" xmlns:xml="v"/>`, `<xmlns:a/>`, `<xmlns/>`, `<a xmlns:xmlns="u" xmlns="v"/>`,
	`<a>` + "\u4e2d\U0001F600" + `</a>`, "<a>\u1000\ucfff\ue000\uefff\u0fff\ud7ff\uf000\uff01</a>", "<a>\xed\xa0\x80</a>", "<a>\xe0\x80\x80</a>", "<a>\xe4\xb8</a>", "<a>\xe4\xb8x</a>", "<a>\xe4</a>",
	"<a b='\xe4\xb8\xad\xe4'/>", "<a b='\xef\xbf\xbf'/>", `<a b="&amp;<"/>`, `<a b="x<y"/>`, `<a></a/>`, `<a></ab>`, `<ab></a>`, "<a></a\xe4\xb8\xad>", `<中/>`, `<a中/>`, `<a b中="1"/>`, `<a-b.c_d/>`, `<-a/>`, `<1a/>`, `<_a/>`,
	`<a b="it's" c='say "x"'/>`, "<a b=\"\x01\u4e2d\"/>", "<a b=\"&amp;\u4e2d\"/>", "<a b=\"\u4e2d&amp;\"/>", "<a b=\"\u4e2d\x01\"/>", "<a b=\"\r\u4e2d\"/>", "<a b=\"&bad;\u4e2d\"/>", "<a b=\"\u4e2d<\"/>", "<a b=\"<\u4e2d\"/>", "<a b=\"\u4e2d",
	// One tag in different bindings, with room after it for the memo.
	`<r xmlns:p="u"><p:item a="1"/><p:item a="1"/><s xmlns:p="v"><p:item a="1"/><p:item a="1"/></s><p:item a="1"/><t xmlns="w"><p:item a="1"/></t><x>0123456789abcdefghij</x></r>`,
	`< a/>`, `<a/ >`, `</a >`, `<a></a x>`, `<a></a`, `<a><`, `text`, `text<a/>text`, `<a/><b/>`, `<a/>` + "\xff",
}

// Namespace bindings as a part's root declares them (dozens), rebound and
// unbound (bound to "") in children and restored at their ends, and past
// maxBindings, where encoding/xml takes over.
func init() {
	many := func(n int, prefix string) string {
		var b strings.Builder
		for k := range n {
			fmt.Fprintf(&b, ` xmlns:%s%d="u%d"`, prefix, k, k)
		}
		return b.String()
	}
	names := `<p0:a p1:b="1" c="2"/><p7:a/><b p3:x="y"/><p49:z/><q:a/>`
	tricky = append(tricky,
		`<r xmlns="d"`+many(50, "p")+`>`+names+`<s xmlns:p7="v" xmlns=""><p7:a/>`+names+`</s>`+names+`</r>`,
		`<r`+many(50, "p")+`><s xmlns:p3="" xmlns:p0="w"><p3:a/><b p3:c="1"/>`+names+`<t xmlns:p3="x"><p3:a/></t><p3:a/></s>`+names+`</r>`,
		`<r`+many(maxBindings-1, "p")+`><s xmlns:q="v"><q:a/>`+names+`</s>`+names+`<s xmlns:q="v" xmlns:p1="w">`+names+`</s>`+names+`</r>`,
		`<r`+many(maxBindings+1, "p")+`>`+names+`</r>`,
		`<r`+many(maxBindings/2, "p")+`><s`+many(maxBindings/2, "q")+`><q1:a/>`+names+`</s>`+names+`<p:t/></r>`,
		`<r xmlns:p="u"><s xmlns:p="v"><t xmlns:p="w"><p:a/></t><p:a/></s><p:a/><s xmlns:p=""><p:a/></s><p:a/></r>`,
	)
}

func TestTricky(t *testing.T) {
	for i, s := range tricky {
		for giveUp := range 4 {
			differ(t, []byte(s), 3+i%5, giveUp)
		}
	}
}

// TestNewReaderChunks checks that the part is read 4096 bytes at a time,
// as encoding/xml reads through bufio: an archive/zip entry that inflates
// past its size fails the read that crosses it, dropping its bytes.
func TestNewReaderChunks(t *testing.T) {
	var doc strings.Builder
	doc.WriteString("<a>")
	for doc.Len() < 20000 {
		doc.WriteString(`<b c="1">text</b>`)
	}
	doc.WriteString("</a>")
	for _, drop := range []int{1, 4095, 4096, 4097, 10000, 19999} {
		for _, chunk := range []int{1000, 4096, 5000} {
			data := []byte(doc.String())
			want, wantErr := stdTokens(&partReader{data: data, chunk: chunk, dropPast: drop})
			got, gotErr := ourTokens(NewReader(&partReader{data: data, chunk: chunk, dropPast: drop}, 1<<30))
			compare(t, fmt.Sprintf("drop past %d, chunks of %d", drop, chunk), want, wantErr, got, gotErr)
		}
	}
}

// emptyReader returns nothing, forever.
type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

func TestNewReaderNoProgress(t *testing.T) {
	want, wantErr := stdTokens(io.MultiReader(strings.NewReader("<a>x"), emptyReader{}))
	got, gotErr := ourTokens(NewReader(io.MultiReader(strings.NewReader("<a>x"), emptyReader{}), 0))
	compare(t, "no progress", want, wantErr, got, gotErr)
	if !errors.Is(gotErr, io.ErrNoProgress) {
		t.Errorf("error %v, want io.ErrNoProgress", gotErr)
	}
}

// FuzzDecoder compares the decoder with encoding/xml on any input, read
// whole or cut, with the hand-over at any token, and Skip with Next:
//
//	go test ./format/ooxml/xmltok -run XXX -fuzz FuzzDecoder -parallel 1
func FuzzDecoder(f *testing.F) {
	for _, s := range tricky {
		f.Add([]byte(s), uint16(7), uint16(1))
	}
	for _, data := range testdataParts(f) {
		if len(data) < 64<<10 {
			f.Add(data, uint16(4096), uint16(20))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk, giveUp uint16) {
		differ(t, data, int(chunk), int(giveUp))
		differSkip(t, data, int(giveUp))
	})
}

// BenchmarkDecoder reads word/document.xml of the largest sample as a
// reader does: the name of every start element and all text.
func BenchmarkDecoder(b *testing.B) {
	data := largestPart(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewReader(bytes.NewReader(data), int64(len(data)))
		for {
			k, err := d.Next()
			if err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
			switch k {
			case StartElement:
				d.Name()
			case CharData:
				d.Data()
			}
		}
	}
}

// BenchmarkEncodingXML is BenchmarkDecoder with encoding/xml.
func BenchmarkEncodingXML(b *testing.B) {
	data := largestPart(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := xml.NewDecoder(&partReader{data: data, chunk: 1 << 30})
		for {
			if _, err := d.Token(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
}

func largestPart(b *testing.B) []byte {
	var best []byte
	for _, data := range testdataParts(b) {
		if len(data) > len(best) {
			best = data
		}
	}
	return best
}

// errLimited ends a walk whose skip met a limit.
var errLimited = errors.New("limited")

// skipWalk reads d with Next and, at every every-th start element, skips
// the element up to its end or to a child named in stopAt, with Skip and
// Next as a reader does (fast), or with Next alone (the reference). It
// returns the tokens it saw and what each skip gave.
func skipWalk(d *Decoder, fast bool, stopAt []string, every, maxStarts, maxNesting int) ([]tok, error) {
	var toks []tok
	starts := 0
	for {
		k, err := d.Next()
		if err != nil {
			return toks, err
		}
		switch k {
		case StartElement:
			starts++
			toks = append(toks, tok{kind: k, name: d.Name(), attrs: attrString(d.Attrs())})
		case EndElement:
			toks = append(toks, tok{kind: k, name: d.Name()})
		case CharData:
			toks = append(toks, tok{kind: k, data: string(d.Data())})
		}
		for k == StartElement && starts%every == 0 {
			var n int
			var child, limited bool
			if fast {
				n, child, limited, err = skipFast(d, stopAt, maxStarts, maxNesting)
			} else {
				n, child, limited, err = skipRest(d, stopAt, 0, 0, maxStarts, maxNesting)
			}
			starts += n
			toks = append(toks, tok{data: fmt.Sprint("skipped ", n, child, limited)})
			if err != nil {
				return toks, err
			}
			if limited {
				return toks, errLimited
			}
			if !child {
				break
			}
			toks = append(toks, tok{kind: k, name: d.Name(), attrs: attrString(d.Attrs())})
		}
	}
}

// skipFast skips with Skip, and with Next where Skip stopped.
func skipFast(d *Decoder, stopAt []string, maxStarts, maxNesting int) (starts int, child, limited bool, err error) {
	starts, open, child := d.Skip(stopAt, maxStarts, maxNesting)
	if child {
		return starts, true, false, nil
	}
	return skipRest(d, stopAt, starts, open-1, maxStarts, maxNesting)
}

// skipRest skips with Next from where nested elements are open below the
// skipped one (-1: it has ended), having read starts start elements.
func skipRest(d *Decoder, stopAt []string, starts, nested, maxStarts, maxNesting int) (int, bool, bool, error) {
	for nested >= 0 {
		k, err := d.Next()
		if err != nil {
			return starts, false, false, err
		}
		switch k {
		case StartElement:
			if starts >= maxStarts || nested+1 > maxNesting {
				return starts, false, true, nil
			}
			starts++
			if nested++; nested == 1 && slices.Contains(stopAt, d.Name().Local) {
				return starts, true, false, nil
			}
		case EndElement:
			nested--
		}
	}
	return starts, false, false, nil
}

// differSkip checks that Skip, followed by Next where it stops, reads
// what Next alone reads, with the hand-over at any token.
func differSkip(t *testing.T, data []byte, giveUp int) {
	t.Helper()
	for _, stopAt := range [][]string{nil, {"b", "c", "p:b", "t", "rPr", "pStyle", "tcW", "numId"}} {
		for every := 1; every <= 3; every++ {
			for _, limits := range [][2]int{{1 << 30, 1 << 30}, {3, 1 << 30}, {1 << 30, 2}} {
				what := fmt.Sprintf("skip %v every %d within %v", stopAt, every, limits)
				want, wantErr := skipWalk(New(string(data), nil), false, stopAt, every, limits[0], limits[1])
				got, gotErr := skipWalk(New(string(data), nil), true, stopAt, every, limits[0], limits[1])
				compare(t, what, want, wantErr, got, gotErr)
				d := New(string(data), nil)
				d.giveUp = func(n int) bool { return n >= giveUp }
				got, gotErr = skipWalk(d, true, stopAt, every, limits[0], limits[1])
				compare(t, fmt.Sprintf("%s, hand-over at %d", what, giveUp), want, wantErr, got, gotErr)
			}
		}
	}
}

func TestSkip(t *testing.T) {
	for i, s := range tricky {
		for giveUp := range 4 {
			differSkip(t, []byte(s), giveUp+i%3)
		}
	}
	for name, data := range testdataParts(t) {
		t.Run(name, func(t *testing.T) {
			differSkip(t, data, len(data)/100)
		})
	}
	// Nested elements of one name, comments, processing instructions,
	// CDATA and '>' in attribute values inside skipped elements.
	for _, s := range []string{
		`<r><a><a><a/></a><b>x</b></a><c/></r>`,
		`<r><a x=">" y='/>'><!-- </a> --><?pi </a>?><b/></a><c/></r>`,
		`<r><a><![CDATA[</a>]]><b/></a><c/></r>`,
		`<r><a xmlns:p="u"><p:b/><b xmlns="v"/></a><p:b/></r>`,
		`<r><a><b></c></a></r>`,
		// Read whole by skipElement, or given up on at each kind of token.
		`<r><a><b c="1" d='&amp;'>x&lt;y` + "\r\n" + `</b><b/><!-- c --><?p q?><e><f/></e></a><c/></r>`,
		`<r><a><b c="1"><e xmlns:p="u"/></b></a><a><b x:y="&#0;"/></a><a><b c="<"/></a><c/></r>`,
		`<r><a><b>` + "\x01" + `</b></a><a><b>x]]>y</b></a><a><b>&bad;</b></a><a><b></b ></a><c/></r>`,
		`<r><a><b></bb></a><a><b></a></b></a><a><b></b</a></a><c/></r>`,
		`<r><a><a><a><a/></a></a><a/></a><t/><pStyle/><c><b/></c></r>`,
		`<r><a><b c="1"/>`,
		`<r><a><b>text`,
		`<r><a><b><`,
	} {
		for giveUp := range 12 {
			differSkip(t, []byte(s), giveUp)
		}
	}
	// Tags of the same first bytes, or the same bytes, as a tag skipped
	// before (skipTag's memo), read again whole, changed after, cut, or
	// in stopAt.
	tag := `<w:spacing w:before="0" w:after="0"/>`
	for _, s := range []string{
		`<r><p>` + tag + tag + `</p><p>` + tag + `</p></r>`,
		`<r><p>` + tag + strings.Replace(tag, `"0"/>`, `"1"/>`, 1) + strings.Replace(tag, `/>`, `>`, 1) + `</w:spacing></p></r>`,
		`<r><p>` + tag + strings.Replace(tag, `"0"/>`, "\"\x01\"/>", 1) + `</p></r>`,
		`<r><p>` + tag + strings.Replace(tag, `"0"/>`, `"0" x:y:z="1"/>`, 1) + `</p></r>`,
		`<r><p>` + tag + strings.Replace(tag, `"0"/>`, `"0" xmlns:w="u"/>`, 1) + `<w:spacing/></p></r>`,
		`<r><p>` + tag + `<w:spacing w:before="0" w:after="0"/`,
		`<r><p>` + tag + `<w:spacing w:before="0" w:after="0"`,
		`<r><p><b>` + tag + `</b>` + tag + `<w:pStyle w:val="ab"/><w:pStyle w:val="ab"/></p><p><w:pStyle w:val="ab"/><c/></p></r>`,
		`<r><p><b>` + `<w:numId w:val="12345678"/>` + `</b><w:numId w:val="12345678"/><c/></p></r>`,
		// Elements skipped whole again (tagMemo.elem): the same, then
		// changed past their first bytes, cut, deeper than the limits, or
		// with a tag inside taking the first tag's place.
		`<r><p><a x="1"><b/><c><d/></c></a><a x="1"><b/><c><d/></c></a><a x="1"><b/><c><e/></c></a><a x="1"><b/><c><d/></c></a>` +
			`<a x="1"><b/><c><d/></c></a ><a x="1"><b/><c><d><f/></d></c></a><a x="1"><b/><c><d/></c></a><a x="1"><b/><c><d/></c></a></p></r>`,
		`<r><p><a x="1"><b/><c><d/></c></a><a x="1"><b/><c><d/></c></a><a x="1"><b/><c><d/></c>`,
		`<r><p><a x="1"><b/>text<c>&amp;</c></a><a x="1"><b/>text<c>&amp;</c></a><a x="1"><b/>text<c>&bad;</c></a></p></r>`,
		`<r><p><a x="1"><a x="1"><b/></a></a><a x="1"><a x="1"><b/></a></a><a x="1"><b/></a><a x="1"><b/></a></p></r>`,
		// … and again where the limits left fewer starts or less nesting
		// (an element in one that is read token by token).
		`<r><p><a x="1"><b/></a><a x="1"><b/></a><a x="1"><b/></a></p><q>0123456789abcdefghij</q></r>`,
		`<r><p><a x="1"><b/></a><s xmlns:z="u"><a x="1"><b/></a></s></p><q>0123456789abcdefghij</q></r>`,
		`<r><p><a x="1"><b><c/></b></a><s xmlns:z="u"><a x="1"><b><c/></b></a></s></p><q>0123456789abcdefghij</q></r>`,
		// The tables go from part to part: a tag at the place of one
		// kept from the part before, of the same first bytes, is not it.
		`<r><p>` + tag + `</p></r>`,
		`<r><p>` + strings.Replace(tag, `/>`, ` w:line="240"/>`, 1) + `</p></r>`,
	} {
		for giveUp := range 12 {
			differSkip(t, []byte(s), giveUp)
		}
	}
}

// TestMemoOfEarlierPart: a table of tags kept from an earlier part, where
// the same tags stood elsewhere, gives nothing of that part to the next,
// also when its generations come round again.
func TestMemoOfEarlierPart(t *testing.T) {
	parts := []string{
		`<w:document xmlns:w="u"><w:body><w:p w:rsidR="00A1"><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p></w:body></w:document>`,
		// The same tags, at other places, some with other attributes
		// after their first 16 bytes.
		`<w:document xmlns:w="u"><w:body><w:tbl/><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">乙 </w:t></w:r><w:pPr><w:jc w:val="left"/></w:pPr></w:p></w:body></w:document>`,
	}
	for _, gen := range []uint16{0, 1, math.MaxUint16} {
		table := &memoTable{gen: gen}
		for i, part := range append(parts, parts...) {
			want, wantErr := stdTokens(strings.NewReader(part))
			d := New(part, nil)
			d.memo = table
			got, err := ourTokens(d)
			compare(t, fmt.Sprintf("generation %d, part %d", gen, i), want, wantErr, got, err)
			table.empty()
		}
		if gen == math.MaxUint16 && table.gen == gen {
			t.Fatal("the generation did not come round")
		}
	}
}
