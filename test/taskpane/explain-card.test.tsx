// @vitest-environment jsdom
import "./support/setup";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { explainCharge } from "../../src/engine";
import { ExplainCard } from "../../src/taskpane/components/ExplainCard";
import userEvent from "@testing-library/user-event";
import { formatExactPounds, formatMoney } from "../../src/taskpane/format";
import { apportioned } from "./support/fixtures";

function renderCard() {
  const result = apportioned();
  const charge = result.charges.find((c) => c.lineRef === "ICT-02" && c.partner === "LEW" && c.yearLabel === "2020/21");
  if (!charge) throw new Error("fixture has no LEW charge");
  const trace = explainCharge(result, charge);
  render(
    <FluentProvider theme={webLightTheme}>
      <ExplainCard trace={trace} partnerName="Lewisham" />
    </FluentProvider>,
  );
  return trace;
}

describe("ExplainCard", () => {
  it("explains the charge in plain words: the driver share as a percentage, money to the penny, rounding in pence", () => {
    const trace = renderCard();
    expect(screen.getByText("By Tickets (illustrative)")).toBeInTheDocument();
    // 9,000 of 56,000 tickets = 16.07% (9000 ÷ 56000 = 0.160714…).
    expect(screen.getByText("Lewisham: 9,000 of 56,000 tickets (illustrative) = 16.07%")).toBeInTheDocument();
    expect(screen.getByText(formatMoney(trace.share))).toBeInTheDocument();
    expect(screen.getByText("90/365 days")).toBeInTheDocument();
    // The adjustment in pence is the exact adjustment × 100 to two places, with its sign.
    const pence = screen.getByText(/^[+-]\d+\.\d\dp \(the shares are rounded/);
    const exactPence = Number(trace.adjustment.replace("…", "")) * 100;
    expect(Number(pence.textContent?.slice(0, pence.textContent.indexOf("p")))).toBeCloseTo(exactPence, 2);
    // The exact figures are not shown until asked for.
    expect(screen.queryByText(formatExactPounds(trace.exactShare))).toBeNull();
  });

  it("shows the exact figures one click away: exact share, adjustment, weights, driver table and working", async () => {
    const user = userEvent.setup();
    const trace = renderCard();
    const toggle = screen.getByRole("button", { name: "Show the exact figures" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(screen.getByRole("button", { name: "Hide the exact figures" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText("driver:tickets")).toBeInTheDocument();
    expect(screen.getByText(formatExactPounds(trace.exactShare))).toBeInTheDocument();
    expect(screen.getByText(formatExactPounds(trace.adjustment))).toBeInTheDocument();
    const drivers = screen.getByRole("table", { name: "Driver values" });
    const row = within(drivers).getByRole("row", { name: /Tickets/ });
    expect(within(row).getByText("9000")).toBeInTheDocument();
    expect(within(row).getByText("56000")).toBeInTheDocument();
    expect(screen.getByText(trace.working)).toBeInTheDocument();
  });
});
