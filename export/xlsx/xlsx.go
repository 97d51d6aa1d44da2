// Package xlsx writes reports, roll-ups of many reports (汇总) and empty
// official forms as Excel workbooks laid out like the printed forms
// (政府信息公开工作年度报告统计表), for office staff who read them in Excel
// or WPS and auditors who check them.
//
// Every sheet is built in memory as a small grid (labels, numbers, merges,
// comments) and then written with excelize's StreamWriter, which puts a
// formula and its cached value into the same cell: readers that do not
// recalculate (Protected View, openpyxl data_only, pandas) see the numbers
// Excel would compute.
package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/export/layout"
	"xxgk/templates"
	"xxgk/workbook"
)

// Options control how workbooks are written.
type Options struct {
	// Created is written as the workbook's creation and modification time so output is reproducible; zero means a fixed 2000-01-01.
	Created time.Time
	// AgencySheets adds to a roll-up each agency's official sheets
	// (WriteRollup), three per agency of a national form.
	AgencySheets bool
	// TempDir, when set, is a folder for the temporary files a large
	// workbook needs while it is written: excelize's sheets past 16 MB and
	// a roll-up's package (tens of MB for a country, which would otherwise
	// sit in memory beside the sheets). The caller makes and removes it,
	// so that an interrupted run removes them too. "": excelize's go to the
	// system's temporary folder, the package stays in memory.
	TempDir string
}

// WriteReports writes one workbook for the reports (at least one).
//
// One report: its official tables (表二/表三/表四 for the national forms,
// 统计表 for the others; none for a narrative report), 主要指标 and 核查.
// Several reports: 主要指标 and 核查 come first and hold one block (主要指标)
// or one 报告 column (核查) per report, followed by each report's tables
// under a short agency+year tag.
func WriteReports(w io.Writer, reports []*xxgk.Report, opt Options) error {
	if len(reports) == 0 {
		return errors.New("xlsx: no reports")
	}
	for i, r := range reports {
		if r == nil {
			return fmt.Errorf("xlsx: report %d is nil", i)
		}
	}
	b, err := newBook(opt, docProps{title: "政府信息公开工作年度报告数据", kind: workbook.Reports})
	if err != nil {
		return err
	}
	defer b.f.Close()
	multi := len(reports) > 1
	if multi {
		if err := b.add(workbook.FiguresSheet, figuresSheet(reports)); err != nil {
			return err
		}
		if err := b.add(workbook.FindingsSheet, findingsSheet(reports)); err != nil {
			return err
		}
	}
	for _, r := range reports {
		if err := b.addReportSheets(r, multi); err != nil {
			return err
		}
	}
	if !multi {
		if err := b.add(workbook.FiguresSheet, figuresSheet(reports)); err != nil {
			return err
		}
		if err := b.add(workbook.FindingsSheet, findingsSheet(reports)); err != nil {
			return err
		}
	}
	return b.write(w)
}

// addReportSheets adds the official tables of a report (none for a
// narrative report); tagged names them after the agency and year, as in a
// workbook of several reports.
func (b *book) addReportSheets(r *xxgk.Report, tagged bool) error {
	form := templates.FormByID(r.Form)
	if form == nil {
		return nil // narrative or unknown form: no official table to draw
	}
	for _, g := range layout.Groups(form) {
		fg := buildForm(g, formHeader{agency: r.Agency, year: r.Year})
		fillReport(fg, r)
		name := g.Section.Name
		if tagged {
			name = reportTag(r) + " " + g.Section.Short
		}
		if err := b.add(name, fg.grid); err != nil {
			return err
		}
	}
	return nil
}

