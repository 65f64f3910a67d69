#!/bin/sh
# Regenerates icc/banmian-newsprint-240.icc, the CMYK output profile the print profile converts
# photos with and embeds as its PDF/X output intent (see icc/README.md).
#
# No newspaper ICC profile can be fetched here, and libvips' built-in CMYK profile reaches 280 %
# total ink. So we take that profile's colour behaviour (fakeread simulates measuring a chart
# printed on it) and let Argyll's colprof build a new separation with a 240 % total ink limit,
# 95 % black limit and ramp GCR. Needs Debian's `argyll` package and the project's node_modules.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# libvips' built-in CMYK profile, as sharp attaches it to a CMYK JPEG.
node --input-type=module -e "
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
const jpeg = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } })
  .toColourspace('cmyk').withIccProfile('cmyk', { attach: true }).jpeg().toBuffer();
writeFileSync('$work/base.icc', (await sharp(jpeg).metadata()).icc);
"
# 600 CMYK patches within the ink limit, "measured" through the base profile, profiled again.
targen -v0 -d4 -f600 -l240 "$work/chart" >/dev/null
fakeread "$work/base.icc" "$work/chart" >/dev/null
colprof -qm -kr -l240 -L95 \
  -D "Banmian newsprint 240% (derived)" \
  -C "CC0 1.0. Derived by Banmian from the libvips built-in CMYK profile with ArgyllCMS." \
  -O "$work/out.icc" "$work/chart" >/dev/null
cp "$work/out.icc" icc/banmian-newsprint-240.icc
echo "wrote icc/banmian-newsprint-240.icc"
