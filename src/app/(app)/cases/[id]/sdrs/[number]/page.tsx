import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CaseSubnav } from "@/components/case/case-subnav";
import { AgingTag } from "@/components/case/status";
import { PageHeader } from "@/components/page-header";
import { SdrStatusTag, sdrDecisionText } from "@/components/sdr/sdr-status";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { TimelineList } from "@/components/ui/timeline";
import { formatBytes } from "@/domain/files";
import type { SdrView } from "@/domain/schemas/sdr";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { forPage } from "@/server/page-guard";
import { getSdr } from "@/server/sdr/get-sdr";
import { AcceptSdrDecisionForm, DecideSdrForm, ReconsiderSdrForm, SdrAttachForm, SdrCommentForm } from "../sdr-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SdrReport");
  return { title: t("metaTitle") };
}

const NOTICES = ["filed", "decided", "reconsideration", "accepted", "comment", "attached"] as const;
const isNotice = (value: string | undefined): value is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(value ?? "");
type Translate = Awaited<ReturnType<typeof getTranslations<"SdrReport">>>;
type Label = Awaited<ReturnType<typeof getLabels>>;

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
function Standing({ sdr, partner, t, f, label }: { sdr: SdrView; partner: boolean; t: Translate; f: Formats; label: Label }) {
  const decision = sdrDecisionText(sdr.decision, sdr.creditAmount, label, f);
  const rows: [string, ReactNode][] = [[t("status"), <SdrStatusTag key="status" status={sdr.status} />]];
  if (sdr.waitingOn === "AGENCY") {
    rows.push([
      sdr.status === "RECONSIDERATION_REQUESTED" ? t("finalDecisionDue") : t("decisionDue"),
      sdr.aging ? <AgingTag key="aging" aging={sdr.aging} /> : f.date(sdr.dueAt),
    ]);
  }
  if (decision) {
    rows.push([t("decision"), <strong key="decision" data-testid="sdr-decision">{decision}</strong>]);
    if (sdr.decisionReason) rows.push([t("reason"), <span key="reason" className="whitespace-pre-line">{sdr.decisionReason}</span>]);
    rows.push([
      t("decided"),
      sdr.decidedBy !== null && sdr.decidedBy !== undefined ? t("atBy", { date: f.dateTime(sdr.decidedAt), name: sdr.decidedBy }) : t("atByAgency", { date: f.dateTime(sdr.decidedAt) }),
    ]);
  }
  if (sdr.reconsideration.requestedAt) {
    rows.push([t("reconsiderationAsked"), f.dateTime(sdr.reconsideration.requestedAt)]);
    if (sdr.reconsideration.reason) rows.push([t("why"), <span key="why" className="whitespace-pre-line">{sdr.reconsideration.reason}</span>]);
  } else if (sdr.reconsideration.lastDay) {
    rows.push([
      t("reconsideration"),
      sdr.waitingOn === "PARTNER"
        ? t(partner ? "youMayAsk" : "partnerMayAsk", { date: f.date(sdr.reconsideration.lastDay) })
        : t("windowClosed", { date: f.date(sdr.reconsideration.lastDay) }),
    ]);
  }
  const waiting =
    sdr.waitingOn === "AGENCY"
      ? partner
        ? t("waitingAgencyPartner")
        : t("waitingAgency")
      : sdr.waitingOn === "PARTNER"
        ? partner
          ? t("waitingPartnerPartner")
          : t("waitingPartner")
        : t("waitingNothing");
  return (
    <>
      <p className="mb-3 text-lg">
        {t.rich("waitingOn", { strong: (chunks) => <strong data-testid="sdr-waiting-on">{chunks}</strong>, waiting })}
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
  const t = await getTranslations("SdrReport");
  const f = await getFormats();
  const label = await getLabels();
  const shown = isNotice(notice) ? t(`notice.${notice}`) : undefined;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${found.id}/sdrs`}>{t("back", { identifier: found.identifier })}</Link>
      </p>
      <PageHeader
        title={t("title", { reference: sdr.reference })}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <SdrStatusTag status={sdr.status} />
            <span>
              {label("sdrType", sdr.type)} · {found.country.name} · {found.implementingAgency.name}
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
          <Section id="sdr-standing" title={t("standing")} testId="sdr-standing">
            <Standing sdr={sdr} partner={partner} t={t} f={f} label={label} />
          </Section>

          <Section id="sdr-report" title={t("reported")} testId="sdr-report">
            <Facts
              rows={[
                [t("discrepancy"), `${label("sdrType", sdr.type)}${sdr.informationOnly ? t("forInformationOnly") : ""}`],
                [
                  t("quantityAffected"),
                  sdr.quantityAffected === null
                    ? t("quantityNotGiven")
                    : t("quantityOf", { affected: String(sdr.quantityAffected), shipped: String(sdr.shipment.quantity) }),
                ],
                [t("valueAffected"), <span key="value" className="font-mono tabular-nums">{f.usd(sdr.valueAffected)}</span>],
                [
                  t("shipment"),
                  <span key="shipment">
                    {t.rich("shipmentFacts", {
                      mono: (chunks) => <span className="font-mono">{chunks}</span>,
                      line: sdr.shipment.lineNumber,
                      document: sdr.shipment.documentNumber,
                      tracking: sdr.shipment.trackingReference,
                      value: f.usd(sdr.shipment.value),
                      received: f.date(sdr.shipment.receivedOn),
                    })}
                  </span>,
                ],
                [t("filed"), t("atBy", { date: f.dateTime(sdr.filedAt), name: sdr.filedBy })],
              ]}
            />
            <h3 className="mb-1 mt-4 font-bold">{t("whatHappened")}</h3>
            <p className="whitespace-pre-line" data-testid="sdr-description">
              {sdr.description}
            </p>
          </Section>

          <Section id="attachments" title={t("attachments")} testId="sdr-attachments">
            {sdr.attachments.length === 0 ? (
              <p className="text-base-dark">{t("noAttachments")}</p>
            ) : (
              <ul className="grid gap-2">
                {sdr.attachments.map((a) => (
                  <li key={a.id} data-testid="sdr-attachment" className="min-w-0 break-words">
                    <a href={a.downloadUrl} download>
                      {a.fileName}
                    </a>{" "}
                    <span className="text-sm text-base-dark">
                      {t("attachmentFacts", {
                        size: formatBytes(a.sizeBytes),
                        kind: a.contentType === "application/pdf" ? t("kindPdf") : t("kindPhoto"),
                        by: a.uploadedBy,
                        date: f.date(a.uploadedAt),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {can("attach") && <SdrAttachForm report={report} />}
          </Section>

          <Section id="comments" title={t("comments")} testId="sdr-comments">
            {sdr.comments.length === 0 ? (
              <p className="text-base-dark">{t("noComments")}</p>
            ) : (
              <ol className="grid gap-3">
                {sdr.comments.map((c) => (
                  <li key={c.id} className="rounded border border-base-lighter p-3" data-testid="sdr-comment" data-visibility={c.visibility}>
                    <p className="text-sm text-base-dark">
                      {c.author} · <time dateTime={c.createdAt}>{f.dateTime(c.createdAt)}</time>
                      {!partner && <> · {label("commentVisibility", c.visibility)}</>}
                    </p>
                    <p className="mt-1 whitespace-pre-line break-words">{c.text}</p>
                  </li>
                ))}
              </ol>
            )}
            {can("comment") && <SdrCommentForm report={report} partner={partner} />}
          </Section>

          <Section id="sdr-history" title={t("history")} testId="sdr-history">
            <TimelineList
              events={sdr.history.map((h, index) => ({ id: `${index}`, occurredAt: h.at, label: h.label, actor: h.who, note: h.note, action: h.action }))}
            />
          </Section>
        </div>

        <div className="grid min-w-0 content-start gap-6">
          {can("decide") && (
            <Section id="sdr-decide" title={sdr.status === "RECONSIDERATION_REQUESTED" ? t("finalDecision") : t("decide")} testId="sdr-decide">
              <DecideSdrForm report={report} valueAffected={sdr.valueAffected} final={sdr.status === "RECONSIDERATION_REQUESTED"} informationOnly={sdr.informationOnly} />
            </Section>
          )}
          {can("reconsider") && (
            <Section id="sdr-reconsider" title={t("acceptOrContest")} testId="sdr-reconsider">
              <ReconsiderSdrForm report={report} lastDay={sdr.reconsideration.lastDay} />
              {can("accept") && <AcceptSdrDecisionForm report={report} />}
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
