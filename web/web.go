// Package web is xxgk's local web page and its small JSON API: a person
// who does not use a terminal drops reports on a page in the browser, sees
// what was read with its evidence, corrects values by hand and downloads
// the workbook, the PDF summary and the JSON, or the roll-up of several
// reports. Scripts use the same API. Everything is embedded (html/template,
// a little JavaScript, no network).
//
// The server is meant to listen on the loopback address only, and it is
// safe by construction against the other pages a browser has open: a
// request whose Host is not the server's own address is refused (DNS
// rebinding), and so is a POST whose Origin is another site or that a
// browser sends without the per-run token the page carries. Uploads are
// read in memory, one file at a time, with the command's limits; no path a
// client sends is ever opened. The steps between bytes and exports are the
// command's (package load, the exporters), so the same inputs give the same
// bytes as xxgk xlsx, pdf and rollup.
package web

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net"
	"net/http"
	"strings"

	"xxgk/fonts"
)

// File is a report given to the server before the page asked for it (the
// files dropped on xxgk.exe): its name as shown, and its bytes or why it
// could not be read.
type File struct {
	Name   string
	Data   []byte
	Reason string // why the file could not be read; Data is then nil
}

// Options configure a Server.
type Options struct {
	// Fonts of the PDFs; nil uses the embedded fonts.
	Fonts *fonts.Set
	// Preload are the files the page starts with.
	Preload []File
}

// Server is the page and its API for one run.
type Server struct {
	opt   Options
	token string // carried by the page in the X-XXGK-Token header of its requests
	addr  string // host:port the server answers as
	mux   *http.ServeMux
}

// TokenHeader is the header in which the page sends the per-run token.
const TokenHeader = "X-XXGK-Token"

// New makes the server of one run, answering as addr (the host:port it
// listens on, as the browser's address bar has it).
func New(addr string, opt Options) *Server {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	s := &Server{opt: opt, token: hex.EncodeToString(b), addr: addr, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /assets/{name}", s.asset)
	s.mux.HandleFunc("GET /api/preload", s.preloadList)
	s.mux.HandleFunc("GET /api/preload/{i}", s.preloadFile)
	s.mux.HandleFunc("POST /api/parse", s.parse)
	s.mux.HandleFunc("POST /api/xlsx", s.xlsx)
	s.mux.HandleFunc("POST /api/pdf", s.pdf)
	s.mux.HandleFunc("POST /api/rollup", s.rollup)
	return s
}

// Token is the run's token (the page has it; tests use it).
func (s *Server) Token() string { return s.token }

// ServeHTTP checks where the request comes from, then serves it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.ownHost(r.Host) {
		fail(w, http.StatusForbidden, "拒绝访问：请求的地址不是本机的 xxgk（"+s.addr+"）")
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if reason := s.foreign(r); reason != "" {
			fail(w, http.StatusForbidden, reason)
			return
		}
	}
	if strings.HasPrefix(r.URL.Path, "/api/preload") && r.Header.Get(TokenHeader) != s.token {
		fail(w, http.StatusForbidden, "拒绝访问：缺少本页的访问令牌")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// ownHost says host is the server's own address: the address it listens
// on, or localhost with its port. Any other name (a site whose DNS now
// points at 127.0.0.1) is refused.
func (s *Server) ownHost(host string) bool {
	if host == s.addr {
		return true
	}
	_, port, err := net.SplitHostPort(s.addr)
	if err != nil {
		return false
	}
	return host == net.JoinHostPort("localhost", port)
}

// foreign says why a request that changes or computes something is
// refused, or "" when it may go on: from a browser it must come from the
// page itself (same Origin, and the page's token); a script such as curl
// sends no Origin and no Sec-Fetch-Site, which no browser omits on a
// cross-site POST.
func (s *Server) foreign(r *http.Request) string {
	origin := r.Header.Get("Origin")
	site := r.Header.Get("Sec-Fetch-Site")
	if origin == "" && (site == "" || site == "none") {
		return ""
	}
	_, port, _ := net.SplitHostPort(s.addr)
	if origin != "http://"+s.addr && origin != "http://"+net.JoinHostPort("localhost", port) {
		return "拒绝访问：请求来自其他网页（" + origin + "）"
	}
	if site != "" && site != "same-origin" && site != "none" {
		return "拒绝访问：请求来自其他网页"
	}
	if r.Header.Get(TokenHeader) != s.token {
		return "拒绝访问：缺少本页的访问令牌，请刷新页面"
	}
	return ""
}

// apiError is the JSON body of a refused or failed request.
type apiError struct {
	Error string `json:"error"`
	// Files are the inputs that could not be read, with their reasons.
	Files []badFile `json:"files,omitempty"`
}

type badFile struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

func fail(w http.ResponseWriter, status int, msg string, files ...badFile) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(apiError{Error: msg, Files: files})
}
