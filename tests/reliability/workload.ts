// A burst of workflow transitions that survives faults: each worker owns one case and flips it between suspended and
// resumed (a transition DSCA can repeat forever), sending each transition with its own Idempotency-Key and the version
// it read. A request that gets no answer, or a 503, is retried with the same key and body until it gets a definitive
// one, so each transition is applied exactly once — and the ledger records it. Workers named in `withoutKey` send no
// key and rely on the version column instead: a retry of a transition that had in fact committed gets 409 with the
// next version, and the worker confirms it by reading the case.
import { randomUUID } from "node:crypto";
import { call, sleep, type Answer } from "./harness";

export interface CaseState {
  id: string;
  version: number;
  status: string;
}

type CaseBody = { id: string; version: number; status: string; availableActions: string[] };
type ErrorBody = { error?: { code?: string; message?: string } };

/** What one HTTP attempt got: a status, or no answer at all (connection refused, reset, timed out). */
export interface Attempt {
  at: number;
  status: number | "no-answer";
  code?: string;
  retryAfter?: string | null;
}

export interface Confirmed {
  key: string;
  action: string;
  expectedVersion: number;
  version: number;
  status: string;
  replayed: boolean;
  attempts: number;
}

export interface WorkerReport {
  caseId: string;
  initial: CaseState;
  confirmed: Confirmed[];
  attempts: Attempt[];
  /** Answers that neither confirm nor justify a retry (a 500, an unexpected 409 …): each is a failure. */
  unexpected: string[];
}

const BODY_COMMENT = "Reliability burst: suspended and resumed by the fault tests";

export async function readCase(baseUrl: string, token: string, caseId: string, deadlineMs = 120_000): Promise<CaseState> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const answer = await call<CaseBody>(baseUrl, token, "GET", `/api/v1/cases/${caseId}`, { timeoutMs: 15_000 });
      if (answer.status === 200) return { id: caseId, version: answer.body.version, status: answer.body.status };
      if (answer.status !== 503) throw new Error(`GET case ${caseId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("GET case")) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Case ${caseId} could not be read within ${deadlineMs} ms`);
    await sleep(300);
  }
}

/** Cases DSCA may suspend (or resume), from the demo data. */
export async function suspendableCases(baseUrl: string, token: string, count: number): Promise<string[]> {
  const list = await call<{ items: { id: string }[] }>(baseUrl, token, "GET", "/api/v1/cases?pageSize=100");
  if (list.status !== 200) throw new Error(`GET /cases answered ${list.status}`);
  const ids: string[] = [];
  for (const item of list.body.items) {
    const one = await call<CaseBody>(baseUrl, token, "GET", `/api/v1/cases/${item.id}`);
    if (one.body.availableActions.includes("suspend") || one.body.availableActions.includes("resume")) ids.push(item.id);
    if (ids.length === count) return ids;
  }
  throw new Error(`Only ${ids.length} demo cases can be suspended or resumed; the burst needs ${count}`);
}

export const nextAction = (status: string) => (status === "SUSPENDED" ? "resume" : "suspend");

export const transitionBody = (expectedVersion: number) => ({ expectedVersion, comment: BODY_COMMENT, commentVisibility: "USG_INTERNAL" });

export function transitionRequest(caseState: CaseState) {
  return { action: nextAction(caseState.status), body: transitionBody(caseState.version) };
}

