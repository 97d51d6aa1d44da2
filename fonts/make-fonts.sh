#!/usr/bin/env bash
# make-fonts.sh regenerates the fonts of this folder and their licences:
#
#   NotoSerifSC-Regular.ttf  body text (仿宋's stand-in), all of GBK
#   NotoSerifSC-Bold.ttf     titles (小标宋's stand-in), heading set
#   NotoSansSC-Medium.ttf    first-level headings (黑体's), heading set
#   LXGWWenKai-Regular.ttf   second-level headings (楷体's), heading set
#   OFL.txt, OFL-NotoSansSC.txt, OFL-LXGWWenKai.txt
#
# from three npm packages, pinned by version and sha256 below.
#
# Needs: npm, and Python 3 with fontTools and brotli (Debian: apt-get
# install -y python3-fonttools python3-brotli). Run from anywhere:
# bash fonts/make-fonts.sh
#
# The body font keeps every character of GBK/GB18030's two-byte area
# (0x8140-0xFEFE): it prints whatever a report says. The heading faces keep
# the heading set: GB2312, the characters of the sample reports
# (testdata/reports) and the same ASCII, Latin-1 and punctuation; a
# character they lack is printed in the body font (export/pdf). Outlines
# stay TrueType (glyf): fpdf cannot read CFF. Hinting and the OpenType
# layout tables are dropped; fpdf uses neither.
set -euo pipefail

SERIF=@expo-google-fonts/noto-serif-sc@0.4.3
SANS=@expo-google-fonts/noto-sans-sc@0.4.3
KAI=lxgw-wenkai-webfont@1.7.0
# sha256 of the source files inside those package versions; LXGW WenKai
# comes as 97 woff2 slices, so its package file is checked whole.
SHA_SERIF_REGULAR=c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742
SHA_SERIF_BOLD=9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6
SHA_SANS_MEDIUM=b30853d205f3ecdde938b1488c735ee15a2e870d31331b992fdc53971e23ec4a
SHA_KAI_PACKAGE=5294aaeb3bc6f3949d8c209103eab696c9ce3e606a14f8e6b87bba3b7287c8a2

out=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
reports=$out/../testdata/reports

# A Python that has fontTools and brotli: $PYTHON, else python3, else Debian's.
py=
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
	if [ -n "$c" ] && "$c" -c 'import fontTools.subset, brotli' 2>/dev/null; then
		py=$c
		break
	fi
done
if [ -z "$py" ]; then
	echo "make-fonts.sh: no Python with fontTools and brotli; apt-get install -y python3-fonttools python3-brotli" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

