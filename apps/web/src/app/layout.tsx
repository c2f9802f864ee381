import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Parley",
  description: "Self-hosted real-time chat",
  icons: { icon: "/favicon.svg", apple: "/icons/apple-touch-icon.png" },
  // Installed to the iOS home screen: full screen, named "Parley" (the manifest is app/manifest.ts).
  appleWebApp: { capable: true, title: "Parley", statusBarStyle: "black" },
  // Next writes only the standard `mobile-web-app-capable`; iOS before 16.4 reads this one.
  other: { "apple-mobile-web-app-capable": "yes" },
};

export const viewport: Viewport = {
  themeColor: "#221d3a",
  width: "device-width",
  initialScale: 1,
  // The on-screen keyboard shrinks the layout viewport, so the composer stays above it.
  interactiveWidget: "resizes-content",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the server's Content-Security-Policy carries a new
  // nonce each time (http/security-headers.ts) and Next puts it on its scripts, which a page
  // prerendered at build time could not have.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
