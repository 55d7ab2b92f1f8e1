import { FakeClientObject } from "./client-object";
import type { FakeContext } from "./context";
import { cellKey, type FakeCell, type FakeSheet } from "./document";
import { FakeExcelError } from "./errors";
import { FakeWorksheet } from "./sheet";
import { typeIn } from "./typing";

/** A rectangle on a sheet. */
export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function letters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's address of a range: `Sheet1!A1:C3`, quoting sheet names that need it. */
export function addressOf(t: RangeTarget): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.sheet.name) ? t.sheet.name : `'${t.sheet.name.replace(/'/g, "''")}'`;
  const a = `${letters(t.col)}${t.row + 1}`;
  return t.rows === 1 && t.cols === 1 ? `${name}!${a}` : `${name}!${a}:${letters(t.col + t.cols - 1)}${t.row + t.rows}`;
}

/** Parses "A1" or "A1:C3" (no sheet) into a rectangle. */
export function parseA1(sheet: FakeSheet, address: string): RangeTarget {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) throw new FakeExcelError("InvalidArgument", `"${address}" is not an address`);
  const col = (s: string): number => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1] ?? "A");
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  const c2 = m[3] === undefined ? c1 : col(m[3]);
  return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function checkShape(t: RangeTarget, v: unknown): unknown[][] {
  if (!Array.isArray(v) || v.length !== t.rows || v.some((r) => !Array.isArray(r) || r.length !== t.cols)) {
    throw new FakeExcelError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return v as unknown[][];
}

function cell(t: RangeTarget, r: number, c: number): FakeCell | undefined {
  return t.sheet.cells.get(cellKey(t.row + r, t.col + c));
}

function grid<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V[][] {
  return Array.from({ length: t.rows }, (_, r) => Array.from({ length: t.cols }, (_, c) => f(cell(t, r, c))));
}

function style(t: RangeTarget, prop: string, value: unknown): void {
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      const k = cellKey(t.row + r, t.col + c);
      const old = t.sheet.cells.get(k);
      t.sheet.cells.set(k, {
        ...old,
        value: old?.value ?? "",
        format: old?.format,
        prefixed: old?.prefixed ?? false,
        style: { ...(old?.style ?? {}), [prop]: value },
      });
    }
  }
}

/** Font, fill and width setters of a range (only what the add-in sets). */
export class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}
  /** The font. */
  get font(): { bold: boolean; italic: boolean; size: number; color: string } {
    const set = (prop: string) => (v: unknown) => this.range.styleCommand(`font.${prop}`, v);
    return {
      set bold(v: boolean) {
        set("bold")(v);
      },
      set italic(v: boolean) {
        set("italic")(v);
      },
      set size(v: number) {
        set("size")(v);
      },
      set color(v: string) {
        set("color")(v);
      },
    } as { bold: boolean; italic: boolean; size: number; color: string };
  }
  /** The fill. */
  get fill(): { color: string } {
    const set = (v: unknown): void => this.range.styleCommand("fill.color", v);
    return {
      set color(v: string) {
        set(v);
      },
    } as { color: string };
  }
  /** Sets the width of the range's columns, in points. */
  set columnWidth(w: number) {
    this.range.widthCommand(w);
  }
  /** Sets the height of the range's rows, in points (RangeFormat.rowHeight, ExcelApi 1.2). */
  set rowHeight(h: number) {
    this.range.heightCommand(h);
  }
  /** Wraps the text of the range's cells (RangeFormat.wrapText, ExcelApi 1.1). */
  set wrapText(v: boolean) {
    this.range.styleCommand("wrapText", v);
  }
  /** Vertical alignment of the range's cells (RangeFormat.verticalAlignment, ExcelApi 1.1). */
  set verticalAlignment(v: string) {
    this.range.styleCommand("verticalAlignment", v);
  }
  /** Fits the rows' heights to their text (RangeFormat.autofitRows(), ExcelApi 1.2): recorded, since the fake measures no text. */
  autofitRows(): void {
    this.range.autofitCommand();
  }
}

