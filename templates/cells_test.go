package templates

import "testing"

func TestCellLabel(t *testing.T) {
	for key, want := range map[string]string{
		"gov_2021.t3_requests.new_received.total":                            "表三 一、本年新收政府信息公开申请数量／总计",
		"gov_2021.t3_requests.denied_state_secret.commercial_enterprise":     "表三 （三）不予公开 1.属于国家秘密／法人或其他组织·商业企业",
		"gov_2021.t4_review_litigation.count.lit_direct_upheld":              "表四 行政诉讼·未经复议直接起诉·结果维持",
		"gov_2021.t4_review_litigation.count.review_total":                   "表四 行政复议·总计",
		"gov_2019.t2_art20_9.gov_centralized_procurement.procurement_amount": "表二 政府集中采购／采购总金额",
		"gov_2021.t2_art20_1.admin_normative_docs.in_force":                  "表二 行政规范性文件／现行有效件数",
		"gov_2021.t3_requests.nope.total":                                    "gov_2021.t3_requests.nope.total",
	} {
		if got := CellLabel(key); got != want {
			t.Errorf("CellLabel(%s) = %q, want %q", key, got, want)
		}
	}
	// Every cell of every form has a label of its own within its form.
	for _, f := range Forms() {
		seen := map[string]string{}
		for _, tb := range f.Tables {
			for _, r := range tb.DataRows() {
				for _, c := range tb.DataColumns() {
					key := tb.CellKey(r.Key, c.Key)
					label := CellLabel(key)
					if other, dup := seen[label]; dup {
						t.Errorf("%s and %s are both %q", other, key, label)
					}
					seen[label] = key
				}
			}
		}
	}
}
