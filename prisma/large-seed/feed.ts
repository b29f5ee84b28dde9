// The large seed writes its history in bulk, past recordAudit, so it also writes what the outbox's dispatch would have
// made of that history (src/server/notifications/dispatch-outbox.ts, ADR 0028): one dispatched feed event per
// notifiable case event, in time order, worded by the same functions the app uses. Being history (older than the
// dispatch's news window), it makes no notices, e-mails or webhook deliveries, exactly as a dispatch would not.
import { caseEventView } from "../../src/domain/cases/case-event-view";
import { notificationKindOf } from "../../src/domain/notifications/kinds";
import type { PrismaClient } from "../../src/generated/prisma/client";

/** What decides an event's kind and wording: the action and the few details the wording reads. */
interface WordingKey {
  action: string;
  event: string | null;
  office: string | null;
  visibility: string | null;
  to_status: string | null;
  /** A case opened from a letter of request says so. */
  from_lor: boolean;
}

const nobody = () => ({ who: "", office: "" });

/** The feed of the seeded events (their request ids start with `requestPrefix`) not yet in it; returns how many it added. */
export async function fillEventFeed(prisma: PrismaClient, requestPrefix: string): Promise<number> {
  const [table] = await prisma.$queryRawUnsafe<{ exists: boolean }[]>(`SELECT to_regclass('outbox_events') IS NOT NULL AS exists`);
  if (!table?.exists) return 0; // a database migrated before the outbox (the bench seeds older revisions too)
  const seeded = `${requestPrefix}%`;
  const keys = await prisma.$queryRawUnsafe<WordingKey[]>(
    `SELECT DISTINCT action, details->>'event' AS event, details->>'reviewOffice' AS office,
            details->>'commentVisibility' AS visibility, details->>'toStatus' AS to_status, details ? 'lorId' AS from_lor
       FROM audit_events WHERE request_id LIKE $1 AND target_type = 'case' AND outcome = 'SUCCESS'`,
    seeded,
  );
  const wordings = keys.flatMap((key) => {
    const details: Record<string, unknown> = { event: key.event, reviewOffice: key.office ?? undefined, commentVisibility: key.visibility, toStatus: key.to_status, ...(key.from_lor ? { lorId: "seeded" } : {}) };
    const kind = notificationKindOf(key.action, details);
    if (!kind) return [];
    const row = { id: 0n, occurredAt: new Date(0), action: key.action, actorUserId: null, actorEmail: null, details };
    const title = caseEventView(row, { partner: false }, nobody)?.label ?? key.action;
    const partnerTitle = caseEventView(row, { partner: true }, nobody)?.label ?? null;
    return [{ ...key, kind, title, partner_title: partnerTitle }];
  });
  if (wordings.length === 0) return 0;
  // Feed order is time order here (a live dispatch's order is the order it found the events in).
  return prisma.$executeRawUnsafe(
    `INSERT INTO outbox_events (kind, audit_event_id, target_type, target_id, actor_user_id, occurred_at, dispatched_at, feed_seq,
                                case_id, country_id, agency_id, subject, title, partner_title, link)
     SELECT kind, id, 'case', target_id, actor_user_id, occurred_at, occurred_at, nextval('outbox_feed_seq'),
            case_id, country_id, agency_id, identifier, title, partner_title, '/cases/' || case_id
       FROM (SELECT m.kind, a.id, a.target_id, a.actor_user_id, a.occurred_at, c.id AS case_id, c.country_id,
                    c.implementing_agency_id AS agency_id, c.identifier, m.title, m.partner_title
               FROM audit_events a
               JOIN jsonb_to_recordset($1::jsonb) AS m(action text, event text, office text, visibility text, to_status text,
                                                       from_lor boolean, kind text, title text, partner_title text)
                 ON m.action = a.action
                AND m.event IS NOT DISTINCT FROM a.details->>'event'
                AND m.office IS NOT DISTINCT FROM a.details->>'reviewOffice'
                AND m.visibility IS NOT DISTINCT FROM a.details->>'commentVisibility'
                AND m.to_status IS NOT DISTINCT FROM a.details->>'toStatus'
                AND m.from_lor = (a.details ? 'lorId')
               JOIN cases c ON c.id = a.target_id::uuid
              WHERE a.request_id LIKE $2 AND a.target_type = 'case' AND a.outcome = 'SUCCESS'
                AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.audit_event_id = a.id)
              ORDER BY a.occurred_at, a.id) history`,
    JSON.stringify(wordings),
    seeded,
  );
}
