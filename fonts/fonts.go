// Package fonts serves the fonts of the PDF summaries: one per face of the
// official print style (GB/T 9704-2012: 仿宋 body, 黑体 and 楷体
// headings, a 小标宋 title), taken from the fonts an office PC has when
// they are found (Find) and otherwise from the open-licence fonts embedded
// here (Embedded).
//
// The embedded fonts are Noto Serif SC regular (the body, all of GBK) and
// bold (the title), Noto Sans SC medium (黑体's place) and LXGW WenKai (楷体's
// place), under the SIL Open Font License 1.1 (OFL*.txt); the heading faces
// hold GB2312 and the characters of the sample reports, and a character one
// lacks is drawn in the body font (Set.Chain). make-fonts.sh makes them and
// README.md says where from. Every font's outlines are TrueType (glyf), the
// only kind fpdf can embed.
package fonts

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

//go:embed NotoSerifSC-Regular.ttf
var serifRegularFile []byte

//go:embed NotoSerifSC-Bold.ttf
var serifBoldFile []byte

//go:embed NotoSansSC-Medium.ttf
var sansMediumFile []byte

//go:embed LXGWWenKai-Regular.ttf
var wenkaiFile []byte

// Face is a use of type in an official document.
type Face int

const (
	Body       Face = iota // 仿宋: body text, tables and folios
	Heading                // 黑体: first-level headings (一、), table headers
	Subheading             // 楷体: second-level headings (（一）)
	Title                  // 小标宋: the title
	faces
)

// faceInfo says what each face is called and which fonts can take it.
var faceInfo = [faces]struct {
	role, style string // 正文, 仿宋
	// words are the lower-case words one of a font's family names
	// contains when it is of this style, most usual first: 仿宋 (SimFang
	// in Chinese), fangsong (its English name, and 仿宋_GB2312's).
	words    []string
	embedded func() *Font
}{
	Body:       {"正文", "仿宋", []string{"仿宋", "fangsong"}, serifRegular},
	Heading:    {"一级标题", "黑体", []string{"黑体", "simhei", "heiti", "fzhei"}, sansMedium},
	Subheading: {"二级标题", "楷体", []string{"楷体", "kaiti", "fzkai"}, wenkai},
	Title:      {"标题", "小标宋", []string{"小标宋", "xiaobiaosong"}, serifBold},
}

// String is the style a face is set in: 仿宋, 黑体, 楷体, 小标宋.
func (f Face) String() string { return faceInfo[f].style }

// A Font is one font file, laid out for fpdf (see forFpdf). Fonts are
// shared by every document that uses them and never change.
type Font struct {
	// Name is the font's name in a PDF, ASCII (pdffonts shows it):
	// NotoSerifSC, SimFang.
	Name string
	// Family is the family name a person reads: 仿宋, Noto Serif SC.
	Family string
	// File is the path the font was read from; "" for an embedded font.
	File string

	data   []byte
	widths []uint16 // see widths
}

// Bytes returns the font file for fpdf's AddUTF8FontFromBytes. The bytes
// are shared and must not be modified; fpdf does not (see forFpdf).
func (f *Font) Bytes() []byte { return f.data }

// Has reports whether the font draws r. It is false above U+FFFF: fpdf
// reads only the cmap's Basic Multilingual Plane subtable (format 4).
func (f *Font) Has(r rune) bool { return r >= 0 && r <= 0xFFFF && f.widths[r] != 0 }

// Width is the advance of r in thousandths of an em, exactly as fpdf
// measures it; 0 if the font does not have r.
func (f *Font) Width(r rune) int {
	if !f.Has(r) || f.widths[r] == zeroWidth {
		return 0
	}
	return int(f.widths[r])
}

// load lays font out for fpdf and reads its widths.
func load(font []byte, name, family, file string) (*Font, error) {
	if err := usable(font); err != nil {
		return nil, err
	}
	data, err := forFpdf(font)
	if err != nil {
		return nil, err
	}
	w, err := widths(data)
	if err != nil {
		return nil, err
	}
	return &Font{Name: name, Family: family, File: file, data: data, widths: w}, nil
}

// embedded returns a function loading an embedded font once.
func embedded(file *[]byte, name, family string) func() *Font {
	return sync.OnceValue(func() *Font {
		f, err := load(*file, name, family, "")
		if err != nil {
			panic("fonts: " + family + ": " + err.Error())
		}
		return f
	})
}

var (
	serifRegular = embedded(&serifRegularFile, "NotoSerifSC", "Noto Serif SC")
	serifBold    = embedded(&serifBoldFile, "NotoSerifSCBold", "Noto Serif SC Bold")
	sansMedium   = embedded(&sansMediumFile, "NotoSansSC", "Noto Sans SC Medium")
	wenkai       = embedded(&wenkaiFile, "LXGWWenKai", "LXGW WenKai（霞鹜文楷）")
)

// A Set is the fonts of a document, one per face.
type Set struct {
	fonts [faces]*Font
}

// Embedded returns the fonts embedded in xxgk: the same on every machine.
func Embedded() *Set {
	s := &Set{}
	for f := range faces {
		s.fonts[f] = faceInfo[f].embedded()
	}
	return s
}

// Font returns the font of face f.
func (s *Set) Font(f Face) *Font { return s.fonts[f] }

// Chain returns the fonts face f is drawn with, in order: a character is
// drawn in the first that has it. After the face's own font come the body
// font and the embedded serif, so that a character of a heading never
// becomes a box while the body font has it.
func (s *Set) Chain(f Face) []*Font {
	chain := []*Font{s.fonts[f]}
	for _, next := range []*Font{s.fonts[Body], serifRegular()} {
		if !slices.Contains(chain, next) {
			chain = append(chain, next)
		}
	}
	return chain
}

// Has reports whether any font of the set draws r: what the body face
// cannot draw, no face can.
func (s *Set) Has(r rune) bool { return s.fonts[Body].Has(r) || serifRegular().Has(r) }

// String says which font each face is set in, for the document's
// properties: 正文：仿宋（simfang.ttf）；一级标题：…; an embedded font is
// named as such: 正文：Noto Serif SC（内置，代仿宋）.
func (s *Set) String() string {
	var parts []string
	for f := range faces {
		font := s.fonts[f]
		where := "内置，代" + faceInfo[f].style
		if font.File != "" {
			where = filepath.Base(font.File)
		}
		parts = append(parts, fmt.Sprintf("%s：%s（%s）", faceInfo[f].role, font.Family, where))
	}
	return strings.Join(parts, "；")
}
