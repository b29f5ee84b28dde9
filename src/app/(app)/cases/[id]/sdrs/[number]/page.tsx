import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CaseSubnav } from "@/components/case/case-subnav";
import { AgingTag } from "@/components/case/status";
import { PageHeader } from "@/components/page-header";
import { SdrStatusTag, sdrDecisionText } from "@/components/sdr/sdr-status";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { TimelineList } from "@/components/ui/timeline";
import { SDR_TYPE_LABELS } from "@/domain/execution/sdr";
import { formatBytes } from "@/domain/files";
import { formatUsd } from "@/domain/money";
import type { SdrView } from "@/domain/schemas/sdr";
import { COMMENT_VISIBILITY_LABELS } from "@/domain/workflow/states";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { forPage } from "@/server/page-guard";
import { getSdr } from "@/server/sdr/get-sdr";
import { AcceptSdrDecisionForm, DecideSdrForm, ReconsiderSdrForm, SdrAttachForm, SdrCommentForm } from "../sdr-forms";

export const metadata: Metadata = { title: "Discrepancy report" };

const NOTICES: Record<string, string> = {
  filed: "Report filed. The implementing agency has been given it to decide.",
  decided: "Decision recorded. The partner sees it now.",
  reconsideration: "Reconsideration requested. The agency will make a final decision.",
  accepted: "Decision accepted. The report is closed.",
  comment: "Comment added",
  attached: "Attached",
};

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-2 min-w-0 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Whose move it is, and by when, in plain words. */
function Standing({ sdr, partner }: { sdr: SdrView; partner: boolean }) {
  const decision = sdrDecisionText(sdr.decision, sdr.creditAmount);
  const rows: [string, ReactNode][] = [["Status", <SdrStatusTag key="status" status={sdr.status} />]];
  if (sdr.waitingOn === "AGENCY") {
    rows.push([
      sdr.status === "RECONSIDERATION_REQUESTED" ? "Final decision due" : "Decision due",
      sdr.aging ? <AgingTag key="aging" aging={sdr.aging} /> : formatDate(sdr.dueAt),
    ]);
  }
  if (decision) {
    rows.push(["Decision", <strong key="decision" data-testid="sdr-decision">{decision}</strong>]);
    if (sdr.decisionReason) rows.push(["Reason", <span key="reason" className="whitespace-pre-line">{sdr.decisionReason}</span>]);
    rows.push(["Decided", `${formatDateTime(sdr.decidedAt)} by ${sdr.decidedBy ?? "the agency"}`]);
  }
  if (sdr.reconsideration.requestedAt) {
    rows.push(["Reconsideration asked", formatDateTime(sdr.reconsideration.requestedAt)]);
    if (sdr.reconsideration.reason) rows.push(["Why", <span key="why" className="whitespace-pre-line">{sdr.reconsideration.reason}</span>]);
  } else if (sdr.reconsideration.lastDay) {
    rows.push([
      "Reconsideration",
      sdr.waitingOn === "PARTNER"
        ? `${partner ? "You may" : "The partner may"} ask once, until ${formatDate(sdr.reconsideration.lastDay)}`
        : `Not asked for; the window closed on ${formatDate(sdr.reconsideration.lastDay)}`,
    ]);
  }
  const waiting =
    sdr.waitingOn === "AGENCY"
      ? partner
        ? "The implementing agency's decision"
        : "Your agency's decision"
      : sdr.waitingOn === "PARTNER"
        ? partner
          ? "Nothing, unless you ask for reconsideration"
          : "The partner may still ask for reconsideration"
        : "Nothing: the report is settled";
  return (
    <>
      <p className="mb-3 text-lg">
        Waiting on: <strong data-testid="sdr-waiting-on">{waiting}</strong>
      </p>
      <Facts rows={rows} />
    </>
  );
}

