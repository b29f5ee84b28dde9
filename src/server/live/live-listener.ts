import "server-only";
import pg from "pg";
import { log } from "../log";

// Live pages across app instances (issue 15 item 4). PostgreSQL's LISTEN/NOTIFY carries the signal: a committed case
// change (a trigger on `cases`) or a dispatched notice (the outbox's dispatch) reaches every instance's one listening
// connection, and the instance passes it on to the browsers connected to it. The instance keeps only its open
// connections; nothing a second instance would need.

export interface LiveSignal {
  /** The case that changed, if any. */
  case?: string | null;
  /** The case's version after the change (from the trigger on `cases`); absent for changes beside the case row. */
  version?: number;
  /** People who just received a notice. */
  users?: string[];
}

type Subscriber = (signal: LiveSignal) => void;
type OutboxWaker = () => void;

interface ListenerState {
  subscribers: Set<Subscriber>;
  outboxWakers: Set<OutboxWaker>;
  client: pg.Client | null;
  connecting: Promise<void> | null;
}

const globalForLive = globalThis as unknown as { casewayLive?: ListenerState };
const state: ListenerState = (globalForLive.casewayLive ??= { subscribers: new Set(), outboxWakers: new Set(), client: null, connecting: null });

const RECONNECT_MS = 2_000;

function connect(): Promise<void> {
  if (state.client || state.connecting) return state.connecting ?? Promise.resolve();
  const url = process.env.DATABASE_URL;
  if (!url) return Promise.resolve();
  const client = new pg.Client({ connectionString: url, application_name: "caseway-live" });
  const reconnect = () => {
    if (state.client !== client) return;
    state.client = null;
    client.end().catch(() => {});
    setTimeout(() => void connect(), RECONNECT_MS).unref();
  };
  client.on("error", (error) => {
    log.warn({ err: error }, "live listener lost its connection; reconnecting");
    reconnect();
  });
  client.on("end", reconnect);
  client.on("notification", (message) => {
    if (message.channel === "caseway_outbox") {
      for (const wake of state.outboxWakers) wake();
      return;
    }
    let signal: LiveSignal;
    try {
      signal = JSON.parse(message.payload ?? "{}") as LiveSignal;
    } catch {
      return;
    }
    for (const subscriber of state.subscribers) subscriber(signal);
  });
  state.connecting = client
    .connect()
    .then(() => client.query("LISTEN caseway_live; LISTEN caseway_outbox"))
    .then(() => {
      state.client = client;
    })
    .catch((error: unknown) => {
      log.warn({ err: error }, "live listener could not connect; retrying");
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    })
    .finally(() => {
      state.connecting = null;
    });
  return state.connecting;
}

/** Calls `subscriber` with each live signal until the returned function is called. */
export function subscribeLive(subscriber: Subscriber): () => void {
  state.subscribers.add(subscriber);
  void connect();
  return () => state.subscribers.delete(subscriber);
}

/** Calls `wake` whenever an outbox event is committed on any instance (the job runner then queues a dispatch). */
export function onOutboxWritten(wake: OutboxWaker): void {
  state.outboxWakers.add(wake);
  void connect();
}
