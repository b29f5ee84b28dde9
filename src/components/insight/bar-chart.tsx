"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormats } from "@/i18n/use-formats";

// One bar chart for every dashboard figure (Recharts, ADR 0027). It is the picture only: the text summary and the table
// beside it carry the same numbers for screen readers and keyboards, so the SVG is hidden from assistive technology.
// Clicking a bar opens the cases behind it, as the table's links do. No animation: the numbers are the point, and
// motion would only delay them (and bother people who asked their system for less).

export interface BarDatum {
  label: string;
  /** Bar length. Dollar amounts arrive as exact strings and become numbers here only to be drawn. */
  value: number;
  /** A second series stacked on the first (e.g. overdue beside on time). */
  secondary?: number;
  href?: string;
  /** Drawn in the warning colour (e.g. buckets past the target). */
  flagged?: boolean;
}

const COLORS = { primary: "#005ea2", secondary: "#b50909", flagged: "#c05600" };

export function DashboardBarChart({
  data,
  format = "count",
  layout = "horizontal",
  seriesNames,
  referenceLabel,
  referenceAt,
  height,
  testId,
}: {
  data: readonly BarDatum[];
  format?: "count" | "usd";
  /** "horizontal": bars grow rightwards, one row per label (long names); "vertical": columns (day buckets). */
  layout?: "horizontal" | "vertical";
  seriesNames?: readonly [string] | readonly [string, string];
  referenceLabel?: string;
  /** For columns: the label of the bucket where a reference line (the target) is drawn. */
  referenceAt?: string;
  height?: number;
  testId?: string;
}) {
  const router = useRouter();
  const t = useTranslations("InsightChart");
  const f = useFormats();
  const names = seriesNames ?? [t("cases")];
  const formatValue = (value: number) => (format === "usd" ? f.usdCompact(value) : f.number(value));
  const rows = layout === "horizontal";
  // Arabic reads right to left: the bars grow leftwards and the value axis sits on the right.
  const rtl = f.locale === "ar";
  const chartHeight = height ?? (rows ? Math.max(160, data.length * 34 + 40) : 260);
  const open = (datum: BarDatum | undefined) => {
    if (datum?.href) router.push(datum.href);
  };
  return (
    <div aria-hidden="true" className="w-full" style={{ height: chartHeight }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} layout={rows ? "vertical" : "horizontal"} margin={{ top: referenceLabel ? 28 : 8, right: rtl ? 8 : 24, bottom: 8, left: rtl ? 24 : 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={!rows} vertical={rows} />
          {rows ? (
            <>
              <XAxis type="number" tickFormatter={formatValue} allowDecimals={false} reversed={rtl} />
              <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} orientation={rtl ? "right" : "left"} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={60} reversed={rtl} />
              <YAxis type="number" tickFormatter={formatValue} allowDecimals={false} width={56} orientation={rtl ? "right" : "left"} />
            </>
          )}
          <Tooltip formatter={(value) => formatValue(Number(value))} cursor={{ fill: "#f0f0f0" }} />
          {referenceAt && <ReferenceLine x={referenceAt} stroke="#1b1b1b" strokeDasharray="4 2" label={{ value: referenceLabel, position: "top", fontSize: 12 }} />}
          <Bar dataKey="value" name={names[0]} stackId="a" fill={COLORS.primary} cursor="pointer" isAnimationActive={false} onClick={(entry) => open(entry.payload as BarDatum)}>
            {data.map((datum) => (
              <Cell key={datum.label} fill={datum.flagged ? COLORS.flagged : COLORS.primary} data-href={datum.href} />
            ))}
          </Bar>
          {names[1] && (
            <Bar dataKey="secondary" name={names[1]} stackId="a" fill={COLORS.secondary} cursor="pointer" isAnimationActive={false} onClick={(entry) => open(entry.payload as BarDatum)} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
