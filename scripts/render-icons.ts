// Renders public/icon.svg to the PNG sizes Chrome, Firefox and the stores ask for.
// Run after editing the SVG: `npm run icons`. The PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('public/icon.svg', 'utf8');
for (const size of SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`public/icon/${size}.png`, png);
  console.log(`public/icon/${size}.png ${png.length} bytes`);
}
