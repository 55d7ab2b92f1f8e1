// @vitest-environment jsdom
import "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { explainCharge } from "../../src/engine";
import { ExplainCard } from "../../src/taskpane/components/ExplainCard";
import { formatExactPounds } from "../../src/taskpane/format";
import { apportioned } from "./support/fixtures";

describe("ExplainCard", () => {
  it("shows the engine's trace: basis, driver values, exact share and rounding adjustment", () => {
    const result = apportioned();
    const charge = result.charges.find((c) => c.lineRef === "ICT-02" && c.partner === "LEW" && c.yearLabel === "2020/21");
    if (!charge) throw new Error("fixture has no LEW charge");
    const trace = explainCharge(result, charge);
    render(
      <FluentProvider theme={webLightTheme}>
        <ExplainCard trace={trace} partnerName="Lewisham" />
      </FluentProvider>,
    );
    expect(screen.getByText("driver:tickets")).toBeInTheDocument();
    expect(screen.getByText(formatExactPounds(trace.exactShare))).toBeInTheDocument();
    expect(screen.getByText(formatExactPounds(trace.adjustment))).toBeInTheDocument();
    expect(formatExactPounds(trace.adjustment)).toMatch(/^[+-]£0\.\d+/);
    expect(screen.getByText("90/365 days")).toBeInTheDocument();
    const drivers = screen.getByRole("table", { name: "Driver values" });
    const row = within(drivers).getByRole("row", { name: /Tickets/ });
    expect(within(row).getByText("9000")).toBeInTheDocument();
    expect(within(row).getByText("56000")).toBeInTheDocument();
    expect(screen.getByText(trace.working)).toBeInTheDocument();
  });
});
