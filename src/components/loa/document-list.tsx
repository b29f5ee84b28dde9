import Link from "next/link";
import { Tag } from "@/components/ui/card";
import { DOCUMENT_STATUS_LABELS } from "@/domain/loa/codes";
import { formatUsd } from "@/domain/money";
import type { DocumentSummaryView } from "@/domain/schemas/loa";

/** The case's LOA documents (basic LOA, Amendments, Modifications) with their totals and the offered files' hashes. */
export function LoaDocumentList({ caseId, documents, partner }: { caseId: string; documents: DocumentSummaryView[]; partner: boolean }) {
  if (documents.length === 0) {
    return (
      <p className="text-base-dark" data-testid="no-documents">
        {partner ? "The implementing agency is preparing the LOA. You will see it here once it is offered." : "No LOA documents yet."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-base-lighter">
      {documents.map((d) => (
        <li key={d.number} className="py-2" data-testid={`document-${d.number}`}>
          <Link href={`/cases/${caseId}/documents/${d.number}`} className="font-bold">
            {d.name}
          </Link>{" "}
          <Tag tone={d.status === "OFFERED" ? "warning" : d.status === "DRAFT" || d.status === "SUBMITTED" ? "info" : "base"}>{DOCUMENT_STATUS_LABELS[d.status]}</Tag>
          <span className="block text-sm">
            Total estimated cost <strong className="font-mono">{formatUsd(d.totalEstimatedCost)}</strong>
            {" · "}
            <a href={`/api/v1/cases/${caseId}/documents/${d.number}/pdf`}>PDF</a>
          </span>
          {d.pdfSha256 && <span className="block break-all font-mono text-xs text-base-dark">SHA-256 {d.pdfSha256}</span>}
        </li>
      ))}
    </ul>
  );
}
