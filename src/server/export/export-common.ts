import "server-only";
import type { Actor } from "@/domain/policy";
import type { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";

export const AGING_LABELS = {
  ON_TRACK: "On track",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  MET: "Met",
  MISSED: "Missed",
} as const;

/** An export discloses foreign governments' data: one audit event when it starts, with its filters and row count. */
export function recordExport(actor: Actor, action: "case.export" | "lor.export", filters: Record<string, unknown>, rows: number, context: RequestContext) {
  return recordAudit(db(), { action, outcome: "SUCCESS", actor, details: { format: "csv", filters: auditedFilters(filters), rows }, context });
}

/** The filters as the audit event records them: the ones given, as JSON. */
function auditedFilters(filters: Record<string, unknown>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== null)) as Prisma.InputJsonObject;
}
