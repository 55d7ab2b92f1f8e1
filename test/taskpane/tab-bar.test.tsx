// @vitest-environment jsdom
import "./support/setup";
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { TabBar } from "../../src/taskpane/components/TabBar";

const ITEMS = [
  { id: "a", label: "Alpha" },
  { id: "b", label: "Beta" },
  { id: "c", label: "Gamma" },
];

function Harness(): React.JSX.Element {
  const [selected, setSelected] = React.useState("a");
  return (
    <>
      <button type="button">Before</button>
      <TabBar label="Things" items={ITEMS} selected={selected} onSelect={setSelected} idPrefix="x-" />
      <div role="tabpanel" id={`x-panel-${selected}`} aria-labelledby={`x-tab-${selected}`}>
        {selected}
      </div>
    </>
  );
}

describe("TabBar", () => {
  it("is one Tab stop (the selected tab); arrows, Home and End move focus; Enter and Space open", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole("tablist", { name: "Things" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Before" }));
    await user.tab();
    expect(screen.getByRole("tab", { name: "Alpha" })).toHaveFocus();
    expect(screen.getByRole("tab", { name: "Alpha" })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Beta" })).toHaveFocus();
    // Moving focus does not open the tab (manual activation).
    expect(screen.getByRole("tabpanel", { name: "Alpha" })).toHaveTextContent("a");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tabpanel", { name: "Beta" })).toHaveTextContent("b");
    expect(screen.getByRole("tab", { name: "Beta" })).toHaveAttribute("aria-controls", "x-panel-b");
    await user.keyboard("{End}");
    expect(screen.getByRole("tab", { name: "Gamma" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Alpha" })).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Gamma" })).toHaveFocus();
    await user.keyboard("{Home}");
    expect(screen.getByRole("tab", { name: "Alpha" })).toHaveFocus();
    await user.keyboard(" ");
    expect(screen.getByRole("tabpanel", { name: "Alpha" })).toBeInTheDocument();
    // Only the selected tab is in the Tab order: Tab leaves the tab list.
    await user.tab();
    expect(screen.getByRole("tab", { name: "Alpha" })).not.toHaveFocus();
    expect(screen.getAllByRole("tab").filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });
});
