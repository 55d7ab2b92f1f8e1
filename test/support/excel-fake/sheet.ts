import { FakeClientObject } from "./client-object";
import type { FakeContext } from "./context";
import { cellKey, type FakePageLayout, type FakeSheet, type FakeTable, type FakeTableChangedEventArgs } from "./document";
import { FakeExcelError } from "./errors";
import { addressOf, FakeRange, parseA1, type RangeTarget } from "./range";

/** A worksheet's custom property. */
export class FakeCustomProperty extends FakeClientObject<{ sheet: FakeSheet; key: string }> {
  protected capture(t: { sheet: FakeSheet; key: string }, name: string): unknown {
    const p = t.sheet.props.get(t.key.toLowerCase());
    if (name === "key") return p?.key;
    if (name === "value") return p?.value;
    throw new FakeExcelError("InvalidArgument", `cannot load "${name}"`);
  }
  /** Loaded key. */
  get key(): string {
    return this.read("key");
  }
  /** Loaded value. */
  get value(): string {
    return this.read("value");
  }
  /** Deletes the property. */
  delete(): void {
    this.command(null, (t) => t.sheet.props.delete(t.key.toLowerCase()));
  }
}

/** A worksheet's custom properties (ExcelApi 1.12). */
export class FakeCustomPropertyCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  /** Adds (or overwrites) a property. Keys are case-insensitive and at most 255 characters. */
  add(key: string, value: string): void {
    this.context.queue({
      bytes: 60 + key.length + value.length,
      run: () => {
        if (key.length > 255) throw new FakeExcelError("InvalidArgument", "custom property key too long");
        this.sheet().props.set(key.toLowerCase(), { key, value });
      },
    });
  }
  /** A property by key, or a null object. */
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(
      this.context,
      () => {
        const s = this.sheet();
        return s.props.has(key.toLowerCase()) ? { sheet: s, key } : null;
      },
      true,
    );
  }
}

/** A name scoped to a worksheet (NamedItem, https://learn.microsoft.com/javascript/api/excel/excel.nameditem). */
export class FakeNamedItem {
  constructor(
    private readonly context: FakeContext,
    private readonly item: () => { name: string; formula: string; visible: boolean },
  ) {}
  /** Setting hides or shows the name in Excel's Name Manager (NamedItem.visible, ExcelApi 1.1). */
  set visible(v: boolean) {
    this.context.queue({ bytes: 40, run: () => (this.item().visible = v) });
  }
}

/**
 * A sheet-scoped name found by `getItemOrNullObject` (NamedItemCollection.getItemOrNullObject, ExcelApi 1.4:
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection);
 * loads `formula` (NamedItem.formula, ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.nameditem),
 * `name` and `visible`.
 */
export class FakeFoundNamedItem extends FakeClientObject<{ name: string; formula: string; visible: boolean }> {
  protected capture(t: { name: string; formula: string; visible: boolean }, name: string): unknown {
    if (name === "formula") return t.formula;
    if (name === "name") return t.name;
    if (name === "visible") return t.visible;
    throw new FakeExcelError("InvalidArgument", `cannot load "${name}"`);
  }
  /** Loaded formula, e.g. `="text"`. */
  get formula(): string {
    return this.read<string>("formula");
  }
}

/**
 * A worksheet's names (NamedItemCollection reached from Worksheet.names, ExcelApi 1.4:
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)).
 * `add` takes a formula or a range; this fake models formulas that are one string constant (="text"), the only kind the
 * add-in writes, and refuses a name that exists in the scope already, as Excel does.
 */