// WriteTemplate writes the empty official form formID (any form of
// formats.json; xxgk template offers those templates.BlankForms lists) for
// staff to fill in.
//
// The first sheet, 填表说明, holds the cells where the agency and the year
// are typed, once, and how to fill the form. Then the sheets WriteReports
// draws for a report of the form, with the same labels in the same cells,
// so one reader reads both; their 填报单位 and 报告年度 show what was typed
// on 填表说明. Labels and totals are locked (sheet protection without
// password); input cells are unlocked and validated. Below a table whose
// rows must balance (表三: 一 + 二 = 三（七）+ 四), a 核对 row shows 平衡 or
// the difference in each column.
func WriteTemplate(w io.Writer, formID string, opt Options) error {
	form := templates.FormByID(formID)
	if form == nil {
		return fmt.Errorf("xlsx: unknown form %q", formID)
	}
	b, err := newBook(opt, docProps{title: "政府信息公开工作年度报告统计表", subject: form.Name, kind: workbook.Template, form: form.ID})
	if err != nil {
		return err
	}
	defer b.f.Close()
	if err := b.add(workbook.InstructionsSheet, instructionsSheet(form)); err != nil {
		return err
	}
	for _, g := range layout.Groups(form) {
		fg := buildForm(g, formHeader{template: true})
		fillTemplate(fg)
		var tables []*templates.Table
		for _, t := range g.Tables {
			tables = append(tables, t.Table)
		}
		fg.addChecks(tables)
		if err := b.add(g.Section.Name, fg.grid); err != nil {
			return err
		}
	}
	// A workbook-level name a reader can find without parsing sheets.
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: workbook.FormName, RefersTo: `"` + form.ID + `"`,
		Comment: "xxgk 填报模板的表式"}); err != nil {
		return err
	}
	return b.write(w)
}

// book is a workbook being written.
type book struct {
	f      *excelize.File
	st     *styles
	names  *sheetNamer
	sheets int
	notes  []sheetNotes // comments of the sheets that have any, in order
	titles []printTitle // rows repeated on the printed pages of the sheets that have any
	opt    Options
}

// newBook starts a workbook with the document properties p.
func newBook(opt Options, p docProps) (*book, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: opt.TempDir})
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newZipWriter(w) })
	// The Normal style's font: cells we do not style (and comments) use it.
	if err := f.SetDefaultFont(fontName); err != nil {
		f.Close()
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	b := &book{f: f, st: st, names: newSheetNamer(), opt: opt}
	if err := b.setProps(p); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

// docProps are a workbook's document properties; kind and form are those
// of package workbook.
type docProps struct{ title, subject, kind, form string }

func (b *book) setProps(p docProps) error {
	created := b.opt.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	stamp := created.UTC().Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title: p.title, Subject: p.subject, Creator: "xxgk", LastModifiedBy: "xxgk",
		Created: stamp, Modified: stamp, Language: "zh-CN",
	}); err != nil {
		return err
	}
	if err := b.f.SetCustomProps(excelize.CustomProperty{Name: workbook.Property, Value: p.kind}); err != nil {
		return err
	}
	if p.form != "" {
		return b.f.SetCustomProps(excelize.CustomProperty{Name: workbook.FormName, Value: p.form})
	}
	return nil
}

// add writes g as the next sheet, named after want made valid and unique.
func (b *book) add(want string, g *grid) error {
	name := b.names.name(want)
	if b.sheets == 0 {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	b.sheets++
	if err := g.setup(b.f, name); err != nil {
		return err
	}
	if ref := g.printTitles(name); ref != "" {
		b.titles = append(b.titles, printTitle{index: b.sheets - 1, ref: ref})
	}
	// After setup and before streaming, where AddComment used to be
	// called: the default cell sizes that place the comment boxes.
	colPx, rowPx, err := defaultPixels(b.f, name)
	if err != nil {
		return err
	}
	var notes []note
	if err := g.stream(b.f, b.st, name, &notes); err != nil {
		return err
	}
	if len(notes) > 0 {
		b.notes = append(b.notes, sheetNotes{sheet: name, notes: notes, colPx: colPx, rowPx: rowPx})
	}
	return nil
}

// write saves the workbook with its parts in a fixed order (excelize emits
// streamed sheets in map order, which would make equal input give different
// bytes) and the comments added.
func (b *book) write(w io.Writer) error {
	// The package excelize makes, in its own buffer: WriteTo would copy it
	// into a second one (64 MB for a roll-up of 100,000 agencies).
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return err
	}
	font, err := b.f.GetDefaultFont()
	if err != nil {
		return err
	}
	return writePackage(w, buf.Bytes(), b.notes, b.titles, font)
}

