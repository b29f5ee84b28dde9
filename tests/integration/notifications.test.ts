// Everyone is told (issue 15) against PostgreSQL: the outbox row is written with the change, in its transaction; the
// dispatch turns it into notices for the right people only — the partner hears of their offer, never of an internal
// review step or another country's case; the agency hears of new work; nobody hears of their own act — and a second
// dispatch (after a crash, or on a second instance at the same time) tells nobody twice.
import { beforeAll, describe, expect, it } from "vitest";
import { performCaseAction } from "@/server/cases/perform-case-action";
import { openLiveStream } from "@/server/live/open-live-stream";
import { countUnread, listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { openNotification } from "@/server/notifications/open-notification";
import { scanDeadlines } from "@/server/notifications/scan-deadlines";
import { seedLoaReference } from "../factories/loa";
import { caseAt, caseCast, dispatchFor, offeredCase } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

const noticesOf = (userId: string, caseIdentifier?: string) =>
  prisma.notification.findMany({
    where: { userId, ...(caseIdentifier ? { title: { contains: caseIdentifier } } : {}) },
    orderBy: { id: "asc" },
    select: { title: true, reason: true, event: { select: { kind: true } } },
  });

describe("the outbox", () => {
  it("is written in the change's transaction: a refused change leaves no event", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "IN_REVIEW");
    const before = await prisma.outboxEvent.count({ where: { targetId: caseId } });
    await expect(performCaseAction(cast.partner, caseId, "concur", { expectedVersion: 99 }, context())).rejects.toThrow();
    expect(await prisma.outboxEvent.count({ where: { targetId: caseId } })).toBe(before);
  });

  it("tells the partner of their offer and the agency of its new work, and nobody of their own act", async () => {
    const cast = await caseCast(prisma);
    const { identifier } = await offeredCase(cast);
    await dispatchFor(prisma, cast);

    const partner = await noticesOf(cast.partner.userId, identifier);
    expect(partner.map((n) => n.event.kind)).toContain("offer-issued");
    expect(partner.find((n) => n.event.kind === "offer-issued")!.title).toBe(`${identifier}: LOA offered to the partner`);
    // Reviews, signatures and the internal comment are U.S. Government business.
    expect(partner.map((n) => n.event.kind)).not.toContain("case-progress");
    expect(JSON.stringify(partner)).not.toContain("export licence");

    // The agency signs once every review is in: that is work for it, and it is told so.
    const agency = await noticesOf(cast.ia.userId, identifier);
    expect(agency.some((n) => n.reason === "action" && n.title.startsWith(`Action needed — ${identifier}`))).toBe(true);
    // The agency sent the offer itself: no notice of its own act.
    expect(agency.map((n) => n.event.kind)).not.toContain("offer-issued");
    // DSCA countersigns after the agency signs: that is work for DSCA's analysts, and the review before it was too.
    const dsca = (await noticesOf(cast.dsca.userId, identifier)).filter((n) => n.reason === "action").map((n) => n.title);
    expect(dsca).toContain(`Action needed — ${identifier}: Agency approved the LOA (MILAP)`);
    expect(dsca).toContain(`Action needed — ${identifier}: Agency signed the LOA (MILSGN)`);

    // Another country's officer and another agency's manager hear nothing of this case.
    expect(await noticesOf(cast.foreignPartner.userId, identifier)).toEqual([]);
    expect(await noticesOf(cast.otherIa.userId, identifier)).toEqual([]);
  });

  it("tells nobody twice when dispatched again or by two workers at once", async () => {
    const cast = await caseCast(prisma);
    const { identifier } = await offeredCase(cast);
    // Two instances' workers at the same moment, then a third run as after a crash and restart.
    await Promise.all([dispatchFor(prisma, cast), dispatchFor(prisma, cast)]);
    await dispatchFor(prisma, cast);
    const partner = await noticesOf(cast.partner.userId, identifier);
    expect(partner.filter((n) => n.event.kind === "offer-issued")).toHaveLength(1);
    const events = await prisma.outboxEvent.findMany({ where: { caseId: { not: null }, subject: identifier }, select: { feedSeq: true, dispatchedAt: true } });
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.dispatchedAt !== null && e.feedSeq !== null)).toBe(true);
    expect(new Set(events.map((e) => e.feedSeq)).size).toBe(events.length);
  });

  it("keeps an event written before a crash and dispatches it on the next run", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier, driver } = await caseAt(cast, "IN_REVIEW");
    await dispatchFor(prisma, cast);
    // The app dies after the commit and before any dispatch: the event waits in the outbox.
    await driver.do(cast.dsca, "return-for-rework", { comment: "Price the spares again", commentVisibility: "PARTNER_VISIBLE" });
    const waiting = await prisma.outboxEvent.findMany({ where: { targetId: caseId, dispatchedAt: null }, select: { kind: true } });
    expect(waiting.map((e) => e.kind)).toContain("review-returned");
    await dispatchFor(prisma, cast);
    const agency = await noticesOf(cast.ia.userId, identifier);
    expect(agency.filter((n) => n.event.kind === "review-returned")).toHaveLength(1);
  });
});

