import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalDiskStore } from "./local-disk-store";
import { blobPath, contentHash } from "./media-paths";
import { MediaTooLargeError } from "./media-store";

describe("local disk media store", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "parley-media-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const bytes = (s: string) => new TextEncoder().encode(s);

  it("media: put stores the bytes under their sha256 and open reads them back with their size", async () => {
    const store = createLocalDiskStore(root);
    const hash = await store.put("avatars", bytes("hello avatar"));
    expect(hash).toBe(contentHash(bytes("hello avatar")));
    expect(existsSync(blobPath(root, "avatars", hash))).toBe(true);
    const blob = await store.open("avatars", hash);
    expect(blob?.size).toBe(12);
    expect(blob && (await text(blob.body))).toBe("hello avatar");
  });

  it("media: the same bytes are stored once; no temp file is left behind", async () => {
    const store = createLocalDiskStore(root);
    const [a, b] = await Promise.all([
      store.put("avatars", bytes("same")),
      store.put("avatars", bytes("same")),
    ]);
    expect(a).toBe(b);
    expect(readdirSync(join(root, "avatars", a.slice(0, 2), a.slice(2, 4)))).toEqual([a]);
    expect(readdirSync(join(root, ".tmp"))).toEqual([]);
  });

  it("media: open answers null for a missing blob; remove is idempotent", async () => {
    const store = createLocalDiskStore(root);
    const hash = await store.put("avatars", bytes("to delete"));
    await store.remove("avatars", hash);
    await store.remove("avatars", hash);
    expect(await store.open("avatars", hash)).toBeNull();
    expect(await store.open("avatars", contentHash(bytes("never stored")))).toBeNull();
  });

  it("media: a temp file left by a crash long ago is swept at start; a fresh one is kept", async () => {
    const tempDir = join(root, ".tmp");
    mkdirSync(tempDir);
    writeFileSync(join(tempDir, "old.part"), "half a file");
    writeFileSync(join(tempDir, "new.part"), "being written");
    const hourAndMoreAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(join(tempDir, "old.part"), hourAndMoreAgo, hourAndMoreAgo);
    createLocalDiskStore(root);
    await expect.poll(() => readdirSync(tempDir)).toEqual(["new.part"]);
  });
});

describe("local disk media store: staged uploads", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "parley-media-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));

  it("media: a staged upload is hashed and counted as it streams, and stored under its hash", async () => {
    const store = createLocalDiskStore(root);
    const staged = await store.stage(chunks("hello ", "attachment"), 100);
    expect(staged.size).toBe(16);
    expect(staged.sha256).toBe(contentHash(new TextEncoder().encode("hello attachment")));
    expect(staged.head.toString()).toBe("hello attachment");
    const hash = await store.putStaged("attachments", staged);
    expect(hash).toBe(staged.sha256);
    const blob = await store.open("attachments", hash);
    expect(blob && (await text(blob.body))).toBe("hello attachment");
    expect(readdirSync(join(root, ".tmp"))).toEqual([]);
  });

  it("media: an upload over the limit is cut off and nothing of it is kept", async () => {
    const store = createLocalDiskStore(root);
    await expect(store.stage(chunks("12345", "67890", "x"), 10)).rejects.toBeInstanceOf(MediaTooLargeError);
    expect(readdirSync(join(root, ".tmp"))).toEqual([]);
  });

  it("media: the head keeps only the first 64 bytes; discard removes the staged file", async () => {
    const store = createLocalDiskStore(root);
    const staged = await store.stage(chunks("a".repeat(40), "b".repeat(40)), 1000);
    expect(staged.head.toString()).toBe(`${"a".repeat(40)}${"b".repeat(24)}`);
    await store.discard(staged);
    expect(existsSync(staged.path)).toBe(false);
    await expect(store.discard({ ...staged, path: "/etc/passwd" })).rejects.toThrow(/not a staged upload/);
  });
});

describe("local disk media store: ranges", () => {
  it("media: open with a range streams only those bytes, and reports the whole size", async () => {
    const root = mkdtempSync(join(tmpdir(), "parley-media-"));
    try {
      const store = createLocalDiskStore(root);
      const hash = await store.put("attachments", new TextEncoder().encode("0123456789"));
      const blob = await store.open("attachments", hash, { start: 2, end: 5 });
      expect(blob?.size).toBe(10);
      expect(blob && (await text(blob.body))).toBe("2345");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
