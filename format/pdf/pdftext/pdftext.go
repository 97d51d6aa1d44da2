// Package pdftext reads the text layer of PDF files: every glyph drawn,
// with its text (ToUnicode maps, simple encodings, Type0 CJK fonts,
// /ActualText), position and size, and the straight rules drawn (table
// borders), page by page. It is a focused reader for untrusted input: it
// never panics on a malformed file, bounds the pages, operators and bytes
// it decodes, and guards against reference loops.
package pdftext

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// Glyph is one character drawn on a page, in page space: points, origin at
// the bottom left of the page as displayed (crop box and /Rotate applied),
// y upwards.
type Glyph struct {
	Text    string  // its text ("\ufffd" when the font does not say)
	X, Y    float64 // where its baseline starts
	W       float64 // its advance along the baseline
	Size    float64 // its font size
	Upright bool    // drawn left to right, not rotated
	Known   bool    // the text came from the font's maps, not a guess
}

// Segment is a straight horizontal (Y0 == Y1) or vertical (X0 == X1) line
// drawn on a page, with X0 ≤ X1 and Y0 ≤ Y1.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// Page is what one page draws.
type Page struct {
	Width, Height float64
	Glyphs        []Glyph
	Segments      []Segment
	Images        int     // images drawn
	ImageCover    float64 // the largest image's share of the page area, 0 to 1
}

// Document is a PDF's text layer.
type Document struct {
	Title     string // the document information's /Title
	Pages     []Page
	PageCount int // the number of pages
}

// Limits bound the work spent on one file.
type Limits struct {
	MaxPages        int   // pages a file may have
	MaxDecodedBytes int64 // bytes all streams may decompress to
	MaxOperators    int   // content-stream operators over all pages
	MaxGlyphs       int   // glyphs over all pages
}

// DefaultLimits suit annual reports: a few dozen pages, a few MB.
var DefaultLimits = Limits{MaxPages: 2000, MaxDecodedBytes: 200 << 20, MaxOperators: 20_000_000, MaxGlyphs: 5_000_000}

// Errors of Read; each is wrapped with details.
var (
	ErrNotPDF    = errors.New("不是 PDF 文件")
	ErrCorrupt   = errors.New("PDF 文件已损坏或不完整")
	ErrEncrypted = errors.New("PDF 文件已加密")
	ErrTooLarge  = errors.New("PDF 文件超出处理上限")
)

// RecoverPanics turns a panic while reading (a bug met by a malformed
// file) into an ErrCorrupt error. Fuzz tests turn it off to see the bug.
var RecoverPanics = true

// Read reads the text layer of a PDF.
func Read(data []byte, lim Limits) (*Document, error) {
	var pages []Page
	doc, err := ReadPages(data, lim, func(p *Page) {
		if p.Glyphs != nil {
			p.Glyphs = slices.Clone(p.Glyphs)
		}
		if p.Segments != nil {
			p.Segments = slices.Clone(p.Segments)
		}
		pages = append(pages, *p)
	})
	if err != nil {
		return nil, err
	}
	doc.Pages = pages
	return doc, nil
}

