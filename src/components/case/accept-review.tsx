import Link from "next/link";
import type { ReactNode } from "react";
import { PaymentScheduleTable } from "@/components/loa/payment-schedule";
import { formatUsd } from "@/domain/money";
import type { DocumentView } from "@/domain/schemas/loa";
import { formatDate } from "@/lib/format";

/**
 * The partner's review-then-sign page, first half: exactly what their government accepts — the offered document, its
 * version and total, the offer expiration date, the initial deposit and payment schedule, and the PDF with its SHA-256
 * (the file the acceptance binds to). The signer fields and the confirmation follow it (`children`).
 */
export function AcceptReview({
  caseId,
  document,
  offerExpiresAt,
  countdown,
  depositDue,
  children,
}: {
  caseId: string;
  document: DocumentView;
  offerExpiresAt: string | null;
  countdown: string | null;
  depositDue: string | null;
  children: ReactNode;
}) {
  return (
    <div data-testid="accept-review">
      <h3 className="mb-2 text-lg font-bold">1. Check what you are accepting</h3>
      <dl className="mb-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[13rem_1fr]">
        <dt className="font-bold">Document</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-document">
          <Link href={`/cases/${caseId}/documents/${document.number}`}>{document.name}</Link>
        </dd>
        <dt className="font-bold">Version</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-version">
          {document.version}
        </dd>
        <dt className="font-bold">Total estimated cost</dt>
        <dd className="mb-2 font-mono sm:mb-0" data-testid="review-total">
          {formatUsd(document.totalEstimatedCost)}
        </dd>
        {offerExpiresAt && (
          <>
            <dt className="font-bold">Accept by</dt>
            <dd className="mb-2 sm:mb-0" data-testid="review-oed">
              <time dateTime={offerExpiresAt}>{formatDate(offerExpiresAt)}</time>
              {countdown && <span className="text-base-dark"> ({countdown})</span>}
            </dd>
          </>
        )}
        <dt className="font-bold">Initial deposit</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-deposit">
          <strong>{formatUsd(depositDue ?? document.paymentSchedule.initialDeposit)}</strong>, due with your acceptance
        </dd>
        <dt className="font-bold">The LOA file</dt>
        <dd className="mb-2 sm:mb-0">
          <a href={`/api/v1/cases/${caseId}/documents/${document.number}/pdf`} data-testid="review-pdf">
            Download the LOA (PDF)
          </a>
          {document.pdfSha256 && (
            <span className="block text-sm">
              SHA-256 of the PDF: <code className="break-all" data-testid="review-sha256">{document.pdfSha256}</code>
            </span>
          )}
        </dd>
      </dl>
      {document.paymentSchedule.rows.length > 0 && (
        <details className="mb-4" data-testid="review-schedule">
          <summary className="cursor-pointer text-primary">Payment schedule after the deposit ({document.paymentSchedule.rows.length} quarterly payments)</summary>
          <div className="mt-2">
            <PaymentScheduleTable schedule={document.paymentSchedule} />
          </div>
        </details>
      )}
      <h3 className="mb-2 text-lg font-bold">2. Sign for your government</h3>
      {children}
    </div>
  );
}
