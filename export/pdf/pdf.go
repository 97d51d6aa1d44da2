// Package pdf writes print-ready summaries (数据摘要) of annual reports,
// and of roll-ups of many agencies' reports (汇总, WriteRollup) and
// comparisons of two years (WriteComparison), as PDF, for staff who print,
// sign and file them and auditors who search and copy their text.
//
// The page follows GB/T 9704-2012 (党政机关公文格式) as far as a data
// summary can: A4, the standard margins, nothing in them but the folio
// "— 1 —" in 四号 on the outer side (odd pages right, even pages left);
// the title in 二号小标宋, the body in 三号仿宋 on the standard grid (22 lines
// of 28 characters), first-level headings (一、) in 黑体 and second-level
// ones (（一）) in 楷体, tables smaller (五号/小五) as offices set them. A
// table too wide for portrait goes on a landscape page, which reads as a
// portrait page turned with the table's top at the binding edge (GB/T 9704
// §10.3): its margins and folio turn with it.
//
// The fonts are those of an office PC when Options.Fonts has them (see
// xxgk/fonts), else open-licence ones embedded in xxgk; they are embedded
// in every file (subset to the glyphs used), so that the text extracts
// exactly, and the document's Subject names them. Lines are broken by
// breakLines, not by fpdf, which loses characters at breaks between
// Chinese characters.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"xxgk"
	"xxgk/fonts"
)

// Options control how PDFs are written.
type Options struct {
	// Created is written as the creation and modification date so output is
	// reproducible; zero means a fixed 2000-01-01.
	Created time.Time
	// Fonts are the fonts to set the text in (fonts.Find finds an office
	// PC's); nil means the embedded ones, the same on every machine.
	Fonts *fonts.Set
}

// Page geometry in millimetres (GB/T 9704-2012 §5.2: 天头 37 mm, 订口 28 mm;
// the text area 156 mm × 225 mm leaves 26 mm right and 35 mm bottom).
const pageW, pageH = 210.0, 297.0

// frame is the margins of a page.
type frame struct{ top, right, bottom, left float64 }

var (
	portrait = frame{top: 37, right: 26, bottom: 35, left: 28}
	// A landscape page is a portrait one turned a quarter left: its left
	// edge is the foot, its top the binding edge (订口).
	landscape = frame{top: portrait.left, right: portrait.top, bottom: portrait.right, left: portrait.bottom}
)

// Folios (GB/T 9704 §7.5): 四号, with a 一字线 each side, 7 mm below the
// text area, one character in from its outer edge.
const (
	folioDY     = 7.0
	folioFormat = "— %d —"
)

// Type sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9.
const (
	sizeTitle = 22.0
	sizeBody  = 16.0
	sizeFolio = 14.0
	sizeNote  = 12.0
	sizeTable = 10.5
	sizeSmall = 9.0
)

// bodyPitch is the line pitch of 三号 text in multiples of its size: 22
// lines to the 225 mm of the text area (GB/T 9704 §5.2.2).
const bodyPitch = 225.0 / 22 / (sizeBody * ptToMM)

const ptToMM = 25.4 / 72

// A look is how a kind of text is set.
type look struct {
	face   fonts.Face
	size   float64 // points
	pitch  float64 // line pitch in multiples of the size
	align  string  // L, C or R
	indent float64 // first-line indent in characters
}

var (
	lookTitle      = look{fonts.Title, sizeTitle, 1.45, "C", 0}
	lookHeading    = look{fonts.Heading, sizeBody, bodyPitch, "L", 2}
	lookSubheading = look{fonts.Subheading, sizeBody, bodyPitch, "L", 2}
	lookBody       = look{fonts.Body, sizeBody, bodyPitch, "L", 2}
	// Notes on a table or chart, smaller like the table.
	lookNote = look{fonts.Body, sizeNote, 1.5, "L", 2}
	// The unit above a table, at its right.
	lookUnit = look{fonts.Body, sizeNote, 1.5, "R", 0}
)

