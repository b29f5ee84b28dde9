"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CostSummaryTable } from "@/components/loa/cost-summary";
import { ThresholdMeter } from "@/components/loa/threshold-meter";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DELIVERY_TERM_CODES, SOURCES_OF_SUPPLY, type DeliveryTermCode, type SourceOfSupply } from "@/domain/loa/codes";
import { emptyLine } from "@/domain/loa/content";
import { typedAmount, typedCount } from "@/domain/money";
import { notificationDetermination } from "@/domain/pricing/notification";
import { formatRate, priceLoa } from "@/domain/pricing/price";
import { useFormats } from "@/i18n/use-formats";

interface Row {
  description: string;
  quantity: string;
  unitCost: string;
  sourceOfSupply: SourceOfSupply;
  deliveryTermCode: string;
  mde: boolean;
  designConstruction: boolean;
  ncPerUnit: string;
}


// The worked example of the domain reference (fms-domain.md §7.4), so a first look shows every kind of charge.
const example = (t: (key: "exampleVehicle" | "exampleSpares" | "exampleTraining") => string): Row[] => [
  { description: t("exampleVehicle"), quantity: "10", unitCost: "1000000", sourceOfSupply: "P", deliveryTermCode: "2", mde: true, designConstruction: false, ncPerUnit: "50000" },
  { description: t("exampleSpares"), quantity: "1", unitCost: "2000000", sourceOfSupply: "X", deliveryTermCode: "2", mde: false, designConstruction: false, ncPerUnit: "" },
  { description: t("exampleTraining"), quantity: "1", unitCost: "500000", sourceOfSupply: "S", deliveryTermCode: "", mde: false, designConstruction: false, ncPerUnit: "" },
];

/** The table's columns, in order; the last one (remove) has a heading for screen readers only. */
const COLUMNS = ["line", "description", "quantity", "unitCost", "source", "deliveryTerm", "mde", "ncPerUnit", "designConstruction", "lineTotal", "remove"] as const;

const inputClass = "w-full border-2 border-base-dark px-1 py-1 aria-[invalid=true]:border-error-dark";

