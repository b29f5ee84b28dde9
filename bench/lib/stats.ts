// Percentiles and min/median/max summaries. Nearest-rank percentiles, as the other bench scripts use.

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  n: number;
}

/** Min, median and max of the finite values (NaN when there are none). */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN, n: 0 };
  const mid = finite.length >> 1;
  const median = finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
  return { min: finite[0]!, median, max: finite[finite.length - 1]!, n: finite.length };
}

/** Latencies in milliseconds → p50 and p95. */
export function latencySummary(latenciesMs: readonly number[]): { p50: number; p95: number; count: number } {
  return { p50: percentile(latenciesMs, 0.5), p95: percentile(latenciesMs, 0.95), count: latenciesMs.length };
}

export const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
