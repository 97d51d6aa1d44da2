package xxgk_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// goSource is every Go file of the module that is not a test, parsed, by
// slash path relative to the module root.
func goSource(t *testing.T) map[string]*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(p)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files: not at the module root?", len(files))
	}
	return files
}

// TestRuleCatalogue checks the catalogue: ids unique, every rule named in
// Chinese and explained, every constant of rules.go in it, and every rule
// listed in MODEL.md.
func TestRuleCatalogue(t *testing.T) {
	seen := map[string]bool{}
	han := regexp.MustCompile(`\p{Han}`)
	for _, r := range templates.Rules() {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if !han.MatchString(r.Name) || !han.MatchString(r.Meaning) {
			t.Errorf("rule %s: name %q or meaning %q is not Chinese", r.ID, r.Name, r.Meaning)
		}
		switch r.Severity {
		case xxgk.SeverityError, xxgk.SeverityWarning, xxgk.SeverityInfo:
		default:
			t.Errorf("rule %s: severity %q", r.ID, r.Severity)
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "rules.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, v := range s.(*ast.ValueSpec).Values {
				id, _ := strconv.Unquote(v.(*ast.BasicLit).Value)
				consts++
				if _, ok := xxgk.RuleByID(id); !ok {
					t.Errorf("rules.go: constant %q is not in the catalogue", id)
				}
			}
		}
	}
	if consts != len(xxgk.Rules()) {
		t.Errorf("rules.go declares %d rule constants for %d rules", consts, len(xxgk.Rules()))
	}
	model, err := os.ReadFile("templates/MODEL.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range templates.Rules() {
		if !strings.Contains(string(model), "| `"+r.ID+"` | "+string(r.Severity)+" | "+r.Name+" |") {
			t.Errorf("MODEL.md does not list rule %s (%s, %s)", r.ID, r.Severity, r.Name)
		}
	}
}

// TestNamesResolve reads the code for the names it gives to data and checks
// each one: a finding's rule is always a constant of the catalogue, never a
// string typed in place (where a typo would be a rule nobody knows), and
// every string that has the shape of a figure key or a cell key names a
// real figure or cell of formats.json, so that a misspelt key is not a
// silent no-op.
func TestNamesResolve(t *testing.T) {
	families := map[string]bool{}
	for _, fig := range templates.Figures {
		family, _, _ := strings.Cut(fig.Key, ".")
		families[family] = true
	}
	forms, tables := map[string]bool{}, map[string]bool{}
	for _, f := range templates.Forms() {
		forms[f.ID] = true
		for _, tb := range f.Tables {
			tables[tb.ID] = true
		}
	}
	keyShape := regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,3}$`)
	checked := 0
	for path, f := range goSource(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Rule" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						t.Errorf("%s: finding rule %s typed in place: use the catalogue's constant", path, lit.Value)
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Rule" && i < len(n.Rhs) {
						if lit, ok := n.Rhs[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							t.Errorf("%s: finding rule %s typed in place: use the catalogue's constant", path, lit.Value)
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil || !keyShape.MatchString(s) {
					return true
				}
				parts := strings.Split(s, ".")
				switch {
				case len(parts) == 2 && families[parts[0]]:
					checked++
					if templates.FigureByKey(s) == nil {
						t.Errorf("%s: %q is not a figure of templates.Figures", path, s)
					}
				case len(parts) == 4 && forms[parts[0]]:
					checked++
					if _, _, _, ok := templates.Cell(s); !ok {
						t.Errorf("%s: %q is not a cell of formats.json", path, s)
					}
				case len(parts) == 3 && tables[parts[0]]:
					checked++
					if !slices.ContainsFunc(templates.Forms(), func(f *templates.Form) bool {
						_, _, _, ok := templates.Cell(f.ID + "." + s)
						return ok
					}) {
						t.Errorf("%s: %q is not a cell of any form of formats.json", path, s)
					}
				}
			}
			return true
		})
	}
	if checked < 20 {
		t.Errorf("only %d figure and cell keys found in the code: is the scan broken?", checked)
	}
}
