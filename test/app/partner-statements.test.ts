import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partnerStatements } from "../../src/app";
import { checkModelBudgets, partnerNames } from "../../src/engine";
import type { RunOutputs } from "../../src/excel";
import { partnerStatementSheet } from "../../src/excel/layout/outputs/statement";
import { modelArb, unwrap } from "../engine/scenarios/model-arbitrary";

describe("partnerStatements (every partner's statement, prepared once)", () => {
  it("gives each partner of the model, in its order, the statement laid out on its own (property)", () => {
    fc.assert(
      fc.property(modelArb(), (model) => {
        const report = unwrap(checkModelBudgets(model));
        const outputs: RunOutputs = {
          run: report.run,
          budget: report,
          stamp: { when: "7 Dec 2026 05:00 UTC", fingerprint: "0123456789ab" },
        };
        const statements = partnerStatements(outputs);
        expect(statements.map((s) => s.partner)).toEqual([...partnerNames(report.run.model).keys()]);
        // Laid out in any order, each is what laying out that partner's statement alone gives.
        for (const s of [...statements].reverse()) expect(s.sheet()).toEqual(partnerStatementSheet(outputs, s.partner));
      }),
      { numRuns: 40 },
    );
  });
});
