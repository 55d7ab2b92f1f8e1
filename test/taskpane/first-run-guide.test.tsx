// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { GUIDE_HIDDEN_KEY } from "../../src/taskpane/components/FirstRunGuide";
import { SCREENS, SCREEN_LABELS } from "../../src/taskpane/screens/screen-ids";
import { renderTaskpane } from "./support/harness";

describe("First-run guide", () => {
  beforeEach(() => window.localStorage.clear());

  it("lists every screen, in the tabs' order, with what it is for", async () => {
    await renderTaskpane();
    const guide = await screen.findByRole("region", { name: "How it works" });
    const steps = within(guide).getAllByRole("listitem");
    expect(steps.map((li) => li.textContent?.split(":")[0])).toEqual(SCREENS.map((id) => SCREEN_LABELS[id]));
    for (const li of steps) expect(li.textContent?.split(":")[1]?.trim().length ?? 0).toBeGreaterThan(20);
    const tabs = screen.getAllByRole("tab").map((t) => t.textContent);
    expect(tabs).toEqual(SCREENS.map((id) => SCREEN_LABELS[id]));
  });

  it("hides when asked, remembers it the next time the pane opens, and comes back on request", async () => {
    const first = await renderTaskpane();
    await first.user.click(await screen.findByRole("button", { name: "Hide the guide" }));
    expect(screen.queryByRole("region", { name: "How it works" })).toBeNull();
    expect(screen.getByRole("button", { name: "Show the guide" })).toHaveFocus();
    first.view.unmount();

    const second = await renderTaskpane();
    await screen.findByRole("heading", { name: "Start", level: 2 });
    expect(screen.queryByRole("region", { name: "How it works" })).toBeNull();
    await second.user.click(screen.getByRole("button", { name: "Show the guide" }));
    expect(screen.getByRole("heading", { name: "How it works" })).toHaveFocus();
    expect(window.localStorage.getItem(GUIDE_HIDDEN_KEY)).toBeNull();
  });
});
