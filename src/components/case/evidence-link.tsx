import { useTranslations } from "next-intl";

/**
 * The case's evidence bundle (ADR 0031): one JSON file with the offered PDFs, the signed approvals, the public keys and
 * the audit chain, which anyone can check without Caseway's server (docs/evidence.md).
 */
export function EvidenceLink({ caseId, identifier }: { caseId: string; identifier: string }) {
  const t = useTranslations("CaseEvidence");
  return (
    <div className="mt-4" data-testid="evidence">
      <h3 className="mb-1 font-bold">{t("heading")}</h3>
      <p>
        <a href={`/api/v1/cases/${caseId}/evidence`} download={`${identifier}-evidence.json`} data-testid="download-evidence">
          {t("download")}
        </a>{" "}
        <span className="text-sm text-base-dark">{t("contents")}</span>
      </p>
      <p className="text-sm text-base-dark">
        {t.rich("verify", { code: (chunks) => <code>{chunks}</code>, file: `${identifier}-evidence.json` })}
      </p>
    </div>
  );
}
