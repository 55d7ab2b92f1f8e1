import {
  checkFigureSize,
  checkMultipleOfUnit,
  Decimal,
  decimalsToWeights,
  errs,
  isBlank,
  largestRemainder,
  messageText,
  mixWeights,
  ok,
  parseDecimal,
  parseMoney,
  parseUnit,
  showInput,
  totalsHundred,
  type EngineError,
  type Pence,
  type Result,
  type Where,
} from "../engine";

/** Names used in error locations, so a cell's error names the argument the user typed. */
export interface SplitArgNames {
  readonly amount: string;
  readonly drivers: string;
  readonly unit: string;
}

const DEFAULT_NAMES: SplitArgNames = { amount: "amount", drivers: "drivers", unit: "unit" };

function arg(field: string, index?: number): Where {
  return index === undefined ? { entity: "argument", field } : { entity: "argument", field, index };
}

/** Reads the amount and unit of a one-off split; the amount must be a whole number of units. */
function amountAndUnit(amount: unknown, unit: unknown, names: SplitArgNames): Result<{ amount: Pence; unit: Pence }> {
  const u = parseUnit(unit, arg(names.unit));
  const a = parseMoney(amount as string | number | null | undefined, arg(names.amount));
  const problems: EngineError[] = [...(u.ok ? [] : u.errors), ...(a.ok ? [] : a.errors)];
  if (!u.ok || !a.ok) return errs(problems);
  const m = checkMultipleOfUnit(a.value, u.value, arg(names.amount));
  return m.ok ? ok({ amount: m.value, unit: u.value }) : m;
}

/**
 * Reads a list of driver values: blank counts as zero; text, negatives and an
 * all-zero list are errors naming the position (1-based).
 */
export function parseDrivers(values: readonly unknown[], field: string): Result<Decimal[]> {
  const out: Decimal[] = [];
  const problems: EngineError[] = [];
  values.forEach((v, i) => {
    if (isBlank(v)) return out.push(new Decimal(0));
    const d = parseDecimal(v);
    if (d === undefined) return problems.push({ kind: "notANumber", value: showInput(v), at: arg(field, i + 1) });
    if (d.isNegative() && !d.isZero()) return problems.push({ kind: "negativeValue", value: messageText(d), at: arg(field, i + 1) });
    const size = checkFigureSize(d, arg(field, i + 1));
    if (size.length > 0) return problems.push(...size);
    out.push(d.abs());
  });
  if (problems.length > 0) return errs(problems);
  if (out.length === 0) return errs([{ kind: "missingValue", at: arg(field) }]);
  if (out.every((d) => d.isZero())) return errs([{ kind: "allDriversZero", basis: field, at: arg(field) }]);
  return ok(out);
}

/**
 * Driver values that are all blank or non-negative whole JS numbers, with a
 * positive total within 2^53, as weights; undefined for anything else
 * (decimals, text, negatives, all zero), which {@link parseDrivers} reads or
 * reports.
 */
function plainWeights(values: readonly unknown[]): number[] | undefined {
  const out = new Array<number>(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let w: number;
    if (typeof v === "number") {
      // Past 10^15 the exact path reports it (checkFigureSize), so both paths accept the same cells.
      if (!(v >= 0) || !Number.isSafeInteger(v) || v > 1e15) return undefined;
      w = v === 0 ? 0 : v; // −0 → 0
    } else if (isBlank(v)) w = 0;
    else return undefined;
    out[i] = w;
    total += w;
  }
  return total > 0 && Number.isSafeInteger(total) ? out : undefined;
}

/**
 * Splits an amount in proportion to driver values by largest remainder to the
 * unit (default the penny). The shares, in pence, always sum to the amount.
 */
