import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedBindingConfirmation } from "@/components/case/binding-text";
import { CostSummaryTable } from "@/components/loa/cost-summary";
import { LinesTable } from "@/components/loa/lines-table";
import { PaymentScheduleTable } from "@/components/loa/payment-schedule";
import { ThresholdMeter } from "@/components/loa/threshold-meter";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getDocument } from "@/server/loa/get-document";
import { listDocuments } from "@/server/loa/list-documents";
import { forPage } from "@/server/page-guard";
import { DocumentActionForm } from "../../loa/submit-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LoaDocument");
  return { title: t("metaTitle") };
}

/** The notice after a document action: its "LoaDocument.notices" message. */
const NOTICES: readonly string[] = ["submit", "approve", "return", "accept", "withdraw"];

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; number: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id, number } = await params;
  const { notice } = await searchParams;
  const [t, tb, f, label, locale] = await Promise.all([getTranslations("LoaDocument"), getTranslations("CaseBinding"), getFormats(), getLabels(), getLocale()]);
  const [doc, documents] = await Promise.all([forPage(() => getDocument(actor, id, number)), forPage(() => listDocuments(actor, id))]);
  const others = documents.filter((d) => d.number !== doc.number);
  const internals = can(actor, "viewLoaInternals");
  const approveLabel = doc.documentType === "MODIFICATION" ? t("approveModification") : t("approveAmendment");
  const acceptLabel = t("acceptAmendment");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${id}`}>{t("back", { identifier: doc.caseIdentifier })}</Link>
      </p>
      <PageHeader
        title={doc.name}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <Tag tone={doc.status === "OFFERED" ? "warning" : doc.status === "DRAFT" ? "info" : "base"}>{label("documentStatus", doc.status)}</Tag>
            <span>
              {t("version", { version: doc.version })}
              {doc.pricedOn ? t("pricedOn", { date: f.date(doc.pricedOn) }) : t("pricedToday")}
            </span>
          </span>
        }
      />
      {notice && NOTICES.includes(notice) && <Alert type="success" title={t(`notices.${notice}`)} testId="notice" />}
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 lg:col-span-2">
          <Section id="doc-about" title={t("offer")}>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-bold">{t("customerReference")}</dt>
              <dd>{doc.customerReference || t("customerReferenceDefault")}</dd>
              <dt className="font-bold">{t("description")}</dt>
              <dd>{doc.description || "—"}</dd>
              {doc.changeReason && (
                <>
                  <dt className="font-bold">{t("changeReason")}</dt>
                  <dd data-testid="change-reason">{doc.changeReason}</dd>
                </>
              )}
              <dt className="font-bold">{t("offerExpires")}</dt>
              <dd>{doc.offerExpiresAt ? f.date(doc.offerExpiresAt) : t("offerExpiresNotSet")}</dd>
              <dt className="font-bold">{t("termsOfSale")}</dt>
              <dd>
                <ul>
                  {doc.termsOfSale.map((term) => (
                    <li key={term.term}>
                      {t("term", { term: label("termOfSale", term.term), amount: f.usd(term.amount) })}
                      {term.balance && doc.termsOfSale.length > 1 ? ` ${t("balance")}` : ""}
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </Section>
          <Section id="doc-lines" title={t("lines")}>
            <LinesTable lines={doc.lines} priced={doc.pricing.lines} showInternal={internals} />
          </Section>
          <Section id="doc-schedule" title={t("schedule")}>
            <PaymentScheduleTable schedule={doc.paymentSchedule} />
          </Section>
          <Section id="doc-notes" title={t("notes")}>
            {locale !== "en" && (
              <p className="mb-2 text-sm text-base-dark" data-testid="legal-text-english">
                {t("legalTextEnglish")}
              </p>
            )}
            {doc.notes.length === 0 && <p className="text-base-dark">{t("noNotes")}</p>}
            <ul className="grid gap-3" data-testid="document-notes">
              {doc.notes.map((note, index) => (
                <li key={index}>
                  <h3 className="font-bold">
                    {note.title} {note.internal && <Tag tone="warning">{t("internal")}</Tag>}
                  </h3>
                  <p className="whitespace-pre-line text-sm">{note.text}</p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
        <aside className="order-first grid content-start gap-6 lg:order-none" aria-label={t("asideLabel")}>
          <Section id="doc-cost" title={t("cost")}>
            <CostSummaryTable summary={doc.pricing.summary} rates={doc.pricing.ratesApplied} />
          </Section>
          <Section id="doc-pdf" title={t("pdf")}>
            <p className="mb-2">
              <a href={`/api/v1/cases/${id}/documents/${doc.number}/pdf`} className="font-bold" data-testid="download-pdf">
                {t("download", { name: doc.name })}
              </a>
            </p>
            {doc.pdfSha256 ? (
              <p className="text-sm" data-testid="pdf-sha256">
                {t.rich("sha256", { sha256: doc.pdfSha256, code: (chunks) => <code className="break-all">{chunks}</code> })}
              </p>
            ) : (
              <p className="text-sm text-base-dark">{t("notOffered")}</p>
            )}
            {locale !== "en" && (
              <p className="mt-2 text-sm text-base-dark" data-testid="pdf-legal-text-english">
                {t("legalTextEnglish")}
              </p>
            )}
          </Section>
          {doc.availableActions.length > 0 && (
            <Section id="doc-actions" title={t("yourActions")}>
              {doc.availableActions.includes("approve") && (
                <DocumentActionForm
                  caseId={id}
                  number={doc.number}
                  version={doc.version}
                  action="approve"
                  label={approveLabel}
                  confirmation={localizedBindingConfirmation(
                    doc.documentType === "MODIFICATION" ? "approve-modification" : "approve-amendment",
                    approveLabel,
                    doc,
                    tb,
                    f.usd,
                  )}
                />
              )}
              {doc.availableActions.includes("return") && (
                <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="return" label={t("return")} comment variant="secondary" />
              )}
              {doc.availableActions.includes("accept") && (
                <DocumentActionForm
                  caseId={id}
                  number={doc.number}
                  version={doc.version}
                  action="accept"
                  label={acceptLabel}
                  signer
                  confirmation={localizedBindingConfirmation("accept-amendment", acceptLabel, doc, tb, f.usd)}
                />
              )}
              {doc.availableActions.includes("withdraw") && (
                <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="withdraw" label={t("withdraw")} variant="secondary" />
              )}
              {doc.availableActions.includes("submit") && (
                <p>
                  <Link href={`/cases/${id}/loa`}>{t("submitInBuilder")}</Link>
                </p>
              )}
            </Section>
          )}
          {internals && (
            <Section id="doc-notification" title={t("notification")}>
              <ThresholdMeter notification={doc.pricing.notification} />
            </Section>
          )}
          {others.length > 0 && (
            <Section id="doc-history" title={t("history")}>
              <ul className="grid gap-1" data-testid="version-history">
                {others.map((other) => {
                  // Earlier version first, so the comparison reads as what the later one changes.
                  const [from, to] = other.number < doc.number ? [other.number, doc.number] : [doc.number, other.number];
                  return (
                    <li key={other.number}>
                      <Link href={`/cases/${id}/documents/compare?from=${from}&to=${to}`} data-testid={`compare-with-${other.number}`}>
                        {t("compareWith", { name: other.name })}
                      </Link>{" "}
                      <span className="text-sm text-base-dark">({label("documentStatus", other.status).toLowerCase()})</span>
                    </li>
                  );
                })}
              </ul>
              <p className="mt-2 text-sm">
                {t.rich("compareAny", { link: (chunks) => <Link href={`/cases/${id}/documents/compare`}>{chunks}</Link> })}
              </p>
            </Section>
          )}
        </aside>
      </div>
    </div>
  );
}
