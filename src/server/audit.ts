// Free of `server-only` so the demo seed records events (and extends case hash chains) the way the app does.
import { GENESIS_HASH, eventHash, type ChainedEventFields } from "../domain/audit-chain";
import { notificationKindOf } from "../domain/notifications/kinds";
import type { Actor } from "../domain/policy";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";
import { prepared } from "./json-rows";
import type { RequestContext } from "./request-context";

export type AuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<Actor, "userId" | "email" | "role" | "organizationId"> | null;
  /** For events without a signed-in actor, e.g. a failed sign-in: the e-mail that was tried. */
  actorEmail?: string;
  target?: { type: string; id: string };
  details?: Prisma.InputJsonValue;
  context: RequestContext;
  /** Keep the event out of its record's hash chain: refusals name a record without touching it (or locking it). */
  unchained?: boolean;
}

/** Records whose events are hash-chained (src/domain/audit-chain.ts). */
const CHAINED_TARGETS = new Set(["case"]);

/**
 * `npm run bench` measures what the hash chain costs (figure P4) against a server started with both variables set, on
 * its own throwaway database. Never set them anywhere else: events written so are outside their case's chain.
 */
const benchUnchainedAudit = () => process.env.CASEWAY_BENCH === "1" && process.env.CASEWAY_BENCH_UNCHAINED_AUDIT === "1";

export const chainKeyFor = (target: { type: string; id: string }) => `${target.type}:${target.id}`;

type ChainTail = { chainSeq: number; hash: string } | null;

/**
 * The last event of each chain this transaction has read or written, so that appending needs no read of the chain's
 * tail: the caller holds the record's row lock, so nobody else can extend the chain until the transaction ends.
 */
const chainTails = new WeakMap<Tx, Map<string, ChainTail>>();

/** Tells recordAudit the tail of a chain, read under the record's row lock (lockAndLoadCase reads it with the case). */
export function knowChainTail(tx: Tx, target: { type: string; id: string }, tail: ChainTail): void {
  const known = chainTails.get(tx) ?? new Map<string, ChainTail>();
  known.set(chainKeyFor(target), tail);
  chainTails.set(tx, known);
}

/** The event just appended: its id, and its place and hash on its record's chain (null when unchained). */
export interface AuditRecorded {
  id: bigint;
  chainSeq: number | null;
  hash: string | null;
}

/**
 * Appends an audit event inside the caller's transaction, so the event exists exactly when the change does. Events of
 * a chained record (a case) extend its hash chain; the caller holds the record's row lock, so appends never interleave
 * (and the unique chain sequence would refuse it if they did).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry, occurredAt: Date = new Date()): Promise<AuditRecorded> {
  const row: AuditRow = {
    occurredAt,
    action: entry.action,
    outcome: entry.outcome,
    actorUserId: entry.actor?.userId ?? null,
    actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
    actorRole: entry.actor?.role ?? null,
    actorOrganizationId: entry.actor?.organizationId ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: entry.details ?? null,
    ip: entry.context.ip,
    userAgent: entry.context.userAgent,
    requestId: entry.context.requestId,
  };
  if (!entry.target || entry.unchained || !CHAINED_TARGETS.has(entry.target.type) || benchUnchainedAudit()) {
    const id = await insertAuditEvent(tx, row, null, entry);
    return { id, chainSeq: null, hash: null };
  }
  const chainKey = chainKeyFor(entry.target);
  const known = chainTails.get(tx)?.get(chainKey);
  const last =
    known !== undefined
      ? known
      : await tx.auditEvent.findFirst({ where: { chainKey }, orderBy: { chainSeq: "desc" }, select: { chainSeq: true, hash: true } });
  // Round-trip the details through JSON so the hash covers exactly what jsonb will give back.
  const details = entry.details === undefined ? null : (JSON.parse(JSON.stringify(entry.details)) as Prisma.InputJsonValue);
  const chained = { ...row, details, chainKey, chainSeq: (last?.chainSeq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
  const hash = eventHash(chained);
  const id = await insertAuditEvent(tx, { ...row, details }, { chainKey, chainSeq: chained.chainSeq, prevHash: chained.prevHash, hash }, entry);
  knowChainTail(tx, entry.target, { chainSeq: chained.chainSeq, hash });
  return { id, chainSeq: chained.chainSeq, hash };
}

/** An event's stored fields before its place on a chain (the fields its hash covers, src/domain/audit-chain.ts). */
type AuditRow = Omit<ChainedEventFields, "chainKey" | "chainSeq" | "prevHash" | "outcome" | "details"> & {
  outcome: AuditOutcome;
  details: Prisma.InputJsonValue | null;
};

