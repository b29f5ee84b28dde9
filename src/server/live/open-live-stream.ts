import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { subscribeLive, type LiveSignal } from "./live-listener";

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser reconnects (EventSource does so by itself): each reconnect signs in
 * again, so a person signed out or deactivated stops hearing within minutes, and no connection lives for ever.
 */
const MAX_STREAM_MS = 10 * 60_000;
/** How long the browser waits before reconnecting. */
const RETRY_MS = 3_000;

/**
 * A Server-Sent Events stream of what changed for this person (issue 15 item 4): "notice" when they receive a
 * notification or mark one read, and — when they watch a case they may see — "case" when that case changes. Events
 * carry no record content, only that something changed (and the case's version); the page then reads the record
 * through the ordinary, authorized paths.
 */
export async function openLiveStream(actor: Actor, query: { case?: string }, abort: AbortSignal): Promise<Response> {
  assertCan(actor, "readOwnNotifications");
  const caseId = query.case || null;
  // Another country's case is a 404 like everywhere else, before any stream opens.
  if (caseId) await assertCaseVisible(actor, caseId);

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the browser has gone
        }
      };
      const onSignal = (signal: LiveSignal) => {
        if (signal.users?.includes(actor.userId)) send(`event: notice\ndata: {}\n\n`);
        if (caseId && signal.case === caseId) send(`event: case\ndata: ${JSON.stringify({ version: signal.version ?? null })}\n\n`);
      };
      const unsubscribe = subscribeLive(onSignal);
      const heartbeat = setInterval(() => send(`: keep-alive\n\n`), HEARTBEAT_MS);
      const lifetime = setTimeout(() => cleanup(), MAX_STREAM_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        try {
          controller.close();
        } catch {
          // already closed
        }
        cleanup = () => {};
      };
      abort.addEventListener("abort", () => cleanup(), { once: true });
      send(`retry: ${RETRY_MS}\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      // Tell buffering proxies (nginx) to pass events through at once.
      "x-accel-buffering": "no",
    },
  });
}
