import { useTranslations } from "next-intl";
import { useFormats } from "@/i18n/use-formats";
import { percentNumber } from "@/components/case/reader";
import type { CostSummary } from "@/domain/pricing/price";

/** The LOA's estimated cost summary: the lines' net cost, then each charge below the line, then the total. */
export function CostSummaryTable({ summary, rates }: { summary: CostSummary; rates: { adminSurcharge: string; pch: string | null } }) {
  const t = useTranslations("LoaCostSummary");
  const f = useFormats();
  const rows: [string, string, string][] = [
    ["net", t("net"), summary.netEstimatedCost],
    ["pch", rates.pch === null ? t("pchNoRate") : t("pch", { rate: percentNumber(rates.pch, f) }), summary.packingCratingHandling],
    ["admin", t("admin", { rate: percentNumber(rates.adminSurcharge, f) }), summary.administrativeSurcharge],
    ["transport", t("transport"), summary.transportation],
  ];
  return (
    <table className="w-full text-sm" data-testid="cost-summary">
      <caption className="sr-only">{t("caption")}</caption>
      <tbody>
        {rows.map(([key, label, amount]) => (
          <tr key={key} className="border-b border-base-lighter">
            <th scope="row" className="py-1.5 pe-3 text-start font-normal">
              {label}
            </th>
            <td className="py-1.5 text-end font-mono tabular-nums" data-testid={`summary-${key}`}>
              {f.usd(amount)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="py-2 pe-3 text-start text-lg">
            {t("total")}
          </th>
          <td className="py-2 text-end font-mono text-lg font-bold tabular-nums" data-testid="summary-total">
            {f.usd(summary.totalEstimatedCost)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
