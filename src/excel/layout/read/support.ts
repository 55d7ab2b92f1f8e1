import type { SupportInput, SupportUsageInput } from "../../../engine";
import type { CellValue } from "../cells";
import { cellDecimal, cellList, cellText } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** The Support sheet's tables read (with the Settings' method and order), and the row of each entry. */
export interface SupportRead {
  /** Undefined when the SupportServices table is absent or empty: the model has no support services. */
  readonly support: SupportInput | undefined;
  /** Per service, in input order. */
  readonly supportServiceRows: { id: string; row: number }[];
  /** Per usage row, in input order. */
  readonly supportUsageRows: number[];
}

/**
 * Reads the support services, their usage, and the Settings' support method
 * and step-down order (passed in, as the Settings reader found them).
 */
export function readSupport(ctx: ReadContext, method: CellValue | undefined, order: CellValue | undefined): SupportRead {
  const { parsed } = ctx;
  const services: { id: string; label?: string }[] = [];
  const supportServiceRows: { id: string; row: number }[] = [];
  for (const r of parsed.get("supportServices")?.rows ?? []) {
    const id = cellText(r.get("id"));
    const label = optText(r.get("label"));
    services.push({ id, ...(label === undefined ? {} : { label }) });
    supportServiceRows.push({ id, row: r.row });
  }
  const usage: SupportUsageInput[] = [];
  const supportUsageRows: number[] = [];
  for (const r of parsed.get("supportUsage")?.rows ?? []) {
    const year = optText(r.get("year"));
    usage.push({
      service: cellText(r.get("service")),
      by: cellText(r.get("by")),
      ...(year === undefined ? {} : { year }),
      value: cellDecimal(r.get("value")),
    });
    supportUsageRows.push(r.row);
  }
  if (services.length === 0 && usage.length === 0) return { support: undefined, supportServiceRows, supportUsageRows };
  const m = optText(method);
  const o = cellList(order);
  return {
    support: { services, usage, ...(m === undefined ? {} : { method: m }), ...(o.length === 0 ? {} : { order: o }) },
    supportServiceRows,
    supportUsageRows,
  };
}
