import "server-only";
import { recipientsOf, type Person, type WorkOnRecord } from "@/domain/notifications/audience";
import { isNotificationKind, noticeTitle, recordLink, type NotificationKind, type NotificationReason } from "@/domain/notifications/kinds";
import type { Role } from "@/domain/roles";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "../db";
import { caseEventView, loadCaseDocumentsIn } from "../cases/list-case-events";
import { LOR_EVENT_LABELS } from "../lors/list-lor-events";
import { queueNotificationEmails } from "./email-queue";
import { queueWebhookDeliveries } from "../webhooks/queue-deliveries";

/** An outbox event once dispatched: what the feed, the e-mails and the webhooks say about it. */
export interface DispatchedEvent {
  id: bigint;
  feedSeq: bigint;
  kind: NotificationKind;
  occurredAt: Date;
  targetType: string;
  targetId: string;
  caseId: string | null;
  lorId: string | null;
  countryId: string | null;
  agencyId: string | null;
  subject: string | null;
  title: string;
  partnerTitle: string | null;
  link: string | null;
}

/** A notice just written, for the e-mail queue. */
export interface NewNotice {
  notificationId: bigint;
  userId: string;
  kind: NotificationKind;
  reason: NotificationReason;
  title: string;
  link: string | null;
}

/** Events per dispatch transaction: small enough to keep locks short, large enough to drain a burst quickly. */
const BATCH = 100;
/**
 * Notices and deliveries are news: an event that happened more than 30 days before its dispatch (history loaded in
 * bulk, such as the demo's past year, or a restored backup) takes its place in the feed but tells nobody.
 */
const NEWS_WINDOW_MS = 30 * 86_400_000;
/** People per live signal: 36-character ids, well inside NOTIFY's 8,000-byte payload. */
const SIGNAL_USERS = 150;
/** Only one dispatcher runs at a time (feed order is dispatch order); others find the lock taken and leave. */
const DISPATCH_LOCK = 7_150_015;

interface OutboxRow {
  id: bigint;
  kind: string;
  audit_event_id: bigint | null;
  target_type: string;
  target_id: string;
  actor_user_id: string | null;
  occurred_at: Date;
  facts: Record<string, unknown> | null;
}

/**
 * Dispatches every event written to the outbox and not yet dispatched, oldest first, in batches: the notices of the
 * people who should hear of it, their e-mails, the webhook deliveries, the event's place in the feed, and a signal
 * to live pages. Safe to run on several instances at once (one holds the lock, the others return) and to run again
 * after a crash (a batch commits whole or not at all). Returns how many events it dispatched.
 */
