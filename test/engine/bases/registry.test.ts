import { describe, expect, it } from "vitest";
import {
  BASIS_KINDS,
  basisChoices,
  basisRefText,
  mixRefusal,
  parseBasisRef,
  partnerBasisChoices,
  readBasisText,
  type BasisRef,
} from "../../../src/engine/bases/registry";
import type { ModelInput } from "../../../src/engine";

// The registry of basis kinds: each kind reads back what it writes, and the lists it offers keep the order the
// Lists sheet and the pane's picker always had.

const known = {
  partners: new Set(["LEW", "BRE"]),
  drivers: new Set(["users"]),
  percentages: new Set(["IAA"]),
  mixes: new Set(["Mix"]),
  services: new Set(["ICT"]),
};
const at = { entity: "costLine", key: "L1", field: "basis" } as const;

const REFS: readonly BasisRef[] = [
  { kind: "equal" },
  { kind: "direct", partner: "LEW" },
  { kind: "driver", driver: "users" },
  { kind: "percentages", id: "IAA" },
  { kind: "mix", id: "Mix" },
  { kind: "support", service: "ICT" },
];

const model: ModelInput = {
  partners: [{ id: "LEW", name: "Lewisham" }, { id: "BRE" }],
  drivers: [{ id: "users", label: "User accounts", values: [] }],
  bases: [
    { id: "Mix", kind: "mix", components: [] },
    { id: "IAA", kind: "percentages", label: "Agreement", shares: [] },
  ],
  costLines: [],
  settings: { firstYear: "2024/25", lastYear: "2024/25" },
  support: { services: [{ id: "ICT", label: "ICT" }], usage: [] },
};

describe("the basis kinds", () => {
  it("reads each kind's reference back from its text, checked or not", () => {
    expect(BASIS_KINDS.map((k) => k.kind)).toEqual(expect.arrayContaining(REFS.map((r) => r.kind)));
    for (const ref of REFS) {
      const text = basisRefText(ref);
      expect(parseBasisRef(text, known, at)).toEqual({ ok: true, value: ref });
      expect(readBasisText(text, model)).toEqual(ref);
    }
  });

  it("reads a bare driver id and a prefix in any case, and suggests the prefix for a bare support service", () => {
    expect(parseBasisRef("users", known, at)).toEqual({ ok: true, value: { kind: "driver", driver: "users" } });
    expect(parseBasisRef(" Direct : LEW ", known, at)).toEqual({ ok: true, value: { kind: "direct", partner: "LEW" } });
    const ict = parseBasisRef("ICT", known, at);
    expect(ict).toEqual({ ok: false, errors: [{ kind: "unknownBasis", basis: "ICT", similar: "support:ICT", at }] });
    expect(parseBasisRef("direct:lew", known, at)).toEqual({
      ok: false,
      errors: [{ kind: "unknownPartner", partner: "lew", similar: "LEW", at }],
    });
  });

  it("offers equal, each partner, each driver, the named bases in the model's order, then the support services", () => {
    // In this order among themselves (a kind added later offers its own entries as well).
    const listed = ["equal", "direct:LEW", "direct:BRE", "driver:users", "Mix", "IAA", "support:ICT"];
    expect(basisChoices(model).filter((c) => listed.includes(c.value))).toEqual([
      { value: "equal", text: "Equal shares" },
      { value: "direct:LEW", text: "Direct to Lewisham (LEW)" },
      { value: "direct:BRE", text: "Direct to BRE" },
      { value: "driver:users", text: "Driver: User accounts" },
      { value: "Mix", text: "Mix: Mix" },
      { value: "IAA", text: "Percentages: Agreement" },
      { value: "support:ICT", text: "Support service: ICT (ICT)" },
    ]);
    expect(basisChoices({ partners: [] })).toEqual([{ value: "equal", text: "Equal shares" }]);
    const added = partnerBasisChoices([{ id: "LH", name: "Lewisham Homes" }]);
    expect(added).toContainEqual({ value: "direct:LH", text: "Direct to Lewisham Homes (LH)" });
  });

  it("refuses a support service as a part of a mix, naming the kinds that may be", () => {
    expect(mixRefusal(" support : ICT")).toEqual({
      refused: "a support service",
      expected: "equal, direct:<partner>, driver:<driver> or a percentages basis (a support service cannot be part of a mix)",
    });
    expect(mixRefusal("driver:users")).toBeUndefined();
  });
});
