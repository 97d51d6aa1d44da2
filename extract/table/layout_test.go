package table_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"xxgk"
	"xxgk/parse"
	"xxgk/templates"
)

// A synthetic gov_2021 report: values that obey the form's identities,
// rendered in every layout the table reader must handle. Reading it back
// must give every cell (or, for cells run together, every cell right or
// absent).

type synthReport struct {
	form   *templates.Form
	values map[string]string // cell key → printed value
}

func newSynthReport(formID string, seed uint64) synthReport {
	rng := rand.New(rand.NewPCG(seed, 7))
	f := templates.FormByID(formID)
	v := map[string]string{}
	small := func() int64 {
		if rng.IntN(3) == 0 {
			return int64(rng.IntN(40))
		}
		return 0
	}
	for _, t := range f.Tables {
		if !strings.HasPrefix(t.ID, "t2_") {
			continue
		}
		for _, r := range t.DataRows() {
			for _, c := range t.DataColumns() {
				val := fmt.Sprint(rng.IntN(3000))
				switch {
				case c.Decimal:
					val = fmt.Sprintf("%d.%06d", rng.IntN(9000), rng.IntN(1000000))
				case c.Signed && rng.IntN(2) == 0:
					val = fmt.Sprint(-1 - rng.IntN(200))
				}
				v[t.CellKey(r.Key, c.Key)] = xxgk.MustNumber(val).String()
			}
		}
	}
	t3 := f.Table("t3_requests")
	cols := t3.DataColumns()
	results := []string{}
	for _, r := range t3.DataRows() {
		switch r.Key {
		case "new_received", "carried_over", "results_total", "carried_to_next_year":
		default:
			results = append(results, r.Key)
		}
	}
	for _, c := range cols[:6] {
		var sum int64
		for _, r := range results {
			n := small()
			sum += n
			v[t3.CellKey(r, c.Key)] = fmt.Sprint(n)
		}
		next, over := small(), int64(0)
		if sum+next > 0 {
			over = int64(rng.IntN(int(sum + next + 1)))
		}
		v[t3.CellKey("results_total", c.Key)] = fmt.Sprint(sum)
		v[t3.CellKey("carried_to_next_year", c.Key)] = fmt.Sprint(next)
		v[t3.CellKey("carried_over", c.Key)] = fmt.Sprint(over)
		v[t3.CellKey("new_received", c.Key)] = fmt.Sprint(sum + next - over)
	}
	for _, r := range t3.DataRows() {
		var total int64
		for _, c := range cols[:6] {
			var n int64
			fmt.Sscan(v[t3.CellKey(r.Key, c.Key)], &n)
			total += n
		}
		v[t3.CellKey(r.Key, "total")] = fmt.Sprint(total)
	}
	t4 := f.Table("t4_review_litigation")
	for _, group := range []string{"review", "lit_direct", "lit_after_review"} {
		var total int64
		for _, part := range []string{"upheld", "corrected", "other", "pending"} {
			n := small()
			total += n
			v[t4.CellKey("count", group+"_"+part)] = fmt.Sprint(n)
		}
		v[t4.CellKey("count", group+"_total")] = fmt.Sprint(total)
	}
	return synthReport{form: f, values: v}
}

// rows renders each table as its header labels and its rows of cells.
func (sr synthReport) tables() [][][]string {
	var out [][][]string
	for _, t := range sr.form.Tables {
		var rows [][]string
		title := t.HeaderLabel
		if title == "" {
			title = t.Title
		}
		rows = append(rows, []string{title})
		var header []string
		for _, c := range t.Columns {
			if !c.IsGroup || t.ID == "t4_review_litigation" {
				header = append(header, c.Label)
			}
		}
		rows = append(rows, header)
		for _, r := range t.Rows {
			row := []string{r.Label}
			if t.Row(r.Key).Pattern().Unlabelled {
				row = nil
			}
			if !r.IsGroup {
				for _, c := range t.DataColumns() {
					row = append(row, sr.values[t.CellKey(r.Key, c.Key)])
				}
			}
			rows = append(rows, row)
		}
		out = append(out, rows)
	}
	return out
}

