package prose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// refTail is pnScanner.tail as it was before its shortcut for ASCII after
// the number, with the helpers it called then.
func (sc *pnScanner) refTail(p int, cn bool) pnTail {
	s := sc.s
	t := pnTail{end: p}
	q := pnSkipSpace(s, p)
	if pct, n := pnPercentSign(s[q:]); n > 0 {
		t.unit, t.has, t.end = pnUnit{text: pct, kind: numPercent}, true, q+n
		sc.refApproxAfter(&t, false)
		return t
	}
	q = p
loop:
	for k := 0; k < 4 && q < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[q:])
		switch r {
		case '万':
			if t.exp%8 >= 4 {
				break loop
			}
			t.exp += 4
			t.mult += "万"
		case '亿':
			if t.exp >= 8 {
				break loop
			}
			t.exp += 8
			t.mult += "亿"
		case '千', '百':
			if cn || t.exp != 0 || !sc.refUnitAhead(q+size, cn) {
				break loop
			}
			if r == '千' {
				t.exp, t.mult = 3, "千"
			} else {
				t.exp, t.mult = 2, "百"
			}
		case '余':
			if t.approx {
				break loop
			}
			t.approx = true
		case '多':
			if t.approx || !sc.refUnitAhead(q+size, cn) {
				break loop
			}
			t.approx = true
		default:
			break loop
		}
		q += size
		t.end = q
	}
	q = pnSkipSpace(s, q)
	u, ok := refMatchUnit(s[q:], cn)
	if !ok {
		sc.refApproxAfter(&t, false)
		return t
	}
	t.unit, t.has, t.end = u, true, q+len(u.text)
	t.uend, t.pre = t.end, t.approx
	if u.text == "个" && strings.HasPrefix(s[t.end:], "多") { // 3个多月
		rest := s[t.end+len("多"):]
		for _, w := range [...]string{"月", "小时", "工作日", "季度"} {
			if strings.HasPrefix(rest, w) {
				t.unit = pnUnit{text: "个" + w, role: pnRoleTime, cn: true}
				t.end += len("多") + len(w)
				t.approx = true
				break
			}
		}
	}
	sc.refApproxAfter(&t, u.role == pnRoleTime || u.role == pnRoleYear)
	return t
}

func (sc *pnScanner) refUnitAhead(i int, cn bool) bool {
	i = pnSkipSpace(sc.s, i)
	switch pnNextRune(sc.s, i) {
	case '万', '亿', '余':
		return true
	}
	_, ok := refMatchUnit(sc.s[i:], cn)
	return ok
}

func (sc *pnScanner) refApproxAfter(t *pnTail, timeUnit bool) {
	rest := sc.s[t.end:]
	for _, w := range [...]string{"左右", "以上", "上下"} {
		if strings.HasPrefix(rest, w) {
			t.approx = true
			t.end += len(w)
			return
		}
	}
	if timeUnit && t.has && !t.approx && (strings.HasPrefix(rest, "多") || strings.HasPrefix(rest, "余")) {
		t.approx = true
		t.end += len("多")
	}
}

// pnUnits indexes pnUnitList by first rune, longest first: the map
// pnMatchUnit looked units up in before pnUnitsByFirst.
var pnUnits = func() map[rune][]pnUnit {
	m := make(map[rune][]pnUnit)
	for _, u := range pnUnitList {
		r, _ := utf8.DecodeRuneInString(u.text)
		m[r] = append(m[r], u)
	}
	for _, us := range m {
		for i := 1; i < len(us); i++ { // insertion sort by length, descending
			for j := i; j > 0 && len(us[j].text) > len(us[j-1].text); j-- {
				us[j], us[j-1] = us[j-1], us[j]
			}
		}
	}
	return m
}()

// TestMatchUnit holds pnMatchUnit to refMatchUnit for every rune of the
// plane alone, each unit's first rune followed by each unit's rest, and
// the units themselves, cut and extended.
func TestMatchUnit(t *testing.T) {
	var texts []string
	for r := rune(0); r < 1<<16+2; r++ {
		texts = append(texts, string(r))
	}
	for _, a := range pnUnitList {
		for _, b := range pnUnitList { // each first rune before each unit's rest
			_, size := utf8.DecodeRuneInString(b.text)
			texts = append(texts, a.text[:size]+b.text[size:])
		}
	}
	for _, u := range pnUnitList {
		texts = append(texts, u.text, u.text+"x", u.text[:len(u.text)-1], "\xff"+u.text)
	}
	for _, s := range texts {
		for _, cn := range []bool{false, true} {
			got, ok := pnMatchUnit(s, cn)
			want, wok := refMatchUnit(s, cn)
			if got != want || ok != wok {
				t.Fatalf("pnMatchUnit(%q, %v) = %+v, %v; want %+v, %v", s, cn, got, ok, want, wok)
			}
		}
	}
}

func refMatchUnit(s string, cn bool) (pnUnit, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf {
		return pnUnit{}, false
	}
	for _, u := range pnUnits[r] {
		if (!cn || u.cn) && strings.HasPrefix(s, u.text) {
			return u, true
		}
	}
	return pnUnit{}, false
}

func FuzzTail(f *testing.F) {
	for _, s := range []string{"", "3件", "12 34", "5 %", "5％", "3个多月", "3万余元左右", "2千多人", "10余件以上", "7 \u3000件", "1 a", "2\xe4\xb8", "3上下", "4多", "一百多万元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for p := 0; p <= len(s); p++ {
			for _, cn := range []bool{false, true} {
				sc := pnScanner{s: s}
				got := sc.tail(p, cn)
				ref := pnScanner{s: s}
				if want := ref.refTail(p, cn); got != want {
					t.Fatalf("tail(%q, %d, %v) = %+v, want %+v", s, p, cn, got, want)
				}
			}
		}
	})
}

// TestTailCorpus compares tail with refTail after every digit of the
// reports.
func TestTailCorpus(t *testing.T) {
	for _, s := range pnCorpus(t) {
		for p := 1; p <= len(s); p++ {
			if c := s[p-1]; c < '0' || c > '9' {
				continue
			}
			for _, cn := range []bool{false, true} {
				sc, ref := pnScanner{s: s}, pnScanner{s: s}
				if got, want := sc.tail(p, cn), ref.refTail(p, cn); got != want {
					t.Fatalf("tail(…%q, %v) = %+v, want %+v", s[max(0, p-12):min(len(s), p+24)], cn, got, want)
				}
			}
		}
	}
}
