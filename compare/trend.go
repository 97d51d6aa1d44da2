package compare

import (
	"xxgk"
	"xxgk/rollup"
)

// KeyFigures are the figures a series over years follows, and the ones a
// comparison shows first: requests in and out, what was published, and
// the disputes.
var KeyFigures = []string{
	"requests.received", "requests.closed", "requests.granted",
	"proactive.total", "review.total", "litigation.total",
}

// Trend is a roll-up over several years seen across them (历年趋势):
// each key figure of each agency per year, and the totals.
type Trend struct {
	Years    []int // ascending, known years only
	Agencies []TrendAgency
	// Totals are the roll-up's totals per figure key, one per year (nil
	// where no agency of the year stated it).
	Totals map[string][]*rollup.Total
}

// TrendAgency is one agency across the years.
type TrendAgency struct {
	Agency string
	// Values per figure key, one per year of the Trend: nil where the
	// agency has no report that year, or its report does not state it.
	Values map[string][]*xxgk.Value
	Years  int // the number of years the agency has a report in
}

// Trends follows a roll-up over its years: nil unless it has two known
// years or more and some agency has a report in two of them (a roll-up of
// several years of different agencies has no series to show). Agencies
// are matched by xxgk.AgencyKey of their names as the office lists them
// (the roster's, else the report's: AgencyRow.Name) and listed in the
// order they first appear, which is the roll-up's (roster, then pinyin)
// in the first year they have a report; those without a name are left
// out.
func Trends(ru *rollup.Rollup) *Trend {
	var years []*rollup.Year
	for _, y := range ru.Years {
		if y != nil && y.Year != 0 {
			years = append(years, y)
		}
	}
	if len(years) < 2 || !anyRepeated(years) {
		return nil
	}
	tr := &Trend{Totals: map[string][]*rollup.Total{}}
	index := map[string]int{}
	for _, k := range KeyFigures {
		tr.Totals[k] = make([]*rollup.Total, len(years))
	}
	series := false
	for i, y := range years {
		tr.Years = append(tr.Years, y.Year)
		for _, k := range KeyFigures {
			if t, ok := y.Figures[k]; ok {
				tr.Totals[k][i] = &t
			}
		}
		for _, a := range y.Agencies {
			key := xxgk.AgencyKey(a.Name())
			if key == "" {
				continue
			}
			j, ok := index[key]
			if !ok {
				j = len(tr.Agencies)
				index[key] = j
				ta := TrendAgency{Agency: a.Name(), Values: map[string][]*xxgk.Value{}}
				for _, k := range KeyFigures {
					ta.Values[k] = make([]*xxgk.Value, len(years))
				}
				tr.Agencies = append(tr.Agencies, ta)
			}
			ta := &tr.Agencies[j]
			ta.Years++
			series = series || ta.Years > 1
			for _, k := range KeyFigures {
				if v, ok := a.Figures[k]; ok {
					ta.Values[k][i] = &v
				}
			}
		}
	}
	if !series {
		return nil
	}
	return tr
}

// anyRepeated reports whether an agency is listed twice (in two years),
// as Trends counts them. Most roll-ups of many years have none in common
// (a folder of several years' reports of different agencies), and a trend
// of 100,000 agencies would be built only to be dropped.
func anyRepeated(years []*rollup.Year) bool {
	seen := map[string]bool{}
	for _, y := range years {
		for _, a := range y.Agencies {
			key := xxgk.AgencyKey(a.Name())
			if key == "" {
				continue
			}
			if seen[key] {
				return true
			}
			seen[key] = true
		}
	}
	return false
}
