package xlsx

import (
	"fmt"
	"strings"
	"testing"
)

// The numbers shownNumbers leaves to displayValue without excelize
// (numberFormats.plain) are held to excelize: displayValue shows every
// number as it does with excelize's text for all of them, and
// readNumberFormats says excelize opens a style sheet exactly when it
// does.

// fullStyles has every element and attribute of a style sheet that
// excelize's types read, in its place; %s is added to the cellXfs.
const fullStyles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + spreadsheetNS + `">` +
	`<numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>` +
	`<fonts count="1"><font><b val="1"/><i val="1"/><strike val="0"/><outline val="0"/><shadow val="0"/><condense val="0"/><extend val="0"/>` +
	`<sz val="11"/><color theme="1" auto="0" indexed="8" tint="0.5" rgb="FF000000"/><name val="宋体"/><u val="single"/><vertAlign val="baseline"/><scheme val="minor"/><family val="2"/><charset val="134"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="solid"><fgColor indexed="1" theme="1" tint="0" auto="0"/><bgColor indexed="64"/></patternFill></fill>` +
	`<fill><gradientFill type="linear" bottom="0" degree="90" left="0" right="0" top="0"><stop position="0"><color theme="1"/></stop></gradientFill></fill></fills>` +
	`<borders count="1"><border diagonalDown="0" diagonalUp="0" outline="0"><left style="thin"><color indexed="1"/></left><right/><top/><bottom/><diagonal/><vertical/><horizontal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="0" pivotButton="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">` +
	`<alignment horizontal="center" vertical="center" indent="0" relativeIndent="0" textRotation="0" readingOrder="0" justifyLastLine="0" shrinkToFit="0" wrapText="1"/><protection hidden="0" locked="1"/></xf>` +
	`<xf numFmtId="164"/><xf numFmtId="165"/>%s</cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" iLevel="0" hidden="0" customBuiltin="0"/></cellStyles>` +
	`<dxfs count="1"><dxf><font><b val="1"/></font><numFmt numFmtId="1" formatCode="0"/><alignment indent="1"/><extLst cx="1" cy="1"/></dxf></dxfs>` +
	`<tableStyles count="1" defaultTableStyle="t" defaultPivotStyle="p"><tableStyle name="t" pivot="0" count="0" table="0"><tableStyleElement type="wholeTable" dxfId="x"/></tableStyle></tableStyles>` +
	`<colors><indexedColors><rgbColor rgb="FF000000" auto="0" indexed="0" theme="0" tint="0"/></indexedColors><mruColors><color rgb="x" theme="1"/></mruColors></colors>` +
	`<extLst><ext uri="x" cx="x"/></extLst></styleSheet>`

func excelizeOpens(styles string) bool {
	_, err := excelizeFormat("xl/styles.xml", styles, false, []fmtKey{{1, "1"}})
	return err == nil
}

func numberFormatsOpen(t *testing.T, styles string) bool {
	t.Helper()
	nf, err := readNumberFormats("xl/styles.xml", styles)
	if err != nil {
		t.Fatalf("%v in %s", err, styles)
	}
	return nf.opens
}

// TestStyleSheetOpens: an attribute of fullStyles made a value that is not
// a number makes readNumberFormats say excelize fails exactly when it
// does.
func TestStyleSheetOpens(t *testing.T) {
	base := fmt.Sprintf(fullStyles, "")
	if !excelizeOpens(base) || !numberFormatsOpen(t, base) {
		t.Fatal("excelize or readNumberFormats refuses the full style sheet")
	}
	for _, bad := range []string{"x", "1.5", "-1", "yes", " 2 ", "99999999999999999999"} {
		// Each attribute in turn: find the n-th.
		for n := 0; ; n++ {
			loc := attrValueAt(base, n)
			if loc == nil {
				break
			}
			styles := base[:loc[0]] + bad + base[loc[1]:]
			opens, want := numberFormatsOpen(t, styles), excelizeOpens(styles)
			// Inside mruColors, which excelize keeps as text, the
			// attributes are checked all the same: excelize is only
			// asked when it need not be.
			conservative := !opens && want && strings.Contains(base[:loc[0]], "<mruColors>") && !strings.Contains(base[:loc[0]], "</mruColors>")
			if opens != want && !conservative {
				tag := base[strings.LastIndexByte(base[:loc[0]], '<')+1:]
				name := base[strings.LastIndexByte(base[:loc[0]-2], ' ')+1 : loc[0]-2]
				t.Errorf("<%s %s=%q>: readNumberFormats says excelize opens it: %v, excelize: %v", strings.Fields(tag)[0], name, bad, opens, want)
			}
		}
	}
	for _, root := range []string{`<styleSheet>`, `<x:styleSheet xmlns:x="` + spreadsheetNS + `">`, `<sheet xmlns="` + spreadsheetNS + `">`} {
		styles := root + strings.SplitN(strings.TrimSuffix(base, "</styleSheet>"), ">", 3)[2] + "</" + strings.Fields(root[1:])[0] + ">"
		if opens, want := numberFormatsOpen(t, styles), excelizeOpens(styles); opens && !want {
			t.Errorf("root %s: readNumberFormats says excelize opens it, excelize fails", root)
		}
	}
}

