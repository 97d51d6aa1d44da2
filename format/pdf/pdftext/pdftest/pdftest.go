// Package pdftest builds small PDF files for tests: objects numbered from
// 1 (the first is the catalog), a classic xref table and trailer.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// Build writes a PDF of the given objects (object i+1 is objs[i]; the
// first must be the catalog). trailer adds entries to the trailer.
func Build(trailer string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

// Stream is a stream object of data, uncompressed, with extra dictionary
// entries.
func Stream(dict, data string) string {
	return fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data)
}

// Flate is a FlateDecode stream object of data.
func Flate(dict string, data []byte) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode %s >>\nstream\n%s\nendstream", z.Len(), dict, z.String())
}

// OnePage is a one-page PDF (A4) drawing content, with the resources
// dictionary res and further objects (numbered from 5: 1 catalog, 2 pages,
// 3 page, 4 content).
func OnePage(res, content string, more ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + " /Contents 4 0 R >>",
		Stream("", content),
	}
	return Build("", append(objs, more...)...)
}

// Helvetica is a resources dictionary with the standard font Helvetica
// as /F1.
const Helvetica = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