export async function dispatchOutbox(now: Date = new Date(), only?: { targetIds: readonly string[] }): Promise<number> {
  // `only`: the events of these records alone (an integration test's own, in a database other test files share and
  // dispatch at the same time).
  const scope = only ? Prisma.sql`AND target_id = ANY(${[...only.targetIds]}::text[])` : Prisma.empty;
  let total = 0;
  for (;;) {
    const dispatched = await db().$transaction(
      async (tx) => {
        // The job leaves when another dispatcher holds the lock (that one will take these events too); a targeted
        // dispatch waits its turn, since nobody else will take its events.
        if (only) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK})`;
        else {
          const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${DISPATCH_LOCK}) AS locked`;
          if (!lock?.locked) return -1;
        }
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, kind, audit_event_id, target_type, target_id, actor_user_id, occurred_at, facts
            FROM outbox_events WHERE dispatched_at IS NULL ${scope} ORDER BY id LIMIT ${BATCH}`;
        for (const row of rows) await dispatchOne(tx, row, now);
        return rows.length;
      },
      { timeout: 60_000 },
    );
    if (dispatched <= 0) return total;
    total += dispatched;
    if (dispatched < BATCH) return total;
  }
}

interface Described {
  caseId: string | null;
  lorId: string | null;
  countryId: string | null;
  agencyId: string | null;
  subject: string | null;
  title: string;
  partnerTitle: string | null;
  work: WorkOnRecord[];
  /** People named by the event itself (who proposed a policy change, who owns a failing webhook). */
  namedUserIds: string[];
}

async function dispatchOne(tx: Tx, row: OutboxRow, now: Date) {
  const kind = isNotificationKind(row.kind) ? row.kind : null;
  const described = kind ? await describe(tx, row) : null;
  const [{ seq }] = (await tx.$queryRaw<{ seq: bigint }[]>`SELECT nextval('outbox_feed_seq') AS seq`) as [{ seq: bigint }];
  const link = recordLink(row.target_type, row.target_id);
  await tx.outboxEvent.update({
    where: { id: row.id },
    data: {
      dispatchedAt: now,
      feedSeq: seq,
      caseId: described?.caseId ?? null,
      lorId: described?.lorId ?? null,
      countryId: described?.countryId ?? null,
      agencyId: described?.agencyId ?? null,
      subject: described?.subject ?? null,
      title: described?.title ?? null,
      partnerTitle: described?.partnerTitle ?? null,
      link,
    },
  });
  if (!kind || !described || now.getTime() - row.occurred_at.getTime() > NEWS_WINDOW_MS) return;

  const scope = {
    kind,
    partnerVisible: described.partnerTitle !== null,
    countryId: described.countryId,
    agencyId: described.agencyId,
    actorUserId: row.actor_user_id,
    work: described.work,
    namedUserIds: described.namedUserIds,
  };
  const people = await candidatesFor(tx, [...scope.work.map((w) => w.userId), ...described.namedUserIds], described);
  const recipients = recipientsOf(scope, people);
  // One insert for everyone: an office of many people must not cost a statement per person.
  const worded = recipients.map(({ person, reason }) => ({
    userId: person.id,
    eventId: row.id,
    reason,
    title: noticeTitle(described.subject, person.role === "PARTNER_OFFICER" ? described.partnerTitle! : described.title, reason).slice(0, 300),
  }));
  const created = worded.length
    ? await tx.notification.createManyAndReturn({ data: worded, skipDuplicates: true, select: { id: true, userId: true, reason: true, title: true } })
    : [];
  const notices: NewNotice[] = created.map((n) => ({
    notificationId: n.id,
    userId: n.userId,
    kind,
    reason: n.reason === "action" ? "action" : "update",
    title: n.title,
    link,
  }));
  await queueNotificationEmails(tx, notices, now);
  const event: DispatchedEvent = { id: row.id, feedSeq: seq, kind, occurredAt: row.occurred_at, targetType: row.target_type, targetId: row.target_id, ...described, link };
  await queueWebhookDeliveries(tx, event, now);
  // Live pages: delivered to every instance's listener when this transaction commits, never before. A NOTIFY payload
  // holds at most 8,000 bytes, so a large office's people go in several signals.
  const userIds = notices.map((n) => n.userId);
  for (let i = 0; i === 0 || i < userIds.length; i += SIGNAL_USERS) {
    const signal = JSON.stringify({ case: described.caseId, users: userIds.slice(i, i + SIGNAL_USERS) });
    await tx.$executeRaw`SELECT pg_notify('caseway_live', ${signal})`;
  }
}

/** The people a selector may name, in one read: the roles and organizations involved (a few dozen people). */
async function candidatesFor(tx: Tx, named: readonly (string | null)[], described: Described): Promise<Person[]> {
  const namedIds = named.filter((id): id is string => id !== null);
  const organizations = [described.countryId, described.agencyId].filter((id): id is string => id !== null);
  const rows = await tx.user.findMany({
    where: {
      active: true,
      OR: [
        { id: { in: namedIds } },
        { role: { in: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "FINANCE_OFFICER", "ADMIN", "POLICY_OFFICER"] } },
        { role: { in: ["PARTNER_OFFICER", "IA_CASE_MANAGER"] }, organizationId: { in: organizations } },
      ],
    },
    select: { id: true, role: true, organizationId: true },
  });
  return rows.map((r) => ({ id: r.id, role: r.role as Role, organizationId: r.organizationId }));
}

type Details = Record<string, unknown> | null;

async function describe(tx: Tx, row: OutboxRow): Promise<Described | null> {
  const audit = row.audit_event_id
    ? await tx.auditEvent.findUnique({
        where: { id: row.audit_event_id },
        select: { id: true, occurredAt: true, action: true, actorUserId: true, actorEmail: true, details: true },
      })
    : null;
  const details = (audit?.details ?? row.facts ?? null) as Details;
  switch (row.target_type) {
    case "case":
      return describeCaseEvent(tx, row, audit, details);
    case "lor":
      return describeLorEvent(tx, row, audit?.action ?? "");
    case "policy-change":
      return describePolicyEvent(tx, row, audit?.action ?? "", details);
    case "webhook_subscription":
      return describeWebhookEvent(tx, details);
    default:
      return null;
  }
}

/** A subscription turned off after failing: its owner hears of it, a partner owner too (it is their own system). */
async function describeWebhookEvent(tx: Tx, details: Details): Promise<Described> {
  const organizationId = typeof details?.organizationId === "string" ? details.organizationId : null;
  const organization = organizationId ? await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: true } }) : null;
  const title = String(details?.title ?? "A webhook subscription was turned off");
  const partner = organization?.kind === "PARTNER_COUNTRY";
  return {
    caseId: null,
    lorId: null,
    countryId: partner ? organizationId : null,
    agencyId: organization?.kind === "IMPLEMENTING_AGENCY" ? organizationId : null,
    subject: null,
    title,
    partnerTitle: partner ? title : null,
    work: [],
    namedUserIds: typeof details?.ownerId === "string" ? [details.ownerId] : [],
  };
}

async function describeCaseEvent(
  tx: Tx,
  row: OutboxRow,
  audit: { id: bigint; occurredAt: Date; action: string; actorUserId: string | null; actorEmail: string | null; details: unknown } | null,
  details: Details,
): Promise<Described | null> {
  const found = await tx.case.findUnique({ where: { id: row.target_id }, select: { id: true, identifier: true, countryId: true, implementingAgencyId: true } });
  if (!found) return null;
  let title: string;
  let partnerTitle: string | null;
  if (audit) {
    const docs = await loadCaseDocumentsIn(tx, found.id);
    const nobody = () => ({ who: "", office: "" });
    title = caseEventView(audit, { partner: false }, nobody, docs)?.label ?? audit.action;
    partnerTitle = caseEventView(audit, { partner: true }, nobody, docs)?.label ?? null;
  } else {
    // A timed event: its wording travels in its facts.
    title = String(details?.title ?? row.kind);
    partnerTitle = typeof details?.partnerTitle === "string" ? details.partnerTitle : null;
  }
  return {
    caseId: found.id,
    lorId: null,
    countryId: found.countryId,
    agencyId: found.implementingAgencyId,
    subject: found.identifier,
    title,
    partnerTitle,
    work: workOf(row),
    namedUserIds: [],
  };
}

/**
 * The work the event gave people: recorded with the event (src/server/audit.ts), or named by a timed event's facts.
 */
function workOf(row: OutboxRow): WorkOnRecord[] {
  const facts = row.facts ?? {};
  const recorded = Array.isArray(facts.work) ? (facts.work as WorkOnRecord[]) : [];
  if (typeof facts.inbox === "string") {
    recorded.push({
      inbox: facts.inbox,
      userId: typeof facts.userId === "string" ? facts.userId : null,
      excludedUserIds: Array.isArray(facts.excludedUserIds) ? (facts.excludedUserIds as string[]) : [],
    });
  }
  return recorded;
}

async function describeLorEvent(tx: Tx, row: OutboxRow, action: string): Promise<Described | null> {
  const lor = await tx.letterOfRequest.findUnique({
    where: { id: row.target_id },
    select: { id: true, countryId: true, routedAgencyId: true, subject: true, originatorReference: true },
  });
  if (!lor) return null;
  const label = LOR_EVENT_LABELS[action] ?? action;
  const name = lor.originatorReference ?? lor.subject ?? "Letter of request";
  return {
    caseId: null,
    lorId: lor.id,
    countryId: lor.countryId,
    agencyId: lor.routedAgencyId,
    subject: `Letter ${name}`.slice(0, 120),
    title: `Letter of request ${label.toLowerCase()}`,
    // The letter is the partner's own: they see every step of it.
    partnerTitle: `Letter of request ${label.toLowerCase()}`,
    work: [],
    namedUserIds: [],
  };
}

async function describePolicyEvent(tx: Tx, row: OutboxRow, action: string, details: Details): Promise<Described | null> {
  const change = await tx.policyChange.findUnique({ where: { id: row.target_id }, select: { proposedById: true, key: true } });
  if (!change) return null;
  const what =
    action === "policy.change-proposed" ? "proposed; it awaits an administrator's decision" : action === "policy.change-approved" ? "approved" : "rejected";
  return {
    caseId: null,
    lorId: null,
    countryId: null,
    agencyId: null,
    subject: `Policy ${String(details?.key ?? change.key)}`.slice(0, 120),
    title: `Change ${what}`,
    partnerTitle: null,
    work: [],
    // Whoever proposed a change hears how it was decided.
    namedUserIds: action === "policy.change-proposed" ? [] : [change.proposedById],
  };
}

export type { NotificationReason };