describe("news only", () => {
  it("an event from long ago (history loaded in bulk) takes its place in the feed but tells nobody", async () => {
    const cast = await caseCast(prisma);
    const { caseId } = await caseAt(cast, "IN_REVIEW");
    await dispatchFor(prisma, cast);
    const old = await prisma.outboxEvent.create({
      data: { kind: "offer-expired", targetType: "case", targetId: caseId, occurredAt: new Date(Date.now() - 30 * 86_400_000), facts: { title: "Offer expired", partnerTitle: "Offer expired" } },
    });
    await dispatchFor(prisma, cast);
    const dispatched = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: old.id } });
    expect(dispatched.feedSeq).not.toBeNull();
    expect(dispatched.partnerTitle).toBe("Offer expired");
    expect(await prisma.notification.count({ where: { eventId: old.id } })).toBe(0);
  });
});

describe("a person's notifications", () => {
  it("lists their own, filters them, marks them read, and opens the record", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await offeredCase(cast);
    await dispatchFor(prisma, cast);

    const page = await listNotifications(cast.partner, {});
    const offer = page.notifications.find((n) => n.kind === "offer-issued" && n.title.startsWith(identifier))!;
    expect(offer).toMatchObject({ group: "Offers and changes", reason: "update", link: `/cases/${caseId}`, readAt: null });
    expect(page.unreadCount).toBeGreaterThan(0);
    const letters = await listNotifications(cast.partner, { group: "Letters of request" });
    expect(letters.notifications.every((n) => n.group === "Letters of request")).toBe(true);
    await expectAppError(listNotifications(cast.partner, { group: "Gossip" }), "VALIDATION_FAILED");

    // Someone else's notice ids match nothing; their own is marked.
    expect(await markNotificationsRead(cast.foreignPartner, { ids: [offer.id] })).toEqual({ marked: 0 });
    const before = await countUnread(cast.partner);
    expect(await markNotificationsRead(cast.partner, { ids: [offer.id] })).toEqual({ marked: 1 });
    expect(await countUnread(cast.partner)).toBe(before - 1);
    expect((await listNotifications(cast.partner, { unread: "true" })).notifications.map((n) => n.id)).not.toContain(offer.id);

    await expectAppError(openNotification(cast.foreignPartner, offer.id), "NOT_FOUND");
    expect(await openNotification(cast.partner, offer.id)).toBe(`/cases/${caseId}`);
    await markNotificationsRead(cast.partner, { all: true });
    expect(await countUnread(cast.partner)).toBe(0);
  });

  it("streams a case's changes to someone who may see it, and answers 404 for another country's case", async () => {
    const cast = await caseCast(prisma);
    const { caseId, driver } = await caseAt(cast, "IN_REVIEW");
    await expectAppError(openLiveStream(cast.foreignPartner, { case: caseId }, new AbortController().signal), "NOT_FOUND");

    const abort = new AbortController();
    const response = await openLiveStream(cast.ia, { case: caseId }, abort.signal);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const until = async (text: string) => {
      const deadline = Date.now() + 15_000;
      while (!received.includes(text)) {
        if (Date.now() > deadline) throw new Error(`no "${text}" in the stream: ${received}`);
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        received += decoder.decode(value);
      }
    };
    await until("event: ready");
    // Give the listener a moment to be LISTENing before the change commits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const moved = await driver.do(cast.dsca, "concur");
    await until("event: case");
    expect(received).toContain(`"version":${moved.version}`);

    // The agency's case manager hears of a notice once the outbox is dispatched: State returns the case for rework.
    await driver.do(cast.state, "return-for-rework", { comment: "Price the spares again", commentVisibility: "PARTNER_VISIBLE" });
    await dispatchFor(prisma, cast);
    await until("event: notice");
    abort.abort();
  });
});

