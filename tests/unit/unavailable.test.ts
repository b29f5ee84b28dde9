import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { DatabaseError } from "pg";
import { describe, expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { unavailableError, UNAVAILABLE_MESSAGE } from "@/server/unavailable";

// Each error below is rebuilt, with the real classes, from what Prisma 7.10 + @prisma/adapter-pg 7.10 + pg 8.23 threw
// against a real PostgreSQL 18 (tests/reliability/capture-error-shapes.ts prints them; re-run it after an upgrade).

const clientVersion = "7.10.1";
type AdapterCause = ConstructorParameters<typeof DriverAdapterError>[0];
const adapterError = (cause: Record<string, unknown>) => new DriverAdapterError(cause as unknown as AdapterCause);
const known = (message: string, code: string, meta: Record<string, unknown> = {}) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion, meta });
/** pg adds no code to its own errors; Prisma stamps its clientVersion on whatever passes through. */
const plain = (message: string) => Object.assign(new Error(message), { clientVersion });
const postgresCause = (code: string, message: string) => ({
  originalCode: code,
  originalMessage: message,
  kind: "postgres",
  code,
  severity: "FATAL",
  message,
});
function socketError(code: string, message: string) {
  return Object.assign(new Error(message), { errno: -111, code, syscall: "connect", address: "127.0.0.1", port: 54469 });
}
function pgDatabaseError(code: string, message: string) {
  const error = new DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = "FATAL";
  return error;
}

const unavailable: [string, unknown][] = [
  ["pool exhausted: pg's acquire timeout (plain query or model query)", plain("timeout exceeded when trying to connect")],
  [
    "pool exhausted inside $transaction: Prisma's maxWait fires first",
    known("Transaction API error: Unable to start a transaction in the given time.", "P2028"),
  ],
  [
    "a transaction that outlived its timeout waiting for a lock or a connection",
    known(
      "\nInvalid `prisma.$queryRaw()` invocation:\n\n\nTransaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5713 ms passed since the start of the transaction.",
      "P2028",
    ),
  ],
  [
    "server down, model query or $transaction (P1001)",
    known("Can't reach database server at 127.0.0.1:54469", "P1001", {
      modelName: "User",
      driverAdapterError: adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54469 }),
    }),
  ],
  [
    "server down, raw query (P2010 wrapping DatabaseNotReachable)",
    known("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:54469`", "P2010", {
      driverAdapterError: adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54469 }),
    }),
  ],
  [
    "backend terminated or server shut down mid-query, raw query (57P01)",
    known(
      "\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`",
      "P2010",
      { driverAdapterError: adapterError(postgresCause("57P01", "terminating connection due to administrator command")) },
    ),
  ],
  [
    "backend terminated, model query (P2039 wrapping 57P01)",
    known("Database error. Code: `57P01`. Message: `terminating connection due to administrator command`", "P2039", {
      driverAdapterError: adapterError(postgresCause("57P01", "terminating connection due to administrator command")),
    }),
  ],
  [
    "crash recovery: the database system is starting up (57P03)",
    known("Database error. Code: `57P03`. Message: `the database system is starting up`", "P2039", {
      driverAdapterError: adapterError(postgresCause("57P03", "the database system is starting up")),
    }),
  ],
  [
    "another backend crashed (57P02)",
    known("Database error. Code: `57P02`. Message: `terminating connection because of crash of another server process`", "P2039", {
      driverAdapterError: adapterError(postgresCause("57P02", "terminating connection because of crash of another server process")),
    }),
  ],
  [
    "shutting down (57P03) as pg's own DatabaseError",
    pgDatabaseError("57P03", "the database system is shutting down"),
  ],
  ["connection failure (08006) as pg's own DatabaseError", pgDatabaseError("08006", "connection failure")],
  [
    "ECONNRESET mapped by the adapter (P1017, ConnectionClosed)",
    known("Server has closed the connection.", "P1017", { driverAdapterError: adapterError({ kind: "ConnectionClosed" }) }),
  ],
  ["too many connections (P2037)", known("Too many database connections opened", "P2037", { driverAdapterError: adapterError({ kind: "TooManyConnections", cause: "sorry, too many clients already" }) })],
  ["the socket closed under a query", plain("Connection terminated unexpectedly")],
  ["a client whose socket failed", plain("Client has encountered a connection error and is not queryable")],
  ["connecting took longer than connectionTimeoutMillis", plain("Connection terminated due to connection timeout")],
  ["raw pg, server down", socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:54469")],
  ["wrapped once more in a cause", new Error("loading the case failed", { cause: plain("timeout exceeded when trying to connect") })],
  ["an UNAVAILABLE AppError passes through", new AppError("UNAVAILABLE", "Busy", { retryAfterSeconds: 5 })],
];

const other: [string, unknown][] = [
  ["a unique violation (P2002)", known("Unique constraint failed on the fields: (`email`)", "P2002", { driverAdapterError: adapterError({ kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } }) })],
  ["a raw query that does not deserialise (P2010)", known("Raw query failed. Code: `N/A`. Message: `Failed to deserialize column of type 'void'`", "P2010", { driverAdapterError: adapterError({ kind: "UnsupportedNativeDataType", type: "void" }) })],
  ["a syntax error (42601)", known("Database error. Code: `42601`. Message: `syntax error at or near \"SELEC\"`", "P2039", { driverAdapterError: adapterError(postgresCause("42601", 'syntax error at or near "SELEC"')) })],
  ["a transaction used after it closed (P2028, not a timeout)", known("Transaction API error: Transaction already closed: Could not perform operation.", "P2028")],
  ["a serialization failure (P2034): retry the request, but it is not an outage", known("Transaction failed due to a write conflict or a deadlock. Please retry your transaction", "P2034")],
  ["an ordinary bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
  ["a version conflict", new AppError("VERSION_CONFLICT", "Someone else changed this record", { currentVersion: 3 })],
  ["a string", "boom"],
  ["null", null],
];

describe("unavailableError", () => {
  test.each(unavailable)("answers 503 with Retry-After for %s", (_, error) => {
    const mapped = unavailableError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped?.code).toBe("UNAVAILABLE");
    expect(mapped?.status).toBe(503);
    expect(mapped?.extra.retryAfterSeconds).toBeGreaterThan(0);
  });

  test("says so in plain language", () => {
    expect(unavailableError(plain("timeout exceeded when trying to connect"))?.message).toBe(UNAVAILABLE_MESSAGE);
    expect(UNAVAILABLE_MESSAGE).toBe("Caseway is busy or its database is unreachable. Try again shortly.");
  });

  test.each(other)("leaves %s alone", (_, error) => {
    expect(unavailableError(error)).toBeNull();
  });

  test("survives a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(unavailableError(a)).toBeNull();
  });
});
