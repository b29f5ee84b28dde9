import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CaseSdrSummaryView } from "@/domain/schemas/sdr";
import { useFormats } from "@/i18n/use-formats";

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
  const t = useTranslations("SdrSummary");
  const f = useFormats();
  const href = `/cases/${summary.caseId}/sdrs`;
  if (summary.total === 0) {
    return (
      <p data-testid="sdr-summary" className="text-base-dark">
        {partner ? t("noneYours") : t("none")} <Link href={href}>{partner ? t("reportOne") : t("reports")}</Link>
      </p>
    );
  }
  return (
    <div data-testid="sdr-summary">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure
          label={t("waiting")}
          value={f.number(summary.open)}
          note={summary.overdue > 0 ? t("overdue", { count: summary.overdue }) : summary.nextDueAt ? t("nextDue", { date: f.date(summary.nextDueAt) }) : t("noneWaiting")}
          testId="sdr-summary-open"
        />
        <Figure
          label={t("decided")}
          value={f.number(summary.decided + summary.closed)}
          note={t("reportedInAll", { count: summary.total })}
          testId="sdr-summary-decided"
        />
        <Figure label={t("credits")} value={f.usd(summary.credits)} note={t("creditsNote")} testId="sdr-summary-credits" />
      </dl>
      <p className="mt-3">
        <Link href={href}>{t("seeReports")}</Link>
      </p>
    </div>
  );
}
