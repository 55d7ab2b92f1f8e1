import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** One script of a page's initial load with its gzipped size. */
export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipped: number;
}

/**
 * The scripts a built page loads up front (its local `<script src>` tags;
 * office.js from the CDN is not ours and is left out), each gzipped at level 9.
 * Chunks loaded later with `import()` are not counted: they are not initial.
 */
export function initialScripts(dist: string, page: string): ScriptSize[] {
  const html = readFileSync(join(dist, page), "utf8");
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] ?? "")
    .filter((s) => s !== "" && !/^https?:/.test(s));
  return srcs.map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length };
  });
}