/** POSTs one transition, retrying the identical request until it gets a definitive answer. */
async function oneTransition(
  baseUrl: string,
  token: string,
  state: CaseState,
  report: WorkerReport,
  giveUpAt: number,
  withKey: boolean,
): Promise<CaseState | null> {
  const key = withKey ? randomUUID() : null;
  const { action, body } = transitionRequest(state);
  let attempts = 0;
  for (;;) {
    attempts++;
    let answer: Answer<CaseBody & ErrorBody> | null = null;
    try {
      answer = await call<CaseBody & ErrorBody>(baseUrl, token, "POST", `/api/v1/cases/${state.id}/actions/${action}`, {
        body,
        headers: key ? { "idempotency-key": key } : {},
        timeoutMs: 20_000,
      });
    } catch {
      report.attempts.push({ at: Date.now(), status: "no-answer" });
    }
    if (answer) {
      report.attempts.push({ at: Date.now(), status: answer.status, code: answer.body?.error?.code, retryAfter: answer.headers.get("retry-after") });
      if (answer.status === 200) {
        report.confirmed.push({
          key: key ?? "",
          action,
          expectedVersion: body.expectedVersion,
          version: answer.body.version,
          status: answer.body.status,
          replayed: answer.headers.get("idempotent-replayed") === "true",
          attempts,
        });
        return { id: state.id, version: answer.body.version, status: answer.body.status };
      }
      // 503: the database is away or the server busy; 409 CONFLICT: our own earlier attempt still holds the key.
      // Without a key, the version column decides: a conflict one version on, in the state this transition leads to, is
      // our own earlier attempt that committed but whose answer was lost (one writer per case).
      if (!key && answer.status === 409 && answer.body?.error?.code === "VERSION_CONFLICT") {
        const now = await readCase(baseUrl, token, state.id);
        const landed = action === "suspend" ? now.status === "SUSPENDED" : now.status !== "SUSPENDED";
        if (now.version === body.expectedVersion + 1 && landed) {
          report.confirmed.push({ key: "", action, expectedVersion: body.expectedVersion, version: now.version, status: now.status, replayed: true, attempts });
          return now;
        }
      }
      const inProgress = answer.status === 409 && /still in progress/.test(answer.body?.error?.message ?? "");
      const retryable = answer.status === 503 || inProgress;
      if (!retryable) {
        report.unexpected.push(`${action} v${body.expectedVersion} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        return null;
      }
    }
    if (Date.now() > giveUpAt) {
      report.unexpected.push(`${action} v${body.expectedVersion} (key ${key}) got no definitive answer in time`);
      return null;
    }
    await sleep(answer?.status === 503 ? 400 : 250);
  }
}

/**
 * Runs one worker per case until `stop()` says so; a transition in flight is always finished (or reported) first.
 */
export async function burst(
  baseUrl: string,
  token: string,
  caseIds: string[],
  stop: () => boolean,
  { giveUpMs = 180_000, withoutKey = [] }: { giveUpMs?: number; withoutKey?: string[] } = {},
): Promise<WorkerReport[]> {
  return Promise.all(
    caseIds.map(async (caseId) => {
      let state = await readCase(baseUrl, token, caseId);
      const report: WorkerReport = { caseId, initial: state, confirmed: [], attempts: [], unexpected: [] };
      while (!stop()) {
        const next = await oneTransition(baseUrl, token, state, report, Date.now() + giveUpMs, !withoutKey.includes(caseId));
        if (!next) break;
        state = next;
      }
      return report;
    }),
  );
}

export interface CaseCheck {
  caseId: string;
  confirmed: number;
  versionDelta: number;
  finalStatus: string;
  expectedStatus: string;
  chainVerified: boolean;
  chainEvents: number;
  burstEvents: number;
}

/**
 * After a burst: the case moved exactly once per confirmed transition (version and audit events both), ended where
 * the last confirmed transition left it, and its hash chain verifies.
 */
export async function checkCase(baseUrl: string, token: string, report: WorkerReport, chainBefore: number): Promise<CaseCheck> {
  const now = await readCase(baseUrl, token, report.caseId);
  const audit = await call<{ verification: { verified: boolean; eventCount: number }; events: { chainSeq: number; action: string }[] }>(
    baseUrl,
    token,
    "GET",
    `/api/v1/cases/${report.caseId}/audit`,
  );
  if (audit.status !== 200) throw new Error(`GET audit answered ${audit.status}`);
  const burstEvents = audit.body.events.filter(
    (e) => e.chainSeq > chainBefore && (e.action === "case.suspend" || e.action === "case.resume"),
  ).length;
  return {
    caseId: report.caseId,
    confirmed: report.confirmed.length,
    versionDelta: now.version - report.initial.version,
    finalStatus: now.status,
    expectedStatus: report.confirmed.at(-1)?.status ?? report.initial.status,
    chainVerified: audit.body.verification.verified,
    chainEvents: audit.body.verification.eventCount,
    burstEvents,
  };
}

export async function chainLength(baseUrl: string, token: string, caseId: string): Promise<number> {
  const audit = await call<{ verification: { eventCount: number } }>(baseUrl, token, "GET", `/api/v1/cases/${caseId}/audit`);
  if (audit.status !== 200) throw new Error(`GET audit answered ${audit.status}`);
  return audit.body.verification.eventCount;
}

/** Counts of what the attempts got, e.g. { "200": 40, "503 UNAVAILABLE": 12, "no-answer": 3 }. */
export function tally(reports: WorkerReport[], from = 0, to = Infinity): Record<string, number> {
  const out: Record<string, number> = {};
  for (const report of reports) {
    for (const a of report.attempts) {
      if (a.at < from || a.at > to) continue;
      const label = a.status === "no-answer" ? "no-answer" : `${a.status}${a.code ? ` ${a.code}` : ""}`;
      out[label] = (out[label] ?? 0) + 1;
    }
  }
  return out;
}
