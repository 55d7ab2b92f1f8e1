// @vitest-environment jsdom
import "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { formatMoney } from "../../src/engine";
import { TotalsTable } from "../../src/taskpane/components/TotalsTable";
import { apportioned } from "./support/fixtures";

describe("TotalsTable", () => {
  it("shows each partner's engine totals in £ by year and capital/revenue × one-off/ongoing", () => {
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
    const brent = screen.getByRole("table", { name: "Totals: Brent (BRE)" });
    const row = within(brent).getByRole("row", { name: /^Capital one-off/ });
    // £100 three ways: Brent sorts first and takes the extra penny (2020/21 is the first year column).
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["£33.34", "£0.00"]);
    const sum = result.totals.filter((t) => t.partner === "BRE").reduce((a, t) => a + t.amount, 0);
    expect(screen.getAllByText(formatMoney(sum)).length).toBeGreaterThan(0);
    expect(
      within(brent)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Kind", "2020/21", "2021/22"]);
    expect(
      within(brent)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Capital one-off", "Capital ongoing", "Revenue one-off", "Revenue ongoing", "Total"]);
  });
});
