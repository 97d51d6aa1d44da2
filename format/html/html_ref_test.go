package html

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"xxgk/internal/strs"
	"xxgk/zh"

	"xxgk/document"
	"xxgk/format/charset"
)

// styleIsRef is the hidden-style test hiddenStyle replaced: a search for
// each property name through the style.
func styleIsRef(style, prop, val string) bool {
	for i := 0; i < len(style); {
		j := strings.Index(style[i:], prop)
		if j < 0 {
			return false
		}
		k := document.SkipBlanks(style, i+j+len(prop))
		if k < len(style) && style[k] == ':' {
			k = document.SkipBlanks(style, k+1)
			if strings.EqualFold(style[k:min(len(style), k+len(val))], val) {
				return true
			}
		}
		i = k
	}
	return false
}

func hiddenStyleRef(style string) bool {
	return styleIsRef(style, "isplay", "none") || styleIsRef(style, "isibility", "hidden")
}

// hiddenStyleCases are styles at the edges of the rules.
var hiddenStyleCases = []string{
	"", ":", "display:none", "DISPLAY : NONE", "display\t:\tnone;", "display: nonexistent", "display:\nnone",
	"display\n:none", "xdisplay:none", "isplay:none", "display:block;visibility:hidden", "visibility :Hidden",
	"visibility:visible", "display;none", "display:", "display: non", "color:red;display :none",
	"mso-list:l0 level1 lfo1;display:inline", "font-family:宋体;display:none", "display:display:none",
	"visibility:isplay:none", "displaydisplay:none", "display : : none",
}

// TestHiddenStyle: hiddenStyle answers as the search it replaced, on the
// cases above and on the style of every element of the saved pages.
func TestHiddenStyle(t *testing.T) {
	styles := hiddenStyleCases
	for _, text := range htmlPages(t) {
		root, err := html.Parse(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		var visit func(n *html.Node)
		visit = func(n *html.Node) {
			for _, a := range n.Attr {
				if a.Key == "style" {
					styles = append(styles, a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
		visit(root)
	}
	hidden := 0
	for _, s := range styles {
		got, want := hiddenStyle(s), hiddenStyleRef(s)
		if got != want {
			t.Errorf("hiddenStyle(%q) = %v, want %v", s, got, want)
		}
		if got {
			hidden++
		}
	}
	if hidden == 0 {
		t.Error("no style hides its element")
	}
}

// FuzzHiddenStyle: hiddenStyle answers as the search it replaced.
func FuzzHiddenStyle(f *testing.F) {
	for _, s := range hiddenStyleCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hiddenStyle(s), hiddenStyleRef(s); got != want {
			t.Errorf("hiddenStyle(%q) = %v, want %v", s, got, want)
		}
	})
}

// visibleRunesRef is visibleRunes as it was, a byte at a time.
func visibleRunesRef(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xC0 != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' {
			n++
		}
	}
	return n
}

func checkVisibleRunes(t *testing.T, s string) {
	t.Helper()
	if got, want := visibleRunes(s), visibleRunesRef(s); got != want {
		t.Fatalf("visibleRunes(%q) = %d, want %d", s, got, want)
	}
}

// TestVisibleRunes holds visibleRunes, eight bytes at a time, to the
// byte loop it was: every byte at every place of a word of text, of white
// space and of continuation bytes, after every offset, in texts of every
// length up to three words.
func TestVisibleRunes(t *testing.T) {
	for _, fill := range []string{"政府信息公开年报", "abcdefgh", "        ", "\n\t\r\f\n\t\r\f", "\x80\xbf\x80\xbf\x80\xbf\x80\xbf", "年a 年\t"} {
		for c := range 256 {
			for at := range 8 {
				for off := range 3 {
					b := []byte(strings.Repeat(fill, 3))
					b[off+at] = byte(c)
					for end := off + at + 1; end <= len(b); end++ {
						checkVisibleRunes(t, string(b[off:end]))
					}
				}
			}
		}
	}
}

func FuzzVisibleRunes(f *testing.F) {
	for _, s := range []string{"", "政府信息公开工作年度报告", "  \n\t 12 条\r\n", "\x00\x1f\x20\x21\x7f\x80\xbf\xc0\xff", "&nbsp;\u00a0\u3000年"} {
		f.Add(s)
	}
	f.Fuzz(checkVisibleRunes)
}

// chromeWordScopeRef is chromeWordScope as it was, comparing every affix.
func chromeWordScopeRef(w []byte) chromeScope {
	if s, ok := chromeNames[string(w)]; ok {
		return s
	}
	for _, a := range chromeAffixes {
		if len(w) > len(a) && (string(w[:len(a)]) == a || string(w[len(w)-len(a):]) == a) {
			return chromeAnywhere
		}
	}
	return notChrome
}

func checkChromeWordScope(t *testing.T, w string) {
	t.Helper()
	if w == "" {
		return // nameScope asks for words only
	}
	if got, want := chromeWordScope([]byte(w)), chromeWordScopeRef([]byte(w)); got != want {
		t.Fatalf("chromeWordScope(%q) = %d, want %d", w, got, want)
	}
}

// TestChromeWordScopeRef holds chromeWordScope to the affix loop it
// replaced on every chrome name and affix, alone and with every letter or
// digit before and after it, and cut short by a byte at either end.
func TestChromeWordScopeRef(t *testing.T) {
	if len(chromeAffixes) > 16 {
		t.Fatalf("%d affixes: affixStarts has bits for 16", len(chromeAffixes))
	}
	words := slices.Clone(chromeAffixes)
	for w := range chromeNames {
		words = append(words, w)
	}
	for _, w := range words {
		for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
			for _, v := range []string{w, string(c) + w, w + string(c), string(c) + w + string(c), w[1:], w[:len(w)-1], w + w} {
				checkChromeWordScope(t, v)
			}
		}
	}
}

