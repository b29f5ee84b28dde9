import "server-only";
import type { Prisma } from "../../generated/prisma/client";

export const AGING_LABELS = {
  ON_TRACK: "On track",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  MET: "Met",
  MISSED: "Missed",
} as const;

/** The filters as the audit event records them: the ones given, as JSON. */
export function auditedFilters(filters: Record<string, unknown>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== null)) as Prisma.InputJsonObject;
}
