import { useTranslations } from "next-intl";
import type { LineExecutionView } from "@/domain/schemas/execution";
import { intlLocaleOf } from "@/i18n/config";
import type { Formats } from "@/lib/format";
import { useFormats } from "@/i18n/use-formats";

type Measure = LineExecutionView["measures"][number];
type LineUnits = Pick<LineExecutionView, "unitOfIssue" | "serviceUnitLabel">;
type Translate = ReturnType<typeof useTranslations<"ExecProgress">>;

/** "Months" or "events" in the reader's words. */
export const serviceUnitWord = (t: Translate, unit: string) => (unit === "months" ? t("unitMonths") : t("unitEvents"));

/** "300 of 800 EA", "$450,000.00 of $1,800,000.00", "3 of 24 months". */
export function measureText(measure: Measure, line: LineUnits, t: Translate, f: Formats): string {
  if (measure.unit === "USD") return t("of", { done: f.usd(measure.done), target: f.usd(measure.target) });
  const unit = measure.unit === "QUANTITY" ? (line.unitOfIssue ?? "") : serviceUnitWord(t, line.serviceUnitLabel);
  const done = f.number(Number(measure.done));
  const target = f.number(Number(measure.target));
  return unit ? t("ofUnit", { done, target, unit }) : t("of", { done, target });
}

/** The bar's name, from what it measures (the domain's English label is the fallback). */
export function measureLabel(measure: Measure, line: LineUnits, t: Translate): string {
  switch (measure.key) {
    case "ordered":
      return measure.usgOnly ? t("measureContracted") : t("measureRequisitioned");
    case "shipped":
      return t("measureShipped");
    case "delivered":
      return t("measureDelivered");
    case "performed":
      return t("measurePerformed", { unit: serviceUnitWord(t, line.serviceUnitLabel) });
    case "performedValue":
      return t("measurePerformedValue");
    default:
      return measure.label;
  }
}

/**
 * One labelled progress bar. The bar's width is the exact percentage the server computed (a display value, capped at
 * 100); screen readers get the label, the figures and the percentage.
 */
export function ProgressBar({ id, measure, line, compact = false }: { id: string; measure: Measure; line: LineUnits; compact?: boolean }) {
  const t = useTranslations("ExecProgress");
  const f = useFormats();
  const text = measureText(measure, line, t, f);
  // The server cuts the percentage to one decimal ("37.5", "100.0"); only the separator is the reader's.
  const percent = new Intl.NumberFormat(intlLocaleOf(f.locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(measure.percent));
  const width = Math.min(100, Math.max(0, Number(measure.percent)));
  const complete = width >= 100;
  return (
    <div className={compact ? "mb-1" : "mb-3"} data-testid={`progress-${measure.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span id={id} className="font-bold">
          {measureLabel(measure, line, t)}
          {measure.usgOnly && <span className="ms-1 font-normal text-base-dark">{t("usgOnly")}</span>}
        </span>
        <span className="tabular-nums" data-testid={`progress-${measure.key}-text`}>
          {t("figures", { text, percent })}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        aria-valuetext={t("valueText", { text, percent })}
        className="mt-1 h-3 w-full overflow-hidden rounded-sm border border-base bg-base-lightest"
      >
        <div className={`h-full ${complete ? "bg-success-dark" : "bg-primary"}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
