package word97_test

import (
	"testing"

	"xxgk/internal/samples"
	"xxgk/internal/testutil"
)

// The .doc fixtures were made by LibreOffice from other fixtures (see
// testdata/reports/README.md); each must read like its twin.

// TestDOCTwinSeed002 reads the .doc LibreOffice made of seed-002.txt: the
// same agency, year, form, figures and cells as the text.

// TestDOCTwinSeed002 reads the .doc LibreOffice made of seed-002.txt: the
// same agency, year, form, figures and cells as the text.
func TestDOCTwinSeed002(t *testing.T) {
	doc := samples.Parse(t, "seed-002-doc.doc")
	txt := samples.Parse(t, "seed-002.txt")
	if doc.Source.Kind != "doc" || doc.Source.Encoding != "" {
		t.Errorf("source kind %q encoding %q, want doc and none", doc.Source.Kind, doc.Source.Encoding)
	}
	if doc.Agency != txt.Agency || doc.Year != txt.Year || doc.Published != txt.Published || doc.Form != txt.Form {
		t.Errorf("doc reads %q %d %q %s, text %q %d %q %s", doc.Agency, doc.Year, doc.Published, doc.Form,
			txt.Agency, txt.Year, txt.Published, txt.Form)
	}
	if len(txt.Cells) == 0 || len(txt.Figures) == 0 {
		t.Fatal("the text twin has no cells or figures: the comparison proves nothing")
	}
	testutil.CompareValues(t, "figures", doc.Figures, txt.Figures)
	testutil.CompareValues(t, "cells", doc.Cells, txt.Cells)
}

// TestDOCTwinPingtan2025 reads the .doc LibreOffice made of a gov_2021
// page: its Word tables (merged cells and all) give every cell of the
// HTML tables, with the same value and blank mark.
func TestDOCTwinPingtan2025(t *testing.T) {
	doc := samples.Parse(t, "pingtan-2025-zone-doc.doc")
	page := samples.Parse(t, "pingtan-2025-zone-html.html")
	if doc.Form != page.Form || doc.Year != page.Year {
		t.Errorf("doc reads %s %d, html %s %d", doc.Form, doc.Year, page.Form, page.Year)
	}
	if len(page.Cells) < 150 {
		t.Fatalf("the HTML twin has only %d cells", len(page.Cells))
	}
	testutil.CompareValues(t, "cells", doc.Cells, page.Cells)
	for k, v := range doc.Cells {
		if hv, ok := page.Cells[k]; ok && hv.Blank != v.Blank {
			t.Errorf("%s: blank %v in the doc, %v in the html", k, v.Blank, hv.Blank)
		}
		if v.Line == 0 {
			t.Errorf("%s has no paragraph number", k)
		}
	}
	t.Logf("%d of %d cells read from the doc", len(doc.Cells), len(page.Cells))
}
