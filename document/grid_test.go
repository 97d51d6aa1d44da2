package document

import "testing"

func TestFoldSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t b\n", "a b"},
		{"\u00a0\u00a0共\u00a0183\u3000条", "共 183 条"},
		{"主动公开政府\n信息", "主动公开政府信息"}, // a wrapped CJK run
		{"共\n183\n条", "共 183 条"},
		{"办公室\x00时间", "办公室 时间"},
		{"9\u200b46", "946"},
	}
	for _, tt := range tests {
		if got := FoldSpace(tt.in); got != tt.want {
			t.Errorf("foldSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCellName(t *testing.T) {
	g := &Grid{Sheet: "表三", Row0: 5, Col0: 2}
	for _, tt := range []struct {
		r, c int
		want string
	}{{0, 0, "C6"}, {1, 1, "D7"}, {0, 23, "Z6"}, {0, 24, "AA6"}, {0, 50, "BA6"}} {
		if got := g.CellName(tt.r, tt.c); got != tt.want {
			t.Errorf("CellName(%d, %d) = %q, want %q", tt.r, tt.c, got, tt.want)
		}
	}
	if got := (&Grid{}).CellName(0, 0); got != "" {
		t.Errorf("CellName of a table of no workbook = %q", got)
	}
}