// WriteReports writes one PDF for the reports (at least one), each report
// starting on a new page: title, source, key figures, official tables,
// a chart of how requests were handled and the findings.
func WriteReports(w io.Writer, reports []*xxgk.Report, opt Options) (err error) {
	if len(reports) == 0 {
		return errors.New("pdf: no reports")
	}
	for i, r := range reports {
		if r == nil {
			return fmt.Errorf("pdf: report %d is nil", i)
		}
	}
	return render(w, opt, documentTitle(reports), func(d *doc) error {
		for _, r := range reports {
			d.report(r)
			if d.f.Err() {
				return fmt.Errorf("pdf: %s: %w", r.Source.Path, d.f.Error())
			}
		}
		return nil
	})
}

// render makes a document, has draw fill it and writes it to w.
func render(w io.Writer, opt Options, title string, draw func(*doc) error) (err error) {
	// fpdf panics on some input (runes above U+FFFF, which sanitize
	// replaces, and on its own bugs): a report must never crash the command.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: %v", p)
		}
	}()
	d := newDoc(opt, title)
	if err := draw(d); err != nil {
		return err
	}
	d.need(0) // a heading still waiting
	if d.f.Err() {
		return fmt.Errorf("pdf: %w", d.f.Error())
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

func documentTitle(reports []*xxgk.Report) string {
	if len(reports) == 1 {
		return reportTitle(reports[0])
	}
	return fmt.Sprintf("政府信息公开工作年度报告数据摘要（%d份报告）", len(reports))
}

// doc is a PDF being written.
type doc struct {
	f       *fpdf.Fpdf
	fonts   *fonts.Set
	chains  map[fonts.Face][]*fonts.Font // per face: the fonts it is drawn with (fonts.Set.Chain)
	names   map[*fonts.Font]string       // fonts registered with fpdf, by their family there
	subs    map[int][]rune               // page → characters replaced on it, current report
	sub     int                          // second-level headings drawn in the current section
	waiting []waiting                    // headings to draw with what follows (need)
	face    fonts.Face                   // the current font: face and size in points
	size    float64
	inFpdf  struct { // the font fpdf has selected
		font *fonts.Font
		size float64
	}
	trace func(string) // if set, receives every string drawn (tests)
}

func newDoc(opt Options, title string) *doc {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", SizeStr: "A4", OrientationStr: "P"})
	created := opt.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	created = created.UTC()
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	// Sorted resource catalogs: equal input gives equal bytes.
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetCellMargin(0)                         // text is placed by d.cell, to the point
	f.SetAutoPageBreak(false, portrait.bottom) // pages are broken by need
	f.SetCreator("xxgk", false)
	set := opt.Fonts
	if set == nil {
		set = fonts.Embedded()
	}
	d := &doc{f: f, fonts: set, names: map[*fonts.Font]string{}, chains: map[fonts.Face][]*fonts.Font{}}
	for _, face := range []fonts.Face{fonts.Body, fonts.Heading, fonts.Subheading, fonts.Title} {
		d.chains[face] = set.Chain(face)
	}
	f.SetTitle(d.clean(title, false), true)
	f.SetSubject("字体："+set.String(), true)
	f.SetLang("zh-CN")
	f.SetFooterFunc(d.footer)
	return d
}

// footer draws the folio of the page: — N — below the text area, one
// character in from its outer edge (right on odd pages, left on even). On
// a landscape page it is where the turned portrait page has it: along the
// left edge, reading upwards once the page is turned.
func (d *doc) footer() {
	defer d.keepFont()()
	d.font(fonts.Body, sizeFolio)
	n := d.f.PageNo()
	s := fmt.Sprintf(folioFormat, n)
	w, h := d.measure(s), sizeFolio*ptToMM
	em := sizeFolio * ptToMM // 一字: a character of the folio
	fr := d.frame()
	pw, ph := d.f.GetPageSize()
	odd := n%2 == 1
	if !d.landscape() {
		x := fr.left + em
		if odd {
			x = pw - fr.right - em - w
		}
		// The dashes' top 7 mm below the text area: a dash stands about
		// 0.4 em above the baseline, which fpdf puts 0.8 em below the top.
		d.f.SetXY(x, ph-fr.bottom+folioDY-0.4*em)
		d.cell(w, h, s, "L")
		return
	}
	// Turned: the portrait foot is the left edge, its right the bottom.
	x := fr.left - folioDY + 0.4*em
	y := fr.top + em
	if odd {
		y = ph - fr.bottom - em - w
	}
	d.f.TransformBegin()
	d.f.TransformRotate(-90, x, y)
	d.f.SetXY(x, y)
	d.cell(w, h, s, "L")
	d.f.TransformEnd()
}

// keepFont returns a function restoring d's idea of the font fpdf has:
// fpdf restores its own after the footer.
func (d *doc) keepFont() func() {
	face, size, in := d.face, d.size, d.inFpdf
	return func() { d.face, d.size, d.inFpdf = face, size, in }
}

// font makes face at size points the current font.
func (d *doc) font(face fonts.Face, size float64) { d.face, d.size = face, size }

// use selects font at the current size in fpdf, registering it first.
// fpdf writes a font change into the page even when nothing changes, and
// tables draw cell by cell: an unchanged font is not selected again.
func (d *doc) use(font *fonts.Font) {
	if d.inFpdf.font == font && d.inFpdf.size == d.size {
		return
	}
	name, ok := d.names[font]
	if !ok {
		name = font.Name
		for taken := true; taken; {
			taken = false
			for _, other := range d.names {
				taken = taken || strings.EqualFold(other, name)
			}
			if taken {
				name += "X"
			}
		}
		d.names[font] = name
		d.f.AddUTF8FontFromBytes(name, "", font.Bytes())
	}
	d.f.SetFont(name, "", d.size)
	d.inFpdf.font, d.inFpdf.size = font, d.size
}

// lineHeight is the line pitch of the current font in millimetres.
func (d *doc) lineHeight(factor float64) float64 { return d.size * ptToMM * factor }

// run is a piece of text drawn in one font, w millimetres wide.
type run struct {
	font *fonts.Font
	text string
	w    float64
}

// runs cuts s into the pieces drawn in each font of the current face's
// chain: a character goes to the first font that has it.
func (d *doc) runs(s string) []run {
	chain := d.chains[d.face]
	scale := d.size * ptToMM / 1000
	var out []run
	start := 0
	for i, r := range s {
		font := chain[0]
		for _, f := range chain {
			if f.Has(r) {
				font = f
				break
			}
		}
		w := float64(font.Width(r)) * scale
		if n := len(out); n > 0 && out[n-1].font == font {
			out[n-1].w += w
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].text = s[start:i]
		}
		out = append(out, run{font: font, w: w})
		start = i
	}
	if n := len(out); n > 0 {
		out[n-1].text = s[start:]
	}
	return out
}

