package prose

import (
	"sort"
	"strings"
	"testing"

	"xxgk"
)

// corpusFigures are the figures a careful reader records from the prose
// (narrative and 总体情况, not the tables) of the corpus reports in
// testdata/reports (shared/corpus: pages/, pingtan/, pingtan-dept/), written
// down by reading each report. A value "~N" is approximate (7700余条).
// Figures left out on purpose, because the prose does not state them as
// the report's own:
//   - page-09: 信息发布量…总计2401条 is the website's post count (two
//     sites), not a count of 主动公开政府信息; which number is meant is
//     not said.
//   - page-11: 累计主动公开…3条 is cumulative (截至…).
//   - page-12: three channel counts, no total.
//   - pingtan-dept-gwh-2025: 实验区政府门户网站累计主动公开政府信息7700余条
//     counts the zone's portal, not the office's own disclosure.
//   - pingtan-dept-hzs-2023: 分别被驳回行政复议申请和裁定按照撤诉处理 gives
//     outcomes the form's columns do not name one to one.
//   - pingtan-2014-letter is a letter, not an annual report.
var corpusFigures = []struct {
	file string
	year int
	want map[string]string
}{
	{"page-01.txt", 2013, map[string]string{"proactive.total": "5", "requests.received": "0", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"page-02.txt", 2016, map[string]string{"proactive.total": "55", "requests.received": "0"}},
	{"page-03.txt", 2013, map[string]string{"proactive.total": "41", "proactive.normative_docs": "1", "requests.received": "1",
		"fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	// 无申请 under the fee and review sections: no application, so no fee,
	// review or lawsuit.
	{"page-04.txt", 2016, map[string]string{"proactive.total": "568", "requests.received": "0", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"page-05.txt", 2013, map[string]string{"proactive.total": "35", "requests.received": "0", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"page-06.txt", 2011, map[string]string{"proactive.total": "46"}},
	{"page-07.txt", 2019, map[string]string{}},
	{"page-08.txt", 2025, map[string]string{"proactive.total": "49", "requests.received": "0", "proactive.normative_docs": "0"}},
	{"page-09.txt", 2014, map[string]string{"requests.received": "12", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"page-10.txt", 2012, map[string]string{"proactive.total": "140"}},
	{"page-11.txt", 2019, map[string]string{"requests.received": "0"}},
	{"page-12.txt", 2018, map[string]string{"requests.received": "0", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"page-13.txt", 2015, map[string]string{"proactive.total": "11", "requests.received": "0"}},

	{"pingtan-2011-zone.txt", 2011, map[string]string{"proactive.total": "425", "requests.received": "0", "review.total": "0"}},
	// 免于公开答复数 is the 否决公开 (denied) row of the fj_2013 table.
	{"pingtan-2012-county.txt", 2012, map[string]string{"proactive.total": "2026", "requests.received": "21", "requests.granted": "17",
		"requests.denied": "2", "review.total": "0"}},
	{"pingtan-2012-zone.txt", 2012, map[string]string{"proactive.total": "1913", "requests.received": "0", "review.total": "0"}},
	{"pingtan-2013-county.txt", 2013, map[string]string{"proactive.total": "1853", "requests.received": "7", "requests.granted": "2", "review.total": "0"}},
	{"pingtan-2013-zone.txt", 2013, map[string]string{"proactive.total": "4970", "requests.received": "0", "review.total": "1"}},
	{"pingtan-2014-zone.txt", 2014, map[string]string{"proactive.total": "2543", "requests.received": "1", "review.total": "0", "fees.collected_yuan": "0"}},
	{"pingtan-2015-zone.txt", 2015, map[string]string{"proactive.total": "2949", "requests.received": "0", "fees.collected_yuan": "0", "review.total": "0", "litigation.total": "0"}},
	{"pingtan-2017-zone.txt", 2017, map[string]string{"proactive.total": "2122", "requests.received": "0", "review.total": "0", "litigation.total": "0"}},
	{"pingtan-2025-zone.txt", 2025, map[string]string{"proactive.total": "~7700", "requests.received": "154", "requests.closed": "148",
		"requests.carried_forward": "6", "review.total": "36", "litigation.total": "9", "fees.collected_yuan": "0"}},

	{"pingtan-dept-czj-2019.txt", 2019, map[string]string{"proactive.total": "90"}},
	{"pingtan-dept-nyn-2019.txt", 2019, map[string]string{"proactive.total": "173"}},
	{"pingtan-dept-gyz-2020.txt", 2020, map[string]string{"proactive.total": "74"}},
	{"pingtan-dept-zrz-2020.txt", 2020, map[string]string{"proactive.total": "225"}},
	{"pingtan-dept-jtj-2021.txt", 2021, map[string]string{"proactive.total": "96", "requests.received": "5", "requests.granted": "3",
		"requests.partially_granted": "1", "requests.unable": "1", "fees.collected_yuan": "0"}},
	{"pingtan-dept-jjf-2022.txt", 2022, map[string]string{"proactive.total": "121", "requests.received": "3", "review.total": "0",
		"litigation.total": "0", "fees.collected_yuan": "0"}},
	{"pingtan-dept-lyy-2022.txt", 2022, map[string]string{"proactive.total": "31", "fees.collected_yuan": "0"}},
	{"pingtan-dept-hzs-2023.txt", 2023, map[string]string{"proactive.total": "312", "requests.received": "7", "review.total": "1",
		"litigation.total": "1", "proactive.normative_docs": "5", "fees.collected_yuan": "0"}},
	{"pingtan-dept-gaj-2024.txt", 2024, map[string]string{"proactive.total": "135", "requests.received": "8", "requests.granted": "3",
		"requests.unable": "4", "requests.partially_granted": "1", "review.total": "0", "litigation.total": "0", "fees.collected_yuan": "0"}},
	// 其中主动公开380份 of 发布信息607条: the whole is all the site's posts.
	{"pingtan-dept-zhz-2024.txt", 2024, map[string]string{"proactive.total": "380", "requests.received": "4", "requests.closed": "3",
		"fees.collected_yuan": "0"}},
	{"pingtan-dept-gwh-2025.txt", 2025, map[string]string{"proactive.normative_docs": "9", "requests.received": "34", "review.total": "2",
		"review.corrected": "0", "fees.collected_yuan": "0"}},
	{"pingtan-dept-scj-2025.txt", 2025, map[string]string{"proactive.total": "395", "requests.received": "21", "requests.granted": "1",
		"requests.denied": "3", "requests.partially_granted": "11", "requests.unable": "2", "requests.other": "2",
		"requests.carried_forward": "2", "litigation.total": "0", "fees.collected_yuan": "0"}},
}

// TestCorpusProseRecall reads the prose of the corpus reports alone (no
// tables to settle against) and compares the figures with corpusFigures:
// no figure may be wrong or invented, and at least 92% must be read.
func TestCorpusProseRecall(t *testing.T) {
	total, read, wrong := 0, 0, 0
	for _, c := range corpusFigures {
		doc := sentenceDoc(t, c.file)
		got, _ := Figures(doc, doc, c.year, nil, func(e xxgk.Evidence) string { return e.Place(xxgk.Source{Kind: "text"}) })
		var missed []string
		for key, w := range c.want {
			total++
			v, ok := got[key]
			if !ok {
				missed = append(missed, key)
				continue
			}
			approx := strings.HasPrefix(w, "~")
			if !v.Value.Equal(xxgk.MustNumber(strings.TrimPrefix(w, "~"))) || v.Approx != approx {
				wrong++
				t.Errorf("%s: %s = %s (approx %v), want %s; from %q", c.file, key, v.Value, v.Approx, w, v.Text)
				continue
			}
			read++
		}
		for key, v := range got {
			if _, ok := c.want[key]; !ok {
				wrong++
				t.Errorf("%s: %s = %s read, but the report does not state it; from %q", c.file, key, v.Value, v.Text)
			}
		}
		if len(missed) > 0 {
			sort.Strings(missed)
			t.Logf("%s: missed %s", c.file, strings.Join(missed, " "))
		}
	}
	recall := float64(read) / float64(total)
	t.Logf("prose figures: %d of %d read (%.1f%%), %d wrong", read, total, 100*recall, wrong)
	if recall < 0.92 {
		t.Errorf("recall %.1f%% is below 92%%", 100*recall)
	}
}
