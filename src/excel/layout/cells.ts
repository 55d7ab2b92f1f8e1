/**
 * The vocabulary every adapter shares: what a cell holds and what a sheet
 * should look like. Pure data, no Office.js: the Office.js, in-memory and
 * exceljs adapters all render the same {@link SheetSpec}s, so the sheets the
 * add-in writes are identical whichever adapter wrote them.
 */

/** A cell's value as Excel's `Range.values` returns it: text, number or boolean; `""` is an empty cell. */
export type CellValue = string | number | boolean;

/** A rectangle of cell values, row by row. */
export type Grid = readonly (readonly CellValue[])[];

/** A cell by zero-based row and column on a named sheet. */
export interface CellRef {
  readonly sheet: string;
  /** Zero-based row (row 1 in Excel is 0). */
  readonly row: number;
  /** Zero-based column (column A is 0). */
  readonly col: number;
}

/** A rectangle by zero-based top-left cell and size. */
export interface RangeRef extends CellRef {
  readonly rows: number;
  readonly cols: number;
}

/** A cell with its A1 address, e.g. `Costs!F12`, ready for the task pane to show and select. */
export interface CellLocation extends CellRef {
  readonly address: string;
}

/** How a block of cells is dressed. Adapters map these to fonts and fills. */
export type CellStyle = "title" | "header" | "note" | "total";

/**
 * A rectangle of values written at a position. Number formats are per column
 * (`null` leaves the cell General), so a block is homogeneous down each column.
 */
export interface Block {
  /** Zero-based top row. */
  readonly row: number;
  /** Zero-based left column. */
  readonly col: number;
  readonly values: Grid;
  /** One number format per column, or `null` for General. Omitted: all General. */
  readonly formats?: readonly (string | null)[];
  readonly style?: CellStyle;
}

/** An Excel table over a rectangle whose first row holds the headers. */
export interface TableSpec {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  /** Rows including the header row (at least 2: Excel tables always have a body row). */
  readonly rows: number;
  readonly cols: number;
  readonly style: string;
}

/** Where a list validation takes its choices from. */
export type ListSource =
  { readonly kind: "values"; readonly values: readonly string[] } | { readonly kind: "range"; readonly range: RangeRef };

/** A drop-down list on a rectangle of cells. */
export interface ValidationSpec {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly source: ListSource;
  /** True: other values are refused ("Stop"); false: warned about but allowed ("Warning"). */
  readonly strict: boolean;
  /** Shown when a value outside the list is typed. */
  readonly message: string;
}

/** Fill and font colours applied to cells whose text begins with `text`. */
export interface TextRuleSpec {
  readonly text: string;
  /** Fill colour, `#RRGGBB`. */
  readonly fill: string;
  /** Font colour, `#RRGGBB`. */
  readonly font: string;
}

/** Conditional formatting by text on a rectangle. */
export interface ConditionalFormatSpec {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly rules: readonly TextRuleSpec[];
}

/**
 * A column chart over a data rectangle (categories in the first column, series
 * in the others, names in the first row): `clustered` puts each series' column
 * side by side, `stacked` stacks them into one column per category.
 */
export interface ChartSpec {
  readonly name: string;
  readonly kind: "clustered" | "stacked";
  readonly title: string;
  /** Data including the header row and the category column. */
  readonly data: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

/** A rectangle of cells by zero-based top-left cell and size, on the sheet being laid out. */
export interface CellBox {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Text that must be read whole on paper: long notes and sentences merged
 * across the width of the page and wrapped, header rows wrapped within their
 * cells, and the heights of the rows holding merged text (no spreadsheet fits
 * a row to a merged cell's text by itself, Excel and LibreOffice alike).
 */
export interface TextLayout {
  /** Rectangles each merged into one cell, its text wrapped and at the top. */
  readonly merges: readonly CellBox[];
  /** Rectangles whose cells wrap their text (rows without a set height grow to fit it). */
  readonly wraps: readonly CellBox[];
  /** Row heights in points, by zero-based row. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
}

/**
 * How a sheet prints, the same in every adapter: A4, scaled to one
 * page wide and as many pages tall as it needs, the header rows repeated at
 * the top of every page, only the area the add-in wrote printed, and a footer
 * saying what the pages are. Written to the file as `<pageSetup>`,
 * `<sheetPr><pageSetUpPr fitToPage>`, `<pageMargins>`, `<headerFooter>` and the sheet's
 * `_xlnm.Print_Area` and `_xlnm.Print_Titles` defined names. Sheets are laid
 * out to fit the page's width at full size ({@link PRINT_WIDTH}), so fitting
 * to one page wide is a safeguard that shrinks nothing.
 */
export interface PrintSpec {
  readonly paper: "A4";
  readonly orientation: "landscape" | "portrait";
  /** Left and right margins in points (the top and bottom keep the defaults, which leave room for the footer). */
  readonly sideMargin: number;
  /** Pages across (1: never split by column). Pages down are as many as needed. */
  readonly pagesWide: 1;
  /** The rectangle printed. */
  readonly area: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** Rows repeated at the top of every page (the sheet's header rows), or undefined for none. */
  readonly titleRows?: { readonly row: number; readonly rows: number };
  /**
   * Rows (zero-based, ascending) that start a new page: manual page breaks
   * where a sheet of blocks must not split one across pages (the Charts
   * sheet, so no chart is cut in two). Undefined for none.
   */
  readonly pageBreaks?: readonly number[];
  /** The header's centre section (a partner statement names its partner at the top of every page), in the footer's codes. */
  readonly header?: string;
  /** The footer's left, centre and right sections, in Excel's header and footer codes (`&P` page, `&N` pages, `&&` a literal `&`). */
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
}

/** What a sheet is for, recorded in its ownership marker. */
export type SheetRole = "input" | "output" | "lists";

/** Everything the add-in writes to one sheet. */
export interface SheetSpec {
  readonly name: string;
  /** Stable identifier of the sheet's purpose ("allocations", "costs"…), independent of its name. */
  readonly kind: string;
  readonly role: SheetRole;
  readonly blocks: readonly Block[];
  readonly tables: readonly TableSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly charts: readonly ChartSpec[];
  /** Rows frozen at the top (0 for none). */
  readonly freezeRows: number;
  /** Column widths in points, from column A; missing entries keep Excel's default. */
  readonly columnWidths: readonly number[];
  readonly tabColor?: string;
  /** How the sheet prints (output sheets); undefined leaves the workbook's default. */
  readonly print?: PrintSpec;
  /** Merged and wrapped text and row heights; undefined for none. */
  readonly text?: TextLayout;
}

/** The left and right margins of a printed sheet, in points (half an inch). */
export const PRINT_SIDE_MARGIN = 36;

/** The width a printed A4 page holds between its side margins, in points (A4 is 595.3 × 841.9 pt). */
export const PRINT_WIDTH: Readonly<Record<PrintSpec["orientation"], number>> = {
  landscape: 841.9 - 2 * PRINT_SIDE_MARGIN,
  portrait: 595.3 - 2 * PRINT_SIDE_MARGIN,
};

/** True for an empty cell value. */
export function isEmptyCell(v: CellValue | null | undefined): boolean {
  return v === undefined || v === null || v === "";
}
