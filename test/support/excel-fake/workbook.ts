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
          values: names.map((n) => (n === "items/name" ? s.name : n === "items/visibility" ? s.visibility : n === "items/position" ? i : undefined)),
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

  /** The active sheet. */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.document.active ?? null);
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
  /** The selected range. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.context.document.selection;
      if (s === undefined) throw new FakeExcelError("InvalidSelection", "nothing selected");
      return s;
    });
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
