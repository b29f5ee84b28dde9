import "server-only";
import { VALIDATION_CLOCK_STATUSES, WITH_USG_STATUSES } from "@/domain/lor/workflow";
import { can, type Actor } from "@/domain/policy";
import { db } from "../db";
import { lorScope } from "../lors/lor-record";
import { activeTokensOf } from "../tokens/token-view";

const DAY = 86_400_000;

/** What each role's home page shows, built only from what this person may see. */
export async function getHomeSummary(actor: Actor, now = new Date()) {
  const organization = await db().organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
  const colleagues = await db().user.findMany({
    where: { organizationId: actor.organizationId, active: true, NOT: { id: actor.userId } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
    take: 12,
  });
  const activeTokens = await db().apiToken.count({ where: activeTokensOf(actor.userId, now) });

  const reference =
    actor.role === "PARTNER_OFFICER"
      ? null
      : await (async () => {
          const grouped = await db().organization.groupBy({ by: ["kind", "verified"], _count: { _all: true } });
          const count = (kind: string, verified?: boolean) =>
            grouped
              .filter((g) => g.kind === kind && (verified === undefined || g.verified === verified))
              .reduce((sum, g) => sum + g._count._all, 0);
          const natoPlus = await db().organization.count({ where: { kind: "PARTNER_COUNTRY", natoPlus: true } });
          const unverified = await db().organization.findMany({
            where: { verified: false },
            select: { id: true, code: true, name: true, kind: true },
            orderBy: [{ kind: "asc" }, { code: "asc" }],
          });
          return {
            partners: count("PARTNER_COUNTRY"),
            natoPlus,
            agencies: count("IMPLEMENTING_AGENCY"),
            unverified,
          };
        })();

  const users = can(actor, "listUsers")
    ? await (async () => {
        const byRole = await db().user.groupBy({ by: ["role", "active"], _count: { _all: true } });
        return {
          active: byRole.filter((r) => r.active).reduce((s, r) => s + r._count._all, 0),
          inactive: byRole.filter((r) => !r.active).reduce((s, r) => s + r._count._all, 0),
          byRole: byRole.filter((r) => r.active).map((r) => ({ role: r.role, count: r._count._all })),
        };
      })()
    : null;

  const security = can(actor, "viewAuditLog")
    ? await (async () => {
        const since = new Date(now.getTime() - DAY);
        const [signIns, failures, denied, recent] = await Promise.all([
          db().auditEvent.count({ where: { action: "auth.sign_in", outcome: "SUCCESS", occurredAt: { gte: since } } }),
          db().auditEvent.count({ where: { action: "auth.sign_in", outcome: "FAILURE", occurredAt: { gte: since } } }),
          db().auditEvent.count({ where: { outcome: "DENIED", occurredAt: { gte: since } } }),
          db().auditEvent.findMany({ orderBy: { id: "desc" }, take: 8 }),
        ]);
        return {
          signIns,
          failures,
          denied,
          recent: recent.map((e) => ({
            id: e.id.toString(),
            occurredAt: e.occurredAt,
            action: e.action,
            outcome: e.outcome,
            actorEmail: e.actorEmail,
          })),
        };
      })()
    : null;

  const letters = can(actor, "listLors") ? await letterCounts(actor, now) : null;

  return { organization, colleagues, activeTokens, reference, users, security, letters };
}

/** Counts for the letters-of-request tiles, in the same scope as the list (own country, or submitted letters). */
async function letterCounts(actor: Actor, now: Date) {
  const partner = actor.role === "PARTNER_OFFICER";
  const scope = lorScope(actor);
  const [drafts, needChanges, withUsg, overdue, cases] = await Promise.all([
    partner ? db().letterOfRequest.count({ where: { ...scope, status: "DRAFT" } }) : Promise.resolve(0),
    db().letterOfRequest.count({ where: { ...scope, status: "INSUFFICIENT" } }),
    db().letterOfRequest.count({ where: { ...scope, status: { in: [...WITH_USG_STATUSES] } } }),
    db().letterOfRequest.count({
      where: { ...scope, status: { in: [...VALIDATION_CLOCK_STATUSES] }, validationDueAt: { lt: now } },
    }),
    db().case.count({ where: partner ? { countryId: actor.organizationId } : {} }),
  ]);
  return { drafts, needChanges, withUsg, overdue, cases };
}
