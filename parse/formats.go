package parse

// Every format xxgk reads registers itself with package format when
// imported; Parse reads them all.
import (
	_ "xxgk/format/docx"
	_ "xxgk/format/html"
	_ "xxgk/format/pdf"
	_ "xxgk/format/text"
	_ "xxgk/format/word97"
	_ "xxgk/format/xlsx"
)
