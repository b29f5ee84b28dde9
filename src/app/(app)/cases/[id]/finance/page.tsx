import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { MoneySummary } from "@/components/finance/money-summary";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { formatUsd } from "@/domain/money";
import { can } from "@/domain/policy";
import type { StatementView } from "@/domain/schemas/finance";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { getCaseFinances } from "@/server/finance/get-case-finances";
import { forPage } from "@/server/page-guard";
import { IssueStatementsForm, RecordPaymentForm } from "./finance-forms";

export const metadata: Metadata = { title: "Case money" };

const cell = "px-3 py-2 align-top";
const money = `${cell} text-right font-mono tabular-nums whitespace-nowrap`;

function StatementStatus({ statement }: { statement: StatementView }) {
  if (statement.status === "PAID") return <Tag tone="success">Paid</Tag>;
  const tone = statement.overdue ? "error" : "warning";
  const label = statement.status === "PARTLY_PAID" ? "Partly paid" : "Unpaid";
  return (
    <>
      <Tag tone={tone}>{statement.overdue ? `${label}, overdue` : label}</Tag>
      <span className="mt-1 block text-xs">{formatUsd(statement.outstanding)} outstanding</span>
    </>
  );
}

export default async function CaseFinancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { notice, issued } = await searchParams;
  const found = await forPage(() => getCase(actor, id));
  const finances = await forPage(() => getCaseFinances(actor, id));
  const subject = { organizationId: found.country.id, agencyId: found.implementingAgency.id };
  const mayRecordPayment = can(actor, "recordPayment", subject);
  const mayIssue = can(actor, "issueStatements");
  const outstanding = finances.statements.filter((s) => s.status !== "PAID");
  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title="Money"
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="money"
      />
      {notice === "payment" && <Alert type="success" title="Payment recorded" testId="notice" />}
      {notice === "statements" && (
        <Alert type="success" title={issued === "0" ? "No statements were due: every case has this quarter's statement" : issued === "1" ? "1 statement issued" : `${issued ?? "Some"} statements issued`} testId="notice" />
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Section id="money-now" title="What is owed now" testId="money-now">
            <MoneySummary finances={finances} />
            <p className="mt-3 text-sm text-base-dark">
              Statements go out from the 15th of January, April, July and October, for payment by the 15th of March, June, September and December.
              Each bills the greater of the payment schedule and the forecast from contracts, deliveries and services
              {finances.loaTotal ? `, never more than the LOA total of ${formatUsd(finances.loaTotal)}` : ""}.
            </p>
          </Section>

          <Section id="money-statements" title="Statements" testId="statements">
            <DataTable
              caption="Billing statements, newest first"
              columns={["Due", "Issued", "Billed to date", "Amount due", "Status", "PDF"]}
              count={finances.statements.length}
              noun={["statement", "statements"]}
              emptyMessage="No statement has been issued yet."
              testId="statements-table"
            >
              {finances.statements.map((s) => (
                <tr key={s.id} className="border-t border-base-lighter" data-testid="statement-row">
                  <td className={cell}>
                    <time dateTime={s.dueOn}>{formatDate(s.dueOn)}</time>
                    {s.final && <span className="block text-xs font-bold">Final statement</span>}
                  </td>
                  <td className={cell}>
                    <time dateTime={s.issuedOn}>{formatDate(s.issuedOn)}</time>
                  </td>
                  <td className={money}>{formatUsd(s.billedCumulative)}</td>
                  <td className={money}>{s.final && s.amountDue.startsWith("-") ? `Refund ${formatUsd(s.amountDue.slice(1))}` : formatUsd(s.amountDue)}</td>
                  <td className={cell}>
                    <StatementStatus statement={s} />
                  </td>
                  <td className={cell}>
                    <a href={s.pdfUrl} download data-testid="statement-pdf">
                      PDF<span className="sr-only"> of the statement due {formatDate(s.dueOn)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </DataTable>
            {finances.statements.length > 0 && (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-primary">How each amount was worked out</summary>
                <ul className="mt-2 grid gap-2">
                  {finances.statements.map((s) => (
                    <li key={s.id}>
                      <strong>Due {formatDate(s.dueOn)}:</strong> schedule {formatUsd(s.scheduleCumulative)}, forecast {formatUsd(s.forecastCumulative)}, billed{" "}
                      {formatUsd(s.billedCumulative)}; less received {formatUsd(s.collected)} and credits {formatUsd(s.credits)} = {formatUsd(s.amountDue)}.
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Section>

          <Section id="money-payments" title="Payments received" testId="payments">
            <DataTable
              caption="Payments received, newest first"
              columns={["Value date", "Amount", "Reference", "Statement named"]}
              count={finances.payments.length}
              noun={["payment", "payments"]}
              emptyMessage="No payment has been recorded yet."
              testId="payments-table"
            >
              {finances.payments.map((p) => (
                <tr key={p.id} className="border-t border-base-lighter" data-testid="payment-row">
                  <td className={cell}>
                    <time dateTime={p.valueDate}>{formatDate(p.valueDate)}</time>
                  </td>
                  <td className={money}>{formatUsd(p.amount)}</td>
                  <td className={`${cell} break-all font-mono`}>{p.reference}</td>
                  <td className={cell}>{p.statementDueOn ? `Due ${formatDate(p.statementDueOn)}` : "—"}</td>
                </tr>
              ))}
            </DataTable>
          </Section>

          <Section id="money-deposit" title="Initial deposit" testId="deposit">
            {finances.deposit ? (
              <>
                <p className="mb-3">
                  Due with acceptance <strong>{formatUsd(finances.deposit.due)}</strong>; received {formatUsd(finances.deposit.received)}
                  {!finances.deposit.dueNow ? (
                    <>. It is owed once the offer is accepted.</>
                  ) : finances.deposit.covered ? (
                    <>
                      . <Tag tone="success">Covered</Tag>
                    </>
                  ) : (
                    <>
                      ; short by <strong data-testid="deposit-shortfall">{formatUsd(finances.deposit.shortfall)}</strong>.
                    </>
                  )}
                </p>
                <DataTable
                  caption="Deposits received"
                  columns={["Value date", "Amount", "Wire reference", "Recorded"]}
                  count={finances.deposit.deposits.length}
                  noun={["deposit", "deposits"]}
                  emptyMessage="No deposit has arrived yet."
                  testId="deposits-table"
                >
                  {finances.deposit.deposits.map((d) => (
                    <tr key={d.id} className="border-t border-base-lighter">
                      <td className={cell}>
                        <time dateTime={d.valueDate}>{formatDate(d.valueDate)}</time>
                      </td>
                      <td className={money}>{formatUsd(d.amount)}</td>
                      <td className={`${cell} break-all font-mono`}>{d.wireReference}</td>
                      <td className={cell}>{formatDateTime(d.recordedAt)}</td>
                    </tr>
                  ))}
                </DataTable>
              </>
            ) : (
              <p className="text-base-dark">The initial deposit is set by the LOA once it is offered.</p>
            )}
          </Section>
        </div>

        <div className="order-first grid content-start gap-6 lg:order-none">
          {mayRecordPayment && (
            <Section id="money-record-payment" title="Record a payment" testId="record-payment">
              <RecordPaymentForm
                caseId={found.id}
                idempotencyKey={randomUUID()}
                statements={outstanding.map((s) => ({ id: s.id, dueOn: s.dueOn, outstanding: s.outstanding }))}
              />
            </Section>
          )}
          {mayIssue && (
            <Section id="money-issue" title="Quarterly statements" testId="issue-statements">
              <IssueStatementsForm caseId={found.id} />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
