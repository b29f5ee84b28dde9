// The event feed and webhooks (issue 15 item 5) against PostgreSQL, with a receiver on 127.0.0.1: a partner's
// subscription receives signed deliveries of its own partner-visible events only, which verify with the documented
// function; a failing receiver is retried with backoff and the log shows what it answered; a delivery can be sent
// again; repeated failure turns the subscription off and tells its owner; another country's officer cannot find the
// subscription (404, audited); and the partner's feed holds no foreign or internal event and resumes from a cursor
// without gaps or repeats.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "@/domain/notifications/webhooks";
import type { Actor } from "@/domain/policy";
import { GET as getWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { listEvents } from "@/server/notifications/list-events";
import { createApiToken } from "@/server/tokens/create-api-token";
import { createWebhook } from "@/server/webhooks/create-webhook";
import { deliverWebhooks } from "@/server/webhooks/deliver-webhooks";
import { getWebhook } from "@/server/webhooks/get-webhook";
import { listWebhooks } from "@/server/webhooks/list-webhooks";
import { redeliverWebhook } from "@/server/webhooks/redeliver-webhook";
import { updateWebhook } from "@/server/webhooks/update-webhook";
import { seedLoaReference } from "../factories/loa";
import { caseCast, dispatchFor, offeredCase } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor, seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A partner's system: records every POST; a path under /fail/ answers 500, anything else 204. */
const received: Received[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
  server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.statusCode = request.url?.startsWith("/fail/") ? 500 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const at = (path: string) => received.filter((r) => r.path === path);
const hook = (label: string) => `/ok/${label}-${randomUUID().slice(0, 8)}`;


async function subscribe(actor: Actor, path: string, kinds: string[] = []) {
  return createWebhook(actor, { url: `${base}${path}`, kinds }, context());
}

describe("webhook deliveries", () => {
  it("send a partner its own offer, signed so the documented check verifies it, and nothing internal or foreign", async () => {
    const cast = await caseCast(prisma);
    const ownPath = hook("own");
    const foreignPath = hook("foreign");
    const agencyPath = hook("agency");
    const own = await subscribe(cast.partner, ownPath);
    await subscribe(cast.foreignPartner, foreignPath);
    await subscribe(cast.ia, agencyPath);
    expect(own.secret).toMatch(/^whsec_/);
    // Stored encrypted: the secret is nowhere in the row or the audit log.
    const row = await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: own.id } });
    expect(row.secretCiphertext).not.toContain(own.secret);
    const audit = await prisma.auditEvent.findMany({ where: { targetType: "webhook_subscription", targetId: own.id }, select: { action: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.create"]);
    expect(JSON.stringify(audit)).not.toContain(own.secret);

    const { identifier } = await offeredCase(cast);
    await dispatchFor(prisma, cast);
    const now = new Date();
    await deliverWebhooks(now);

    const deliveries = at(ownPath);
    const offers = deliveries.filter((d) => JSON.parse(d.body).type === "offer-issued");
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(verifyWebhookSignature(own.secret, offer!.headers["caseway-signature"] as string, offer!.body, now)).toEqual({ ok: true, timestamp: expect.any(Number) });
    // The copy-pasteable check of docs/webhooks.md (scripts/verify-webhook.mjs) agrees.
    const script = (await import(new URL("../../scripts/verify-webhook.mjs", import.meta.url).href)) as {
      verifyCasewaySignature: (secret: string, header: unknown, rawBody: string, nowSeconds?: number) => boolean;
    };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    expect(script.verifyCasewaySignature(own.secret, offer!.headers["caseway-signature"], offer!.body, nowSeconds)).toBe(true);
    expect(script.verifyCasewaySignature(own.secret, offer!.headers["caseway-signature"], offer!.body, nowSeconds + 301)).toBe(false);
    // A replay five minutes and a second later is refused; so is a tampered body.
    expect(verifyWebhookSignature(own.secret, offer!.headers["caseway-signature"] as string, offer!.body, new Date(now.getTime() + 301_000)).ok).toBe(false);
    expect(verifyWebhookSignature(own.secret, offer!.headers["caseway-signature"] as string, offer!.body.replace("offered", "withdrawn"), now).ok).toBe(false);
    const payload = JSON.parse(offer!.body);
    expect(offer!.headers["caseway-event-id"]).toBe(payload.id);
    expect(payload).toMatchObject({ type: "offer-issued", data: { title: "LOA offered to the partner", caseIdentifier: identifier, record: { type: "case", link: expect.stringMatching(/^\/cases\//) } } });

    // Reviews, signatures and the internal comment are U.S. Government business; the other country hears nothing.
    const deliveredIds = deliveries.map((d) => BigInt(JSON.parse(d.body).id));
    const internal = await prisma.outboxEvent.findMany({ where: { countryId: cast.country.id, partnerTitle: null, feedSeq: { not: null } }, select: { id: true } });
    expect(internal.length).toBeGreaterThan(0);
    expect(deliveredIds.filter((id) => internal.some((e) => e.id === id))).toEqual([]);
    expect(await prisma.outboxEvent.count({ where: { id: { in: deliveredIds }, OR: [{ countryId: { not: cast.country.id } }, { partnerTitle: null }] } })).toBe(0);
    expect(deliveries.map((d) => d.body).join()).not.toContain("export licence");
    expect(deliveries.map((d) => d.body).join()).not.toContain("concurred");
    expect(at(foreignPath)).toEqual([]);
    // The agency's system follows its case, internal steps included, in staff wording.
    const agencyKinds = at(agencyPath).map((d) => JSON.parse(d.body).type);
    expect(agencyKinds).toContain("case-progress");
    expect(agencyKinds).toContain("offer-issued");

    const log = await getWebhook(cast.partner, own.id);
    expect(log.deliveries.items.length).toBe(deliveries.length);
    expect(log.deliveries.items.every((d) => d.status === "SUCCEEDED" && d.lastStatusCode === 204 && d.attempts === 1)).toBe(true);
  });

  it("retry a failing receiver with backoff, show its answer in the log, and send again on request", async () => {
    const cast = await caseCast(prisma);
    const failing = `/fail/${randomUUID().slice(0, 8)}`;
    const sub = await subscribe(cast.partner, failing, ["offer-issued"]);
    await offeredCase(cast);
    await dispatchFor(prisma, cast);
    const t0 = new Date();
    await deliverWebhooks(t0);
    expect(at(failing)).toHaveLength(1);

    let [delivery] = (await getWebhook(cast.partner, sub.id)).deliveries.items;
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "The receiver answered 500" });
    const firstWait = new Date(delivery!.nextAttemptAt!).getTime() - t0.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(24_000);
    expect(firstWait).toBeLessThanOrEqual(36_000);

    // Not due yet: nothing is sent.
    await deliverWebhooks(new Date(t0.getTime() + 10_000));
    expect(at(failing)).toHaveLength(1);
    // Due: a second attempt, and the wait doubles.
    const t1 = new Date(t0.getTime() + 40_000);
    await deliverWebhooks(t1);
    expect(at(failing)).toHaveLength(2);
    [delivery] = (await getWebhook(cast.partner, sub.id)).deliveries.items;
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2, lastStatusCode: 500 });
    const secondWait = new Date(delivery!.nextAttemptAt!).getTime() - t1.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(48_000);
    expect(secondWait).toBeLessThanOrEqual(72_000);

    // The partner fixes the receiver's address and asks for the delivery again: it goes out at once and succeeds.
    const fixed = hook("fixed");
    const current = await getWebhook(cast.partner, sub.id);
    await updateWebhook(cast.partner, sub.id, { expectedVersion: current.version, url: `${base}${fixed}` }, context());
    await expectAppError(updateWebhook(cast.partner, sub.id, { expectedVersion: current.version, active: false }, context()), "VERSION_CONFLICT");
    const requeued = await redeliverWebhook(cast.partner, sub.id, delivery!.id, context());
    expect(requeued).toMatchObject({ status: "PENDING", attempts: 0 });
    await deliverWebhooks(new Date());
    expect(at(fixed)).toHaveLength(1);
    [delivery] = (await getWebhook(cast.partner, sub.id)).deliveries.items;
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 204, lastError: null });
    expect((await getWebhook(cast.partner, sub.id)).consecutiveFailures).toBe(0);
    const actions = await prisma.auditEvent.findMany({ where: { targetType: "webhook_subscription", targetId: sub.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["webhook.create", "webhook.update", "webhook.redeliver"]);
  });

  // The agency's subscription: a partner owner's notice waits on the dispatch giving the event partner wording (see the
  // report of issue 15 item 5); the rest of the path is the same for every organization.
  it("turn a subscription off after repeated failure and tell its owner", async () => {
    const cast = await caseCast(prisma);
    const failing = `/fail/${randomUUID().slice(0, 8)}`;
    const sub = await subscribe(cast.ia, failing);
    await offeredCase(cast);
    await dispatchFor(prisma, cast);
    // Fourteen failures already behind it: the next one is the fifteenth in a row.
    await prisma.webhookSubscription.update({ where: { id: sub.id }, data: { consecutiveFailures: 14 } });
    await deliverWebhooks(new Date());

    const after = await getWebhook(cast.ia, sub.id);
    expect(after.active).toBe(false);
    expect(after.disabledReason).toMatch(/Turned off automatically: \d+ deliveries in a row failed/);
    expect(after.version).toBe(sub.version + 1);
    const disabled = await prisma.auditEvent.findMany({ where: { targetId: sub.id, action: "webhook.disable" } });
    expect(disabled).toHaveLength(1);

    // Nothing more is sent while it is off.
    const sent = at(failing).length;
    await deliverWebhooks(new Date(Date.now() + 3_600_000));
    expect(at(failing)).toHaveLength(sent);

    // The owner hears of it, with a link to the subscription; the other agency's manager does not.
    await dispatchFor(prisma, cast);
    const notices = await prisma.notification.findMany({ where: { userId: cast.ia.userId, event: { kind: "webhook-disabled", targetId: sub.id } }, include: { event: true } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.event.link).toBe(`/webhooks/${sub.id}`);
    expect(await prisma.notification.count({ where: { userId: cast.otherIa.userId, event: { kind: "webhook-disabled", targetId: sub.id } } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: cast.partner.userId, event: { kind: "webhook-disabled", targetId: sub.id } } })).toBe(0);

    // Turning it back on clears the failures; its pending deliveries resume.
    const on = await updateWebhook(cast.ia, sub.id, { expectedVersion: after.version, active: true }, context());
    expect(on).toMatchObject({ active: true, consecutiveFailures: 0, disabledReason: null });
  });

  it("give up on a delivery 24 hours after it was queued, and turn the subscription off", async () => {
    const cast = await caseCast(prisma);
    const failing = `/fail/${randomUUID().slice(0, 8)}`;
    const sub = await subscribe(cast.partner, failing, ["offer-issued"]);
    await offeredCase(cast);
    await dispatchFor(prisma, cast);
    await deliverWebhooks(new Date(Date.now() + 24 * 3_600_000 + 1000));
    const after = await getWebhook(cast.partner, sub.id);
    expect(after.deliveries.items[0]).toMatchObject({ status: "FAILED", lastStatusCode: 500, nextAttemptAt: null });
    expect(after.active).toBe(false);
    expect(after.disabledReason).toContain("24 hours");
  });
});

describe("who may manage a subscription", () => {
  it("another country's officer and another agency's manager get 404 (audited); DSCA staff 403; an administrator any", async () => {
    const cast = await caseCast(prisma);
    const sub = await subscribe(cast.partner, hook("isolation"));
    const refused = await expectAppError(getWebhook(cast.foreignPartner, sub.id), "NOT_FOUND");
    expect(refused.message).toBe("Webhook subscription not found");
    await expectAppError(getWebhook(cast.otherIa, sub.id), "NOT_FOUND");
    await expectAppError(updateWebhook(cast.foreignPartner, sub.id, { expectedVersion: sub.version, active: false }, context()), "NOT_FOUND");
    await expectAppError(createWebhook(cast.foreignPartner, { organizationId: cast.country.id, url: `${base}/x` }, context()), "NOT_FOUND");
    await expectAppError(getWebhook(cast.dsca, sub.id), "FORBIDDEN");
    await expectAppError(createWebhook(cast.dsca, { url: `${base}/x` }, context()), "FORBIDDEN");
    // http to anything but this machine is refused, naming the field.
    const bad = await expectAppError(createWebhook(cast.partner, { url: "http://partner.example/hook" }, context()), "VALIDATION_FAILED");
    expect(bad.extra.fields?.url).toMatch(/https/);

    // An administrator manages any organization's, and subscribes one by naming it.
    const admin = await actorFor(prisma, "ADMIN");
    expect((await getWebhook(admin, sub.id)).id).toBe(sub.id);
    const forAgency = await createWebhook(admin, { organizationId: cast.agency.id, url: `${base}${hook("admin")}` }, context());
    expect(forAgency.organizationId).toBe(cast.agency.id);
    expect((await listWebhooks(cast.ia)).items.map((w) => w.id)).toContain(forAgency.id);
    await expectAppError(listWebhooks(cast.otherIa, { organizationId: cast.agency.id }), "NOT_FOUND");

    // Through the API door: 404, and the refusal is in the audit log.
    const { secret } = await createApiToken(cast.foreignPartner, { name: "webhooks", expiresInDays: 1 }, context());
    const response = await getWebhookRoute(new Request(`http://caseway.test/api/v1/webhooks/${sub.id}`, { headers: { authorization: `Bearer ${secret}` } }), {
      params: Promise.resolve({ id: sub.id }),
    });
    expect(response.status).toBe(404);
    const refusal = await prisma.auditEvent.findFirst({ where: { actorUserId: cast.foreignPartner.userId, action: "access.refused" } });
    expect(refusal).toMatchObject({ targetType: "webhook_subscription", targetId: sub.id });
    expect(refusal!.details).toMatchObject({ policyAction: "manageWebhooks", answered: 404 });
  });
});

describe("the event feed", () => {
  it("gives a partner their own partner-visible events only, resumable from a cursor without gaps or repeats", async () => {
    const cast = await caseCast(prisma);
    const other = await caseCast(prisma);
    const mark = await prisma.outboxEvent.aggregate({ _max: { feedSeq: true } });
    await offeredCase(cast);
    await offeredCase(other);
    await dispatchFor(prisma, cast);
    await dispatchFor(prisma, other);

    const start = mark._max.feedSeq === null ? undefined : String(mark._max.feedSeq);
    const whole = await listEvents(cast.partner, { after: start, limit: 500 });
    expect(whole.hasMore).toBe(false);
    expect(whole.events.map((e) => e.kind)).toContain("offer-issued");
    // Exactly the partner's country's partner-visible events, from the table itself.
    const expected = await prisma.outboxEvent.findMany({
      where: { countryId: cast.country.id, partnerTitle: { not: null }, feedSeq: start ? { gt: BigInt(start) } : { not: null } },
      orderBy: { feedSeq: "asc" },
      select: { id: true },
    });
    expect(whole.events.map((e) => e.id)).toEqual(expected.map((e) => String(e.id)));
    const foreignOrInternal = await prisma.outboxEvent.count({
      where: { id: { in: whole.events.map((e) => BigInt(e.id)) }, OR: [{ countryId: { not: cast.country.id } }, { partnerTitle: null }] },
    });
    expect(foreignOrInternal).toBe(0);
    // The other country's offer and this case's internal steps exist; they are simply not in this feed.
    expect(await prisma.outboxEvent.count({ where: { countryId: other.country.id, feedSeq: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.outboxEvent.count({ where: { countryId: cast.country.id, partnerTitle: null, feedSeq: { not: null } } })).toBeGreaterThan(0);

    // Page by page, one event at a time: the same events in the same order.
    const paged: string[] = [];
    let cursor = start;
    for (let page = 0; page < 50; page++) {
      const next = await listEvents(cast.partner, { after: cursor, limit: 1 });
      paged.push(...next.events.map((e) => e.sequence));
      cursor = next.nextCursor ?? undefined;
      if (!next.hasMore) break;
    }
    expect(paged).toEqual(whole.events.map((e) => e.sequence));
    expect(new Set(paged).size).toBe(paged.length);
    // At the end, the cursor stays put until something new happens.
    const empty = await listEvents(cast.partner, { after: cursor });
    expect(empty).toEqual({ events: [], nextCursor: cursor, hasMore: false });

    // DSCA sees the internal steps too, in staff wording; the agency its own case's.
    const staff = await listEvents(cast.dsca, { after: start, limit: 500 });
    expect(staff.events.some((e) => e.caseIdentifier && e.kind === "case-progress")).toBe(true);
    const agency = await listEvents(cast.ia, { after: start, limit: 500 });
    expect(agency.events.length).toBeGreaterThan(whole.events.length);
    const agencyIds = agency.events.map((e) => BigInt(e.id));
    expect(await prisma.outboxEvent.count({ where: { id: { in: agencyIds }, agencyId: { not: cast.agency.id } } })).toBe(0);
  });

  it("answers 400 naming the field for a bad cursor or limit", async () => {
    const cast = await caseCast(prisma);
    const bad = await expectAppError(listEvents(cast.partner, { after: "not-a-cursor" }), "BAD_REQUEST");
    expect(Object.keys(bad.extra.fields ?? {})).toEqual(["after"]);
    const tooMany = await expectAppError(listEvents(cast.partner, { limit: "501" }), "BAD_REQUEST");
    expect(Object.keys(tooMany.extra.fields ?? {})).toEqual(["limit"]);

    const { secret } = await createApiToken(cast.partner, { name: "feed", expiresInDays: 1 }, context());
    const response = await eventsRoute(new Request("http://caseway.test/api/v1/events?after=abc", { headers: { authorization: `Bearer ${secret}` } }), {
      params: Promise.resolve({} as never),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", fields: { after: expect.any(String) } } });
  });
});