// attrValueAt returns where the value of the n-th attribute of s is, nil
// past the last.
func attrValueAt(s string, n int) []int {
	var out [][]int
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], `="`)
		if k < 0 {
			break
		}
		start := i + k + 2
		end := start + strings.IndexByte(s[start:], '"')
		if !strings.Contains(s[strings.LastIndexByte(s[:start], '<'):start], "?") {
			out = append(out, []int{start, end})
		}
		i = end + 1
	}
	if n < len(out) {
		return out[n]
	}
	return nil
}

// TestPlainNumberFormats: with the number formats that shownNumbers
// leaves to displayValue and with the others, built in and the workbook's
// own, every value shows as with excelize's text for all of them.
func TestPlainNumberFormats(t *testing.T) {
	codes := []string{"General", "general", "GENERAL", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.00E+00", "0.0",
		"yyyy-mm-dd", "m/d", "0-0", "@", "[Red]0", `yyyy"年"m"月"`, "h:mm", "[$-804]General", "General;General", ""}
	var numFmts, xfs strings.Builder
	for i, code := range codes {
		fmt.Fprintf(&numFmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, 200+i, strings.ReplaceAll(code, `"`, "&quot;"))
	}
	numFmts.WriteString(`<numFmt numFmtId="199" formatCode="General" x16r2:formatCode16="yyyy" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main"/>`)
	numFmts.WriteString(`<numFmt numFmtId="2" formatCode="yyyy-mm-dd"/>`) // a built-in made a date
	nXfs := 3                                                             // fullStyles's
	for id := range 82 {
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, id)
		nXfs++
	}
	for i := range codes {
		fmt.Fprintf(&xfs, `<xf numFmtId="%d"/>`, 200+i)
		nXfs++
	}
	xfs.WriteString(`<xf numFmtId="199"/><xf/><xf numFmtId=""/><xf numFmtId=" 14 "/><xf numFmtId="1000"/>`)
	nXfs += 5
	styles := strings.Replace(fmt.Sprintf(fullStyles, xfs.String()), `<numFmts count="2">`, `<numFmts count="2">`+numFmts.String(), 1)

	values := []string{"0", "1", "-1", "12", "123456", "45292", "45292.5", "1.5", "-0.25", "0.1", "1e5", "1E-5", "-1e-7",
		"0x1p-2", " 12", "12 ", "99999999999", "123456789012345678", "1e308", "-1e308", "4.9e-324", ".5", "5.", "+3",
		"00012", "3.14159265358979", "2958465", "2958466", "-45292", "60", "0.999999999999"}
	var keys []fmtKey
	for style := 1; style <= nXfs+2; style++ {
		for _, v := range values {
			if styledNumber(cell{raw: v, style: int32(style)}) {
				keys = append(keys, fmtKey{style, v})
			}
		}
	}
	nf, err := readNumberFormats("xl/styles.xml", styles)
	if err != nil || !nf.opens {
		t.Fatalf("readNumberFormats: %v, opens %v", err, nf != nil && nf.opens)
	}
	plain := 0
	for _, k := range keys {
		if nf.plain(k.style) {
			plain++
		}
	}
	if plain < len(keys)/10 {
		t.Errorf("%d of %d numbers shown plain, want more", plain, len(keys))
	}
	for _, date1904 := range []bool{false, true} {
		want, err := excelizeFormat("xl/styles.xml", styles, date1904, keys)
		if err != nil {
			t.Fatal(err)
		}
		got, err := shownNumbers("xl/styles.xml", styles, date1904, append([]fmtKey(nil), keys...))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			c := cell{raw: k.raw, style: int32(k.style)}
			g, gn := displayValue(c, got)
			w, wn := displayValue(c, want)
			if g != w || gn != wn {
				t.Errorf("style %d (plain %v) value %q: %q %v, excelize %q %v (%q)", k.style, nf.plain(k.style), k.raw, g, gn, w, wn, want[k])
			}
		}
	}
}

// FuzzStyleSheetOpens: when readNumberFormats says excelize opens a style
// sheet, it does.
func FuzzStyleSheetOpens(f *testing.F) {
	f.Add(fmt.Sprintf(fullStyles, `<xf numFmtId="2"/>`))
	f.Add(`<styleSheet xmlns="` + spreadsheetNS + `"><cellXfs><xf numFmtId="1"><alignment indent="x"/></xf></cellXfs></styleSheet>`)
	f.Fuzz(func(t *testing.T, styles string) {
		nf, err := readNumberFormats("xl/styles.xml", styles)
		if err != nil || !nf.opens {
			return
		}
		if !excelizeOpens(styles) {
			t.Errorf("readNumberFormats says excelize opens %q, excelize fails", styles)
		}
	})
}
