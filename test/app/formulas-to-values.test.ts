import { describe, expect, it } from "vitest";
import { findSharedFormulas, sharedFormulasToValues } from "../../src/app";
import { EAST_KENT_HOUSING } from "../../src/samples";
import { officeHarness } from "../support/port-harness";
import { at, sharedFormulasWorkbook } from "../support/shared-formulas-fixture";

describe("sending a workbook on: =SHARED formulas into values (application layer, Office.js adapter on the Excel fake)", () => {
  it("asks first, naming the formulas, cells and sheets, the errors kept as text, and that it cannot be undone", async () => {
    const h = await sharedFormulasWorkbook();
    const look = await findSharedFormulas(h.port);
    if (look.kind !== "found") throw new Error(JSON.stringify(look));
    expect(look.question).toBe(
      "Replace 5 =SHARED formulas on 2 sheets (Workings (4) and Notes (1)) with the values they show: 7 cells will change (the " +
        "formulas' own cells and 2 cells their results spill into). Other formulas, formats and cells stay as they are. 1 cell " +
        "shows an error (such as #VALUE!), kept as text. This cannot be undone: Excel's Undo does not reverse changes made by an " +
        "add-in, so save a copy first if you will need the formulas.",
    );
    // Looking changed nothing.
    expect(at(h, "Workings", 0, 0)?.formula).toBe("=SHARED.FINYEAR(DATE(2021,1,1))");
    const done = await sharedFormulasToValues(h.port, look.found);
    expect(done.kind === "done" && done.message).toBe(
      "Replaced 5 =SHARED formulas (7 cells) on 2 sheets with their values. Save the workbook under a new name to send it on.",
    );
    expect(at(h, "Workings", 0, 0)).toMatchObject({ value: "2020/21", prefixed: true });
    expect(at(h, "Workings", 0, 0)?.formula).toBeUndefined();
    expect((await findSharedFormulas(h.port)).kind).toBe("none");
  });

  it("says there is nothing to do in a workbook without =SHARED formulas", async () => {
    const h = officeHarness();
    expect((await h.port.createModel(EAST_KENT_HOUSING.model)).ok).toBe(true);
    expect((await findSharedFormulas(h.port)).kind).toBe("none");
  });
});
