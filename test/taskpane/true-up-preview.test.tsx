// @vitest-environment jsdom
import "./support/setup";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HR_AGREEMENT } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

describe("Run screen: the true-up (docs/versions.md)", () => {
  it("previews each line-year's true-up verdict and lists the True-up sheet among those written", async () => {
    const { user } = await renderTaskpane({ screen: "run", sample: HR_AGREEMENT });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await screen.findByRole("button", { name: "Write to workbook" });
    expect(screen.getByText("True-up on actual drivers")).toBeInTheDocument();
    expect(screen.getByText(/PAY-01 2022\/23: Within tolerance \(3 percentage points\): no adjustment\./)).toBeInTheDocument();
    expect(screen.getByText(/PAY-01 2023\/24: Beyond tolerance \(3 percentage points\)/)).toBeInTheDocument();
    expect(screen.getByText(/Writes the sheets .*True-up/)).toBeInTheDocument();
  });

  it("says nothing of a true-up for a model without actuals", async () => {
    const { user } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await screen.findByRole("button", { name: "Write to workbook" });
    expect(screen.queryByText("True-up on actual drivers")).toBeNull();
    expect(screen.queryByText(/Writes the sheets .*True-up/)).toBeNull();
  });
});
