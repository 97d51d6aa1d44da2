package rollup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes ru as a json.Encoder with SetEscapeHTML(false) and
// SetIndent("", "  ") writes it, byte for byte, without holding it whole:
// the JSON of 100,000 agencies is over 500 MB, which the encoder would
// build in memory twice (once compact, once indented). The agencies of
// each year and the findings are encoded one at a time into the skeleton
// of the rest.
func (ru *Rollup) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	skeleton := *ru
	streamYears := len(ru.Years) > 0
	streamFindings := len(ru.Findings) > 0
	if streamYears {
		skeleton.Years = []*Year{}
	}
	if streamFindings {
		skeleton.Findings = []Finding{}
	}
	var top bytes.Buffer
	enc := json.NewEncoder(&top)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&skeleton); err != nil {
		return err
	}
	rest := top.String()
	for _, part := range []struct {
		on   bool
		key  string
		each func() error
	}{
		{streamYears, `"years": []`, func() error { return ru.writeYears(bw) }},
		{streamFindings, `"findings": []`, func() error { return writeFindings(bw, ru.Findings) }},
	} {
		if !part.on {
			continue
		}
		before, after, ok := strings.Cut(rest, part.key)
		if !ok {
			return fmt.Errorf("rollup: no %s in the JSON skeleton", part.key)
		}
		bw.WriteString(before)
		bw.WriteString(strings.TrimSuffix(part.key, "[]"))
		if err := part.each(); err != nil {
			return err
		}
		rest = after
	}
	bw.WriteString(rest)
	return bw.Flush()
}

// Depths of the arrays streamed, as the encoder indents them.
const (
	yearIndent    = "    "     // an element of "years"
	agencyIndent  = "        " // an element of a year's "agencies"
	findingIndent = "    "     // an element of "findings"
)

// writeArray writes n elements as an indented array whose elements begin
// at indent; elem writes the i-th (from its first character, indented
// after its first line).
func writeArray(w *bufio.Writer, n int, indent string, elem func(i int) error) error {
	if n == 0 {
		w.WriteString("[]")
		return nil
	}
	w.WriteString("[")
	for i := range n {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n" + indent)
		if err := elem(i); err != nil {
			return err
		}
	}
	w.WriteString("\n" + indent[:len(indent)-2] + "]")
	return nil
}

// writeIndented writes compact JSON indented as an element at indent.
func writeIndented(w *bufio.Writer, compact []byte, indent string, err error) error {
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, indent, "  "); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writeYears writes the years, each with its agencies streamed. A year's
// JSON is Year.MarshalJSON's (json.Marshal: HTML characters escaped), its
// agencies' too.
func (ru *Rollup) writeYears(w *bufio.Writer) error {
	return writeArray(w, len(ru.Years), yearIndent, func(i int) error {
		y := ru.Years[i]
		if len(y.Agencies) == 0 {
			b, err := json.Marshal(y)
			return writeIndented(w, b, yearIndent, err)
		}
		// The year without its agencies, indented, split where they go.
		skeleton := *y
		skeleton.Agencies = []*AgencyRow{}
		b, err := json.Marshal(skeleton)
		if err != nil {
			return err
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, b, yearIndent, "  "); err != nil {
			return err
		}
		before, after, ok := strings.Cut(ind.String(), `"agencies": []`)
		if !ok {
			return fmt.Errorf("rollup: no agencies in the JSON of year %d", y.Year)
		}
		w.WriteString(before + `"agencies": `)
		if err := writeArray(w, len(y.Agencies), agencyIndent, func(j int) error {
			b, err := json.Marshal(y.Agencies[j])
			return writeIndented(w, b, agencyIndent, err)
		}); err != nil {
			return err
		}
		_, err = w.WriteString(after)
		return err
	})
}

// writeFindings writes the roll-up's findings as the encoder does (HTML
// characters as they are).
func writeFindings(w *bufio.Writer, findings []Finding) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	return writeArray(w, len(findings), findingIndent, func(i int) error {
		buf.Reset()
		if err := enc.Encode(findings[i]); err != nil {
			return err
		}
		return writeIndented(w, bytes.TrimSuffix(buf.Bytes(), []byte("\n")), findingIndent, nil)
	})
}
