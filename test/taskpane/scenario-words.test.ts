import { describe, expect, it } from "vitest";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { percentagesRule } from "../../src/taskpane/components/scenario/ChangeEditor";
import { dateEntryHint, dateEntryText, dateEntryValue } from "../../src/taskpane/date-entry";
import { modelOptions } from "../../src/taskpane/model-options";
import { changeSummary, withScenarioAdditions } from "../../src/taskpane/scenario-drafts";
import { weightWords } from "../../src/app";

const model = BRENT_LEWISHAM_SOUTHWARK.model;
const joins = (model.scenarios ?? []).find((s) => s.name === "Lewisham Homes joins");
if (joins === undefined) throw new Error("no scenario");
const options = withScenarioAdditions(modelOptions(model), joins);

describe("the scenario editor in words", () => {
  it("says each change with names, money to the penny and dates in words, never a code alone", () => {
    const [addPartner, addLine] = joins.changes.map((c) => changeSummary(c, options));
    expect(addPartner).toBe("Add Lewisham Homes (LH) as a direct partner, joining on 1 April 2021");
    expect(addLine).toBe(
      "Add line BLS-09: Lewisham Homes onboarding (revenue, one-off, £80,000.00 from 1 April 2021, Direct to Lewisham Homes (LH))",
    );
    expect(changeSummary({ kind: "setBasis", line: "BLS-01", basis: "usersTickets" }, options)).toBe(
      "BLS-01: Shared ICT service: staff and running costs: basis Mix: 50% users, 50% tickets",
    );
    expect(changeSummary({ kind: "setAmount", line: "BLS-02", amount: "1234567.8" }, options)).toBe(
      "BLS-02: Microsoft 365 licences: amount £1,234,567.80",
    );
  });

  it("offers a partner the scenario adds as a direct charge, by name", () => {
    expect(options.bases).toContainEqual({ value: "direct:LH", text: "Direct to Lewisham Homes (LH)" });
  });

  it("reads and writes dates the UK way, storing ISO", () => {
    expect(dateEntryText("2021-04-01")).toBe("01/04/2021");
    // An Excel serial number (1 April 2021) reads the same.
    expect(dateEntryText(44287)).toBe("01/04/2021");
    expect(dateEntryText("44287")).toBe("01/04/2021");
    expect(dateEntryValue("1/4/2021")).toBe("2021-04-01");
    expect(dateEntryValue("31/02/2021")).toBe("31/02/2021");
    expect(dateEntryHint("1/4/2021")).toBe("1 April 2021");
    expect(dateEntryHint("")).toBe("Day/month/year, e.g. 01/04/2021");
  });

  it("states what a joining partner's percentage does to the others, exactly", () => {
    const rule = percentagesRule(options.percentageBases, { IAA: "8" }, "Lewisham Homes");
    expect(rule).toContain("Inter-authority agreement shares: Lewisham Homes takes 8%, and every other partner keeps 92% of its share");
    expect(percentagesRule(options.percentageBases, { IAA: "12.5" }, "LH")).toContain("keeps 87.5% of its share");
  });

  it("explains a weight in the same words as the command line", () => {
    expect(weightWords("2143", "10080", true)).toBe(
      "2,143 of 10,080: the partner's weighted sum of the basis's parts, out of the same sum for every partner sharing the line",
    );
  });
});
