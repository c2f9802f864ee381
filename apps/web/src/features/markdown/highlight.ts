import { createElement, type ReactNode } from "react";
import { refractor } from "refractor";

/**
 * Syntax highlighting for fenced code blocks. refractor runs Prism's grammars without touching
 * the page and returns a syntax tree (hast) — never an HTML string — which becomes React
 * elements here, so highlighting cannot inject markup. Loaded lazily (see code-block.tsx): the
 * ~36 common languages only reach the browser when a message has a fenced block with a
 * language.
 */
type Root = ReturnType<typeof refractor.highlight>;
type RootContent = Root["children"][number];
type Element = Extract<RootContent, { type: "element" }>;

export function highlightCode(code: string, lang: string): ReactNode[] | null {
  const name = lang.trim().toLowerCase();
  if (!name || !refractor.registered(name)) return null;
  return toReact(refractor.highlight(code, name));
}

function toReact(root: Root): ReactNode[] {
  return root.children.map((child, i) => node(child, i));
}

function node(child: RootContent | Element["children"][number], key: number): ReactNode {
  if (child.type === "text") return child.value;
  if (child.type !== "element") return null;
  return createElement(
    "span",
    { key, className: tokenClass(child) },
    child.children.map((c, i) => node(c, i)),
  );
}

/** Prism's classes ("token keyword") kept as they are: markdown.module.css colours them. */
function tokenClass(element: Element): string | undefined {
  const names = element.properties.className;
  return Array.isArray(names) ? names.filter((n) => typeof n === "string").join(" ") : undefined;
}