export default async function SdrPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; number: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id, number } = await params;
  const { notice } = await searchParams;
  const found = await forPage(() => getCase(actor, id));
  const sdr = await forPage(() => getSdr(actor, id, number));
  const partner = actor.role === "PARTNER_OFFICER";
  const report = { caseId: found.id, number: sdr.number, version: sdr.version };
  const can = (action: SdrView["availableActions"][number]) => sdr.availableActions.includes(action);
  const shown = notice ? NOTICES[notice] : undefined;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${found.id}/sdrs`}>← Discrepancy reports on case {found.identifier}</Link>
      </p>
      <PageHeader
        title={`Discrepancy report ${sdr.reference}`}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <SdrStatusTag status={sdr.status} />
            <span>
              {SDR_TYPE_LABELS[sdr.type]} · {found.country.name} · {found.implementingAgency.name}
            </span>
          </span>
        }
      />
      <CaseSubnav caseId={found.id} current="sdrs" />
      {shown && (
        <div className="mb-4">
          <Alert type="success" title={shown} testId="notice" />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Section id="sdr-standing" title="Where it stands" testId="sdr-standing">
            <Standing sdr={sdr} partner={partner} />
          </Section>

          <Section id="sdr-report" title="What was reported" testId="sdr-report">
            <Facts
              rows={[
                ["Discrepancy", `${SDR_TYPE_LABELS[sdr.type]}${sdr.informationOnly ? " (for information only)" : ""}`],
                ["Quantity affected", sdr.quantityAffected === null ? "Not given (billing error)" : `${sdr.quantityAffected} of ${sdr.shipment.quantity} shipped`],
                ["Value affected", <span key="value" className="font-mono tabular-nums">{formatUsd(sdr.valueAffected)}</span>],
                [
                  "Shipment",
                  <span key="shipment">
                    Line {sdr.shipment.lineNumber}, document <span className="font-mono">{sdr.shipment.documentNumber}</span>, tracking{" "}
                    <span className="font-mono">{sdr.shipment.trackingReference}</span>; {formatUsd(sdr.shipment.value)}, received{" "}
                    {formatDate(sdr.shipment.receivedOn)}
                  </span>,
                ],
                ["Filed", `${formatDateTime(sdr.filedAt)} by ${sdr.filedBy}`],
              ]}
            />
            <h3 className="mb-1 mt-4 font-bold">What happened</h3>
            <p className="whitespace-pre-line" data-testid="sdr-description">
              {sdr.description}
            </p>
          </Section>

          <Section id="attachments" title="Photos and documents" testId="sdr-attachments">
            {sdr.attachments.length === 0 ? (
              <p className="text-base-dark">No photo or document is attached.</p>
            ) : (
              <ul className="grid gap-2">
                {sdr.attachments.map((a) => (
                  <li key={a.id} data-testid="sdr-attachment" className="min-w-0 break-words">
                    <a href={a.downloadUrl} download>
                      {a.fileName}
                    </a>{" "}
                    <span className="text-sm text-base-dark">
                      ({formatBytes(a.sizeBytes)}, {a.contentType === "application/pdf" ? "PDF" : "photo"}) · {a.uploadedBy}, {formatDate(a.uploadedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {can("attach") && <SdrAttachForm report={report} />}
          </Section>

          <Section id="comments" title="Comments" testId="sdr-comments">
            {sdr.comments.length === 0 ? (
              <p className="text-base-dark">No comments yet.</p>
            ) : (
              <ol className="grid gap-3">
                {sdr.comments.map((c) => (
                  <li key={c.id} className="rounded border border-base-lighter p-3" data-testid="sdr-comment" data-visibility={c.visibility}>
                    <p className="text-sm text-base-dark">
                      {c.author} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                      {!partner && <> · {COMMENT_VISIBILITY_LABELS[c.visibility]}</>}
                    </p>
                    <p className="mt-1 whitespace-pre-line break-words">{c.text}</p>
                  </li>
                ))}
              </ol>
            )}
            {can("comment") && <SdrCommentForm report={report} partner={partner} />}
          </Section>

          <Section id="sdr-history" title="History" testId="sdr-history">
            <TimelineList
              events={sdr.history.map((h, index) => ({ id: `${index}`, occurredAt: h.at, label: h.label, actor: h.who, note: h.note, action: h.action }))}
            />
          </Section>
        </div>

        <div className="grid min-w-0 content-start gap-6">
          {can("decide") && (
            <Section id="sdr-decide" title={sdr.status === "RECONSIDERATION_REQUESTED" ? "Final decision" : "Decide this report"} testId="sdr-decide">
              <DecideSdrForm report={report} valueAffected={sdr.valueAffected} final={sdr.status === "RECONSIDERATION_REQUESTED"} informationOnly={sdr.informationOnly} />
            </Section>
          )}
          {can("reconsider") && (
            <Section id="sdr-reconsider" title="Accept or contest the decision" testId="sdr-reconsider">
              <ReconsiderSdrForm report={report} lastDay={sdr.reconsideration.lastDay} />
              {can("accept") && <AcceptSdrDecisionForm report={report} />}
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
