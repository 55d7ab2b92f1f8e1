import { describe, expect, it, vi } from "vitest";
import { openModel, ENGINE } from "../../src/app";
import { watchTableChanges } from "../../src/excel";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { officeHarness } from "../support/port-harness";

describe("watching the input tables for edits (Excel's TableCollection.onChanged)", () => {
  it("tells the listener when the user types into a table, and stops once removed", async () => {
    const h = officeHarness();
    if (h.fake === undefined) throw new Error("no fake");
    expect((await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok).toBe(true);
    const opened = await openModel(h.port, ENGINE);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    const at = opened.session.read.locate({ entity: "costLine", key: opened.session.model.costLines[0]?.ref ?? "", field: "amount" });
    if (at === undefined) throw new Error("no cell");
    const listener = vi.fn();
    const remove = await watchTableChanges(listener, h.fake.run);
    h.type(at.address, 42);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    await remove();
    h.type(at.address, 43);
    await new Promise((r) => setTimeout(r, 10));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
