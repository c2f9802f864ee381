/** The only link schemes a message may carry. */
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The href a link in a message may use, or null when it must be shown as plain text.
 *
 * Threat: a message is written by someone else, so a `javascript:` link runs their script in
 * the reader's session when clicked, and a `data:`/`blob:`/`vbscript:` one can do the same or
 * phish. Only absolute http(s) and mailto URLs pass. The URL parser does the matching, so the
 * tricks that fool a prefix test (upper case, leading spaces, tabs or newlines inside the
 * scheme) are normalised away first; relative URLs are refused too (no scheme to judge).
 */
export function safeHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}
