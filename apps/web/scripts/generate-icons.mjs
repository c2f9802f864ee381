// Renders the app icons (web app manifest, iOS home screen) from public/favicon.svg.
// Run once after changing the logo, then commit the PNGs: `node apps/web/scripts/generate-icons.mjs`.
// sharp comes from apps/server's dependencies (hoisted in the workspace).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "../public");
const logo = await readFile(join(publicDir, "favicon.svg"), "utf8");

// The speech bubble of the logo without its rounded tile, for icons the platform masks itself.
const glyph = logo.replace(/<rect[^>]*\/>/, "").replace(/<title>.*<\/title>/, "");

/** The glyph centred on a full-bleed square: maskable icons keep their content in the middle 80%. */
function fullBleed(scale) {
  const offset = (64 - 64 * scale) / 2;
  return glyph.replace(
    /(<svg[^>]*>)([\s\S]*)(<\/svg>)/,
    `$1<rect width="64" height="64" fill="#5b45e0"/><g transform="translate(${offset} ${offset}) scale(${scale})">$2</g>$3`,
  );
}

async function render(svg, size, file, { opaque = false } = {}) {
  const image = sharp(Buffer.from(svg), { density: (72 * size) / 64 }).resize(size, size);
  // Platforms that mask the icon show transparent pixels as black: no alpha channel there.
  await (opaque ? image.flatten({ background: "#5b45e0" }) : image)
    .png({ compressionLevel: 9 })
    .toFile(join(publicDir, "icons", file));
  console.log(`icons/${file} ${size}x${size}`);
}

await render(logo, 192, "icon-192.png");
await render(logo, 512, "icon-512.png");
await render(fullBleed(0.75), 512, "icon-maskable-512.png", { opaque: true });
// iOS rounds the corners itself and shows transparency as black.
await render(fullBleed(0.9), 180, "apple-touch-icon.png", { opaque: true });
