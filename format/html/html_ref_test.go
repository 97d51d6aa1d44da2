package html

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"xxgk/document"
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
