import "server-only";
import { formatDate } from "@/lib/format";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";

const DAY_MS = 86_400_000;
/** How far back a scan looks: a day, so an hourly scan that missed a few runs still finds what turned due. */
const LOOKBACK_MS = DAY_MS;
/** The offer expiration date warnings (fms-domain.md §5: the partner must sign before the OED). */
export const OED_WARNING_DAYS = [30, 14, 3] as const;

/**
 * Writes the timed events nobody's action causes (issue 15): work that turned amber or fell due, offers nearing their
 * expiration date, statements past due and unpaid. Each is keyed by what it is about and its due moment, so a second
 * scan (or a second instance) adds nothing, and each scan reads only the last day's crossings through indexes.
 * Returns how many events it wrote.
 */
export async function scanDeadlines(now: Date = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS);
  const written = await Promise.all([
    // Work turning amber (due soon, until it falls due) and work falling due; the inbox row names who has it.
    timedWork("task-due-soon", "due-soon", Prisma.sql`e.amber_at`, Prisma.sql`e.amber_at > ${since} AND e.amber_at <= ${now} AND e.due_at > ${now}`, "due"),
    timedWork("task-overdue", "overdue", Prisma.sql`e.due_at`, Prisma.sql`e.due_at > ${since} AND e.due_at <= ${now}`, "overdue since"),
    oedWarnings(now),
    overduePayments(now),
  ]);
  return written.reduce((sum, n) => sum + n, 0);
}

/** One event per inbox row whose moment (`at`) falls in the window, worded "<the work>: <phrase> <due day>". */
function timedWork(kind: "task-due-soon" | "task-overdue", keyPrefix: string, at: Prisma.Sql, window: Prisma.Sql, phrase: string) {
  return db().$executeRaw`
    INSERT INTO outbox_events (kind, dedupe_key, target_type, target_id, occurred_at, facts)
    SELECT ${kind}, concat_ws(':', ${keyPrefix}::text, e.case_id, e.inbox, e.user_id, to_char(e.due_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS')),
           'case', e.case_id::text, ${at},
           jsonb_build_object('inbox', e.inbox, 'userId', e.user_id, 'excludedUserIds', to_jsonb(e.excluded_user_ids), 'dueAt', e.due_at,
                              'title', concat(e.waiting_for, ': ', ${phrase}::text, ' ', to_char(e.due_at AT TIME ZONE 'UTC', 'Mon FMDD, YYYY')))
      FROM case_inbox_entries e
     WHERE ${window}
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** One warning per offer at the nearest threshold it has reached (30, 14 or 3 days before its OED). */
async function oedWarnings(now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...OED_WARNING_DAYS) * DAY_MS);
  const thresholds = [...OED_WARNING_DAYS].sort((a, b) => a - b);
  const offers = await db().$queryRaw<{ id: string; offer_expires_at: Date }[]>`
    SELECT id, offer_expires_at FROM cases WHERE status = 'OFFERED' AND offer_expires_at > ${now} AND offer_expires_at <= ${horizon}`;
  let written = 0;
  for (const offer of offers) {
    const daysLeft = Math.ceil((offer.offer_expires_at.getTime() - now.getTime()) / DAY_MS);
    const threshold = thresholds.find((t) => daysLeft <= t)!;
    const when = formatDate(offer.offer_expires_at.toISOString());
    const text = `Offer expires on ${when} (${daysLeft === 1 ? "1 day" : `${daysLeft} days`} left to accept)`;
    const facts = { offerExpiresAt: offer.offer_expires_at.toISOString(), threshold, title: text, partnerTitle: text };
    written += await db().$executeRaw`
      INSERT INTO outbox_events (kind, dedupe_key, target_type, target_id, occurred_at, facts)
      VALUES ('oed-approaching', ${`oed:${offer.id}:${offer.offer_expires_at.toISOString()}:${threshold}`}, 'case', ${offer.id}, ${now},
              ${JSON.stringify(facts)}::jsonb)
      ON CONFLICT (dedupe_key) DO NOTHING`;
  }
  return written;
}

/** Statements that fell due in the last day with part of their amount still unpaid. */
async function overduePayments(now: Date): Promise<number> {
  const today = new Date(now.toISOString().slice(0, 10));
  const yesterday = new Date(today.getTime() - DAY_MS);
  const rows = await db().$queryRaw<{ id: string; case_id: string; due_on: Date; unpaid: Prisma.Decimal }[]>`
    SELECT s.id, s.case_id, s.due_on, s.amount_due - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.statement_id = s.id), 0) AS unpaid
      FROM billing_statements s
     WHERE s.due_on >= ${yesterday} AND s.due_on < ${today} AND s.amount_due > 0`;
  let written = 0;
  for (const row of rows) {
    if (new Prisma.Decimal(row.unpaid).lte(0)) continue;
    const text = `Payment due ${formatDate(row.due_on.toISOString().slice(0, 10))} is overdue`;
    written += await db().$executeRaw`
      INSERT INTO outbox_events (kind, dedupe_key, target_type, target_id, occurred_at, facts)
      VALUES ('payment-overdue', ${`payment-overdue:${row.id}`}, 'case', ${row.case_id}, ${now},
              ${JSON.stringify({ statementId: row.id, title: text, partnerTitle: text })}::jsonb)
      ON CONFLICT (dedupe_key) DO NOTHING`;
  }
  return written;
}