// measure is the width of s in the current font, as it will be drawn.
func (d *doc) measure(s string) float64 {
	chain := d.chains[d.face]
	w := 0
	for _, r := range d.clean(s, false) {
		for _, f := range chain {
			if f.Has(r) {
				w += f.Width(r)
				break
			}
		}
	}
	return float64(w) * d.size * ptToMM / 1000
}

// frame is the margins of the current page.
func (d *doc) frame() frame {
	if d.landscape() {
		return landscape
	}
	return portrait
}

// left is the left edge of the text area of the current page.
func (d *doc) left() float64 { return d.frame().left }

// top is the top of the text area of the current page.
func (d *doc) top() float64 { return d.frame().top }

// textWidth is the width of the text area of the current page.
func (d *doc) textWidth() float64 {
	w, _ := d.f.GetPageSize()
	fr := d.frame()
	return w - fr.left - fr.right
}

// bottom is the lowest y text may reach on the current page.
func (d *doc) bottom() float64 {
	_, h := d.f.GetPageSize()
	return h - d.frame().bottom
}

// addPage starts a page in the orientation asked for.
func (d *doc) addPage(landscape bool) {
	orient := "P"
	if landscape {
		orient = "L"
	}
	d.f.AddPageFormat(orient, fpdf.SizeType{Wd: pageW, Ht: pageH})
	fr := d.frame()
	d.f.SetMargins(fr.left, fr.top, fr.right)
	d.f.SetXY(fr.left, fr.top)
}

