package web

import (
	"embed"
	"encoding/json"
	"html/template"
	"net/http"
	"path"
	"strconv"
	"strings"

	"xxgk"
	"xxgk/export/layout"
	"xxgk/format"
	"xxgk/templates"
)

//go:embed assets
var assets embed.FS

var pageTemplate = template.Must(template.ParseFS(assets, "assets/index.html"))

// pageForm is a form drawn as HTML tables, once, in a hidden <template>
// the script copies for each report of the form and fills.
type pageForm struct {
	ID, Label string
	Sections  []pageSection
}

type pageSection struct {
	Name   string
	Tables [][][]pageCell // tables, rows, cells
}

type pageCell struct {
	Text             string
	Rowspan, Colspan int
	Class            string // hd (header), lb (row label), v (a data cell), x (no number goes there)
	Key, Label       string // a data cell's key and its Chinese name
}

// cellClass is the class of each kind of layout cell.
var cellClass = map[layout.CellKind]string{
	layout.Header: "hd", layout.Corner: "hd", layout.RowLabel: "lb", layout.GroupLabel: "lb",
	layout.Unit: "lb", layout.Code: "lb", layout.Data: "v", layout.Empty: "x", layout.Coverage: "x",
}

// drawForm lays form f out as the exporters do (package layout).
func drawForm(f *templates.Form) pageForm {
	pf := pageForm{ID: f.ID, Label: f.Label}
	for _, g := range layout.Groups(f) {
		sec := pageSection{Name: g.Section.Name}
		for _, grid := range g.Tables {
			rows := make([][]pageCell, grid.Rows)
			for _, c := range grid.Cells {
				pc := pageCell{Text: c.TextIn(0), Rowspan: c.Row1 - c.Row0 + 1, Colspan: c.Col1 - c.Col0 + 1, Class: cellClass[c.Kind]}
				if c.Kind == layout.Data {
					pc.Key, pc.Label = c.Key, templates.CellLabel(c.Key)
				}
				rows[c.Row0] = append(rows[c.Row0], pc)
			}
			sec.Tables = append(sec.Tables, rows)
		}
		pf.Sections = append(pf.Sections, sec)
	}
	return pf
}

// pageData is what index.html is filled with.
type pageData struct {
	Token   string
	Forms   []pageForm
	Figures []templates.Figure
	Accept  string
	// Names is the JSON the script reads its Chinese names from.
	Names template.JS
}

// names are the Chinese names the script shows instead of ids.
type names struct {
	Forms      map[string]string `json:"forms"`
	Rules      map[string]string `json:"rules"`
	Severities map[string]string `json:"severities"`
	Methods    map[string]string `json:"methods"`
	Extensions []string          `json:"extensions"`
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	n := names{Forms: map[string]string{}, Rules: map[string]string{}, Severities: map[string]string{}, Methods: map[string]string{},
		Extensions: format.Extensions()}
	d := pageData{Token: s.token, Figures: templates.Figures}
	for _, f := range templates.Forms() {
		n.Forms[f.ID] = f.Label
		if len(f.Tables) > 0 {
			d.Forms = append(d.Forms, drawForm(f))
		}
	}
	n.Forms[xxgk.FormNarrative] = "文字报告（无统计表）"
	for _, rule := range templates.Rules() {
		n.Rules[rule.ID] = rule.Name
	}
	for _, sev := range []xxgk.Severity{xxgk.SeverityError, xxgk.SeverityWarning, xxgk.SeverityInfo} {
		n.Severities[string(sev)] = sev.Label()
	}
	for _, m := range []xxgk.Method{xxgk.MethodTable, xxgk.MethodProse, xxgk.MethodForm, xxgk.MethodDerived, xxgk.MethodManual} {
		n.Methods[string(m)] = m.Label()
	}
	d.Accept = strings.Join(n.Extensions, ",")
	b, err := json.Marshal(n)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	d.Names = template.JS(b)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := pageTemplate.Execute(w, d); err != nil {
		// The page is half written; nothing more can be said to the browser.
		return
	}
}

// assetTypes are the files under assets/ the page loads.
var assetTypes = map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ctype, ok := assetTypes[path.Ext(name)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	_, _ = w.Write(b)
}

// preloadEntry is a preloaded file as the page lists it.
type preloadEntry struct {
	Name   string `json:"name"`
	Reason string `json:"reason,omitempty"`
}

// preloadList lists the files the page starts with; the page then fetches
// each (preloadFile) and handles it like a file dropped on it.
func (s *Server) preloadList(w http.ResponseWriter, r *http.Request) {
	list := []preloadEntry{}
	for _, f := range s.opt.Preload {
		list = append(list, preloadEntry{f.Name, f.Reason})
	}
	b, _ := json.Marshal(list)
	send(w, "application/json; charset=utf-8", "", b)
}

func (s *Server) preloadFile(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(r.PathValue("i"))
	if err != nil || i < 0 || i >= len(s.opt.Preload) || s.opt.Preload[i].Data == nil {
		http.NotFound(w, r)
		return
	}
	send(w, "application/octet-stream", "", s.opt.Preload[i].Data)
}
