import "server-only";
import { recordAudit } from "./audit";
import { db } from "./db";
import type { RefusalError } from "./errors";
import { log } from "./log";
import { headers } from "next/headers";
import { contextFromHeaders, REQUEST_PATH_HEADER, type RequestContext } from "./request-context";

/** How the door met the refusal: the method and path of the request (or the page a form was posted from). */
export interface RefusedRequest {
  method: string;
  path: string | null;
}

/** The audit log's name for the record a path segment introduces (the same names the use cases' own events use). */
const TARGET_TYPES: Record<string, string> = {
  cases: "case",
  lors: "lor",
  users: "user",
  organizations: "organization",
  changes: "policy-change",
  tokens: "api_token",
  statements: "billing_statement",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The refused record: the first id in the path, named by the segment before it ("/api/v1/lors/<id>/…" is a letter). */
function targetOf(error: RefusalError, path: string | null) {
  const segments = (path ?? "").split("/");
  const at = segments.findIndex((segment) => UUID.test(segment));
  if (at < 0) return undefined;
  const type = TARGET_TYPES[segments[at - 1] ?? ""] ?? error.refusal.what.toLowerCase().replaceAll(" ", "_");
  return { type, id: segments[at]!.toLowerCase() };
}

/** Read on every call so an operator (or a test) can change it without a restart. */
function limitPerMinute(): number {
  const configured = Number(process.env.REFUSAL_AUDIT_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 60;
}

/**
 * Records a refusal (ASVS V16: log authorization failures) without letting a flood fill the disk: each actor's
 * refusals are counted per minute in rate_limits, the first `limit` are recorded one by one, the next one records
 * that further refusals in this minute are suppressed, and the rest only count. Never throws: the caller is already
 * answering 403/404 and an audit hiccup must not turn that into a 500.
 */
export async function auditRefusal(error: RefusalError, context: RequestContext, request: RefusedRequest, now = new Date()): Promise<void> {
  const { actor, policyAction } = error.refusal;
  const limit = limitPerMinute();
  try {
    await db().$transaction(async (tx) => {
      const key = `refusal-audit:${actor.userId}`;
      const windowFrom = new Date(now.getTime() - 60_000);
      const [counted] = await tx.$queryRaw<{ failures: number }[]>`
        INSERT INTO rate_limits (key, failures, window_start) VALUES (${key}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN rate_limits.window_start <= ${windowFrom} THEN 1 ELSE rate_limits.failures + 1 END,
          window_start = CASE WHEN rate_limits.window_start <= ${windowFrom} THEN ${now} ELSE rate_limits.window_start END
        RETURNING failures`;
      const count = counted?.failures ?? 1;
      if (count > limit + 1) return;
      const suppressing = count === limit + 1;
      await recordAudit(
        tx,
        {
          action: suppressing ? "access.refused.suppressed" : "access.refused",
          outcome: "DENIED",
          actor,
          target: suppressing ? undefined : targetOf(error, request.path),
          details: suppressing
            ? { reason: `More than ${limit} refusals in a minute: further ones in this minute are counted, not recorded`, limitPerMinute: limit }
            : { policyAction, answered: error.status, reason: error.message, method: request.method, path: request.path },
          context,
          unchained: true,
        },
        now,
      );
    });
  } catch (caught) {
    log.error({ err: caught, requestId: context.requestId }, "could not record a refusal in the audit log");
  }
}

/** For pages and server actions, which learn the request from next/headers: the path is the page's. */
export async function auditRefusalHere(error: RefusalError, method: string): Promise<void> {
  const h = await headers();
  await auditRefusal(error, contextFromHeaders(h), { method, path: h.get(REQUEST_PATH_HEADER) });
}