func (d *doc) landscape() bool {
	w, h := d.f.GetPageSize()
	return w > h
}

// need starts a new page (same orientation) unless h millimetres fit below
// the current position, after the headings waiting to be drawn: they are
// drawn first, so that a heading stays with what follows it.
func (d *doc) need(h float64) {
	waiting := d.waiting
	d.waiting = nil
	face, size := d.face, d.size
	for _, w := range waiting {
		h += d.headingHeight(w)
	}
	if d.f.GetY()+h > d.bottom() && d.f.GetY() > d.top() {
		d.addPage(d.landscape())
	}
	for _, w := range waiting {
		if d.f.GetY() > d.top() {
			d.space(w.before)
		}
		d.text(w.look, w.text)
	}
	d.font(face, size)
}

// waiting is a heading not drawn until what follows it is.
type waiting struct {
	look   look
	text   string
	before float64 // space above it, in millimetres
}

// headingHeight is the height of a waiting heading.
func (d *doc) headingHeight(w waiting) float64 {
	face, size := d.face, d.size
	defer d.font(face, size)
	d.font(w.look.face, w.look.size)
	indent := w.look.indent * w.look.size * ptToMM
	n := len(breakIndented(w.text, d.textWidth()-indent, d.textWidth(), d.measure))
	return w.before + float64(n)*d.lineHeight(w.look.pitch)
}

// cell draws one line of text (never wrapped) in the current font at the
// current position, aligned in a box w wide and h high (L, C or R), and
// leaves the position at the box's right edge.
func (d *doc) cell(w, h float64, s, align string) {
	s = d.clean(s, true)
	if d.trace != nil {
		d.trace(s)
	}
	x0, y := d.f.GetXY()
	runs := d.runs(s)
	total := 0.0
	for _, r := range runs {
		total += r.w
	}
	x := x0
	switch align {
	case "C":
		x += (w - total) / 2
	case "R":
		x += w - total
	}
	for _, r := range runs {
		d.use(r.font)
		d.f.SetXY(x, y)
		d.f.CellFormat(r.w, h, r.text, "", 0, "L", false, 0, "")
		x += r.w
	}
	d.f.SetXY(x0+w, y)
}

// text draws text set as l, wrapped to the text width with breakLines,
// starting a new page where a line does not fit.
func (d *doc) text(l look, text string) {
	d.font(l.face, l.size)
	indent := l.indent * l.size * ptToMM
	d.lines(breakIndented(text, d.textWidth()-indent, d.textWidth(), d.measure), l, indent)
}

// lines draws lines of text in the current font, one below the other,
// starting a new page where a line does not fit; the first is indent
// millimetres in.
func (d *doc) lines(lines []string, l look, indent float64) {
	lh := d.lineHeight(l.pitch)
	w := d.textWidth()
	for i, line := range lines {
		d.need(lh)
		x := d.left()
		if i == 0 {
			x += indent
		}
		d.f.SetX(x)
		d.cell(w-(x-d.left()), lh, trimSpaces(line), l.align)
		d.f.Ln(lh)
	}
}

func (d *doc) space(mm float64) { d.f.SetY(d.f.GetY() + mm) }
