package xlsx

import (
	"strconv"
	"strings"
	"testing"
)

// TestPlainInteger: an integer plainInteger accepts is what plainNumber
// writes for it.
func TestPlainInteger(t *testing.T) {
	for _, s := range []string{"0", "-0", "00", "1", "-1", "+1", "01", "10", "123456789012345", "1234567890123456", "-123456789012345",
		"999999999999999", "-", "", " 1", "1 ", "1.0", "1e3", "0x10", "1_0", "١"} {
		checkPlainInteger(t, s)
	}
}

func checkPlainInteger(t *testing.T, s string) {
	if !plainInteger(s) {
		return
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || plainNumber(v) != s {
		t.Errorf("plainInteger(%q), but plainNumber gives %q (%v)", s, plainNumber(v), err)
	}
}

func FuzzPlainInteger(f *testing.F) {
	f.Add("12")
	f.Add("-0")
	f.Fuzz(checkPlainInteger)
}
