package templates

import (
	"bytes"
	"encoding/json"
)

// FigureDef says how a figure (templates/MODEL.md) is read from the cells
// of a form: the sum of Cells, scaled by 10^Shift (万元 → 元 is 4). It is
// an entry of a form's figure_cells in formats.json.
type FigureDef struct {
	Form  string   `json:"-"`
	Cells []string `json:"cells"` // TABLE.ROW.COL within the form
	Shift int      `json:"shift"`
}

// UnmarshalJSON refuses members it does not know: a misspelt shift would
// silently read 万元 as 元.
func (d *FigureDef) UnmarshalJSON(b []byte) error {
	type plain FigureDef
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*d = FigureDef(p)
	return nil
}

// Figure describes one figure key: an entry of the top-level figures of
// formats.json, with the cells of every form that has it.
type Figure struct {
	Key   string      `json:"key"`
	Label string      `json:"label"` // Chinese name for sheets and summaries
	Unit  string      `json:"unit"`
	From  []FigureDef `json:"-"` // one per form that has the figure, in the order of formats.json
}

// Figures lists every figure of MODEL.md with its cells, in display order:
// Load().Figures, as a variable for the many loops over it.
var Figures []Figure

// FigureByKey returns the figure with the given key, or nil.
func FigureByKey(key string) *Figure {
	for i := range Figures {
		if Figures[i].Key == key {
			return &Figures[i]
		}
	}
	return nil
}
