// @vitest-environment jsdom
import "./support/setup";
import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SCREENS, SCREEN_LABELS } from "../../src/taskpane/screens/screen-ids";
import { renderTaskpane } from "./support/harness";

describe("Task pane shell", () => {
  it("has a labelled tab per screen and a tab panel labelled by the selected tab", async () => {
    await renderTaskpane();
    expect(screen.getAllByRole("tab")).toHaveLength(SCREENS.length);
    for (const id of SCREENS) expect(screen.getByRole("tab", { name: SCREEN_LABELS[id] })).toBeInTheDocument();
    expect(screen.getByRole("tabpanel", { name: "Start" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "Start" })).toBeInTheDocument();
  });

  it("opens a screen from the keyboard (Enter on a focused tab)", async () => {
    const { user } = await renderTaskpane();
    await screen.findByText(/This workbook has a model/);
    // Arrow keys and the Tab order of the tab bar: tab-bar.test.tsx, and in Chromium (e2e).
    act(() => screen.getByRole("tab", { name: "Run" }).focus());
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Run" })).toBeInTheDocument();
  });

  it("opens every screen without errors (secondary screens load lazily)", async () => {
    const { user } = await renderTaskpane();
    for (const id of SCREENS) {
      await user.click(screen.getByRole("tab", { name: SCREEN_LABELS[id] }));
      expect(await screen.findByRole("tabpanel", { name: SCREEN_LABELS[id] })).toBeInTheDocument();
      expect(await screen.findByRole("heading", { level: 2 })).toBeInTheDocument();
    }
  });
});
