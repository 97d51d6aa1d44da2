package meta

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk/internal/strs"
)

// periodYear looks for 起止时间 where it looked for 起止: the places of
// 起止 that periodKeyEnd takes (the reference) must be those of 起止时间.
func TestPeriodKeyQiZhi(t *testing.T) {
	texts := []string{"", "起止", "起止时间", "起止起止时间", "统计起止时间：2023年", "起止时起止时间间", strings.Repeat("起止时间", 3), "起止时"}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, s := range texts {
		var want, got []int
		for i := range strs.Indexes(s, "起止") {
			if periodKeyEnd(s[i:min(len(s), i+30)]) >= 0 {
				want = append(want, i)
			}
		}
		for i := range strs.Indexes(s, "起止时间") {
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%.40q: 起止时间 at %v, 起止 taken at %v", s, got, want)
		}
	}
}
