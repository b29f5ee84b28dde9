import { z } from "zod";
import { blankAsUndefined, PageQuery, searchText } from "./common";

export const AUDIT_OUTCOMES = ["SUCCESS", "FAILURE", "DENIED"] as const;

const isoDay = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2026-01-31` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: `${label} must be a real calendar date`,
    });

/**
 * The audit log counts its matches up to this many: it grows by every decision (1.6 million events at 100,000 cases),
 * and an exact count of a broad filter would read most of it on every page. Past it the page says "more than", and
 * the filters (dates, event, person) narrow it.
 */
export const AUDIT_COUNT_CAP = 10_000;

export const AuditQuery = PageQuery.extend({
  action: searchText("action", 80),
  actor: searchText("actor", 254).transform((value) => value?.toLowerCase()),
  /** Events by this user or about this user. */
  userId: blankAsUndefined(z.uuid({ error: "userId must be a valid identifier" })),
  outcome: blankAsUndefined(z.enum(AUDIT_OUTCOMES, { error: "outcome must be SUCCESS, FAILURE or DENIED" })),
  from: blankAsUndefined(isoDay("from")),
  to: blankAsUndefined(isoDay("to")),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { error: "from must be on or before to", path: ["from"] });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventView = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(AUDIT_OUTCOMES),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.unknown().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof AuditEventView>;
