/**
 * 7. Support services: a model whose cost lines are all support services'
 * (5 services serving each other and 20 partners, 5 years) run by the
 * reciprocal method, against the same lines split by a usage driver, and the
 * three methods side by side (two more runs).
 */
import { compareSupportMethods, runModel, type ModelInput } from "../../src/engine";
import { compare, ratio, type Comparison } from "../lib/timing";

export interface SupportResult {
  readonly lines: number;
  readonly timing: Comparison;
  /** Reciprocal run ÷ the same lines by a driver. */
  readonly vsDriver: number;
  /** The three methods side by side (after the model's own run), ms. */
  readonly methodsMs: number;
  readonly balanced: boolean;
}

const SERVICES = ["ICT", "HR", "FIN", "LEGAL", "PROP"];

function models(lines: number): { support: ModelInput; driver: ModelInput } {
  const partners = Array.from({ length: 20 }, (_, i) => ({ id: `P${i + 1}` }));
  const usage = SERVICES.flatMap((s, si) => [
    ...partners.map((p, pi) => ({ service: s, by: p.id, value: 100 + ((si * 37 + pi * 13) % 400) })),
    ...SERVICES.filter((x) => x !== s).map((x, xi) => ({ service: s, by: x, value: 10 + xi * 7 })),
  ]);
  const costLines = Array.from({ length: lines }, (_, i) => ({
    ref: `L${i}`,
    category: i % 3 === 0 ? "capital" : "revenue",
    nature: i % 2 === 1 ? "ongoing" : "one-off",
    amount: ((100_000 + (i % 997) * 1337) / 100).toFixed(2),
    start: `${2021 + (i % 4)}-0${1 + (i % 9)}-15`,
    basis: `support:${SERVICES[i % SERVICES.length] ?? ""}`,
  }));
  const settings = { firstYear: "2021/22", lastYear: "2025/26" };
  const support: ModelInput = { partners, costLines, settings, support: { services: SERVICES.map((id) => ({ id })), usage } };
  const driver: ModelInput = {
    partners,
    costLines: costLines.map((l) => ({ ...l, basis: "driver:users" })),
    settings,
    drivers: [{ id: "users", values: partners.map((p, pi) => ({ partner: p.id, value: 100 + ((pi * 13) % 400) })) }],
  };
  return { support, driver };
}

export function benchSupport(options: { rounds: number; warmup: number; lines: number }): SupportResult {
  const { support, driver } = models(options.lines);
  const timing = compare(
    [
      { name: "support (reciprocal)", ops: options.lines, run: () => (runModel(support).ok ? 1 : 0) },
      { name: "driver", ops: options.lines, run: () => (runModel(driver).ok ? 1 : 0) },
    ],
    { reference: "driver", rounds: options.rounds, warmup: options.warmup },
  );
  const run = runModel(support);
  if (!run.ok) throw new Error("the support model did not run");
  const t = performance.now();
  const methods = compareSupportMethods(support, run.value);
  const methodsMs = performance.now() - t;
  if (methods?.totals.some((x) => x === undefined)) throw new Error("a method did not run");
  return {
    lines: options.lines,
    timing,
    vsDriver: ratio(timing, "support (reciprocal)", "driver"),
    methodsMs,
    balanced: run.value.result.balance.balanced,
  };
}
