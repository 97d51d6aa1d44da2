package html

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"xxgk/document"
	"xxgk/format/charset"
)

// diffTrees describes the first difference between two trees, "" when they
// are equal in node type, data, atom, namespace, attributes (in order) and
// structure.
func diffTrees(got, want *html.Node) string {
	return diffNode(got, want, "")
}

func diffNode(g, w *html.Node, path string) string {
	path += "/" + describe(w)
	if g.Type != w.Type || g.Data != w.Data || g.DataAtom != w.DataAtom || g.Namespace != w.Namespace {
		return fmt.Sprintf("%s: got %s", path, describe(g))
	}
	if len(g.Attr) != len(w.Attr) {
		return fmt.Sprintf("%s: attributes %v, want %v", path, g.Attr, w.Attr)
	}
	for i := range g.Attr {
		if g.Attr[i] != w.Attr[i] {
			return fmt.Sprintf("%s: attributes %v, want %v", path, g.Attr, w.Attr)
		}
	}
	gc, wc := g.FirstChild, w.FirstChild
	for i := 0; gc != nil || wc != nil; i++ {
		if gc == nil || wc == nil {
			return fmt.Sprintf("%s: child %d: got %s, want %s", path, i, describe(gc), describe(wc))
		}
		if gc.Parent != g || (gc.NextSibling == nil) != (gc == g.LastChild) || (i == 0) != (gc.PrevSibling == nil) {
			return fmt.Sprintf("%s: child %d: bad links", path, i)
		}
		if d := diffNode(gc, wc, path); d != "" {
			return d
		}
		gc, wc = gc.NextSibling, wc.NextSibling
	}
	return ""
}

func describe(n *html.Node) string {
	if n == nil {
		return "nothing"
	}
	d := n.Data
	if len(d) > 40 {
		d = d[:40] + "…"
	}
	return fmt.Sprintf("%d:%q", n.Type, d)
}

// checkFastTree parses text both ways and reports a difference when the
// fast path accepted it; it returns whether the fast path accepted it and
// its reason when not.
func checkFastTree(t *testing.T, name, text string) (bool, string) {
	t.Helper()
	got, ok, reason := fastParse(text)
	if strings.HasPrefix(reason, internalError) {
		t.Errorf("%s: fast path failed: %s", name, reason)
	}
	if !ok {
		return false, reason
	}
	want, err := html.Parse(strings.NewReader(text))
	if err != nil {
		t.Errorf("%s: fast path accepted a page html.Parse refuses (%v)", name, err)
		return true, ""
	}
	if d := diffTrees(got, want); d != "" {
		t.Errorf("%s: trees differ at %s", name, d)
	}
	return true, ""
}

// htmlPages returns the decoded saved pages of testdata/reports and of the
// shared corpus, when there is one.
func htmlPages(tb testing.TB) map[string]string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.html"))
	shared, _ := filepath.Glob("/work/shared/corpus/*/*/*.html")
	files = append(files, shared...)
	more, _ := filepath.Glob("/work/shared/corpus/*/*/*/*.html")
	files = append(files, more...)
	pages := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text, _, err := charset.Decode(data)
		if err != nil {
			tb.Fatal(err)
		}
		pages[f] = text
	}
	if len(pages) < 14 {
		tb.Fatalf("found %d pages, want at least the 14 of testdata/reports", len(pages))
	}
	return pages
}

// TestFastTreeCorpus: every saved page takes the fast path, and its tree is
// html.Parse's.
func TestFastTreeCorpus(t *testing.T) {
	for name, text := range htmlPages(t) {
		if ok, reason := checkFastTree(t, name, text); !ok {
			t.Errorf("%s: fast path gave up: %s", name, reason)
		}
	}
}