export class FakeNamedItemCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  /** A name of this sheet, or a null object (Excel looks names up without regard to case). */
  getItemOrNullObject(name: string): FakeFoundNamedItem {
    return new FakeFoundNamedItem(this.context, () => this.sheet().localNames.get(name.toLowerCase()) ?? null, true);
  }

  /** Adds a name whose formula is `reference`. */
  add(name: string, reference: string): FakeNamedItem {
    const holder: { item?: { name: string; formula: string; visible: boolean } } = {};
    this.context.queue({
      bytes: 60 + name.length + reference.length,
      run: () => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid name`);
        if (!/^="(?:[^"]|"")*"$/.test(reference)) throw new FakeExcelError("InvalidArgument", "the fake models string-constant names only");
        // Excel refuses a formula (and so a string constant) longer than its limit; a name's text constant is at most 255.
        if (reference.length - 3 > 255)
          throw new FakeExcelError("InvalidArgument", "text values in formulas are limited to 255 characters");
        const names = this.sheet().localNames;
        if (names.has(name.toLowerCase())) throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" already exists`);
        holder.item = { name, formula: reference, visible: true };
        names.set(name.toLowerCase(), holder.item);
      },
    });
    return new FakeNamedItem(this.context, () => {
      if (holder.item === undefined) throw new FakeExcelError("ItemNotFound", "name");
      return holder.item;
    });
  }
}

/** Column chart types of Excel.ChartType, as Office.js spells them. */
const COLUMN_CHART_TYPES: readonly string[] = ["ColumnClustered", "ColumnStacked", "ColumnStacked100"];

/** A chart. */
export class FakeChart {
  constructor(
    private readonly context: FakeContext,
    private readonly chart: () => {
      name: string;
      title: string;
      from: string | undefined;
      to: string | undefined;
      fontSize?: number;
      titleSize?: number;
    },
  ) {}
  /** The chart area's format: its `font.size` applies to all of the chart's text (ChartAreaFormat.font, ExcelApi 1.1). */
  get format(): { font: { size: number } } {
    const set = (v: number): void => this.context.queue({ bytes: 40, run: () => (this.chart().fontSize = v) });
    return {
      font: {
        set size(v: number) {
          set(v);
        },
      },
    } as { font: { size: number } };
  }
  /** Sets the chart's name. */
  set name(v: string) {
    this.context.queue({ bytes: 60, run: () => (this.chart().name = v) });
  }
  /** The chart's title. */
  get title(): { text: string; format: { font: { size: number } } } {
    const set = (v: string): void => this.context.queue({ bytes: 60, run: () => (this.chart().title = v) });
    const size = (v: number): void => this.context.queue({ bytes: 40, run: () => (this.chart().titleSize = v) });
    return {
      set text(v: string) {
        set(v);
      },
      format: {
        font: {
          set size(v: number) {
            size(v);
          },
        },
      },
    } as { text: string; format: { font: { size: number } } };
  }
  /** Places the chart between two cells. */
  setPosition(start: FakeRange, end: FakeRange): void {
    this.context.queue({
      bytes: 80,
      run: () => {
        const c = this.chart();
        c.from = addressOf((start as unknown as { target(): RangeTarget }).target());
        c.to = addressOf((end as unknown as { target(): RangeTarget }).target());
      },
    });
  }
}

