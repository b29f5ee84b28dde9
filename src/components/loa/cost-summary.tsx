import type { CostSummary } from "@/domain/pricing/price";
import { formatRate, pchLabel } from "@/domain/pricing/price";
import { formatUsd } from "@/domain/money";

/** The LOA's estimated cost summary: the lines' net cost, then each charge below the line, then the total. */
export function CostSummaryTable({ summary, rates }: { summary: CostSummary; rates: { adminSurcharge: string; pch: string | null } }) {
  const rows: [string, string, string][] = [
    ["net", "Net estimated cost (lines)", summary.netEstimatedCost],
    ["pch", pchLabel(rates.pch), summary.packingCratingHandling],
    ["admin", `Administrative surcharge (${formatRate(rates.adminSurcharge)}, or each line's locked rate)`, summary.administrativeSurcharge],
    ["transport", "Transportation (by delivery term code)", summary.transportation],
  ];
  return (
    <table className="w-full text-sm" data-testid="cost-summary">
      <caption className="sr-only">Estimated cost summary</caption>
      <tbody>
        {rows.map(([key, label, amount]) => (
          <tr key={key} className="border-b border-base-lighter">
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              {label}
            </th>
            <td className="py-1.5 text-right font-mono tabular-nums" data-testid={`summary-${key}`}>
              {formatUsd(amount)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="py-2 pr-3 text-left text-lg">
            Total estimated cost
          </th>
          <td className="py-2 text-right font-mono text-lg font-bold tabular-nums" data-testid="summary-total">
            {formatUsd(summary.totalEstimatedCost)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
