// Package pdf writes print-ready summaries (数据摘要) of annual reports,
// and of roll-ups of many agencies' reports (汇总, WriteRollup), as PDF, for
// staff who print, sign and file them and auditors who search and copy
// their text. The page follows GB/T 9704-2012 (党政机关公文格式) as far
// as a data summary can: A4 portrait, the standard margins, a bold 二号
// title, 三号/四号 body text, 四号 page numbers "— 1 —" centred at the foot.
//
// Text is set in the embedded Noto Serif SC subsets of xxgk/fonts, embedded
// (subset to the glyphs used) in every file, so that the text extracts
// exactly. Lines are broken by breakLines, not by fpdf, which loses
// characters at breaks between Chinese characters.
package pdf

import (
	"errors"
	"fmt"
	"io"
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
}

// Page geometry in millimetres (GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口
// 28 mm; the text area 156 mm × 225 mm leaves 26 mm right and 35 mm bottom).
const (
	pageW, pageH = 210.0, 297.0
	marginTop    = 37.0
	marginBottom = 35.0
	marginLeft   = 28.0
	marginRight  = 26.0
	// The header rule sits above the text area, the page number 7 mm
	// below it (GB/T 9704 §7.5).
	ruleY   = marginTop - 6
	folioDY = 7.0
)

// Type sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5.
const (
	sizeTitle   = 22.0
	sizeHeading = 16.0
	sizeBody    = 14.0
	sizeTable   = 10.5
	sizeSmall   = 9.0
	sizeFolio   = 14.0
)

const ptToMM = 25.4 / 72

// family is the name the embedded fonts are registered under; pdffonts
// shows it (utf8NotoSerifSC).
const family = fonts.Family

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
	running string         // the running title of the current report
	subs    map[int][]rune // page → characters replaced on it, current report
	size    float64        // current font size in points
	bold    bool
	trace   func(string) // if set, receives every string drawn (tests)
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
	// fpdf writes into the font bytes it is given: a fresh copy per document.
	f.AddUTF8FontFromBytes(family, "", fonts.Regular())
	f.AddUTF8FontFromBytes(family, "B", fonts.Bold())
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom) // pages are broken by need
	f.SetCreator("xxgk", false)
	d := &doc{f: f}
	f.SetTitle(d.clean(title, false), true)
	f.SetLang("zh-CN")
	f.SetHeaderFunc(d.header)
	f.SetFooterFunc(d.footer)
	return d
}

// header draws the running title and the rule under it.
func (d *doc) header() {
	defer d.keepFont()()
	w, _ := d.f.GetPageSize()
	l, _, r, _ := d.f.GetMargins()
	d.font(sizeSmall, false)
	d.f.SetXY(l, ruleY-5.5)
	d.cell(w-l-r, 5, d.running, "R")
	d.f.SetLineWidth(0.35)
	d.f.Line(l, ruleY, w-r, ruleY)
}

// footer draws the page number — N — centred below the text area.
func (d *doc) footer() {
	defer d.keepFont()()
	w, h := d.f.GetPageSize()
	d.font(sizeFolio, false)
	d.f.SetXY(0, h-marginBottom+folioDY)
	d.cell(w, sizeFolio*ptToMM, fmt.Sprintf("— %d —", d.f.PageNo()), "C")
}

// keepFont returns a function restoring the current font: fpdf restores
// its own after the header and footer, d must follow.
func (d *doc) keepFont() func() {
	size, bold := d.size, d.bold
	return func() {
		if size > 0 {
			d.font(size, bold)
		}
	}
}

// font selects the embedded font at size points. fpdf writes a font
// change into the page even when nothing changes, and tables select the
// font per cell: an unchanged font is not selected again.
func (d *doc) font(size float64, bold bool) {
	if size == d.size && bold == d.bold {
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	d.f.SetFont(family, style, size)
	d.size, d.bold = size, bold
}

// lineHeight is the line pitch of the current font in millimetres.
func (d *doc) lineHeight(factor float64) float64 { return d.size * ptToMM * factor }

// measure is the width of s in the current font, as it will be drawn.
func (d *doc) measure(s string) float64 { return d.f.GetStringWidth(d.clean(s, false)) }

// textWidth is the width of the text area of the current page.
func (d *doc) textWidth() float64 {
	w, _ := d.f.GetPageSize()
	l, _, r, _ := d.f.GetMargins()
	return w - l - r
}

// bottom is the lowest y text may reach on the current page.
func (d *doc) bottom() float64 {
	_, h := d.f.GetPageSize()
	return h - marginBottom
}

// addPage starts a page in the orientation asked for.
func (d *doc) addPage(landscape bool) {
	orient := "P"
	if landscape {
		orient = "L"
	}
	d.f.AddPageFormat(orient, fpdf.SizeType{Wd: pageW, Ht: pageH})
	d.f.SetXY(marginLeft, marginTop)
}

func (d *doc) landscape() bool {
	w, h := d.f.GetPageSize()
	return w > h
}

// need starts a new page (same orientation) unless h millimetres fit below
// the current position.
func (d *doc) need(h float64) {
	if d.f.GetY()+h > d.bottom() {
		d.addPage(d.landscape())
	}
}

// cell draws one line of text (never wrapped) at the current position.
func (d *doc) cell(w, h float64, s, align string) {
	s = d.clean(s, true)
	if d.trace != nil {
		d.trace(s)
	}
	d.f.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// paragraph draws text wrapped to the text width with breakLines, starting
// a new page where a line does not fit; indent is the first-line indent in
// characters (GB/T 9704 body paragraphs indent two).
func (d *doc) paragraph(text string, size float64, bold bool, align string, factor float64) {
	d.font(size, bold)
	d.lines(breakLines(text, d.textWidth(), d.measure), align, factor)
}

// lines draws lines of text in the current font, one below the other,
// starting a new page where a line does not fit.
func (d *doc) lines(lines []string, align string, factor float64) {
	lh := d.lineHeight(factor)
	w := d.textWidth()
	for _, line := range lines {
		d.need(lh)
		d.f.SetX(marginLeft)
		d.cell(w, lh, trimSpaces(line), align)
		d.f.Ln(lh)
	}
}

func (d *doc) space(mm float64) { d.f.SetY(d.f.GetY() + mm) }
