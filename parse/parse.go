// Package parse reads annual reports as they really come (web-page text,
// saved HTML, .docx, .doc, PDF, the filled .xlsx form; UTF-8, UTF-16 or
// GB18030) into the xxgk model: the format packages turn the bytes into a
// document, and the extraction reads metadata, tables and prose from it.
// It reads and does not audit: the findings it records are about reading
// (what could not be read, and why); the arithmetic is check's job, and
// package load composes the two.
package parse

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"xxgk"
	"xxgk/document"
	"xxgk/extract/meta"
	"xxgk/extract/prose"
	"xxgk/extract/table"
	"xxgk/format"
	"xxgk/internal/arena"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// ErrUnreadable is wrapped by every error about input that is not a report
// xxgk can read (binary data, an empty file, an unknown encoding, a
// document that is not an annual report).
var ErrUnreadable = format.ErrUnreadable

// Parse reads one report. path is used for the Source and in messages only;
// the format is told by the bytes, whatever the file is called. data must
// not be modified until Parse returns; the report keeps nothing of it.
func Parse(path string, data []byte) (*xxgk.Report, error) {
	doc, err := format.Read(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	src := xxgk.Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Encoding: doc.Encoding, Kind: doc.Kind}
	return fromBlocks(path, src, doc)
}

// fromBlocks reads the report of a document of blocks.
func fromBlocks(path string, src xxgk.Source, doc *document.Document) (*xxgk.Report, error) {
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("%s: 没有可读的文字内容: %w", path, ErrUnreadable)
	}
	r, cells := fromDocument(src, doc)
	switch {
	case r.Form == xxgk.FormNarrative && doc.Form: // no form read: cells is nil
		// A blank form is a form: it is read, with the finding that says so.
		return nil, fmt.Errorf("%s: 不是 xxgk 能识别的统计表（未找到官方表格的行名）: %w", path, ErrUnreadable)
	case r.Form == xxgk.FormNarrative && !mentionsDisclosure(doc):
		return nil, fmt.Errorf("%s: 不是政府信息公开工作年度报告（通篇没有“信息公开”“政务公开”等字样）: %w", path, ErrUnreadable)
	}
	if doc.Form {
		// fromForm changes a workbook's cells in the report's map: it is
		// made first, and detached with the report's.
		r.Cells = cells.Map()
		cells.Release()
		cells = nil
		fromForm(r, doc)
	}
	r.Findings = append(r.Findings, doc.Findings...)
	sortFindings(r.Findings)
	detach(r, cells)
	return r, nil
}

// detach copies the report's strings out of the decoded document (package
// arena says why), and makes its Cells of cells (nil when they are in
// r.Cells already). The cells are detached in their slots, before their
// map is made: a value copied out of a map and stored back cost more
// than its strings.
func detach(r *xxgk.Report, cells *table.Cells) {
	arena.DetachReport(r, cells.Values())
	if cells != nil {
		r.Cells = cells.Map()
		cells.Release()
	}
}

// disclosureWords are words no disclosure report can do without. A file
// with none of them (a README, a spreadsheet saved as text, another kind of
// document) is not a report: reading it would only produce an empty one.
var disclosureWords = []string{"信息公开", "政务公开", "依申请公开", "主动公开", "信息公開", "政務公開"}

func mentionsDisclosure(doc *document.Document) bool {
	if strs.ContainsAny(doc.Title, disclosureWords) {
		return true
	}
	for _, b := range doc.Blocks {
		if b.Table == nil && strs.ContainsAny(b.Text, disclosureWords) {
			return true
		}
	}
	return false
}

// fromDocument reads the report held by doc: its metadata, then its
// tables, then the figures its prose states. The cells of the tables are
// returned apart, not yet in the report's Cells (detach puts them there);
// cells is nil when no form was read.
func fromDocument(src xxgk.Source, doc *document.Document) (r *xxgk.Report, cells *table.Cells) {
	r = xxgk.NewReport(src)
	simple := simplifiedDoc(doc)
	m, findings := meta.Read(simple)
	r.Agency, r.Year, r.Published = m.Agency, m.Year, m.Published
	r.AgencyEvidence, r.YearEvidence, r.PublishedEvidence = m.AgencyEvidence, m.YearEvidence, m.PublishedEvidence
	r.Findings = append(r.Findings, findings...)

	tabs := table.Read(doc, r.Year)
	if tabs.Form != "" {
		r.Form = tabs.Form
		r.Figures = tabs.Cells.Figures() // the report's, empty so far: no copy
	}
	var figures map[string]xxgk.Value
	var fs []xxgk.Finding
	if !m.NotReport {
		// A document that is not an annual report contributes no figures.
		place := func(e xxgk.Evidence) string { return e.Place(src) }
		figures, fs = prose.Figures(doc, simple, r.Year, r.Figures, place)
		// What the prose states may settle digits the tables' identities
		// left unsplit; the cells then give the figures.
		if tabs.Settle(figures, place) {
			for k, v := range tabs.Cells.Figures() {
				if _, ok := r.Figures[k]; !ok {
					figures[k] = v
				}
			}
		}
	} else {
		tabs.Settle(nil, nil) // nothing to settle: its buffers go back for the next document
	}
	r.Findings = append(r.Findings, tabs.Findings...)
	r.Figures = mergeFigures(r.Figures, figures)
	r.Findings = append(r.Findings, fs...)
	return r, tabs.Cells // its findings unsorted: fromBlocks sorts them with the document's
}

// mergeFigures returns the figures of tables and of prose together, the
// prose's where both have a key. It adds the smaller map to the larger:
// adding prose's figures to the tables' grew the map, two or three
// allocations a report. Both maps are the parse's own.
func mergeFigures(tables, prose map[string]xxgk.Value) map[string]xxgk.Value {
	if len(prose) <= len(tables) {
		maps.Copy(tables, prose)
		return tables
	}
	for k, v := range tables {
		if _, ok := prose[k]; !ok {
			prose[k] = v
		}
	}
	return prose
}

// simplifiedDoc returns doc with its paragraphs in simplified characters,
// for the metadata rules, which are written in them (攸縣人民政府 is
// 攸县人民政府), and for the prose reader, which reads its sentences in
// them (prose.FoldedDoc: one fold serves both). It returns doc itself
// when nothing is traditional: at once when the reader saw so
// (Document.Simplified).
func simplifiedDoc(doc *document.Document) *document.Document {
	if doc.Simplified {
		return doc
	}
	out := prose.FoldedDoc(doc)
	if out == doc {
		return doc
	}
	out.Title = zh.FoldHan(doc.Title)
	return out
}

// sortFindings orders findings by line, then rule, so output is stable.
// (slices.SortStableFunc, not sort.SliceStable: the latter allocated its
// swapper and closure, two of a report's allocations each call.)
func sortFindings(fs []xxgk.Finding) {
	slices.SortStableFunc(fs, func(a, b xxgk.Finding) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
}
