package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
)

// rebuild returns font with some tables replaced (checksums are not
// recomputed: neither xxgk nor fpdf reads them).
func rebuild(t *testing.T, font []byte, replace map[string][]byte) []byte {
	t.Helper()
	n, err := tableCount(font)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		tag  string
		data []byte
	}
	var tables []entry
	for i := range n {
		tag := string(font[12+16*i : 16+16*i])
		data, _ := table(font, tag)
		if r, ok := replace[tag]; ok {
			data = r
		}
		tables = append(tables, entry{tag, data})
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	out := append([]byte(nil), font[:12]...)
	out = append(out, make([]byte, 16*n)...)
	for i, e := range tables {
		rec := out[12+16*i:]
		copy(rec, e.tag)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(e.data)))
		out = append(out, e.data...)
		out = append(out, make([]byte, -len(out)&3)...)
	}
	return out
}

// nameTable is a format 0 name table with a Windows English family and
// subfamily, and a Chinese family name when zh is not empty.
func nameTable(family, subfamily, zh string) []byte {
	type rec struct {
		lang, id uint16
		s        string
	}
	recs := []rec{{0x409, 1, family}, {0x409, 2, subfamily}}
	if zh != "" {
		recs = append(recs, rec{0x804, 1, zh})
	}
	be := binary.BigEndian
	head := make([]byte, 6+12*len(recs))
	be.PutUint16(head[2:], uint16(len(recs)))
	be.PutUint16(head[4:], uint16(len(head)))
	var store []byte
	for i, r := range recs {
		var b []byte
		for _, u := range utf16.Encode([]rune(r.s)) {
			b = be.AppendUint16(b, u)
		}
		at := head[6+12*i:]
		be.PutUint16(at, 3)
		be.PutUint16(at[2:], 1)
		be.PutUint16(at[4:], r.lang)
		be.PutUint16(at[6:], r.id)
		be.PutUint16(at[8:], uint16(len(b)))
		be.PutUint16(at[10:], uint16(len(store)))
		store = append(store, b...)
	}
	return append(head, store...)
}

// withFsType sets the OS/2 embedding bits of font.
func withFsType(t *testing.T, font []byte, fs uint16) []byte {
	os2, _ := table(font, "OS/2")
	os2 = append([]byte(nil), os2...)
	binary.BigEndian.PutUint16(os2[8:], fs)
	return rebuild(t, font, map[string][]byte{"OS/2": os2})
}

func writeFont(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Find takes the fonts of a folder by their family names, in Chinese or
// English, skips what fpdf cannot embed, and leaves the other faces
// embedded.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	// LXGW WenKai's outlines under office names: small, and any will do.
	base := wenkaiFile
	fang := writeFont(t, dir, "a/simfang.ttf", rebuild(t, base, map[string][]byte{"name": nameTable("FangSong", "Regular", "仿宋")}))
	// A bold 黑体 is not the heading face; a regular one is.
	writeFont(t, dir, "b/hei-bold.ttf", rebuild(t, base, map[string][]byte{"name": nameTable("SimHei", "Bold", "")}))
	hei := writeFont(t, dir, "b/simhei.TTF", rebuild(t, base, map[string][]byte{"name": nameTable("SimHei", "Regular", "黑体")}))
	// A 楷体 whose licence forbids subsetting is skipped.
	writeFont(t, dir, "c/kai.ttf", withFsType(t, rebuild(t, base, map[string][]byte{"name": nameTable("KaiTi", "Regular", "楷体")}), 0x0100))
	// Not fonts fpdf reads.
	writeFont(t, dir, "c/otto.ttf", append([]byte("OTTO"), base[4:]...))
	writeFont(t, dir, "c/notes.txt", []byte("仿宋"))

	set, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	if f := set.Font(Body); f.File != fang || f.Family != "仿宋" || f.Name != "simfang" {
		t.Errorf("body: %+v", f)
	}
	if f := set.Font(Heading); f.File != hei || f.Family != "黑体" {
		t.Errorf("heading: %s %s", f.File, f.Family)
	}
	if f := set.Font(Subheading); f != wenkai() {
		t.Errorf("subheading from %q, want the embedded font", f.File)
	}
	if f := set.Font(Title); f != serifBold() {
		t.Errorf("title from %q, want the embedded font", f.File)
	}
	desc := set.String()
	for _, want := range []string{"正文：仿宋（simfang.ttf）", "一级标题：黑体（simhei.TTF）", "二级标题：LXGW WenKai（霞鹜文楷）（内置，代楷体）"} {
		if !strings.Contains(desc, want) {
			t.Errorf("String() = %q, lacks %q", desc, want)
		}
	}
	// The chain of a face found ends in the embedded serif.
	if c := set.Chain(Heading); len(c) != 3 || c[0].File != hei || c[1].File != fang || c[2] != serifRegular() {
		t.Errorf("heading chain %v", c)
	}
	if c := Embedded().Chain(Body); len(c) != 1 {
		t.Errorf("embedded body chain has %d fonts", len(c))
	}

	if _, err := Find(filepath.Join(dir, "c")); err == nil || !strings.Contains(err.Error(), "没有可用的字体") {
		t.Errorf("a folder without usable fonts: %v", err)
	}
	if _, err := Find(filepath.Join(dir, "nope")); err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Errorf("a missing folder: %v", err)
	}
}

func TestUsable(t *testing.T) {
	if err := usable(wenkaiFile); err != nil {
		t.Fatal(err)
	}
	for fs, ok := range map[uint16]bool{0: true, 0x0004: true, 0x0008: true, 0x0002: false, 0x0100: false, 0x0200: false} {
		if err := usable(withFsType(t, wenkaiFile, fs)); (err == nil) != ok {
			t.Errorf("fsType %#04x: %v", fs, err)
		}
	}
}
