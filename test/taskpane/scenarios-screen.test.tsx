// @vitest-environment jsdom
import "./support/setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { compareScenarios, doNoHarm, errorMessage, formatMoney, runScenario, type ScenarioInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_SERVICES } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

const base = BRENT_LEWISHAM_SOUTHWARK.model;
const joins = (base.scenarios ?? []).find((s) => s.name === "Lewisham Homes joins") as ScenarioInput;

describe("Scenarios screen", () => {
  it("lists the workbook's scenarios", async () => {
    await renderTaskpane({ screen: "scenarios" });
    const list = await screen.findByRole("list", { name: "Scenarios" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.querySelector("span")?.textContent),
    ).toEqual((base.scenarios ?? []).map((s) => s.name));
  });

  it("compares Lewisham Homes joining with the base per partner and shows the engine's do-no-harm verdict", async () => {
    const { user } = await renderTaskpane({ screen: "scenarios" });
    await user.click(await screen.findByRole("button", { name: "Compare with base and check do no harm: Lewisham Homes joins" }));
    const harm = doNoHarm(base, joins);
    const comparison = compareScenarios(base, null, joins);
    if (!harm.ok || !comparison.ok) throw new Error("engine failed");
    expect(
      await screen.findByText(`${harm.value.passed ? "Do no harm: passed" : "Do no harm: failed"} (${joins.name})`),
    ).toBeInTheDocument();
    const lew = screen.getByRole("table", { name: "Base against Lewisham Homes joins: London Borough of Lewisham (LEW)" });
    const first = comparison.value.rows.find((r) => r.partner === "LEW");
    if (!first) throw new Error("no LEW row");
    const row = within(lew).getAllByRole("row")[1] as HTMLElement;
    expect(within(row).getByRole("rowheader")).toHaveTextContent(`${first.yearLabel} ${first.category}`);
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(0, 2),
    ).toEqual([formatMoney(first.from), formatMoney(first.to)]);
    // The joining partner appears with its new charges.
    expect(screen.getByRole("table", { name: /Lewisham Homes \(LH\)$/ })).toBeInTheDocument();
  });

  it("compares any two scenarios chosen in the drop-downs", async () => {
    const { user } = await renderTaskpane({ screen: "scenarios" });
    await user.selectOptions(await screen.findByRole("combobox", { name: "Compare" }), "Lewisham Homes within Lewisham");
    await user.selectOptions(screen.getByRole("combobox", { name: "With" }), "Core service by users only");
    await user.click(screen.getByRole("button", { name: "Compare" }));
    expect(
      await screen.findByRole("table", {
        name: "Lewisham Homes within Lewisham against Core service by users only: London Borough of Brent (BRE)",
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Do no harm/)).toBeNull();
  });

  it("creates a scenario with an uplift and saves it to the workbook through the port", async () => {
    const { user, port } = await renderTaskpane({ screen: "scenarios" });
    await user.click(await screen.findByRole("button", { name: "New scenario" }));
    const name = screen.getByRole("textbox", { name: /Scenario name/ });
    await user.clear(name);
    await user.type(name, "Cloud costs 20% more");
    await user.selectOptions(screen.getByRole("combobox", { name: "Kind of change" }), "Percentage uplift");
    await user.click(screen.getByRole("button", { name: "Add change" }));
    await user.type(screen.getByRole("textbox", { name: "Uplift (%)" }), "20");
    await user.selectOptions(screen.getByRole("combobox", { name: "Capital or revenue" }), "Revenue");
    await user.click(screen.getByRole("button", { name: "Save scenario" }));
    await waitFor(() => expect(port.writeScenarios).toHaveBeenCalled());
    const saved = (port.writeScenarios as unknown as { mock: { calls: [ScenarioInput[]][] } }).mock.calls[0]?.[0] ?? [];
    expect(saved.map((s) => s.name)).toEqual([...(base.scenarios ?? []).map((s) => s.name), "Cloud costs 20% more"]);
    expect(saved.at(-1)?.changes).toEqual([{ kind: "uplift", percent: "20", category: "revenue", nature: null, service: null }]);
    const list = await screen.findByRole("list", { name: "Scenarios" });
    expect(within(list).getByText("Cloud costs 20% more")).toBeInTheDocument();
  });

  it("offers the support-service changes only for a model with support services, and saves one that changes the method", async () => {
    const plain = await renderTaskpane({ screen: "scenarios" });
    await plain.user.click(await screen.findByRole("button", { name: "New scenario" }));
    const kinds = (): (string | null)[] =>
      within(screen.getByRole("combobox", { name: "Kind of change" }))
        .getAllByRole("option")
        .map((o) => o.textContent);
    expect(kinds()).not.toContain("Change the support method");
    plain.view.unmount();

    const { user, port } = await renderTaskpane({ screen: "scenarios", sample: EAST_KENT_SERVICES });
    await user.click(await screen.findByRole("button", { name: "New scenario" }));
    expect(kinds()).toEqual(expect.arrayContaining(["Change the support method", "Change a support usage figure"]));
    const name = screen.getByRole("textbox", { name: /Scenario name/ });
    await user.clear(name);
    await user.type(name, "Step-down, HR first");
    await user.selectOptions(screen.getByRole("combobox", { name: "Kind of change" }), "Change the support method");
    await user.click(screen.getByRole("button", { name: "Add change" }));
    await user.type(screen.getByRole("textbox", { name: /Step-down order/ }), "HR, ICT");
    await user.click(screen.getByRole("button", { name: "Save scenario" }));
    await waitFor(() => expect(port.writeScenarios).toHaveBeenCalled());
    const saved = (port.writeScenarios as unknown as { mock: { calls: [ScenarioInput[]][] } }).mock.calls[0]?.[0] ?? [];
    // The order as typed, commas and all.
    expect(saved.at(-1)?.changes[0]).toMatchObject({ order: ["HR", "ICT"] });
    expect(saved.at(-1)).toMatchObject({
      name: "Step-down, HR first",
      changes: [{ kind: "setSupportMethod", method: "step-down" }],
    });
  });

  it("shows the engine's problems with a draft scenario before it is saved", async () => {
    const { user } = await renderTaskpane({ screen: "scenarios" });
    await user.click(await screen.findByRole("button", { name: "New scenario" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Kind of change" }), "Change an amount");
    await user.click(screen.getByRole("button", { name: "Add change" }));
    await user.type(screen.getByRole("textbox", { name: "New amount (£)" }), "lots");
    const problems = await screen.findByRole("list", { name: "Scenario problems" });
    const r = runScenario(base, {
      name: "Scenario 4",
      changes: [{ kind: "setAmount", line: base.costLines[0]?.ref ?? "", amount: "lots" }],
    });
    if (r.ok) throw new Error("expected the engine to reject it");
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(r.errors.map((e) => errorMessage(e)));
  });
});