describe("deadlines nobody's action marks", () => {
  it("warns the partner and the agency as an offer nears its expiration date, once per threshold", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await offeredCase(cast);
    const now = new Date();
    const expires = new Date(now.getTime() + 10 * 86_400_000 - 60_000);
    await prisma.case.update({ where: { id: caseId }, data: { offerExpiresAt: expires } });
    const warnings = () => prisma.outboxEvent.findMany({ where: { targetId: caseId, kind: "oed-approaching" }, orderBy: { id: "asc" }, select: { dedupeKey: true } });

    await scanDeadlines(now);
    await scanDeadlines(now); // a second run (or instance) adds nothing
    expect((await warnings()).map((w) => w.dedupeKey!.split(":").at(-1))).toEqual(["14"]);
    // Eight days later, three days are left: the last warning.
    await scanDeadlines(new Date(now.getTime() + 8 * 86_400_000));
    expect((await warnings()).map((w) => w.dedupeKey!.split(":").at(-1))).toEqual(["14", "3"]);

    await dispatchFor(prisma, cast);
    const partner = (await noticesOf(cast.partner.userId, identifier)).filter((n) => n.event.kind === "oed-approaching").map((n) => n.title);
    expect(partner[0]).toMatch(new RegExp(`^${identifier}: Offer expires on [A-Z][a-z]{2} \\d{1,2}, \\d{4} \\(10 days left to accept\\)$`));
    expect((await noticesOf(cast.ia.userId, identifier)).some((n) => n.event.kind === "oed-approaching")).toBe(true);
    expect(await noticesOf(cast.foreignPartner.userId, identifier)).toEqual([]);
  });

  it("tells the office holding the work when it turns amber and again when it falls due", async () => {
    const cast = await caseCast(prisma);
    const { caseId, identifier } = await caseAt(cast, "IN_REVIEW");
    const now = new Date();
    // The reviews turned amber an hour ago and fall due in a day.
    await prisma.caseInboxEntry.updateMany({
      where: { caseId },
      data: { amberAt: new Date(now.getTime() - 3_600_000), dueAt: new Date(now.getTime() + 86_400_000), dueSort: new Date(now.getTime() + 86_400_000) },
    });
    await scanDeadlines(now);
    await scanDeadlines(new Date(now.getTime() + 86_400_000 + 60_000));
    await scanDeadlines(new Date(now.getTime() + 86_400_000 + 120_000));
    await dispatchFor(prisma, cast);

    const state = await noticesOf(cast.state.userId, identifier);
    expect(state.filter((n) => n.event.kind === "task-due-soon")).toHaveLength(1);
    expect(state.filter((n) => n.event.kind === "task-overdue")).toHaveLength(1);
    expect(state.find((n) => n.event.kind === "task-overdue")!.title).toMatch(new RegExp(`^Action needed — ${identifier}: .+: overdue since `));
    // The partner is never told of U.S. Government deadlines.
    expect((await noticesOf(cast.partner.userId, identifier)).filter((n) => n.event.kind.startsWith("task-"))).toEqual([]);
  });
});
