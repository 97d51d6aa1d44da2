package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestImplicitServe(t *testing.T) {
	for _, tc := range []struct {
		args []string
		own  bool
		want []string
	}{
		{[]string{"xxgk"}, true, []string{"xxgk", "serve"}},
		{[]string{"xxgk", `C:\报告\a.html`, `C:\报告\b.docx`}, true, []string{"xxgk", "serve", `C:\报告\a.html`, `C:\报告\b.docx`}},
		{[]string{"xxgk", "parse", "a.html"}, true, []string{"xxgk", "parse", "a.html"}},
		{[]string{"xxgk", "--version"}, true, []string{"xxgk", "--version"}},
		// In a terminal nothing changes: no arguments print the help.
		{[]string{"xxgk"}, false, []string{"xxgk"}},
		{[]string{"xxgk", "a.html"}, false, []string{"xxgk", "a.html"}},
	} {
		if got := implicitServe(tc.args, tc.own); !slices.Equal(got, tc.want) {
			t.Errorf("implicitServe(%q, %v) = %q, want %q", tc.args, tc.own, got, tc.want)
		}
	}
}

func TestVersionText(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		v    string
		bi   *debug.BuildInfo
		want string
	}{
		{"", bi, "v1.2.0（提交 0123456789ab，2026-12-01，有未提交的修改）"},
		{"v1.3.0", bi, "v1.3.0（提交 0123456789ab，2026-12-01，有未提交的修改）"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "开发版"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261206233337-0123456789ab"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}}}, "v0.0.0-20261206233337-0123456789ab"},
		{"", nil, "开发版"},
	} {
		if got := versionText(tc.v, tc.bi); got != tc.want {
			t.Errorf("versionText(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// startServe runs xxgk serve in this process on a free port and returns
// its address; the server is stopped when the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"xxgk", "serve", "--no-browser"}, args...), nil, pw, &stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed %q: %v; stderr %s", line, err, stderr.String())
	}
	m := regexp.MustCompile(`^正在运行：http://(127\.0\.0\.1:\d+)/ （关闭此窗口即退出）\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed %q", line)
	}
	go io.Copy(io.Discard, pr)
	return m[1]
}

// post sends files as a script does (curl -F file=@…), with extra fields.
func post(t *testing.T, url string, fields [][2]string, edit func(*http.Request)) (*http.Response, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range fields {
		data, err := os.ReadFile(f[1])
		if err != nil {
			t.Fatal(err)
		}
		w, err := mw.CreateFormFile(f[0], filepath.Base(f[1]))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	req, err := http.NewRequest("POST", url, &buf)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if edit != nil {
		edit(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// command runs xxgk with args and returns its standard output.
func command(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"xxgk"}, args...), nil, &stdout, &stderr); err != nil {
		t.Fatalf("xxgk %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// The API gives the bytes the command writes, on the same inputs.
func TestServeSameBytes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := t.TempDir()
	for _, name := range []string{"pingtan-2025-zone-html.html", "pingtan-dept-czj-2019.txt"} {
		data, err := os.ReadFile(filepath.Join(reportsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	roster := "单位名称\n平潭综合实验区管委会\n平潭综合实验区财政金融局\n平潭综合实验区公安局\n"
	if err := os.WriteFile(filepath.Join(dir, "名单.csv"), []byte(roster), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	addr := startServe(t, "--fonts", builtinFonts)
	api := "http://" + addr + "/api/"
	a, b := "pingtan-2025-zone-html.html", "pingtan-dept-czj-2019.txt"

	for _, tc := range []struct {
		what   string
		path   string
		fields [][2]string
		args   []string
		out    string // the command's output file; "" for standard output
	}{
		{"parse one", "parse", [][2]string{{"file", a}}, []string{"parse", "--json", a}, ""},
		{"parse two", "parse", [][2]string{{"file", a}, {"file", b}}, []string{"parse", "--json", a, b}, ""},
		{"xlsx", "xlsx", [][2]string{{"file", a}}, []string{"xlsx", "-o", "c.xlsx", a}, "c.xlsx"},
		{"pdf", "pdf", [][2]string{{"file", a}, {"file", b}}, []string{"pdf", "--fonts", builtinFonts, "-o", "c.pdf", a, b}, "c.pdf"},
		{"rollup xlsx", "rollup?format=xlsx", [][2]string{{"file", a}, {"file", b}, {"roster", "名单.csv"}},
			[]string{"rollup", "--roster", "名单.csv", "--xlsx", "r.xlsx", a, b}, "r.xlsx"},
		{"rollup json", "rollup?format=json", [][2]string{{"file", b}, {"file", a}}, []string{"rollup", "--json", "-", a, b}, ""},
		{"rollup pdf", "rollup?format=pdf", [][2]string{{"file", a}, {"file", b}},
			[]string{"rollup", "--fonts", builtinFonts, "--pdf", "r.pdf", a, b}, "r.pdf"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			resp, got := post(t, api+tc.path, tc.fields, nil)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, got)
			}
			want := command(t, tc.args...)
			if tc.out != "" {
				var err error
				if want, err = os.ReadFile(tc.out); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the API gave %d bytes, the command %d, not the same", len(got), len(want))
			}
		})
	}

	// A page of another site, or another name for this address, is refused.
	resp, body := post(t, api+"parse", [][2]string{{"file", a}}, func(r *http.Request) { r.Host = "example.com" })
	if resp.StatusCode != 403 || !strings.Contains(string(body), "拒绝访问") {
		t.Errorf("Host example.com: %d %s", resp.StatusCode, body)
	}
	resp, body = post(t, api+"parse", [][2]string{{"file", a}}, func(r *http.Request) { r.Header.Set("Origin", "http://example.com") })
	if resp.StatusCode != 403 || !strings.Contains(string(body), "拒绝访问") {
		t.Errorf("Origin example.com: %d %s", resp.StatusCode, body)
	}
}
