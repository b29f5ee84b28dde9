// Pricing benchmark: `npx tsx bench/pricing.bench.ts`. A plain script, not a test: it prices a 1,000-line LOA (mixed
// sources, delivery terms, MDE with nonrecurring cost, locked rates, sublines) with priceLoa, the notification
// determination and the payment schedule, and reports the median and 95th percentile against the 50 ms target.
//
// The baseline is measured in the same run: summing the same 1,000 amounts with decimal.js and no pricing rules. It
// tells a slow machine (both numbers high) from a slow engine (a high ratio). Always exits 0: the verdict is printed.
import Decimal from "decimal.js";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DELIVERY_TERM_CODES, SOURCES_OF_SUPPLY, type DeliveryTermCode } from "../src/domain/loa/codes";
import { emptyLine, type LoaLine } from "../src/domain/loa/content";
import { notificationDetermination } from "../src/domain/pricing/notification";
import { paymentSchedule } from "../src/domain/pricing/payment-schedule";
import { priceLoa } from "../src/domain/pricing/price";
import { RATE_KEYS, type RateRow } from "../src/domain/pricing/rates";

const TARGET_MS = 50;
const LINE_COUNT = 1_000;
const WARMUP = 20;
const ITERATIONS = 50;

/** A small deterministic generator (mulberry32), so every run prices the same LOA. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const row = (key: string, value: string, from: string, to: string | null = null): RateRow => ({ key, value, effectiveFrom: day(from), effectiveTo: to ? day(to) : null });

/** The seed's shape: admin-surcharge history, CAS, PC&H, transport per DTC and the notification thresholds. */
const RATES: RateRow[] = [
  row(RATE_KEYS.adminSurcharge, "0.038", "2006-08-01", "2012-11-01"),
  row(RATE_KEYS.adminSurcharge, "0.035", "2012-11-01", "2018-06-01"),
  row(RATE_KEYS.adminSurcharge, "0.032", "2018-06-01", "2025-10-01"),
  row(RATE_KEYS.adminSurcharge, "0.038", "2025-10-01"),
  row(RATE_KEYS.contractAdministration, "0.012", "2014-10-01", "2020-02-01"),
  row(RATE_KEYS.contractAdministration, "0.01", "2020-02-01"),
  row(RATE_KEYS.defaultProcurementShare, "0.5", "2002-01-01"),
  row(RATE_KEYS.packingCratingHandling, "0.03", "2018-08-15"),
  row(RATE_KEYS.transport["2"], "0.0275", "2018-08-15"),
  row(RATE_KEYS.transport["3"], "0.0275", "2018-08-15"),
  row(RATE_KEYS.transport["4"], "0", "2018-08-15"),
  ...(["NATO_PLUS", "OTHER"] as const).flatMap((group) => {
    const [mde, total, dc] = group === "NATO_PLUS" ? ["25000000", "100000000", "300000000"] : ["14000000", "50000000", "200000000"];
    const keys = RATE_KEYS.cnThreshold[group];
    return [row(keys.MDE, mde, "2000-01-01"), row(keys.TOTAL, total, "2000-01-01"), row(keys.DESIGN_CONSTRUCTION, dc, "2000-01-01")];
  }),
];
const PRICED_ON = day("2026-03-02");

