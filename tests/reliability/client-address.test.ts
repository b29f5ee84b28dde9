// Who is calling, as the production server decides it (scripts/next-server.ts, ADR 0024): with no trusted proxy
// (TRUSTED_PROXY_HOPS unset) a client-written X-Forwarded-For changes neither the address the audit log records nor
// the API-token throttle, and each request leaves one JSON log line naming its request id, user and address.
import { Client } from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { call, createApp, createPostgres, createToken, stopAll, type ManagedApp, type ManagedPostgres } from "./harness";

let pg: ManagedPostgres;
let app: ManagedApp;

beforeAll(async () => {
  pg = await createPostgres("client-address", 54470);
  await pg.start();
  app = await createApp("client-address", pg.url, 54471);
  await app.start();
});

afterAll(async () => {
  await stopAll(app, pg);
});

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test("a refusal is audited and logged with the connection's address, not the one the client wrote", async () => {
  const token = await createToken(pg.url, "partner.bn@caseway.example");
  const [foreign] = await query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE c.country_id <> (SELECT organization_id FROM users WHERE email = 'partner.bn@caseway.example') LIMIT 1`,
  );
  const answer = await call(app.baseUrl, token, "GET", `/api/v1/cases/${foreign!.id}`, {
    headers: { "x-forwarded-for": "198.51.100.66", "x-real-ip": "198.51.100.67" },
  });
  expect(answer.status).toBe(404);
  const requestId = answer.headers.get("x-request-id");
  const [event] = await query<{ ip: string; action: string; target_id: string }>(
    "SELECT ip, action, target_id FROM audit_events WHERE request_id = $1",
    [requestId],
  );
  expect(event).toEqual({ ip: "127.0.0.1", action: "access.refused", target_id: foreign!.id });

  // The server's log line for that request: one JSON object with the user the token belongs to and the real address.
  await expect.poll(() => app.log().includes(requestId!)).toBe(true);
  const line = app
    .log()
    .split("\n")
    .map((text) => (text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : null))
    .find((entry) => entry?.requestId === requestId && entry.msg === "request");
  const [user] = await query<{ id: string }>("SELECT id FROM users WHERE email = 'partner.bn@caseway.example'");
  expect(line).toMatchObject({ method: "GET", route: `/api/v1/cases/${foreign!.id}`, status: 404, userId: user!.id, ip: "127.0.0.1" });
  expect(line!.ms).toEqual(expect.any(Number));
});

test("an API answer carries the request id the caller chose, and the audit log records that id; an implausible one is replaced", async () => {
  // API requests skip the proxy (ADR 0037): the server stamps their request id, so a client can find its own request.
  const token = await createToken(pg.url, "partner.bn@caseway.example");
  const [foreign] = await query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE c.country_id <> (SELECT organization_id FROM users WHERE email = 'partner.bn@caseway.example') LIMIT 1`,
  );
  const chosen = `client-chosen-${Date.now()}`;
  const refused = await call(app.baseUrl, token, "GET", `/api/v1/cases/${foreign!.id}`, { headers: { "x-request-id": chosen } });
  expect(refused.status).toBe(404);
  expect(refused.headers.get("x-request-id")).toBe(chosen);
  const [event] = await query<{ action: string }>("SELECT action FROM audit_events WHERE request_id = $1", [chosen]);
  expect(event).toEqual({ action: "access.refused" });

  const replaced = await call(app.baseUrl, token, "GET", "/api/v1/me", { headers: { "x-request-id": "two words" } });
  expect(replaced.status).toBe(200);
  expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  // Plain http and no trusted proxy: a claimed X-Forwarded-Proto earns no HSTS.
  const claimed = await call(app.baseUrl, token, "GET", "/api/v1/me", { headers: { "x-forwarded-proto": "https" } });
  expect(claimed.headers.get("strict-transport-security")).toBeNull();
});

test("a new X-Forwarded-For on every guess does not reset the API-token throttle", async () => {
  const statuses: number[] = [];
  for (let guess = 1; guess <= 21; guess++) {
    const answer = await call(app.baseUrl, `cwt_wrong-guess-${guess}`, "GET", "/api/v1/cases", {
      headers: { "x-forwarded-for": `203.0.113.${guess}` },
    });
    statuses.push(answer.status);
    if (answer.status === 429) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  }
  // 20 failures from one address earn a lockout (API_AUTH_THROTTLE), whatever address each guess claimed.
  expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
  expect(statuses[20]).toBe(429);
  const counters = await query<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE 'api-auth:%'");
  expect(counters.map((row) => row.key)).toEqual(["api-auth:127.0.0.1"]);
});
