package document

// runeCountUpTo is min(utf8.RuneCountInString(s), limit): the noise rules
// only compare a line's length in runes with bounds, and counting stops
// past them (a crawler's page on one line has thousands of runes).
func runeCountUpTo(s string, limit int) int {
	n := 0
	for range s {
		if n >= limit {
			break
		}
		n++
	}
	return n
}
