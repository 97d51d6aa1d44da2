package templates

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"xxgk"
)

func ids(forms []*Form) []string {
	var out []string
	for _, f := range forms {
		out = append(out, f.ID)
	}
	return out
}

// The facts of the forms read from formats.json are the ones xxgk has
// always shown.
func TestFormFacts(t *testing.T) {
	for id, want := range map[string]string{
		"gov_2021": "2021年格式", "gov_2019": "2019年格式", "stat_2014": "2014年统计表",
		"fj_2013": "福建2013年统计表", "fj_2014_2018": "福建2014年统计表", "local_2008_shanghai_style": "地方统计报表（上海式）",
		xxgk.FormNarrative: "文字报告", "nope": "nope", "": "",
	} {
		if got := FormLabel(id); got != want {
			t.Errorf("FormLabel(%q) = %q, want %q", id, got, want)
		}
	}
	if got := FormByID("gov_2019").DocumentNumber; got != "国办公开办函〔2019〕60号" {
		t.Errorf("gov_2019 文号 = %q", got)
	}
	if got := FormByID("fj_2013").DocumentNumber; got != "" {
		t.Errorf("a local form has a 文号: %q", got)
	}
	want := []string{"gov_2021", "gov_2019", "stat_2014", "fj_2013", "fj_2014_2018", "local_2008_shanghai_style"}
	if got := ids(Listed()); !slices.Equal(got, want) {
		t.Errorf("Listed = %v, want %v", got, want)
	}
	if got := ids(BlankForms()); !slices.Equal(got, []string{"gov_2021", "gov_2019", "stat_2014"}) {
		t.Errorf("BlankForms = %v", got)
	}
	if got := SharingGroups(); len(got) != 1 || !slices.Equal(got[0], []string{"gov_2021", "gov_2019"}) {
		t.Errorf("SharingGroups = %v", got)
	}
	forms := []string{xxgk.FormNarrative, "zz_unknown", "fj_2014_2018", "gov_2019", "", "gov_2021", "stat_2014", "fj_2013"}
	slices.SortFunc(forms, CompareForms)
	if want := []string{"gov_2021", "gov_2019", "stat_2014", "fj_2013", "fj_2014_2018", "", "zz_unknown", xxgk.FormNarrative}; !slices.Equal(forms, want) {
		t.Errorf("sorted by CompareForms: %v, want %v", forms, want)
	}
}

// The figures are built from formats.json: each with the cells of every
// form that has it, in the order of formats.json.
func TestFiguresFromData(t *testing.T) {
	if len(Figures) != len(Load().Figures) || len(Figures) < 28 {
		t.Fatalf("%d figures", len(Figures))
	}
	for _, fig := range Figures {
		if len(fig.From) == 0 {
			t.Errorf("%s: read from no form", fig.Key)
		}
		if FigureByKey(fig.Key).Label != fig.Label {
			t.Errorf("FigureByKey(%s)", fig.Key)
		}
	}
	fees := FigureByKey("fees.collected_yuan")
	if d := fees.From; len(d) != 1 || d[0].Form != "stat_2014" || !slices.Equal(d[0].Cells, []string{"stat.request_fees.value"}) || d[0].Shift != 4 {
		t.Errorf("fees = %+v", fees.From)
	}
	var forms []string
	for _, d := range FigureByKey("requests.received").From {
		forms = append(forms, d.Form)
		if len(d.Cells) != 1 || d.Shift != 0 {
			t.Errorf("requests.received in %s = %+v", d.Form, d)
		}
	}
	if want := []string{"gov_2021", "gov_2019", "stat_2014", "fj_2014_2018", "fj_2013"}; !slices.Equal(forms, want) {
		t.Errorf("requests.received read from %v, want %v", forms, want)
	}
	if d := FigureByKey("requests.denied").From[0]; d.Form != "gov_2021" || len(d.Cells) != 8 {
		t.Errorf("requests.denied from %+v", d)
	}
	if FigureByKey("nope") != nil {
		t.Error("FigureByKey found a figure that is not there")
	}
}

