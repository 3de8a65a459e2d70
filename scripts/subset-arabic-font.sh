#!/bin/sh
# Cuts Noto Sans Arabic down to the letters Modern Standard Arabic uses, for
# the Arabic link-preview images (src/site/shaped.rs), and writes the two
# files into assets/fonts/. Run it again only if content/ar/ gains a letter
# outside them: tests/preview.rs fails then, naming the letter.
#
# The font comes from Debian's fonts-noto-core; fontTools from PyPI, in a
# virtual environment under target/. The cut keeps every layout feature,
# so the letters still join (init, medi, fina, rlig) and marks still sit
# (mark, mkmk).
set -eu
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/noto
if [ ! -f "$src/NotoSansArabic-Regular.ttf" ]; then
  apt-get update -q && apt-get install -y -q fonts-noto-core
fi
venv=target/fonttools
if [ ! -x "$venv/bin/pyftsubset" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'fonttools==4.*'
fi
# Space, no-break space, guillemets; the Arabic letters, tanween and
# harakat, Arabic-Indic digits, comma, semicolon, question mark, tatweel,
# percent and separators, superscript alef, alef wasla; the letters of
# borrowed sounds (pe, tcheh, veh, gaf, farsi yeh); the joiners and marks
# of direction.
unicodes="U+0020,U+00A0,U+00AB,U+00BB,U+0621-064A,U+064B-0652,U+0660-0669,U+060C,U+061B,U+061F,U+0640,U+066A-066C,U+0670-0671,U+067E,U+0686,U+06A4,U+06AF,U+06CC,U+200C-200F"
for weight in Regular Bold; do
  "$venv/bin/pyftsubset" "$src/NotoSansArabic-$weight.ttf" --unicodes="$unicodes" \
    --layout-features='*' --output-file="assets/fonts/NotoSansArabic-$weight-subset.ttf"
done
ls -l assets/fonts/NotoSansArabic-*-subset.ttf