export function splitByDrivers(
  amount: unknown,
  drivers: readonly unknown[],
  unit?: unknown,
  names: SplitArgNames = DEFAULT_NAMES,
): Result<Pence[]> {
  const au = amountAndUnit(amount, unit, names);
  // Usual cells (whole-number counts: tickets, users, homes) need no decimal parsing. Weights
  // are not reduced to lowest terms here: largest remainder gives the same shares either way.
  const plain = au.ok ? plainWeights(drivers) : undefined;
  if (au.ok && plain !== undefined) return ok(largestRemainder(au.value.amount / au.value.unit, plain).map((s) => s * au.value.unit));
  const d = parseDrivers(drivers, names.drivers);
  if (!au.ok || !d.ok) return errs([...(au.ok ? [] : au.errors), ...(d.ok ? [] : d.errors)]);
  const { amount: a, unit: u } = au.value;
  return ok(largestRemainder(a / u, decimalsToWeights(d.value)).map((s) => s * u));
}

/** Splits by fixed percentages, which must total exactly 100. */
export function splitByPercentages(
  amount: unknown,
  percents: readonly unknown[],
  unit?: unknown,
  names: SplitArgNames = { ...DEFAULT_NAMES, drivers: "percentages" },
): Result<Pence[]> {
  const d = parseDrivers(percents, names.drivers);
  if (d.ok) {
    const total = d.value.reduce((s, x) => s.plus(x), new Decimal(0));
    if (!totalsHundred(total))
      return errs([{ kind: "percentagesNotHundred", basis: names.drivers, total: total.toFixed(), at: arg(names.drivers) }]);
  }
  return splitByDrivers(amount, percents, unit, names);
}

/**
 * Splits by a weighted mix of drivers: `matrix[i][j]` is partner i's value of
 * driver j and `weights[j]` the percent weight of driver j (totalling 100).
 * Each partner's exact share is Σⱼ weightⱼ × valueᵢⱼ ÷ Σᵢ valueᵢⱼ, combined
 * exactly and rounded once.
 */
export function splitByMix(
  amount: unknown,
  matrix: readonly (readonly unknown[])[],
  weights: readonly unknown[],
  unit?: unknown,
  names: SplitArgNames & { readonly weights: string } = { ...DEFAULT_NAMES, weights: "weights" },
): Result<Pence[]> {
  const au = amountAndUnit(amount, unit, names);
  const w = parseDrivers(weights, names.weights);
  const problems: EngineError[] = [...(au.ok ? [] : au.errors), ...(w.ok ? [] : w.errors)];
  const cols = matrix[0]?.length ?? 0;
  if (w.ok && w.value.length !== cols) {
    problems.push({
      kind: "shapeMismatch",
      expected: `${cols} weights (one per driver column)`,
      actual: `${w.value.length}`,
      at: arg(names.weights),
    });
  }
  if (w.ok && !totalsHundred(w.value.reduce((s, x) => s.plus(x), new Decimal(0)))) {
    problems.push({
      kind: "weightsNotHundred",
      basis: names.weights,
      total: w.value.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(),
      at: arg(names.weights),
    });
  }
  const columns: { values: Decimal[]; ints?: bigint[] }[] = [];
  for (let j = 0; j < cols; j++) {
    const cells = matrix.map((row) => row[j]);
    // Whole-number counts (the usual cells) go straight to BigInt: a Decimal per cell would triple the time of a large table.
    const plain = plainWeights(cells);
    if (plain !== undefined) {
      columns.push({ values: [], ints: plain.map((v) => BigInt(v)) });
      continue;
    }
    const col = parseDrivers(cells, `${names.drivers} column ${j + 1}`);
    if (col.ok) columns.push({ values: col.value });
    else problems.push(...col.errors);
  }
  if (problems.length > 0 || !au.ok || !w.ok) return errs(problems);
  const { amount: a, unit: u } = au.value;
  const mix = columns.map((c, j) => ({ weight: w.value[j] ?? new Decimal(0), ...c }));
  return ok(largestRemainder(a / u, mixWeights(mix, matrix.length)).map((s) => s * u));
}
