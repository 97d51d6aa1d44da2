package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

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
			return copyReports(orig, filepath.Join(env.WorkDir, "reports"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
			"jsonout":  cmdJSONOut,
			"writebin": cmdWriteBin,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "rejects_binary":
				// The parser is being written in parallel; until it
				// recognises binary input, the scripts that need it skip.
				_, err := parse.Parse("probe.bin", binaryData)
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

// cmdWriteBin writes a small binary file: writebin NAME
func cmdWriteBin(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: writebin NAME")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), binaryData, 0o644))
}
