// HTTP load with autocannon (closed loop: `connections` keep-alive connections, one request in flight on each). Every
// response's status and latency is collected here, and the time to its headers (TTFB), so percentiles are exact.
import autocannon from "autocannon";
import type { EventEmitter } from "node:events";
import { latencySummary } from "./stats";

export interface HttpRun {
  label: string;
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** 2xx responses per second. */
  rps: number;
  p50: number;
  p95: number;
  ttfbP50: number;
  ttfbP95: number;
  statuses: Record<string, number>;
}

export interface HttpLoadOptions {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export async function httpLoad(options: HttpLoadOptions): Promise<HttpRun> {
  const latencies: number[] = [];
  const ttfb: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    headers: options.headers,
    timeout: 30,
    setupClient: (client) => {
      let sentAt = 0;
      let headersSeen = false;
      (client as unknown as EventEmitter).on("request", () => {
        sentAt = performance.now();
        headersSeen = false;
      });
      client.on("headers", () => {
        if (!headersSeen) ttfb.push(performance.now() - sentAt);
        headersSeen = true;
      });
      client.on("response", (status, _bytes, responseTime) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(responseTime);
      });
    },
  });
  const ok = result["2xx"];
  const lat = latencySummary(latencies);
  const first = latencySummary(ttfb);
  return {
    label: options.label,
    seconds: result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: ok / Math.max(result.duration, 0.001),
    p50: lat.p50,
    p95: lat.p95,
    ttfbP50: first.p50,
    ttfbP95: first.p95,
    statuses,
  };
}

/** One request, for checks before a measurement (a 2xx answer, a body to compare). */
export async function fetchJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}
