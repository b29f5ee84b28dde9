// Money after the offer against PostgreSQL (issue 12, ADR 0017): the deposit promised at acceptance and the deposits
// received before implementation, the quarterly statement job (once per case and due date, however often or late it
// runs), payments with an Idempotency-Key, country isolation and field errors.
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { issueDayOf, statementDueOnFor } from "@/domain/execution/billing";
import type { Actor } from "@/domain/policy";
import { isoDay } from "@/domain/sla";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { billableCasesPage, issueDueStatements, loadCaseFinances } from "@/server/finance/finance-store";
import { Prisma } from "@/generated/prisma/client";
import { getCaseFinances } from "@/server/finance/get-case-finances";
import { getStatementPdf } from "@/server/finance/get-statement-pdf";
import { issueStatements } from "@/server/finance/issue-statements";
import { recordPayment } from "@/server/finance/record-payment";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { seedDemoFinance } from "../../prisma/demo-finance";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed";
import { createOrganization, createUser } from "../factories";
import { acceptInput, caseAt, caseAudit, caseCast, type Cast } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { actorFor } from "./lor-helpers";

const prisma = testPrisma();
const DAY = 86_400_000;

let cast: Cast;
let finance: Actor;

beforeAll(async () => {
  cast = await caseCast(prisma);
  finance = await actorFor(prisma, "FINANCE_OFFICER", undefined, "Fran Finance");
});

const wire = (amount: string, receivedOn = isoDay(new Date()), wireReference = "FED-2026-1204-0042") => ({ amount, receivedOn, wireReference });

/** An offered case (the small test LOA) and the initial deposit its payment schedule calls for. */
async function offeredCase() {
  const opened = await caseAt(cast, "OFFERED");
  const { deposit } = await getCaseFinances(cast.partner, opened.caseId);
  return { ...opened, due: deposit!.due };
}

/** An implemented case whose deposit arrived exactly as due (so the bills are the schedule's). */
async function implementedCase() {
  const c = await offeredCase();
  await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
  await c.driver.do(finance, "record-deposit", wire(c.due));
  return c;
}

