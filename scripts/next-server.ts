// Caseway's HTTP server: Next.js behind a thin layer that decides, from the socket, who is calling (ADR 0024).
//   node --import tsx scripts/next-server.ts --port 3000 [--dev]
// It replaces `next start` / `next dev` so that:
//  - the client address the app audits and throttles on comes from the socket, or from X-Forwarded-For only as far as
//    TRUSTED_PROXY_HOPS proxies we run have vouched for it (default 0: the header is ignored), never from the client;
//  - pages learn their own path (x-caseway-path), which Next does not expose to server components;
//  - API requests get their request id and, over TLS, HSTS here, since they skip the proxy (ADR 0037);
//  - every request is logged as one JSON line with its request id, user, route, status and latency.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { clientAddressFrom, trustedProxyHops } from "../src/server/client-address";
import { log } from "../src/server/log";
import { REQUEST_LOG_STORE, type RequestLogStore } from "../src/server/request-log";
import { REQUEST_ID_HEADER, stampApiRequest } from "../src/server/transport-headers";

const { values } = parseArgs({
  options: { port: { type: "string", default: process.env.PORT ?? "3000" }, dev: { type: "boolean", default: false }, hostname: { type: "string" } },
});
const port = Number(values.port);
const dev = values.dev;
const hops = trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);

// Shared with the app's bundle through globalThis: the actor lookup records the user id on the request's store.
const store = ((globalThis as Record<symbol, unknown>)[REQUEST_LOG_STORE] ??= new AsyncLocalStorage<RequestLogStore>()) as AsyncLocalStorage<RequestLogStore>;

/** Headers only this server may set: anything a client sent under these names is replaced. */
function stampTrustedHeaders(req: IncomingMessage) {
  const forwarded = req.headers["x-forwarded-for"];
  const address = clientAddressFrom(Array.isArray(forwarded) ? forwarded.join(",") : forwarded, req.socket.remoteAddress, hops);
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  if (hops === 0) {
    // Nobody we trust set these: let Next derive protocol and host from the connection itself.
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  req.headers["x-caseway-path"] = (req.url ?? "/").split("?")[0]!.slice(0, 400);
  return address;
}

const app = next({ dev, port, hostname: values.hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const ip = stampTrustedHeaders(req);
  const entry: RequestLogStore = { userId: null };
  const route = req.headers["x-caseway-path"] as string;
  const quiet = route.startsWith("/_next/") || route === "/api/v1/health";
  if (route.startsWith("/api/")) stampApiRequest(req, res);
  res.once("close", () => {
    const line = {
      requestId: res.getHeader(REQUEST_ID_HEADER) ?? null,
      method: req.method,
      route,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      userId: entry.userId,
      ip,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) log.error(line, "request");
    else if (quiet) log.debug(line, "request");
    else log.info(line, "request");
  });
  store.run(entry, () => void handle(req, res));
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
// Longer than a proxy's idle timeout, so the proxy (not us) closes idle keep-alive connections.
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => log.info({ port, dev, trustedProxyHops: hops }, "Caseway is listening"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info({ signal }, "shutting down");
    server.close(() => void app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
