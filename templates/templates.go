// Package templates holds the official statistics forms of the annual
// reports (formats.json, a copy of the project spec, embedded) as a typed API: the
// one source of truth for labels (the parser matches them), layout (the
// exporters draw them), identities (check runs them), the facts of each
// form (its Chinese name, 文号, listing order, the forms it shares cells
// with, whether it is offered blank) and the figures of MODEL.md with the
// cells each is read from. A new form is a change of formats.json alone.
package templates

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"

	"xxgk"
)

//go:embed formats.json
var formatsJSON []byte

// Spec is the whole of formats.json.
type Spec struct {
	Version     string            `json:"spec_version"`
	Conventions map[string]string `json:"conventions"`
	// Figures are the figures of MODEL.md in display order, each with the
	// cells of every form it is read from (the forms' figure_cells).
	Figures []Figure `json:"figures"`
	Formats []*Form  `json:"formats"`

	byID    map[string]*Form
	listed  []*Form     // by Order
	sharing [][]string  // SharingGroups
	rules   []xxgk.Rule // Rules
}

// Form is one official (or local) form, e.g. gov_2021.
type Form struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	InForce InForce `json:"in_force_years"`
	// Label is the form's short Chinese name (2021年格式), as users read it.
	Label string `json:"label"`
	// DocumentNumber is the 文号 of the notice that set a national form
	// (国办公开办函〔2021〕30号); a local form has none.
	DocumentNumber string `json:"document_number"`
	// Order is where the form is listed among forms, ascending: the
	// national forms newest first, then the local ones.
	Order int `json:"order"`
	// SharesCellsWith are the forms whose cells of the same TABLE.ROW.COL
	// key mean the same: a roll-up sums them with the form's own.
	SharesCellsWith []string `json:"shares_cells_with"`
	// BlankTemplate marks a form xxgk template offers as a blank workbook.
	BlankTemplate bool `json:"blank_template"`
	// FigureCells maps a figure key to the cells of this form it is read
	// from; Spec.Figures holds the same, per figure.
	FigureCells map[string]FigureDef `json:"figure_cells"`

	Scope      string   `json:"scope"`
	Confidence string   `json:"confidence"`
	Sections   []string `json:"sections"`
	Tables     []*Table `json:"tables"`
	Notes      string   `json:"notes"`
}

// InForce is the range of report years a form was in use; To == 0 means
// still in force.
type InForce struct {
	From int    `json:"from"`
	To   int    `json:"to"`
	Note string `json:"note"`
}

// Covers reports whether reports of year y were meant to use the form.
func (f *Form) Covers(y int) bool {
	return y >= f.InForce.From && (f.InForce.To == 0 || y <= f.InForce.To)
}

// Table is one table of a form.
type Table struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Section     Section `json:"section"`
	HeaderLabel string  `json:"header_label"`
	Columns     []*Column
	// DataColumnsInOrder lists the data column keys left to right where
	// the header nests (tables 三 and 四).
	DataColumnsInOrder []string      `json:"data_columns_in_order"`
	Rows               []*Row        `json:"rows"`
	Identities         []*Identity   `json:"identities"`
	NonIdentities      []NonIdentity `json:"non_identities"`
	Layout             *Layout       `json:"layout"`
	Notes              string        `json:"notes"`

	Form *Form `json:"-"`

	dataCols []*Column
	dataRows []*Row
	rowIdx   map[string]*Row
	colIdx   map[string]*Column
	// cellKeys holds CellKey of every (row, col) of the table: the table
	// reader asks for keys hundreds of thousands of times per corpus, and
	// building each would allocate.
	cellKeys  map[string]map[string]string
	places    map[string]map[string]cellPlace // CellPlace of every cell, by row and column key
	relations []Relation
	subRows   []Relation
}

// Section is the part of a report a table belongs to (表二, 表三, 表四 of
// the national forms; 统计表 of the others). Consecutive tables of one
// section are drawn together: on one sheet of a workbook, under one
// heading in the PDF (the 第二十条 tables of 表二).
type Section struct {
	Short   string `json:"short"`   // 表三: names its sheets beside a tag (平潭综合实验区2025 表三) and its cells in messages
	Name    string `json:"name"`    // 表三 依申请公开情况: names its sheet when a workbook holds one report
	Heading string `json:"heading"` // 三、收到和处理政府信息公开申请情况: printed above its tables
}