describe("the initial deposit at acceptance", () => {
  it("the partner cannot promise less than the deposit due; the amount due is kept on the case", async () => {
    const c = await offeredCase();
    expect(new Decimal(c.due).gt(0)).toBe(true);
    const below = new Decimal(c.due).minus("0.01").toFixed(2);
    const refused = await expectAppError(c.driver.attempt(cast.partner, "accept", acceptInput({ initialDeposit: below })), "VALIDATION_FAILED");
    expect(Object.keys(refused.extra.fields!)).toEqual(["initialDeposit"]);
    expect(refused.extra.fields!.initialDeposit).toContain(`$${new Decimal(c.due).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);

    const accepted = await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
    expect(accepted.status).toBe("ACCEPTED");
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.caseId }, select: { initialDepositDue: true } });
    expect(row.initialDepositDue?.toFixed(2)).toBe(c.due);
  });

  it("a partial deposit is recorded as a shortfall and the case waits; the deposit that covers it implements the case", async () => {
    const c = await offeredCase();
    await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
    const first = new Decimal(c.due).minus("1000.00").toFixed(2);

    const partial = await c.driver.do(finance, "record-deposit", wire(first));
    expect(partial.status).toBe("ACCEPTED");
    expect(partial.milestones.implementedAt).toBeNull();
    let money = await getCaseFinances(cast.partner, c.caseId);
    expect(money.deposit).toMatchObject({ due: c.due, received: first, shortfall: "1000.00", covered: false });
    expect(money.deposit!.deposits).toHaveLength(1);

    const rest = await c.driver.do(cast.dsca, "record-deposit", wire("1000.00", isoDay(new Date()), "FED-2026-1204-0043"));
    expect(rest.status).toBe("IMPLEMENTED");
    money = await getCaseFinances(cast.partner, c.caseId);
    expect(money.deposit).toMatchObject({ received: c.due, shortfall: "0.00", covered: true });
    expect(money.deposit!.deposits.map((d) => d.wireReference).sort()).toEqual(["FED-2026-1204-0042", "FED-2026-1204-0043"]);

    // Each deposit row and its case event were written together, on the verified chain; the partner sees both.
    expect(await caseAudit(prisma, c.caseId, "case.record-deposit")).toHaveLength(2);
    expect((await verifyCaseChain(c.caseId)).verification.verified).toBe(true);
    const notes = (await listCaseEvents(cast.partner, c.caseId)).filter((e) => e.action === "case.record-deposit").map((e) => e.note);
    expect(notes[0]).toMatch(/not yet cover/);
    expect(notes[1]).toMatch(/case implemented/);
  });

  it("refuses a deposit dated in the future or without a wire reference, and writes nothing", async () => {
    const c = await offeredCase();
    await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
    const tomorrow = isoDay(new Date(Date.now() + DAY));
    const future = await expectAppError(c.driver.attempt(finance, "record-deposit", wire(c.due, tomorrow)), "VALIDATION_FAILED");
    expect(future.extra.fields).toHaveProperty("receivedOn");
    const missing = await expectAppError(c.driver.attempt(finance, "record-deposit", { amount: c.due, receivedOn: isoDay(new Date()) }), "VALIDATION_FAILED");
    expect(missing.extra.fields).toHaveProperty("wireReference");
    for (const wrong of [cast.partner, cast.ia, cast.state]) await expectAppError(c.driver.attempt(wrong, "record-deposit", wire(c.due)), "FORBIDDEN");
    expect(await prisma.caseDeposit.count({ where: { caseId: c.caseId } })).toBe(0);
  });

  it("the finance officer finds the deposit waiting in My tasks", async () => {
    const c = await offeredCase();
    await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
    const rows = await prisma.caseInboxEntry.findMany({ where: { caseId: c.caseId, inbox: "FINANCE_OFFICER" } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.actions).toEqual(["record-deposit"]);
  });
});

describe("quarterly statements", () => {
  it("a job run twice at once, then again late, issues one statement per case and due date", async () => {
    const c = await implementedCase();
    // A day well after the first quarterly payment falls due, so the statement bills more than the deposit.
    const issueDay = new Date(`${issueDayOf(statementDueOnFor(isoDay(new Date(Date.now() + 200 * DAY))))}T06:05:00Z`);
    const dueOn = statementDueOnFor(isoDay(issueDay));
    const runs = await Promise.all([
      issueDueStatements(prisma, issueDay, { caseIds: [c.caseId] }),
      issueDueStatements(prisma, issueDay, { caseIds: [c.caseId] }),
    ]);
    expect(runs.map((r) => r.dueOn)).toEqual([dueOn, dueOn]);
    expect(runs[0]!.issued + runs[1]!.issued).toBe(1);
    // Five weeks late, the day still calls for the same statement: nothing more is issued.
    const late = await issueDueStatements(prisma, new Date(issueDay.getTime() + 35 * DAY), { caseIds: [c.caseId] });
    expect(late).toEqual({ dueOn, issued: 0 });

    const statements = await prisma.billingStatement.findMany({ where: { caseId: c.caseId } });
    expect(statements).toHaveLength(1);
    const s = statements[0]!;
    expect(isoDay(s.dueOn)).toBe(dueOn);
    expect(new Decimal(s.billedCumulative.toString()).eq(Decimal.max(s.scheduleCumulative.toString(), s.forecastCumulative.toString()))).toBe(true);
    expect(s.collected.toFixed(2)).toBe(c.due);
    expect(new Decimal(s.amountDue.toString()).gt(0)).toBe(true);
    expect(await caseAudit(prisma, c.caseId, "statement.issue")).toHaveLength(1);
    expect((await verifyCaseChain(c.caseId)).verification.verified).toBe(true);
  });

  it("a job that runs late issues the statement the day calls for, due on the 15th", async () => {
    const c = await implementedCase();
    // The issue day was six weeks ago for this job: it still issues that quarter's statement, not the next one.
    const issueDay = issueDayOf(statementDueOnFor(isoDay(new Date(Date.now() + 400 * DAY))));
    const late = new Date(new Date(`${issueDay}T12:00:00Z`).getTime() + 42 * DAY);
    const run = await issueDueStatements(prisma, late, { caseIds: [c.caseId] });
    expect(run).toEqual({ dueOn: statementDueOnFor(issueDay), issued: 1 });
    const [s] = await prisma.billingStatement.findMany({ where: { caseId: c.caseId } });
    expect(isoDay(s!.issuedOn)).toBe(isoDay(late));
    expect(isoDay(s!.dueOn)).toMatch(/-(03|06|09|12)-15$/);
  });

  it("reads the cases in keyset pages: every case gets its statement whatever the page size", async () => {
    const cases = [await implementedCase(), await implementedCase(), await implementedCase()];
    await cases[2]!.driver.do(cast.ia, "start-execution");
    const caseIds = cases.map((c) => c.caseId);
    const day = new Date(Date.now() + 100 * DAY);
    expect((await issueDueStatements(prisma, day, { caseIds, batchSize: 1 })).issued).toBe(3);
    expect((await issueDueStatements(prisma, day, { caseIds, batchSize: 1 })).issued).toBe(0);
    expect(await prisma.billingStatement.count({ where: { caseId: { in: caseIds } } })).toBe(3);
  });

  it("pages through the cases behind the (status, opened_at) index, not a scan of every case", async () => {
    const cursor = { openedAt: new Date(), id: "ffffffff-ffff-4fff-bfff-ffffffffffff" };
    const page = billableCasesPage("EXECUTING", "2027-03-15", cursor, 200);
    const plan = await prisma.$transaction(async (tx) => {
      // The test database is small, so the planner may prefer a scan and a sort; forbidding those shows an index serves
      // both the filter and the keyset order (with no such index the plan would still have to scan and sort).
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${page}`);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using cases_status_opened_at_idx on cases/);
    expect(text).not.toMatch(/Seq Scan on cases/);
  });

  it("only finance officers may issue statements now", async () => {
    await expectAppError(issueStatements(cast.dsca, context()), "FORBIDDEN");
    await expectAppError(issueStatements(cast.partner, context()), "FORBIDDEN");
  });

  it("the statement PDF is the same bytes each time; another case's statement is not found", async () => {
    const c = await implementedCase();
    await issueDueStatements(prisma, new Date(), { caseIds: [c.caseId] });
    const [s] = await prisma.billingStatement.findMany({ where: { caseId: c.caseId } });
    const a = await getStatementPdf(cast.partner, c.caseId, s!.id);
    const b = await getStatementPdf(cast.dsca, c.caseId, s!.id);
    expect(a.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(a.sha256).toBe(b.sha256);
    expect(a.filename).toMatch(/\.pdf$/);
    const other = await implementedCase();
    await expectAppError(getStatementPdf(cast.partner, other.caseId, s!.id), "NOT_FOUND");
    await expectAppError(getStatementPdf(cast.foreignPartner, c.caseId, s!.id), "NOT_FOUND");
  });
});

