import { formatUsd } from "@/domain/money";
import type { LineExecutionView } from "@/domain/schemas/execution";

type Measure = LineExecutionView["measures"][number];
type LineUnits = Pick<LineExecutionView, "unitOfIssue" | "serviceUnitLabel">;

const count = (value: string) => {
  const [whole, fraction] = value.split(".");
  return `${(whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
};

/** "300 of 800 EA", "$450,000.00 of $1,800,000.00", "3 of 24 months". */
export function measureText(measure: Measure, line: LineUnits): string {
  if (measure.unit === "USD") return `${formatUsd(measure.done)} of ${formatUsd(measure.target)}`;
  const unit = measure.unit === "QUANTITY" ? (line.unitOfIssue ?? "") : line.serviceUnitLabel;
  return `${count(measure.done)} of ${count(measure.target)}${unit ? ` ${unit}` : ""}`;
}

/**
 * One labelled progress bar. The bar's width is the exact percentage the server computed (a display value, capped at
 * 100); screen readers get the label, the figures and the percentage.
 */
export function ProgressBar({ id, measure, line, compact = false }: { id: string; measure: Measure; line: LineUnits; compact?: boolean }) {
  const text = measureText(measure, line);
  const width = Math.min(100, Math.max(0, Number(measure.percent)));
  const complete = width >= 100;
  return (
    <div className={compact ? "mb-1" : "mb-3"} data-testid={`progress-${measure.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span id={id} className="font-bold">
          {measure.label}
          {measure.usgOnly && <span className="ml-1 font-normal text-base-dark">(U.S. Government only)</span>}
        </span>
        <span className="tabular-nums" data-testid={`progress-${measure.key}-text`}>
          {text} · {measure.percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        aria-valuetext={`${text}, ${measure.percent}%`}
        className="mt-1 h-3 w-full overflow-hidden rounded-sm border border-base bg-base-lightest"
      >
        <div className={`h-full ${complete ? "bg-success-dark" : "bg-primary"}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
