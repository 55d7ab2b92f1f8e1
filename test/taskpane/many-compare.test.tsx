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
      const table = await screen.findByRole("table", { name: /side by side/ });
      const names = partnerNames({ ...model, partners: [...model.partners, { id: "LH", name: "Lewisham Homes" }] });
      // Brent's total under the base, as the engine's comparison adds it up.
      const brent = expected.value.rows.filter((r) => r.partner === "BRE").reduce((t, r) => t + (r.amounts[0] ?? 0), 0);
      const row = within(table).getByRole("row", { name: new RegExp(names.get("BRE") ?? "BRE") });
      expect(row).toHaveTextContent(formatMoney(brent));
      for (const h of expected.value.doNoHarm) expect(screen.getByRole("group", { name: `Do no harm: ${h.scenario}` })).toBeInTheDocument();
      await user.click(screen.getAllByRole("button", { name: "Include in the next run" }).at(-1)!);
      const settings = await port.readRunSettings();
      expect(settings.ok && settings.value.compareSecond).toBe((model.scenarios ?? []).map((s) => s.name).join(", "));
    },
  );
});
