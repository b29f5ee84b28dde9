// Structured logs: one JSON line per event on stdout, for whatever collects them (ADR 0024). Free of `server-only`
// so jobs and scripts log the same way.
import { pino } from "pino";

/** Anything that could carry a secret is cut out before a line is written, whatever a caller passes in. */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
];

const globalForLog = globalThis as unknown as { casewayLog?: pino.Logger };

export const log: pino.Logger = (globalForLog.casewayLog ??= pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "caseway", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
}));