// fastTreeSnippets are small pages at the edges of the fast path: each
// must either give up or build html.Parse's tree.
var fastTreeSnippets = []string{
	"",
	"x",
	"<",
	"a<b",
	"a</",
	"</>x",
	"<!-->x",
	"<!--->x",
	"<!---->x",
	"<!-- a --!>x",
	"<!-- a --!-->x",
	"<!-- a --!x-->",
	"<!--&amp;-->",
	"<!x>",
	"<?xml version=\"1.0\"?><p>a",
	"</ x>",
	"<!DOCTYPE html><p>a",
	"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
	"<html lang=zh><head><title>a&amp;b</title></head><body>x</body></html>",
	"<p>a<p>b<li>c<li>d<dt>e<dd>f",
	"<ul><li>a<li>b</ul><ol><li><p>c<li>d</ol>",
	"<dl><dt>a<dd>b<dt>c</dl>",
	"<table><tr><td>a<td>b<tr><th>c</table>",
	"<table><thead><tr><td>a</thead><tbody><tr><td>b</tbody><tfoot><tr><td>c</table>",
	"<table><caption>x</caption><colgroup><col><col></colgroup><tr><td>a</table>",
	"<table><col><tr><td>a</table>",
	"<table>x<tr><td>a</table>",
	"<table><tr>x<td>a</table>",
	"<table> <tr> <td>a</td> </tr> </table>",
	"<table><tr><td><table><tr><td>a</table></td></tr></table>",
	"<p><table><tr><td>a</table>",
	"<b>a<p>b</b>c</p>",
	"<p><b>a</p><p>b</b>",
	"<p><font color=red>a</p><p>b",
	"<a href=x>a<a href=y>b</a>",
	"<b><b><b><b>a</b></b></b></b>",
	"<font a=1><font a=1><font a=1><font a=1><p>x",
	"<font b=2 a=1>x</font>",
	"<div><span>a</div>b</span>",
	"<span>a</div>b",
	"</p>",
	"</br>",
	"<br/><hr/><img src=a>",
	"<pre>\na</pre><pre>\r\nb</pre><textarea>\nc</textarea>",
	"<listing>\nx</listing>",
	"<script>a</b></script><style>p{}</style><title>x</title>",
	"<script><!--a</script>-->",
	"<script>a",
	"<SCRIPT>a</Script >b",
	"<textarea>a&lt;b</textarea><title>&amp;</title>",
	"<style></style>",
	"<noscript><p>a</p></noscript>",
	"<iframe>a</iframe><xmp>b</xmp><noembed>c</noembed><noframes>d</noframes>",
	"<plaintext>a",
	"<select><option>a<option>b</select>",
	"<input type=hidden><input>",
	"<table><input type=hidden><form></table>",
	"<form><form></form></form>",
	"<h1>a<h2>b</h1>",
	"<button>a<button>b",
	"<nobr>a<nobr>b",
	"<object>a<b>c</object>d",
	"<image src=a>",
	"<ruby>a<rt>b<rp>c</ruby>",
	"<svg><p>a",
	"<math>",
	"<template>a</template>",
	"<frameset>",
	"a\x00b",
	"<p a=1 A=2 b='x' c=\"y\" d=z/>",
	"<p =a b= c =d>",
	"<p == =>x<p a==b =c==d ==>y<p =",
	"<p a=&amp; b=\"&copy=1\" c='&notit;' d=\"x&#65;\">",
	"<p a=\"isShow&&list.length>0\" b=\"&fjlig;&semi;&nGt;&lt\" c=&copyx;&AMP>",
	"<p\ta\n=\r\n'1\r\n2'>x\r\ny\rz",
	"<P CLASS=A>X</P>",
	"<div a",
	"<div a=",
	"<div a='x",
	"<!--",
	"<!DOCTYPE",
	"<head><meta charset=utf-8> <link> x<body>",
	"<html><body></body></html><!--a--> x",
	"<html><body></body><!--a--><p>b</html>",
	"<body a=1><body b=2><html c=3>",
	"<head></head> <meta x=1><body>",
	"<head></head><script>a</script>",
	"a&nbsp;b&amp c&#x4e2d;d&lt",
	"<p>a</p>\n<!-- x -->\n<p>b</p>",
	"<![if !supportLists]>1.<![endif]>",
	"<![CDATA[x]]>",
	"<ul><li>a<div><li>b</div></ul>",
	"<marquee>a</marquee>",
	"<td>a</td>",
	"<caption>",
	"<!DOCTYPE html><p>a<table><tr><td>b</table>c",
	"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>a<table><tr><td>b</table>",
	"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\"><p><table>",
	"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p><table>",
	"<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p><table>",
	"<!-- x --><!DOCTYPE html><p><table>",
	"<p><font size=2><table><tr><td>a</td></tr></table></font></p>",
	"<b>1<p>2</b>3</p>",
	"<a href=x>1<div>2<a href=y>3</a>4</div>5",
	"<b><i><u>1<p>2</b>3</u>4</i>5",
	"<b>1<div>2<i>3<p>4</b>5</i>6</div>",
	"<font color=red><font size=2><p>a</font>b</font>c",
	"<div><b><table><tr><td>1</b>2</td></tr></table></b>",
	"<table><b><tr><td>1</td></tr></b></table>",
	"<table><tr><td>1</td></tr>x<tr><td>2</td></tr>y</table>z",
	"a<table>b<tr>c<td>d</td>e</tr>f</table>g",
	"<table><span>x</span><tr><td>1</table>",
	"<table><tr><td>1</td></tr>&nbsp;</table>",
	"<div>a<table>b</table>c</div>",
	"<table><a href=x><tr><td>1</td></tr></a></table>",
	"<table><tr><td><b>1</td><td>2</b></td></tr></table><b>3</b>",
	"<p><b>1<table><tr><td>2</b>3</table>4",
	"<b><b><b><b><b><b><b><b><b><b>x</b></b></b><p>y</b>z",
	"<a><p><a>x</a></p></a>",
	"<table><tr><td>a</td></tr>" + strings.Repeat("x</td> </td>", 50) + "</table>",
	"<p>a</span>b<table>c</td> </td>d</td>\n</td><tr><td>e</span>f</table>g</span>h",
	"<p " + strings.Repeat("a ", 20) + "b c=1 d=&copy; " + strings.Repeat("e b ", 20) + "><p " + strings.Repeat("b c=2 ", 20) + "f>",
	"<body " + strings.Repeat("a b c d e f g h i j k l m n o p q r s ", 2) + "><body " + strings.Repeat("t u v a b ", 5) + ">",
	// Names the cache of names tells apart by their bytes, short and long,
	// ending the page and not.
	"<p><P><pa><PA id=1 ID=2 iD=3 i=4 idd=5></pa></P></p><abcdefgh><abcdefghi><ABCDEFGH></abcdefgh><abcdefgi></ABCDEFGHI></p><b>x</b>",
	"<div cLass=a class=b classes=c data-abcdefgh=1 data-abcdefghi=2 data-abcdefgh=3>x</div><i>",
	strings.Repeat("<div>", 600) + "x",
	strings.Repeat("<span>", 511) + "x",
	strings.Repeat("<span>", 512) + "x",
}

