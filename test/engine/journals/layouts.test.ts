import { describe, expect, it } from "vitest";
import {
  BUILT_IN_LAYOUTS,
  formatDate,
  dayNumber,
  layoutCells,
  periodOf,
  GENERIC_LAYOUT,
  ORACLE_FUSION_LAYOUT,
  UNIT4_LAYOUT,
} from "../../../src/engine";

// The column lists as docs/journals.md documents them (and its sources), written out here by hand.
const ORACLE_DOCUMENTED = [
  "Status Code",
  "Ledger ID",
  "Effective Date of Transaction",
  "Journal Source",
  "Journal Category",
  "Currency Code",
  "Journal Entry Creation Date",
  "Actual Flag",
  ...Array.from({ length: 30 }, (_, i) => `Segment${i + 1}`),
  "Entered Debit Amount",
  "Entered Credit Amount",
  "Converted Debit Amount",
  "Converted Credit Amount",
  "REFERENCE1 (Batch Name)",
  "REFERENCE2 (Batch Description)",
  "REFERENCE3",
  "REFERENCE4 (Journal Entry Name)",
  "REFERENCE5 (Journal Entry Description)",
  "REFERENCE6 (Journal Entry Reference)",
  "REFERENCE7 (Journal Entry Reversal flag)",
  "REFERENCE8 (Journal Entry Reversal Period)",
  "REFERENCE9 (Journal Reversal Method)",
  "REFERENCE10 (Journal Entry Line Description)",
];

const UNIT4_DOCUMENTED = [
  "batch_id",
  "interface",
  "voucher_type",
  "trans_type",
  "client",
  "account",
  "dim_1",
  "dim_2",
  "dim_3",
  "dim_4",
  "dim_5",
  "dim_6",
  "dim_7",
  "currency",
  "cur_amount",
  "amount",
  "description",
  "trans_date",
  "voucher_date",
  "period",
  "ext_inv_ref",
];

const GENERIC_DOCUMENTED = ["Journal", "Date", "Period", "Year and period", "Cost centre", "Account", "Amount", "Description", "Reference"];

describe("built-in ledger layouts match their documented column lists", () => {
  it("Oracle Fusion: the GL_INTERFACE template's columns, in order, read by position", () => {
    expect(ORACLE_FUSION_LAYOUT.columns.map((c) => c.header)).toEqual(ORACLE_DOCUMENTED);
    expect(ORACLE_FUSION_LAYOUT.headerRow).toBe(false);
  });

  it("Unit4 ERP: the acrbatchinput columns GL07 reads", () => {
    expect(UNIT4_LAYOUT.columns.map((c) => c.header)).toEqual(UNIT4_DOCUMENTED);
  });

  it("generic", () => {
    expect(GENERIC_LAYOUT.columns.map((c) => c.header)).toEqual(GENERIC_DOCUMENTED);
    expect(BUILT_IN_LAYOUTS.map((l) => l.id)).toEqual(["generic", "oracle-fusion", "unit4"]);
  });

  it("lays a credit out as Oracle wants it: debit blank, credit positive, dates YYYY/MM/DD, Segment1 and 2 the codes", () => {
    const cells = layoutCells(ORACLE_FUSION_LAYOUT, {
      journal: "J",
      date: dayNumber(2026, 3, 31),
      year: 2025,
      costCentre: "CC1",
      account: "4100",
      amount: -12_345,
      description: "d",
      reference: "SA-x",
      line: "L1",
      partner: "LEW",
    });
    expect(cells.slice(0, 10)).toEqual(["NEW", "", "2026/03/31", "Spreadsheet", "Adjustment", "GBP", "2026/03/31", "A", "CC1", "4100"]);
    expect(cells.slice(38, 40)).toEqual(["", "123.45"]);
  });

  it("numbers periods from April and writes dates in the formats offered", () => {
    expect(periodOf(dayNumber(2025, 4, 1))).toBe(1);
    expect(periodOf(dayNumber(2026, 3, 31))).toBe(12);
    expect(formatDate(dayNumber(2025, 4, 1), "DD/MM/YYYY")).toBe("01/04/2025");
    expect(formatDate(dayNumber(2025, 4, 1), "YYYYMMDD")).toBe("20250401");
  });
});
