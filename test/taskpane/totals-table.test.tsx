// @vitest-environment jsdom
import "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { formatMoney } from "../../src/engine";
import { TotalsTable } from "../../src/taskpane/components/TotalsTable";
import { apportioned } from "./support/fixtures";

describe("TotalsTable", () => {
  it("shows each partner's engine totals in £ for the latest year, any year chosen, or all years", async () => {
    const user = userEvent.setup();
    const result = apportioned();
    render(
      <FluentProvider theme={webLightTheme}>
        <TotalsTable
          totals={result.totals}
          partnerOrder={result.partners.map((p) => p.id)}
          names={new Map(result.partners.map((p) => [p.id, p.name]))}
          label="Totals"
        />
      </FluentProvider>,
    );
    const cells = (year: string): (string | null)[] => {
      const brent = screen.getByRole("table", { name: `Totals: Brent (BRE), ${year}` });
      const row = within(brent).getByRole("row", { name: /^Capital one-off/ });
      return within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent);
    };
    // The latest year first: the £100 one-off capital line falls in 2020/21, so nothing in 2021/22.
    expect(screen.getByRole("combobox", { name: "Year shown" })).toHaveValue("2021/22");
    expect(cells("2021/22")).toEqual(["£0.00"]);
    // £100 three ways: Brent sorts first and takes the extra penny.
    await user.selectOptions(screen.getByRole("combobox", { name: "Year shown" }), "2020/21");
    expect(cells("2020/21")).toEqual(["£33.34"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Year shown" }), "All years");
    expect(cells("All years")).toEqual(["£33.34"]);
    const sum = result.totals.filter((t) => t.partner === "BRE").reduce((a, t) => a + t.amount, 0);
    expect(screen.getAllByText(formatMoney(sum)).length).toBeGreaterThan(0);
    const brent = screen.getByRole("table", { name: "Totals: Brent (BRE), All years" });
    expect(
      within(brent)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Kind", "All years"]);
    expect(
      within(brent)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Capital one-off", "Capital ongoing", "Revenue one-off", "Revenue ongoing", "Total"]);
  });
});