func writePackage(w io.Writer, data []byte, notes []sheetNotes, titles []printTitle, font string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	p := &pkg{files: map[string]*zip.File{}, parts: map[string][]byte{}}
	names := make([]string, 0, len(zr.File))
	for _, f := range zr.File {
		if p.files[f.Name] != nil {
			return fmt.Errorf("xlsx: part %s written twice", f.Name)
		}
		p.files[f.Name] = f
		names = append(names, f.Name)
	}
	if err := p.addComments(notes, font); err != nil {
		return err
	}
	if err := p.addPrintTitles(titles); err != nil {
		return err
	}
	for name := range p.parts {
		if p.files[name] == nil {
			names = append(names, name)
		}
	}
	// [Content_Types].xml first, as Office writes it; then by name.
	slices.SortFunc(names, func(a, b string) int {
		ac, bc := a == "[Content_Types].xml", b == "[Content_Types].xml"
		switch {
		case ac && !bc:
			return -1
		case bc && !ac:
			return 1
		}
		return strings.Compare(a, b)
	})
	zw := newZipWriter(w)
	for _, name := range names {
		data, changed := p.parts[name]
		if !changed {
			if err := zw.Copy(p.files[name]); err != nil {
				return err
			}
			continue
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// newZipWriter is a zip writer that compresses at flate.BestSpeed. The
// default level spends most of a roll-up workbook's writing time in
// deflate (a third of it for 10,000 agencies) to save a fifth of the
// file's size; XML this repetitive still shrinks eightfold.
func newZipWriter(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, _ := flateWriters.Get().(*flate.Writer)
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return &pooledFlate{fw}, nil
	})
	return zw
}

// flateWriters are reused from one part to the next, as archive/zip does
// with its own: a flate.Writer is some 600 KB of tables.
var flateWriters sync.Pool

type pooledFlate struct{ fw *flate.Writer }

func (p *pooledFlate) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooledFlate) Close() error {
	err := p.fw.Close()
	flateWriters.Put(p.fw)
	p.fw = nil
	return err
}

// printTitle is a sheet's _xlnm.Print_Titles: the rows printed at the top
// of each of its pages.
type printTitle struct {
	index int    // the sheet's position in the workbook (localSheetId)
	ref   string // '表三'!$4:$6
}

// addPrintTitles writes the print titles into xl/workbook.xml. They are not
// set with SetDefinedName, which compares each new name with all others by
// sheet name, listing the sheets for each one: cubic in the number of sheets
// (seconds for a workbook of a few hundred). The elements are those
// SetDefinedName writes.
func (p *pkg) addPrintTitles(titles []printTitle) error {
	if len(titles) == 0 {
		return nil
	}
	wb, ok, err := p.read("xl/workbook.xml")
	if err != nil || !ok {
		return errors.Join(errors.New("xlsx: no xl/workbook.xml"), err)
	}
	var b bytes.Buffer
	for _, t := range titles {
		b.WriteString(`<definedName localSheetId="` + strconv.Itoa(t.index) + `" name="_xlnm.Print_Titles">`)
		escapeText(&b, t.ref)
		b.WriteString(`</definedName>`)
	}
	names := b.String()
	if i := bytes.Index(wb, []byte("<definedNames>")); i >= 0 {
		i += len("<definedNames>")
		p.parts["xl/workbook.xml"] = slices.Concat(wb[:i], []byte(names), wb[i:])
		return nil
	}
	i := bytes.Index(wb, []byte("</sheets>"))
	if i < 0 {
		return errors.New("xlsx: xl/workbook.xml has no </sheets>")
	}
	i += len("</sheets>")
	p.parts["xl/workbook.xml"] = slices.Concat(wb[:i], []byte("<definedNames>"+names+"</definedNames>"), wb[i:])
	return nil
}
