// Recognises "the database is unreachable or saturated right now" among the errors Prisma 7 and @prisma/adapter-pg
// throw, so callers get 503 with Retry-After (retry later; nothing was half-saved) instead of a 500. Kept free of
// `server-only` and of Prisma imports: the shapes are matched structurally, as captured by
// tests/reliability/capture-error-shapes.ts and rebuilt in tests/unit/unavailable.test.ts.
//
// What arrives, by cause (Prisma 7.10, adapter-pg 7.10, pg 8.23):
// - pool exhausted (pg's connectionTimeoutMillis, src/server/db.ts): a plain Error "timeout exceeded when trying to
//   connect"; inside $transaction Prisma's own maxWait may fire first: P2028 "Unable to start a transaction in the
//   given time";
// - server down: PrismaClientKnownRequestError P1001 (model query, $transaction) or P2010 (raw query) whose
//   meta.driverAdapterError.cause is { kind: "DatabaseNotReachable" }; ECONNRESET is kind "ConnectionClosed" (P1017);
// - server restarting, shutting down or killing our backend: SQLSTATE 57P01/57P02/57P03 (or class 08) as P2010/P2039
//   with cause { kind: "postgres", code, originalCode };
// - the socket closing under a query: pg's plain "Connection terminated unexpectedly" or "… is not queryable".
import { AppError } from "./errors";

export const UNAVAILABLE_MESSAGE = "Caseway is busy or its database is unreachable. Try again shortly.";
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Prisma error codes that mean the database could not be reached or did not answer in time. */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // database server reached but timed out
  "P1008", // operations timed out (socket timeout)
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool (Rust engine's wording)
  "P2037", // too many database connections opened
]);

/** Driver-adapter error kinds (meta.driverAdapterError.cause.kind) with the same meaning. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Node socket errors on the way to PostgreSQL. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED", "EAI_AGAIN"]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown / terminated backend, 57P02 crash shutdown,
 * 57P03 cannot connect now ("the database system is starting up / shutting down / in recovery"), 53300 too many
 * connections.
 */
const isUnavailableSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code);

/** pg's own errors carry no code; these are its words (and PostgreSQL's, when only the message survives). */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|not queryable|Can't reach database server|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections|not accepting connections)|terminating connection due to (administrator command|crash of another server process|unexpected postmaster exit)|Unable to start a transaction in the given time|cannot be executed on an expired transaction/i;

type Node = Record<string, unknown>;
const asNode = (value: unknown): Node | null => (value !== null && typeof value === "object" ? (value as Node) : null);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function looksUnavailable(node: Node): boolean {
  const code = text(node.code) ?? "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code)) return true;
  if (isUnavailableSqlState(text(node.originalCode) ?? "")) return true;
  if (ADAPTER_KINDS.has(text(node.kind) ?? "")) return true;
  // pg's plain Errors, and P2028 (every interactive-transaction failure; only its timeouts mean "busy"), by message.
  return UNAVAILABLE_MESSAGES.test(text(node.message) ?? "") || UNAVAILABLE_MESSAGES.test(text(node.originalMessage) ?? "");
}

/**
 * A 503 for an error that means "the database is unreachable, restarting or saturated": retrying shortly is safe,
 * because the failed request's transaction did not commit. Null for anything else (which stays a 500).
 */
export function unavailableError(caught: unknown): AppError | null {
  if (caught instanceof AppError) return caught.code === "UNAVAILABLE" ? caught : null;
  // Walk the error and what it wraps: `cause`, Prisma's meta.driverAdapterError and that error's cause, AggregateError's
  // members. Bounded, and safe against cycles.
  const seen = new Set<unknown>();
  const queue: unknown[] = [caught];
  while (queue.length > 0 && seen.size < 20) {
    const node = asNode(queue.shift());
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (looksUnavailable(node)) {
      return new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE, { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
    }
    queue.push(node.cause, asNode(node.meta)?.driverAdapterError);
    if (Array.isArray(node.errors)) queue.push(...node.errors);
  }
  return null;
}
