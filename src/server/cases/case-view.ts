import "server-only";
import type { CaseStatus } from "@/domain/cases/identifier";
import type { CaseView } from "@/domain/schemas/cases";
import type { Prisma } from "../../generated/prisma/client";

export const caseInclude = {
  country: { select: { id: true, code: true, name: true } },
  implementingAgency: { select: { id: true, code: true, name: true } },
  lors: {
    select: { id: true, subject: true, originatorReference: true, requestType: true, status: true, completedAt: true },
    orderBy: { completedAt: "asc" },
  },
} satisfies Prisma.CaseInclude;

export type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

export function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    identifier: row.identifier,
    country: row.country,
    implementingAgency: row.implementingAgency,
    designator: row.designator,
    caseType: row.caseType,
    status: row.status as CaseStatus,
    version: row.version,
    openedAt: row.openedAt.toISOString(),
    letters: row.lors.map((l) => ({ ...l, completedAt: l.completedAt?.toISOString() ?? null })),
  };
}