/** A worksheet proxy. */
export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(context: FakeContext, resolver: () => FakeSheet | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected capture(t: FakeSheet, name: string): unknown {
    switch (name) {
      case "name":
        return t.name;
      case "visibility":
        return t.visibility;
      case "position":
        return this.context.document.sheets.indexOf(t);
      case "tabColor":
        return t.tabColor;
      default:
        throw new FakeExcelError("InvalidArgument", `The fake Worksheet cannot load "${name}"`);
    }
  }

  /** @internal The sheet, for commands of child objects. */
  sheetTarget(): FakeSheet {
    return this.target();
  }

  /** Loaded name; setting renames the sheet. */
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.command(v, (t) => {
      this.context.document.checkSheetName(v, t);
      t.name = v;
    });
  }

  /** Loaded visibility; setting hides or shows the sheet (Excel keeps one sheet visible). */
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.command(v, (t) => {
      if (
        v !== "Visible" &&
        t.visibility === "Visible" &&
        this.context.document.sheets.filter((s) => s.visibility === "Visible").length === 1
      ) {
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet");
      }
      t.visibility = v as FakeSheet["visibility"];
    });
  }

  /** Loaded zero-based position; setting moves the sheet. */
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.command(p, (t) => {
      const list = this.context.document.sheets;
      list.splice(list.indexOf(t), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, t);
    });
  }

  /** Sets the tab colour. */
  set tabColor(c: string) {
    this.command(c, (t) => (t.tabColor = c));
  }

  /** The sheet's custom properties. */
  get customProperties(): FakeCustomPropertyCollection {
    return new FakeCustomPropertyCollection(this.context, () => this.target());
  }

  /** Names scoped to the sheet. */
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.context, () => this.target());
  }

  /** The sheet's tables. */
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.target());
  }

  /** Frozen panes. */
  get freezePanes(): { freezeRows(n: number): void } {
    return { freezeRows: (n: number) => this.command(n, (t) => (t.freezeRows = n)) };
  }

  /** The sheet's charts. */
  get charts(): { add(type: string, source: FakeRange, seriesBy: string): FakeChart } {
    return {
      add: (type, source, seriesBy) => {
        const holder: { chart?: FakeSheet["charts"][number] } = {};
        this.command({ type, seriesBy }, (t) => {
          // Excel.ChartType (https://learn.microsoft.com/javascript/api/excel/excel.charttype): the column types
          // this fake models; anything else is refused as Excel refuses a type it does not know.
          if (!COLUMN_CHART_TYPES.includes(type)) throw new FakeExcelError("InvalidArgument", `chart type ${type}`);
          const s = (source as unknown as { target(): RangeTarget }).target();
          if (s.sheet !== t) throw new FakeExcelError("InvalidArgument", "chart data must be on the chart's sheet in this fake");
          const chart = {
            name: `Chart ${t.charts.length + 1}`,
            type,
            title: "",
            source: { row: s.row, col: s.col, rows: s.rows, cols: s.cols },
            seriesBy,
            from: undefined,
            to: undefined,
          };
          t.charts.push(chart);
          holder.chart = chart;
        });
        return new FakeChart(this.context, () => {
          if (holder.chart === undefined) throw new FakeExcelError("ItemNotFound", "chart");
          return holder.chart;
        });
      },
    };
  }

  /**
   * Manual horizontal page breaks (ExcelApi 1.9):
   * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1)
   * "Adds a page break before the top-left cell of the range specified"; the range must be on the sheet.
   */
  get horizontalPageBreaks(): { add(range: FakeRange): void } {
    return {
      add: (range: FakeRange) =>
        this.command(null, (t) => {
          const r = (range as unknown as { target(): RangeTarget }).target();
          if (r.sheet !== t) throw new FakeExcelError("InvalidArgument", "a page break must be on the sheet");
          if (!t.pageBreaks.includes(r.row)) t.pageBreaks.push(r.row);
        }),
    };
  }

  /**
   * Print settings (ExcelApi 1.9), as
   * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout describes
   * them: `paperSize`, `orientation` and `zoom` are properties;
   * `setPrintArea` and `setPrintTitleRows` take a range on the same sheet
   * (title rows are whole rows: Excel widens a partial range to full rows);
   * `headersFooters.defaultForAllPages` holds the footer's three sections.
   */
  get pageLayout(): {
    paperSize: string;
    orientation: string;
    leftMargin: number;
    rightMargin: number;
    zoom: FakePageLayout["zoom"];
    setPrintArea(range: FakeRange): void;
    setPrintTitleRows(range: FakeRange): void;
    headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string; centerHeader: string } };
  } {
    const set = <K extends keyof FakePageLayout>(key: K, value: FakePageLayout[K]): void =>
      this.command(value, (t) => (t.pageLayout[key] = value));
    const onSheet = (range: FakeRange, t: FakeSheet): RangeTarget => {
      const r = (range as unknown as { target(): RangeTarget }).target();
      if (r.sheet !== t) throw new FakeExcelError("InvalidArgument", "a print range must be on the sheet");
      return r;
    };
    const footer = {} as { leftFooter: string; centerFooter: string; rightFooter: string; centerHeader: string };
    for (const key of ["leftFooter", "centerFooter", "rightFooter", "centerHeader"] as const) {
      Object.defineProperty(footer, key, {
        set: (v: string) => {
          if (v.length > 255) throw new FakeExcelError("InvalidArgument", "a header or footer is at most 255 characters");
          set(key, v);
        },
      });
    }
    const layout = {
      setPrintArea: (range: FakeRange) =>
        this.command(null, (t) => {
          const address = addressOf(onSheet(range, t));
          t.pageLayout.printArea = address.slice(address.lastIndexOf("!") + 1);
        }),
      setPrintTitleRows: (range: FakeRange) =>
        this.command(null, (t) => {
          const r = onSheet(range, t);
          t.pageLayout.printTitleRows = `$${r.row + 1}:$${r.row + r.rows}`;
        }),
      headersFooters: { defaultForAllPages: footer },
    };
    Object.defineProperty(layout, "paperSize", { set: (v: string) => set("paperSize", v) });
    Object.defineProperty(layout, "orientation", { set: (v: string) => set("orientation", v) });
    for (const key of ["leftMargin", "rightMargin"] as const) Object.defineProperty(layout, key, { set: (v: number) => set(key, v) });
    Object.defineProperty(layout, "zoom", { set: (v: FakePageLayout["zoom"]) => set("zoom", { ...v }) });
    return layout as FakeWorksheet["pageLayout"];
  }

  /** A range by address within the sheet ("A1:C3"). */
  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => parseA1(this.target(), address));
  }

  /** A range by zero-based position and size (ExcelApi 1.7). */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (rows < 1 || cols < 1) throw new FakeExcelError("InvalidArgument", "empty range");
      return { sheet: this.target(), row, col, rows, cols };
    });
  }

  /** The used range (values only) or a null object for a sheet with no values. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new FakeExcelError("InvalidArgument", "the fake supports valuesOnly used ranges only");
    return new FakeRange(
      this.context,
      () => {
        const s = this.target();
        const u = s.used();
        return u === undefined ? null : { sheet: s, ...u };
      },
      true,
    );
  }

  /** Deletes the sheet. */
  delete(): void {
    this.command(null, (t) => this.context.document.deleteSheet(t));
  }

  /** Makes the sheet active. */
  activate(): void {
    this.command(null, (t) => {
      if (t.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", "A hidden sheet cannot be activated");
      this.context.document.active = t;
    });
  }
}