// ReadPages reads the text layer of a PDF as Read does, but hands each
// page to page as it is read, in order, rather than keeping it: a
// page's Glyphs and Segments are buffers the next page is drawn into,
// which page must not keep (their texts it may). So the glyphs of a
// document are not copied out of the buffers, nor held all at once. The
// Document returned has no Pages. When it returns an error, the pages
// before the one found at fault may have been handed over. Glyphs is nil
// when the page draws no glyph, as Segments when it draws no rule.
func ReadPages(data []byte, lim Limits, page func(*Page)) (doc *Document, err error) {
	defer func() {
		if !RecoverPanics {
			return
		}
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w（读取时出错：%v）", ErrCorrupt, r)
		}
	}()
	if len(data) < 8 || string(data[:5]) != "%PDF-" {
		return nil, ErrNotPDF
	}
	b := &budget{left: lim.MaxDecodedBytes}
	f, err := open(data, b)
	if err != nil {
		if errors.Is(err, ErrEncrypted) {
			return nil, err
		}
		return nil, fmt.Errorf("%w（%v）", ErrCorrupt, err)
	}
	f.takeBuffers()
	defer f.releaseBuffers()
	doc = &Document{}
	if info := f.dict(f.trailer["Info"]); info != nil {
		if s, ok := f.resolve(info["Title"]).(String); ok {
			doc.Title = textString(s)
		}
	}
	root := f.dict(f.trailer["Root"])
	if root == nil {
		return nil, fmt.Errorf("%w（没有文档目录）", ErrCorrupt)
	}
	pages := f.pageList(root["Pages"], lim.MaxPages)
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w（没有找到任何页面）", ErrCorrupt)
	}
	doc.PageCount = len(pages)
	if len(pages) > lim.MaxPages {
		return nil, fmt.Errorf("%w（超过 %d 页的上限）", ErrTooLarge, lim.MaxPages)
	}
	ops, glyphs := lim.MaxOperators, lim.MaxGlyphs
	for _, p := range pages {
		pg := f.readPage(p, &ops)
		if glyphs -= len(pg.Glyphs); glyphs < 0 {
			return nil, fmt.Errorf("%w（文字超过 %d 个字符）", ErrTooLarge, lim.MaxGlyphs)
		}
		if b.left <= 0 {
			return nil, fmt.Errorf("%w（解压后的数据超过 %d MB）", ErrTooLarge, lim.MaxDecodedBytes>>20)
		}
		if ops <= 0 {
			return nil, fmt.Errorf("%w（页面内容超过 %d 个绘制指令）", ErrTooLarge, lim.MaxOperators)
		}
		page(&pg)
	}
	return doc, nil
}

// buffers are the buffers a file draws glyphs and decodes page content
// into (see readPage and decodePageContent), kept from file to file: the
// first page of each file would grow them from nothing again.
type buffers struct {
	glyphs   []Glyph
	segments []Segment
	content  []byte
	texts    shortTexts // emptied: the table of the short /ActualTexts, grown by the files before
}

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// takeBuffers gives f buffers from the pool.
func (f *file) takeBuffers() {
	b := bufferPool.Get().(*buffers)
	f.glyphs, f.segments, f.contentBuf = b.glyphs[:0], b.segments[:0], b.content[:0]
	f.shortActualTexts = b.texts
	*b = buffers{}
	f.pool = b
}

// Buffers larger than these (a hostile or huge file) are dropped rather
// than kept in the pool.
const (
	maxPooledGlyphs   = 1 << 16
	maxPooledSegments = 1 << 16
	maxPooledContent  = 8 << 20
	maxPooledTexts    = 1 << 15
)

// releaseBuffers returns f's buffers to the pool, the glyphs' texts
// cleared so that the pool keeps no string alive; and its inflater to
// its pool, holding no data.
func (f *file) releaseBuffers() {
	b := buffers{glyphs: f.glyphs[:0], segments: f.segments[:0], content: f.contentBuf[:0]}
	if cap(b.glyphs) > maxPooledGlyphs {
		b.glyphs = nil
	}
	if cap(b.segments) > maxPooledSegments {
		b.segments = nil
	}
	if cap(b.content) > maxPooledContent {
		b.content = nil
	}
	clear(b.glyphs[:cap(b.glyphs)])
	if t := &f.shortActualTexts; len(t.keys) <= maxPooledTexts {
		clear(t.keys)
		clear(t.texts) // no string kept alive
		b.texts = shortTexts{keys: t.keys, texts: t.texts}
	}
	f.shortActualTexts = shortTexts{}
	*f.pool = b
	bufferPool.Put(f.pool)
	f.glyphs, f.segments, f.contentBuf, f.pool = nil, nil, nil, nil
	if f.inflater != nil {
		f.inflater.src.Reset(nil)
		inflaters.Put(f.inflater)
		f.inflater = nil
	}
}

// pageSpace turns user space, the CTM applied, into page space: the
// crop box's corner moved to the origin, the page's /Rotate undone. A
// method, not a closure, so that it is inlined where glyphs are placed.
type pageSpace struct {
	llx, lly, w, h float64
	rot            int
}

