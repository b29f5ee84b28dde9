import Link from "next/link";
import { formatUsd } from "@/domain/money";
import type { CaseSdrSummaryView } from "@/domain/schemas/sdr";
import { formatDate } from "@/lib/format";

// A case's Supply Discrepancy Reports in a few figures, for the case overview: how many wait on the agency (and how
// many are overdue), how many are decided or closed, and the credits granted. Props only: the page loads the facts
// (summarizeCaseSdrs in src/server/sdr/summarize-case-sdrs.ts).

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded border border-base-lighter bg-base-lightest p-3">
      <dt className="text-sm text-base-dark">{label}</dt>
      <dd className="text-xl font-bold tabular-nums text-primary-darker" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-sm text-base-dark">{note}</dd>}
    </div>
  );
}

export function SdrSummary({ summary, partner = false }: { summary: CaseSdrSummaryView; /** Partner wording ("your reports"). */ partner?: boolean }) {
  const href = `/cases/${summary.caseId}/sdrs`;
  if (summary.total === 0) {
    return (
      <p data-testid="sdr-summary" className="text-base-dark">
        {partner ? "You have not reported a discrepancy on this case." : "No discrepancy has been reported on this case."}{" "}
        <Link href={href}>{partner ? "Report one against a received shipment" : "Discrepancy reports"}</Link>
      </p>
    );
  }
  return (
    <div data-testid="sdr-summary">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure
          label="Waiting on the agency"
          value={String(summary.open)}
          note={
            summary.overdue > 0
              ? `${summary.overdue} overdue`
              : summary.nextDueAt
                ? `Next decision due ${formatDate(summary.nextDueAt)}`
                : "None waiting"
          }
          testId="sdr-summary-open"
        />
        <Figure label="Decided or closed" value={String(summary.decided + summary.closed)} note={`${summary.total} reported in all`} testId="sdr-summary-decided" />
        <Figure label="Credits granted" value={formatUsd(summary.credits)} note="Counted on the case's statements" testId="sdr-summary-credits" />
      </dl>
      <p className="mt-3">
        <Link href={href}>See the discrepancy reports</Link>
      </p>
    </div>
  );
}