export function PricingCalculator({
  rates: rawRates,
  defaultNatoPlus,
}: {
  rates: { key: string; value: string; effectiveFrom: string; effectiveTo: string | null }[];
  defaultNatoPlus: boolean | null;
}) {
  const t = useTranslations("PricingCalculator");
  const f = useFormats();
  const rateOrNone = (rate: string | null) => (rate === null ? t("noneInForce") : formatRate(rate));
  const rates = useMemo(
    () => rawRates.map((r) => ({ ...r, effectiveFrom: new Date(r.effectiveFrom), effectiveTo: r.effectiveTo ? new Date(r.effectiveTo) : null })),
    [rawRates],
  );
  const [rows, setRows] = useState<Row[]>(() => example(t));
  const [natoPlus, setNatoPlus] = useState(defaultNatoPlus ?? false);
  const [pricedOn, setPricedOn] = useState(new Date().toISOString().slice(0, 10));
  const set = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const result = useMemo(() => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(pricedOn) ? new Date(`${pricedOn}T00:00:00Z`) : null;
    if (!day || Number.isNaN(day.getTime())) return { error: t("badDate") };
    const lines = rows.map((row, index) => ({
      ...emptyLine(String(index + 1).padStart(3, "0")),
      quantity: typedCount(row.quantity),
      unitCost: typedAmount(row.unitCost),
      sourceOfSupply: row.sourceOfSupply,
      deliveryTermCode: (row.deliveryTermCode || null) as DeliveryTermCode | null,
      mde: row.mde,
      designConstruction: row.designConstruction,
      ncPerUnit: row.mde ? typedAmount(row.ncPerUnit) : null,
    }));
    try {
      const priced = priceLoa(lines, { rates, pricedOn: day });
      return { priced, notification: notificationDetermination(lines, priced, { natoPlus, rates, on: day }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [rows, natoPlus, pricedOn, rates, t]);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section aria-labelledby="calc-lines" className="min-w-0 rounded border border-base-lighter bg-white p-5 lg:col-span-2">
        <h2 id="calc-lines" className="mb-3 text-xl text-primary-darker">
          {t("lines")}
        </h2>
        <div className="mb-4 flex flex-wrap gap-6">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={natoPlus} onChange={(e) => setNatoPlus(e.target.checked)} data-testid="calc-nato-plus" />
            {t("natoPlus")}
          </label>
          <label className="inline-flex items-center gap-2">
            {t("ratesOn")}
            <input type="date" value={pricedOn} onChange={(e) => setPricedOn(e.target.value)} className="border-2 border-base-dark px-1" data-testid="calc-date" />
          </label>
        </div>
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("linesRegion")}>
          <table className="w-full text-sm" data-testid="calc-lines">
            <caption className="sr-only">{t("linesCaption")}</caption>
            <thead className="bg-base-lightest">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-1 py-2 text-start">
                    {column === "remove" ? <span className="sr-only">{t("columns.remove")}</span> : t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const n = String(index + 1).padStart(3, "0");
                const priced = "priced" in result ? result.priced?.lines[index] : undefined;
                return (
                  <tr key={index} className="border-b border-base-lighter" data-testid={`calc-line-${n}`}>
                    <th scope="row" className="px-1 font-mono">{n}</th>
                    <td className="px-1"><input aria-label={t("lineDescription", { number: n })} className={`${inputClass} min-w-40`} value={row.description} onChange={(e) => set(index, { description: e.target.value })} /></td>
                    <td className="px-1"><input aria-label={t("lineQuantity", { number: n })} inputMode="numeric" className={`${inputClass} min-w-16`} value={row.quantity} aria-invalid={typedCount(row.quantity) === null} onChange={(e) => set(index, { quantity: e.target.value })} /></td>
                    <td className="px-1"><input aria-label={t("lineUnitCost", { number: n })} inputMode="decimal" className={`${inputClass} min-w-28`} value={row.unitCost} aria-invalid={typedAmount(row.unitCost) === null} onChange={(e) => set(index, { unitCost: e.target.value })} /></td>
                    <td className="px-1">
                      <select aria-label={t("lineSource", { number: n })} className={`${inputClass} min-w-14`} value={row.sourceOfSupply} onChange={(e) => set(index, { sourceOfSupply: e.target.value as SourceOfSupply })}>
                        {SOURCES_OF_SUPPLY.map((s) => <option key={s}>{s}</option>)}
                      </select>
                    </td>
                    <td className="px-1">
                      <select aria-label={t("lineDeliveryTerm", { number: n })} className={`${inputClass} min-w-32`} value={row.deliveryTermCode} onChange={(e) => set(index, { deliveryTermCode: e.target.value })}>
                        <option value="">{t("noDeliveryTerm")}</option>
                        {DELIVERY_TERM_CODES.map((d) => <option key={d}>{d}</option>)}
                      </select>
                    </td>
                    <td className="px-1 text-center"><input type="checkbox" aria-label={t("lineMde", { number: n })} checked={row.mde} onChange={(e) => set(index, { mde: e.target.checked })} /></td>
                    <td className="px-1"><input aria-label={t("lineNc", { number: n })} inputMode="decimal" className={`${inputClass} min-w-24`} value={row.ncPerUnit} disabled={!row.mde} onChange={(e) => set(index, { ncPerUnit: e.target.value })} /></td>
                    <td className="px-1 text-center"><input type="checkbox" aria-label={t("lineDesignConstruction", { number: n })} checked={row.designConstruction} onChange={(e) => set(index, { designConstruction: e.target.checked })} /></td>
                    <td className="whitespace-nowrap px-1 text-end font-mono" data-testid={`calc-total-${n}`}>{priced ? f.usd(priced.lineTotal) : ""}</td>
                    <td className="px-1">
                      <Button type="button" variant="unstyled" aria-label={t("removeLine", { number: n })} onClick={() => setRows(rows.filter((_, i) => i !== index))}>{t("remove")}</Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() => setRows([...rows, { description: "", quantity: "1", unitCost: "", sourceOfSupply: "S", deliveryTermCode: "", mde: false, designConstruction: false, ncPerUnit: "" }])}
          data-testid="calc-add-line"
        >
          {t("addLine")}
        </Button>
        <p className="mt-3 text-sm text-base-dark">
          {t("explanation")}
        </p>
      </section>
      <aside className="order-first grid content-start gap-6 lg:order-none" aria-label={t("asideLabel")}>
        <section aria-labelledby="calc-cost" className="min-w-0 rounded border border-base-lighter bg-white p-5">
          <h2 id="calc-cost" className="mb-3 text-xl text-primary-darker">{t("cost")}</h2>
          {"error" in result && result.error ? (
            <Alert type="error" title={t("cannotPrice")}>{result.error}</Alert>
          ) : "priced" in result && result.priced ? (
            <>
              <CostSummaryTable summary={result.priced.summary} rates={result.priced.ratesApplied} />
              <p className="mt-2 text-sm text-base-dark">
                {t("ratesApplied", {
                  admin: formatRate(result.priced.ratesApplied.adminSurcharge),
                  cas: rateOrNone(result.priced.ratesApplied.cas),
                  pch: rateOrNone(result.priced.ratesApplied.pch),
                })}
              </p>
            </>
          ) : null}
        </section>
        {"notification" in result && result.notification && (
          <section aria-labelledby="calc-cn" className="min-w-0 rounded border border-base-lighter bg-white p-5">
            <h2 id="calc-cn" className="mb-3 text-xl text-primary-darker">{t("notification")}</h2>
            <ThresholdMeter notification={result.notification} />
          </section>
        )}
      </aside>
    </div>
  );
}
