import "server-only";
import { decide, type Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { SdrListQuery, type CaseSdrListView } from "@/domain/schemas/sdr";
import { db } from "../db";
import { notFound, parseInput } from "../errors";
import { authorize, loadSdrPolicy, sdrInclude, subjectOf, toSdrSummary } from "./sdr-store";

/** A case's reports, newest first, a page at a time (by the case's unique (case, number) index). */
export async function listCaseSdrs(actor: Actor, caseId: string, query: unknown = {}, now: Date = new Date()): Promise<CaseSdrListView> {
  const { page, pageSize } = parseInput(SdrListQuery, query);
  if (!isUuid(caseId)) throw notFound("Case");
  const found = await db().case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      identifier: true,
      status: true,
      countryId: true,
      implementingAgencyId: true,
      country: { select: { name: true } },
      implementingAgency: { select: { name: true } },
    },
  });
  if (!found) throw notFound("Case");
  authorize(actor, "viewExecution", subjectOf(found));
  const [rows, total, policy] = await Promise.all([
    db().supplyDiscrepancyReport.findMany({
      where: { caseId },
      include: sdrInclude,
      orderBy: { number: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db().supplyDiscrepancyReport.count({ where: { caseId } }),
    loadSdrPolicy(db()),
  ]);
  return {
    case: { id: found.id, identifier: found.identifier, status: found.status, country: found.country.name, agency: found.implementingAgency.name },
    items: rows.map((row) => toSdrSummary(row, found.identifier, policy.rules, now)),
    page,
    pageSize,
    total,
    canFile: decide(actor, "fileSdr", subjectOf(found)) === "allow" && found.status !== "CLOSED" && found.status !== "CANCELLED",
  };
}
