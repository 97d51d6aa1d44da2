package rollup

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestUnits(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("单位,分组\r\n县教育局,县直部门\r\n城关镇,乡镇街道\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"utf-8 BOM":  "\uFEFF单位名称,分组\n县教育局,县直部门\n城关镇,乡镇街道\n",
		"gbk":        gbk,
		"semicolons": "县教育局;县直部门\n\n城关镇 ; 乡镇街道\n",
		"tabs":       "县教育局\t县直部门\n城关镇\t乡镇街道\t备注\n",
		"quoted":     "\"县教育局\",\"县直部门\"\n城关镇,乡镇街道\n",
	} {
		units, err := Units([]byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(units) != 2 || units["县教育局"] != "县直部门" || units["城关镇"] != "乡镇街道" {
			t.Errorf("%s: %v", name, units)
		}
	}
}

func TestUnitsErrors(t *testing.T) {
	for data, want := range map[string]string{
		"甲,一组\n乙,二组\n甲,二组\n": "“甲”在第1行分到“一组”，在第3行又分到“二组”",
		"甲,一组\n乙\n":          "第2行应有两列",
		"单位,分组\n":            "没有单位和分组",
		"":                   "",
	} {
		_, err := Units([]byte(data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Units(%q) = %v, want an error with %q", data, err, want)
		}
	}
	if u, err := Units([]byte("甲,一组\n甲,一组\n")); err != nil || len(u) != 1 {
		t.Errorf("a repeated identical row: %v %v", u, err)
	}
}

// TestUnitsCSVErrorsInChinese: a malformed line is named, with the reason
// in Chinese rather than encoding/csv's English.
func TestUnitsCSVErrorsInChinese(t *testing.T) {
	for _, data := range []string{"甲,一\"组\n", "\"甲,一组\n"} {
		_, err := Units([]byte(data))
		if err == nil || !strings.Contains(err.Error(), "第1行格式不对") || strings.ContainsAny(err.Error(), "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("Units(%q) = %v, want the line and a Chinese reason", data, err)
		}
	}
}

// FuzzUnits reads arbitrary groups files: a map or an error, never a
// panic, and every name and group it returns is non-empty.
func FuzzUnits(f *testing.F) {
	f.Add([]byte("单位,分组\n县教育局,县直部门\n城关镇,乡镇街道\n"))
	f.Add([]byte("\uFEFF甲;一组\r\n乙;二组\r\n"))
	f.Add([]byte("\"县教育局\",\"县直部门\"\n甲\t乙\t丙\n"))
	f.Add([]byte("\xff\xfe\x32\x75\x4d\x4f,\x00"))
	f.Add([]byte("甲,一\"组\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		units, err := Units(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if len(units) == 0 {
			t.Fatal("no units and no error")
		}
		for name, group := range units {
			if name == "" || group == "" {
				t.Fatalf("empty name or group: %q → %q", name, group)
			}
		}
	})
}
