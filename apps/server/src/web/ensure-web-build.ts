// `npm run build:web`: build the web app now (with --force even when it looks fresh).
import { buildWeb, ensureWebBuild } from "./web-build";

if (process.argv.includes("--force")) await buildWeb();
else await ensureWebBuild();