/** A range proxy. */
export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected capture(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "values":
        return grid(t, (c) => c?.value ?? "");
      case "numberFormat":
        return grid(t, (c) => c?.format ?? "General");
      case "formulas":
        return grid(t, (c) => c?.formula ?? c?.value ?? "");
      case "address":
        return addressOf(t);
      case "rowIndex":
        return t.row;
      case "columnIndex":
        return t.col;
      case "rowCount":
        return t.rows;
      case "columnCount":
        return t.cols;
      default:
        throw new FakeExcelError("InvalidArgument", `The fake Range cannot load "${name}"`);
    }
  }

  /** @internal */
  styleCommand(prop: string, value: unknown): void {
    this.command({ prop, value }, (t) => style(t, prop, value));
  }

  /** @internal */
  heightCommand(h: number): void {
    this.command(h, (t) => {
      for (let r = 0; r < t.rows; r++) t.sheet.heights.set(t.row + r, h);
    });
  }

  /** @internal */
  autofitCommand(): void {
    this.command(null, (t) => t.sheet.autofitted.push(addressOf(t).replace(/^.*!/, "")));
  }

  /**
   * Merges the range into one cell (Range.merge, ExcelApi 1.2; `across` true merges each row on its own). Excel keeps
   * only the top-left value, so the fake refuses a merge over other values rather than lose them silently.
   */
  merge(across = false): void {
    this.command(across, (t) => {
      for (let r = 0; r < t.rows; r++)
        for (let c = 0; c < t.cols; c++)
          if ((r > 0 || c > 0) && (t.sheet.cells.get(cellKey(t.row + r, t.col + c))?.value ?? "") !== "")
            throw new FakeExcelError("InvalidOperation", "merging would lose a value that is not the top-left cell's");
      t.sheet.merges.push(addressOf(t).replace(/^.*!/, ""));
    });
  }

  /** @internal */
  widthCommand(w: number): void {
    this.command(w, (t) => {
      for (let c = 0; c < t.cols; c++) t.sheet.widths.set(t.col + c, w);
    });
  }

  /** The range's values (after load). Setting writes them as if typed. */
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.command(v, (t) => {
      const rows = checkShape(t, v);
      // Over a filtered table Excel writes the rows into the visible rows only, so
      // data lands in the wrong rows and the tail is lost (office-js #224:
      // https://github.com/OfficeDev/office-js/issues/224).
      const doc = this.context.document;
      const hidden = doc.filteredTableAt(t.sheet, t.row, t.col, t.rows, t.cols) ? doc.hiddenRows(t.sheet) : new Set<number>();
      const targets = Array.from({ length: t.rows }, (_, r) => t.row + r).filter((r) => !hidden.has(r));
      rows.forEach((row, r) =>
        row.forEach((x, c) => {
          const at = targets[r];
          if (at === undefined) return;
          const k = cellKey(at, t.col + c);
          const old = t.sheet.cells.get(k);
          const typed = typeIn(x, old?.format);
          if (typed === undefined) return;
          // A value over a dynamic array's anchor replaces its formula, so its spilled values go; the cells keep their
          // formats, which are the cells' own (docs on FakeCell.spill).
          if (old?.formula !== undefined && old.spill !== undefined)
            for (let sr = 0; sr < old.spill.rows; sr++)
              for (let sc = 0; sc < old.spill.cols; sc++) {
                if (sr === 0 && sc === 0) continue;
                const sk = cellKey(at + sr, t.col + c + sc);
                const spilled = t.sheet.cells.get(sk);
                if (spilled !== undefined) t.sheet.cells.set(sk, { ...spilled, value: "", prefixed: false });
              }
          t.sheet.cells.set(k, { value: typed.value, format: old?.format, style: old?.style, prefixed: typed.prefixed });
        }),
      );
    });
  }

  /**
   * The range a dynamic array's anchor cell spills into, anchor included, or a null object when the cell is no anchor
   * (ExcelApi 1.12,
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspillingtorangeornullobject-member(1)).
   * Called on more than one cell it is a null object too (getSpillingToRange "fails if applied to a range with more than one cell").
   */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        const anchor = t.rows === 1 && t.cols === 1 ? cell(t, 0, 0) : undefined;
        if (anchor?.formula === undefined || anchor.spill === undefined) return null;
        return { sheet: t.sheet, row: t.row, col: t.col, rows: anchor.spill.rows, cols: anchor.spill.cols };
      },
      true,
    );
  }

  /** The range's formulas (after load): a cell's formula, or its value when it holds none. */
  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  /** The sheet the range is on (a navigation property: no sync needed to use it). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheet);
  }

  /** The range's number formats (after load). */
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.command(v, (t) => {
      // As Excel does, a 1×1 array applies its format to every cell of the range.
      const one = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;
      const rows = one
        ? Array.from({ length: t.rows }, () => Array.from({ length: t.cols }, () => (v[0] as string[])[0]))
        : checkShape(t, v);
      rows.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null || f === undefined) return;
          const k = cellKey(t.row + r, t.col + c);
          const old = t.sheet.cells.get(k);
          t.sheet.cells.set(k, {
            ...old,
            value: old?.value ?? "",
            format: f === "General" ? undefined : String(f),
            style: old?.style,
            prefixed: old?.prefixed ?? false,
          });
        }),
      );
    });
  }

  /** Loaded address, e.g. `Costs!A1:N40`. */
  get address(): string {
    return this.read("address");
  }
  /** Loaded zero-based row. */
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  /** Loaded zero-based column. */
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  /** Loaded row count. */
  get rowCount(): number {
    return this.read("rowCount");
  }
  /** Loaded column count. */
  get columnCount(): number {
    return this.read("columnCount");
  }

  /** Formatting setters. */
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  /** Data validation of the range. */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target());
  }

  /** Conditional formats of the range. */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => this.target());
  }

  /** Selects the range (its sheet must be active). */
  select(): void {
    this.command(null, (t) => {
      if (this.context.document.active !== t.sheet) throw new FakeExcelError("InvalidSelection", "The range is not on the active sheet");
      this.context.document.selection = { sheet: t.sheet, row: t.row, col: t.col, rows: t.rows, cols: t.cols };
    });
  }

  /** Deletes the cells, shifting those below up (within the range's columns). */
  delete(shift: string): void {
    this.command(shift, (t) => {
      if (shift !== "Up") throw new FakeExcelError("InvalidArgument", "The fake only deletes with shift Up");
      // Rows of a filtered table are not deleted at all (office-js #994:
      // https://github.com/OfficeDev/office-js/issues/994).
      if (this.context.document.filteredTableAt(t.sheet, t.row, t.col, t.rows, t.cols)) return;
      this.context.document.shiftRows(t.sheet, t.row + t.rows, t.col, t.cols, -t.rows);
    });
  }
}

