// A case row inserted directly, in any state, for tests that need many cases or dates the workflow would take weeks to
// reach (lists, inboxes, aging). It draws its designator and records its opening on the case's audit chain the way
// the app does, so its chain verifies; everything after that is whatever the test says.
import { randomUUID } from "node:crypto";
import { caseIdentifier } from "../../src/domain/cases/identifier";
import { dueDate, ruleInForce } from "../../src/domain/sla";
import type { CaseStatus, ReviewDecision, ReviewOffice, ReviewTaskStatus } from "../../src/domain/workflow/states";
import { STATUS_SLA_KEYS, WORKFLOW_RULE_KEYS } from "../../src/domain/workflow/states";
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client";
import { recordAudit } from "../../src/server/audit";
import { allocateDesignator } from "../../src/server/cases/allocate-designator";
import { refreshCaseInboxes } from "../../src/server/cases/case-inbox";

export interface ReviewSpec {
  office: ReviewOffice;
  status?: ReviewTaskStatus;
  openedAt?: Date;
  /** By default the office's rule applied to openedAt. */
  dueAt?: Date;
  decision?: ReviewDecision | null;
  decidedById?: string | null;
}

export interface CaseSpec {
  country: { id: string; code: string };
  agency: { id: string; code: string };
  /** Who opened it (any user; a DSCA analyst in the app). */
  openedById: string;
  status?: CaseStatus;
  openedAt?: Date;
  /** When the case entered its status; by default openedAt. */
  statusChangedAt?: Date;
  /** The target for the current state; by default the state's rule applied to statusChangedAt (null if none). */
  statusDueAt?: Date | null;
  /** Round-1 review tasks (for IN_REVIEW cases). */
  reviews?: ReviewSpec[];
  /** Any other column. */
  fields?: Partial<Prisma.CaseUncheckedCreateInput>;
}

export async function createCase(prisma: PrismaClient, spec: CaseSpec) {
  const status = spec.status ?? "OPENED";
  const openedAt = spec.openedAt ?? new Date();
  const statusChangedAt = spec.statusChangedAt ?? openedAt;
  const rules = await prisma.slaRule.findMany();
  const statusKey = STATUS_SLA_KEYS[status];
  const statusRule = statusKey ? ruleInForce(rules, statusKey, statusChangedAt) : null;
  const statusDueAt = spec.statusDueAt !== undefined ? spec.statusDueAt : statusRule ? dueDate(statusChangedAt, statusRule) : null;

  return prisma.$transaction(async (tx) => {
    const designator = await allocateDesignator(tx, spec.country.id, spec.agency.id);
    const identifier = caseIdentifier(spec.country.code, spec.agency.code, designator);
    const created = await tx.case.create({
      data: {
        identifier,
        designator,
        countryId: spec.country.id,
        implementingAgencyId: spec.agency.id,
        caseType: "DEFINED_ORDER",
        status,
        openedById: spec.openedById,
        openedAt,
        statusChangedAt,
        statusDueAt,
        statusSlaRuleId: spec.statusDueAt === undefined ? (statusRule?.id ?? null) : null,
        reviewRound: spec.reviews?.length ? 1 : 0,
        ...spec.fields,
      },
    });
    for (const review of spec.reviews ?? []) {
      const reviewRule = ruleInForce(rules, WORKFLOW_RULE_KEYS.review[review.office], review.openedAt ?? openedAt);
      const reviewOpenedAt = review.openedAt ?? openedAt;
      await tx.reviewTask.create({
        data: {
          caseId: created.id,
          round: 1,
          office: review.office,
          status: review.status ?? "OPEN",
          openedAt: reviewOpenedAt,
          dueAt: review.dueAt ?? (reviewRule ? dueDate(reviewOpenedAt, reviewRule) : reviewOpenedAt),
          slaRuleId: reviewRule?.id ?? null,
          decision: review.decision ?? null,
          decidedById: review.decidedById ?? null,
          decidedAt: review.status === "DECIDED" ? new Date() : null,
        },
      });
    }
    await recordAudit(
      tx,
      {
        action: "case.open",
        outcome: "SUCCESS",
        actorEmail: "test-factory",
        target: { type: "case", id: created.id },
        details: { identifier, toStatus: status, factory: true },
        context: { requestId: `factory-${randomUUID()}`, ip: null, userAgent: "test-factory" },
      },
      openedAt,
    );
    // The derived inbox, as the app writes it with every change to a case.
    await refreshCaseInboxes(tx, [created.id]);
    return created;
  });
}
