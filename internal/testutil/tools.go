package testutil

import (
	"os"
	"os/exec"
	"testing"
)

// RealClient returns the path of an outside program a test checks our
// output with (LibreOffice, poppler, chromium). Such tests are slow and
// depend on the machine, so they run only when the variable env is "1"
// (.ci/run sets it, and installs the program): otherwise the test is
// skipped, even where the program is installed, and `go test ./...` stays
// fast on a desktop with LibreOffice. With env=1 a missing program fails.
func RealClient(t testing.TB, env, program string) string {
	t.Helper()
	if os.Getenv(env) != "1" {
		t.Skipf("%s: set %s=1 to check with %s", t.Name(), env, program)
	}
	bin, err := exec.LookPath(program)
	if err != nil {
		t.Fatalf("%s=1 but %s is not on PATH: %v", env, program, err)
	}
	return bin
}
