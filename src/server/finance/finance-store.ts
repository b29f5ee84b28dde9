// Billing and payments storage (ADR 0017, fms-domain.md §7.6): the facts a statement is computed from, issuing the
// statements a day calls for (at most one per case and due date, whoever runs the job and however late), recording
// payments, and reading a case's account. Every write holds the case's row lock and appends its audit event to the
// case's hash chain in the same transaction. Free of `server-only` and `@/` imports: the demo seed uses it.
import Decimal from "decimal.js";
import { randomUUID } from "node:crypto";
import {
  accountStanding,
  depositStanding,
  quarterlyStatement,
  statementDueOnFor,
  type LineProgress,
  type StatementFigures,
} from "../../domain/execution/billing";
import { toAmount } from "../../domain/money";
import type { Actor } from "../../domain/policy";
import type { CaseFinancesView, PaymentInput, PaymentView, StatementView } from "../../domain/schemas/finance";
import { isoDay, startOfUtcDay } from "../../domain/sla";
import type { CaseStatus } from "../../domain/workflow/states";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { recordAudit } from "../audit";
import { lockCase } from "../cases/case-store";
import type { Tx } from "../db";
import { AppError, fieldError, notFound } from "../errors";
import { loadLoaInForce, type LoaInForce } from "../execution/loa-in-force";
import type { RequestContext } from "../request-context";
import { refreshClosureInbox } from "../closure/closure-inbox";

/** The states in which a case is billed each quarter. */
export const BILLABLE_STATUSES = ["IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"] as const satisfies readonly CaseStatus[];

/** Payments arrive once the case is implemented, and may still arrive after closure (a final bill). */
const PAYABLE_STATUSES: readonly string[] = [...BILLABLE_STATUSES, "CLOSED"];

const ZERO = new Decimal(0);
const sumOf = (value: Prisma.Decimal | null | undefined) => new Decimal(value?.toString() ?? "0");
/** The last instant of a UTC day: what counts "by" that day. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

// ---- the facts a statement is computed from -----------------------------------------------------------------------

export interface BillingFacts {
  loa: LoaInForce;
  lines: LineProgress[];
  /** Deposits and payments with a value date on or before the day. */
  collected: string;
  /** Credits granted (SDR credits) by the end of the day. */
  credits: string;
}

/**
 * What a statement as of `asOf` (YYYY-MM-DD) is computed from: the LOA in force, and per line what was obligated
 * (contracts awarded; requisitions placed on blanket lines) and expended (value shipped, services performed) by
 * then; the money received and credits granted by then. Backdated statements (the demo) read the same way.
 */
export async function loadBillingFacts(tx: Tx, caseId: string, asOf: string): Promise<BillingFacts | null> {
  const loa = await loadLoaInForce(tx, caseId);
  if (!loa) return null;
  const until = endOfDay(asOf);
  const by = startOfUtcDay(asOf);
  const [obligations, requisitions, shipments, services, deposits, payments, credits] = await Promise.all([
    tx.lineObligation.groupBy({ by: ["lineNumber"], where: { caseId, awardedOn: { lte: by } }, _sum: { amount: true } }),
    tx.requisition.groupBy({
      by: ["lineNumber"],
      where: { caseId, status: { not: "CANCELLED" }, requestedAt: { lte: until } },
      _sum: { amount: true },
    }),
    tx.shipment.groupBy({ by: ["lineNumber"], where: { caseId, shippedOn: { lte: by } }, _sum: { value: true } }),
    tx.serviceRecord.groupBy({ by: ["lineNumber"], where: { caseId, performedTo: { lte: by } }, _sum: { value: true } }),
    tx.caseDeposit.aggregate({ where: { caseId, valueDate: { lte: by } }, _sum: { amount: true } }),
    tx.payment.aggregate({ where: { caseId, valueDate: { lte: by } }, _sum: { amount: true } }),
    creditsOf(tx, caseId, until),
  ]);
  const perLine = (rows: { lineNumber: string; _sum: Record<string, Prisma.Decimal | null> }[]) => {
    const map = new Map<string, Decimal>();
    for (const row of rows) {
      const value = Object.values(row._sum)[0];
      map.set(row.lineNumber, (map.get(row.lineNumber) ?? ZERO).plus(sumOf(value)));
    }
    return map;
  };
  const obligated = perLine([...obligations, ...requisitions]);
  const expended = perLine([...shipments, ...services]);
  const lines = loa.lines.map(
    (entry): LineProgress => ({
      lineNumber: entry.line.lineNumber,
      lineValue: entry.priced.base,
      loadedValue: entry.priced.loadedValue,
      obligated: toAmount(obligated.get(entry.line.lineNumber) ?? ZERO),
      expended: toAmount(expended.get(entry.line.lineNumber) ?? ZERO),
    }),
  );
  return {
    loa,
    lines,
    collected: toAmount(sumOf(deposits._sum.amount).plus(sumOf(payments._sum.amount))),
    credits,
  };
}

