import type { Metadata } from "next";
import Link from "next/link";
import { CostSummaryTable } from "@/components/loa/cost-summary";
import { LinesTable } from "@/components/loa/lines-table";
import { PaymentScheduleTable } from "@/components/loa/payment-schedule";
import { ThresholdMeter } from "@/components/loa/threshold-meter";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/card";
import { DOCUMENT_STATUS_LABELS, TERM_OF_SALE_LABELS } from "@/domain/loa/codes";
import { can } from "@/domain/policy";
import { formatUsd } from "@/domain/money";
import { bindingConfirmation } from "@/domain/workflow/binding-confirmation";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getDocument } from "@/server/loa/get-document";
import { listDocuments } from "@/server/loa/list-documents";
import { forPage } from "@/server/page-guard";
import { DocumentActionForm } from "../../loa/submit-forms";

export const metadata: Metadata = { title: "LOA document" };

const NOTICES: Record<string, string> = {
  submit: "The change went to DSCA for review.",
  approve: "The change is approved.",
  return: "The change went back to the agency.",
  accept: "You accepted the amendment.",
  withdraw: "The change was withdrawn.",
};

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
  const [doc, documents] = await Promise.all([forPage(() => getDocument(actor, id, number)), forPage(() => listDocuments(actor, id))]);
  const others = documents.filter((d) => d.number !== doc.number);
  const internals = can(actor, "viewLoaInternals");
  const approveLabel = doc.documentType === "MODIFICATION" ? "Approve and implement the Modification" : "Approve and offer the Amendment";
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${id}`}>← Case {doc.caseIdentifier}</Link>
      </p>
      <PageHeader
        title={doc.name}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <Tag tone={doc.status === "OFFERED" ? "warning" : doc.status === "DRAFT" ? "info" : "base"}>{DOCUMENT_STATUS_LABELS[doc.status]}</Tag>
            <span>Version {doc.version}{doc.pricedOn ? ` · priced on ${formatDate(doc.pricedOn)}` : " · priced at today's rates"}</span>
          </span>
        }
      />
      {notice && NOTICES[notice] && <Alert type="success" title={NOTICES[notice]} testId="notice" />}
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 lg:col-span-2">
          <Section id="doc-about" title="The offer">
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-bold">Customer reference</dt>
              <dd>{doc.customerReference || "Based on U.S. Government Review"}</dd>
              <dt className="font-bold">Description</dt>
              <dd>{doc.description || "—"}</dd>
              {doc.changeReason && (
                <>
                  <dt className="font-bold">Why it changes</dt>
                  <dd data-testid="change-reason">{doc.changeReason}</dd>
                </>
              )}
              <dt className="font-bold">Offer expires</dt>
              <dd>{doc.offerExpiresAt ? formatDate(doc.offerExpiresAt) : "Set when the agency approves the LOA"}</dd>
              <dt className="font-bold">Terms of sale</dt>
              <dd>
                <ul>
                  {doc.termsOfSale.map((t) => (
                    <li key={t.term}>
                      {TERM_OF_SALE_LABELS[t.term]}: {formatUsd(t.amount)}
                      {t.balance && doc.termsOfSale.length > 1 ? " (balance)" : ""}
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </Section>
          <Section id="doc-lines" title="Lines">
            <LinesTable lines={doc.lines} priced={doc.pricing.lines} showInternal={internals} />
          </Section>
          <Section id="doc-schedule" title="Estimated payment schedule">
            <PaymentScheduleTable schedule={doc.paymentSchedule} />
          </Section>
          <Section id="doc-notes" title="Notes">
            {doc.notes.length === 0 && <p className="text-base-dark">No notes.</p>}
            <ul className="grid gap-3" data-testid="document-notes">
              {doc.notes.map((note, index) => (
                <li key={index}>
                  <h3 className="font-bold">
                    {note.title} {note.internal && <Tag tone="warning">U.S. Government internal</Tag>}
                  </h3>
                  <p className="whitespace-pre-line text-sm">{note.text}</p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
        <aside className="order-first grid content-start gap-6 lg:order-none" aria-label="Cost, PDF and actions">
          <Section id="doc-cost" title="Estimated cost">
            <CostSummaryTable summary={doc.pricing.summary} rates={doc.pricing.ratesApplied} />
          </Section>
          <Section id="doc-pdf" title="The LOA as a PDF">
            <p className="mb-2">
              <a href={`/api/v1/cases/${id}/documents/${doc.number}/pdf`} className="font-bold" data-testid="download-pdf">
                Download {doc.name} (PDF)
              </a>
            </p>
            {doc.pdfSha256 ? (
              <p className="text-sm" data-testid="pdf-sha256">
                SHA-256 of the offered file: <code className="break-all">{doc.pdfSha256}</code>. Every download is this exact file.
              </p>
            ) : (
              <p className="text-sm text-base-dark">Not offered yet: the PDF is marked DRAFT and shows the current figures.</p>
            )}
          </Section>
          {doc.availableActions.length > 0 && (
            <Section id="doc-actions" title="Your actions">
              {doc.availableActions.includes("approve") && (
                <DocumentActionForm
                  caseId={id}
                  number={doc.number}
                  version={doc.version}
                  action="approve"
                  label={approveLabel}
                  confirmation={bindingConfirmation(doc.documentType === "MODIFICATION" ? "approve-modification" : "approve-amendment", approveLabel, doc)}
                />
              )}
              {doc.availableActions.includes("return") && (
                <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="return" label="Return for rework" comment variant="secondary" />
              )}
              {doc.availableActions.includes("accept") && (
                <DocumentActionForm
                  caseId={id}
                  number={doc.number}
                  version={doc.version}
                  action="accept"
                  label="Accept the amendment"
                  signer
                  confirmation={bindingConfirmation("accept-amendment", "Accept the amendment", doc)}
                />
              )}
              {doc.availableActions.includes("withdraw") && (
                <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="withdraw" label="Withdraw this change" variant="secondary" />
              )}
              {doc.availableActions.includes("submit") && (
                <p>
                  <Link href={`/cases/${id}/loa`}>Confirm and submit the change in the LOA builder</Link>
                </p>
              )}
            </Section>
          )}
          {internals && (
            <Section id="doc-notification" title="Congressional notification">
              <ThresholdMeter notification={doc.pricing.notification} />
            </Section>
          )}
          {others.length > 0 && (
            <Section id="doc-history" title="Version history">
              <ul className="grid gap-1" data-testid="version-history">
                {others.map((other) => {
                  // Earlier version first, so the comparison reads as what the later one changes.
                  const [from, to] = other.number < doc.number ? [other.number, doc.number] : [doc.number, other.number];
                  return (
                    <li key={other.number}>
                      <Link href={`/cases/${id}/documents/compare?from=${from}&to=${to}`} data-testid={`compare-with-${other.number}`}>
                        Compare with {other.name}
                      </Link>{" "}
                      <span className="text-sm text-base-dark">({DOCUMENT_STATUS_LABELS[other.status].toLowerCase()})</span>
                    </li>
                  );
                })}
              </ul>
              <p className="mt-2 text-sm">
                <Link href={`/cases/${id}/documents/compare`}>Compare any two versions</Link>, line by line, with the price and notification effect of each change.
              </p>
            </Section>
          )}
        </aside>
      </div>
    </div>
  );
}