// Column is a column of a table.
type Column struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Unit    string `json:"unit"`
	Parent  string `json:"parent"`
	IsLabel bool   `json:"is_label"` // label columns (指标, 单位) hold no data
	IsGroup bool   `json:"is_group"` // group header, no cell of its own
	Decimal bool   `json:"decimal"`
	Signed  bool   `json:"signed"` // may be negative (本年增/减)

	pattern Pattern
}

// Row is a row of a table.
type Row struct {
	Key     string `json:"key"`
	Number  string `json:"number"` // the numbering token as printed, e.g. （一）
	Label   string `json:"label"`
	Unit    string `json:"unit"`
	Parent  string `json:"parent"`
	IsGroup bool   `json:"is_group"`

	pattern Pattern
}

// Identity is an arithmetic relation (勾稽关系) the cells of a table obey.
type Identity struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"` // a short Chinese name, shown to people for the id (templates.Rules)
	Basis    string        `json:"basis"`
	Text     string        `json:"text"`
	Expr     string        `json:"expr"`
	Form     *IdentityForm `json:"form"` // nil: described in prose only
	Verified []string      `json:"verified"`
}

// IdentityForm is the machine-readable shape of an identity: sum(LHS) Op
// sum(RHS), bound for every column ("col"), every row ("row"), every cell
// ("cell") or for fixed cells ("").
type IdentityForm struct {
	ForEach string `json:"for_each"`
	Op      string `json:"op"`
	LHS     []Ref  `json:"lhs"`
	RHS     []Ref  `json:"rhs"`
}

// Ref names a cell, a row or column (bound by ForEach), or a constant.
type Ref struct {
	Row   string       `json:"row"`
	Col   string       `json:"col"`
	Cell  string       `json:"cell"`
	Const *json.Number `json:"const"`
}

// NonIdentity documents a relation that looks like an identity but is not.
type NonIdentity struct {
	Text     string `json:"text"`
	Relation string `json:"relation"`
}

// Layout is the merged header layout of the wide tables.
type Layout struct {
	Note       string            `json:"note"`
	HeaderRows int               `json:"header_rows"`
	Header     []HeaderCell      `json:"header"`
	DataRow    int               `json:"data_row"`
	Width      int               `json:"width"`
	LabelSpans map[string]string `json:"label_spans"`
	Columns    string            `json:"data_columns"`
}

// HeaderCell is one merged header cell, in A1 notation relative to the table.
type HeaderCell struct {
	Cell string `json:"cell"`
	Text string `json:"text"`
}

// current is the specification in use: the embedded formats.json, decoded
// once when the program starts (the tests rule out that it is broken).
var current atomic.Pointer[Spec]

func init() {
	s, err := decode(formatsJSON)
	if err != nil {
		panic(err)
	}
	use(s)
}

// use makes s the specification every function of the package reads.
func use(s *Spec) {
	current.Store(s)
	Figures = s.Figures
}

// Load returns the specification: the embedded formats.json (or the one
// a test put in its place with Replace).
func Load() *Spec { return current.Load() }

// decode reads and indexes a specification and checks that its parts fit
// together (validate).
func decode(b []byte) (*Spec, error) {
	var s Spec
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("templates: formats.json: %w", err)
	}
	for _, f := range s.Formats {
		for _, t := range f.Tables {
			t.Form = f
			t.index()
		}
	}
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("templates: formats.json: %w", err)
	}
	s.index()
	return &s, nil
}