/**
 * A table's AutoFilter: `isDataFiltered` is true while a filter hides rows
 * ("Specifies if the AutoFilter has filter criteria", ExcelApi 1.9:
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter#excel-excel-autofilter-isdatafiltered-member);
 * `enabled`: a table always shows its filter buttons here.
 */
export class FakeAutoFilterProxy extends FakeClientObject<FakeTable> {
  protected capture(t: FakeTable, name: string): unknown {
    if (name === "isDataFiltered") return t.filter !== undefined;
    if (name === "enabled") return true;
    throw new FakeExcelError("InvalidArgument", `The fake AutoFilter cannot load "${name}"`);
  }

  /** Loaded: whether a filter is applied. */
  get isDataFiltered(): boolean {
    return this.read("isDataFiltered");
  }
}

/** A table proxy. */
export class FakeTableProxy extends FakeClientObject<FakeTable> {
  constructor(context: FakeContext, resolver: () => FakeTable | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected capture(t: FakeTable, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "style") return t.style;
    throw new FakeExcelError("InvalidArgument", `The fake Table cannot load "${name}"`);
  }

  /** Loaded name; setting renames the table. */
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.command(v, (t) => {
      this.context.document.checkTableName(v, t);
      t.name = v;
    });
  }

  /** Sets the table style. */
  set style(v: string) {
    this.command(v, (t) => (t.style = v));
  }

  /**
   * Clears the filters applied to the table (ExcelApi 1.2:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-clearfilters-member(1)),
   * except a filter that models office-js #468 (see {@link FakeFilter.survivesClear}): the call succeeds and it stays on.
   */
  clearFilters(): void {
    this.command(null, (t) => {
      if (t.filter?.survivesClear !== true) t.filter = undefined;
    });
  }

  /**
   * The table's AutoFilter (ExcelApi 1.9:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-autofilter-member).
   */
  get autoFilter(): FakeAutoFilterProxy {
    return new FakeAutoFilterProxy(this.context, () => this.target());
  }

  /** The whole table (header included). */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, row: t.row, col: t.col, rows: t.rows, cols: t.cols };
    });
  }

  /** The table's rows. */
  get rows(): { add(index: number | undefined, values: unknown[][]): void } {
    return {
      add: (index, values) =>
        this.command(values, (t) => {
          if (index !== undefined && index !== null && index !== -1)
            throw new FakeExcelError("InvalidArgument", "the fake only appends rows");
          const doc = this.context.document;
          const end = t.row + t.rows;
          doc.shiftRows(t.sheet, end, t.col, t.cols, values.length);
          t.rows += values.length;
          values.forEach((row, r) =>
            row.forEach((v, c) => {
              const k = cellKey(end + r, t.col + c);
              const above = t.sheet.cells.get(cellKey(end - 1, t.col + c));
              const text = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
              t.sheet.cells.set(k, {
                value: text as string | number | boolean,
                format: above?.format,
                style: undefined,
                prefixed: typeof v === "string" && v.startsWith("'"),
              });
            }),
          );
        }),
    };
  }
}

