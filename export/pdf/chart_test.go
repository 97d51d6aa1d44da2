package pdf

import (
	"strings"
	"testing"
	"unicode"

	"xxgk/templates"
)

// TestOutcomeLabels: every bar of every form's chart is named by words,
// never by a 其中, a colon or a number left over from the row's label
// (其中：1.同意公开答复数 is 同意公开答复数).
func TestOutcomeLabels(t *testing.T) {
	charts := 0
	for _, form := range templates.Forms() {
		total, bars, ok := formOutcomes(form)
		if !ok {
			continue
		}
		charts++
		for _, b := range append(bars, total) {
			first := []rune(b.label)[0]
			if strings.HasPrefix(b.label, "其中") || !unicode.Is(unicode.Han, first) {
				t.Errorf("%s: bar %q does not start with its words", form.ID, b.label)
			}
		}
	}
	if charts < 4 {
		t.Errorf("only %d forms have a chart", charts)
	}
}