/**
 * The event and, when someone should hear about it, its outbox row: one statement (a data-modifying CTE), since every
 * audited step pays it (issue 11). Returns the event's id.
 */
async function insertAuditEvent(
  tx: Tx,
  row: AuditRow,
  chain: { chainKey: string; chainSeq: number; prevHash: string; hash: string } | null,
  entry: AuditEntry,
): Promise<bigint> {
  const outbox = outboxInsert(entry, row.occurredAt);
  const [inserted] = await tx.$queryRaw<{ id: bigint }[]>(prepared(Prisma.sql`
    WITH event AS (
      INSERT INTO audit_events (occurred_at, action, outcome, actor_user_id, actor_email, actor_role, actor_organization_id,
                                target_type, target_id, details, ip, user_agent, request_id, chain_key, chain_seq, prev_hash, hash)
      VALUES (${row.occurredAt}, ${row.action}, ${row.outcome}::"AuditOutcome", ${row.actorUserId}::uuid, ${row.actorEmail},
              ${row.actorRole}::"Role", ${row.actorOrganizationId}::uuid, ${row.targetType}, ${row.targetId},
              ${row.details === null ? null : JSON.stringify(row.details)}::jsonb, ${row.ip}, ${row.userAgent}, ${row.requestId},
              ${chain?.chainKey ?? null}, ${chain?.chainSeq ?? null}::int, ${chain?.prevHash ?? null}, ${chain?.hash ?? null})
      RETURNING id)${outbox}
    SELECT id FROM event`));
  return inserted!.id;
}

/**
 * The transactional outbox (issue 15): an event someone should hear about is written with its audit event, in the
 * same statement, so it exists exactly when the change does; the dispatch job tells people afterwards. A CTE that
 * follows `event` in insertAuditEvent, or nothing.
 */
function outboxInsert(entry: AuditEntry, occurredAt: Date): Prisma.Sql {
  if (entry.outcome !== "SUCCESS" || !entry.target) return Prisma.empty;
  const kind = notificationKindOf(entry.action, (entry.details ?? null) as Record<string, unknown> | null);
  if (!kind) return Prisma.empty;
  // For a case, the work this step gave people, as the case's inbox holds it now (a step's work starts when its event
  // happens): read here, in the same statement, because by dispatch time the next step may have replaced it.
  const work =
    entry.target.type === "case"
      ? Prisma.sql`(SELECT jsonb_build_object('work', jsonb_agg(jsonb_build_object('inbox', e.inbox, 'userId', e.user_id, 'excludedUserIds', to_jsonb(e.excluded_user_ids))))
                      FROM case_inbox_entries e WHERE e.case_id = ${entry.target.id}::uuid AND e.since >= ${occurredAt} HAVING count(*) > 0)`
      : Prisma.sql`NULL::jsonb`;
  return Prisma.sql`,
    outbox AS (
      INSERT INTO outbox_events (kind, audit_event_id, target_type, target_id, actor_user_id, occurred_at, facts)
      SELECT ${kind}, event.id, ${entry.target.type}, ${entry.target.id}, ${entry.actor?.userId ?? null}::uuid, ${occurredAt}, ${work}
        FROM event)`;
}
