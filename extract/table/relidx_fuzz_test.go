package table

import (
	"fmt"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// refEvaluateAt is evaluateAt as it was before it summed on int64: every
// cell added as a Number; a sum beyond a Number is not known (it panicked
// once, and a file with absurd figures stopped the parse).
func refEvaluateAt(b *boundRel, get func(cellAt) (xxgk.Number, bool)) (holds, known bool) {
	sum := func(refs []cellAt) (xxgk.Number, bool) {
		total := xxgk.Int(0)
		for _, c := range refs {
			v, ok := get(c)
			if !ok {
				return total, false
			}
			if total, ok = total.CheckedAdd(v); !ok {
				return total, false // beyond a Number: not known
			}
		}
		return total, true
	}
	l, ok1 := sum(b.lhs)
	r, ok2 := sum(b.rhs)
	if !ok1 || !ok2 {
		return false, false
	}
	if b.hasConst {
		if b.badConst {
			return false, false
		}
		r = b.konst
	}
	switch b.rel.Op {
	case "==":
		return l.Equal(r), true
	case "<=":
		return l.Cmp(r) <= 0, true
	case ">=":
		return l.Cmp(r) >= 0, true
	}
	return true, false
}

// fuzzRelation makes a row of cells and a relation between them from fuzz
// bytes: whole numbers, small and near the int64 bounds, decimals, cells
// not read, references to no data column, and maybe a constant.
func fuzzRelation(data []byte) (*boundRel, []cellVal) {
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	vals := make([]cellVal, 1+next()%8)
	for i := range vals {
		b := next()
		var text string
		switch b % 8 {
		case 0:
			continue // not read
		case 1:
			text = fmt.Sprintf("%d.%d", next(), next()%100)
		case 2:
			text = fmt.Sprintf("%d", int64(1)<<62+int64(next()))
		case 3:
			text = fmt.Sprintf("-%d", int64(1)<<62+int64(next()))
		case 4:
			text = fmt.Sprintf("%d.%d", int64(1)<<55+int64(next()), next()%10+1)
		default:
			text = fmt.Sprintf("%d", int(next())-64)
		}
		num, err := xxgk.ParseNumber(text)
		if err != nil {
			panic(err)
		}
		vals[i] = cellVal{num: num, ok: true}
	}
	rel := &templates.Relation{Op: []string{"==", "<=", ">=", "!="}[next()%4]}
	b := &boundRel{rel: rel}
	refs := func() []cellAt {
		var at []cellAt
		for range next() % 5 {
			c := next()
			if c%7 == 6 {
				at = append(at, cellAt{}) // no data column
				continue
			}
			// Mostly the row read, for evaluateRows (rowPlaces).
			row := []int{0, 0, 0, 0, 1, 2, -1, 0}[c>>5]
			at = append(at, cellAt{row: row, col: int(c) % len(vals), colOK: true})
		}
		return at
	}
	b.lhs, b.rhs = refs(), refs()
	switch next() % 4 {
	case 1:
		b.hasConst, b.konst = true, xxgk.Int(int64(next()))
	case 2:
		b.hasConst, b.badConst = true, true
	}
	return b, vals
}

// rowPlaces are the places of fuzzRelation's rows in evaluateRows' rows,
// vals and a row not read: place 0 is vals, 1 the row not read, 2 a row
// of the table not found.
var rowPlaces = []int{0, 1, -1}

// outcome is what an evaluation gave, or that it panicked (which none of
// them may).
type outcome struct {
	holds, known, panicked bool
}

func evaluated(f func() (bool, bool)) (o outcome) {
	defer func() {
		if recover() != nil {
			o = outcome{panicked: true}
		}
	}()
	o.holds, o.known = f()
	return o
}

func checkEvaluation(t *testing.T, data []byte) {
	b, vals := fuzzRelation(data)
	get := func(c cellAt) (xxgk.Number, bool) {
		if !c.colOK {
			return xxgk.Number{}, false
		}
		return vals[c.col].num, vals[c.col].ok
	}
	want := evaluated(func() (bool, bool) { return refEvaluateAt(b, get) })
	if got := evaluated(func() (bool, bool) { return evaluateAt(b, get) }); got != want {
		t.Fatalf("evaluateAt(%v %s %v, %v) = %+v, want %+v", b.lhs, b.rel.Op, b.rhs, vals, got, want)
	}
	rows := [][]cellVal{vals, nil}
	getRows := func(c cellAt) (xxgk.Number, bool) { // as searchSplits' get was
		if c.row < 0 || rowPlaces[c.row] < 0 || rows[rowPlaces[c.row]] == nil {
			return xxgk.Number{}, false
		}
		v := &rows[rowPlaces[c.row]][c.col]
		return v.num, v.ok
	}
	wantRows := evaluated(func() (bool, bool) { return refEvaluateAt(b, getRows) })
	if got := evaluated(func() (bool, bool) { return evaluateRows(b, rows, rowPlaces) }); got != wantRows {
		t.Fatalf("evaluateRows(%v %s %v, %v) = %+v, want %+v", b.lhs, b.rel.Op, b.rhs, vals, got, wantRows)
	}
	// rowHoldsAt skips what is not known, as its callers did.
	wantRow := outcome{holds: !want.known || want.holds}
	if got := evaluated(func() (bool, bool) { return rowHoldsAt([]*boundRel{b}, vals), false }); got != wantRow {
		t.Fatalf("rowHoldsAt(%v %s %v, %v) = %+v, want %+v", b.lhs, b.rel.Op, b.rhs, vals, got, wantRow)
	}
}

// FuzzEvaluateAt checks evaluateAt, evaluateRows and rowHoldsAt, which sum
// whole numbers on int64, against the sums of Numbers they replace.
func FuzzEvaluateAt(f *testing.F) {
	f.Add([]byte{3, 5, 10, 5, 20, 5, 30, 0, 1, 0, 2, 1, 2, 0})
	f.Add([]byte{2, 2, 1, 2, 1, 0, 2, 0, 1, 1, 0})
	f.Add([]byte{3, 1, 7, 5, 5, 40, 4, 3, 1, 2, 0, 2, 1, 2, 1, 9})
	f.Fuzz(checkEvaluation)
}

// TestEvaluateAtMatchesReference runs a sweep of relations made from
// counting bytes, without the fuzzer.
func TestEvaluateAtMatchesReference(t *testing.T) {
	for seed := range 20000 {
		data := make([]byte, 40)
		x := uint32(seed)*2654435761 + 1
		for i := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[i] = byte(x)
		}
		checkEvaluation(t, data)
	}
}
