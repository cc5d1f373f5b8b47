// Draws the app icon — a silent-film intertitle card between the sprocket holes of a film
// strip — as SVG, and renders build/icon.png (1024×1024) from it with sharp. electron-builder
// derives the macOS, Windows and Linux icons from that PNG. Run: node scripts/make-icon.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';

const size = 1024;
const paper = '#efe6d2';
const ink = '#0c0b0a';
const film = '#1f1b17';
const accent = '#c2412d';

function sprockets(x) {
  const holes = [];
  for (let y = 175; y <= 805; y += 90) {
    holes.push(`<rect x="${x}" y="${y}" width="44" height="50" rx="10" fill="${paper}" fill-opacity="0.92"/>`);
  }
  return holes.join('\n    ');
}

/** A small diamond, the ornament of Art Deco title cards. */
function diamond(cx, cy, r, fill) {
  return `<path d="M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z" fill="${fill}"/>`;
}

/** Centred rounded bars standing for the card's lines of text. */
function textLine(y, width) {
  return `<rect x="${(size - width) / 2}" y="${y}" width="${width}" height="28" rx="14" fill="${paper}"/>`;
}

const card = { x: 232, y: 232, w: 560, h: 560 };
const inset = 30;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect x="72" y="72" width="880" height="880" rx="196" fill="${film}"/>
  <g>
    ${sprockets(118)}
    ${sprockets(862)}
  </g>
  <rect x="${card.x}" y="${card.y}" width="${card.w}" height="${card.h}" rx="18" fill="${ink}" stroke="${paper}" stroke-width="10"/>
  <rect x="${card.x + inset}" y="${card.y + inset}" width="${card.w - 2 * inset}" height="${card.h - 2 * inset}" rx="8"
        fill="none" stroke="${paper}" stroke-width="4"/>
  ${diamond(card.x + inset, card.y + inset, 16, paper)}
  ${diamond(card.x + card.w - inset, card.y + inset, 16, paper)}
  ${diamond(card.x + inset, card.y + card.h - inset, 16, paper)}
  ${diamond(card.x + card.w - inset, card.y + card.h - inset, 16, paper)}
  ${textLine(400, 340)}
  ${textLine(460, 260)}
  <rect x="412" y="538" width="200" height="4" fill="${paper}"/>
  ${diamond(512, 540, 14, accent)}
  ${textLine(590, 300)}
</svg>
`;

await mkdir('build', { recursive: true });
await writeFile('build/icon.svg', svg);
await sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toFile('build/icon.png');
console.log('wrote build/icon.svg and build/icon.png');
