import {
  formatMoney,
  serviceRechargesOfRun,
  THOUSAND,
  type ModelRun,
  type PartnerServiceSplit,
  type ServiceRechargeReport,
} from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures } from "./paper";
import { runPartners } from "./partners";

/** £ thousands as whole numbers, negatives with a minus sign: 1,234 and -1,234 (the RO return's unit). */
export const THOUSANDS_FORMAT = "#,##0;-#,##0";

/** An amount in pence that is a whole number of £1,000, as the number of thousands a cell holds. */
export function thousandsCell(pence: number): number {
  return pence / THOUSAND || 0;
}

/** The check of one split in words: what a finance officer signs against. */
export function serviceCheckText(s: PartnerServiceSplit): string {
  if (s.recharged) return "Fully recharged: the services add up to the recharge to the penny and at £000";
  if (s.reason === "noLines") return `NOT RECHARGED: ${formatMoney(s.unrecharged)} (no service lines for ${s.yearLabel} or every year)`;
  if (s.reason === "allZero") return `NOT RECHARGED: ${formatMoney(s.unrecharged)} (every basis value is zero)`;
  return "NOT RECHARGED: the services do not add up to the recharge";
}

/** The rule lines every service sheet states. */
const RULES: readonly string[] = [
  "Each partner's recharge, by year and capital apart from revenue, is split over its own services by their basis values " +
    "(largest remainder, to the penny).",
  "£000: the recharge is rounded once to £000 (half away from zero), split over the RO lines by largest remainder, then each " +
    "RO line over its services, so every column adds up exactly.",
];

/** A split's heading: partner, year, category and what its basis values count. */
function splitTitle(s: PartnerServiceSplit, name: string): string {
  const measure = s.measure === "" ? "" : ` by ${s.measure}`;
  const list = s.listFor === "every" ? " (every-year service list)" : s.listFor === "year" ? ` (${s.yearLabel} service list)` : "";
  return `${s.partner} ${name} — ${s.yearLabel} ${s.category}${measure}${list}`;
}

/** The note on partners without a service list (their recharge is not spread by the add-in). */
function withoutListNote(report: ServiceRechargeReport): string[] {
  return report.withoutList.length === 0
    ? []
    : [`No service list (not spread here; the partner's own accountant spreads it): ${report.withoutList.join(", ")}.`];
}

/**
 * The Service recharges sheet: for each partner with a service list, each
 * year and category, its services with their RO line, cost centre, basis
 * value, share to the penny and share at £000, the totals, the recharge they
 * must equal, and the check.
 */
export function serviceRechargesSheet(run: ModelRun, report: ServiceRechargeReport, scenario?: string): SheetSpec {
  const names = new Map(runPartners(run).map((p) => [p.id, p.name]));
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Service recharges: each partner's share spread onto its own services"]], style: "title" },
    { row: 1, col: 0, values: [...runNotes(run.result, scenario), ...RULES, ...withoutListNote(report)].map((n) => [n]), style: "note" },
  ];
  const headers = ["Service", "RO line or heading", "Cost centre", "Basis value", "Share (£)", "Share (£000)"];
  const formats = [null, null, null, null, MONEY_FORMAT, THOUSANDS_FORMAT];
  let row = 3 + RULES.length + withoutListNote(report).length + 1;
  for (const s of report.splits) {
    blocks.push({ row, col: 0, values: [[splitTitle(s, names.get(s.partner) ?? s.partner)]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [headers], style: "header" });
    const body: CellValue[][] = s.shares.map((x) => [
      x.service,
      x.heading,
      x.costCentre,
      Number(x.value),
      pounds(x.pence),
      thousandsCell(x.thousands),
    ]);
    if (body.length > 0) blocks.push({ row: row + 2, col: 0, values: body, formats });
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    const totals: CellValue[][] = [
      ["Services", "", "", "", pounds(sum(s.shares.map((x) => x.pence))), thousandsCell(sum(s.shares.map((x) => x.thousands)))],
      ["Recharge", "", "", "", pounds(s.recharge), thousandsCell(s.rechargeThousands)],
      ["Check", serviceCheckText(s), "", "", "", ""],
    ];
    blocks.push({
      row: row + 2 + body.length,
      col: 0,
      values: totals,
      formats: [null, null, null, null, MONEY_FORMAT, THOUSANDS_FORMAT],
      style: "total",
    });
    row += body.length + 7;
  }
  return outputSheet("serviceRecharges", {
    blocks,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [150, 190, 60, 60, 80, 60]),
  });
}

/** The most years across one RO view block (more start a further block below, so the page stays A4 wide). */
const YEARS_PER_BLOCK = 6;

/**
 * The RO view: for each partner with a service list and each category, its
 * £000 per RO line (or SeRCOP heading) with the years across, as the revenue
 * outturn return reports them, then the £000 total they add up to. Capital is
 * shown apart: the RO return is revenue only (capital goes on the capital
 * outturn return).
 */
