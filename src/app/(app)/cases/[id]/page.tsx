import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
import type { LorStatus } from "@/domain/lor/codes";
import { can } from "@/domain/policy";
import type { CaseView } from "@/domain/schemas/cases";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { caseDiagramEdges, notificationDiagramEdges } from "@/domain/workflow/diagram";
import { boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { caseProgress } from "@/domain/workflow/next-step";
import { CASE_STATUS_LABELS, CN_STATUS_LABELS, WAIVABLE_REVIEW_OFFICES } from "@/domain/workflow/states";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CasePage");
  return { title: t("metaTitle") };
}

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

type Words = Awaited<ReturnType<typeof getTranslations>>;

function OfferPanel({ found, now, t, ts, f }: { found: CaseView; now: Date; t: Words; ts: Words; f: Formats }) {
  const m = found.milestones;
  if (!m.offerExpiresAt) return <p className="text-base-dark">{t("offerNotSet")}</p>;
  return (
    <Facts
      rows={[
        [t("offerExpires"), <time key="oed" dateTime={m.offerExpiresAt} data-testid="offer-expires">{f.date(m.offerExpiresAt)}</time>],
        ...(found.status === "OFFERED"
          ? ([[t("timeToAccept"), <strong key="left" data-testid="oed-countdown">{countdownText(m.offerExpiresAt, now, ts)}</strong>]] as [string, ReactNode][])
          : []),
        [t("offered"), f.date(m.offeredAt)],
        ...(found.acceptance
          ? ([
              [t("signedBy"), t("signer", { name: found.acceptance.signerName, title: found.acceptance.signerTitle })],
              [t("dateSigned"), found.acceptance.signedOn],
              [t("initialDeposit"), f.usd(found.acceptance.initialDeposit)],
            ] as [string, ReactNode][])
          : []),
        ...(m.implementedAt
          ? ([
              [t("implemented"), m.emergencyImplementation ? t("implementedEmergency", { date: f.date(m.implementedAt) }) : f.date(m.implementedAt)],
            ] as [string, ReactNode][])
          : []),
      ]}
    />
  );
}

/** How many of the latest events the case page shows before "Show all". */
const LATEST_EVENTS = 5;

