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
