import type { DateInput, DecimalInput, DriverInput, DriverValueInput } from "../../../engine";
import { cellDate, cellDecimal, cellText, cellYesNo } from "../cell-values";
import { dict, normaliseHeader, optText, type ReadContext } from "./table-rows";

/**
 * Columns of the Drivers table that are not drivers (docs/versions.md): a
 * value's Valid from date and whether it is an Estimate or an Actual. They
 * are optional, so a workbook made before them reads as it did.
 */
const VERSION_COLUMNS: Readonly<Record<string, "validFrom" | "status">> = {
  [normaliseHeader("Valid from")]: "validFrom",
  [normaliseHeader("Status")]: "status",
};

/** The DriverList and Drivers tables read: the drivers, the figures of partners within others, and where each came from. */
export interface DriversRead {
  readonly drivers: DriverInput[];
  readonly withinDrivers: Map<string, Record<string, DecimalInput>>;
  readonly driverListRows: Record<string, number>;
  readonly driverColumns: Record<string, number>;
  readonly driverValueCells: Record<string, { row: number; col: number }[]>;
  readonly driverValueRows: { partner: string; year: string; row: number }[];
}

/** Reads the drivers: the list (labels, illustrative) and the wide table of values (a column per driver). */
export function readDrivers(ctx: ReadContext, withinIds: ReadonlySet<string>): DriversRead {
  const { parsed } = ctx;
  const invalid = ctx.invalid;
  const withinDrivers = new Map<string, Record<string, DecimalInput>>();
  const driverOrder: string[] = [];
  const driverMeta = new Map<string, { label?: string; illustrative: boolean; source?: string; asAt?: DateInput }>();
  const driverListRows = dict<number>();
  for (const r of parsed.get("driverList")?.rows ?? []) {
    const id = cellText(r.get("id"));
    const illustrative = cellYesNo(r.get("illustrative"));
    if (illustrative === undefined) invalid("driverList", r, "illustrative", r.get("illustrative"), "Yes or No");
    if (id === "") {
      invalid("driverList", r, "id", r.get("id"), "a driver id");
      continue;
    }
    if (driverMeta.has(id) && driverListRows[id] !== undefined) {
      invalid("driverList", r, "id", r.get("id"), `each driver once ("${id}" is already on row ${(driverListRows[id] ?? 0) + 1})`);
      continue;
    }
    if (!driverMeta.has(id)) driverOrder.push(id);
    const label = optText(r.get("label"));
    const source = optText(r.get("source"));
    const asAt = cellDate(r.get("asAt"));
    driverMeta.set(id, {
      ...(label === undefined ? {} : { label }),
      illustrative: illustrative === true,
      ...(source === undefined ? {} : { source }),
      ...(asAt === undefined ? {} : { asAt }),
    });
    driverListRows[id] = r.row;
  }
  const values = parsed.get("drivers");
  const driverColumns = dict<number>();
  const versionCols: Partial<Record<"validFrom" | "status", number>> = {};
  const extras = (values?.cols.extra ?? []).filter((e) => {
    const key = VERSION_COLUMNS[normaliseHeader(e.header)];
    if (key !== undefined) versionCols[key] = e.col;
    return key === undefined;
  });
  for (const e of extras) {
    driverColumns[e.header] = e.col;
    if (!driverMeta.has(e.header)) {
      driverOrder.push(e.header);
      driverMeta.set(e.header, { illustrative: false });
    }
  }
  const driverValues = new Map<string, DriverValueInput[]>();
  const driverValueCells = dict<{ row: number; col: number }[]>();
  const driverValueRows: { partner: string; year: string; row: number }[] = [];
  for (const r of values?.rows ?? []) {
    const partner = cellText(r.get("partner"));
    const year = optText(r.get("year"));
    driverValueRows.push({ partner, year: year ?? "", row: r.row });
    if (withinIds.has(partner)) {
      if (year !== undefined) {
        invalid("drivers", r, "year", r.get("year"), `blank: the figures of a partner within another apply to every year`);
        continue;
      }
      const rec = withinDrivers.get(partner) ?? dict<DecimalInput>();
      for (const e of extras) {
        const v = cellDecimal(r.at(e.col));
        if (v !== undefined) rec[e.header] = v;
      }
      withinDrivers.set(partner, rec);
      continue;
    }
    const validFrom = versionCols.validFrom === undefined ? undefined : cellDate(r.at(versionCols.validFrom));
    const status = versionCols.status === undefined ? undefined : optText(r.at(versionCols.status));
    for (const e of extras) {
      const v = cellDecimal(r.at(e.col));
      if (v === undefined) continue;
      const list = driverValues.get(e.header) ?? [];
      list.push({
        partner,
        ...(year === undefined ? {} : { year }),
        value: v,
        ...(validFrom === undefined ? {} : { validFrom }),
        ...(status === undefined ? {} : { status }),
      });
      driverValues.set(e.header, list);
      (driverValueCells[e.header] ??= []).push({ row: r.row, col: e.col });
    }
  }
  const drivers: DriverInput[] = driverOrder.map((id) => {
    const meta = driverMeta.get(id);
    return {
      id,
      ...(meta?.label === undefined ? {} : { label: meta.label }),
      ...(meta?.illustrative === true ? { illustrative: true } : {}),
      ...(meta?.source === undefined ? {} : { source: meta.source }),
      ...(meta?.asAt === undefined ? {} : { asAt: meta.asAt }),
      values: driverValues.get(id) ?? [],
    };
  });
  return { drivers, withinDrivers, driverListRows, driverColumns, driverValueCells, driverValueRows };
}
