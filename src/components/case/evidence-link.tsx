/**
 * The case's evidence bundle (ADR 0031): one JSON file with the offered PDFs, the signed approvals, the public keys and
 * the audit chain, which anyone can check without Caseway's server (docs/evidence.md).
 */
export function EvidenceLink({ caseId, identifier }: { caseId: string; identifier: string }) {
  return (
    <div className="mt-4" data-testid="evidence">
      <h3 className="mb-1 font-bold">Evidence</h3>
      <p>
        <a href={`/api/v1/cases/${caseId}/evidence`} download={`${identifier}-evidence.json`} data-testid="download-evidence">
          Download evidence
        </a>{" "}
        <span className="text-sm text-base-dark">(JSON: the offered PDFs, the signed approvals, their public keys and the audit chain)</span>
      </p>
      <p className="text-sm text-base-dark">
        Check it on your own computer, without Caseway: <code>node scripts/verify-evidence.mjs {identifier}-evidence.json</code>
      </p>
    </div>
  );
}
