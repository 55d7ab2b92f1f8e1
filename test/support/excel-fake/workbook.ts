import { FakeClientObject } from "./client-object";
import type { FakeContext } from "./context";
import type { FakeSheet } from "./document";
import { FakeExcelError } from "./errors";
import { FakeRange } from "./range";
import { FakeTableCollection, FakeWorksheet } from "./sheet";

/** The workbook's worksheets. */
export class FakeWorksheetCollection extends FakeClientObject<FakeSheet[]> {
  private itemsLoaded: FakeWorksheet[] | undefined;

  constructor(context: FakeContext) {
    super(context, () => context.document.sheets);
  }

  protected capture(): unknown {
    throw new FakeExcelError("InvalidArgument", "load items/… only");
  }

  /** Loads item properties ("items/name,items/visibility"). */
  override load(spec?: unknown): this {
    const names = (typeof spec === "string" ? spec.split(",") : []).map((s) => s.trim());
    if (names.length === 0 || names.some((n) => !n.startsWith("items/"))) throw new FakeExcelError("InvalidArgument", "load items/… only");
    this.context.queueLoad({
      capture: () =>
        this.target().map((s, i) => ({
          s,
          values: names.map((n) =>
            n === "items/name" ? s.name : n === "items/visibility" ? s.visibility : n === "items/position" ? i : undefined,
          ),
        })),
      commit: (captured) => {
        this.itemsLoaded = (captured as { s: FakeSheet; values: unknown[] }[]).map(({ s, values }) => {
          const p = new FakeWorksheet(this.context, () => (this.context.document.sheets.includes(s) ? s : null));
          names.forEach((n, i) => (p as unknown as { loaded: Map<string, unknown> }).loaded.set(n.slice(6), values[i]));
          return p;
        });
      },
    });
    return this;
  }

  /** Loaded items. */
  get items(): FakeWorksheet[] {
    if (this.itemsLoaded === undefined) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }

  /** Adds a sheet at the end. */
  add(name: string): FakeWorksheet {
    const holder: { s?: FakeSheet } = {};
    this.context.queue({ bytes: 60 + name.length, run: () => (holder.s = this.context.document.addSheet(name)) });
    return new FakeWorksheet(this.context, () => holder.s ?? null);
  }

  /** A sheet by name (ItemNotFound when a command needs it and it is missing). */
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.document.sheet(name) ?? null);
  }

  /** A sheet by name, or a null object. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.document.sheet(name) ?? null, true);
  }

  /** The active sheet; fails while a chart sheet is active (office-js #2444: https://github.com/OfficeDev/office-js/issues/2444). */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      if (this.context.document.activeChartSheet !== undefined)
        throw new FakeExcelError("GeneralException", "The active sheet is not a worksheet.");
      return this.context.document.active ?? null;
    });
  }
}

/** The workbook. */
export class FakeWorkbook {
  constructor(private readonly context: FakeContext) {}
  /** Its worksheets. */
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.context);
  }
  /** All its tables. */
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, undefined);
  }
  /** The workbook's defined names. */
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.context);
  }
  /**
   * The selected range. Fails with InvalidSelection on a multi-area
   * selection (https://github.com/OfficeDev/office-js-docs-pr/issues/2477)
   * and while a chart sheet is active.
   */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.context.document.selection;
      if (s === undefined || this.context.document.activeChartSheet !== undefined)
        throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      if ((s.more?.length ?? 0) > 0) throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      return s;
    });
  }
  /**
   * The active cell (ExcelApi 1.7): one cell whatever the selection's shape;
   * fails with InvalidSelection when there is none, e.g. on a chart sheet
   * (office-js #5319: https://github.com/OfficeDev/office-js/issues/5319).
   */
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.context.document.selection;
      if (s === undefined || this.context.document.activeChartSheet !== undefined)
        throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: s.sheet, row: s.active?.row ?? s.row, col: s.active?.col ?? s.col, rows: 1, cols: 1 };
    });
  }
}

/** A defined name. */
export class FakeNamedItem extends FakeClientObject<{ name: string; formula: string }> {
  protected capture(t: { name: string; formula: string }, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "formula") return t.formula;
    throw new FakeExcelError("InvalidArgument", `The fake NamedItem cannot load "${name}"`);
  }
  /** Loaded name. */
  get name(): string {
    return this.read("name");
  }
}

/** The workbook's defined names (ExcelApi 1.1; `getItemOrNullObject` 1.4). */
export class FakeNamedItemCollection extends FakeClientObject<{ name: string; formula: string }[]> {
  private itemsLoaded: FakeNamedItem[] | undefined;

  constructor(context: FakeContext) {
    super(context, () => [...context.document.names.values()]);
  }

  protected capture(): unknown {
    throw new FakeExcelError("InvalidArgument", "load items/… only");
  }

  /** Loads item properties ("items/name"). */
  override load(spec?: unknown): this {
    const names = (typeof spec === "string" ? spec.split(",") : []).map((s) => s.trim());
    if (names.length === 0 || names.some((n) => !n.startsWith("items/"))) throw new FakeExcelError("InvalidArgument", "load items/… only");
    this.context.queueLoad({
      capture: () =>
        this.target().map((n) => ({
          n,
          values: names.map((k) => (k === "items/name" ? n.name : k === "items/formula" ? n.formula : undefined)),
        })),
      commit: (captured) => {
        this.itemsLoaded = (captured as { n: { name: string; formula: string }; values: unknown[] }[]).map(({ n, values }) => {
          const p = new FakeNamedItem(this.context, () => n);
          names.forEach((k, i) => (p as unknown as { loaded: Map<string, unknown> }).loaded.set(k.slice(6), values[i]));
          return p;
        });
      },
    });
    return this;
  }

  /** Loaded items. */
  get items(): FakeNamedItem[] {
    if (this.itemsLoaded === undefined) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
}

/** The application. */
export class FakeApplication {
  constructor(private readonly context: FakeContext) {}
  /** Suspends calculation until the next sync (recorded for tests). */
  suspendApiCalculationUntilNextSync(): void {
    this.context.suspendCalculation();
  }
}
