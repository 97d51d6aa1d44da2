package templates

import "sync"

var replaceMu sync.Mutex

// Replace puts the specification data (formats.json as a test changed it)
// in place of the embedded one until restore is called: a test shows
// that a new form needs no Go change by reading, writing and rolling up
// reports of a form only its copy of formats.json has. data is checked
// like the embedded specification; a broken one is an error and changes
// nothing.
//
// Replace is for tests only; no other code calls it (TestReplaceIsForTests).
// The test must not run in parallel with others that use the package.
// What the package returns is the new specification's own (new *Form and
// *Table values), so caches keyed by them never serve the old one; after
// restore, those of the old specification are valid again.
func Replace(data []byte) (restore func(), err error) {
	s, err := decode(data)
	if err != nil {
		return nil, err
	}
	replaceMu.Lock()
	defer replaceMu.Unlock()
	prev := current.Load()
	use(s)
	var once sync.Once
	return func() {
		once.Do(func() {
			replaceMu.Lock()
			defer replaceMu.Unlock()
			use(prev)
		})
	}, nil
}
