// Every refusal is audited (issue 14): a 404 for another country's record and a 403 for a role the policy refuses
// leave an access.refused event with actor, target, reason and request id; a 404 for a record that does not exist
// leaves none; and a flood of refusals is capped per actor and minute so it cannot fill the disk.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { GET as getCaseRoute } from "@/app/api/v1/cases/[id]/route";
import { GET as listUsersRoute } from "@/app/api/v1/users/route";
import { createApiToken } from "@/server/tokens/create-api-token";
import { caseCast, openCase, type Cast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { partnerOf } from "./lor-helpers";

const prisma = testPrisma();
let cast: Cast;
let caseId: string;

async function bearer(actor: Actor) {
  const { secret } = await createApiToken(actor, { name: `refusals ${randomUUID().slice(0, 8)}`, expiresInDays: 1 }, context());
  return secret;
}

function call(
  route: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  path: string,
  token: string,
  params: object = {},
  headers: Record<string, string> = {},
) {
  const request = new Request(`http://caseway.test${path}`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.9", ...headers } });
  return route(request, { params: Promise.resolve(params as never) });
}

const refusalsOf = (userId: string) =>
  prisma.auditEvent.findMany({ where: { actorUserId: userId, action: { startsWith: "access.refused" } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  cast = await caseCast(prisma);
  ({ caseId } = await openCase(cast));
});

afterEach(() => {
  delete process.env.REFUSAL_AUDIT_LIMIT_PER_MINUTE;
});

describe("refusals in the audit log", () => {
  it("records another country's case answered 404, naming who, what, why and the request", async () => {
    const token = await bearer(cast.foreignPartner);
    const response = await call(getCaseRoute, `/api/v1/cases/${caseId}`, token, { id: caseId });
    expect(response.status).toBe(404);
    const [event, ...more] = await refusalsOf(cast.foreignPartner.userId);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      action: "access.refused",
      outcome: "DENIED",
      actorRole: "PARTNER_OFFICER",
      targetType: "case",
      targetId: caseId,
      requestId: response.headers.get("x-request-id"),
      chainKey: null,
    });
    expect(event!.details).toMatchObject({ policyAction: "viewCase", answered: 404, method: "GET", path: `/api/v1/cases/${caseId}` });
    // The refusal names the case but stays out of its hash chain: the case's own history is untouched.
    const chained = await prisma.auditEvent.count({ where: { chainKey: `case:${caseId}`, action: "access.refused" } });
    expect(chained).toBe(0);
  });

  it("records the caller's request id when it is a plausible one, and a fresh one in place of text the log cannot keep", async () => {
    // Our server stamps API requests (ADR 0037); the handler checks again, so a request that reached it unstamped
    // (here: called directly) cannot put 200 characters into an 80-character column and turn a 404 into a 500.
    const token = await bearer(cast.foreignPartner);
    const chosen = `refusal-${randomUUID()}`;
    const kept = await call(getCaseRoute, `/api/v1/cases/${caseId}`, token, { id: caseId }, { "x-request-id": chosen });
    const replaced = await call(getCaseRoute, `/api/v1/cases/${caseId}`, token, { id: caseId }, { "x-request-id": "r".repeat(200) });
    expect([kept.status, replaced.status]).toEqual([404, 404]);
    expect(kept.headers.get("x-request-id")).toBe(chosen);
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const recorded = await prisma.auditEvent.findMany({
      where: { requestId: { in: [chosen, replaced.headers.get("x-request-id")!] } },
      select: { requestId: true, action: true },
    });
    expect(recorded.map((e) => e.requestId).sort()).toEqual([chosen, replaced.headers.get("x-request-id")].sort());
  });

  it("records a role the policy refuses (403) and not a case that does not exist (404)", async () => {
    const token = await bearer(cast.partner);
    const refused = await call(listUsersRoute, "/api/v1/users", token);
    expect(refused.status).toBe(403);
    const missing = await call(getCaseRoute, `/api/v1/cases/${randomUUID()}`, token, { id: randomUUID() });
    expect(missing.status).toBe(404);
    const events = await refusalsOf(cast.partner.userId);
    expect(events.map((e) => [e.requestId, (e.details as { answered: number }).answered])).toEqual([[refused.headers.get("x-request-id"), 403]]);
    expect(events[0]!.details).toMatchObject({ policyAction: "listUsers", reason: "You do not have permission to do that" });
  });

  it("caps a flood per actor and minute: the first ones one by one, then one note that the rest are only counted", async () => {
    process.env.REFUSAL_AUDIT_LIMIT_PER_MINUTE = "3";
    const outsider = await partnerOf(prisma, cast.foreignCountry.id, "Flooding Officer");
    const token = await bearer(outsider);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push((await call(getCaseRoute, `/api/v1/cases/${caseId}`, token, { id: caseId })).status);
    expect(answers.every((status) => status === 404)).toBe(true);
    const events = await refusalsOf(outsider.userId);
    expect(events.map((e) => e.action)).toEqual(["access.refused", "access.refused", "access.refused", "access.refused.suppressed"]);
  });
});
