// A small reverse proxy in front of several Caseway instances on 127.0.0.1 (scripts/cluster.ts and the two-instance
// reliability test). It does what the production proxy (Caddy, deploy/Caddyfile) does for the app except compress,
// and no more: round-robin over the instances, skipping one that refused a connection for a moment; X-Forwarded-For
// with the peer's address appended (the app, with TRUSTED_PROXY_HOPS=1, believes exactly that last entry),
// X-Forwarded-Proto and X-Forwarded-Host set; bodies streamed both ways (Server-Sent Events and long downloads are
// never buffered); a dead instance is a 502 with the API's error envelope, after trying the others when that cannot
// repeat a write.
// WebSocket upgrades are not proxied: a production Caseway uses none.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Upstream {
  /** A short name for logs and the `x-caseway-upstream` response header, e.g. `app-1`. */
  name: string;
  host: string;
  port: number;
}

export interface ProxyOptions {
  upstreams: Upstream[];
  /** 0 picks a free port. */
  port: number;
  /** Loopback by default: this proxy is for one machine, not the internet. */
  host?: string;
  /** How long an instance that refused a connection is skipped. */
  downForMs?: number;
  log?: (line: string) => void;
}

export interface RunningProxy {
  url: string;
  port: number;
  /** Requests each upstream answered (by name), so a test can see the load really went to every instance. */
  counts: Record<string, number>;
  /** Requests answered 502 because no instance could take them. */
  unavailable: number;
  /** Requests handed to another instance after the one first chosen failed them (refused the connection, mostly). */
  retried: number;
  close: () => Promise<void>;
}

/** The response header naming the instance that answered. */
export const UPSTREAM_HEADER = "x-caseway-upstream";

// RFC 9110 §7.6.1: connection-specific headers are not forwarded; the other hop sets its own.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

// RFC 9110 §9.2.2. Only these may be sent again after an instance failed mid-request.
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

