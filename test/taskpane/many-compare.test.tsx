// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { compareMany, formatMoney, partnerNames } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { renderTaskpane } from "./support/harness";

describe("Scenarios: every scenario side by side", () => {
  it(
    "shows each partner's charges under the base and every scenario, with do no harm for each joiner, and keeps it for the next " + "run",
    async () => {
      const { user, port } = await renderTaskpane({ screen: "scenarios" });
      await user.click(await screen.findByRole("button", { name: "Compare every scenario with the base" }));
      const model = BRENT_LEWISHAM_SOUTHWARK.model;
      const expected = compareMany(model, model.scenarios ?? []);
      if (!expected.ok) throw new Error("engine");
      const names = partnerNames({ ...model, partners: [...model.partners, { id: "LH", name: "Lewisham Homes" }] });
      // A card per partner: Brent's total under the base, as the engine's comparison adds it up.
      const table = await screen.findByRole("table", { name: `Every scenario side by side: ${names.get("BRE") ?? ""} (BRE), all years` });
      const brent = expected.value.rows.filter((r) => r.partner === "BRE").reduce((t, r) => t + (r.amounts[0] ?? 0), 0);
      const row = within(table).getByRole("row", { name: /^Base/ });
      expect(row).toHaveTextContent(formatMoney(brent));
      for (const h of expected.value.doNoHarm) {
        const group = screen.getByRole("group", { name: `Do no harm: ${h.scenario}` });
        // Each verdict names its scenario: two boxes never read the same.
        expect(group).toHaveTextContent(`(${h.scenario})`);
      }
      await user.click(screen.getByRole("button", { name: "Include every scenario in the next run" }));
      expect(await screen.findByRole("button", { name: "Every scenario is in the next run" })).toHaveFocus();
      const settings = await port.readRunSettings();
      expect(settings.ok && settings.value.compareSecond).toBe((model.scenarios ?? []).map((s) => s.name).join(", "));
    },
  );
});
