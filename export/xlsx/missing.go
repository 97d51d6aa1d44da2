package xlsx

import (
	"fmt"
	"strings"

	"xxgk/rollup"
)

var missingColumns = []column{{"序号", 6, sNumber}, {"单位", 28, sLabel}, {"分组", 12, sText}, {"文件", 36, sText}, {"说明", 50, sText}}

// missingSheet is a year's 未报送 sheet: the roster's agencies without a
// report (in roster order), the reports of agencies outside the roster,
// and the inputs of the year that are not annual reports. It is nil when
// there is none of them and no roster.
func missingSheet(ru *rollup.Rollup, y *rollup.Year) *grid {
	var notReports []rollup.NotReport
	for _, nr := range ru.NotReports {
		if nr.Year == y.Year {
			notReports = append(notReports, nr)
		}
	}
	if y.Expected == 0 && len(y.OutsideRoster) == 0 && len(notReports) == 0 {
		return nil
	}
	title := rollupTitle(ru, y) + "政府信息公开工作年度报告报送情况"
	var note string
	if y.Expected > 0 {
		note = fmt.Sprintf("名单中应报送%d个单位，已报送%d个，未报送%d个。", y.Expected, y.Reported, len(y.Missing))
	}
	if n := len(y.OutsideRoster); n > 0 {
		note += fmt.Sprintf("另有%d份报告的单位不在名单中，数字计入合计。", n)
	}
	if n := len(notReports); n > 0 {
		note += fmt.Sprintf("%d个文件不是年度报告，未计入汇总。", n)
	}
	g := listSheet(missingColumns, title, note)
	row := len(g.rows)
	w := g.width()
	caption := func(text string) {
		g.merge(row, 0, row, w-1, text, sBlock)
		row++
	}
	line := func(n int, texts ...string) {
		g.set(row, 0, "", sNumber).num = int64(n)
		for i, t := range texts {
			g.set(row, 1+i, t, missingColumns[1+i].style)
		}
		row++
	}
	section := 0
	next := func() string {
		section++
		return chineseNumber(section) + "、"
	}
	if y.Expected > 0 {
		caption(fmt.Sprintf("%s未报送的单位（%d个）", next(), len(y.Missing)))
		if len(y.Missing) == 0 {
			g.merge(row, 0, row, w-1, "名单中的单位均已报送", sTextCenter)
			row++
		}
		groups := map[string]string{}
		for _, e := range ru.Roster.Entries {
			groups[e.Name] = e.Group
		}
		for i, name := range y.Missing {
			file, why := "", "未收到报告"
			for _, nr := range notReports {
				if nr.Roster == name {
					file, why = nr.Path, "收到的文件不是年度报告："+nr.Reason
				}
			}
			line(i+1, name, groups[name], file, why)
		}
	}
	if len(y.OutsideRoster) > 0 {
		caption(fmt.Sprintf("%s名单外的报告（%d份，数字计入合计）", next(), len(y.OutsideRoster)))
		for i, o := range y.OutsideRoster {
			why := "单位不在名单中"
			switch {
			case o.Ambiguous:
				why = "单位名称可对应名单中的" + strings.Join(o.Closest, "、") + "，未作对应；请在名单中写出全称"
			case len(o.Closest) > 0:
				why += "；名单中相近的单位：" + strings.Join(o.Closest, "、")
			}
			line(i+1, nonEmpty(o.Agency, "未署名机关"), "", o.Path, why)
		}
	}
	if len(notReports) > 0 {
		caption(fmt.Sprintf("%s非年度报告（%d个文件，未计入汇总）", next(), len(notReports)))
		for i, nr := range notReports {
			line(i+1, nonEmpty(nr.Agency, "未署名机关"), "", nr.Path, nr.Reason)
		}
	}
	g.landscape = true
	return g
}

// chineseNumber is n (1 to 10) as a Chinese numeral: 一, 二, ….
func chineseNumber(n int) string {
	const digits = "一二三四五六七八九十"
	rs := []rune(digits)
	if n >= 1 && n <= len(rs) {
		return string(rs[n-1])
	}
	return fmt.Sprint(n)
}
