import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormats } from "@/i18n/use-formats";
import { percentNumber } from "@/components/case/reader";
import { isSubline } from "@/domain/loa/codes";
import type { LoaLine } from "@/domain/loa/content";
import type { PricedLine } from "@/domain/pricing/price";
import { sumAmounts } from "@/domain/money";

type Line = Omit<LoaLine, "internalNote" | "unitOfIssue"> & { internalNote?: string | null; unitOfIssue: string | null };

/**
 * The LOA's lines, narrow enough for 1280 px without a sideways scroll: quantity and unit cost in one cell, the line
 * total, and the charges each line carries as one sum that opens to CAS, NC, Admin (with its rate) and PC&H +
 * transport. `actions` adds a column after the line number (the builder's Edit/Remove); `errorLines` marks lines the
 * server refused.
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
  const t = useTranslations("LoaLines");
  const f = useFormats();
  const prices = new Map(priced.map((p) => [p.lineNumber, p]));
  if (lines.length === 0) return <p className="text-base-dark" data-testid="no-lines">{t("empty")}</p>;
  return (
    <div className="relative overflow-x-auto rounded border border-base-lighter" tabIndex={0} role="region" aria-label={t("label")}>
      <table className="w-full text-start text-sm" data-testid="loa-lines">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-base-lightest">
          <tr>
            <th scope="col" className="whitespace-nowrap px-2 py-2">
              {t("colLine")}
            </th>
            {actions && (
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">{t("colActions")}</span>
              </th>
            )}
            <th scope="col" className="px-2 py-2">
              {t("colItem")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("colQuantity")}
            </th>
            <th scope="col" className="px-2 py-2 text-end">
              {t("colTotal")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("colCharges")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const p = prices.get(line.lineNumber);
            const priced = p && !p.isHeader ? p : null;
            return (
              <tr
                key={`${line.lineNumber}-${index}`}
                className={`border-b border-base-lighter align-top ${errorLines.has(line.lineNumber) ? "bg-error-lighter" : ""}`}
                data-testid={`line-${line.lineNumber}`}
              >
                <th scope="row" className={`px-2 py-2 font-mono ${isSubline(line.lineNumber) ? "ps-6" : ""}`}>
                  {line.lineNumber}
                </th>
                {actions && <td className="px-2 py-2">{actions(line, index)}</td>}
                <td className="min-w-36 px-2 py-2">
                  <span className="font-bold">{line.description || t("noDescription")}</span>
                  <span className="block font-mono text-xs text-base-dark">
                    {line.genericCode} {line.maslNumber}
                    {!p?.isHeader && (
                      <span data-testid={`line-sc-ta-${line.lineNumber}`}>
                        {" · "}
                        <abbr title={t("scTaTitle")} className="no-underline">
                          SC/TA
                        </abbr>{" "}
                        {line.sourceOfSupply}/{line.typeOfAssistance}
                      </span>
                    )}
                  </span>
                  {[line.mde && "MDE", line.sme && "SME", line.designConstruction && t("flagDesignConstruction"), line.ncWaived && t("flagNcWaived")]
                    .filter(Boolean)
                    .map((flag) => (
                      <span key={String(flag)} className="me-1 inline-block rounded bg-base-lighter px-1 text-xs font-bold">
                        {flag}
                      </span>
                    ))}
                  {line.note && <span className="block text-xs">{line.note}</span>}
                  {showInternal && line.internalNote && (
                    <span className="block text-xs italic text-base-dark" data-testid="internal-line-note">
                      {t("internal", { note: line.internalNote })}
                    </span>
                  )}
                </td>
                <td className="px-2 py-2" data-testid={`line-quantity-${line.lineNumber}`}>
                  {p?.isHeader ? (
                    ""
                  ) : line.quantity === null ? (
                    // A blanket-order (value) line buys up to its dollar value: it has no quantity to print.
                    <span className="text-base-dark">{t("upToValue")}</span>
                  ) : (
                    <>
                      <span className="whitespace-nowrap">
                        {line.quantity} {line.unitOfIssue ?? ""}
                      </span>
                      {line.unitCost && <span className="block text-xs text-base-dark">{t("at", { amount: f.usd(line.unitCost) })}</span>}
                    </>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-2 text-end font-mono font-bold tabular-nums" data-testid={`line-total-${line.lineNumber}`}>
                  {p ? f.usd(p.lineTotal) : ""}
                </td>
                <td className="px-2 py-2">
                  {priced && (
                    <details data-testid={`line-charges-${line.lineNumber}`}>
                      <summary className="cursor-pointer whitespace-nowrap font-mono tabular-nums text-primary">
                        <span className="sr-only">{t("chargesOn", { line: line.lineNumber })}</span>
                        {f.usd(sumAmounts([priced.cas, priced.nc, priced.admin, priced.pch, priced.transport]))}
                      </summary>
                      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3 whitespace-nowrap text-xs">
                        <dt>CAS</dt>
                        <dd className="text-end font-mono tabular-nums">{f.usd(priced.cas)}</dd>
                        <dt>NC</dt>
                        <dd className="text-end font-mono tabular-nums">{f.usd(priced.nc)}</dd>
                        <dt>
                          {t("admin")}{" "}
                          <span className="text-base-dark" data-testid={`line-rate-${line.lineNumber}`}>
                            {t("rate", { rate: percentNumber(priced.adminRate, f) })}
                            {priced.adminRateLocked ? ` ${t("locked")}` : ""}
                          </span>
                        </dt>
                        <dd className="text-end font-mono tabular-nums">{f.usd(priced.admin)}</dd>
                        <dt>{t("pchTransport")}</dt>
                        <dd className="text-end font-mono tabular-nums">{f.usd(sumAmounts([priced.pch, priced.transport]))}</dd>
                      </dl>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