/** Credits the implementing agency granted on supply discrepancy reports, by `until`. */
async function creditsOf(tx: Tx, caseId: string, until: Date): Promise<string> {
  const credits = await tx.supplyDiscrepancyReport.aggregate({
    where: { caseId, decision: "CREDIT", decidedAt: { lte: until } },
    _sum: { creditAmount: true },
  });
  return toAmount(sumOf(credits._sum.creditAmount));
}

// ---- statements ---------------------------------------------------------------------------------------------------

export interface StatementWhen {
  dueOn: string;
  issuedOn: string;
  final: boolean;
}

export interface IssuedStatementRow extends StatementFigures, StatementWhen {
  id: string;
}

/**
 * Writes a statement unless the case already has one for that due date (and kind): the unique index decides, so a
 * second job instance or a late rerun issues nothing twice. The audit event joins the case's hash chain; the caller
 * holds the case's row lock. Answers the statement, or null when it already existed. The closure's final statement
 * goes through here too (`final: true`, figures from `finalStatement` in src/domain/execution/billing.ts).
 */
export async function writeStatement(
  tx: Tx,
  caseId: string,
  figures: StatementFigures,
  when: StatementWhen,
  by: { actor: Actor | null; context: RequestContext },
  now: Date,
): Promise<IssuedStatementRow | null> {
  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO billing_statements (id, case_id, due_on, issued_on, final, schedule_cumulative, forecast_cumulative,
                                    billed_cumulative, collected, credits, amount_due, created_at)
    VALUES (${id}::uuid, ${caseId}::uuid, ${when.dueOn}::date, ${when.issuedOn}::date, ${when.final},
            ${figures.scheduleCumulative}::numeric, ${figures.forecastCumulative}::numeric, ${figures.billedCumulative}::numeric,
            ${figures.collected}::numeric, ${figures.credits}::numeric, ${figures.amountDue}::numeric, ${now})
    ON CONFLICT (case_id, due_on, final) DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) return null;
  await recordAudit(
    tx,
    {
      action: "statement.issue",
      outcome: "SUCCESS",
      actor: by.actor,
      actorEmail: by.actor ? undefined : "clock",
      target: { type: "case", id: caseId },
      details: { statementId: id, ...when, ...figures },
      context: by.context,
    },
    now,
  );
  return { id, ...when, ...figures };
}

/** The quarterly statement due `dueOn`, computed as of `issuedOn`, for a locked case; null if none could be issued. */
export async function issueQuarterlyStatement(
  tx: Tx,
  caseId: string,
  when: { dueOn: string; issuedOn: string },
  by: { actor: Actor | null; context: RequestContext },
  now: Date,
): Promise<IssuedStatementRow | null> {
  const facts = await loadBillingFacts(tx, caseId, when.issuedOn);
  if (!facts) return null;
  const figures = quarterlyStatement({
    dueOn: when.dueOn,
    schedule: facts.loa.schedule,
    lines: facts.lines,
    loaTotal: facts.loa.totalEstimatedCost,
    collected: facts.collected,
    credits: facts.credits,
  });
  return writeStatement(tx, caseId, figures, { ...when, final: false }, by, now);
}

