/**
 * The body profiled by `npm run bench` (under node --cpu-prof): the full
 * model run of section 2, after two warm-up runs. Prints the profiled window
 * (the measured runs, in the profile's microsecond clock) as JSON, so the
 * summary can leave out start-up and warm-up. Run alone with
 *   node scripts/bench.mjs --entry=bench/profile-run.ts [runs]
 * (add --cpu-prof to the node command in scripts/bench.mjs to keep the profile).
 */
import { checkModelBudgets } from "../src/engine";
import { benchModel } from "./lib/model";

const runs = Number(process.argv[2] ?? 8);
const model = benchModel();
let sink = 0;
const run = (): void => {
  const r = checkModelBudgets(model);
  if (!r.ok) throw new Error("bench model run failed");
  sink += r.value.budgets.lines.length;
};
run();
run();
// process.hrtime and V8's profile timestamps both read the monotonic clock.
const from = process.hrtime.bigint() / 1000n;
for (let i = 0; i < runs; i++) run();
const to = process.hrtime.bigint() / 1000n;
process.stdout.write(`${JSON.stringify({ runs, windowUs: [Number(from), Number(to)], sink })}\n`);
