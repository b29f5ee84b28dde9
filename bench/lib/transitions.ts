// Workflow transitions through the API: each worker owns one case and alternates suspend (with a comment) and resume,
// sending the version it read from the previous answer as expectedVersion. A stateful sequence, so a small fetch loop
// rather than autocannon. Only 2xx answers count; anything else is tallied and the worker re-reads its case.
import { latencySummary } from "./stats";

export interface TransitionRun {
  label: string;
  seconds: number;
  ok: number;
  failed: Record<string, number>;
  /** Successful transitions per second over the whole run. */
  tps: number;
  p50: number;
  p95: number;
  workers: number;
}

interface CaseState {
  status: string;
  version: number;
}

async function readCase(baseUrl: string, headers: Record<string, string>, caseId: string): Promise<CaseState> {
  const response = await fetch(`${baseUrl}/api/v1/cases/${caseId}`, { headers, signal: AbortSignal.timeout(60_000) });
  const body = (await response.json()) as { status?: string; version?: number; error?: { message: string } };
  if (!response.ok || typeof body.version !== "number" || typeof body.status !== "string") {
    throw new Error(`GET /api/v1/cases/${caseId} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { status: body.status, version: body.version };
}

export async function runTransitions(options: { label: string; baseUrl: string; token: string; caseIds: string[]; seconds: number }): Promise<TransitionRun> {
  const headers = { authorization: `Bearer ${options.token}`, "content-type": "application/json" };
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let ok = 0;
  const states = await Promise.all(options.caseIds.map((id) => readCase(options.baseUrl, headers, id)));
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  async function worker(caseId: string, state: CaseState) {
    while (performance.now() < deadline) {
      const action = state.status === "SUSPENDED" ? "resume" : "suspend";
      const body = action === "suspend" ? { expectedVersion: state.version, comment: "bench" } : { expectedVersion: state.version };
      const sent = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${options.baseUrl}/api/v1/cases/${caseId}/actions/${action}`, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
        status = response.status;
        const answer = (await response.json()) as { status?: string; version?: number };
        if (response.ok && typeof answer.version === "number" && typeof answer.status === "string") {
          latencies.push(performance.now() - sent);
          ok += 1;
          state = { status: answer.status, version: answer.version };
          continue;
        }
      } catch (error) {
        failed[error instanceof Error ? error.name : "error"] = (failed[error instanceof Error ? error.name : "error"] ?? 0) + 1;
      }
      if (status) failed[`HTTP ${status}`] = (failed[`HTTP ${status}`] ?? 0) + 1;
      // Out of step (a conflict, an error): read the case again before the next attempt.
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        state = await readCase(options.baseUrl, headers, caseId);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  await Promise.all(options.caseIds.map((id, i) => worker(id, states[i]!)));
  const seconds = (performance.now() - started) / 1000;
  const lat = latencySummary(latencies);
  return { label: options.label, seconds, ok, failed, tps: ok / seconds, p50: lat.p50, p95: lat.p95, workers: options.caseIds.length };
}