describe("payments", () => {
  /** An implemented case with one statement billing more than the deposit, as of `when`. */
  async function billedCase() {
    const c = await implementedCase();
    const when = new Date(`${issueDayOf(statementDueOnFor(isoDay(new Date(Date.now() + 200 * DAY))))}T06:05:00Z`);
    await issueDueStatements(prisma, when, { caseIds: [c.caseId] });
    const [statement] = await prisma.billingStatement.findMany({ where: { caseId: c.caseId } });
    return { ...c, when, statement: statement!, amountDue: statement!.amountDue.toFixed(2) };
  }

  it("a payment covers part of a statement; the same Idempotency-Key twice records one payment", async () => {
    const c = await billedCase();
    const part = new Decimal(c.amountDue).div(3).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
    const input = { amount: part, valueDate: isoDay(c.when), reference: "BN-MOF-0001", statementId: c.statement.id };
    const first = await recordPayment(finance, c.caseId, input, context(), { idempotencyKey: "pay-key-1" }, c.when);
    const again = await recordPayment(finance, c.caseId, input, context(), { idempotencyKey: "pay-key-1" }, c.when);
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.result.payment.id).toBe(first.result.payment.id);
    expect(await prisma.payment.count({ where: { caseId: c.caseId } })).toBe(1);
    expect(await caseAudit(prisma, c.caseId, "payment.record")).toHaveLength(1);

    const [standing] = first.result.finances.statements;
    expect(standing).toMatchObject({ status: "PARTLY_PAID", applied: part, outstanding: new Decimal(c.amountDue).minus(part).toFixed(2) });
    expect(first.result.finances.account.balance).toBe(new Decimal(c.amountDue).minus(part).toFixed(2));

    // The same key with another body is refused, not replayed.
    const reused = await expectAppError(
      recordPayment(finance, c.caseId, { ...input, amount: "1.00" }, context(), { idempotencyKey: "pay-key-1" }, c.when),
      "VALIDATION_FAILED",
    );
    expect(reused.extra.fields).toHaveProperty("Idempotency-Key");

    // Past the due date with part unpaid, the rest is in arrears; paying it settles the statement.
    const late = new Date(`${isoDay(c.statement.dueOn)}T12:00:00Z`).getTime() + 2 * DAY;
    const arrears = await getCaseFinances(cast.partner, c.caseId, new Date(late));
    expect(arrears.account.arrears.total).toBe(new Decimal(c.amountDue).minus(part).toFixed(2));
    expect(arrears.statements[0]!.overdue).toBe(true);
    const rest = new Decimal(c.amountDue).minus(part).toFixed(2);
    const settled = await recordPayment(finance, c.caseId, { amount: rest, valueDate: isoDay(new Date(late)), reference: "BN-MOF-0002" }, context(), {}, new Date(late));
    expect(settled.result.finances.statements[0]).toMatchObject({ status: "PAID", overdue: false });
    expect(settled.result.finances.account).toMatchObject({ balance: "0.00", arrears: { total: "0.00", statements: [] } });
  });

  it("bad input answers 422 naming each field, and writes nothing", async () => {
    const c = await billedCase();
    const other = await billedCase();
    const good = { amount: "100.00", valueDate: isoDay(c.when), reference: "BN-MOF-0003" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, amount: "-5.00" }, "amount"],
      [{ ...good, amount: "10.001" }, "amount"],
      [{ ...good, amount: "0" }, "amount"],
      [{ ...good, amount: 12.345 }, "amount"],
      [{ ...good, valueDate: isoDay(new Date(c.when.getTime() + DAY)) }, "valueDate"],
      [{ ...good, valueDate: "2027-02-30" }, "valueDate"],
      [{ ...good, reference: "   " }, "reference"],
      [{ ...good, statementId: "not-a-uuid" }, "statementId"],
      [{ ...good, statementId: other.statement.id }, "statementId"],
      [{ ...good, surprise: true }, "surprise"],
    ];
    for (const [input, field] of cases) {
      const error = await expectAppError(recordPayment(finance, c.caseId, input, context(), {}, c.when), "VALIDATION_FAILED");
      expect(Object.keys(error.extra.fields!), JSON.stringify(input)).toContain(field);
    }
    expect(await prisma.payment.count({ where: { caseId: c.caseId } })).toBe(0);
  });

  it("another country's case is a 404 for reading and paying; the partner reads their own but may not record payments", async () => {
    const c = await billedCase();
    const input = { amount: "100.00", valueDate: isoDay(c.when), reference: "BN-MOF-0004" };
    await expectAppError(getCaseFinances(cast.foreignPartner, c.caseId), "NOT_FOUND");
    await expectAppError(recordPayment(cast.foreignPartner, c.caseId, input, context(), {}, c.when), "NOT_FOUND");
    await expectAppError(recordPayment(cast.partner, c.caseId, input, context(), {}, c.when), "FORBIDDEN");
    await expectAppError(recordPayment(cast.dsca, c.caseId, input, context(), {}, c.when), "FORBIDDEN");
    await expectAppError(recordPayment(finance, "00000000-0000-4000-8000-000000000000", input, context(), {}, c.when), "NOT_FOUND");
    const own = await getCaseFinances(cast.partner, c.caseId, c.when);
    expect(own.statements).toHaveLength(1);
    expect(own.statements[0]!.pdfUrl).toBe(`/api/v1/cases/${c.caseId}/statements/${c.statement.id}/pdf`);
    expect(await prisma.payment.count({ where: { caseId: c.caseId } })).toBe(0);
  });

  it("payments wait for implementation: an accepted case takes deposits, not payments", async () => {
    const c = await offeredCase();
    await c.driver.do(cast.partner, "accept", acceptInput({ initialDeposit: c.due }));
    await expectAppError(recordPayment(finance, c.caseId, { amount: "1.00", valueDate: isoDay(new Date()), reference: "X" }, context()), "CONFLICT");
  });
});

