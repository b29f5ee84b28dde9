import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { MoneySummary } from "@/components/finance/money-summary";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { useFormats } from "@/i18n/use-formats";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import type { StatementView } from "@/domain/schemas/finance";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { getCaseFinances } from "@/server/finance/get-case-finances";
import { forPage } from "@/server/page-guard";
import { IssueStatementsForm, RecordPaymentForm } from "./finance-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("FinancePage");
  return { title: t("metaTitle") };
}

const cell = "px-3 py-2 align-top";
const money = `${cell} text-end font-mono tabular-nums whitespace-nowrap`;

function StatementStatus({ statement }: { statement: StatementView }) {
  const t = useTranslations("FinancePage");
  const f = useFormats();
  if (statement.status === "PAID") return <Tag tone="success">{t("paid")}</Tag>;
  const tone = statement.overdue ? "error" : "warning";
  const label = statement.status === "PARTLY_PAID" ? t("partlyPaid") : t("unpaid");
  return (
    <>
      <Tag tone={tone}>{statement.overdue ? t("overdue", { label }) : label}</Tag>
      <span className="mt-1 block text-xs">{t("outstanding", { value: f.usd(statement.outstanding) })}</span>
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
  const t = await getTranslations("FinancePage");
  const f = await getFormats();
  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title={t("title")}
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="money"
      />
      {notice === "payment" && <Alert type="success" title={t("noticePayment")} testId="notice" />}
      {notice === "statements" && (
        <Alert
          type="success"
          title={issued === "0" ? t("noticeNoneDue") : issued === "1" ? t("noticeOneIssued") : issued !== undefined ? t("noticeIssued", { count: issued }) : t("noticeSomeIssued")}
          testId="notice"
        />
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Section id="money-now" title={t("owedNow")} testId="money-now">
            <MoneySummary finances={finances} />
            <p className="mt-3 text-sm text-base-dark">
              {finances.loaTotal ? t("billingRuleCapped", { total: f.usd(finances.loaTotal) }) : t("billingRule")}
            </p>
          </Section>

          <Section id="money-statements" title={t("statements")} testId="statements">
            <DataTable
              caption={t("statementsCaption")}
              columns={[t("colDue"), t("colIssued"), t("colBilled"), t("colAmountDue"), t("colStatus"), t("colPdf")]}
              count={finances.statements.length}
              noun={[t("nounStatement"), t("nounStatements")]}
              emptyMessage={t("noStatements")}
              testId="statements-table"
            >
              {finances.statements.map((s) => (
                <tr key={s.id} className="border-t border-base-lighter" data-testid="statement-row">
                  <td className={cell}>
                    <time dateTime={s.dueOn}>{f.date(s.dueOn)}</time>
                    {s.final && <span className="block text-xs font-bold">{t("finalStatement")}</span>}
                  </td>
                  <td className={cell}>
                    <time dateTime={s.issuedOn}>{f.date(s.issuedOn)}</time>
                  </td>
                  <td className={money}>{f.usd(s.billedCumulative)}</td>
                  <td className={money}>{s.final && s.amountDue.startsWith("-") ? t("refund", { value: f.usd(s.amountDue.slice(1)) }) : f.usd(s.amountDue)}</td>
                  <td className={cell}>
                    <StatementStatus statement={s} />
                  </td>
                  <td className={cell}>
                    <a href={s.pdfUrl} download data-testid="statement-pdf">
                      {t("colPdf")}
                      <span className="sr-only">{t("pdfSr", { date: f.date(s.dueOn) })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </DataTable>
            {finances.statements.length > 0 && (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-primary">{t("workedOut")}</summary>
                <ul className="mt-2 grid gap-2">
                  {finances.statements.map((s) => (
                    <li key={s.id}>
                      {t.rich("workedOutLine", {
                        strong: (chunks) => <strong>{chunks}</strong>,
                        due: f.date(s.dueOn),
                        schedule: f.usd(s.scheduleCumulative),
                        forecast: f.usd(s.forecastCumulative),
                        billed: f.usd(s.billedCumulative),
                        received: f.usd(s.collected),
                        credits: f.usd(s.credits),
                        amount: f.usd(s.amountDue),
                      })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Section>

          <Section id="money-payments" title={t("paymentsReceived")} testId="payments">
            <DataTable
              caption={t("paymentsCaption")}
              columns={[t("colValueDate"), t("colAmount"), t("colReference"), t("colStatementNamed")]}
              count={finances.payments.length}
              noun={[t("nounPayment"), t("nounPayments")]}
              emptyMessage={t("noPayments")}
              testId="payments-table"
            >
              {finances.payments.map((p) => (
                <tr key={p.id} className="border-t border-base-lighter" data-testid="payment-row">
                  <td className={cell}>
                    <time dateTime={p.valueDate}>{f.date(p.valueDate)}</time>
                  </td>
                  <td className={money}>{f.usd(p.amount)}</td>
                  <td className={`${cell} break-all font-mono`}>{p.reference}</td>
                  <td className={cell}>{p.statementDueOn ? t("due", { date: f.date(p.statementDueOn) }) : "—"}</td>
                </tr>
              ))}
            </DataTable>
          </Section>

          <Section id="money-deposit" title={t("initialDeposit")} testId="deposit">
            {finances.deposit ? (
              <>
                <p className="mb-3">
                  {t.rich("depositDue", {
                    strong: (chunks) => <strong>{chunks}</strong>,
                    due: f.usd(finances.deposit.due),
                    received: f.usd(finances.deposit.received),
                  })}
                  {!finances.deposit.dueNow ? (
                    t("depositOwedLater")
                  ) : finances.deposit.covered ? (
                    t.rich("depositCovered", { tag: (chunks) => <Tag tone="success">{chunks}</Tag> })
                  ) : (
                    t.rich("depositShort", {
                      strong: (chunks) => <strong data-testid="deposit-shortfall">{chunks}</strong>,
                      shortfall: f.usd(finances.deposit.shortfall),
                    })
                  )}
                </p>
                <DataTable
                  caption={t("depositsCaption")}
                  columns={[t("colValueDate"), t("colAmount"), t("colWireReference"), t("colRecorded")]}
                  count={finances.deposit.deposits.length}
                  noun={[t("nounDeposit"), t("nounDeposits")]}
                  emptyMessage={t("noDeposits")}
                  testId="deposits-table"
                >
                  {finances.deposit.deposits.map((d) => (
                    <tr key={d.id} className="border-t border-base-lighter">
                      <td className={cell}>
                        <time dateTime={d.valueDate}>{f.date(d.valueDate)}</time>
                      </td>
                      <td className={money}>{f.usd(d.amount)}</td>
                      <td className={`${cell} break-all font-mono`}>{d.wireReference}</td>
                      <td className={cell}>{f.dateTime(d.recordedAt)}</td>
                    </tr>
                  ))}
                </DataTable>
              </>
            ) : (
              <p className="text-base-dark">{t("depositNotSet")}</p>
            )}
          </Section>
        </div>

        <div className="order-first grid content-start gap-6 lg:order-none">
          {mayRecordPayment && (
            <Section id="money-record-payment" title={t("recordPayment")} testId="record-payment">
              <RecordPaymentForm
                caseId={found.id}
                idempotencyKey={randomUUID()}
                statements={outstanding.map((s) => ({ id: s.id, dueOn: s.dueOn, outstanding: s.outstanding }))}
              />
            </Section>
          )}
          {mayIssue && (
            <Section id="money-issue" title={t("quarterly")} testId="issue-statements">
              <IssueStatementsForm caseId={found.id} />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
