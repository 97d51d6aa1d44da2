package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Replace swaps the whole specification, with new values for the caches
// keyed by them, and restore brings back the old one; broken data changes
// nothing.
func TestReplace(t *testing.T) {
	old, oldForm, oldFigures := Load(), FormByID("fj_2013"), Figures
	if _, err := Replace([]byte(`{"formats": [{"id": "x", "label": "甲", "order": 1, "shares_cells_with": ["y"]}]}`)); err == nil {
		t.Error("a broken specification was taken")
	}
	if Load() != old {
		t.Fatal("a broken specification replaced the embedded one")
	}
	restore, err := Replace(specWith(t, func(s map[string]any) {
		formOf(s, "fj_2013")["label"] = "福建试行统计表"
		s["figures"] = s["figures"].([]any)[:3]
	}))
	if err == nil {
		restore()
		t.Fatalf("figure_cells naming figures no longer listed were taken")
	}
	restore, err = Replace(specWith(t, func(s map[string]any) { formOf(s, "fj_2013")["label"] = "福建试行统计表" }))
	if err != nil {
		t.Fatal(err)
	}
	f := FormByID("fj_2013")
	if FormLabel("fj_2013") != "福建试行统计表" || f == oldForm || f.Tables[0] == oldForm.Tables[0] || Load() == old ||
		&Figures[0] == &oldFigures[0] || FigureByKey("requests.received").From[0].Form != "gov_2021" {
		t.Error("the specification was not replaced as a whole")
	}
	restore()
	restore() // a second call does nothing
	if Load() != old || FormByID("fj_2013") != oldForm || &Figures[0] != &oldFigures[0] || FormLabel("fj_2013") != "福建2013年统计表" {
		t.Error("restore did not bring the embedded specification back")
	}
}

// Only tests replace the specification: no Go file but a test's calls
// Replace, except the trial form that tests use (internal/trialform), and
// only tests import that.
func TestReplaceIsForTests(t *testing.T) {
	const helper = "xxgk/internal/trialform"
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		inHelper := filepath.ToSlash(filepath.Dir(path)) == "../internal/trialform"
		for _, imp := range file.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == helper && !inHelper {
				t.Errorf("%s imports %s, which replaces the specification", path, helper)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "templates" {
					name = fn.Sel.Name
				}
			case *ast.Ident:
				if file.Name.Name == "templates" {
					name = fn.Name
				}
			}
			if name == "Replace" && !inHelper {
				t.Errorf("%s calls templates.Replace", path)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
