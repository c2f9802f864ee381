import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildEmojiData } from "./build-emoji-data";

/**
 * Regenerates emoji-data.json from emojibase-data (see build-emoji-data.ts), formatted as the
 * repository's formatter wants it (the bundler minifies it again for the browser).
 */
const target = fileURLToPath(new URL("./emoji-data.json", import.meta.url));
const rows = buildEmojiData();
writeFileSync(target, `${JSON.stringify(rows)}\n`);
execFileSync("npx", ["biome", "format", "--write", target], { stdio: "inherit" });
console.log(`wrote ${rows.length} emoji to ${target}`);