// TestFastTreeSnippets checks the snippets that the fast path accepts.
func TestFastTreeSnippets(t *testing.T) {
	accepted := 0
	for _, s := range fastTreeSnippets {
		if ok, _ := checkFastTree(t, fmt.Sprintf("%.60q", s), s); ok {
			accepted++
		}
	}
	if accepted < len(fastTreeSnippets)/2 {
		t.Errorf("the fast path accepted only %d of %d snippets", accepted, len(fastTreeSnippets))
	}
}

// TestFastTreeDoctypeCached: a doctype parsed before, and so taken from
// the cache, builds the same tree and quirks mode as the first time.
func TestFastTreeDoctypeCached(t *testing.T) {
	cached := 0
	for _, s := range fastTreeSnippets {
		end := strings.IndexByte(s, '>')
		if !strings.HasPrefix(strings.ToLower(s), "<!doctype") || end < 0 {
			continue
		}
		for range 2 {
			checkFastTree(t, fmt.Sprintf("%.60q", s), s)
		}
		if _, ok := cachedDoctype(s[:end+1]); ok {
			cached++
		}
	}
	if cached < 5 {
		t.Errorf("%d doctypes cached, want the snippets' 5 at least", cached)
	}
}

// FuzzFastTree: whenever the fast path accepts a page, its tree is
// html.Parse's.
func FuzzFastTree(f *testing.F) {
	for _, s := range fastTreeSnippets {
		f.Add(s)
	}
	// The pages seed in pieces: a whole page takes the fuzzer so long to
	// run and minimize that it hardly mutates anything (the pages are
	// checked whole by TestFastTreeCorpus).
	for _, text := range htmlPages(f) {
		for i := 0; i < len(text); i += 16 << 10 {
			f.Add(text[i:min(len(text), i+2<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64<<10 {
			return
		}
		checkFastTree(t, "input", text)
	})
}

// TestDecodeAttrValue: an attribute value reads as html's tokenizer reads
// it, for every value of up to four pieces that make or break references
// (names the table has with and without ';', with two characters, or
// reading longer than written; names it lacks that start with one it has).
func TestDecodeAttrValue(t *testing.T) {
	pieces := []string{"&", "&#", "a", "1", "#", "x", "=", ";", "amp", "copy", "nbsp", "quot", "isShow", "39", "lt", "list", "fjlig", "semi", "nGt"}
	var gen func(v string, n int)
	gen = func(v string, n int) {
		z := html.NewTokenizer(strings.NewReader(`<p a="` + v + `">`))
		z.Next()
		if got, tok := decodeAttrValue(v), z.Token(); len(tok.Attr) != 1 || tok.Attr[0].Val != got {
			t.Errorf("value %q: decoded %q, html reads %v", v, got, tok.Attr)
		}
		if n == 0 {
			return
		}
		for _, p := range pieces {
			gen(v+p, n-1)
		}
	}
	gen("", 4)
}

// TestFastTreeFlattened: a page nested too deep gives up on the fast path,
// as html.Parse refuses it, and its flattened text takes the fast path.
func TestFastTreeFlattened(t *testing.T) {
	page := "<html><body><table><tr><td>本年新收政府信息公开申请</td><td>12</td></tr></table>" +
		strings.Repeat("<span><font>", 600) + "<p>本年度主动公开政府信息123条。</p>" +
		strings.Repeat("<div>", 700) + "<table><tr><td>深处</td></tr></table></body></html>"
	if _, ok, _ := fastParse(page); ok {
		t.Errorf("the fast path accepted a page nested deeper than 512")
	}
	if ok, reason := checkFastTree(t, "flattened", flattenDeep(page, keepDepth)); !ok {
		t.Errorf("flattened page: fast path gave up: %s", reason)
	}
}

// TestCommonReference: the common references read as html's table says.
func TestCommonReference(t *testing.T) {
	for _, name := range []string{"amp", "lt", "gt", "quot", "apos", "nbsp"} {
		if got, want := commonReference(name), html.UnescapeString("&"+name+";"); got != want {
			t.Errorf("&%s; = %q, want %q", name, got, want)
		}
	}
}

// TestReadPooledTrees: every page reads as it does from html.Parse's tree,
// one page after another and several at the same time, reusing each
// other's pooled slabs.
func TestReadPooledTrees(t *testing.T) {
	pages := htmlPages(t)
	want := map[string]string{}
	for name, text := range pages {
		root, err := html.Parse(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		doc := &document.Document{}
		readTree(doc, root, text)
		want[name] = doc.Title + "\n" + dumpDocument(doc)
	}
	done := make(chan string)
	for range 4 {
		go func() {
			for name, text := range pages {
				doc, err := Read(text)
				if err != nil || doc.Title+"\n"+dumpDocument(doc) != want[name] {
					done <- name
					return
				}
			}
			done <- ""
		}()
	}
	for range 4 {
		if name := <-done; name != "" {
			t.Errorf("%s reads otherwise than from html.Parse's tree", name)
		}
	}
}
