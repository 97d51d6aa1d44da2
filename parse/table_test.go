package parse

import (
	"os"
	"sort"
	"testing"
)

func readFixture(t *testing.T, name string) *Document {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Skip(err)
	}
	text, _, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return readText(text)
}

func TestDebugTables(t *testing.T) {
	for _, name := range []string{os.Getenv("XXGK_DEBUG")} {
		if name == "" {
			t.Skip()
		}
		doc := readFixture(t, name)
		res := readTables(newStream(doc), 0)
		t.Logf("form %s, %d cells", res.form, len(res.cells))
		var keys []string
		for k := range res.cells {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := res.cells[k]
			t.Logf("%s = %s blank=%v line=%d ev=%q", k, v.Value, v.Blank, v.Line, v.Text)
		}
		for _, f := range res.findings {
			t.Logf("finding %s: %s", f.Rule, f.Message)
		}
	}
}
