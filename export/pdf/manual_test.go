package pdf

import (
	"testing"

	"xxgk"
)

// The source column of a figure says when a person changed it, and what
// it was; a value filled in says so by its method.
func TestManualSource(t *testing.T) {
	src := xxgk.Source{Kind: "text"}
	read := xxgk.Value{Value: xxgk.Int(151), Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Line: 349}}
	for _, tc := range []struct {
		v    xxgk.Value
		want string
	}{
		{read, read.Describe(src)},
		{read.Corrected(xxgk.Int(152)), "人工修改（原值 151）；" + read.Describe(src)},
		{xxgk.Value{}.Corrected(xxgk.Int(7)), "人工填写"},
	} {
		if got := sourceText(src, tc.v); got != tc.want {
			t.Errorf("sourceText(%+v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
