import { problemLine, signedText, signOffWorkbook, type Problem, buildOutputSheets, decodeMarker } from "../app";
import type { WorkbookPort } from "../excel";
import { EXIT, type Outcome } from "./outcome";
import type { WriteSession } from "./write-session";
import type { BulkXlsxStore } from "./xlsx/bulk-store";
import type { OpenedWorkbook } from "./xlsx/open";
import { workbookBytes } from "./xlsx/save";
import { lostFeaturesText } from "./xlsx/unsupported";

/** What `--sign-off` works on: the workbook opened for writing in place. */
export interface SignOffTarget {
  /** As typed, for messages. */
  readonly file: string;
  readonly by: string;
  readonly now: Date;
  readonly json: boolean;
  readonly force: boolean;
  readonly opened: OpenedWorkbook;
  readonly store: BulkXlsxStore;
  readonly port: WorkbookPort;
  readonly active: Parameters<typeof workbookBytes>[1];
  readonly session: WriteSession;
}

/**
 * `--sign-off "Name, Role"`: verifies the run recorded in the workbook and,
 * only when it verifies, appends the approval to its Run log and saves. No
 * result sheet is recomputed into the file: the figures approved are the
 * figures it holds. Refused (exit 1, nothing written) with the reason
 * otherwise; prints what was signed.
 */
export async function signOffCommand(t: SignOffTarget): Promise<Outcome> {
  const fail = (code: number, message: string, problems: readonly Problem[] = []): Outcome =>
    t.json
      ? {
          code,
          out: [
            JSON.stringify(
              { ok: false, error: message, problems: problems.map((p) => ({ address: p.address ?? null, message: p.message })) },
              null,
              2,
            ),
          ],
        }
      : { code, err: [`shared-apportion: ${message}`, ...problems.map((p) => `  ${problemLine(p)}`)] };
  // Only the Run log is rewritten, but the file is saved whole: what this tool cannot keep is said first.
  const outputs = new Set(
    t.store
      .listSheets()
      .filter((s) => decodeMarker(s.marker)?.role === "output")
      .map((s) => s.name),
  );
  const lost = await t.opened.lost((sheet) => outputs.has(sheet));
  if (lost.length > 0 && !t.force)
    return fail(
      EXIT.file,
      `${t.file} holds ${lostFeaturesText(lost)}, which this tool cannot keep when it rewrites the file; nothing was ` +
        `written. Use --force to record the sign-off anyway.`,
    );
  const result = await signOffWorkbook(t.port, { by: t.by, now: t.now });
  if (!result.ok) return fail(EXIT.problems, `${t.file}: ${result.message}`, result.problems);
  // exceljs cannot carry the charts it read: they are laid again from the verified run, exactly as they were written.
  for (const spec of buildOutputSheets(result.outputs))
    if (outputs.has(spec.name)) for (const chart of spec.charts) t.store.addChart(spec.name, chart);
  const refused = await t.session.commit(await workbookBytes(t.store, t.active), t.opened.identity);
  if (refused !== undefined) return fail(EXIT.file, refused);
  const s = result.signed;
  if (t.json)
    return {
      code: EXIT.ok,
      out: [
        JSON.stringify(
          {
            ok: true,
            file: t.file,
            signedOff: { by: s.by, at: s.at, run: s.runAt, scenario: s.scenario, compared: s.compared, fingerprint: s.fingerprint },
          },
          null,
          2,
        ),
      ],
    };
  return { code: EXIT.ok, out: [`${t.file}: ${signedText(s)} Recorded in its Run log; no result was recalculated or rewritten.`] };
}