unpack() { # unpack NAME PACKAGE: npm pack PACKAGE into $tmp/NAME
	mkdir -p "$tmp/$1"
	(cd "$tmp/$1" && npm pack --silent "$2" >/dev/null)
	tar -xzf "$tmp/$1"/*.tgz -C "$tmp/$1"
}
unpack serif "$SERIF"
unpack sans "$SANS"
unpack kai "$KAI"
serif=$tmp/serif/package
sans=$tmp/sans/package
kai=$tmp/kai/package
echo "$SHA_SERIF_REGULAR  $serif/400Regular/NotoSerifSC_400Regular.ttf" | sha256sum -c --quiet -
echo "$SHA_SERIF_BOLD  $serif/700Bold/NotoSerifSC_700Bold.ttf" | sha256sum -c --quiet -
echo "$SHA_SANS_MEDIUM  $sans/500Medium/NotoSansSC_500Medium.ttf" | sha256sum -c --quiet -
echo "$SHA_KAI_PACKAGE  $(ls "$tmp"/kai/*.tgz)" | sha256sum -c --quiet -

# The characters to keep, one code point (hex) a line: body.txt and
# heading.txt.
"$py" - "$tmp" "$reports" <<'EOF'
import glob, os, sys
tmp, reports = sys.argv[1], sys.argv[2]

def area(hi_range, lo_range, codecs):
    keep = set()
    for hi in hi_range:
        for lo in lo_range:
            if lo == 0x7F:
                continue
            for enc in codecs:
                try:
                    keep.update(bytes([hi, lo]).decode(enc))
                except UnicodeDecodeError:
                    pass
    return {ord(c) for c in keep if not 0xE000 <= ord(c) <= 0xF8FF}  # no private use

common = set()
for lo, hi in [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (no-break space, ×, ÷, °, ...)
    (0x2000, 0x206F),  # general punctuation (“”‘’—…•‰, spaces)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①-⑳, ⑴, ⒈, ...)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。《》【】〔〕〇)
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width signs (￥)
]:
    common.update(range(lo, hi + 1))
common.update(ord(c) for c in "“”‘’—…·、。，；：？！《》（）【】％〔〕〇□")

# Body: GBK / GB18030 two-byte area, lead 0x81-0xFE, trail 0x40-0xFE but 0x7F.
body = area(range(0x81, 0xFF), range(0x40, 0xFF), ("gbk", "gb18030")) | common
# Headings: GB2312 (lead and trail 0xA1-0xFE) and the sample reports.
heading = area(range(0xA1, 0xFF), range(0xA1, 0xFF), ("gb2312",)) | common
for f in sorted(glob.glob(os.path.join(reports, "*"))):
    if os.path.splitext(f)[1] not in (".txt", ".html", ".htm"):
        continue
    b = open(f, "rb").read()
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        s = b.decode("gb18030", "replace")
    heading.update(ord(c) for c in s if 0x2E80 <= ord(c) <= 0xFFFF and not 0xE000 <= ord(c) <= 0xF8FF)
for name, keep in (("body", body), ("heading", heading)):
    with open(os.path.join(tmp, name + ".txt"), "w") as w:
        for u in sorted(keep):
            print("%04X" % u, file=w)
EOF

# LXGW WenKai's regular slices merged into one TrueType font: the slices
# are subsets of one font, so a glyph name means the same glyph in each.
"$py" - "$kai/files" "$tmp/LXGWWenKai-merged.ttf" <<'EOF'
import glob, re, sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import cmap_classes

src, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(src + "/lxgwwenkai-regular-subset-*.woff2"),
               key=lambda p: int(re.search(r"-(\d+)\.woff2$", p).group(1)))
base = None
glyphs, metrics, cmap = {}, {}, {}
for fn in files:
    f = TTFont(fn, recalcTimestamp=False)  # keep head.modified: same bytes every run
    f.flavor = None
    if base is None:
        base = f
    glyf, hmtx = f["glyf"], f["hmtx"]
    for name in f.getGlyphOrder():
        if name not in glyphs:
            glyphs[name] = glyf[name]  # decompiled against its own slice
            metrics[name] = hmtx[name]
    for cp, name in f.getBestCmap().items():
        cmap.setdefault(cp, name)
order = [".notdef"] + sorted(n for n in glyphs if n != ".notdef")
for tag in ["GSUB", "GPOS", "GDEF", "morx", "feat", "prop", "bsln", "FFTM", "vhea", "vmtx"]:
    if tag in base:
        del base[tag]
base.setGlyphOrder(order)
base["glyf"].glyphs = glyphs
base["glyf"].glyphOrder = order
base["hmtx"].metrics = metrics
base["maxp"].numGlyphs = len(order)
base["post"].formatType = 2.0
base["post"].extraNames = []
base["post"].mapping = {}
tables = []
for fmt, pid, eid in [(4, 3, 1), (12, 3, 10)]:
    t = cmap_classes[fmt](fmt)
    t.platformID, t.platEncID, t.language = pid, eid, 0
    t.cmap = {cp: n for cp, n in cmap.items() if fmt == 12 or cp <= 0xFFFF}
    tables.append(t)
base["cmap"].tables = tables
base.save(out)
EOF

subset() { # subset SOURCE OUTPUT SET
	"$py" -m fontTools.subset "$1" \
		--output-file="$2" \
		--unicodes-file="$tmp/$3.txt" \
		--layout-features= \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx,VORG,morx,feat,prop,bsln,FFTM \
		--no-hinting \
		--desubroutinize \
		--notdef-outline \
		--no-glyph-names \
		--no-recalc-timestamp
}
subset "$serif/400Regular/NotoSerifSC_400Regular.ttf" "$out/NotoSerifSC-Regular.ttf" body
subset "$serif/700Bold/NotoSerifSC_700Bold.ttf" "$out/NotoSerifSC-Bold.ttf" heading
subset "$sans/500Medium/NotoSansSC_500Medium.ttf" "$out/NotoSansSC-Medium.ttf" heading
subset "$tmp/LXGWWenKai-merged.ttf" "$out/LXGWWenKai-Regular.ttf" heading

cp "$serif/LICENSE_FONT" "$out/OFL.txt"
cp "$sans/LICENSE_FONT" "$out/OFL-NotoSansSC.txt"
# The package's OFL.txt lacks the copyright line; the font's name table
# has it.
{
	"$py" -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1])["name"].getDebugName(0))' "$out/LXGWWenKai-Regular.ttf"
	echo
	cat "$kai/OFL.txt"
} >"$out/OFL-LXGWWenKai.txt"

# fpdf reads only TrueType outlines: fail if a result is not glyf.
for f in NotoSerifSC-Regular NotoSerifSC-Bold NotoSansSC-Medium LXGWWenKai-Regular; do
	"$py" - "$out/$f.ttf" <<'EOF'
import os, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
assert "glyf" in f and "CFF " not in f, sys.argv[1] + ": not TrueType outlines"
print("%s: %d glyphs, %d code points, %d bytes" % (os.path.basename(sys.argv[1]),
      f["maxp"].numGlyphs, len(f.getBestCmap()), os.path.getsize(sys.argv[1])))
EOF
done
sha256sum "$out"/*.ttf
