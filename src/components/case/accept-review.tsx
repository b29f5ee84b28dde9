import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PaymentScheduleTable } from "@/components/loa/payment-schedule";
import type { DocumentView } from "@/domain/schemas/loa";
import { useFormats } from "@/i18n/use-formats";

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
  const t = useTranslations("CaseAccept");
  const f = useFormats();
  const locale = useLocale();
  return (
    <div data-testid="accept-review">
      <h3 className="mb-2 text-lg font-bold">{t("checkHeading")}</h3>
      <dl className="mb-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[13rem_1fr]">
        <dt className="font-bold">{t("document")}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-document">
          <Link href={`/cases/${caseId}/documents/${document.number}`}>{document.name}</Link>
        </dd>
        <dt className="font-bold">{t("version")}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-version">
          {document.version}
        </dd>
        <dt className="font-bold">{t("total")}</dt>
        <dd className="mb-2 font-mono sm:mb-0" data-testid="review-total">
          {f.usd(document.totalEstimatedCost)}
        </dd>
        {offerExpiresAt && (
          <>
            <dt className="font-bold">{t("acceptBy")}</dt>
            <dd className="mb-2 sm:mb-0" data-testid="review-oed">
              <time dateTime={offerExpiresAt}>{f.date(offerExpiresAt)}</time>
              {countdown && <span className="text-base-dark"> ({countdown})</span>}
            </dd>
          </>
        )}
        <dt className="font-bold">{t("deposit")}</dt>
        <dd className="mb-2 sm:mb-0" data-testid="review-deposit">
          {t.rich("depositDue", { amount: f.usd(depositDue ?? document.paymentSchedule.initialDeposit), strong: (chunks) => <strong>{chunks}</strong> })}
        </dd>
        <dt className="font-bold">{t("file")}</dt>
        <dd className="mb-2 sm:mb-0">
          <a href={`/api/v1/cases/${caseId}/documents/${document.number}/pdf`} data-testid="review-pdf">
            {t("downloadPdf")}
          </a>
          {document.pdfSha256 && (
            <span className="block text-sm">
              {t("sha256")} <code className="break-all" data-testid="review-sha256">{document.pdfSha256}</code>
            </span>
          )}
          {locale !== "en" && (
            <span className="block text-sm text-base-dark" data-testid="legal-text-english">
              {t("legalTextEnglish")}
            </span>
          )}
        </dd>
      </dl>
      {document.paymentSchedule.rows.length > 0 && (
        <details className="mb-4" data-testid="review-schedule">
          <summary className="cursor-pointer text-primary">{t("schedule", { count: document.paymentSchedule.rows.length })}</summary>
          <div className="mt-2">
            <PaymentScheduleTable schedule={document.paymentSchedule} />
          </div>
        </details>
      )}
      <h3 className="mb-2 text-lg font-bold">{t("signHeading")}</h3>
      {children}
    </div>
  );
}
