// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Decimal, compareSupportMethods, formatMoney, runModel } from "../../src/engine";
import { EAST_KENT_SERVICES } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

describe("Support screen", () => {
  it("shows where each service's cost went in the chosen year and the three methods side by side, as the engine has them", async () => {
    const { user } = await renderTaskpane({ screen: "support", sample: EAST_KENT_SERVICES });
    const run = runModel(EAST_KENT_SERVICES.model);
    if (!run.ok) throw new Error("engine failed");
    const years = run.value.result.support?.years ?? [];
    const choice = await screen.findByRole("combobox", { name: "Year and category" });
    expect(
      within(choice)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(years.map((y) => `${y.yearLabel} ${y.category}`));
    const i = years.findIndex((y) => y.yearLabel === "2024/25" && y.category === "revenue");
    await user.selectOptions(choice, String(i));
    const hr = years[i]?.services.find((s) => s.service === "HR");
    const table = await screen.findByRole("table", { name: "Support services in 2024/25, revenue: where HR and payroll's cost went" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(
      hr?.flows.map((f) =>
        f.toService ? `${f.to} (service)` : (EAST_KENT_SERVICES.model.partners.find((p) => p.id === f.to)?.name ?? "") + ` (${f.to})`,
      ),
    );
    // Each flow to the nearest penny from the engine's exact decimal, grouped, never with an ellipsis.
    const first = hr?.flows[0]?.amount.text ?? "";
    const pence = new Decimal(first.replace("…", "")).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    const [int = "", dp = ""] = pence.split(".");
    const shown = within(rows[0] as HTMLElement).getAllByRole("cell")[1]?.textContent;
    expect(shown).toBe(`£${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dp}`);
    expect(shown).not.toContain("…");
    const methods = compareSupportMethods(EAST_KENT_SERVICES.model);
    const side = screen.getByRole("table", { name: "Support charges by method, all years" });
    expect(
      within(side)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Partner", "Reciprocal", "Direct ±", "Step-down ±"]);
    const body = within(side).getAllByRole("row").slice(1);
    const signed = (p: number): string => (p > 0 ? `+${formatMoney(p)}` : formatMoney(p));
    methods?.rows.forEach((r, k) => {
      const [direct = 0, stepDown = 0, reciprocal = 0] = r.amounts.map((a) => a ?? 0);
      const cells = within(body[k] as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent);
      // The partner by name heads its row; the figures follow.
      expect(within(body[k] as HTMLElement).getByRole("rowheader")).toHaveTextContent(`(${r.partner})`);
      expect(cells).toEqual([formatMoney(reciprocal), signed(direct - reciprocal), signed(stepDown - reciprocal)]);
    });
  });

  it("says how to add support services when the model has none", async () => {
    await renderTaskpane({ screen: "support" });
    expect(await screen.findByText(/This model has no support services/)).toBeInTheDocument();
  });
});
