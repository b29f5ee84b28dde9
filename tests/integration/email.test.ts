// E-mail (issue 15 §3) against PostgreSQL and a real SMTP server in this process (smtp-server) as the relay: a notice
// the reader wants at once is sent once, with a subject that names only the kind of event; a digest preference holds
// it for the day's one digest; "off" sends nothing; a relay that refuses or is not there leaves the message queued
// with a later attempt, and the dispatch that queued it is untouched; two send runs at once send each message once.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { mailTransport } from "@/server/email/mail-transport";
import { queueDailyDigests } from "@/server/email/queue-daily-digests";
import { sendPendingEmails } from "@/server/email/send-pending-emails";
import { getNotificationPreferences } from "@/server/notifications/get-notification-preferences";
import { updateNotificationPreferences } from "@/server/notifications/update-notification-preferences";
import { seedLoaReference } from "../factories/loa";
import { type Cast, caseCast, castUserIds, dispatchFor, offeredCase } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";

const prisma = testPrisma();

interface Received {
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  text: string;
}

/** An SMTP relay on a free port that keeps what it accepts, or refuses every message with 550 when told to. */
class TestRelay {
  readonly received: Received[] = [];
  refuse = false;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (this.refuse) {
          const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        this.received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: header(raw, "Subject"),
          messageId: header(raw, "Message-ID"),
          text: textPart(raw),
        });
        callback();
      });
    },
  });
  port = 0;

  async start() {
    this.server.listen(0, "127.0.0.1");
    await once(this.server.server, "listening");
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }
  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }
  to(address: string) {
    return this.received.filter((m) => m.to.includes(address));
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, "mi").exec(raw)?.[1]?.replace(/\r\n[ \t]/g, " ") ?? "";

