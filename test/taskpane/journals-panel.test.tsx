// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildJournals, checkModelBudgets, errorMessage, formatMoney, runReference, type ModelInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING, type SampleModel } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

/** The sample's journals as the engine makes them, for a run with no stamp (worked out, not written). */
function journalsOf(model: ModelInput) {
  const r = checkModelBudgets(model);
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  const input = model.journals;
  if (input === undefined) throw new Error("the model has no journals inputs");
  return buildJournals(r.value.run, input, runReference(undefined), r.value.yearEnd ?? r.value.run.yearEnd);
}

/** A label-and-figure table's rows as [label, value] pairs. */
function pairs(table: HTMLElement): [string, string][] {
  return within(table)
    .getAllByRole("row")
    .map((row) => [within(row).getByRole("rowheader").textContent ?? "", within(row).getByRole("cell").textContent ?? ""]);
}

describe("Budget screen: journals and invoices", () => {
  it("lists each journal with its totals, balanced and tied to the Allocations, and each partner's invoice schedule", async () => {
    const { user } = await renderTaskpane({ screen: "budget" });
    const made = journalsOf(BRENT_LEWISHAM_SOUTHWARK.model);
    if (!made.ok) throw new Error(made.errors.map(errorMessage).join("\n"));
    const report = made.value;
    const lewAllocations = report.controls.find((c) => c.partner === "LEW")?.allocations;
    expect(lewAllocations).toBeGreaterThan(0);
    const lew = await screen.findByRole("table", { name: "Journal: London Borough of Lewisham (LEW) expenditure" });
    const lewJournal = report.journals.find((j) => j.ledger === "LEW" && j.kind === "expenditure");
    expect(pairs(lew)).toEqual([
      ["Lines", String(lewJournal?.lines.length)],
      ["Debits", formatMoney(lewJournal?.debits ?? NaN)],
      ["Credits", formatMoney(lewJournal?.credits ?? NaN)],
      ["Balanced", "Yes"],
      ["Control (net)", formatMoney(lewAllocations ?? NaN)],
      ["Allocations total", formatMoney(lewAllocations ?? NaN)],
      ["Tied", "Yes"],
    ]);
    // The host's income journal ties to the other partners' totals together.
    const others = report.controls.reduce((a, c) => a + c.allocations, 0);
    const income = screen.getByRole("table", { name: "Journal: London Borough of Brent (BRE) income" });
    expect(pairs(income)).toContainEqual(["Other partners' Allocations", formatMoney(others)]);
    expect(pairs(income)).toContainEqual(["Tied", "Yes"]);
    // One table per journal the engine makes, no more.
    expect(screen.getAllByRole("table", { name: /^Journal: / })).toHaveLength(report.journals.length);

    const invoices = screen.getByRole("table", { name: "Invoice schedules" });
    const rows = within(invoices).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(report.invoices.length);
    report.invoices.forEach((s, i) => {
      const row = rows[i] as HTMLElement;
      expect(within(row).getByRole("rowheader")).toHaveTextContent(`(${s.partner}): ${s.invoices.length} ${s.frequency}`);
      expect(
        within(row)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ).toEqual([formatMoney(s.net), formatMoney(s.vat), formatMoney(s.gross)]);
      // Each schedule's instalments add up to its net, VAT and gross (the engine's figures, re-added here).
      expect(s.invoices.reduce((a, inv) => a + inv.gross, 0)).toBe(s.gross);
    });
    // Not yet written: it says so rather than pointing at sheets that do not exist.
    expect(screen.getByText(/Not yet written: write the results on the Run screen/)).toBeInTheDocument();
    // The screen's partner filter narrows the journals and invoices to that partner's.
    await user.selectOptions(screen.getByRole("combobox", { name: "Partner" }), "London Borough of Lewisham (LEW)");
    expect(screen.getAllByRole("table", { name: /^Journal: / }).map((t) => t.getAttribute("aria-label"))).toEqual([
      "Journal: London Borough of Lewisham (LEW) expenditure",
    ]);
    expect(within(screen.getByRole("table", { name: "Invoice schedules" })).getAllByRole("row")).toHaveLength(2);
  });

  it("names the ledger sheets the write made, so the user saves the right one as CSV", async () => {
    const { user, workbook } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Results written")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Budget" }));
    await screen.findAllByRole("table", { name: /^Journal: / });
    const ledgers = workbook.sheetNames().filter((n) => n.startsWith("Ledger \u2013 "));
    expect(ledgers).toContain("Ledger \u2013 LEW expenditure");
    for (const name of ledgers) expect(screen.getByText(new RegExp(`^Save the '${name}' sheet as CSV to upload`))).toBeInTheDocument();
    expect(screen.getAllByText(/^Save the '/)).toHaveLength(ledgers.length);
    expect(screen.queryByText(/Not yet written/)).toBeNull();
    // The written run is stamped: every journal's reference is the Run log's, not "unrecorded".
    expect(screen.getByText(/reference SA-/)).toBeInTheDocument();
  });

  it("says plainly when the model has no Coding or Ledgers sheets", async () => {
    expect(EAST_KENT_HOUSING.model.journals).toBeUndefined();
    await renderTaskpane({ sample: EAST_KENT_HOUSING, screen: "budget" });
    expect(await screen.findByText(/This model has no Coding or Ledgers sheets/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: /^Journal: / })).toBeNull();
    expect(screen.queryByRole("table", { name: "Invoice schedules" })).toBeNull();
  });

  it("lists the journals problems, each selecting its cell, when a charge has no code", async () => {
    const base = BRENT_LEWISHAM_SOUTHWARK.model;
    const journals = base.journals;
    if (journals === undefined) throw new Error("the sample has journals inputs");
    // Southwark's default row gone: its revenue charges have no code.
    const model: ModelInput = {
      ...base,
      journals: { ...journals, coding: journals.coding.filter((c) => !(c.partner === "SOU" && c.category == null && c.line == null)) },
    };
    const made = journalsOf(model);
    expect(made.ok).toBe(false);
    const sample: SampleModel = { ...BRENT_LEWISHAM_SOUTHWARK, model };
    const { user, port } = await renderTaskpane({ sample, screen: "budget" });
    expect(await screen.findByText("The journals cannot be made")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Journals problems" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(made.ok ? 0 : made.errors.length);
    expect(items[0]).toHaveTextContent("SOU");
    const link = within(items[0] as HTMLElement).getByRole("button");
    await user.click(link);
    expect(port.selectCell).toHaveBeenCalledWith(expect.stringMatching(/^Costs!/));
    expect(screen.queryByRole("table", { name: /^Journal: / })).toBeNull();
  });
});
