// Demo money for the executing Defined Order case (radiosExecuting): two quarterly statements issued by the billing
// job's own code at backdated moments — the day after implementation and the latest quarterly issue day — and one
// payment from Bandaria that covers part of what they bill. Idempotent: skipped once the case has a statement.
import Decimal from "decimal.js";
import { issueDayOf, statementDueOnFor } from "../src/domain/execution/billing";
import { actorFromUser } from "../src/domain/policy";
import { isoDay } from "../src/domain/sla";
import type { PrismaClient } from "../src/generated/prisma/client";
import { issueDueStatements, loadCaseFinances, recordPaymentOnCase } from "../src/server/finance/finance-store";
import type { DemoCaseIds } from "./demo-cases";

const DAY = 86_400_000;
const DEMO_CONTEXT = { requestId: "demo-seed-finance", ip: null, userAgent: null };
const FINANCE = "finance@caseway.example";

export async function seedDemoFinance(prisma: PrismaClient, ids: DemoCaseIds, now: Date = new Date()): Promise<void> {
  const caseId = ids.radiosExecuting;
  if (await prisma.billingStatement.count({ where: { caseId } })) return;
  const { implementedAt } = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { implementedAt: true } });
  const implemented = implementedAt ?? new Date(now.getTime() - 110 * DAY);

  // The job the day after implementation issued the statement that day called for; the job on the latest quarterly
  // issue day (06:05 UTC, as scheduled) issued the next. Both run as the clock, through the same code as the app.
  const latestIssue = new Date(`${issueDayOf(statementDueOnFor(isoDay(now)))}T06:05:00.000Z`);
  const moments = [new Date(implemented.getTime() + DAY), latestIssue > now ? now : latestIssue].filter((moment) => moment <= now);
  for (const moment of moments) {
    await issueDueStatements(prisma, moment, { caseIds: [caseId], context: DEMO_CONTEXT });
  }

  // Three weeks after the latest statement (or today, if sooner), Bandaria pays part of what is owed.
  const paidAt = new Date(Math.min(now.getTime(), moments[moments.length - 1]!.getTime() + 21 * DAY));
  const owed = await loadCaseFinances(prisma, caseId, paidAt);
  const balance = new Decimal(owed.account.balance);
  if (balance.lte(0)) return;
  const latest = owed.statements[0];
  const user = await prisma.user.findUniqueOrThrow({ where: { email: FINANCE }, include: { organization: true } });
  await recordPaymentOnCase(
    prisma,
    actorFromUser(user),
    caseId,
    {
      // About 60% of the balance, in whole thousands of dollars: a payment that covers part of it.
      amount: Decimal.max(new Decimal("0.01"), balance.times("0.6").div(1000).floor().times(1000)).toFixed(2),
      valueDate: isoDay(paidAt),
      reference: "BN-MOF-FMS-21093",
      statementId: latest?.id,
    },
    DEMO_CONTEXT,
    paidAt,
  );
}