export function roViewSheet(run: ModelRun, report: ServiceRechargeReport, scenario?: string): SheetSpec {
  const names = new Map(runPartners(run).map((p) => [p.id, p.name]));
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["RO view: each partner's recharge in £000 per revenue outturn line"]], style: "title" },
    {
      row: 1,
      col: 0,
      values: [
        ...runNotes(run.result, scenario),
        "Each RO line is its services' £000 shares added up (see Service recharges); the lines add up exactly to the recharge in £000.",
        "The RO return covers revenue; capital is shown apart for completeness (it is reported on the capital outturn return).",
        ...withoutListNote(report),
      ].map((n) => [n]),
      style: "note",
    },
  ];
  let row = 6 + withoutListNote(report).length;
  const groups = new Map<string, PartnerServiceSplit[]>();
  for (const s of report.splits) {
    const key = `${s.partner}\u0000${s.category}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  // Revenue first within each partner: it is what the RO return holds.
  const ordered = [...groups.values()].sort((a, b) => {
    const pa = report.splits.indexOf(a[0] as PartnerServiceSplit);
    const pb = report.splits.indexOf(b[0] as PartnerServiceSplit);
    const sameP = (a[0] as PartnerServiceSplit).partner === (b[0] as PartnerServiceSplit).partner;
    if (!sameP) return pa - pb;
    return (a[0] as PartnerServiceSplit).category === "revenue" ? -1 : 1;
  });
  for (const splits of ordered) {
    const first = splits[0] as PartnerServiceSplit;
    const headings = [...new Set(splits.flatMap((s) => s.roLines.map((r) => r.heading)))];
    for (let from = 0; from < splits.length; from += YEARS_PER_BLOCK) {
      const years = splits.slice(from, from + YEARS_PER_BLOCK);
      const title = `${first.partner} ${names.get(first.partner) ?? first.partner} — ${first.category} (£000)`;
      blocks.push({ row, col: 0, values: [[title]], style: "header" });
      blocks.push({
        row: row + 1,
        col: 0,
        values: [["RO line or heading", ...years.map((s) => `${s.yearLabel} (£000)`)]],
        style: "header",
      });
      const body: CellValue[][] = headings.map((h) => [
        h,
        ...years.map((s) => {
          const line = s.roLines.find((r) => r.heading === h);
          return line === undefined ? "" : thousandsCell(line.thousands);
        }),
      ]);
      const formats = [null, ...years.map(() => THOUSANDS_FORMAT)];
      if (body.length > 0) blocks.push({ row: row + 2, col: 0, values: body, formats });
      blocks.push({
        row: row + 2 + body.length,
        col: 0,
        values: [
          ["Total (£000)", ...years.map((s) => thousandsCell(s.roLines.reduce((a, r) => a + r.thousands, 0)))],
          ["Recharge rounded to £000", ...years.map((s) => thousandsCell(s.rechargeThousands))],
          ["Check", ...years.map((s) => (s.recharged ? "adds up" : "NOT RECHARGED"))],
        ],
        formats,
        style: "total",
      });
      row += body.length + 7;
    }
  }
  return outputSheet("roView", {
    blocks,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [220, ...Array.from({ length: YEARS_PER_BLOCK }, () => 70)]),
  });
}

/** The sheet written in place of a Service recharges or RO view sheet an earlier run left, when this run has no service lists. */
export function serviceSheetRetired(kind: "serviceRecharges" | "roView"): () => SheetSpec {
  const what = kind === "roView" ? "RO view" : "Service recharges";
  return () =>
    outputSheet(kind, {
      blocks: [
        { row: 0, col: 0, values: [[`${what}: no partner service lists in the latest run`]], style: "title" },
        {
          row: 1,
          col: 0,
          values: [
            [
              "The model (or the scenario run) has no Partner services rows, so nothing is spread onto services. This sheet " +
                "held an earlier run's figures; they were removed so they cannot be taken for the latest run's (see the Run log).",
            ],
          ],
          style: "note",
        },
      ],
      freezeRows: 0,
      columnWidths: [400],
    });
}

/** The headers of a statement's share by service (a partner statement's five columns). */
export const STATEMENT_SERVICE_HEADERS = ["Service", "Cost centre", "Basis value", "Share (£)", "Share (£000)"] as const;

/**
 * A partner statement's own service split, from `row`: for each year and
 * category, its services with cost centre, basis value and share to the penny
 * and at £000, its RO lines in £000, and the check. Nothing for a partner
 * without a service list. Returns the blocks and the next free row.
 */
export function statementServiceBlocks(run: ModelRun, partner: string, row: number): { blocks: Block[]; row: number } {
  const report = serviceRechargesOfRun(run);
  const splits = report?.ok === true ? report.value.splits.filter((s) => s.partner === partner) : [];
  if (splits.length === 0) return { blocks: [], row };
  const blocks: Block[] = [
    { row, col: 0, values: [["Your share by service"]], style: "header" },
    { row: row + 1, col: 0, values: [[RULES.join(" ")]], style: "note" },
  ];
  let r = row + 3;
  const formats = [null, null, null, MONEY_FORMAT, THOUSANDS_FORMAT];
  for (const s of splits) {
    const measure = s.measure === "" ? "" : ` (by ${s.measure})`;
    blocks.push({ row: r, col: 0, values: [[`${s.yearLabel} ${s.category}${measure}`, "", "", "", ""]], style: "header" });
    blocks.push({ row: r + 1, col: 0, values: [[...STATEMENT_SERVICE_HEADERS]], style: "header" });
    const body: CellValue[][] = s.shares.map((x) => [
      x.service,
      x.costCentre,
      Number(x.value),
      pounds(x.pence),
      thousandsCell(x.thousands),
    ]);
    if (body.length > 0) blocks.push({ row: r + 2, col: 0, values: body, formats });
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
    blocks.push({
      row: r + 2 + body.length,
      col: 0,
      values: [["Total", "", "", pounds(sum(s.shares.map((x) => x.pence))), thousandsCell(sum(s.shares.map((x) => x.thousands)))]],
      formats,
      style: "total",
    });
    const ro = s.roLines.map((l) => `${l.heading} ${thousandsCell(l.thousands).toLocaleString("en-GB")}`).join("; ");
    blocks.push({
      row: r + 3 + body.length,
      col: 0,
      values: [[`RO lines (£000): ${ro === "" ? "none" : ro}. ${serviceCheckText(s)}.`]],
      style: "note",
    });
    r += body.length + 5;
  }
  return { blocks, row: r };
}