export interface StatementRunOptions {
  /** Cases read per keyset page. */
  batchSize?: number;
  /** Limit the run to these cases (tests, the demo seed); the job runs over every billable case. */
  caseIds?: readonly string[];
  /** The finance officer who asked for the run; the job itself runs as the clock. */
  actor?: Actor | null;
  context?: RequestContext;
}

export interface StatementRunResult {
  dueOn: string;
  issued: number;
}

/**
 * One keyset page of the cases in `status` that still lack the statement due `dueOn`, newest first, after `cursor`.
 * Exported so a test can show the plan walks the cases (status, opened_at) index.
 */
export function billableCasesPage(
  status: (typeof BILLABLE_STATUSES)[number],
  dueOn: string,
  cursor: { openedAt: Date; id: string } | null,
  limit: number,
  caseIds?: readonly string[],
): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (c.opened_at, c.id) < (${cursor.openedAt}, ${cursor.id}::uuid)` : Prisma.empty;
  const only = caseIds ? Prisma.sql`AND c.id = ANY(${[...caseIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    SELECT c.id, c.opened_at
      FROM cases c
     WHERE c.status = ${status}::"CaseStatus" ${after} ${only}
       AND NOT EXISTS (SELECT 1 FROM billing_statements s
                        WHERE s.case_id = c.id
                          AND (s.due_on = ${dueOn}::date OR (s.final AND (c.reopened_at IS NULL OR s.created_at >= c.reopened_at))))
     ORDER BY c.opened_at DESC, c.id DESC
     LIMIT ${limit}`;
}

/**
 * Issues, for every case being billed, the statement the day of `now` calls for (statementDueOnFor): on 20 February
 * a job that missed 15 January still issues the statement due 15 March. Cases are read in keyset pages straight from
 * SQL (status, then opened_at/id, behind the cases (status, opened_at) index), skipping those that already have
 * their statement, so a rerun costs one index scan; each case is then issued in its own transaction under its row
 * lock, with `ON CONFLICT DO NOTHING` settling any race with another instance.
 */
export async function issueDueStatements(prisma: PrismaClient, now: Date, options: StatementRunOptions = {}): Promise<StatementRunResult> {
  const batchSize = options.batchSize ?? 200;
  const issuedOn = isoDay(now);
  const dueOn = statementDueOnFor(issuedOn);
  const context = options.context ?? { requestId: `billing-${randomUUID()}`, ip: null, userAgent: "caseway-billing" };
  let issued = 0;
  for (const status of BILLABLE_STATUSES) {
    let cursor: { openedAt: Date; id: string } | null = null;
    for (;;) {
      const page: { id: string; opened_at: Date }[] = await prisma.$queryRaw<{ id: string; opened_at: Date }[]>(
        billableCasesPage(status, dueOn, cursor, batchSize, options.caseIds),
      );
      for (const row of page) {
        const statement = await prisma.$transaction(async (tx) => {
          if (!(await lockCase(tx, row.id))) return null;
          // The case may have moved on since the page was read: bill it only if it is still being billed.
          const current = await tx.case.findUnique({ where: { id: row.id }, select: { status: true, reopenedAt: true } });
          if (!current || !(BILLABLE_STATUSES as readonly string[]).includes(current.status)) return null;
          // A final statement closes the account, unless the case was reopened after it.
          const closedAccount = await tx.billingStatement.findFirst({
            where: { caseId: row.id, final: true, ...(current.reopenedAt ? { createdAt: { gte: current.reopenedAt } } : {}) },
            select: { id: true },
          });
          if (closedAccount) return null;
          return issueQuarterlyStatement(tx, row.id, { dueOn, issuedOn }, { actor: options.actor ?? null, context }, now);
        });
        if (statement) issued += 1;
      }
      if (page.length < batchSize) break;
      const last = page[page.length - 1]!;
      cursor = { openedAt: last.opened_at, id: last.id };
    }
  }
  return { dueOn, issued };
}

// ---- payments -----------------------------------------------------------------------------------------------------

/**
 * Records a payment on a locked case, with its audit event on the case's chain. A payment may cover part of a
 * statement, several statements, or arrive before any (money is applied oldest bill first when the account is read);
 * `statementId` only notes which statement the partner's remittance named.
 */
export async function insertPayment(
  tx: Tx,
  actor: Actor,
  caseId: string,
  input: PaymentInput,
  context: RequestContext,
  now: Date,
): Promise<PaymentView> {
  if (input.valueDate > isoDay(now)) throw fieldError("valueDate", "The value date cannot be in the future");
  const caseRow = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, implementedAt: true } });
  // A suspended case keeps its account: money may still arrive if it had been implemented.
  const payable = PAYABLE_STATUSES.includes(caseRow.status) || (caseRow.status === "SUSPENDED" && caseRow.implementedAt !== null);
  if (!payable) {
    throw new AppError("CONFLICT", "Payments are recorded once the case is implemented; until then record the initial deposit");
  }
  let statementDueOn: string | null = null;
  if (input.statementId) {
    const statement = await tx.billingStatement.findFirst({ where: { id: input.statementId, caseId }, select: { dueOn: true } });
    if (!statement) throw fieldError("statementId", "There is no such statement on this case");
    statementDueOn = isoDay(statement.dueOn);
  }
  const payment = await tx.payment.create({
    data: {
      caseId,
      statementId: input.statementId ?? null,
      amount: input.amount,
      valueDate: startOfUtcDay(input.valueDate),
      reference: input.reference,
      recordedById: actor.userId,
      recordedAt: now,
    },
  });
  await recordAudit(
    tx,
    {
      action: "payment.record",
      outcome: "SUCCESS",
      actor,
      target: { type: "case", id: caseId },
      details: { paymentId: payment.id, amount: input.amount, valueDate: input.valueDate, reference: input.reference, statementId: input.statementId ?? null },
      context,
    },
    now,
  );
  // A payment may settle the final bill: DSCA's "close" then belongs in My tasks.
  await refreshClosureInbox(tx, caseId, now);
  return {
    id: payment.id,
    amount: input.amount,
    valueDate: input.valueDate,
    reference: input.reference,
    statementId: input.statementId ?? null,
    statementDueOn,
    recordedAt: now.toISOString(),
  };
}

/** Takes the case's row lock and records the payment (the demo seed's door; the app's use case adds the checks). */
export async function recordPaymentOnCase(
  prisma: PrismaClient,
  actor: Actor,
  caseId: string,
  input: PaymentInput,
  context: RequestContext,
  now: Date,
): Promise<PaymentView> {
  return prisma.$transaction(async (tx) => {
    if (!(await lockCase(tx, caseId))) throw notFound("Case");
    return insertPayment(tx, actor, caseId, input, context, now);
  });
}

// ---- the account --------------------------------------------------------------------------------------------------

export const statementPdfUrl = (caseId: string, statementId: string) => `/api/v1/cases/${caseId}/statements/${statementId}/pdf`;

/** Everything a case's money page shows, as of `now`: deposit standing, statements, payments, balance and arrears. */
export async function loadCaseFinances(tx: Tx, caseId: string, now: Date): Promise<CaseFinancesView> {
  const today = isoDay(now);
  const [caseRow, loa, deposits, statements, payments, credits] = await Promise.all([
    tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, identifier: true, status: true, initialDepositDue: true, acceptedAt: true } }),
    loadLoaInForce(tx, caseId),
    tx.caseDeposit.findMany({ where: { caseId }, orderBy: [{ valueDate: "desc" }, { recordedAt: "desc" }] }),
    tx.billingStatement.findMany({ where: { caseId }, orderBy: [{ dueOn: "desc" }, { final: "desc" }] }),
    tx.payment.findMany({
      where: { caseId },
      orderBy: [{ valueDate: "desc" }, { recordedAt: "desc" }],
      include: { statement: { select: { dueOn: true } } },
    }),
    creditsOf(tx, caseId, endOfDay(today)),
  ]);
  const depositsReceived = deposits.reduce((sum, d) => sum.plus(d.amount.toString()), ZERO);
  const paymentsReceived = payments.reduce((sum, p) => sum.plus(p.amount.toString()), ZERO);
  const depositDue = caseRow.initialDepositDue?.toFixed(2) ?? loa?.schedule.initialDeposit ?? null;
  const collected = toAmount(depositsReceived.plus(paymentsReceived));
  // The deposit is owed from acceptance on; before that the offer only says what it will be.
  const dueNow = caseRow.acceptedAt !== null;
  const account = accountStanding({
    depositDue: dueNow ? (depositDue ?? "0.00") : "0.00",
    statements: statements.map((s) => ({
      id: s.id,
      dueOn: isoDay(s.dueOn),
      issuedOn: isoDay(s.issuedOn),
      final: s.final,
      billedCumulative: s.billedCumulative.toFixed(2),
      amountDue: s.amountDue.toFixed(2),
    })),
    collected,
    credits,
    today,
  });
  const standingOf = new Map(account.statements.map((s) => [s.id, s]));
  return {
    caseId,
    identifier: caseRow.identifier,
    status: caseRow.status as CaseStatus,
    asOf: today,
    loaTotal: loa?.totalEstimatedCost ?? null,
    deposit:
      depositDue === null
        ? null
        : {
            ...depositStanding(depositDue, depositsReceived),
            // After an emergency implementation the deposit may come in as payments: all money received pays the
            // deposit first (oldest bill first), so the shortfall is what the account has not covered of it.
            ...(dueNow ? { shortfall: account.depositUnpaid, covered: account.depositUnpaid === "0.00" } : {}),
            dueNow,
            deposits: deposits.map((d) => ({
              id: d.id,
              amount: d.amount.toFixed(2),
              valueDate: isoDay(d.valueDate),
              wireReference: d.wireReference,
              recordedAt: d.recordedAt.toISOString(),
            })),
          },
    account: {
      billed: account.billed,
      collected,
      credits,
      balance: account.balance,
      arrears: account.arrears,
      nextDue: account.nextDue,
    },
    statements: statements.map((s): StatementView => {
      const standing = standingOf.get(s.id)!;
      return {
        id: s.id,
        dueOn: standing.dueOn,
        issuedOn: standing.issuedOn,
        final: s.final,
        scheduleCumulative: s.scheduleCumulative.toFixed(2),
        forecastCumulative: s.forecastCumulative.toFixed(2),
        billedCumulative: s.billedCumulative.toFixed(2),
        collected: s.collected.toFixed(2),
        credits: s.credits.toFixed(2),
        amountDue: s.amountDue.toFixed(2),
        charged: standing.charged,
        applied: standing.applied,
        unpaid: standing.unpaid,
        outstanding: standing.outstanding,
        status: standing.status,
        overdue: standing.overdue,
        pdfUrl: statementPdfUrl(caseId, s.id),
      };
    }),
    payments: payments.map((p) => ({
      id: p.id,
      amount: p.amount.toFixed(2),
      valueDate: isoDay(p.valueDate),
      reference: p.reference,
      statementId: p.statementId,
      statementDueOn: p.statement ? isoDay(p.statement.dueOn) : null,
      recordedAt: p.recordedAt.toISOString(),
    })),
  };
}
