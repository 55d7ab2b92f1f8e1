/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per
 * function and per source file, largest first. Self time is the time a
 * function was on top of the stack; "(garbage collector)" is V8's GC.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly SelfTime[];
  readonly files: readonly SelfTime[];
}

/**
 * esbuild marks each module of a bundle with a `// path/to/module.ts`
 * comment: the source file of a bundle line is the last marker above it.
 */
function bundleModules(path: string): { line: number; file: string }[] {
  const out: { line: number; file: string }[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ (\S+\.(?:ts|tsx|mts|js|mjs|cjs))$/.exec(lines[i] ?? "");
    if (m !== null)
      out.push({ line: i, file: (m[1] ?? "").replace(/^.*?(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, "$1").replace(/^(\.\.\/)+/, "") });
  }
  return out;
}

const bundles = new Map<string, { line: number; file: string }[]>();

function sourceOf(url: string, line: number): string | undefined {
  if (!url.endsWith(".mjs") || !url.includes("shared-apportion-bench-")) return undefined;
  const path = url.replace(/^file:\/\//, "");
  let modules = bundles.get(path);
  if (modules === undefined) {
    try {
      modules = bundleModules(path);
    } catch {
      modules = [];
    }
    bundles.set(path, modules);
  }
  let file: string | undefined;
  for (const m of modules) {
    if (m.line > line) break;
    file = m.file;
  }
  return file;
}

function shortUrl(url: string, root: string, line: number): string {
  if (url === "") return "(native)";
  const bundled = sourceOf(url, line);
  if (bundled !== undefined) return bundled;
  const path = url.replace(/^file:\/\//, "");
  if (path.includes("/node_modules/")) return `node_modules/${path.split("/node_modules/").pop()?.split("/")[0] ?? ""}`;
  if (path.startsWith("node:")) return path;
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

/**
 * Self time per function and file. With `window` (microseconds on the
 * profile's clock), only samples inside it count; when the window does not
 * fall inside the profile (a different clock), every sample counts.
 */
export function summariseProfile(
  file: string,
  root: string,
  top = 20,
  window?: readonly [number, number],
): ProfileSummary & { windowed: boolean } {
  const p = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const windowed = window !== undefined && window[0] >= p.startTime && window[1] <= p.endTime;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i] as number;
    // timeDeltas[i] is the time before sample i; attribute it to sample i's node.
    const delta = p.timeDeltas[i] ?? 0;
    t += delta;
    if (windowed && (t < window[0] || t > window[1])) continue;
    self.set(id, (self.get(id) ?? 0) + delta);
  }
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (n === undefined) continue;
    const name = n.callFrame.functionName || "(anonymous)";
    if (name === "(idle)") continue;
    const where = shortUrl(n.callFrame.url, root, n.callFrame.lineNumber);
    const key = `${name}\u0000${where}`;
    const e = fns.get(key) ?? { name, where, us: 0 };
    e.us += us;
    fns.set(key, e);
    const fileKey = where === "(native)" && name.startsWith("(") ? name : where;
    files.set(fileKey, (files.get(fileKey) ?? 0) + us);
    total += us;
  }
  const pct = (us: number): number => (100 * us) / total;
  return {
    windowed,
    totalMs: total / 1000,
    functions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, percent: pct(f.us) })),
    files: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ name: where, where, ms: us / 1000, percent: pct(us) })),
  };
}
