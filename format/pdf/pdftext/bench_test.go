package pdftext

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads each PDF of testdata/reports: the text layer only,
// without the layout of package pdf.
//
//	go test ./format/pdf/pdftext -run XXX -bench Read -benchmem
func BenchmarkRead(b *testing.B) {
	names, _ := filepath.Glob("../../../testdata/reports/*.pdf")
	if len(names) == 0 {
		b.Fatal("no PDFs under testdata/reports")
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(name), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data, DefaultLimits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