func (sr synthReport) render(layout string) string {
	var b strings.Builder
	b.WriteString("某某区" + map[string]string{"gov_2021": "2023", "gov_2019": "2020"}[sr.form.ID] + "年政府信息公开工作年度报告\n一、总体情况\n2023年，我区认真贯彻落实《条例》，全年共收到申请数12件，其中予以公开5件。\n二、主动公开政府信息情况\n")
	for _, tab := range sr.tables() {
		switch layout {
		case "html":
			b.WriteString("<p>" + tab[0][0] + "</p><table>")
			for _, row := range tab[1:] {
				b.WriteString("<tr>")
				for _, c := range row {
					b.WriteString("<td><span>" + c + "</span></td>")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</table>\n")
		case "lines", "pipes":
			for _, row := range tab {
				for _, c := range row {
					b.WriteString(c + "\n")
					if layout == "pipes" {
						b.WriteString("|\n")
					}
				}
			}
		case "tabs":
			for _, row := range tab {
				b.WriteString(strings.Join(row, "\t") + "\n")
			}
		case "spaces":
			for _, row := range tab {
				b.WriteString(strings.Join(row, "    ") + "\n")
			}
		case "run":
			for _, row := range tab {
				b.WriteString(strings.Join(row, ""))
			}
		case "grouped":
			// As the 平潭 department page texts: run together, with a
			// single space here and there between values (10 0 0 0 01).
			for r, row := range tab {
				for i, c := range row {
					if i > 1 && (r*7+i*3)%4 == 0 {
						b.WriteString(" ")
					}
					b.WriteString(c)
				}
			}
		}
	}
	b.WriteString("\n五、存在的主要问题及改进情况\n无。\n")
	if layout == "html" {
		return "<html><body>" + strings.ReplaceAll(b.String(), "\n", "<br>") + "</body></html>"
	}
	return b.String()
}

func TestReadTablesInEveryLayout(t *testing.T) {
	for i := range 8 {
		formID := []string{"gov_2021", "gov_2019"}[i%2]
		seed := uint64(i / 2)
		sr := newSynthReport(formID, seed)
		for _, layout := range []string{"html", "lines", "pipes", "tabs", "spaces", "run", "grouped"} {
			t.Run(fmt.Sprintf("%s/%s/%d", formID, layout, seed), func(t *testing.T) {
				r, err := parse.Parse("synthetic."+layout, []byte(sr.render(layout)))
				if err != nil {
					t.Fatal(err)
				}
				if r.Form != formID {
					t.Fatalf("form = %q", r.Form)
				}
				for k, got := range r.Cells {
					want, ok := sr.values[k]
					if !ok {
						t.Errorf("unexpected cell %s = %s", k, got.Value)
					} else if !got.Value.Equal(xxgk.MustNumber(want)) {
						t.Errorf("%s = %s, want %s (evidence %q)", k, got.Value, want, got.Text)
					}
				}
				missing := 0
				for k := range sr.values {
					if _, ok := r.Cells[k]; !ok {
						missing++
						if layout != "run" && layout != "grouped" {
							t.Errorf("cell %s missing", k)
						}
					}
				}
				if layout == "run" || layout == "grouped" {
					// Cells run together are read only where the identities
					// decide. Table 二 has none, so its wide rows may stay
					// out; most of tables 三 and 四 must be read. (These
					// synthetic tables are denser than real ones, where most
					// cells are 0 and runs split uniquely.)
					want, read := 0, 0
					for k := range sr.values {
						if strings.Contains(k, ".t2_") {
							continue
						}
						want++
						if _, ok := r.Cells[k]; ok {
							read++
						}
					}
					if read*100 < want*75 {
						t.Errorf("run together: read %d of %d cells of tables 三 and 四", read, want)
					}
				}
				if layout != "run" && layout != "grouped" {
					for _, f := range r.Findings {
						if strings.HasPrefix(f.Rule, "table_") {
							t.Errorf("finding %s: %s", f.Rule, f.Message)
						}
					}
				}
			})
		}
	}
}

// TestReadIrregularPageText renders synthetic reports as page text of
// many shapes: every table's rows run together, with single spaces here
// and there between cells and between rows, some rows on lines of their
// own. Whatever the grouping, a cell read must have its value.
func TestReadIrregularPageText(t *testing.T) {
	wrong, want, read := 0, 0, 0
	for seed := uint64(100); seed < 120; seed++ {
		formID := []string{"gov_2021", "gov_2019"}[seed%2]
		sr := newSynthReport(formID, seed)
		rng := rand.New(rand.NewPCG(seed, 99))
		var b strings.Builder
		b.WriteString("某某区" + map[string]string{"gov_2021": "2023", "gov_2019": "2020"}[formID] + "年政府信息公开工作年度报告\n一、总体情况\n我区认真贯彻落实《条例》。\n二、主动公开政府信息情况\n")
		for _, tab := range sr.tables() {
			for _, row := range tab {
				for i, c := range row {
					if i > 0 && rng.IntN(4) == 0 {
						b.WriteString(" ")
					}
					b.WriteString(c)
				}
				switch rng.IntN(6) {
				case 0, 1:
					b.WriteString(" ")
				case 2:
					b.WriteString("\n")
				}
			}
		}
		b.WriteString("五、存在的主要问题及改进情况\n无。\n")
		r, err := parse.Parse("page.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		for k, got := range r.Cells {
			if v, ok := sr.values[k]; !ok || !got.Value.Equal(xxgk.MustNumber(v)) {
				wrong++
				t.Errorf("seed %d: %s = %s, want %s (evidence %q)", seed, k, got.Value, v, got.Text)
			}
		}
		for k := range sr.values {
			if !strings.Contains(k, ".t2_") {
				want++
				if _, ok := r.Cells[k]; ok {
					read++
				}
			}
		}
	}
	if read*100 < want*75 {
		t.Errorf("read %d of %d cells of tables 三 and 四", read, want)
	}
	t.Logf("%d of %d cells of tables 三 and 四 read, %d wrong", read, want, wrong)
}
