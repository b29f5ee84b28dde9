import type { Metadata } from "next";
import Link from "next/link";
import { CaseLiveWatcher } from "@/components/live/case-live-watcher";
import type { ReactNode } from "react";
import { CaseTimeline } from "@/components/case/case-timeline";
import { ReviewPanel } from "@/components/case/review-panel";
import { AgingTag, CaseStatusTag, countdownText } from "@/components/case/status";
import { WaitingOn } from "@/components/case/waiting-on";
import { LorStatusTag } from "@/components/lor/status";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/card";
import { LOA_TYPE_LABELS, LOR_REQUEST_TYPE_LABELS, type LorRequestType, type LorStatus } from "@/domain/lor/codes";
import { can } from "@/domain/policy";
import { formatUsd } from "@/domain/money";
import type { CaseView } from "@/domain/schemas/cases";
import { CASE_EVENTS, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { caseDiagramEdges, notificationDiagramEdges } from "@/domain/workflow/diagram";
import { boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { caseProgress } from "@/domain/workflow/next-step";
import { CASE_STATUS_LABELS, CN_STATUS_LABELS, WAIVABLE_REVIEW_OFFICES } from "@/domain/workflow/states";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { workflowDiagramSvg } from "@/server/cases/case-diagram";
import { getCase } from "@/server/cases/get-case";
import { getCaseAudit } from "@/server/cases/get-case-audit";
import { listCaseEvents } from "@/server/cases/list-case-events";
import { listImplementingAgencies } from "@/server/organizations/list-implementing-agencies";
import { getCaseFinances } from "@/server/finance/get-case-finances";
import { getClosureReadiness } from "@/server/closure/get-closure-readiness";
import { ClosureSummary } from "@/components/closure/closure-summary";
import { CaseSubnav } from "@/components/case/case-subnav";
import { LinesSummary } from "@/components/execution/lines-summary";
import { MoneySummary } from "@/components/finance/money-summary";
import { SdrSummary } from "@/components/sdr/sdr-summary";
import { getCaseExecution } from "@/server/execution/get-case-execution";
import { summarizeCaseSdrs } from "@/server/sdr/summarize-case-sdrs";
import { forPage } from "@/server/page-guard";
import { CaseActions } from "./case-action-forms";
import { LoaDocumentList } from "@/components/loa/document-list";
import { listDocuments } from "@/server/loa/list-documents";
import { getDocument } from "@/server/loa/get-document";
import { AcceptReview } from "@/components/case/accept-review";
import { EvidenceLink } from "@/components/case/evidence-link";
import { buttonLinkClass } from "@/components/ui/button";
import { CaseOutlook } from "@/components/insight/case-outlook";
import { predictCaseForActor } from "@/server/insight/predict-case";

export const metadata: Metadata = { title: "Case" };

/** From implementation on a case has lines to deliver, money to collect and a closure ahead: the overview sums them up. */
const CLOSURE_SUMMARY_STATUSES: readonly string[] = ["IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING", "CLOSED"];
/** Accepted cases have an LOA in force, so their lines, SDR, money and closure pages have something to show. */
const AFTER_ACCEPTANCE: readonly string[] = ["ACCEPTED", ...CLOSURE_SUMMARY_STATUSES];

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-2 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function OfferPanel({ found, now }: { found: CaseView; now: Date }) {
  const m = found.milestones;
  if (!m.offerExpiresAt) return <p className="text-base-dark">The offer expiration date is set when the agency approves the LOA.</p>;
  return (
    <Facts
      rows={[
        ["Offer expiration date", <time key="oed" dateTime={m.offerExpiresAt} data-testid="offer-expires">{formatDate(m.offerExpiresAt)}</time>],
        ...(found.status === "OFFERED"
          ? ([["Time to accept", <strong key="left" data-testid="oed-countdown">{countdownText(m.offerExpiresAt, now)}</strong>]] as [string, ReactNode][])
          : []),
        ["Offered", formatDate(m.offeredAt)],
        ...(found.acceptance
          ? ([
              ["Signed by", `${found.acceptance.signerName}, ${found.acceptance.signerTitle}`],
              ["Date signed", found.acceptance.signedOn],
              ["Initial deposit", formatUsd(found.acceptance.initialDeposit)],
            ] as [string, ReactNode][])
          : []),
        ...(m.implementedAt
          ? ([["Implemented", `${formatDate(m.implementedAt)}${m.emergencyImplementation ? " (emergency implementation)" : ""}`]] as [string, ReactNode][])
          : []),
      ]}
    />
  );
}

/** How many of the latest events the case page shows before "Show all". */
const LATEST_EVENTS = 5;

const NOTICES: Record<string, string> = Object.fromEntries(
  Object.entries(CASE_EVENTS).map(([name, d]) => [name, (d as CaseEventDefinition).pastTense]),
);

export default async function CasePage({
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
  const partner = actor.role === "PARTNER_OFFICER";
  const now = new Date();
  const depositAction = found.availableActions.includes("accept") || found.availableActions.includes("record-deposit");
  const [events, agencies, chain, diagram, documents, finances, prediction] = await Promise.all([
    listCaseEvents(actor, id),
    found.availableActions.includes("assign-agency") ? listImplementingAgencies(actor) : Promise.resolve([]),
    // The use case enforces the rule too; can() only decides whether the page shows the section.
    can(actor, "viewCaseAudit") ? getCaseAudit(actor, id) : Promise.resolve(null),
    partner ? Promise.resolve(null) : workflowDiagramSvg({ status: found.status, cnStatus: found.notification?.determined ? found.notification.status : null }),
    listDocuments(actor, id),
    // The accept and record-deposit forms show the deposit the LOA calls for (and what has arrived).
    depositAction ? getCaseFinances(actor, id) : Promise.resolve(null),
    predictCaseForActor(actor, id, now),
  ]);
  const subject = { organizationId: found.country.id, agencyId: found.implementingAgency.id };
  const accepted = AFTER_ACCEPTANCE.includes(found.status) || (found.status === "SUSPENDED" && found.milestones.implementedAt !== null);
  const implemented = CLOSURE_SUMMARY_STATUSES.includes(found.status);
  // "What has shipped, what do I owe, when will this close": from implementation on (they read the lines and money).
  const [closure, execution, sdrs, money] = implemented
    ? await Promise.all([
        getClosureReadiness(actor, id),
        getCaseExecution(actor, id),
        summarizeCaseSdrs(actor, id, now),
        finances ? Promise.resolve(finances) : getCaseFinances(actor, id, now),
      ])
    : [null, null, null, null];
  const builderLink = can(actor, "editLoa", subject)
    ? documents.some((d) => d.status === "DRAFT")
      ? "Open the LOA builder"
      : documents.some((d) => d.status === "ACCEPTED" || d.status === "IMPLEMENTED")
        ? "Propose an Amendment or Modification"
        : "View the LOA in the builder"
    : can(actor, "viewLoaInternals") && documents.some((d) => d.status === "DRAFT" || d.status === "SUBMITTED")
      ? "View the working LOA"
      : null;
  const shown = notice ? NOTICES[notice] : undefined;
  const progress = caseProgress(found.status);
  // A partner with an offer to accept gets a review-then-sign section first: what they accept, then the signature.
  const offeredSummary = partner && found.availableActions.includes("accept") ? boundDocumentOf("accept", documents) : null;
  const offered = offeredSummary ? await getDocument(actor, id, offeredSummary.number) : null;
  const sideActions = offered ? found.availableActions.filter((a) => a !== "accept") : found.availableActions;
  const actionProps = {
    target: { caseId: found.id, version: found.version },
    agencies,
    currentAgencyId: found.implementingAgency.id,
    partner,
    deposit: finances?.deposit ?? null,
    documents,
    waivableOffices: WAIVABLE_REVIEW_OFFICES.filter((office) => found.reviews.some((r) => r.office === office && r.status === "OPEN")),
    acceptOnBehalfOf: found.country.name,
  };
  // The case page shows the latest few events; the earlier ones wait behind "Show all" (and the Timeline page).
  const earlierEvents = events.slice(0, Math.max(0, events.length - LATEST_EVENTS));
  const latestEvents = events.slice(earlierEvents.length);
  return (
    <div>
      <CaseLiveWatcher caseId={found.id} version={found.version} />
      <p className="mb-2 text-sm">
        <Link href={partner ? "/cases" : "/tasks"}>{partner ? "← My cases" : "← My tasks"}</Link>
      </p>
      <PageHeader
        title={`Case ${found.identifier}`}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <CaseStatusTag status={found.status} />
            <span>
              {found.country.name} · {found.implementingAgency.name} · {LOA_TYPE_LABELS[found.caseType].split(" (")[0]}
            </span>
          </span>
        }
      />
      {accepted && <CaseSubnav caseId={found.id} current="overview" />}
      {shown && <Alert type="success" title={shown} testId="notice" />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          <Section id="case-standing" title="Where the case stands" testId="case-standing">
            <p className="mb-2" data-testid="case-step">
              {progress.step !== null ? (
                <>
                  Step {progress.step} of {progress.of}: <strong>{CASE_STATUS_LABELS[found.status]}</strong>
                </>
              ) : (
                <>
                  Current state: <strong>{CASE_STATUS_LABELS[found.status]}</strong>
                </>
              )}
            </p>
            <p className="mb-2 text-lg">
              Waiting on:{" "}
              <strong data-testid="waiting-on">
                <WaitingOn parts={found.waitingOnParts} />
              </strong>
            </p>
            {found.status === "SUSPENDED" && found.suspendedFromStatus && (
              <p className="mb-2">
                Suspended while {CASE_STATUS_LABELS[found.suspendedFromStatus].toLowerCase()}. Its clocks are paused: resuming moves
                its due dates, offer expiration date and notification periods on by the time suspended.
              </p>
            )}
            {progress.next && (
              <p className="mb-2" data-testid="case-next-step">
                What comes next: <strong>{CASE_STATUS_LABELS[progress.next.status]}</strong>
                {progress.next.label && <span className="text-base-dark"> (after &ldquo;{progress.next.label}&rdquo;)</span>}
              </p>
            )}
            <p className="text-sm text-base-dark">
              In this state since {formatDateTime(found.statusChangedAt)}. {found.statusAging && <AgingTag aging={found.statusAging} />}
            </p>
          </Section>

          {offered && (
            <Section id="case-accept" title="Review and accept the offer" testId="accept-section">
              <AcceptReview
                caseId={found.id}
                document={offered}
                offerExpiresAt={found.milestones.offerExpiresAt}
                countdown={found.milestones.offerExpiresAt ? countdownText(found.milestones.offerExpiresAt, now) : null}
                depositDue={finances?.deposit?.due ?? null}
              >
                <CaseActions {...actionProps} actions={["accept"]} />
              </AcceptReview>
            </Section>
          )}

          {/* Cases with nothing ahead to predict (closed, suspended, expired) say so on the timeline page only. */}
          {prediction.kind !== "NONE" && <CaseOutlook prediction={prediction} />}

          {execution && (
            <Section id="case-lines" title={partner ? "What has shipped" : "Lines and deliveries"} testId="case-lines">
              <LinesSummary caseId={found.id} lines={execution.lines} />
              <p className="mt-3 text-sm">
                <Link href={`/cases/${found.id}/execution`}>Every line, contract, requisition and shipment</Link>
              </p>
            </Section>
          )}

          {money && (
            <Section id="case-money" title={partner ? "What you owe" : "Money"} testId="case-money">
              <MoneySummary finances={money} link />
            </Section>
          )}

          {sdrs && (
            <Section id="case-sdrs" title="Supply discrepancy reports" testId="case-sdrs">
              <SdrSummary summary={sdrs} partner={partner} />
            </Section>
          )}

          {closure && (
            <Section id="case-closure" title="Closure" testId="case-closure">
              <ClosureSummary closure={closure} />
            </Section>
          )}

          {partner && (found.status === "OFFERED" || found.milestones.offeredAt) && (
            <Section id="case-offer" title="Your offer" testId="offer-panel">
              <OfferPanel found={found} now={now} />
            </Section>
          )}

          {!partner && (
            <Section id="case-reviews" title="Reviews" testId="reviews">
              <ReviewPanel reviews={found.reviews} round={found.reviewRound} />
            </Section>
          )}

          {found.notification && (
            <Section id="case-notification" title="Congressional notification" testId="notification">
              <Facts
                rows={[
                  [
                    "Status",
                    // Before the agency approves the LOA, NOT_REQUIRED is only the starting value: say so rather than show it as a decision.
                    found.notification.determined ? (
                      <span key="cn" data-testid="notification-status">
                        <Tag tone={found.notification.status === "CLEARED" || found.notification.status === "NOT_REQUIRED" ? "success" : "warning"}>
                          {CN_STATUS_LABELS[found.notification.status]}
                        </Tag>
                      </span>
                    ) : (
                      <span key="cn" data-testid="notification-status">
                        <Tag tone="info">Not yet determined</Tag> <span className="text-sm">decided when the agency approves the LOA, from its values</span>
                      </span>
                    ),
                  ],
                  ...(found.notification.informalEndsAt
                    ? ([["Informal review ends", formatDate(found.notification.informalEndsAt)]] as [string, ReactNode][])
                    : []),
                  ...(found.notification.notifiedAt ? ([["Formally notified", formatDate(found.notification.notifiedAt)]] as [string, ReactNode][]) : []),
                  ...(found.notification.periodEndsAt
                    ? ([["Review period ends", formatDate(found.notification.periodEndsAt)]] as [string, ReactNode][])
                    : []),
                ]}
              />
              <p className="mt-2 text-sm text-base-dark">
                The case cannot be offered until the notification is cleared or not required. {found.country.natoPlus ? "NATO+ purchaser: 15-day formal review." : "Non-NATO+ purchaser: 20-day informal review, then 30-day formal review."}
              </p>
            </Section>
          )}

          <Section id="case-loa" title="Letter of Offer and Acceptance" testId="loa-documents">
            <LoaDocumentList caseId={found.id} documents={documents} partner={partner} />
            {builderLink && (
              <p className="mt-3">
                <Link href={`/cases/${found.id}/loa`} className={buttonLinkClass} data-testid="open-builder">
                  {builderLink}
                </Link>
              </p>
            )}
          </Section>

          <Section id="case-timeline" title={partner ? "Milestones" : "Timeline"}>
            {earlierEvents.length > 0 && (
              <details className="mb-3" data-testid="earlier-events">
                <summary className="cursor-pointer text-primary">
                  Show all {events.length} events ({earlierEvents.length} earlier)
                </summary>
                <div className="mt-3">
                  <CaseTimeline events={earlierEvents} showVisibility={!partner} />
                </div>
              </details>
            )}
            <CaseTimeline events={latestEvents} showVisibility={!partner} />
            <p className="mt-2">
              <Link href={`/cases/${found.id}/timeline`} data-testid="purchase-story-link">See the whole story of this purchase, from the letter of request</Link>
            </p>
          </Section>

        </div>

        {/* On a phone the actions come first, so a partner reaches "Accept" without scrolling past the timeline; the
            facts about the case and its audit trail come after where it stands (the column dissolves: display contents). */}
        <div className="contents lg:grid lg:content-start lg:gap-6">
          <div className="order-first min-w-0 lg:order-none">
            <Section id="case-your-actions" title="Your actions">
              {offered && (
                <p className="mb-3">
                  <a href="#case-accept" className="font-bold">
                    Review and accept the offer
                  </a>
                </p>
              )}
              {found.availableActions.length === 0 ? (
                <p className="text-base-dark" data-testid="no-actions">
                  Nothing is waiting on you. {found.waitingOn}.
                </p>
              ) : (
                sideActions.length > 0 && <CaseActions {...actionProps} actions={sideActions} />
              )}
            </Section>
          </div>

          {!partner && (
            <Section id="case-offer-facts" title="Offer">
              <OfferPanel found={found} now={now} />
            </Section>
          )}

          <Section id="case-facts" title="About the case">
            <Facts
              rows={[
                ["Identifier", <span key="id" className="font-mono" data-testid="case-identifier">{found.identifier}</span>],
                ["Country", `${found.country.name} (${found.country.code})`],
                ["Implementing agency", `${found.implementingAgency.name} (${found.implementingAgency.code})`],
                ["Type", LOA_TYPE_LABELS[found.caseType]],
                ["Opened", formatDate(found.openedAt)],
                ["Version", String(found.version)],
              ]}
            />
            {can(actor, "viewCaseEvidence", subject) && <EvidenceLink caseId={found.id} identifier={found.identifier} />}
            <h3 className="mb-1 mt-4 font-bold">Letters of request</h3>
            {found.letters.length === 0 && <p className="text-sm text-base-dark">No letter of request for this case is in Caseway.</p>}
            <ul className="divide-y divide-base-lighter">
              {found.letters.map((l) => (
                <li key={l.id} className="py-2">
                  <Link href={`/lors/${l.id}`} className="font-bold">
                    {l.subject ?? l.originatorReference ?? "Letter of request"}
                  </Link>{" "}
                  <LorStatusTag status={l.status as LorStatus} />
                  <span className="block text-sm text-base-dark">
                    {l.requestType ? LOR_REQUEST_TYPE_LABELS[l.requestType as LorRequestType] : ""} · complete {formatDate(l.completedAt)}
                  </span>
                </li>
              ))}
            </ul>
          </Section>

          {chain && (
            <Section id="case-audit" title="Audit trail" testId="audit-chain">
              {chain.verification.verified ? (
                <p>
                  <Tag tone="success">Audit chain verified</Tag>{" "}
                  <span className="text-sm">
                    {chain.verification.eventCount} events, each sealed with SHA-256 to the one before.
                  </span>
                </p>
              ) : (
                <Alert type="error" title="Audit chain broken">
                  Event {chain.verification.brokenAt.chainSeq}: {chain.verification.brokenAt.reason}. Report this to your security officer.
                </Alert>
              )}
              <p className="mt-2 text-sm">
                <a href={`/api/v1/cases/${found.id}/audit`}>Download the audit trail (JSON)</a>
              </p>
            </Section>
          )}
        </div>
      </div>
      {diagram && (
        <details className="mt-6 rounded border border-base-lighter bg-white p-5" data-testid="workflow-diagram">
          <summary className="cursor-pointer text-lg font-bold text-primary-darker">How this case moves through its steps</summary>
          <figure className="mt-3">
            <figcaption id="workflow-diagram-title" className="mb-2 text-sm text-base-dark">
              Every case follows this workflow. The current state ({CASE_STATUS_LABELS[found.status]}) and notification step are filled in blue.
            </figcaption>
            {/* Never shrunk below a readable size: on a phone the diagram scrolls sideways inside its box instead. */}
            <div
              className="overflow-x-auto [&>svg]:min-w-[56rem]"
              tabIndex={0}
              role="region"
              aria-label="Workflow diagram"
              data-testid="workflow-diagram-scroll"
              dangerouslySetInnerHTML={{ __html: diagram }}
            />
          </figure>
          <h3 className="mb-1 mt-3 font-bold">The workflow in words</h3>
          <ul className="list-disc pl-6 text-sm">
            {[...caseDiagramEdges(), ...notificationDiagramEdges()].map((edge) => (
              <li key={`${edge.from}-${edge.to}-${edge.label}`}>
                {edge.label}: {CASE_STATUS_LABELS[edge.from as keyof typeof CASE_STATUS_LABELS] ?? CN_STATUS_LABELS[edge.from as keyof typeof CN_STATUS_LABELS]} →{" "}
                {CASE_STATUS_LABELS[edge.to as keyof typeof CASE_STATUS_LABELS] ?? CN_STATUS_LABELS[edge.to as keyof typeof CN_STATUS_LABELS]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
