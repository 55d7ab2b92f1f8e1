/**
 * 5. Bundle sizes, gzipped, from dist/ (as served: production build).
 * - Custom functions start-up: the scripts taskpane.html runs up to and
 *   including functions.js (webpack's runtime, the engine chunk the functions
 *   share with the pane, functions.js itself), and functions.js alone.
 * - Task pane initial load: every local script taskpane.html loads before
 *   the UI can render (office.js comes from Microsoft's CDN and is excluded).
 *   In the shared runtime that page also loads functions.js; it is reported
 *   both with and without.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleResult {
  readonly dist: string;
  readonly builtAt: string;
  readonly functions: {
    readonly files: readonly BundleFile[];
    readonly gzipBytes: number;
    readonly targetBytes: number;
    /** functions.js alone: what the custom functions add to a page that loads the engine chunk anyway. */
    readonly ownGzipBytes: number;
    readonly ownTargetBytes: number;
  };
  readonly taskpane: {
    readonly files: readonly BundleFile[];
    readonly gzipBytes: number;
    readonly gzipBytesWithoutFunctions: number;
    readonly targetBytes: number;
  };
  /** Async chunks not in the initial load (loaded later, on demand). */
  readonly lazyChunks: readonly BundleFile[];
}

function sizeOf(dist: string, file: string): BundleFile {
  const body = readFileSync(join(dist, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Local <script src> of an HTML page, in order. */
function scriptsOf(html: string): string[] {
  const out: string[] = [];
  // Attributes may be quoted or not (the production build minifies the page).
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const src = m[1] ?? m[2] ?? m[3] ?? "";
    if (/^(https?:)?\/\//.test(src)) continue;
    out.push(src.replace(/^\.?\//, "").split("?")[0] ?? src);
  }
  return out;
}

export function bundleSizes(dist: string, allJs: readonly string[]): BundleResult {
  if (!existsSync(join(dist, "functions.js")) || !existsSync(join(dist, "taskpane.html")))
    throw new Error(`no build in ${dist}: run npm run build`);
  const paneScripts = scriptsOf(readFileSync(join(dist, "taskpane.html"), "utf8"));
  // The page lists each entry's chunks in dependency order, the functions' first.
  const fnEnd = paneScripts.indexOf("functions.js");
  const fnFiles = (fnEnd < 0 ? ["functions.js"] : paneScripts.slice(0, fnEnd + 1)).map((f) => sizeOf(dist, f));
  const paneFiles = paneScripts.map((f) => sizeOf(dist, f));
  // The browser preview's own scripts are not loaded on demand either.
  const preview = existsSync(join(dist, "preview.html")) ? scriptsOf(readFileSync(join(dist, "preview.html"), "utf8")) : ["preview.js"];
  const initial = new Set([...paneScripts, ...fnFiles.map((f) => f.file), ...preview]);
  const lazyChunks = allJs.filter((f) => !initial.has(f) && !f.startsWith("cli")).map((f) => sizeOf(dist, f));
  const sum = (xs: readonly BundleFile[]): number => xs.reduce((s, x) => s + x.gzipBytes, 0);
  return {
    dist,
    // webpack leaves unchanged files alone: the newest measured file is the build's time.
    builtAt: new Date(Math.max(...[...fnFiles, ...paneFiles].map((f) => statSync(join(dist, f.file)).mtimeMs))).toISOString(),
    functions: {
      files: fnFiles,
      gzipBytes: sum(fnFiles),
      targetBytes: 60 * 1024,
      ownGzipBytes: sum(fnFiles.filter((f) => f.file === "functions.js")),
      ownTargetBytes: 20 * 1024,
    },
    taskpane: {
      files: paneFiles,
      gzipBytes: sum(paneFiles),
      gzipBytesWithoutFunctions: sum(paneFiles.filter((f) => f.file !== "functions.js")),
      targetBytes: 200 * 1024,
    },
    lazyChunks,
  };
}
