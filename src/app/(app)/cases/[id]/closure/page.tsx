import Decimal from "decimal.js";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { ClosureChecklist } from "@/components/closure/closure-checklist";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import type { ClosureView } from "@/domain/schemas/closure";
import type { CaseStatus } from "@/domain/workflow/states";
import { bindingConfirmation, boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
import { listDocuments } from "@/server/loa/list-documents";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { ANNUAL_REVIEW_STATUSES } from "@/server/closure/annual-review-store";
import { getClosureReadiness } from "@/server/closure/get-closure-readiness";
import { forPage } from "@/server/page-guard";
import { AnnualReviewForm, CloseCaseForm, ReopenForm, SubmitClosureForm } from "./closure-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ClosurePage");
  return { title: t("metaTitle") };
}

const NOTICES = ["submit-closure", "close", "reopen", "annual-review"] as const;
const isNotice = (value: string | undefined): value is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(value ?? "");
type Translate = Awaited<ReturnType<typeof getTranslations<"ClosurePage">>>;

const cell = "px-3 py-2 align-top";
const money = `${cell} text-end font-mono tabular-nums whitespace-nowrap`;

/** What happens next, in plain words, for whoever reads the page (the partner first of all). */
function nextStep(status: CaseStatus, closure: ClosureView, t: Translate, f: Formats): string {
  switch (status) {
    case "CLOSED":
      return t("nextClosed", { date: f.date(closure.closedAt) });
    case "CLOSURE_PENDING":
      return closure.ready ? t("nextPendingReady") : t("nextPending");
    case "SUPPLY_SERVICES_COMPLETE":
      return closure.submitBlockers.length > 0 ? t("nextSscBlocked") : t("nextSsc");
    case "SUSPENDED":
      return t("nextSuspended");
    case "CANCELLED":
    case "DISAPPROVED":
      return status === "CANCELLED" ? t("nextCancelled") : t("nextDisapproved");
    case "IMPLEMENTED":
    case "EXECUTING":
      return t("nextExecuting");
    default:
      return t("nextDefault");
  }
}

function Figures({ rows }: { rows: [string, ReactNode, string?][] }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto]">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="font-bold">{label}</dt>
          <dd className="mb-2 tabular-nums sm:mb-0 sm:text-end" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function LineState({ line, t, f }: { line: ClosureView["lines"][number]; t: Translate; f: Formats }) {
  if (line.state === "SSC") return <Tag tone="success">{t("lineComplete", { date: f.date(line.completedAt) })}</Tag>;
  if (line.state === "CANCELLED") return <Tag>{t("lineCancelled", { date: f.date(line.completedAt) })}</Tag>;
  return <Tag tone="warning">{t("lineOpen")}</Tag>;
}

