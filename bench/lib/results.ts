// The raw measurements of one run (kept as bench/results/latest.json) and the figures derived from them: each a ratio
// per round against a baseline measured in the same round, summarised as min/median/max and judged on the median.
import type { FirstPageRun } from "./fresh-clone";
import type { HttpRun } from "./http-load";
import type { Machine } from "./machine";
import type { MicroRun } from "./micro";
import { failingSeqScans, SMALL_DATASET_CASES, type Plan, type SqlRun } from "./p2";
import type { TransitionRun } from "./transitions";
import { spread, type Spread } from "./stats";

export interface RoundResult {
  round: number;
  health?: HttpRun;
  pgbench?: { tps: number; latencyMs: number | null };
  chained?: TransitionRun;
  unchained?: TransitionRun;
  p2: Record<string, { api: HttpRun; sql: SqlRun }>;
  /** A static file from the same server at P2's concurrency: the fastest any route can answer (P2's floor). */
  p2Floor?: HttpRun;
  staticFile?: HttpRun;
  page?: HttpRun;
}

export interface P2Meta {
  label: string;
  path: string;
  sqlFile: string;
  /** Does the API agree with the SQL (total and first page)? */
  check: string;
  agrees: boolean;
  plans: Plan[];
}

export interface SizeResult {
  size: number;
  cases: number;
  tables: Record<string, number>;
  seedSeconds: number;
  largeSeed: boolean;
  transitionCases: number;
  searchWord: string;
  p2: Record<string, P2Meta>;
  rounds: RoundResult[];
  rss: { serverMiB: number; treeMiB: number; unchainedServerMiB: number | null };
}

export interface RunResult {
  startedAt: string;
  finishedAt: string | null;
  command: string;
  options: { sizes: number[]; rounds: number; duration: number; only: string[] };
  commit: string;
  dirty: boolean;
  machine: Machine | null;
  buildSeconds: number | null;
  sizes: SizeResult[];
  p5: MicroRun[];
  p7: MicroRun[];
  /** P8: `npm run dev` on a fresh clone (the figure). */
  p8: FirstPageRun | { error: string } | null;
  /** `npm start` on a fresh clone (builds first): reported beside P8. */
  p8Start: FirstPageRun | { error: string } | null;
  notes: string[];
}

export type Verdict = "PASS" | "MISS" | "—";

export interface FigureRow {
  figure: string;
  what: string;
  size: number | null;
  unit: string;
  value: Spread;
  goal: string;
  verdict: Verdict;
  note: string;
}

const atMost = (limit: number) => (v: number) => v <= limit;
const atLeast = (limit: number) => (v: number) => v >= limit;

function judge(value: Spread, ok: (v: number) => boolean, broken = false): Verdict {
  if (broken || !Number.isFinite(value.median)) return "MISS";
  return ok(value.median) ? "PASS" : "MISS";
}

const failures = (run: { non2xx?: number; errors?: number; failed?: Record<string, number> }) => {
  if (run.failed) return Object.entries(run.failed).map(([k, v]) => `${k} ×${v}`);
  return [...(run.non2xx ? [`non-2xx ×${run.non2xx}`] : []), ...(run.errors ? [`errors ×${run.errors}`] : [])];
};

const fmt = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");

