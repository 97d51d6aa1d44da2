package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
	"xxgk/internal/samples"
)

const addr = "127.0.0.1:8123"

type part struct{ field, name, body string }

func sampleFile(t testing.TB, name string) part {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samples.Dir(), name))
	if err != nil {
		t.Fatal(err)
	}
	return part{"file", name, string(b)}
}

func form(t testing.TB, parts ...part) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.name != "" {
			w, err = mw.CreateFormFile(p.field, p.name)
		} else {
			w, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// do sends a request to s as the page would (own Host, Origin and token),
// changed by edit.
func do(t testing.TB, s *Server, method, target string, body io.Reader, ctype string, edit func(*http.Request)) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	req.Host = addr
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", "http://"+addr)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	req.Header.Set(TokenHeader, s.Token())
	if edit != nil {
		edit(req)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func errorOf(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		t.Fatalf("body %q: %v", rec.Body.String(), err)
	}
	return e.Error
}

// The server answers only as itself, and only its own page may POST.
func TestRefusesOtherSites(t *testing.T) {
	s := New(addr, Options{})
	file := sampleFile(t, "seed-002.txt")
	for _, tc := range []struct {
		name   string
		method string
		edit   func(*http.Request)
		want   int
	}{
		{"page", "GET", nil, 200},
		{"page as localhost", "GET", func(r *http.Request) { r.Host = "localhost:8123" }, 200},
		{"page for another host (DNS rebinding)", "GET", func(r *http.Request) { r.Host = "example.com" }, 403},
		{"another port", "GET", func(r *http.Request) { r.Host = "127.0.0.1:9999" }, 403},
		{"post from the page", "POST", nil, 200},
		{"post for another host", "POST", func(r *http.Request) { r.Host = "example.com" }, 403},
		{"post from another site", "POST", func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, 403},
		{"post from another site, no fetch metadata", "POST", func(r *http.Request) {
			r.Header.Set("Origin", "http://evil.example")
			r.Header.Del("Sec-Fetch-Site")
		}, 403},
		{"cross-site without Origin", "POST", func(r *http.Request) {
			r.Header.Del("Origin")
			r.Header.Set("Sec-Fetch-Site", "cross-site")
		}, 403},
		{"page without the token", "POST", func(r *http.Request) { r.Header.Del(TokenHeader) }, 403},
		{"page with a wrong token", "POST", func(r *http.Request) { r.Header.Set(TokenHeader, "x") }, 403},
		{"script (no Origin, no token)", "POST", func(r *http.Request) {
			r.Header.Del("Origin")
			r.Header.Del("Sec-Fetch-Site")
			r.Header.Del(TokenHeader)
		}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := "/"
			var body io.Reader
			ctype := ""
			if tc.method == "POST" {
				target = "/api/parse"
				body, ctype = form(t, file)
			}
			rec := do(t, s, tc.method, target, body, ctype, tc.edit)
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want, rec.Body)
			}
			if tc.want == 403 && !strings.Contains(errorOf(t, rec), "拒绝访问") {
				t.Errorf("refusal not in Chinese: %s", rec.Body)
			}
		})
	}
}

