// @vitest-environment jsdom
import "./support/setup";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderTaskpane } from "./support/harness";

/** The element holding focus, or a note that it fell to <body>. */
function focusedText(): string {
  const el = document.activeElement;
  return !el || el === document.body ? "<body>" : (el.textContent ?? "");
}

describe("Focus after an action lands on its result, never on <body>", () => {
  it("Calculate → the preview; Write → the result", async () => {
    const { user } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await screen.findByRole("button", { name: "Write to workbook" });
    await waitFor(() => expect(focusedText()).toMatch(/^Preview: nothing written yet/));
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Results written");
    await waitFor(() => expect(focusedText()).toMatch(/^Results written/));
  });

  it("confirming the replace dialog on Start → the outcome; cancelling it → back to Create model", async () => {
    const { user } = await renderTaskpane();
    await user.click(await screen.findByRole("button", { name: "Create model" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Replace the input sheets?" });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(dialog).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Create model" })).toHaveFocus());

    await user.click(screen.getByRole("button", { name: "Create model" }));
    await screen.findByRole("alertdialog", { name: "Replace the input sheets?" });
    await user.click(screen.getByRole("button", { name: "Replace them" }));
    await screen.findByText(/^Created the model/);
    await waitFor(() => expect(focusedText()).toMatch(/Created the model/));
  });
});
