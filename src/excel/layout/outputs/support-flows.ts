import { fitFigures } from "./paper";
import { roundDivHalfAway, type ExactMoney, type ModelRun, type SupportMethodComparison, type SupportReport } from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { runPartners } from "./partners";
import { supportMethodWords } from "./words";

/**
 * An exact amount rounded to the penny (half away from zero), as the number a cell holds. A cell
 * stores a double: written unrounded, a flow such as 2,200,000/49 would be a 17-digit float that
 * other programs re-save at other precisions, so a later verification could not tell it from an
 * edit. The exact figure stays in Explain.
 */
function toPenny(m: ExactMoney): number {
  return pounds(Number(roundDivHalfAway(m.pence.n, m.pence.d)));
}

/**
 * The Support flows sheet: for each year and category, each support
 * service's own cost, what it received from the other services, the total it
 * passed on and where that went; what each partner was charged (rounded line
 * by line); and the three methods side by side. Written only for a model
 * with support services.
 */
export function supportFlowsSheet(
  run: ModelRun,
  report: SupportReport,
  methods: SupportMethodComparison | undefined,
  scenario?: string,
): SheetSpec {
  const partners = runPartners(run).filter((p) => p.within === undefined);
  const services = report.years[0]?.services.map((s) => s.service) ?? [];
  const users = [...services, ...partners.map((p) => p.id)];
  const order = report.method === "step-down" ? ` (order: ${report.order.join(", ")})` : "";
  const blocks: Block[] = [
    {
      row: 0,
      col: 0,
      values: [[`Support services: how their costs reach the partners — ${supportMethodWords(report.method)} method${order}`]],
      style: "title",
    },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
    {
      row: 3,
      col: 0,
      // One short line a row: a long note spills across the page and shrinks the whole sheet when printed to one page wide.
      values: [
        ["Flows are exact amounts rounded to the penny; the exact figure of any charge is in Explain and --explain."],
        [
          "Each line of a service is charged by where £1 of its cost ends up, rounded on its own: the charged row adds up to the " +
            "own costs.",
        ],
        [
          "Flows are among every partner for the whole year; where a line applies to some partners, or one joins or leaves, the " +
            "charged row is what each pays.",
        ],
      ],
      style: "note",
    },
  ];
  const headers = ["Service", "Name", "Own cost (£)", "Received (£)", "Total passed on (£)", ...users.map((u) => `To ${u} (£)`)];
  const formats = [null, null, ...headers.slice(2).map(() => MONEY_FORMAT)];
  let row = 7;
  for (const y of report.years) {
    blocks.push({ row, col: 0, values: [[`${y.yearLabel} — ${y.category}`]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [headers], style: "header" });
    const body: CellValue[][] = y.services.map((s) => [
      s.service,
      s.label,
      pounds(s.ownCost),
      toPenny(s.received),
      toPenny(s.total),
      ...users.map((u) => {
        const f = s.flows.find((x) => x.to === u);
        return f === undefined ? "" : toPenny(f.amount);
      }),
    ]);
    const own = y.services.reduce((a, s) => a + s.ownCost, 0);
    body.push([
      "Charged",
      "Rounded, line by line",
      pounds(own),
      "",
      "",
      ...users.map((u) => {
        const c = y.charged.find((x) => x.partner === u);
        return c === undefined ? "" : pounds(c.amount);
      }),
    ]);
    blocks.push({ row: row + 2, col: 0, values: body, formats });
    row += body.length + 4;
  }
  if (methods !== undefined) row = methodBlocks(blocks, row, methods, partners);
  return outputSheet("supportFlows", {
    blocks,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [44, 72, 50, 50, 50, ...users.map(() => 44)]),
  });
}

function methodBlocks(
  blocks: Block[],
  row: number,
  m: SupportMethodComparison,
  partners: readonly { readonly id: string; readonly name: string }[],
): number {
  const words = m.methods.map((x) => `${supportMethodWords(x)}${x === m.current ? " (used)" : ""} (£)`);
  blocks.push({
    row,
    col: 0,
    values: [
      [`The three methods side by side: each partner's support-service charges over all years (step-down order ${m.order.join(", ")})`],
    ],
    style: "header",
  });
  blocks.push({ row: row + 1, col: 0, values: [["Partner", "Name", ...words, "Largest − smallest (£)"]], style: "header" });
  const body: CellValue[][] = m.rows.map((r) => {
    const ran = r.amounts.filter((a): a is number => a !== undefined);
    return [
      r.partner,
      partners.find((p) => p.id === r.partner)?.name ?? r.partner,
      ...r.amounts.map((a) => (a === undefined ? "could not run" : pounds(a))),
      ran.length < 2 ? "" : pounds(Math.max(...ran) - Math.min(...ran)),
    ];
  });
  body.push(["All partners", "", ...m.totals.map((t) => (t === undefined ? "" : pounds(t))), ""]);
  blocks.push({ row: row + 2, col: 0, values: body, formats: [null, null, ...m.methods.map(() => MONEY_FORMAT), MONEY_FORMAT] });
  const failed = m.methods.filter((x) => m.problems[x] !== undefined);
  if (failed.length > 0)
    blocks.push({
      row: row + 3 + body.length,
      col: 0,
      values: [[`Could not run by ${failed.map(supportMethodWords).join(", ")}: see the problems the add-in lists for them.`]],
      style: "note",
    });
  return row + body.length + 5;
}

/**
 * The Support flows sheet of a run without support services, written in place
 * of one an earlier run left, so its flows cannot be taken for this run's.
 */
export function supportFlowsRetiredSheet(): SheetSpec {
  return outputSheet("supportFlows", {
    blocks: [
      { row: 0, col: 0, values: [["Support services: none in the latest run"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "The model (or the scenario run) has no support services, so there are no flows to show. This sheet held an " +
              "earlier run's flows; they were removed so they cannot be taken for the latest run's (see the Run log).",
          ],
        ],
        style: "note",
      },
    ],
    freezeRows: 0,
    columnWidths: [400],
  });
}
