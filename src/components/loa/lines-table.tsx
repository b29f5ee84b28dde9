import type { ReactNode } from "react";
import { isSubline } from "@/domain/loa/codes";
import type { LoaLine } from "@/domain/loa/content";
import type { PricedLine } from "@/domain/pricing/price";
import { formatRate } from "@/domain/pricing/price";
import { formatUsd, sumAmounts } from "@/domain/money";

type Line = Omit<LoaLine, "internalNote" | "unitOfIssue"> & { internalNote?: string | null; unitOfIssue: string | null };

/**
 * The LOA's lines with every charge each carries. `actions` adds a last column (the builder's Edit/Remove); `errors`
 * marks lines the server refused.
 */
export function LinesTable({
  lines,
  priced,
  showInternal,
  actions,
  errorLines = new Set<string>(),
}: {
  lines: readonly Line[];
  priced: readonly PricedLine[];
  showInternal: boolean;
  actions?: (line: Line, index: number) => ReactNode;
  errorLines?: ReadonlySet<string>;
}) {
  const prices = new Map(priced.map((p) => [p.lineNumber, p]));
  if (lines.length === 0) return <p className="text-base-dark" data-testid="no-lines">No lines yet.</p>;
  return (
    <div className="relative overflow-x-auto rounded border border-base-lighter" tabIndex={0} role="region" aria-label="LOA lines">
      <table className="w-full text-left text-sm" data-testid="loa-lines">
        <caption className="sr-only">LOA lines and their charges</caption>
        <thead className="bg-base-lightest">
          <tr>
            <th scope="col" className="whitespace-nowrap px-2 py-2">
              Line
            </th>
            {/* Actions come early so they are reachable without scrolling the wide table sideways. */}
            {actions && (
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
            {["Item (MASL)", "Qty", "Unit cost", "Line total", "SC / TA", "CAS", "NC", "Admin", "PC&H + transport"].map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-2 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const p = prices.get(line.lineNumber);
            const money = (value: string | undefined) => (p && !p.isHeader ? formatUsd(value) : "");
            return (
              <tr
                key={`${line.lineNumber}-${index}`}
                className={`border-b border-base-lighter align-top ${errorLines.has(line.lineNumber) ? "bg-error-lighter" : ""}`}
                data-testid={`line-${line.lineNumber}`}
              >
                <th scope="row" className={`px-2 py-2 font-mono ${isSubline(line.lineNumber) ? "pl-6" : ""}`}>
                  {line.lineNumber}
                </th>
                {actions && <td className="whitespace-nowrap px-2 py-2">{actions(line, index)}</td>}
                <td className="min-w-56 px-2 py-2">
                  <span className="font-bold">{line.description || "(no description)"}</span>
                  <span className="block font-mono text-xs text-base-dark">
                    {line.genericCode} {line.maslNumber}
                  </span>
                  {[line.mde && "MDE", line.sme && "SME", line.designConstruction && "Design & construction", line.ncWaived && "NC waived"]
                    .filter(Boolean)
                    .map((flag) => (
                      <span key={String(flag)} className="mr-1 inline-block rounded bg-base-lighter px-1 text-xs font-bold">
                        {flag}
                      </span>
                    ))}
                  {line.note && <span className="block text-xs">{line.note}</span>}
                  {showInternal && line.internalNote && (
                    <span className="block text-xs italic text-base-dark" data-testid="internal-line-note">
                      Internal: {line.internalNote}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-2">{line.quantity === null ? (p?.isHeader ? "" : "Value") : `${line.quantity} ${line.unitOfIssue ?? ""}`}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{line.unitCost ? formatUsd(line.unitCost) : ""}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono font-bold tabular-nums" data-testid={`line-total-${line.lineNumber}`}>
                  {p ? formatUsd(p.lineTotal) : ""}
                </td>
                <td className="whitespace-nowrap px-2 py-2">{p?.isHeader ? "" : `${line.sourceOfSupply} / ${line.typeOfAssistance}`}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{money(p?.cas)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{money(p?.nc)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">
                  {money(p?.admin)}
                  {p && !p.isHeader && (
                    <span className="block text-xs text-base-dark" data-testid={`line-rate-${line.lineNumber}`}>
                      {formatRate(p.adminRate)}
                      {p.adminRateLocked ? " locked" : ""}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">
                  {p && !p.isHeader ? formatUsd(sumAmounts([p.pch, p.transport])) : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