// specWith is formats.json changed by change (on its generic JSON form).
func specWith(t *testing.T, change func(spec map[string]any)) []byte {
	t.Helper()
	var spec map[string]any
	if err := json.Unmarshal(formatsJSON, &spec); err != nil {
		t.Fatal(err)
	}
	change(spec)
	b, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func formOf(spec map[string]any, id string) map[string]any {
	for _, f := range spec["formats"].([]any) {
		if f := f.(map[string]any); f["id"] == id {
			return f
		}
	}
	panic("no form " + id)
}

func figureCells(spec map[string]any, id, figure string) map[string]any {
	return formOf(spec, id)["figure_cells"].(map[string]any)[figure].(map[string]any)
}

// A formats.json whose parts do not fit together is refused when it is
// loaded, saying where: the embedded one would fail every test.
func TestSpecRejects(t *testing.T) {
	cases := []struct {
		name, want string
		change     func(spec map[string]any)
	}{
		{"unknown cell", `form gov_2021: figure requests.received reads "t3_requests.new_recieved.total"`, func(s map[string]any) {
			figureCells(s, "gov_2021", "requests.received")["cells"] = []any{"t3_requests.new_recieved.total"}
		}},
		{"group row", `reads "t3_requests.results.total", which is not a data cell`, func(s map[string]any) {
			figureCells(s, "gov_2019", "requests.closed")["cells"] = []any{"t3_requests.results.total"}
		}},
		{"unknown figure", `figure_cells names "requests.recieved"`, func(s map[string]any) {
			fc := formOf(s, "stat_2014")["figure_cells"].(map[string]any)
			fc["requests.recieved"] = fc["requests.received"]
		}},
		{"misspelt shift", `unknown field "shfit"`, func(s map[string]any) {
			figureCells(s, "stat_2014", "fees.collected_yuan")["shfit"] = 4
		}},
		{"unknown shared form", `shares_cells_with names "gov_2020"`, func(s map[string]any) {
			formOf(s, "gov_2021")["shares_cells_with"] = []any{"gov_2019", "gov_2020"}
		}},
		{"one-sided sharing", "but gov_2021 does not name stat_2014", func(s map[string]any) {
			formOf(s, "stat_2014")["shares_cells_with"] = []any{"gov_2021"}
		}},
		{"sharing nothing", "forms fj_2013 and local_2008_shanghai_style share cells, but have no data cell key in common", func(s map[string]any) {
			formOf(s, "fj_2013")["shares_cells_with"] = []any{"local_2008_shanghai_style"}
			formOf(s, "local_2008_shanghai_style")["shares_cells_with"] = []any{"fj_2013"}
		}},
		{"duplicate order", "order 10 is not positive or also gov_2021's", func(s map[string]any) {
			formOf(s, "gov_2019")["order"] = 10
		}},
		{"no order", "form fj_2013: order 0", func(s map[string]any) {
			delete(formOf(s, "fj_2013"), "order")
		}},
		{"duplicate label", `label "2021年格式" is empty or also gov_2021's`, func(s map[string]any) {
			formOf(s, "gov_2019")["label"] = "2021年格式"
		}},
		{"no label", `form stat_2014: label ""`, func(s map[string]any) {
			delete(formOf(s, "stat_2014"), "label")
		}},
		{"duplicate figure", "figure review.total is listed twice", func(s map[string]any) {
			figs := s["figures"].([]any)
			s["figures"] = append(figs, figs[12])
		}},
		{"narrative", `form "narrative": not a usable id`, func(s map[string]any) {
			formOf(s, "local_2008_shanghai_style")["id"] = xxgk.FormNarrative
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decode(specWith(t, tc.change))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
	if _, err := decode(specWith(t, func(map[string]any) {})); err != nil {
		t.Errorf("formats.json as it is, re-encoded: %v", err)
	}
}