/** The notice after an action is its event's past tense ("CaseEvents" messages); only the workflow's own events count. */
const isCaseEvent = (name: string): name is keyof typeof CASE_EVENTS => Object.hasOwn(CASE_EVENTS, name);

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
  const [t, ts, te, f, label] = await Promise.all([
    getTranslations("CasePage"),
    getTranslations("CaseStatus"),
    getTranslations("CaseEvents"),
    getFormats(),
    getLabels(),
  ]);
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
      ? t("builderOpen")
      : documents.some((d) => d.status === "ACCEPTED" || d.status === "IMPLEMENTED")
        ? t("builderPropose")
        : t("builderView")
    : can(actor, "viewLoaInternals") && documents.some((d) => d.status === "DRAFT" || d.status === "SUBMITTED")
      ? t("builderWorking")
      : null;
  const shown = notice && isCaseEvent(notice) ? te(`${notice}.pastTense`) : undefined;
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
  // The diagram's edges are the events' (English) labels, joining case states and notification states.
  const eventLabel = (english: string) => {
    const event = Object.entries(CASE_EVENTS).find(([, d]) => d.label === english)?.[0];
    return event ? te(`${event}.label`) : english;
  };
  const stateLabel = (state: string) =>
    Object.hasOwn(CASE_STATUS_LABELS, state) ? label("caseStatus", state) : Object.hasOwn(CN_STATUS_LABELS, state) ? label("cnStatus", state) : "";
  const latestEvents = events.slice(earlierEvents.length);
  return (
    <div>
      <CaseLiveWatcher caseId={found.id} version={found.version} />
      <p className="mb-2 text-sm">
        <Link href={partner ? "/cases" : "/tasks"}>{partner ? t("backCases") : t("backTasks")}</Link>
      </p>
      <PageHeader
        title={t("title", { identifier: found.identifier })}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <CaseStatusTag status={found.status} />
            <span>
              {found.country.name} · {found.implementingAgency.name} · {label("loaType", found.caseType).split(" (")[0]}
            </span>
          </span>
        }
      />
      {accepted && <CaseSubnav caseId={found.id} current="overview" />}
      {shown && <Alert type="success" title={shown} testId="notice" />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          <Section id="case-standing" title={t("standing")} testId="case-standing">
            <p className="mb-2" data-testid="case-step">
              {progress.step !== null ? (
                t.rich("step", { step: progress.step, of: progress.of, status: label("caseStatus", found.status), strong: (chunks) => <strong>{chunks}</strong> })
              ) : (
                t.rich("currentState", { status: label("caseStatus", found.status), strong: (chunks) => <strong>{chunks}</strong> })
              )}
            </p>
            <p className="mb-2 text-lg">
              {t("waitingOn")}{" "}
              <strong data-testid="waiting-on">
                <WaitingOn parts={found.waitingOnParts} />
              </strong>
            </p>
            {found.status === "SUSPENDED" && found.suspendedFromStatus && (
              <p className="mb-2">{t("suspended", { status: label("caseStatus", found.suspendedFromStatus).toLowerCase() })}</p>
            )}
            {progress.next && (
              <p className="mb-2" data-testid="case-next-step">
                {t.rich("next", { status: label("caseStatus", progress.next.status), strong: (chunks) => <strong>{chunks}</strong> })}
                {progress.next.label && (
                  <span className="text-base-dark"> {t("nextAfter", { action: progress.next.event ? te(`${progress.next.event}.label`) : progress.next.label })}</span>
                )}
              </p>
            )}
            <p className="text-sm text-base-dark">
              {t("since", { when: f.dateTime(found.statusChangedAt) })} {found.statusAging && <AgingTag aging={found.statusAging} />}
            </p>
          </Section>

          {offered && (
            <Section id="case-accept" title={t("acceptSection")} testId="accept-section">
              <AcceptReview
                caseId={found.id}
                document={offered}
                offerExpiresAt={found.milestones.offerExpiresAt}
                countdown={found.milestones.offerExpiresAt ? countdownText(found.milestones.offerExpiresAt, now, ts) : null}
                depositDue={finances?.deposit?.due ?? null}
              >
                <CaseActions {...actionProps} actions={["accept"]} />
              </AcceptReview>
            </Section>
          )}

          {/* Cases with nothing ahead to predict (closed, suspended, expired) say so on the timeline page only. */}
          {prediction.kind !== "NONE" && <CaseOutlook prediction={prediction} />}

          {execution && (
            <Section id="case-lines" title={partner ? t("linesPartner") : t("lines")} testId="case-lines">
              <LinesSummary caseId={found.id} lines={execution.lines} />
              <p className="mt-3 text-sm">
                <Link href={`/cases/${found.id}/execution`}>{t("linesLink")}</Link>
              </p>
            </Section>
          )}

          {money && (
            <Section id="case-money" title={partner ? t("moneyPartner") : t("money")} testId="case-money">
              <MoneySummary finances={money} link />
            </Section>
          )}

          {sdrs && (
            <Section id="case-sdrs" title={t("sdrs")} testId="case-sdrs">
              <SdrSummary summary={sdrs} partner={partner} />
            </Section>
          )}

          {closure && (
            <Section id="case-closure" title={t("closure")} testId="case-closure">
              <ClosureSummary closure={closure} />
            </Section>
          )}

          {partner && (found.status === "OFFERED" || found.milestones.offeredAt) && (
            <Section id="case-offer" title={t("yourOffer")} testId="offer-panel">
              <OfferPanel found={found} now={now} t={t} ts={ts} f={f} />
            </Section>
          )}

          {!partner && (
            <Section id="case-reviews" title={t("reviews")} testId="reviews">
              <ReviewPanel reviews={found.reviews} round={found.reviewRound} />
            </Section>
          )}

          {found.notification && (
            <Section id="case-notification" title={t("notification")} testId="notification">
              <Facts
                rows={[
                  [
                    t("notificationStatus"),
                    // Before the agency approves the LOA, NOT_REQUIRED is only the starting value: say so rather than show it as a decision.
                    found.notification.determined ? (
                      <span key="cn" data-testid="notification-status">
                        <Tag tone={found.notification.status === "CLEARED" || found.notification.status === "NOT_REQUIRED" ? "success" : "warning"}>
                          {label("cnStatus", found.notification.status)}
                        </Tag>
                      </span>
                    ) : (
                      <span key="cn" data-testid="notification-status">
                        <Tag tone="info">{t("notDetermined")}</Tag> <span className="text-sm">{t("notDeterminedNote")}</span>
                      </span>
                    ),
                  ],
                  ...(found.notification.informalEndsAt
                    ? ([[t("informalEnds"), f.date(found.notification.informalEndsAt)]] as [string, ReactNode][])
                    : []),
                  ...(found.notification.notifiedAt ? ([[t("formallyNotified"), f.date(found.notification.notifiedAt)]] as [string, ReactNode][]) : []),
                  ...(found.notification.periodEndsAt
                    ? ([[t("periodEnds"), f.date(found.notification.periodEndsAt)]] as [string, ReactNode][])
                    : []),
                ]}
              />
              <p className="mt-2 text-sm text-base-dark">
                {t("notificationBlocks")} {found.country.natoPlus ? t("natoPlus") : t("nonNatoPlus")}
              </p>
            </Section>
          )}

          <Section id="case-loa" title={t("loa")} testId="loa-documents">
            <LoaDocumentList caseId={found.id} documents={documents} partner={partner} />
            {builderLink && (
              <p className="mt-3">
                <Link href={`/cases/${found.id}/loa`} className={buttonLinkClass} data-testid="open-builder">
                  {builderLink}
                </Link>
              </p>
            )}
          </Section>

          <Section id="case-timeline" title={partner ? t("milestones") : t("timeline")}>
            {earlierEvents.length > 0 && (
              <details className="mb-3" data-testid="earlier-events">
                <summary className="cursor-pointer text-primary">
                  {t("showAll", { count: events.length, earlier: earlierEvents.length })}
                </summary>
                <div className="mt-3">
                  <CaseTimeline events={earlierEvents} showVisibility={!partner} />
                </div>
              </details>
            )}
            <CaseTimeline events={latestEvents} showVisibility={!partner} />
            <p className="mt-2">
              <Link href={`/cases/${found.id}/timeline`} data-testid="purchase-story-link">{t("storyLink")}</Link>
            </p>
          </Section>

        </div>

        {/* On a phone the actions come first, so a partner reaches "Accept" without scrolling past the timeline; the
            facts about the case and its audit trail come after where it stands (the column dissolves: display contents). */}
        <div className="contents lg:grid lg:content-start lg:gap-6">
          <div className="order-first min-w-0 lg:order-none">
            <Section id="case-your-actions" title={t("yourActions")}>
              {offered && (
                <p className="mb-3">
                  <a href="#case-accept" className="font-bold">
                    {t("acceptSection")}
                  </a>
                </p>
              )}
              {found.availableActions.length === 0 ? (
                <p className="text-base-dark" data-testid="no-actions">
                  {t("nothingWaiting", { waitingOn: found.waitingOn })}
                </p>
              ) : (
                sideActions.length > 0 && <CaseActions {...actionProps} actions={sideActions} />
              )}
            </Section>
          </div>

          {!partner && (
            <Section id="case-offer-facts" title={t("offer")}>
              <OfferPanel found={found} now={now} t={t} ts={ts} f={f} />
            </Section>
          )}

          <Section id="case-facts" title={t("about")}>
            <Facts
              rows={[
                [t("identifier"), <span key="id" className="font-mono" data-testid="case-identifier">{found.identifier}</span>],
                [t("country"), `${found.country.name} (${found.country.code})`],
                [t("agency"), `${found.implementingAgency.name} (${found.implementingAgency.code})`],
                [t("type"), label("loaType", found.caseType)],
                [t("opened"), f.date(found.openedAt)],
                [t("version"), String(found.version)],
              ]}
            />
            {can(actor, "viewCaseEvidence", subject) && <EvidenceLink caseId={found.id} identifier={found.identifier} />}
            <h3 className="mb-1 mt-4 font-bold">{t("letters")}</h3>
            {found.letters.length === 0 && <p className="text-sm text-base-dark">{t("noLetters")}</p>}
            <ul className="divide-y divide-base-lighter">
              {found.letters.map((l) => (
                <li key={l.id} className="py-2">
                  <Link href={`/lors/${l.id}`} className="font-bold">
                    {l.subject ?? l.originatorReference ?? t("letter")}
                  </Link>{" "}
                  <LorStatusTag status={l.status as LorStatus} />
                  <span className="block text-sm text-base-dark">
                    {l.requestType ? label("lorRequestType", l.requestType) : ""} · {t("letterComplete", { date: f.date(l.completedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </Section>

          {chain && (
            <Section id="case-audit" title={t("audit")} testId="audit-chain">
              {chain.verification.verified ? (
                <p>
                  <Tag tone="success">{t("auditVerified")}</Tag>{" "}
                  <span className="text-sm">{t("auditEvents", { count: chain.verification.eventCount })}</span>
                </p>
              ) : (
                <Alert type="error" title={t("auditBroken")}>
                  {t("auditBrokenAt", { seq: String(chain.verification.brokenAt.chainSeq), reason: chain.verification.brokenAt.reason })}
                </Alert>
              )}
              <p className="mt-2 text-sm">
                <a href={`/api/v1/cases/${found.id}/audit`}>{t("auditDownload")}</a>
              </p>
            </Section>
          )}
        </div>
      </div>
      {diagram && (
        <details className="mt-6 rounded border border-base-lighter bg-white p-5" data-testid="workflow-diagram">
          <summary className="cursor-pointer text-lg font-bold text-primary-darker">{t("diagramSummary")}</summary>
          <figure className="mt-3">
            <figcaption id="workflow-diagram-title" className="mb-2 text-sm text-base-dark">
              {t("diagramCaption", { status: label("caseStatus", found.status) })}
            </figcaption>
            {/* Never shrunk below a readable size: on a phone the diagram scrolls sideways inside its box instead. */}
            <div
              className="overflow-x-auto [&>svg]:min-w-[56rem]"
              tabIndex={0}
              role="region"
              aria-label={t("diagramLabel")}
              data-testid="workflow-diagram-scroll"
              dangerouslySetInnerHTML={{ __html: diagram }}
            />
          </figure>
          <h3 className="mb-1 mt-3 font-bold">{t("diagramWords")}</h3>
          <ul className="list-disc ps-6 text-sm">
            {[...caseDiagramEdges(), ...notificationDiagramEdges()].map((edge) => (
              <li key={`${edge.from}-${edge.to}-${edge.label}`}>
                {t("diagramEdge", { action: eventLabel(edge.label), from: stateLabel(edge.from), to: stateLabel(edge.to) })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