function buildLoa(): { lines: LoaLine[]; amounts: string[] } {
  const next = random(20261122);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const cents = (max: number) => {
    const c = Math.floor(next() * max);
    return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
  };
  const leaf = (lineNumber: string): LoaLine => {
    const source = pick(SOURCES_OF_SUPPLY);
    const mde = next() < 0.05;
    const blanket = next() < 0.3;
    return {
      ...emptyLine(lineNumber),
      genericCode: "F1K",
      maslNumber: String(1005000000000 + Math.floor(next() * 999999)).padStart(13, "0"),
      description: `Item ${lineNumber}`,
      quantity: blanket ? null : 1 + Math.floor(next() * 500),
      unitOfIssue: blanket ? null : "EA",
      unitCost: blanket ? null : cents(5_000_000_00),
      value: blanket ? cents(50_000_000_00) : null,
      sourceOfSupply: source,
      typeOfAssistance: source === "P" ? "5" : source === "X" ? "4" : "3",
      deliveryTermCode: next() < 0.2 ? null : pick<DeliveryTermCode>(DELIVERY_TERM_CODES),
      mde,
      designConstruction: next() < 0.02,
      procurementShare: source === "X" && next() < 0.5 ? pick(["0.25", "0.6", "0.75"]) : null,
      ncPerUnit: mde && !blanket ? cents(100_000_00) : null,
      adminRate: next() < 0.25 ? pick(["0.035", "0.032"]) : null,
    };
  };
  const lines: LoaLine[] = [];
  for (let n = 1; lines.length < LINE_COUNT; n++) {
    const number = String(n).padStart(3, "0");
    if (n % 8 === 0 && lines.length + 4 <= LINE_COUNT) {
      lines.push({ ...leaf(number), quantity: null, unitCost: null, value: null });
      for (const suffix of ["a", "b", "c"]) lines.push(leaf(`${number}${suffix}`));
    } else {
      lines.push(leaf(number));
    }
  }
  const amounts = lines.map((l) => l.value ?? new Decimal(l.unitCost ?? "0").times(l.quantity ?? 0).toFixed(2));
  return { lines, amounts };
}

interface Timing {
  label: string;
  median: number;
  p95: number;
  result: string;
}

/** Runs the tasks in turn, iteration by iteration, so a busy machine slows each of them alike. */
function measureInterleaved(tasks: { label: string; run: () => string }[]): Timing[] {
  const results = tasks.map(() => "");
  for (let i = 0; i < WARMUP; i++) tasks.forEach((task, t) => (results[t] = task.run()));
  const times = tasks.map((): number[] => []);
  for (let i = 0; i < ITERATIONS; i++) {
    tasks.forEach((task, t) => {
      const start = performance.now();
      results[t] = task.run();
      times[t]!.push(performance.now() - start);
    });
  }
  return tasks.map((task, t) => {
    const sorted = [...times[t]!].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    return { label: task.label, median: at(0.5), p95: at(0.95), result: results[t]! };
  });
}

const { lines, amounts } = buildLoa();
const headers = lines.filter((l) => l.lineNumber.length === 3 && lines.some((s) => s.lineNumber.startsWith(l.lineNumber) && s.lineNumber.length === 4)).length;

const [baseline, engine] = measureInterleaved([
  {
    label: "baseline: sum 1,000 amounts (decimal.js)",
    run: () => amounts.reduce((total, amount) => total.plus(amount), new Decimal(0)).toFixed(2),
  },
  {
    label: "priceLoa + notification + payment schedule",
    run: () => {
      const priced = priceLoa(lines, { rates: RATES, pricedOn: PRICED_ON });
      const notification = notificationDetermination(lines, priced, { natoPlus: false, rates: RATES, on: PRICED_ON });
      const schedule = paymentSchedule({
        total: priced.summary.totalEstimatedCost,
        termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY" }],
        initialDepositPercent: "20",
        quarters: 8,
        startsAfter: PRICED_ON,
      });
      return `${priced.summary.totalEstimatedCost} (notification ${notification.required ? "required" : "not required"}, ${schedule.rows.length} quarters)`;
    },
  },
]) as [Timing, Timing];

const ms = (value: number) => `${value.toFixed(2).padStart(8)} ms`;
console.log(`Pricing benchmark: ${lines.length} lines (${headers} header lines with 3 sublines each), ${WARMUP} warm-up + ${ITERATIONS} timed runs, Node ${process.version}`);
console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} (a load above the CPU count slows both rows)`);
for (const { label, median, p95, result } of [baseline, engine]) {
  console.log(`  ${label.padEnd(46)} median ${ms(median)}   p95 ${ms(p95)}   → ${result}`);
}
console.log(`  engine / baseline (median): ${(engine.median / Math.max(baseline.median, 0.001)).toFixed(1)}×`);
console.log(`  target: p95 ≤ ${TARGET_MS} ms → ${engine.p95 <= TARGET_MS ? "PASS" : "OVER TARGET"}`);