func (p *pageSpace) apply(x, y float64) (float64, float64) {
	x, y = x-p.llx, y-p.lly
	switch p.rot {
	case 90:
		return y, p.w - x
	case 180:
		return p.w - x, p.h - y
	case 270:
		return p.h - y, x
	}
	return x, y
}

// pageInfo is a page dictionary with its inherited attributes.
type pageInfo struct {
	dict        Dict
	res         Dict
	media, crop Array
	rotate      int
}

// pageList walks the page tree, guarding against loops and bounding the
// pages collected (one more than max, to tell a cut).
func (f *file) pageList(root any, max int) []pageInfo {
	var out []pageInfo
	seen := map[Ref]bool{}
	var walk func(v any, inh pageInfo, depth int)
	walk = func(v any, inh pageInfo, depth int) {
		if depth > 64 || len(out) > max {
			return
		}
		if r, ok := v.(Ref); ok {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		d := f.dict(v)
		if d == nil {
			return
		}
		if r := f.dict(d["Resources"]); r != nil {
			inh.res = r
		}
		if b := f.array(d["MediaBox"]); len(b) == 4 {
			inh.media = b
		}
		if b := f.array(d["CropBox"]); len(b) == 4 {
			inh.crop = b
		}
		if n, ok := f.num(d["Rotate"]); ok {
			inh.rotate = int(n)
		}
		kids := f.array(d["Kids"])
		if f.name(d["Type"]) == "Page" || (kids == nil && d["Contents"] != nil) {
			inh.dict = d
			out = append(out, inh)
			return
		}
		for _, k := range kids {
			walk(k, inh, depth+1)
		}
	}
	walk(root, pageInfo{}, 0)
	return out
}

func (f *file) readPage(p pageInfo, ops *int) Page {
	llx, lly, urx, ury := 0.0, 0.0, 612.0, 792.0
	box := p.crop
	if box == nil {
		box = p.media
	}
	if len(box) == 4 {
		var v [4]float64
		for i := range 4 {
			v[i], _ = f.num(box[i])
		}
		llx, lly, urx, ury = math.Min(v[0], v[2]), math.Min(v[1], v[3]), math.Max(v[0], v[2]), math.Max(v[1], v[3])
	}
	w, h := urx-llx, ury-lly
	rot := ((p.rotate % 360) + 360) % 360 / 90 * 90
	pg := Page{Width: w, Height: h}
	toPage := pageSpace{llx: llx, lly: lly, w: w, h: h, rot: rot}
	if rot == 90 || rot == 270 {
		pg.Width, pg.Height = h, w
	}
	in := &interp{
		f: f, page: &pg, toPage: toPage, ops: ops,
		fonts: map[any]*font{}, forms: map[*Stream]bool{},
	}
	in.gs = gstate{ctm: identity, th: 1}
	// The glyphs are drawn into the file's buffer, grown by doubling
	// once for all pages, and handed to ReadPages's caller there.
	pg.Glyphs = f.glyphs[:0]
	pg.Segments = f.segments[:0] // so are its rules
	for _, data := range f.contents(p.dict["Contents"]) {
		in.runContent(data, p.res)
	}
	f.glyphs, f.segments = pg.Glyphs[:0], pg.Segments[:0]
	if len(pg.Segments) == 0 {
		pg.Segments = nil
	}
	if !in.drew {
		pg.Glyphs = nil
	}
	return pg
}

// contents returns a page's content streams, decoded. A stream that fails
// to decode gives what was decoded of it.
func (f *file) contents(v any) [][]byte {
	var out [][]byte
	add := func(x any) {
		if s, ok := f.resolve(x).(*Stream); ok {
			if data, _ := f.decodePageContent(s); len(data) > 0 {
				out = append(out, data)
			}
		}
	}
	switch c := f.resolve(v).(type) {
	case *Stream:
		add(c)
	case Array:
		// Content arrays split streams anywhere, even inside a token;
		// join them with a space as the standard says.
		var all []byte
		for _, x := range c {
			if s, ok := f.resolve(x).(*Stream); ok {
				if data, _ := f.decodePageContent(s); len(data) > 0 {
					all = append(all, data...)
					all = append(all, ' ')
				}
			}
		}
		if len(all) > 0 {
			out = append(out, all)
		}
	}
	return out
}
