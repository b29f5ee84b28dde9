import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import { Tag } from "@/components/ui/card";
import type { DocumentSummaryView } from "@/domain/schemas/loa";

/** The case's LOA documents (basic LOA, Amendments, Modifications) with their totals and the offered files' hashes. */
export function LoaDocumentList({ caseId, documents, partner }: { caseId: string; documents: DocumentSummaryView[]; partner: boolean }) {
  const t = useTranslations("LoaDocumentList");
  const label = useLabels();
  const f = useFormats();
  const locale = useLocale();
  if (documents.length === 0) {
    return (
      <p className="text-base-dark" data-testid="no-documents">
        {partner ? t("emptyPartner") : t("empty")}
      </p>
    );
  }
  return (
    <>
      <ul className="divide-y divide-base-lighter">
        {documents.map((d) => (
          <li key={d.number} className="py-2" data-testid={`document-${d.number}`}>
            <Link href={`/cases/${caseId}/documents/${d.number}`} className="font-bold">
              {d.name}
            </Link>{" "}
            <Tag tone={d.status === "OFFERED" ? "warning" : d.status === "DRAFT" || d.status === "SUBMITTED" ? "info" : "base"}>{label("documentStatus", d.status)}</Tag>
            <span className="block text-sm">
              {t.rich("total", { amount: f.usd(d.totalEstimatedCost), strong: (chunks) => <strong className="font-mono">{chunks}</strong> })}
              {" · "}
              <a href={`/api/v1/cases/${caseId}/documents/${d.number}/pdf`}>PDF</a>
            </span>
            {d.pdfSha256 && <span className="block break-all font-mono text-xs text-base-dark">SHA-256 {d.pdfSha256}</span>}
          </li>
        ))}
      </ul>
      {/* The PDFs' legal text stays English (the English document is the one signed): said in every other language. */}
      {locale !== "en" && (
        <p className="mt-2 text-sm text-base-dark" data-testid="legal-text-english">
          {t("legalTextEnglish")}
        </p>
      )}
    </>
  );
}