// The page is Chinese, carries the token and draws the forms.
func TestPage(t *testing.T) {
	s := New(addr, Options{})
	rec := do(t, s, "GET", "/", nil, "", nil)
	body := rec.Body.String()
	for _, want := range []string{`content="` + s.Token() + `"`, "把报告文件", `id="form-gov_2021"`,
		`data-cell="gov_2021.t3_requests.new_received.natural_person"`, "依申请公开", `"t3_balance":`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	for _, a := range []string{"/assets/app.js", "/assets/style.css"} {
		if rec := do(t, s, "GET", a, nil, "", nil); rec.Code != 200 || rec.Body.Len() < 100 {
			t.Errorf("%s: %d", a, rec.Code)
		}
	}
	if rec := do(t, s, "GET", "/assets/index.html", nil, "", nil); rec.Code != 404 {
		t.Errorf("the template is served: %d", rec.Code)
	}
}

// The page's answer lists every input in order, the unreadable ones with
// their reason; corrections are applied and marked.
func TestParseDetailAndCorrections(t *testing.T) {
	s := New(addr, Options{})
	const key = "gov_2021.t3_requests.new_received.natural_person"
	body, ctype := form(t, part{"file", "坏文件.txt", "\x00\x01\x02 not a report"}, sampleFile(t, "pingtan-2025-zone-html.html"),
		part{"corrections", "", `[{"file":1,"key":"` + key + `","value":"152"}]`})
	rec := do(t, s, "POST", "/api/parse?detail=1", body, ctype, nil)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var res []parseResult
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Report != nil || res[0].Reason == "" || res[0].Name != "坏文件.txt" {
		t.Fatalf("bad file = %+v", res[0])
	}
	v := res[1].Report.Cells[key]
	if !v.Manual || v.Original == nil || v.Original.String() != "151" || v.Value.String() != "152" {
		t.Errorf("corrected cell = %+v", v)
	}
	var manual, audit bool
	for _, f := range res[1].Report.Findings {
		manual = manual || f.Rule == xxgk.RuleManualEdit
		audit = audit || (f.Severity == xxgk.SeverityError && strings.Contains(strings.Join(f.Keys, " "), key))
	}
	if !manual || !audit {
		t.Errorf("manual_edit finding %v, audit run again %v", manual, audit)
	}

	// A correction that is not a number is refused, in Chinese.
	body, ctype = form(t, sampleFile(t, "pingtan-2025-zone-html.html"), part{"corrections", "", `[{"file":0,"key":"` + key + `","value":"约20"}]`})
	rec = do(t, s, "POST", "/api/parse", body, ctype, nil)
	if rec.Code != 400 || !strings.Contains(errorOf(t, rec), "不是数字") {
		t.Errorf("a word as a correction: %d %s", rec.Code, rec.Body)
	}
	// Nothing readable: 422 with the reasons.
	body, ctype = form(t, part{"file", "a.txt", "\x00\x01"})
	rec = do(t, s, "POST", "/api/xlsx", body, ctype, nil)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "a.txt") {
		t.Errorf("nothing readable: %d %s", rec.Code, rec.Body)
	}
	// Not multipart, an unknown field, no file.
	rec = do(t, s, "POST", "/api/parse", strings.NewReader("x"), "text/plain", nil)
	if rec.Code != 400 {
		t.Errorf("not multipart: %d", rec.Code)
	}
	body, ctype = form(t, part{"path", "", "/etc/passwd"})
	if rec = do(t, s, "POST", "/api/parse", body, ctype, nil); rec.Code != 400 || !strings.Contains(errorOf(t, rec), "不认识的字段") {
		t.Errorf("unknown field: %d %s", rec.Code, rec.Body)
	}
	body, ctype = form(t, part{"name", "", "x"})
	if rec = do(t, s, "POST", "/api/rollup?format=json", body, ctype, nil); rec.Code != 400 {
		t.Errorf("no file: %d %s", rec.Code, rec.Body)
	}
	body, ctype = form(t, sampleFile(t, "seed-002.txt"))
	if rec = do(t, s, "POST", "/api/rollup?format=doc", body, ctype, nil); rec.Code != 400 {
		t.Errorf("unknown format: %d %s", rec.Code, rec.Body)
	}
}

// The uploaded file's name is only a label: no directory of it is kept.
func TestFileName(t *testing.T) {
	for in, want := range map[string]string{`C:\报告\2023年报.html`: "2023年报.html", "../../etc/passwd": "passwd", "": "未命名文件", "..": "未命名文件"} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Preloaded files are given only to the page (its token).
func TestPreload(t *testing.T) {
	s := New(addr, Options{Preload: []File{{Name: "a.txt", Data: []byte("abc")}, {Name: "b", Reason: "文件不存在"}}})
	rec := do(t, s, "GET", "/api/preload", nil, "", nil)
	if rec.Code != 200 || rec.Body.String() != `[{"name":"a.txt"},{"name":"b","reason":"文件不存在"}]` {
		t.Errorf("preload list: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, s, "GET", "/api/preload/0", nil, "", nil); rec.Body.String() != "abc" {
		t.Errorf("preload file: %q", rec.Body)
	}
	if rec := do(t, s, "GET", "/api/preload/1", nil, "", nil); rec.Code != 404 {
		t.Errorf("unreadable preload file: %d", rec.Code)
	}
	if rec := do(t, s, "GET", "/api/preload/0", nil, "", func(r *http.Request) { r.Header.Del(TokenHeader) }); rec.Code != 403 {
		t.Errorf("preload without the token: %d", rec.Code)
	}
}

// An answer that leaves out unreadable inputs says how many in a header,
// as the command's exit status 2 does; an answer without any says nothing.
func TestUnreadableHeader(t *testing.T) {
	s := New(addr, Options{})
	for _, target := range []string{"/api/parse", "/api/xlsx"} {
		body, ctype := form(t, part{"file", "坏文件.txt", "\x00\x01\x02 not a report"}, sampleFile(t, "pingtan-2025-zone-html.html"))
		rec := do(t, s, "POST", target, body, ctype, nil)
		if rec.Code != 200 || rec.Header().Get(UnreadableHeader) != "1" {
			t.Errorf("%s: status %d, %s %q", target, rec.Code, UnreadableHeader, rec.Header().Get(UnreadableHeader))
		}
		body, ctype = form(t, sampleFile(t, "pingtan-2025-zone-html.html"))
		if rec := do(t, s, "POST", target, body, ctype, nil); rec.Code != 200 || rec.Header().Get(UnreadableHeader) != "" {
			t.Errorf("%s, all read: status %d, %s %q", target, rec.Code, UnreadableHeader, rec.Header().Get(UnreadableHeader))
		}
	}
}
