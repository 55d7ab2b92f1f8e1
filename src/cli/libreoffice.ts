import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { onSignal } from "./fs/cleanup";

/** Why LibreOffice made no PDF. Worded by `conversionMessage` (pdf-command.ts). */
export type ConversionProblem =
  | { readonly kind: "timedOut"; readonly seconds: number }
  | { readonly kind: "notStarted"; readonly code: string }
  | { readonly kind: "failed"; readonly exitCode: number | null; readonly signal: string | null; readonly detail: string }
  | { readonly kind: "noPdf"; readonly index: number };

/** The default time LibreOffice may take (`--pdf-timeout` changes it): its first start in a fresh profile is slow. */
export const DEFAULT_PDF_TIMEOUT_SECONDS = 240;

/** How a started converter ended: its exit, or the time limit. */
type Ended = { readonly kind: "exited"; readonly code: number | null; readonly signal: string | null } | { readonly kind: "timedOut" };

/**
 * Ends the converter and everything it started. soffice is a script that
 * starts soffice.bin, which can start helpers: killing only the first would
 * leave the others running (and holding the profile) after the run. The
 * converter runs in a process group of its own, so the whole group is ended.
 */
function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Runs `command` with `args` in a process group of its own, ending the group after `timeoutMs`. */
function runLimited(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ ended: Ended; stderr: string } | { code: string }> {
  return new Promise((done) => {
    let stderr = "";
    const child = spawn(command, args, { detached: process.platform !== "win32", stdio: ["ignore", "ignore", "pipe"] });
    // If this run is stopped (Ctrl+C, a scheduler's SIGTERM), LibreOffice is stopped with it.
    const forget = onSignal(() => killTree(child.pid));
    const timer = setTimeout(() => {
      killTree(child.pid);
      finish({ ended: { kind: "timedOut" }, stderr });
    }, timeoutMs);
    let finished = false;
    const finish = (r: { ended: Ended; stderr: string } | { code: string }): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      forget();
      done(r);
    };
    child.stderr?.on("data", (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    child.on("error", (e) => finish({ code: (e as { code?: string }).code ?? e.message }));
    // "exit", not "close": a helper that outlived soffice could hold the pipe open for ever.
    child.on("exit", (code, signal) => {
      // A converter that exits leaves no helpers behind it either.
      killTree(child.pid);
      finish({ ended: { kind: "exited", code, signal }, stderr });
    });
  });
}

/**
 * Converts workbooks to PDF with LibreOffice in one start (its start-up is
 * most of the time), under a time limit: on timeout the converter's whole
 * process tree is ended and nothing is returned. LibreOffice runs headless
 * with a temporary profile of its own, so a LibreOffice the user has open is
 * neither used nor disturbed. Nothing is written anywhere but a temporary
 * folder, removed before returning.
 */
export async function convertToPdfs(
  workbooks: readonly Uint8Array[],
  soffice: string,
  timeoutSeconds: number,
): Promise<{ ok: true; pdfs: Buffer[] } | { ok: false; problem: ConversionProblem }> {
  const work = await mkdtemp(join(tmpdir(), "sa-pdf-"));
  try {
    const names = workbooks.map((_, i) => join(work, `book-${i + 1}.xlsx`));
    await Promise.all(workbooks.map((bytes, i) => writeFile(names[i] ?? "", bytes)));
    const profile = pathToFileURL(join(work, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, ...names];
    const ran = await runLimited(soffice, args, timeoutSeconds * 1000);
    if ("code" in ran) return { ok: false, problem: { kind: "notStarted", code: ran.code } };
    if (ran.ended.kind === "timedOut") return { ok: false, problem: { kind: "timedOut", seconds: timeoutSeconds } };
    if (ran.ended.code !== 0)
      return {
        ok: false,
        problem: { kind: "failed", exitCode: ran.ended.code, signal: ran.ended.signal, detail: ran.stderr.trim().split("\n")[0] ?? "" },
      };
    const pdfs: Buffer[] = [];
    for (let i = 0; i < names.length; i++) {
      const pdf = await readFile(join(work, `book-${i + 1}.pdf`)).catch(() => undefined);
      if (pdf === undefined || pdf.length === 0) return { ok: false, problem: { kind: "noPdf", index: i } };
      pdfs.push(pdf);
    }
    return { ok: true, pdfs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
