import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvText, inertCell, invoiceCsvFiles, journalCsvFiles, journalsOfRun, INVOICE_HEADERS } from "../../src/app";
import {
  buildJournals,
  checkModelBudgets,
  errorMessage,
  runScenario,
  type JournalsReport,
  type ModelInput,
  type Result,
} from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

function unwrap<T>(r: Result<T> | undefined): T {
  if (r === undefined) throw new Error("no journals");
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

/** Parses CSV text with csv-parse (a maintained RFC 4180 parser), the byte-order mark understood. */
function parsed(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

/** Pence from a CSV amount ("1234.56", "-0.05", "" for none). */
function pence(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (m === null) throw new Error(`not an amount: ${text}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

function sampleReport(model: ModelInput = BRENT_LEWISHAM_SOUTHWARK.model): JournalsReport {
  const budget = unwrap(checkModelBudgets(model));
  return unwrap(journalsOfRun({ run: budget.run, budget, stamp: { when: "7 Dec 2026 04:00 UTC", fingerprint: "0123456789ab" } }));
}

describe("CSV writing (RFC 4180, inert formulas)", () => {
  it("quotes what needs quoting, doubles quotes, ends records with CRLF, and can start with a BOM", () => {
    expect(csvText([["a", "b,c", 'say "hi"', "two\nlines", " edge "]])).toBe('a,"b,c","say ""hi""","two\nlines"," edge "\r\n');
    expect(csvText([["£1"]], { bom: true })).toBe("\uFEFF£1\r\n");
  });

  it("makes a cell that would start a formula inert, and leaves figures alone", () => {
    expect(inertCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(inertCell("+44 20")).toBe("'+44 20");
    expect(inertCell("@cmd")).toBe("'@cmd");
    expect(inertCell("-x")).toBe("'-x");
    expect(inertCell("-123.45")).toBe("-123.45");
    expect(inertCell("2025")).toBe("2025");
  });

  it("parses back, with csv-parse, to the same cells (formula starts made inert)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (rows, bom) => {
          const back = parsed(csvText(rows, { bom }));
          expect(back).toEqual(rows.map((r) => r.map(inertCell)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the sample's journals and invoices as CSV", () => {
  const report = sampleReport();

  it("writes every journal in its ledger's layout, and each parses back to the same figures, balancing", () => {
    const files = journalCsvFiles(report, { bom: true });
    expect(files.map((f) => f.name)).toEqual(
      report.journals.map(
        (j) => `${j.ledger}-${j.year}-${{ expenditure: "expenditure", income: "income", accrual: "accruals" }[j.kind]}.csv`,
      ),
    );
    report.journals.forEach((j, i) => {
      const rows = parsed(files[i]?.text ?? "");
      const headers = j.layout.headerRow ? (rows.shift() ?? []) : j.layout.columns.map((c) => c.header);
      expect(headers).toEqual(j.layout.columns.map((c) => c.header));
      expect(rows).toHaveLength(j.lines.length);
      const col = (field: string): number => j.layout.columns.findIndex((c) => c.field === field);
      const amount = col("amount");
      const signed = rows.map((r) => (amount >= 0 ? pence(r[amount]) : pence(r[col("debit")]) - pence(r[col("credit")])));
      expect(signed).toEqual(j.lines.map((l) => l.amount));
      expect(signed.reduce((a, b) => a + b, 0)).toBe(0);
      // The run's reference is on every line.
      for (const r of rows) expect(r.join("|")).toContain(report.reference);
    });
  });

  it("writes each partner's invoices and the host's, adding up to the charges to the penny", () => {
    const files = invoiceCsvFiles(report);
    expect(files.map((f) => f.name)).toEqual([
      ...report.invoices.map((s) => `${s.partner}-${report.year}-invoices.csv`),
      `BRE-${report.year}-sales-invoices.csv`,
    ]);
    report.invoices.forEach((s, i) => {
      const [head, ...rows] = parsed(files[i]?.text ?? "");
      expect(head).toEqual([...INVOICE_HEADERS]);
      const net = rows.reduce((a, r) => a + pence(r[9]), 0);
      const vat = rows.reduce((a, r) => a + pence(r[10]), 0);
      const gross = rows.reduce((a, r) => a + pence(r[11]), 0);
      expect([net, vat, gross]).toEqual([s.charge, s.vat, s.gross]);
      for (const r of rows) expect(pence(r[11])).toBe(pence(r[9]) + pence(r[10]));
    });
    const [, ...all] = parsed(files.at(-1)?.text ?? "");
    expect(all.reduce((a, r) => a + pence(r[9]), 0)).toBe(report.invoices.reduce((a, s) => a + s.charge, 0));
  });

  it("charges Lewisham Homes VAT it cannot recover when it joins (not a section 33 body)", () => {
    const sample = BRENT_LEWISHAM_SOUTHWARK.model;
    const joins = sample.scenarios?.find((s) => s.name === "Lewisham Homes joins");
    if (joins === undefined) throw new Error("scenario");
    const run = unwrap(runScenario(sample, joins));
    const r = unwrap(buildJournals(run, { ...sample.journals!, year: "2021/22" }, "R"));
    const lh = r.controls.find((c) => c.partner === "LH");
    // BLS-09, £80,000 onboarding, standard-rated, invoiced quarterly: £20,000 + £4,000 VAT four times.
    const onboarding = r.invoices.find((s) => s.partner === "LH")?.invoices.map((i) => i.lines.find((l) => l.line === "BLS-09")?.vat);
    expect(onboarding).toEqual([400_000, 400_000, 400_000, 400_000]);
    expect(lh?.section33).toBe(false);
    expect(lh?.irrecoverableVat).toBe(1_600_000);
    const exp = r.journals.find((j) => j.ledger === "LH" && j.kind === "expenditure");
    expect(exp?.lines.filter((l) => l.kind === "irrecoverableVat").map((l) => [l.costCentre, l.account, l.amount])).toEqual([
      ["LH-ICT", "5100", 1_600_000],
    ]);
    // A section 33 borough recovers its VAT: none of it is a cost.
    expect(r.controls.filter((c) => c.partner !== "LH").every((c) => c.irrecoverableVat === 0)).toBe(true);
  });
});