export default async function CaseClosurePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { notice } = await searchParams;
  const found = await forPage(() => getCase(actor, id));
  const closure = await forPage(() => getClosureReadiness(actor, id));
  const partner = actor.role === "PARTNER_OFFICER";
  const subject = { organizationId: found.country.id, agencyId: found.implementingAgency.id };
  const target = { caseId: found.id, version: found.version };
  const closed = found.status === "CLOSED";
  const actions = found.availableActions;
  const mayReview = can(actor, "reviewCaseAnnually", subject) && ANNUAL_REVIEW_STATUSES.includes(found.status) && !closure.annualReview.done;
  const statement = closure.statement;
  const due = new Decimal(statement.amountDue);
  const recorded = closure.finalStatement;
  const recordedDue = recorded ? new Decimal(recorded.amountDue) : null;
  const ulo = new Decimal(closure.unliquidatedObligations);
  const t = await getTranslations("ClosurePage");
  const types = await getTranslations("ClosureTypes");
  const f = await getFormats();
  const shown = isNotice(notice) ? t(`notice.${notice}`) : undefined;

  const actionPanel: ReactNode[] = [];
  if (actions.includes("submit-closure")) actionPanel.push(<SubmitClosureForm key="submit" target={target} unliquidatedObligations={closure.unliquidatedObligations} />);
  if (actions.includes("close")) {
    // Closing names the LOA in force it closes against (only loaded when DSCA can close now).
    const documents = await forPage(() => listDocuments(actor, id));
    const confirmation = bindingConfirmation("close", CASE_EVENTS.close.label, boundDocumentOf("close", documents));
    actionPanel.push(<CloseCaseForm key="close" target={target} confirmation={confirmation} />);
  }
  if (actions.includes("reopen")) actionPanel.push(<ReopenForm key="reopen" target={target} />);
  const waitingNote =
    found.status === "CLOSURE_PENDING" && can(actor, "closeCase", subject) && !actions.includes("close")
      ? t("waitingClose")
      : found.status === "SUPPLY_SERVICES_COMPLETE" && can(actor, "executeCase", subject) && !actions.includes("submit-closure")
        ? t("waitingSubmit")
        : null;

  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title={t("title")}
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="closure"
      />
      {shown && <Alert type="success" title={shown} testId="notice" />}

      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Section id="closure-readiness" title={closed ? t("title") : t("canClose")} testId="closure-readiness">
            {found.status === "CANCELLED" || found.status === "DISAPPROVED" ? (
              <Alert type="info" title={found.status === "CANCELLED" ? t("endedCancelled") : t("endedDisapproved")} testId="closure-status" />
            ) : closed ? (
              <Alert type="success" title={t("closedOn", { date: f.date(closure.closedAt) })} testId="closure-status">
                {closure.closureType ? t("closureTypeSentence", { type: types(`label.${closure.closureType}`) }) : ""}
                {recordedDue && recordedDue.isNegative()
                  ? t("excessReturned", { value: f.usd(recordedDue.negated().toFixed(2)), country: found.country.name })
                  : recordedDue && recordedDue.gt(0)
                    ? t("remainsDue", { value: f.usd(recorded!.amountDue) })
                    : t("settledInFull")}
              </Alert>
            ) : closure.ready ? (
              <Alert type="success" title={t("nothingInTheWay")} testId="closure-status" />
            ) : (
              <Alert
                type="warning"
                title={t("blockersTitle", { count: closure.blockers.length })}
                testId="closure-status"
              >
                <ul className="list-disc ps-5" data-testid="closure-blockers">
                  {closure.blockers.map((blocker) => (
                    <li key={blocker}>{blocker}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <p className="my-3" data-testid="closure-next">
              {nextStep(found.status, closure, t, f)}
            </p>
            <ClosureChecklist criteria={closure.criteria} />
          </Section>

          <Section id="closure-statement" title={recorded ? t("finalStatement") : t("finalStatementSoFar")} testId="closure-statement">
            {recorded ? (
              <>
                <Figures
                  rows={[
                    [t("issued"), f.date(recorded.issuedOn)],
                    [t("finalBill"), f.usd(recorded.billedCumulative), "final-bill"],
                    [t("collected"), f.usd(recorded.collected)],
                    [t("credits"), f.usd(recorded.credits)],
                    [
                      recordedDue!.isNegative() ? t("refund") : t("amountDue"),
                      <strong key="due">{f.usd(recordedDue!.abs().toFixed(2))}</strong>,
                      "final-amount",
                    ],
                  ]}
                />
                <p className="mt-3 text-sm">
                  <a href={recorded.pdfUrl} download data-testid="final-statement-pdf">
                    {t("finalStatementPdf")}
                  </a>
                </p>
              </>
            ) : (
              <>
                <Figures
                  rows={[
                    [t("finalBillDetailed"), f.usd(statement.finalBill), "final-bill"],
                    [t("depositsReceived"), f.usd(statement.deposits)],
                    [t("paymentsReceived"), f.usd(statement.payments)],
                    [t("credits"), f.usd(statement.credits)],
                    [
                      due.isNegative() ? t("refundAtClosure") : due.isZero() ? t("nothingDue") : t("stillToPay"),
                      <strong key="due">{f.usd(due.abs().toFixed(2))}</strong>,
                      "final-amount",
                    ],
                  ]}
                />
                <p className="mt-3 text-sm text-base-dark">
                  {t("finalBillExplanation")}
                </p>
              </>
            )}
            <h3 className="mb-1 mt-4 font-bold">{t("uloTitle")}</h3>
            <p data-testid="closure-ulo">
              {ulo.isZero()
                ? t("uloNone")
                : closed
                  ? t("uloSuspense", { value: f.usd(closure.suspenseAmount) })
                  : t("uloOpen", { value: f.usd(closure.unliquidatedObligations) })}
            </p>
          </Section>

          <Section id="closure-lines" title={t("lines")} testId="closure-lines">
            <DataTable
              caption={t("linesCaption")}
              columns={
                partner
                  ? [t("colLine"), t("colStatus"), t("colDelivered"), t("colBilled")]
                  : [t("colLine"), t("colStatus"), t("colObligated"), t("colDelivered"), t("colNotSettled"), t("colBilled")]
              }
              count={closure.lines.length}
              noun={[t("nounLine"), t("nounLines")]}
              emptyMessage={t("noLoa")}
              testId="closure-lines-table"
            >
              {closure.lines.map((line) => (
                <tr key={line.lineNumber} className="border-t border-base-lighter" data-testid="closure-line">
                  <td className={cell}>
                    <span className="font-mono">{line.lineNumber}</span>
                    <span className="block text-xs">{line.description}</span>
                  </td>
                  <td className={cell}>
                    <LineState line={line} t={t} f={f} />
                  </td>
                  {!partner && <td className={money}>{f.usd(line.obligated)}</td>}
                  <td className={money}>{f.usd(line.expended)}</td>
                  {!partner && <td className={money}>{f.usd(line.unliquidated)}</td>}
                  <td className={money}>{f.usd(line.billed)}</td>
                </tr>
              ))}
            </DataTable>
          </Section>

          <Section id="closure-reviews" title={t("reviewsTitle")} testId="annual-reviews">
            {closure.annualReviews.length === 0 ? (
              <p className="text-base-dark">{t("noReviews")}</p>
            ) : (
              <ul className="divide-y divide-base-lighter">
                {closure.annualReviews.map((review) => (
                  <li key={review.id} className="py-2" data-testid="annual-review">
                    <p className="font-bold">
                      {review.completedBy
                        ? t("reviewCompletedBy", { year: String(review.reviewYear), date: f.date(review.completedAt), name: review.completedBy })
                        : t("reviewCompleted", { year: String(review.reviewYear), date: f.date(review.completedAt) })}
                    </p>
                    <ul className="text-sm">
                      <li>{review.loaMatchesDeliveries ? t("matchesDeliveries") : t("differDeliveries")}</li>
                      <li>{review.loaMatchesContracts ? t("matchesContracts") : t("differContracts")}</li>
                      <li>{review.scheduleAdjusted ? t("scheduleAdjusted") : t("scheduleNotAdjusted")}</li>
                    </ul>
                    {review.notes && <p className="mt-1 whitespace-pre-line text-sm">{t("notes", { notes: review.notes })}</p>}
                  </li>
                ))}
              </ul>
            )}
            {mayReview && (
              <div className="mt-4 border-t border-base-lighter pt-4">
                <AnnualReviewForm caseId={found.id} year={closure.annualReview.year} />
              </div>
            )}
          </Section>
        </div>

        <div className="order-first grid content-start gap-6 lg:order-none">
          <Section id="closure-actions" title={partner ? t("documents") : t("yourActions")} testId="closure-actions">
            {closure.certificate && (
              <p className="mb-3">
                <a href={closure.certificate.url} download data-testid="closure-certificate">
                  {t("downloadCertificate")}
                </a>
                {closure.certificate.sha256 && (
                  <span className="mt-1 block break-all text-xs text-base-dark">{t("sha256", { hash: closure.certificate.sha256 })}</span>
                )}
              </p>
            )}
            {actionPanel.length > 0 ? (
              <div className="grid gap-6">{actionPanel}</div>
            ) : (
              !closure.certificate && (
                <p className="text-base-dark" data-testid="closure-no-actions">
                  {waitingNote ?? (partner ? t("certificateLater") : t("nothingWaiting"))}
                </p>
              )
            )}
          </Section>

          <Section id="closure-target" title={t("targetTitle")} testId="closure-target">
            {closure.target ? (
              <>
                <p>
                  {t.rich(closed ? "closedBy" : "toCloseBy", {
                    strong: (chunks) => <strong>{chunks}</strong>,
                    date: f.date(closure.target.targetDate),
                    passed: closure.target.overdue ? t("targetPassed") : "",
                  })}
                </p>
                <p className="text-sm text-base-dark">
                  {t(closed ? "clockClosed" : "clockRunning", { date: f.date(closure.target.supplyCompleteAt), count: closure.target.monthsElapsed })}
                </p>
              </>
            ) : (
              <p className="text-base-dark">{t("clockNotStarted")}</p>
            )}
          </Section>

          {closure.closureType && (
            <Section id="closure-type" title={t("closureType")} testId="closure-type">
              <p className="font-bold">{types(`label.${closure.closureType}`)}</p>
              <p className="text-sm">{types(`explanation.${closure.closureType}`)}</p>
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
