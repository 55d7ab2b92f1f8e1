// @vitest-environment jsdom
import "./support/setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING, SAMPLES } from "../../src/samples";
import { sampleChoices } from "../../src/taskpane/samples";
import type { SampleChoice } from "../../src/taskpane/services";
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

  it("offers the samples once a loader gives them (the pane in Excel loads them on first showing), and creates one", async () => {
    let give: (list: readonly SampleChoice[]) => void = () => undefined;
    const loaded = new Promise<readonly SampleChoice[]>((resolve) => (give = resolve));
    const { user, port } = await renderTaskpane({ sample: null, samples: () => loaded });
    expect(await screen.findByText("Loading the samples…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create model" })).toBeDisabled();
    give(sampleChoices(SAMPLES));
    const pick = await screen.findByRole("option", { name: EAST_KENT_HOUSING.title });
    expect(screen.queryByText("Loading the samples…")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: /New model/ }), pick);
    await user.click(screen.getByRole("button", { name: "Create model" }));
    await waitFor(() => expect(port.createModel).toHaveBeenCalledWith(EAST_KENT_HOUSING.model, expect.anything()));
  });

  it("says so when the samples cannot be loaded, and offers nothing to create", async () => {
    await renderTaskpane({ sample: null, samples: () => Promise.reject(new Error("chunk failed")) });
    expect(await screen.findByText(/The samples could not be loaded/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create model" })).toBeDisabled();
  });

  it("opens the model already in the workbook and goes to Check", async () => {
    const { user } = await renderTaskpane();
    await user.click(await screen.findByRole("button", { name: "Open the model in this workbook" }));
    expect(await screen.findByRole("heading", { name: "Check the model" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("heading", { name: "Check the model" })).toHaveFocus());
  });
});
