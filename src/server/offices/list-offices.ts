import "server-only";
import { officeName } from "@/domain/insight/dashboard";
import type { Actor } from "@/domain/policy";
import type { OfficeView } from "@/domain/schemas/offices";
import { INBOX_ROLES, inboxKey, type InboxRole } from "@/domain/workflow/inbox";
import { assertCan } from "../auth/actor";
import { db } from "../db";

/** Every office with a queue of cases (the inbox roles, one per implementing agency), its accountable person and who may be named. */
export async function listOffices(actor: Actor): Promise<OfficeView[]> {
  assertCan(actor, "assignOfficeAccountable");
  const [agencies, people, assigned] = await Promise.all([
    db().organization.findMany({ where: { kind: "IMPLEMENTING_AGENCY" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().user.findMany({
      where: { role: { in: Object.keys(INBOX_ROLES) as InboxRole[] }, active: true },
      select: { id: true, name: true, email: true, role: true, organizationId: true },
      orderBy: { name: "asc" },
    }),
    db().officeAccountable.findMany({ include: { user: { select: { id: true, name: true, email: true } } } }),
  ]);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const offices: { key: string; role: InboxRole; agencyId: string | null }[] = [
    ...(["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "FINANCE_OFFICER"] as const).map((role) => ({ key: inboxKey(role, null), role, agencyId: null })),
    ...agencies.map((a) => ({ key: inboxKey("IA_CASE_MANAGER", a.id), role: "IA_CASE_MANAGER" as const, agencyId: a.id })),
  ];
  return offices.map(({ key, role, agencyId }) => {
    const current = assigned.find((a) => a.inbox === key);
    return {
      office: key,
      officeName: officeName(key, names),
      accountable: current ? { ...current.user, assignedAt: current.assignedAt.toISOString() } : null,
      eligible: people.filter((p) => p.role === role && (agencyId === null || p.organizationId === agencyId)).map(({ id, name, email }) => ({ id, name, email })),
    };
  });
}