// Errors that mean the instance never received the request: safe to send it to another one, whatever the method.
const NOT_CONNECTED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`: the form the app and the audit log show. */
const plainAddress = (address: string | undefined) => (address ?? "").replace(/^::ffff:/, "");

function hasBody(req: http.IncomingMessage) {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

export function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { upstreams } = options;
  if (upstreams.length === 0) throw new Error("The proxy needs at least one upstream");
  const log = options.log ?? (() => {});
  const downForMs = options.downForMs ?? 2_000;
  const downUntil = new Map<string, number>();
  const counts: Record<string, number> = Object.fromEntries(upstreams.map((u) => [u.name, 0]));
  // Requests without a body reuse connections (dropped after 4 s idle, sooner than any instance closes them: Node's
  // default keep-alive timeout is 5 s); one that meets a connection the instance has just closed is simply sent again.
  // Writes always open a fresh connection: a refused one is then certain not to have reached the instance, so the
  // write can go to another, while a write on a reused connection that breaks could not be repeated.
  const agents = new Map(upstreams.map((u) => [u.name, new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 })]));
  const freshConnections = new http.Agent({ keepAlive: false });
  /** After a failure, the instance's idle connections are suspect too (it may have gone away): close them. */
  const dropIdle = (name: string) => {
    for (const sockets of Object.values(agents.get(name)?.freeSockets ?? {})) for (const socket of sockets ?? []) socket.destroy();
  };
  let cursor = 0;
  let unavailable = 0;
  let retried = 0;

  /** Round-robin, passing over instances that recently refused a connection unless every one has. */
  function pick(tried: Set<string>): Upstream | undefined {
    const now = Date.now();
    const order = upstreams.map((_, i) => upstreams[(cursor + i) % upstreams.length]!).filter((u) => !tried.has(u.name));
    const chosen = order.find((u) => (downUntil.get(u.name) ?? 0) <= now) ?? order[0];
    if (chosen) cursor = (upstreams.indexOf(chosen) + 1) % upstreams.length;
    return chosen;
  }

  function unavailableAnswer(res: http.ServerResponse, message: string) {
    unavailable += 1;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({ error: { code: "UNAVAILABLE", message } });
    res.writeHead(502, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
      "retry-after": "1",
    });
    res.end(body);
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, tried: Set<string>, client: { gone: boolean }) {
    const upstream = pick(tried);
    if (!upstream) {
      unavailableAnswer(res, "No Caseway instance is answering. Try again in a moment.");
      return;
    }
    tried.add(upstream.name);

    const headers = withoutHopByHop(req.headers);
    const peer = plainAddress(req.socket.remoteAddress);
    const earlier = req.headers["x-forwarded-for"];
    // Appended, never replaced: what the client wrote stays on the left, where TRUSTED_PROXY_HOPS=1 ignores it.
    headers["x-forwarded-for"] = earlier ? `${String(earlier)}, ${peer}` : peer;
    // This proxy is the edge: it says how the request reached it, whatever the client claimed.
    headers["x-forwarded-proto"] = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;

    let bodyStarted = false;
    let answered = false;
    const upstreamReq = http.request({
      host: upstream.host,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent: hasBody(req) || !IDEMPOTENT.has(req.method ?? "") ? freshConnections : agents.get(upstream.name),
    });
    const startBody = () => {
      if (bodyStarted || upstreamReq.destroyed) return;
      bodyStarted = true;
      req.pipe(upstreamReq);
    };
    // The body waits for a connection, so a request an instance never received can still go to another instance.
    upstreamReq.on("socket", (socket) => {
      if (socket.connecting) socket.once("connect", startBody);
      else startBody();
    });

    upstreamReq.on("response", (upstreamRes) => {
      answered = true;
      counts[upstream.name] = (counts[upstream.name] ?? 0) + 1;
      downUntil.delete(upstream.name);
      const responseHeaders = withoutHopByHop(upstreamRes.headers);
      responseHeaders[UPSTREAM_HEADER] = upstream.name;
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders);
      // Headers now, not with the first chunk: an event stream must open at once.
      res.flushHeaders();
      upstreamRes.pipe(res);
      upstreamRes.on("error", () => res.destroy());
    });

    upstreamReq.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) {
        res.destroy();
        return;
      }
      const neverReceived = NOT_CONNECTED.has(error.code ?? "");
      if (neverReceived) downUntil.set(upstream.name, Date.now() + downForMs);
      dropIdle(upstream.name);
      const canRepeat = neverReceived || (IDEMPOTENT.has(req.method ?? "") && !(bodyStarted && hasBody(req)));
      if (client.gone) return;
      const retry = canRepeat && !res.headersSent && tried.size < upstreams.length;
      log(`${req.method} ${req.url} → ${upstream.name}: ${error.code ?? error.message}${retry ? ", trying another instance" : ""}`);
      if (retry) {
        retried += 1;
        forward(req, res, tried, client);
        return;
      }
      unavailableAnswer(
        res,
        canRepeat
          ? "No Caseway instance is answering. Try again in a moment."
          : `The Caseway instance that took this request stopped answering (${error.code ?? "error"}); it may or may not have acted on it.`,
      );
    });

    // The client went away (closed tab, aborted fetch, ended event stream): stop the instance's work on it too.
    res.on("close", () => {
      if (res.writableFinished) return;
      client.gone = true;
      upstreamReq.destroy();
    });
  }

  const server = http.createServer((req, res) => {
    req.socket.setNoDelay(true);
    forward(req, res, new Set(), { gone: false });
  });
  // Long answers (event streams, large PDFs) are the instance's business; only idle keep-alive sockets time out.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        counts,
        get unavailable() {
          return unavailable;
        },
        get retried() {
          return retried;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            for (const agent of agents.values()) agent.destroy();
            freshConnections.destroy();
          }),
      });
    });
  });
}
