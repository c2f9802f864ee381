import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest, linked from every page): what an
 * installed Parley is called, how it opens and its icons. The icons are PNGs rendered from
 * public/favicon.svg by scripts/generate-icons.mjs; the maskable one keeps the logo inside the
 * safe zone for launchers that crop icons to a circle or squircle.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/rooms",
    name: "Parley",
    short_name: "Parley",
    description: "Self-hosted real-time chat",
    start_url: "/rooms",
    scope: "/",
    display: "standalone",
    orientation: "any",
    theme_color: "#221d3a",
    background_color: "#221d3a",
    categories: ["social", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
