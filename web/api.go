package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"xxgk"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/fonts"
	"xxgk/load"
	"xxgk/rollup"
)

// The API. Every POST takes multipart/form-data: one or more "file"
// fields (the reports, read in memory one at a time, each at most
// load.MaxInputSize like the command's inputs), and optionally
// "corrections" (JSON: [{"file": 0, "key": "…", "value": "152"}], file
// being the index of a "file" field), and for the roll-up "units" and
// "roster" (files of at most load.MaxUnitsSize) and "name".

// maxFieldSize bounds the small text fields (corrections, name).
const maxFieldSize = 1 << 20

// input is one "file" field, read or not.
type input struct {
	name   string
	report *xxgk.Report
	reason string // why it could not be read
}

// correction is a value changed by hand on the page.
type correction struct {
	File  int    `json:"file"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

// upload is a request's fields.
type upload struct {
	inputs      []input
	corrections []correction
	units       []byte
	roster      []byte
	name        string
}

// requestError is a request the server cannot do, with its status.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, a ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// readUpload reads the fields of a request, parsing each report as it
// arrives (and audited as the command does, load.Read), so that only one
// report's bytes are in memory at a time.
func readUpload(r *http.Request) (*upload, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badRequest("请求应为 multipart/form-data，报告放在 file 字段中")
	}
	up := &upload{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, badRequest("请求不完整：%v", err)
		}
		switch part.FormName() {
		case "file":
			name := fileName(part.FileName())
			data, err := readLimited(part, load.MaxInputSize)
			if err != nil {
				up.inputs = append(up.inputs, input{name: name, reason: sizeReason(err, load.MaxInputSize)})
				continue
			}
			rep, err := load.Read(name, data)
			if err != nil {
				up.inputs = append(up.inputs, input{name: name, reason: err.Error()})
				continue
			}
			up.inputs = append(up.inputs, input{name: name, report: rep})
		case "corrections":
			data, err := readLimited(part, maxFieldSize)
			if err != nil {
				return nil, badRequest("corrections 字段过大")
			}
			if err := json.Unmarshal(data, &up.corrections); err != nil {
				return nil, badRequest("corrections 字段不是正确的 JSON：%v", err)
			}
		case "units", "roster":
			data, err := readLimited(part, load.MaxUnitsSize)
			what := map[string]string{"units": "分组文件", "roster": "名单文件"}[part.FormName()]
			if err != nil {
				return nil, badRequest("%s %s 无法使用：%s", what, fileName(part.FileName()), sizeReason(err, load.MaxUnitsSize))
			}
			if part.FormName() == "units" {
				up.units = data
			} else {
				up.roster = data
			}
		case "name":
			data, err := readLimited(part, maxFieldSize)
			if err != nil {
				return nil, badRequest("name 字段过大")
			}
			up.name = strings.TrimSpace(string(data))
		default:
			return nil, badRequest("不认识的字段：%s（可用的字段：file、corrections、units、roster、name）", part.FormName())
		}
	}
	if len(up.inputs) == 0 {
		return nil, badRequest("请在 file 字段中上传至少一个报告文件")
	}
	for _, c := range up.corrections {
		if c.File < 0 || c.File >= len(up.inputs) {
			return nil, badRequest("修改的文件序号 %d 不对（共 %d 个文件）", c.File, len(up.inputs))
		}
		in := up.inputs[c.File]
		if in.report == nil {
			return nil, badRequest("%s 无法读取，不能修改其中的数字", in.name)
		}
		if err := load.Correct(in.report, c.Key, c.Value); err != nil {
			return nil, badRequest("%s：%v", in.name, err)
		}
	}
	return up, nil
}

// fileName is an uploaded file's name as shown: its last element only,
// whichever separator the browser's system uses. It names the report
// (source.path) and is never opened.
func fileName(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	if s = strings.TrimSpace(s); s == "" || s == "." || s == ".." {
		return "未命名文件"
	}
	return s
}

// errTooLarge is an upload over its limit.
var errTooLarge = errors.New("too large")

// readLimited reads r to its end, refusing more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// sizeReason says in Chinese why an upload could not be read, as the
// command says it of a file.
func sizeReason(err error, limit int64) string {
	if errors.Is(err, errTooLarge) {
		return fmt.Sprintf("文件超过 %d MB，不像是一份年度报告", limit>>20)
	}
	return "上传中断（" + err.Error() + "）"
}

// reports are the inputs read, in order, and the others as bad files.
func (up *upload) reports() ([]*xxgk.Report, []badFile) {
	var rs []*xxgk.Report
	var bad []badFile
	for _, in := range up.inputs {
		if in.report != nil {
			rs = append(rs, in.report)
		} else {
			bad = append(bad, badFile{in.name, in.reason})
		}
	}
	return rs, bad
}

// noReports is the answer when no input could be read.
func noReports(w http.ResponseWriter, bad []badFile) {
	fail(w, http.StatusUnprocessableEntity, "没有可以读取的报告", bad...)
}

// handle reads the upload and reports a refused request.
func handle(w http.ResponseWriter, r *http.Request) (*upload, bool) {
	up, err := readUpload(r)
	if err != nil {
		var re *requestError
		if errors.As(err, &re) {
			fail(w, re.status, re.msg)
		} else {
			fail(w, http.StatusInternalServerError, err.Error())
		}
		return nil, false
	}
	return up, true
}

// parseResult is one input in the page's answer (?detail=1).
type parseResult struct {
	Name   string       `json:"name"`
	Report *xxgk.Report `json:"report,omitempty"`
	Reason string       `json:"reason,omitempty"`
}

// parse answers the reports as JSON, as xxgk parse --json prints them: one
// object for one file, an array for several. With ?detail=1 (the page) it
// answers every input in order, read or with its reason.
func (s *Server) parse(w http.ResponseWriter, r *http.Request) {
	up, ok := handle(w, r)
	if !ok {
		return
	}
	reports, bad := up.reports()
	load.Series(reports)
	markUnreadable(w, bad)
	var v any = reports
	switch {
	case r.URL.Query().Get("detail") == "1":
		var out []parseResult
		for _, in := range up.inputs {
			out = append(out, parseResult{in.name, in.report, in.reason})
		}
		v = out
	case len(reports) == 0:
		noReports(w, bad)
		return
	case len(up.inputs) == 1:
		v = reports[0]
	}
	var buf bytes.Buffer
	if err := load.WriteJSON(&buf, v); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	send(w, "application/json; charset=utf-8", "", buf.Bytes())
}

// exportName is the download's name: the one report's file name with ext,
// or what for several.
func exportName(up *upload, what, ext string) string {
	if len(up.inputs) == 1 {
		base := up.inputs[0].name
		return strings.TrimSuffix(base, path.Ext(base)) + ext
	}
	return what + ext
}

func (s *Server) xlsx(w http.ResponseWriter, r *http.Request) {
	s.reportsFile(w, r, ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		func(out io.Writer, reports []*xxgk.Report) error {
			return xlsx.WriteReports(out, reports, xlsx.Options{Created: load.Created()})
		})
}

func (s *Server) pdf(w http.ResponseWriter, r *http.Request) {
	s.reportsFile(w, r, ".pdf", "application/pdf", func(out io.Writer, reports []*xxgk.Report) error {
		return pdf.WriteReports(out, reports, pdf.Options{Created: load.Created(), Fonts: s.fonts()})
	})
}

func (s *Server) fonts() *fonts.Set {
	if s.opt.Fonts != nil {
		return s.opt.Fonts
	}
	return fonts.Embedded()
}

// reportsFile is /api/xlsx and /api/pdf: the readable reports in one file,
// as xxgk xlsx and xxgk pdf write it.
func (s *Server) reportsFile(w http.ResponseWriter, r *http.Request, ext, ctype string, write func(io.Writer, []*xxgk.Report) error) {
	up, ok := handle(w, r)
	if !ok {
		return
	}
	reports, bad := up.reports()
	if len(reports) == 0 {
		noReports(w, bad)
		return
	}
	load.Series(reports)
	markUnreadable(w, bad)
	var buf bytes.Buffer
	if err := write(&buf, reports); err != nil {
		fail(w, http.StatusInternalServerError, "写出失败："+err.Error())
		return
	}
	send(w, ctype, exportName(up, "年度报告", ext), buf.Bytes())
}

// rollup is /api/rollup?format=xlsx|pdf|json: the roll-up of the reports
// as xxgk rollup writes it, with the groups (units) and the roster.
func (s *Server) rollup(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	ctype := map[string]string{
		"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"pdf":  "application/pdf",
		"json": "application/json; charset=utf-8",
	}[format]
	if ctype == "" {
		fail(w, http.StatusBadRequest, "请用 ?format=xlsx、pdf 或 json 指定汇总的格式")
		return
	}
	up, ok := handle(w, r)
	if !ok {
		return
	}
	opt := rollup.Options{Name: up.name}
	if up.units != nil {
		g, err := rollup.Units(up.units)
		if err != nil {
			fail(w, http.StatusBadRequest, "分组文件无法使用："+err.Error())
			return
		}
		opt.Groups = g
	}
	if up.roster != nil {
		ro, err := rollup.ReadRoster(up.roster)
		if err != nil {
			fail(w, http.StatusBadRequest, "名单文件无法使用："+err.Error())
			return
		}
		opt.Roster = ro
	}
	reports, bad := up.reports()
	for _, b := range bad {
		opt.Unreadable = append(opt.Unreadable, rollup.Unreadable{Path: b.Name, Reason: b.Reason})
	}
	if len(reports) == 0 {
		noReports(w, bad)
		return
	}
	kept := make([]*rollup.Kept, len(reports))
	for i, rep := range reports {
		kept[i] = rollup.Keep(rep) // as xxgk rollup keeps them
	}
	ru := load.Rollup(kept, opt)
	if len(ru.Years) == 0 {
		for _, nr := range ru.NotReports {
			bad = append(bad, badFile{nr.Path, "不是年度报告（" + nr.Reason + "）"})
		}
		noReports(w, bad)
		return
	}
	var buf bytes.Buffer
	var err error
	created := load.Created()
	switch format {
	case "xlsx":
		err = xlsx.WriteRollup(&buf, ru, xlsx.Options{Created: created})
	case "pdf":
		err = pdf.WriteRollup(&buf, ru, pdf.Options{Created: created, Fonts: s.fonts()})
	case "json":
		err = load.WriteJSON(&buf, ru)
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, "写出失败："+err.Error())
		return
	}
	name := "汇总"
	if up.name != "" {
		name = up.name + "汇总"
	}
	send(w, ctype, name+"."+format, buf.Bytes())
}

// send answers body, as a download named name when name is not "".
// UnreadableHeader counts, in an answer of /api/parse, /api/xlsx or
// /api/pdf, the inputs that could not be read and are not in it: a script
// would otherwise not know a file was left out (the command says so on
// stderr and exits 2). ?detail=1 gives each input with its reason.
const UnreadableHeader = "X-XXGK-Unreadable"

func markUnreadable(w http.ResponseWriter, bad []badFile) {
	if len(bad) > 0 {
		w.Header().Set(UnreadableHeader, strconv.Itoa(len(bad)))
	}
}

func send(w http.ResponseWriter, ctype, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	if name != "" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	_, _ = w.Write(body)
}
