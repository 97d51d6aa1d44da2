#!/usr/bin/env bash
# make-fonts.sh regenerates NotoSerifSC-Regular.ttf, NotoSerifSC-Bold.ttf and
# OFL.txt in this folder from the npm package @expo-google-fonts/noto-serif-sc.
#
# Needs: npm, and Python 3 with fontTools (Debian: apt-get install -y
# python3-fonttools). Run from anywhere: bash fonts/make-fonts.sh
#
# The fonts are subset to every character of GBK/GB18030's two-byte area
# (0x8140-0xFEFE), ASCII, Latin-1, general and CJK punctuation, full-width
# forms and the circled numbers. Outlines stay TrueType (glyf): fpdf cannot
# read CFF. Hinting and the OpenType layout tables are dropped; fpdf uses
# neither.
set -euo pipefail

PKG=@expo-google-fonts/noto-serif-sc
VERSION=0.4.3
# sha256 of the two source files inside that package version.
SHA_REGULAR=c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742
SHA_BOLD=9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6

out=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A Python that has fontTools: $PYTHON, else python3, else Debian's.
py=
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
	if [ -n "$c" ] && "$c" -c 'import fontTools.subset' 2>/dev/null; then
		py=$c
		break
	fi
done
if [ -z "$py" ]; then
	echo "make-fonts.sh: no Python with fontTools; apt-get install -y python3-fonttools" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$PKG@$VERSION" >/dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp"
src_regular=$tmp/package/400Regular/NotoSerifSC_400Regular.ttf
src_bold=$tmp/package/700Bold/NotoSerifSC_700Bold.ttf
echo "$SHA_REGULAR  $src_regular" | sha256sum -c --quiet -
echo "$SHA_BOLD  $src_bold" | sha256sum -c --quiet -

# The characters to keep, one code point (hex) a line.
"$py" - >"$tmp/unicodes.txt" <<'EOF'
keep = set()
# GBK / GB18030 two-byte area: lead 0x81-0xFE, trail 0x40-0xFE but 0x7F.
for hi in range(0x81, 0xFF):
    for lo in range(0x40, 0xFF):
        if lo == 0x7F:
            continue
        for enc in ("gbk", "gb18030"):
            try:
                keep.update(bytes([hi, lo]).decode(enc))
            except UnicodeDecodeError:
                pass
keep = {ord(c) for c in keep if not 0xE000 <= ord(c) <= 0xF8FF}  # no private use
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (no-break space, ×, ÷, °, ...)
    (0x2000, 0x206F),  # general punctuation (“”‘’—…•‰, spaces)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①-⑳, ⑴, ⒈, ...)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。《》【】〔〕〇)
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width signs (￥)
]
for lo, hi in ranges:
    keep.update(range(lo, hi + 1))
keep.update(ord(c) for c in "“”‘’—…·、。，；：？！《》（）【】％〔〕〇")
for u in sorted(keep):
    print("%04X" % u)
EOF

subset() {
	"$py" -m fontTools.subset "$1" \
		--output-file="$2" \
		--unicodes-file="$tmp/unicodes.txt" \
		--layout-features= \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx,VORG \
		--no-hinting \
		--desubroutinize \
		--notdef-outline \
		--no-glyph-names \
		--no-recalc-timestamp
}
subset "$src_regular" "$out/NotoSerifSC-Regular.ttf"
subset "$src_bold" "$out/NotoSerifSC-Bold.ttf"
cp "$tmp/package/LICENSE_FONT" "$out/OFL.txt"

# fpdf reads only TrueType outlines: fail if the result is not glyf.
for f in "$out/NotoSerifSC-Regular.ttf" "$out/NotoSerifSC-Bold.ttf"; do
	"$py" - "$f" <<'EOF'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
assert "glyf" in f and "CFF " not in f, sys.argv[1] + ": not TrueType outlines"
print("%s: %d glyphs, %d code points" % (sys.argv[1], f["maxp"].numGlyphs, len(f.getBestCmap())))
EOF
done