/** A range's data validation. */
export class FakeDataValidation {
  constructor(
    private readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {}

  private overlaps(a: RangeTarget, v: { row: number; col: number; rows: number; cols: number }): boolean {
    return v.row < a.row + a.rows && a.row < v.row + v.rows && v.col < a.col + a.cols && a.col < v.col + v.cols;
  }

  private entry(t: RangeTarget): {
    row: number;
    col: number;
    rows: number;
    cols: number;
    rule: unknown;
    errorAlert: unknown;
    broken: boolean;
  } {
    let e = t.sheet.validations.find((v) => v.row === t.row && v.col === t.col && v.rows === t.rows && v.cols === t.cols);
    if (e === undefined) {
      e = { row: t.row, col: t.col, rows: t.rows, cols: t.cols, rule: undefined, errorAlert: undefined, broken: false };
      t.sheet.validations.push(e);
    }
    return e;
  }

  /** Removes validation from the range. */
  clear(): void {
    this.context.queue({
      bytes: 60,
      run: () => {
        const t = this.range();
        t.sheet.validations = t.sheet.validations.filter((v) => !this.overlaps(t, v));
      },
    });
  }

  /** Sets the rule; a list's source may be a Range (kept as a reference to its sheet) or comma-separated text. */
  set rule(rule: { list?: { inCellDropDown: boolean; source: unknown } }) {
    const source = rule.list?.source;
    const ref = source instanceof FakeRange ? source : undefined;
    this.context.queue({
      bytes: 80 + (typeof source === "string" ? source.length : 0),
      run: () => {
        const t = this.range();
        const resolved = ref === undefined ? source : (ref as unknown as { target(): RangeTarget }).target();
        this.entry(t).rule = { list: { inCellDropDown: rule.list?.inCellDropDown ?? true, source: resolved } };
      },
    });
  }

  /** Sets the error alert. */
  set errorAlert(alert: unknown) {
    this.context.queue({ bytes: 80, run: () => (this.entry(this.range()).errorAlert = alert) });
  }
}

/** A range's conditional formats (only text comparison, which the add-in uses). */
export class FakeConditionalFormatCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {}

  /** Adds a conditional format of a type. */
  add(type: string): { textComparison: { format: { fill: { color: string }; font: { color: string } }; rule: unknown } } {
    const holder: { cf?: { fill: string | undefined; font: string | undefined; rule: unknown } } = {};
    this.context.queue({
      bytes: 60,
      run: () => {
        const t = this.range();
        const cf = {
          row: t.row,
          col: t.col,
          rows: t.rows,
          cols: t.cols,
          type,
          rule: undefined as unknown,
          fill: undefined as string | undefined,
          font: undefined as string | undefined,
        };
        t.sheet.conditionalFormats.push(cf);
        holder.cf = cf;
      },
    });
    const context = this.context;
    const later = (f: (cf: { fill: string | undefined; font: string | undefined; rule: unknown }) => void): void =>
      context.queue({
        bytes: 60,
        run: () => {
          if (holder.cf === undefined) throw new FakeExcelError("ItemNotFound", "conditional format");
          f(holder.cf);
        },
      });
    return {
      textComparison: {
        format: {
          fill: {
            set color(v: string) {
              later((cf) => (cf.fill = v));
            },
          } as { color: string },
          font: {
            set color(v: string) {
              later((cf) => (cf.font = v));
            },
          } as { color: string },
        },
        set rule(v: unknown) {
          later((cf) => (cf.rule = v));
        },
      } as { format: { fill: { color: string }; font: { color: string } }; rule: unknown },
    };
  }
}
