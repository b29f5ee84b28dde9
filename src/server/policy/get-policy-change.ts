import "server-only";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { PolicyChangeListQuery, PolicyImpactQuery, type PolicyChangeView, type PolicyImpactItemView } from "@/domain/schemas/policy";
import Decimal from "decimal.js";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { notFound, parseInput } from "../errors";
import { impactTotals } from "./policy-impact";
import { changeInclude, changeView, loadPolicyRows } from "./policy-store";

/** One proposal with its impact summary and what the actor may do with it. */
export async function getPolicyChange(actor: Actor, id: string, now = new Date()): Promise<PolicyChangeView> {
  assertCan(actor, "viewPolicyAdministration");
  if (!isUuid(id)) throw notFound("Policy change");
  const change = await db().policyChange.findUnique({ where: { id }, include: changeInclude });
  if (!change) throw notFound("Policy change");
  const [rows, impact] = await Promise.all([loadPolicyRows(db(), change.key), change.table === "PRICING_RATE" ? impactTotals(db(), change, now) : null]);
  return changeView(actor, change, { rows, impact });
}

/** Proposals, waiting ones first, newest first, a page at a time; filtered by status or series. */
export async function listPolicyChanges(actor: Actor, query: unknown = {}) {
  assertCan(actor, "viewPolicyAdministration");
  const { status, key, page, pageSize } = parseInput(PolicyChangeListQuery, query);
  const where = { ...(status ? { status } : {}), ...(key ? { key } : {}) };
  const [total, changes, rows] = await Promise.all([
    db().policyChange.count({ where }),
    db().policyChange.findMany({ where, include: changeInclude, orderBy: [{ status: "asc" }, { proposedAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    loadPolicyRows(db()),
  ]);
  // The list shows no impact totals (one aggregate each would be an N+1); the proposal's page does.
  return { items: changes.map((change) => changeView(actor, change, { rows, impact: null })), page, pageSize, total };
}

/** The documents a rate or threshold proposal would change, by case, a page at a time. */
export async function listPolicyImpact(actor: Actor, id: string, query: unknown = {}): Promise<{ items: PolicyImpactItemView[]; page: number; pageSize: number; total: number }> {
  assertCan(actor, "viewPolicyAdministration");
  if (!isUuid(id)) throw notFound("Policy change");
  const { page, pageSize } = parseInput(PolicyImpactQuery, query);
  const exists = await db().policyChange.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound("Policy change");
  const [total, rows] = await Promise.all([
    db().policyChangeImpact.count({ where: { policyChangeId: id } }),
    db().policyChangeImpact.findMany({ where: { policyChangeId: id }, orderBy: [{ caseIdentifier: "asc" }, { documentName: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const items = rows.map((row) => ({
    caseId: row.caseId,
    caseIdentifier: row.caseIdentifier,
    documentName: row.documentName,
    documentStatus: row.documentStatus,
    totalBefore: row.totalBefore.toFixed(2),
    totalAfter: row.totalAfter.toFixed(2),
    difference: new Decimal(row.totalAfter.toString()).minus(row.totalBefore.toString()).toFixed(2),
    notificationBefore: row.notificationBefore,
    notificationAfter: row.notificationAfter,
  }));
  return { items, page, pageSize, total };
}