describe("demo money", () => {
  it("seeds two quarterly statements and one payment covering part of them, through the app's code, once", async () => {
    const c = await implementedCase();
    await c.driver.do(cast.ia, "start-execution");
    // The demo seed records the payment as the demo finance officer: made here exactly as prisma/seed.ts makes them.
    const demo = DEMO_USERS.find((u) => u.role === "FINANCE_OFFICER")!;
    const dscaOrg = await createOrganization(prisma, { kind: demo.org[0], code: demo.org[1], name: "Defense Security Cooperation Agency" });
    await createUser(prisma, { role: demo.role, email: demo.email, name: demo.name, password: DEMO_PASSWORD, organizationId: dscaOrg.id });
    const now = new Date(Date.now() + 260 * DAY);
    const ids = { radiosExecuting: c.caseId, sparesBlanket: c.caseId, testSetsClosed: c.caseId };
    await seedDemoFinance(prisma, ids, now);
    await seedDemoFinance(prisma, ids, now);

    const statements = await prisma.billingStatement.findMany({ where: { caseId: c.caseId }, orderBy: { dueOn: "asc" } });
    expect(statements).toHaveLength(2);
    expect(isoDay(statements[0]!.dueOn) < isoDay(statements[1]!.dueOn)).toBe(true);
    const payments = await prisma.payment.findMany({ where: { caseId: c.caseId } });
    expect(payments).toHaveLength(1);
    const finances = await loadCaseFinances(prisma, c.caseId, now);
    const latest = finances.statements[0]!;
    expect(latest.status).toBe("PARTLY_PAID");
    expect(new Decimal(finances.account.balance).gt(0)).toBe(true);
    expect(new Decimal(payments[0]!.amount.toString()).lt(latest.amountDue)).toBe(true);
    expect(await caseAudit(prisma, c.caseId, "statement.issue")).toHaveLength(2);
    expect(await caseAudit(prisma, c.caseId, "payment.record")).toHaveLength(1);
    expect((await verifyCaseChain(c.caseId)).verification.verified).toBe(true);
    // The partner sees both on their timeline.
    const actions = (await listCaseEvents(cast.partner, c.caseId)).map((e) => e.action);
    expect(actions.filter((a) => a === "statement.issue")).toHaveLength(2);
    expect(actions).toContain("payment.record");
  });
});
