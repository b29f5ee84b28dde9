import Decimal from "decimal.js";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { ClosureChecklist } from "@/components/closure/closure-checklist";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { CLOSURE_TYPE_EXPLANATIONS, CLOSURE_TYPE_LABELS } from "@/domain/execution/closure";
import { formatUsd } from "@/domain/money";
import { can } from "@/domain/policy";
import type { ClosureView } from "@/domain/schemas/closure";
import type { CaseStatus } from "@/domain/workflow/states";
import { bindingConfirmation, boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { formatDate } from "@/lib/format";
import { listDocuments } from "@/server/loa/list-documents";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { ANNUAL_REVIEW_STATUSES } from "@/server/closure/annual-review-store";
import { getClosureReadiness } from "@/server/closure/get-closure-readiness";
import { forPage } from "@/server/page-guard";
import { AnnualReviewForm, CloseCaseForm, ReopenForm, SubmitClosureForm } from "./closure-forms";

export const metadata: Metadata = { title: "Case closure" };

const NOTICES: Record<string, string> = {
  "submit-closure": "Closure certificate submitted",
  close: "Case closed: the final statement is written and the closure certificate issued",
  reopen: "Case reopened",
  "annual-review": "Annual case review recorded",
};

const cell = "px-3 py-2 align-top";
const money = `${cell} text-right font-mono tabular-nums whitespace-nowrap`;

/** What happens next, in plain words, for whoever reads the page (the partner first of all). */
function nextStep(status: CaseStatus, closure: ClosureView): string {
  switch (status) {
    case "CLOSED":
      return `The case closed on ${formatDate(closure.closedAt)}. Its records are kept; DSCA can reopen it if something comes up later.`;
    case "CLOSURE_PENDING":
      return closure.ready
        ? "The closure certificate is in and nothing stands in the way: DSCA can close the case now."
        : "The closure certificate is in. DSCA closes the case once everything listed below is settled.";
    case "SUPPLY_SERVICES_COMPLETE":
      return closure.submitBlockers.length > 0
        ? "Everything has been delivered or performed. The implementing agency submits the closure certificate once every discrepancy report is settled."
        : "Everything has been delivered or performed. The implementing agency submits the closure certificate next; DSCA then closes the case once the final bill is paid.";
    case "SUSPENDED":
      return "The case is suspended. Work towards closure resumes when DSCA resumes the case.";
    case "CANCELLED":
    case "DISAPPROVED":
      return `This case was ${status === "CANCELLED" ? "cancelled" : "disapproved"}; it will not be closed.`;
    case "IMPLEMENTED":
    case "EXECUTING":
      return "The case can close once every line is delivered or performed (or cancelled), no discrepancy report is open and the final bill is paid. The implementing agency then submits the closure certificate and DSCA closes the case.";
    default:
      return "Closure comes after the case is implemented and everything on it has been delivered.";
  }
}

function Figures({ rows }: { rows: [string, ReactNode, string?][] }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto]">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="font-bold">{label}</dt>
          <dd className="mb-2 tabular-nums sm:mb-0 sm:text-right" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function LineState({ line }: { line: ClosureView["lines"][number] }) {
  if (line.state === "SSC") return <Tag tone="success">Complete {formatDate(line.completedAt)}</Tag>;
  if (line.state === "CANCELLED") return <Tag>Cancelled {formatDate(line.completedAt)}</Tag>;
  return <Tag tone="warning">Open</Tag>;
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
  const shown = notice ? NOTICES[notice] : undefined;

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
      ? "Closing becomes possible once nothing in the checklist stands in the way."
      : found.status === "SUPPLY_SERVICES_COMPLETE" && can(actor, "executeCase", subject) && !actions.includes("submit-closure")
        ? "The closure certificate can be submitted once every discrepancy report is settled."
        : null;

  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title="Closure"
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="closure"
      />
      {shown && <Alert type="success" title={shown} testId="notice" />}

      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Section id="closure-readiness" title={closed ? "Closure" : "Can this case close?"} testId="closure-readiness">
            {found.status === "CANCELLED" || found.status === "DISAPPROVED" ? (
              <Alert type="info" title={`This case was ${found.status === "CANCELLED" ? "cancelled" : "disapproved"}`} testId="closure-status" />
            ) : closed ? (
              <Alert type="success" title={`Closed on ${formatDate(closure.closedAt)}`} testId="closure-status">
                {closure.closureType ? `${CLOSURE_TYPE_LABELS[closure.closureType]}. ` : ""}
                {recordedDue && recordedDue.isNegative()
                  ? `Excess funds of ${formatUsd(recordedDue.negated().toFixed(2))} are returned to ${found.country.name}.`
                  : recordedDue && recordedDue.gt(0)
                    ? `${formatUsd(recorded!.amountDue)} remains due.`
                    : "The final bill is settled in full."}
              </Alert>
            ) : closure.ready ? (
              <Alert type="success" title="Nothing stands in the way of closing" testId="closure-status" />
            ) : (
              <Alert
                type="warning"
                title={`${closure.blockers.length} ${closure.blockers.length === 1 ? "thing stands" : "things stand"} in the way of closing`}
                testId="closure-status"
              >
                <ul className="list-disc pl-5" data-testid="closure-blockers">
                  {closure.blockers.map((blocker) => (
                    <li key={blocker}>{blocker}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <p className="my-3" data-testid="closure-next">
              {nextStep(found.status, closure)}
            </p>
            <ClosureChecklist criteria={closure.criteria} />
          </Section>

          <Section id="closure-statement" title={recorded ? "Final statement" : "Final statement as it stands"} testId="closure-statement">
            {recorded ? (
              <>
                <Figures
                  rows={[
                    ["Issued", formatDate(recorded.issuedOn)],
                    ["Final bill", formatUsd(recorded.billedCumulative), "final-bill"],
                    ["Collected (deposits and payments)", formatUsd(recorded.collected)],
                    ["Credits (discrepancy reports)", formatUsd(recorded.credits)],
                    [
                      recordedDue!.isNegative() ? "Refund of excess funds" : "Amount due",
                      <strong key="due">{formatUsd(recordedDue!.abs().toFixed(2))}</strong>,
                      "final-amount",
                    ],
                  ]}
                />
                <p className="mt-3 text-sm">
                  <a href={recorded.pdfUrl} download data-testid="final-statement-pdf">
                    Final statement (PDF)
                  </a>
                </p>
              </>
            ) : (
              <>
                <Figures
                  rows={[
                    ["Final bill (delivered and performed, with surcharges)", formatUsd(statement.finalBill), "final-bill"],
                    ["Deposits received", formatUsd(statement.deposits)],
                    ["Payments received", formatUsd(statement.payments)],
                    ["Credits (discrepancy reports)", formatUsd(statement.credits)],
                    [
                      due.isNegative() ? "Refund of excess funds at closure" : due.isZero() ? "Nothing due" : "Still to pay",
                      <strong key="due">{formatUsd(due.abs().toFixed(2))}</strong>,
                      "final-amount",
                    ],
                  ]}
                />
                <p className="mt-3 text-sm text-base-dark">
                  The final bill is what was actually delivered and performed, with its surcharges, whatever the payment schedule said; what has
                  been collected beyond it is returned to the partner when the case closes.
                </p>
              </>
            )}
            <h3 className="mb-1 mt-4 font-bold">Contract obligations not yet settled</h3>
            <p data-testid="closure-ulo">
              {ulo.isZero()
                ? "None: every contract obligation is matched by deliveries."
                : closed
                  ? `${formatUsd(closure.suspenseAmount)} moved to the Case Closure Suspense Account under Accelerated Case Closure; any money left once they settle is returned.`
                  : `${formatUsd(closure.unliquidatedObligations)} of contract obligations are not yet matched by deliveries. The final bill includes them: under Accelerated Case Closure that money is held in the Case Closure Suspense Account until they settle.`}
            </p>
          </Section>

          <Section id="closure-lines" title="Lines" testId="closure-lines">
            <DataTable
              caption="Lines of the LOA in force and how each ended"
              columns={partner ? ["Line", "Status", "Delivered", "Billed"] : ["Line", "Status", "Obligated", "Delivered", "Not settled", "Billed"]}
              count={closure.lines.length}
              noun={["line", "lines"]}
              emptyMessage="There is no LOA in force yet."
              testId="closure-lines-table"
            >
              {closure.lines.map((line) => (
                <tr key={line.lineNumber} className="border-t border-base-lighter" data-testid="closure-line">
                  <td className={cell}>
                    <span className="font-mono">{line.lineNumber}</span>
                    <span className="block text-xs">{line.description}</span>
                  </td>
                  <td className={cell}>
                    <LineState line={line} />
                  </td>
                  {!partner && <td className={money}>{formatUsd(line.obligated)}</td>}
                  <td className={money}>{formatUsd(line.expended)}</td>
                  {!partner && <td className={money}>{formatUsd(line.unliquidated)}</td>}
                  <td className={money}>{formatUsd(line.billed)}</td>
                </tr>
              ))}
            </DataTable>
          </Section>

          <Section id="closure-reviews" title="Annual case reviews" testId="annual-reviews">
            {closure.annualReviews.length === 0 ? (
              <p className="text-base-dark">No annual review has been recorded yet.</p>
            ) : (
              <ul className="divide-y divide-base-lighter">
                {closure.annualReviews.map((review) => (
                  <li key={review.id} className="py-2" data-testid="annual-review">
                    <p className="font-bold">
                      {review.reviewYear}: completed {formatDate(review.completedAt)}
                      {review.completedBy ? ` by ${review.completedBy}` : ""}
                    </p>
                    <ul className="text-sm">
                      <li>{review.loaMatchesDeliveries ? "✓ LOA matches deliveries" : "✗ LOA and deliveries differ"}</li>
                      <li>{review.loaMatchesContracts ? "✓ LOA matches contracts" : "✗ LOA and contracts differ"}</li>
                      <li>{review.scheduleAdjusted ? "✓ Payment schedule adjusted" : "✗ Payment schedule not adjusted"}</li>
                    </ul>
                    {review.notes && <p className="mt-1 whitespace-pre-line text-sm">Notes: {review.notes}</p>}
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
          <Section id="closure-actions" title={partner ? "Closure documents" : "Your actions"} testId="closure-actions">
            {closure.certificate && (
              <p className="mb-3">
                <a href={closure.certificate.url} download data-testid="closure-certificate">
                  Download the closure certificate (PDF)
                </a>
                {closure.certificate.sha256 && (
                  <span className="mt-1 block break-all text-xs text-base-dark">SHA-256 {closure.certificate.sha256}</span>
                )}
              </p>
            )}
            {actionPanel.length > 0 ? (
              <div className="grid gap-6">{actionPanel}</div>
            ) : (
              !closure.certificate && (
                <p className="text-base-dark" data-testid="closure-no-actions">
                  {waitingNote ?? (partner ? "The closure certificate appears here once the case is closed." : "Nothing about closure is waiting on you.")}
                </p>
              )
            )}
          </Section>

          <Section id="closure-target" title="24-month closure target" testId="closure-target">
            {closure.target ? (
              <>
                <p>
                  {closed ? "Closed" : "To close"} by <strong>{formatDate(closure.target.targetDate)}</strong>
                  {closure.target.overdue ? " — target passed" : ""}.
                </p>
                <p className="text-sm text-base-dark">
                  Supply and services complete on {formatDate(closure.target.supplyCompleteAt)}; {closure.target.monthsElapsed}{" "}
                  {closure.target.monthsElapsed === 1 ? "month" : "months"} {closed ? "to closure" : "so far"}. The target guides; it never stops a
                  closure.
                </p>
              </>
            ) : (
              <p className="text-base-dark">The clock starts when every line is supply and services complete.</p>
            )}
          </Section>

          {closure.closureType && (
            <Section id="closure-type" title="Closure type" testId="closure-type">
              <p className="font-bold">{CLOSURE_TYPE_LABELS[closure.closureType]}</p>
              <p className="text-sm">{CLOSURE_TYPE_EXPLANATIONS[closure.closureType]}</p>
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
