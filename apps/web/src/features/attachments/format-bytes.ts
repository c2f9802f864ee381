/** A file size as people read it: "812 B", "4.2 KB", "18 MB", "1.1 GB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, "") : Math.round(value)} ${units[unit]}`;
}

/** A short type label for a file card: the extension ("PDF"), else the MIME subtype, else "File". */
export function fileTypeLabel(name: string, mime: string): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1) : "";
  if (extension && extension.length <= 5 && /^[a-z0-9]+$/i.test(extension)) return extension.toUpperCase();
  if (mime !== "application/octet-stream") {
    const sub = mime.split("/")[1] ?? "";
    if (sub && sub.length <= 12) return sub.toUpperCase();
  }
  return "File";
}
