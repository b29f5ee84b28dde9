// A year of past cases for the demo's predicted dates (issue 18 item 2): predictions need at least MINIMUM_SAMPLE past
// occurrences of each step per agency, and the demo cases alone are far too few. Six past cases per demo agency (Navy
// and Army), for NSPA (W7, a purchaser no demo user belongs to, so no partner list or demo identifier changes), each
// walked through the real workflow with backdated clocks from opening to the offer, then cancelled so that nothing
// waits in an inbox or on an offer clock. The Navy's DTSA reviews ran long (over their target), so a Navy case in
// review shows "at risk" with DTSA as the cause; the Army's ran short. Idempotent: skipped once the history exists.
import { DEMO_LOAS, fillBasicDraft } from "./demo-loas";
import { demoActors } from "./demo-steps";
import { dueDate } from "../src/domain/sla";
import type { CaseEvent, EventInput } from "../src/domain/workflow/case-workflow";
import type { PrismaClient } from "../src/generated/prisma/client";
import { commitCaseEvent, loadCase, loadWorkflowContext } from "../src/server/cases/case-store";
import { openCase } from "../src/server/cases/open-case";
import { refreshStepDurationStats } from "../src/server/insight/step-duration-stats";

const DAY = 86_400_000;
const HISTORY_CONTEXT = { requestId: "demo-seed-history", ip: null, userAgent: null };
const CUSTOMER = "W7";

const DSCA = "dsca@caseway.example";
const STATE = "state@caseway.example";
const DTSA = "dtsa@caseway.example";
const AGENCIES = [
  // DTSA took 34–41 calendar days on the Navy's cases: past its own target, and enough to push an offer past 45 days.
  { code: "P", manager: "navy@caseway.example", developmentDays: 18, dtsaDays: [34, 36, 41, 38, 35, 39] },
  { code: "B", manager: "army@caseway.example", developmentDays: 24, dtsaDays: [9, 12, 11, 14, 10, 13] },
] as const;

/** Business days after `from`, as the workflow's own clocks count them. */
const businessDaysAfter = (from: Date, days: number) => dueDate(from, { days, dayKind: "BUSINESS" });

export async function seedDemoHistory(prisma: PrismaClient, now = new Date()) {
  if (!(await prisma.auditEvent.count({ where: { targetType: "case", requestId: HISTORY_CONTEXT.requestId } }))) {
    const actor = demoActors(prisma);
    const country = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "PARTNER_COUNTRY", code: CUSTOMER } } });
    for (const agencyPlan of AGENCIES) {
      const agency = await prisma.organization.findUniqueOrThrow({ where: { kind_code: { kind: "IMPLEMENTING_AGENCY", code: agencyPlan.code } } });
      for (const [index, dtsaDays] of agencyPlan.dtsaDays.entries()) {
        // Spread over the last year, the newest finishing about two months ago.
        const openedAt = new Date(now.getTime() - (330 - index * 45) * DAY);
        const assigned = businessDaysAfter(openedAt, 2 + (index % 3));
        const approved = new Date(assigned.getTime() + (agencyPlan.developmentDays + (index % 4)) * DAY);
        const reviews: [CaseEvent, string, Date][] = [
          ["concur", DSCA, businessDaysAfter(approved, 5 + (index % 3))],
          ["concur", STATE, businessDaysAfter(approved, 4 + (index % 4))],
          ["concur", DTSA, new Date(approved.getTime() + dtsaDays * DAY)],
        ];
        reviews.sort((a, b) => a[2].getTime() - b[2].getTime());
        const lastReview = reviews.at(-1)![2];
        const signed = businessDaysAfter(lastReview, 2 + (index % 2));
        const countersigned = businessDaysAfter(signed, 1 + (index % 3));
        const offered = businessDaysAfter(countersigned, 1 + (index % 2));
        const steps: [CaseEvent, string, Date, EventInput?][] = [
          ["assign-agency", DSCA, assigned, { agencyId: agency.id }],
          ["approve-loa", agencyPlan.manager, approved],
          ...reviews,
          ["sign", agencyPlan.manager, signed],
          ["countersign", DSCA, countersigned],
          ["offer", agencyPlan.manager, offered],
          ["cancel", DSCA, new Date(offered.getTime() + DAY), { comment: "Demo history: the purchaser's requirement was met elsewhere after the offer." }],
        ];
        const opener = await actor(DSCA);
        const caseId = await prisma.$transaction(
          async (tx) => (await openCase(tx, opener, { lorId: null, country, agency, caseType: "DEFINED_ORDER" }, HISTORY_CONTEXT, openedAt)).id,
        );
        await fillBasicDraft(prisma, caseId, DEMO_LOAS.trainers);
        for (const [event, by, at, input = {}] of steps) {
          await prisma.$transaction(async (tx) => {
            const row = (await loadCase(tx, caseId))!;
            const context = await loadWorkflowContext(tx, row, at);
            await commitCaseEvent(tx, row, await actor(by), event, { ...input, expectedVersion: row.version }, context, HISTORY_CONTEXT);
          });
        }
      }
    }
  }
  // The medians predictions read; the job runner refreshes them daily and when it starts.
  await refreshStepDurationStats(prisma, now);
}
