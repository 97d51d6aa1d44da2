package templates

import (
	"fmt"

	"xxgk"
)

// Rules returns every rule a finding can have: the catalogue of the rules
// xxgk's code raises (xxgk.Rules), then the identities of the official
// forms (formats.json), each id once. People are shown a rule's Name, never
// its id.
func Rules() []xxgk.Rule { return Load().rules }

// Rule returns the rule with the given id: from xxgk's catalogue, or an
// identity of a form.
func Rule(id string) (xxgk.Rule, bool) {
	for _, r := range Load().rules {
		if r.ID == id {
			return r, true
		}
	}
	return xxgk.Rule{}, false
}

// RuleName is the Chinese name of rule id for people; an id that is no
// rule (a finding of an older xxgk, read back from JSON) is shown as is.
func RuleName(id string) string {
	if r, ok := Rule(id); ok {
		return r.Name
	}
	return id
}

// indexRules lists the rules of the spec: the code's, then each identity
// of a form as an error rule named by formats.json.
func (s *Spec) indexRules() {
	s.rules = append([]xxgk.Rule(nil), xxgk.Rules()...)
	seen := map[string]bool{}
	for _, f := range s.Formats {
		for _, t := range f.Tables {
			for _, id := range t.Identities {
				if seen[id.ID] {
					continue
				}
				seen[id.ID] = true
				s.rules = append(s.rules, xxgk.Rule{ID: id.ID, Severity: xxgk.SeverityError, Name: id.Name,
					Meaning: fmt.Sprintf("官方表式规定的勾稽关系“%s”不成立：可能是报告的数字有误，也可能是读取有误，请对照原文核对。", id.Name)})
			}
		}
	}
}