/** The text/plain part, quoted-printable decoded (nodemailer's choice for text with non-ASCII characters). */
function textPart(raw: string): string {
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? "";
  const start = /Content-Type: text\/plain[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/i.exec(raw);
  const rest = start ? raw.slice(start.index + start[0].length) : "";
  const body = rest.slice(0, rest.indexOf(`\r\n--${boundary}`));
  const soft = body.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

let relay: TestRelay;

beforeAll(async () => {
  process.env.APP_URL = "https://caseway.test";
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
  relay = await new TestRelay().start();
});

afterAll(async () => {
  await relay.stop();
});

/**
 * Sends the due messages of these people only: other files' are not this file's to send, and sending every message
 * the shared database holds at that moment can take longer than a test may.
 */
const send = (userIds: readonly string[], now = new Date()) => sendPendingEmails({ now, transport: mailTransport(relay.url), only: { userIds } });
const digests = (cast: Cast, now = new Date()) => queueDailyDigests(now, { userIds: castUserIds(cast) });

const messagesOf = (userId: string) =>
  prisma.emailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("e-mail for a notice", () => {
  it("sends an immediate notice once, to its reader, with the kind's subject and the record in the body", async () => {
    const cast = await caseCast(prisma);
    const { identifier, caseId } = await offeredCase(cast);
    await dispatchFor(prisma, cast);
    await send(castUserIds(cast));
    await send(castUserIds(cast)); // a second run finds nothing left to send

    const mails = relay.to(cast.partner.email).filter((m) => m.subject === "An LOA is offered for your acceptance");
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.text).toContain(`${identifier}: LOA offered to the partner`);
    expect(mail!.text).toContain(`https://caseway.test/cases/${caseId}`);
    expect(mail!.text).toContain("https://caseway.test/profile/notifications");
    expect(mail!.messageId).toMatch(/^<caseway\.[0-9a-f]{32}@caseway\.test>$/);
    // Nothing that names the partner's case is in any subject the relay saw.
    for (const m of relay.received) expect(m.subject).not.toContain(identifier);

    const [row] = (await messagesOf(cast.partner.userId)).filter((m) => m.subject === mail!.subject);
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    const notice = await prisma.notification.findFirst({ where: { userId: cast.partner.userId, event: { kind: "offer-issued" } } });
    expect(notice?.emailState).toBe("SENT");
  });

  it("holds notices for the daily digest when the reader chose it, and the digest sends them all in one message", async () => {
    const cast = await caseCast(prisma);
    const saved = await updateNotificationPreferences(cast.partner, { preferences: { "offer-issued": "DIGEST", "case-opened": "DIGEST" } }, context());
    expect(saved.groups.flatMap((g) => g.items).find((i) => i.kind === "offer-issued")?.email).toBe("DIGEST");
    const { identifier } = await offeredCase(cast);
    await dispatchFor(prisma, cast);
    await send(castUserIds(cast));
    expect(relay.to(cast.partner.email)).toEqual([]);
    const held = await prisma.notification.findMany({ where: { userId: cast.partner.userId, emailState: "DIGEST" }, select: { title: true } });
    expect(held.length).toBeGreaterThanOrEqual(2);

    const day = new Date();
    await Promise.all([digests(cast, day), digests(cast, day)]); // two instances' runs: one digest
    await digests(cast, day);
    await send(castUserIds(cast));
    const received = relay.to(cast.partner.email);
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("Your Caseway daily digest");
    for (const { title } of held) expect(received[0]!.text).toContain(title);
    expect(received[0]!.text).toContain(`${identifier}: LOA offered to the partner`);
    expect(await prisma.notification.count({ where: { userId: cast.partner.userId, emailState: "DIGEST" } })).toBe(0);
  });

  it("sends nothing for a kind the reader turned off", async () => {
    const cast = await caseCast(prisma);
    await updateNotificationPreferences(cast.partner, { preferences: { "offer-issued": "OFF" } }, context());
    const { identifier } = await offeredCase(cast);
    await dispatchFor(prisma, cast);
    await send(castUserIds(cast));
    await digests(cast);
    await send(castUserIds(cast));
    // Other kinds still come (the letter's steps, in the digest); the offer is in no message at all.
    expect(relay.to(cast.partner.email).filter((m) => m.subject === "An LOA is offered for your acceptance")).toEqual([]);
    for (const m of relay.to(cast.partner.email)) expect(m.text).not.toContain(`${identifier}: LOA offered`);
    expect((await messagesOf(cast.partner.userId)).filter((m) => m.textBody.includes("LOA offered"))).toEqual([]);
    // The notice itself still arrives in the app.
    const notice = await prisma.notification.findFirst({ where: { userId: cast.partner.userId, event: { kind: "offer-issued" } } });
    expect(notice?.emailState).toBe("NONE");
  });
});

describe("a relay that does not accept the message", () => {
  it.each([
    ["refuses it (550)", () => mailTransport(relay.url), true],
    ["is not there (connection refused)", () => mailTransport("smtp://127.0.0.1:1"), false],
  ])("%s: the message stays queued with one attempt and a later try, and the dispatch is unaffected", async (_, transport, refuse) => {
    const cast = await caseCast(prisma);
    const { caseId } = await offeredCase(cast);
    const dispatched = await dispatchFor(prisma, cast);
    expect(dispatched).toBeGreaterThan(0);
    const now = new Date();
    relay.refuse = refuse;
    try {
      await sendPendingEmails({ now, transport: transport(), only: { userIds: castUserIds(cast) } });
    } finally {
      relay.refuse = false;
    }
    const [row] = (await messagesOf(cast.partner.userId)).filter((m) => m.subject === "An LOA is offered for your acceptance");
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(row!.lastError).toBeTruthy();
    // What the dispatch wrote stands: the notice, the event's place in the feed.
    const notice = await prisma.notification.findFirst({ where: { userId: cast.partner.userId, event: { kind: "offer-issued", targetId: caseId } } });
    expect(notice?.emailState).toBe("PENDING");
    expect(await prisma.outboxEvent.count({ where: { targetId: caseId, dispatchedAt: null } })).toBe(0);

    // Not due yet: a run now leaves it alone; once due, it goes.
    await send(castUserIds(cast), now);
    expect((await prisma.emailMessage.findUnique({ where: { id: row!.id } }))?.attempts).toBe(1);
    await send(castUserIds(cast), new Date(row!.nextAttemptAt.getTime() + 1));
    expect(await prisma.emailMessage.findUnique({ where: { id: row!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(relay.to(cast.partner.email).filter((m) => m.subject === row!.subject)).toHaveLength(1);
  });
});

describe("two send runs at once", () => {
  it("send each message once", async () => {
    const casts = await Promise.all([caseCast(prisma), caseCast(prisma)]);
    for (const cast of casts) await offeredCase(cast);
    for (const cast of casts) await dispatchFor(prisma, cast);
    const now = new Date();
    const userIds = casts.flatMap(castUserIds);
    const dueNow = { status: "PENDING" as const, nextAttemptAt: { lte: now }, userId: { in: userIds } };
    const due = await prisma.emailMessage.count({ where: dueNow });
    expect(due).toBeGreaterThan(2);
    const before = relay.received.length;
    const [a, b] = await Promise.all([send(userIds, now), send(userIds, now)]);
    expect(a.sent + b.sent).toBe(due);
    const sent = relay.received.slice(before);
    expect(sent).toHaveLength(due);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(due);
    expect(await prisma.emailMessage.count({ where: dueNow })).toBe(0);
  });
});

describe("preferences", () => {
  it("are the person's own, default until chosen, audited when changed, and refuse a kind their role never receives", async () => {
    const cast = await caseCast(prisma);
    const before = await getNotificationPreferences(cast.partner);
    const items = before.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.kind === "offer-issued")?.email).toBe("IMMEDIATE");
    expect(before.groups.map((g) => g.group)).not.toContain("Policy");

    await updateNotificationPreferences(cast.partner, { preferences: { "shipment-sent": "OFF" } }, context());
    const audit = await prisma.auditEvent.findFirst({ where: { action: "notification.preferences", actorUserId: cast.partner.userId } });
    expect(audit?.details).toEqual({ changes: [{ kind: "shipment-sent", from: "DIGEST", to: "OFF" }] });
    // Saving the same again changes and records nothing.
    await updateNotificationPreferences(cast.partner, { preferences: { "shipment-sent": "OFF" } }, context());
    expect(await prisma.auditEvent.count({ where: { action: "notification.preferences", actorUserId: cast.partner.userId } })).toBe(1);
    // Someone else's settings are untouched.
    expect((await getNotificationPreferences(cast.foreignPartner)).groups.flatMap((g) => g.items).find((i) => i.kind === "shipment-sent")?.email).toBe("DIGEST");

    await expect(updateNotificationPreferences(cast.partner, { preferences: { "policy-proposed": "OFF" } }, context())).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      extra: { fields: { "preferences.policy-proposed": "Your role does not receive this kind of notification" } },
    });
    await expect(updateNotificationPreferences(cast.partner, { preferences: { "offer-issued": "WEEKLY" } }, context())).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      extra: { fields: { "preferences.offer-issued": expect.stringContaining("DIGEST") } },
    });
  });
});
