// @vitest-environment jsdom
import "./support/setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

describe("Start screen", () => {
  it("creates a sample model in an empty workbook through the port", async () => {
    const { user, port, workbook } = await renderTaskpane({ sample: null });
    expect(await screen.findByText("This workbook has no model yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open the model in this workbook" })).toBeDisabled();
    await user.selectOptions(screen.getByRole("combobox", { name: /New model/ }), BRENT_LEWISHAM_SOUTHWARK.title);
    await user.click(screen.getByRole("button", { name: "Create model" }));
    expect(await screen.findByText(/Created the model "Brent, Lewisham and Southwark shared ICT"/)).toBeInTheDocument();
    expect(port.createModel).toHaveBeenCalledWith(BRENT_LEWISHAM_SOUTHWARK.model, expect.objectContaining({ replaceExisting: false }));
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(["Partners", "Costs", "Budgets", "Scenarios"]));
    expect(await screen.findByRole("button", { name: "Open the model in this workbook" })).toBeEnabled();
  });

  it("asks before replacing existing input sheets, and replaces them only when confirmed", async () => {
    const { user, port, workbook } = await renderTaskpane();
    await screen.findByText(/This workbook has a model/);
    await user.selectOptions(screen.getByRole("combobox", { name: /New model/ }), EAST_KENT_HOUSING.title);
    await user.click(screen.getByRole("button", { name: "Create model" }));
    // jsdom only: Fluent's focus-trap library marks the portal aria-hidden there (not in Chromium, where the e2e axe scan covers it).
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog).toHaveTextContent("Replace the input sheets?");
    expect(dialog).toHaveTextContent("already has input sheets");
    expect(workbook.view("Partners")?.text(1, 0)).toBe("BRE");

    await user.click(within(dialog).getByRole("button", { name: "Replace them", hidden: true }));
    await waitFor(() =>
      expect(port.createModel).toHaveBeenLastCalledWith(EAST_KENT_HOUSING.model, expect.objectContaining({ replaceExisting: true })),
    );
    expect(await screen.findByText(/Created the model "East Kent Housing/)).toBeInTheDocument();
    expect(workbook.view("Partners")?.text(1, 0)).toBe(EAST_KENT_HOUSING.model.partners[0]?.id);
  });

  it("opens the model already in the workbook and goes to Check", async () => {
    const { user } = await renderTaskpane();
    await user.click(await screen.findByRole("button", { name: "Open the model in this workbook" }));
    expect(await screen.findByRole("heading", { name: "Check the model" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("heading", { name: "Check the model" })).toHaveFocus());
  });
});