func FuzzChromeWordScope(f *testing.F) {
	for _, w := range []string{"submenu", "topnav", "bdshare", "footerbox", "footnote", "nav", "x", "navx", "qrcodes"} {
		f.Add(w)
	}
	f.Fuzz(checkChromeWordScope)
}

// TestNameWord: nameWord makes of a name what lookupName loads from the
// source when eight bytes stand there.
func TestNameWord(t *testing.T) {
	for _, name := range []string{"a", "p", "br", "div", "TABLE", "class", "colspan", "abcdefgh", "\xff\x00x"} {
		src := name + ">       "
		if got, want := nameWord(name), strs.Load64(src)&(^uint64(0)>>(64-8*len(name))); got != want {
			t.Errorf("nameWord(%q) = %#x, want %#x", name, got, want)
		}
	}
}

// checkParaText holds appendPara's test for text and interElementSpace's
// for white space to the calls they replaced.
func checkParaText(t *testing.T, s string) {
	t.Helper()
	if got, want := zh.TrimSpace(s) != "", strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) != ""; got != want {
		t.Fatalf("text in %q: %v, want %v", s, got, want)
	}
	if got, want := onlyHTMLSpace(s), strings.Trim(s, " \t\r\n\f") == ""; got != want {
		t.Fatalf("onlyHTMLSpace(%q) = %v, want %v", s, got, want)
	}
}

// TestParaText: every character of up to three bytes, alone and between
// white space of every kind.
func TestParaText(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		for _, s := range []string{string(r), " \u00a0" + string(r) + "\n\t", "\u3000" + string(r) + string(r) + "\u00a0", "\xe4" + string(r), string(r) + "\xc2"} {
			checkParaText(t, s)
		}
	}
}

func FuzzParaText(f *testing.F) {
	for _, s := range []string{"", " ", "\n\t\t", "\u00a0", "\xc2\xa0\xa0", "\u3000年", " \v ", "\u0085\u2028"} {
		f.Add(s)
	}
	f.Fuzz(checkParaText)
}

// sniffRef is Sniff as it was, lowering all the head first.
func sniffRef(text string) bool {
	head := text[:min(len(text), sniffLen)]
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	var buf [sniffLen]byte
	lower := charset.AppendASCIILower(buf[:0], head)
	start := bytes.TrimLeft(lower, " \t\r\n\ufeff")
	if len(start) > 0 && start[0] == '<' {
		for _, tag := range htmlStartTags {
			if rest, ok := bytes.CutPrefix(start, tag); ok && (len(rest) == 0 || !isASCIILetter(rest[0])) {
				return true
			}
		}
	}
	count := 0
	for _, tag := range htmlCommonTags {
		count += bytes.Count(lower, tag)
	}
	return count >= 4
}

func checkSniff(t *testing.T, text string) {
	t.Helper()
	if got, want := Sniff(text), sniffRef(text); got != want {
		t.Fatalf("Sniff(%.80q) = %v, want %v", text, got, want)
	}
}

// TestSniffRef holds Sniff to sniffRef on every start tag, cut short,
// in upper case and followed by every kind of byte, after blanks.
func TestSniffRef(t *testing.T) {
	for _, tag := range htmlStartTags {
		if len(tag) > maxStartTag {
			t.Fatalf("start tag %q longer than maxStartTag", tag)
		}
		for _, lead := range []string{"", " \n\t", "\ufeff", "\ufeff \ufeff", "x"} {
			for n := 0; n <= len(tag); n++ {
				for _, next := range []string{"", ">", " ", "a", "Z", "1", "年", "<br><br><br><br>"} {
					checkSniff(t, lead+string(tag[:n])+next)
					checkSniff(t, lead+strings.ToUpper(string(tag[:n]))+next)
				}
			}
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"<!DOCTYPE html>", "\ufeff<HTML>", "<P>", "<pre>", "报告<br>a<br>b<br>c<br>", "<2012年>", " \t<!--x-->"} {
		f.Add(s)
	}
	f.Fuzz(checkSniff)
}