export function figureRows(result: RunResult): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const size of result.sizes) {
    const all = size.rounds;
    // P1
    const r = all.filter((x) => x.health && x.pgbench && x.chained) as (RoundResult & { health: HttpRun; pgbench: { tps: number }; chained: TransitionRun })[];
    if (r.length > 0) {
      const ratios = r.map((x) => x.chained.tps / Math.min(x.health.rps, x.pgbench.tps));
      const value = spread(ratios);
      const errs = [...new Set(r.flatMap((x) => [...failures(x.chained), ...failures(x.health)]))];
      rows.push({
        figure: "P1",
        what: "transitions/s ÷ min(health req/s, pgbench TPS)",
        size: size.cases,
        unit: "×",
        value,
        goal: "≥ 0.30",
        verdict: judge(value, atLeast(0.3)),
        note:
          `transitions ${fmt(spread(r.map((x) => x.chained.tps)).median, 1)}/s (p50 ${fmt(spread(r.map((x) => x.chained.p50)).median, 0)} ms, ` +
          `${size.transitionCases} clients), health ${fmt(spread(r.map((x) => x.health.rps)).median, 0)} req/s, ` +
          `pgbench ${fmt(spread(r.map((x) => x.pgbench.tps)).median, 0)} TPS` +
          (errs.length ? `; failed: ${errs.join(", ")}` : ""),
      });
    }
    // P2
    for (const [key, meta] of Object.entries(size.p2)) {
      const pairs = all.map((x) => x.p2[key]).filter((p): p is { api: HttpRun; sql: SqlRun } => Boolean(p));
      if (pairs.length === 0) continue;
      const apiErrors = [
        ...new Set(
          pairs.flatMap((p) => [
            ...Object.entries(p.api.statuses)
              .filter(([s]) => !s.startsWith("2"))
              .map(([s, n]) => `HTTP ${s} ×${n}`),
            ...(p.api.errors ? [`connection errors ×${p.api.errors}`] : []),
          ]),
        ),
      ];
      const broken = apiErrors.length > 0 || pairs.some((p) => p.api.ok === 0);
      const seq = failingSeqScans(meta.plans, size.cases);
      const tolerated = meta.plans.some((p) => p.seqScans.length > 0) && seq.length === 0;
      const planNote = seq.length
        ? `Seq Scan on ${seq.join(", ")}`
        : tolerated
          ? `the planner reads small tables whole (an index path exists below ${SMALL_DATASET_CASES.toLocaleString("en-US")} cases)`
          : "index scans only";
      const p50 = spread(pairs.map((p) => p.api.p50 / p.sql.p50));
      const p95 = spread(pairs.map((p) => p.api.p95 / p.sql.p95));
      // The floor of the same rounds: how a static file from this server compares with this SQL. On a machine the load
      // saturates, a route costs at least the floor plus its SQL, so 1 + floor ÷ SQL is about the best ratio it can reach.
      const floored = all.filter((x) => x.p2Floor && x.p2[key]).map((x) => ({ floor: x.p2Floor!, sql: x.p2[key]!.sql }));
      const floorNote = (quantile: "p50" | "p95", goal: number) => {
        if (floored.length === 0) return "";
        const ratio = spread(floored.map((x) => x.floor[quantile] / x.sql[quantile])).median;
        const ms = spread(floored.map((x) => x.floor[quantile])).median;
        const reach =
          ratio > goal
            ? ": the goal is below what any route of this server answers"
            : 1 + ratio > goal
              ? `, so floor + SQL ≈ ${fmt(1 + ratio, 2)}× the SQL: beyond the goal whatever the route does`
              : "";
        return `; floor (a static file) ${quantile} ${fmt(ms, 1)} ms = ${fmt(ratio, 2)}× the SQL${reach}`;
      };
      const base =
        `API p50 ${fmt(spread(pairs.map((p) => p.api.p50)).median, 1)} ms / SQL p50 ${fmt(spread(pairs.map((p) => p.sql.p50)).median, 1)} ms; ` +
        `${planNote}` +
        (meta.agrees ? "" : `; API and SQL disagree: ${meta.check}`) +
        (apiErrors.length ? `; API failed: ${apiErrors.join(", ")}` : "") +
        floorNote("p50", 1.5);
      rows.push({ figure: "P2", what: `${meta.label} — p50 API ÷ SQL`, size: size.cases, unit: "×", value: p50, goal: "≤ 1.5", verdict: judge(p50, atMost(1.5), broken || seq.length > 0), note: base });
      rows.push({
        figure: "P2",
        what: `${meta.label} — p95 API ÷ SQL`,
        size: size.cases,
        unit: "×",
        value: p95,
        goal: "≤ 2.0",
        verdict: judge(p95, atMost(2), broken || seq.length > 0),
        note: `API p95 ${fmt(spread(pairs.map((p) => p.api.p95)).median, 1)} ms / SQL p95 ${fmt(spread(pairs.map((p) => p.sql.p95)).median, 1)} ms` + floorNote("p95", 2),
      });
    }
    // P3
    const r3 = all.filter((x) => x.page && x.staticFile) as (RoundResult & { page: HttpRun; staticFile: HttpRun })[];
    if (r3.length > 0) {
      const r = r3;
      const ratio = spread(r.map((x) => x.page.rps / x.staticFile.rps));
      const ttfb = spread(r.map((x) => x.page.ttfbP95));
      const errs = [...new Set(r.flatMap((x) => [...failures(x.page), ...failures(x.staticFile)]))];
      rows.push({
        figure: "P3",
        what: "/cases page req/s ÷ static file req/s",
        size: size.cases,
        unit: "×",
        value: ratio,
        goal: "≥ 0.15",
        verdict: judge(ratio, atLeast(0.15), errs.length > 0),
        note: `page ${fmt(spread(r.map((x) => x.page.rps)).median, 1)} req/s, static ${fmt(spread(r.map((x) => x.staticFile.rps)).median, 0)} req/s` + (errs.length ? `; failed: ${errs.join(", ")}` : ""),
      });
      rows.push({
        figure: "P3",
        what: "/cases page TTFB p95",
        size: size.cases,
        unit: "ms",
        value: ttfb,
        goal: "≤ 200 ms",
        verdict: judge(ttfb, atMost(200), errs.length > 0),
        note: `TTFB p50 ${fmt(spread(r.map((x) => x.page.ttfbP50)).median, 0)} ms`,
      });
    }
    // P4
    {
      const pairs = all.filter((x) => x.unchained && x.chained);
      if (pairs.length > 0) {
        const value = spread(pairs.map((x) => x.chained!.tps / x.unchained!.tps));
        const errs = [...new Set(pairs.flatMap((x) => failures(x.unchained!)))];
        rows.push({
          figure: "P4",
          what: "transitions/s, hash chain ÷ chain step bypassed",
          size: size.cases,
          unit: "×",
          value,
          goal: "≥ 0.75",
          verdict: judge(value, atLeast(0.75)),
          note: `unchained ${fmt(spread(pairs.map((x) => x.unchained!.tps)).median, 1)}/s` + (errs.length ? `; failed: ${errs.join(", ")}` : ""),
        });
      }
    }
    if (size.rss.serverMiB > 0) rows.push({
      figure: "RSS",
      what: "next start server resident memory after the load",
      size: size.cases,
      unit: "MiB",
      value: { min: size.rss.serverMiB, median: size.rss.serverMiB, max: size.rss.serverMiB, n: 1 },
      goal: "(reported)",
      verdict: "—",
      note: `process tree ${fmt(size.rss.treeMiB, 0)} MiB` + (size.rss.unchainedServerMiB ? `; P4 server ${fmt(size.rss.unchainedServerMiB, 0)} MiB` : ""),
    });
  }
  if (result.p5.length) {
    const value = spread(result.p5.map((x) => x.p95));
    rows.push({
      figure: "P5",
      what: "ten-page LOA PDF p95",
      size: null,
      unit: "ms",
      value,
      goal: "≤ 1500 ms",
      verdict: judge(value, atMost(1500)),
      note: `${result.p5[0]!.detail}; bare-pdfkit baseline median ${fmt(spread(result.p5.map((x) => x.baselineMedian)).median, 0)} ms`,
    });
  }
  if (result.p7.length) {
    const value = spread(result.p7.map((x) => x.p95));
    rows.push({
      figure: "P7",
      what: "1,000-line pricing p95",
      size: null,
      unit: "ms",
      value,
      goal: "≤ 50 ms",
      verdict: judge(value, atMost(50)),
      note: `decimal.js sum baseline median ${fmt(spread(result.p7.map((x) => x.baselineMedian)).median, 2)} ms`,
    });
  }
  for (const [run, what, goal] of [
    [result.p8, "fresh clone → first page, npm run dev", "≤ 60 s"],
    [result.p8Start, "fresh clone → first page, npm start (builds first)", "(reported)"],
  ] as const) {
    if (!run) continue;
    const judged = goal !== "(reported)";
    if ("error" in run) {
      rows.push({ figure: "P8", what, size: null, unit: "s", value: spread([]), goal, verdict: judged ? "MISS" : "—", note: run.error.split("\n")[0]! });
      continue;
    }
    const value = spread([run.seconds]);
    const phases = Object.entries(run.phases)
      .sort(([, a], [, b]) => a - b)
      .map(([name, at]) => `${name} at ${at.toFixed(1)} s`);
    rows.push({
      figure: "P8",
      what,
      size: null,
      unit: "s",
      value,
      goal,
      verdict: judged ? judge(value, atMost(60)) : "—",
      note:
        `\`${run.command}\` at ${run.commit}, timed from its start until GET /signin answers 200 with the sign-in form; ` +
        (phases.length ? `${phases.join(", ")}; ` : "") +
        (run.firstRequest ? `Next: "${run.firstRequest}"; ` : "") +
        `then signed in as a demo user, ${run.landedPath} answered 200 at ${run.landedSeconds.toFixed(1)} s`,
    });
  }
  return rows;
}

/** The direct SQL's own p50 per size (ms), to show it flat as the dataset grows. */
export function sqlFlatness(result: RunResult): { key: string; label: string; bySize: { cases: number; p50: number }[] }[] {
  const keys = [...new Set(result.sizes.flatMap((s) => Object.keys(s.p2)))];
  return keys.map((key) => ({
    key,
    label: result.sizes.find((s) => s.p2[key])!.p2[key]!.label,
    bySize: result.sizes
      .filter((s) => s.rounds.some((r) => r.p2[key]))
      .map((s) => ({ cases: s.cases, p50: spread(s.rounds.map((r) => r.p2[key]?.sql.p50 ?? Number.NaN)).median })),
  }));
}
