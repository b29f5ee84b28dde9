// The per-request store the server (scripts/next-server.ts) opens for each request, so its access-log line can name
// the signed-in user. Reached through globalThis because the server and the app's bundle load separate module copies.
import type { AsyncLocalStorage } from "node:async_hooks";

export interface RequestLogStore {
  userId: string | null;
}

export const REQUEST_LOG_STORE = Symbol.for("caseway.request-log");

/** Names the request's user in its log line; a no-op outside our server (tests, scripts, `next dev`). */
export function noteRequestUser(userId: string): void {
  const store = (globalThis as Record<symbol, unknown>)[REQUEST_LOG_STORE] as AsyncLocalStorage<RequestLogStore> | undefined;
  const entry = store?.getStore();
  if (entry) entry.userId = userId;
}
