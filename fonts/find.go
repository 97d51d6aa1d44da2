package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode"
)

// SystemDirs are the folders this system keeps fonts in, the user's own
// first: on Windows %WINDIR%\Fonts (simfang.ttf, simhei.ttf, simkai.ttf
// come with it) and the per-user fonts folder; on macOS ~/Library/Fonts,
// /Library/Fonts and /System/Library/Fonts; elsewhere the freedesktop
// folders ~/.local/share/fonts, ~/.fonts, /usr/local/share/fonts and
// /usr/share/fonts.
func SystemDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			dirs = append(dirs, filepath.Join(d, "Microsoft", "Windows", "Fonts"))
		}
		win := os.Getenv("WINDIR")
		if win == "" {
			win = os.Getenv("SystemRoot")
		}
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts")
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		} else if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"))
		}
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".fonts"))
		}
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// maxFontFiles bounds the font files looked at in one folder tree.
const maxFontFiles = 20000

// Find returns the fonts of an office PC: for each face, the first font of
// its style (a family name with 仿宋, 黑体, 楷体 or 小标宋 in it, in Chinese or
// English: FangSong, SimHei, KaiTi, FZXiaoBiaoSong) in dirs, in the order
// given, then in SystemDirs; a face found in none is set in its embedded
// font. Only regular weights that fpdf can embed are taken: TrueType .ttf
// files whose licence allows embedding a subset (a .ttc collection or an
// .otf with CFF outlines cannot be).
//
// It fails if a folder of dirs cannot be read, or gives no font at all.
// The fonts found are part of the input: the same reports give the same
// PDF only with the same fonts.
func Find(dirs ...string) (*Set, error) {
	s := Embedded()
	var found [faces]bool
	for i, dir := range append(slices.Clone(dirs), SystemDirs()...) {
		given := i < len(dirs)
		files, err := fontFiles(dir)
		if err != nil {
			if given {
				return nil, fmt.Errorf("字体文件夹 %s 无法读取：%w", dir, err)
			}
			continue
		}
		took := false
		for _, file := range files {
			face, family, ok := faceOf(file, found)
			if !ok {
				continue
			}
			font, err := readFont(file, family)
			if err != nil {
				continue // not embeddable: the next font of its style, or the embedded one
			}
			s.fonts[face], found[face], took = font, true, true
		}
		if given && !took {
			return nil, fmt.Errorf("字体文件夹 %s 中没有可用的字体（需要仿宋、黑体、楷体或小标宋的 TrueType .ttf 文件）", dir)
		}
	}
	return s, nil
}

// fontFiles lists the .ttf files under dir, sorted.
func fontFiles(dir string) ([]string, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // an unreadable subfolder: skipped
		case len(files) >= maxFontFiles:
			return fs.SkipAll
		case !e.IsDir() && strings.EqualFold(filepath.Ext(p), ".ttf"):
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// faceOf reads the names of the font in file and says which face not yet
// found it is of, with the family name to show for it.
func faceOf(file string, found [faces]bool) (Face, string, bool) {
	families, subfamily, err := readNames(file)
	if err != nil || len(families) == 0 {
		return 0, "", false
	}
	sub := strings.ToLower(subfamily)
	for _, w := range []string{"bold", "italic", "oblique", "light", "thin", "black", "heavy"} {
		if strings.Contains(sub, w) {
			return 0, "", false
		}
	}
	for f := range faces {
		if found[f] {
			continue
		}
		for _, name := range families {
			for _, w := range faceInfo[f].words {
				if strings.Contains(strings.ToLower(name), w) {
					return f, displayName(families), true
				}
			}
		}
	}
	return 0, "", false
}

// displayName is the Chinese family name if the font has one, else its
// first.
func displayName(families []string) string {
	for _, n := range families {
		if strings.ContainsFunc(n, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			return n
		}
	}
	return families[0]
}

// readNames reads only the table directory and name table of a font file.
func readNames(file string) (families []string, subfamily string, err error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var head [12]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return nil, "", err
	}
	n := int(binary.BigEndian.Uint16(head[4:]))
	if n > 256 {
		return nil, "", errors.New("too many tables")
	}
	dir := make([]byte, 16*n)
	if _, err := io.ReadFull(f, dir); err != nil {
		return nil, "", err
	}
	if v := binary.BigEndian.Uint32(head[:]); v != 0x00010000 && v != 0x74727565 {
		return nil, "", errors.New("not a TrueType font") // OTTO (CFF), ttcf (a collection)
	}
	var name []byte
	for i := range n {
		rec := dir[16*i:]
		switch string(rec[:4]) {
		case "CFF ", "CFF2":
			return nil, "", errors.New("CFF outlines")
		case "name":
			off, size := int64(binary.BigEndian.Uint32(rec[8:])), binary.BigEndian.Uint32(rec[12:])
			if size > 1<<20 {
				return nil, "", errors.New("name table too large")
			}
			name = make([]byte, size)
			if _, err := f.ReadAt(name, off); err != nil {
				return nil, "", err
			}
		}
	}
	return names(name)
}

// readFont reads a font file whole and lays it out for fpdf.
func readFont(file, family string) (*Font, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return load(data, pdfName(file, family), family, file)
}

// pdfName is an ASCII name for a font in a PDF: its file name's letters
// and digits (simfang.ttf: SimFang reads better, but the file is what a
// person can find).
func pdfName(file, family string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	name := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, base)
	if name == "" {
		name = "Font"
	}
	return name
}