// UnmarshalJSON accepts the spec's "columns" member.
func (t *Table) UnmarshalJSON(b []byte) error {
	type plain Table
	var aux struct {
		plain
		Columns []*Column `json:"columns"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*t = Table(aux.plain)
	t.Columns = aux.Columns
	return nil
}

func (t *Table) index() {
	t.rowIdx = map[string]*Row{}
	t.colIdx = map[string]*Column{}
	defer func() { t.relations = t.expand(); t.subRows = t.expandSubRows(); t.places = t.makePlaces() }()
	for _, r := range t.Rows {
		r.pattern = PatternOf(r.Label)
		t.rowIdx[r.Key] = r
		if !r.IsGroup {
			t.dataRows = append(t.dataRows, r)
		}
	}
	for _, c := range t.Columns {
		c.pattern = PatternOf(c.Label)
		t.colIdx[c.Key] = c
	}
	t.cellKeys = make(map[string]map[string]string, len(t.Rows))
	for _, r := range t.Rows {
		keys := make(map[string]string, len(t.Columns))
		for _, c := range t.Columns {
			keys[c.Key] = t.Form.ID + "." + t.ID + "." + r.Key + "." + c.Key
		}
		t.cellKeys[r.Key] = keys
	}
	if len(t.DataColumnsInOrder) > 0 {
		for _, k := range t.DataColumnsInOrder {
			t.dataCols = append(t.dataCols, t.colIdx[k])
		}
		return
	}
	for _, c := range t.Columns {
		if labelColumnKeys[c.Key] {
			c.IsLabel = true
		}
		if !c.IsLabel && !c.IsGroup {
			t.dataCols = append(t.dataCols, c)
		}
	}
}

// labelColumnKeys are columns that hold labels, not data, even where a
// local form's entry in formats.json does not say is_label (the 2008
// Shanghai-style table lists 指标名称/计量单位/代码 without it).
var labelColumnKeys = map[string]bool{"indicator": true, "unit": true, "code": true, "item": true}

// Forms returns every form of the specification, in the order of
// formats.json (the reader breaks ties between forms by it; Listed gives
// the order users see).
func Forms() []*Form { return Load().Formats }

// FormByID returns the form with the given id, or nil.
func FormByID(id string) *Form { return Load().byID[id] }

// Table returns the table with the given id, or nil.
func (f *Form) Table(id string) *Table {
	for _, t := range f.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// DataColumns returns the columns that hold cells, left to right.
func (t *Table) DataColumns() []*Column { return t.dataCols }

// DataRows returns the rows that hold cells, top to bottom.
func (t *Table) DataRows() []*Row { return t.dataRows }

// Row returns the row with the given key, or nil.
func (t *Table) Row(key string) *Row { return t.rowIdx[key] }

// Column returns the column with the given key, or nil.
func (t *Table) Column(key string) *Column { return t.colIdx[key] }

// CellKey is the public key of a cell: FORM.TABLE.ROW.COL.
func (t *Table) CellKey(row, col string) string {
	if k, ok := t.cellKeys[row][col]; ok {
		return k
	}
	return t.Form.ID + "." + t.ID + "." + row + "." + col
}

// Unit returns the unit of the cell (row, col): the column's unit where the
// column has one, else the row's.
func (t *Table) Unit(row, col string) string {
	if c := t.colIdx[col]; c != nil && c.Unit != "" && !strings.HasPrefix(c.Unit, "(") {
		return c.Unit
	}
	if r := t.rowIdx[row]; r != nil {
		return r.Unit
	}
	return ""
}

// SplitKey splits a cell key into form, table, row and column.
func SplitKey(key string) (form, table, row, col string, ok bool) {
	if strings.Count(key, ".") != 3 { // four parts; cut without allocating them
		return "", "", "", "", false
	}
	form, rest, _ := strings.Cut(key, ".")
	table, rest, _ = strings.Cut(rest, ".")
	row, col, _ = strings.Cut(rest, ".")
	return form, table, row, col, true
}

// Cell returns the table, row and column a cell key names.
func Cell(key string) (*Table, *Row, *Column, bool) {
	form, table, row, col, ok := SplitKey(key)
	if !ok {
		return nil, nil, nil, false
	}
	f := FormByID(form)
	if f == nil {
		return nil, nil, nil, false
	}
	t := f.Table(table)
	if t == nil || t.Row(row) == nil || t.Column(col) == nil {
		return nil, nil, nil, false
	}
	return t, t.Row(row), t.Column(col), true
}