/** The tables of a workbook or of one sheet. */
export class FakeTableCollection extends FakeClientObject<FakeTable[]> {
  private itemsLoaded: FakeTableProxy[] | undefined;

  constructor(
    context: FakeContext,
    private readonly scope: (() => FakeSheet) | undefined,
  ) {
    super(context, () => context.document.tables.filter((t) => scope === undefined || t.sheet === scope()));
  }

  /**
   * TableCollection.onChanged (ExcelApi 1.7:
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member):
   * `add` registers a handler when the request is synced and gives an EventHandlerResult whose `remove()`
   * (synced through the same context) unregisters it
   * (https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult). Workbook-wide only.
   */
  get onChanged(): { add(handler: (args: FakeTableChangedEventArgs) => unknown): { context: FakeContext; remove(): void } } {
    if (this.scope !== undefined) throw new FakeExcelError("InvalidArgument", "the fake models workbook.tables.onChanged only");
    const context = this.context;
    const handlers = context.document.tableChangedHandlers;
    return {
      add: (handler) => {
        context.queue({ bytes: 40, run: () => handlers.add(handler) });
        return { context, remove: () => context.queue({ bytes: 40, run: () => handlers.delete(handler) }) };
      },
    };
  }

  protected capture(t: FakeTable[], name: string): unknown {
    if (name.startsWith("items/")) return t;
    throw new FakeExcelError("InvalidArgument", `cannot load "${name}"`);
  }

  /** Loads item properties ("items/name"). */
  override load(spec?: unknown): this {
    const names = (typeof spec === "string" ? spec.split(",") : []).map((s) => s.trim());
    if (names.length === 0 || names.some((n) => !n.startsWith("items/"))) throw new FakeExcelError("InvalidArgument", "load items/… only");
    this.context.queueLoad({
      capture: () =>
        this.target().map((t) => ({
          t,
          values: names.map((n) => (n === "items/name" ? t.name : n === "items/style" ? t.style : undefined)),
        })),
      commit: (captured) => {
        this.itemsLoaded = (captured as { t: FakeTable; values: unknown[] }[]).map(({ t, values }) => {
          const p = new FakeTableProxy(this.context, () => (this.context.document.tables.includes(t) ? t : null));
          names.forEach((n, i) => (p as unknown as { loaded: Map<string, unknown> }).loaded.set(n.slice(6), values[i]));
          return p;
        });
      },
    });
    return this;
  }

  /** Loaded items. */
  get items(): FakeTableProxy[] {
    if (this.itemsLoaded === undefined) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }

  private find(name: string): FakeTable | null {
    return this.target().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** A table by name (ItemNotFound when a command needs it and it is missing). */
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => this.find(name));
  }

  /** A table by name, or a null object. */
  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.context, () => this.find(name), true);
  }

  /** Creates a table over a range whose first row holds headers. */
  add(range: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    if (!hasHeaders) throw new FakeExcelError("InvalidArgument", "the fake creates tables with headers only");
    const holder: { t?: FakeTable } = {};
    this.context.queue({
      bytes: 80,
      run: () => {
        const r = typeof range === "string" ? parseA1(this.scopeSheet(), range) : (range as unknown as { target(): RangeTarget }).target();
        holder.t = this.context.document.addTable(r.sheet, r.row, r.col, r.rows, r.cols);
      },
    });
    return new FakeTableProxy(this.context, () => holder.t ?? null);
  }

  private scopeSheet(): FakeSheet {
    if (this.scope === undefined) throw new FakeExcelError("InvalidArgument", "an address needs a sheet");
    return this.scope();
  }
}
