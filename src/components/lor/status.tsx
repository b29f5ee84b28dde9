import { useLocale, useNow, useTranslations } from "next-intl";
import { Tag } from "@/components/ui/card";
import { localeOf } from "@/i18n/config";
import { LOR_STATUS_TONES, type LorStatus } from "@/domain/lor/codes";
import type { AgingState } from "@/domain/sla";
import { formatsFor } from "@/lib/format";

// Not async and without "use client": server pages and client components both render these, in the reader's language.

export function LorStatusTag({ status }: { status: LorStatus }) {
  const label = useTranslations("Labels");
  return (
    <span data-testid="lor-status">
      <Tag tone={LOR_STATUS_TONES[status]}>{label(`lorStatus.${status}` as never)}</Tag>
    </span>
  );
}

const AGING_TONES: Record<AgingState, "success" | "warning" | "error" | "info"> = {
  ON_TRACK: "info",
  DUE_SOON: "warning",
  OVERDUE: "error",
  MET: "success",
  MISSED: "error",
};

const DAY_MS = 86_400_000;

/** Age against the validation target, e.g. "Due soon · Due in 1 day, Nov 27 (80% of 5 days used)". */
export function AgingTag({
  aging,
}: {
  aging: { state: AgingState; dueAt: string; percentElapsed: number; targetDays: number; dayKind: string } | null;
}) {
  const t = useTranslations("LorAging");
  const label = useTranslations("Labels");
  const locale = useLocale();
  const now = useNow().getTime();
  if (!aging) return <span className="text-base-dark">—</span>;
  // A calendar date, as the validation target has always been shown (formatted in UTC).
  const f = formatsFor(localeOf(locale), "UTC");
  const business = aging.dayKind === "BUSINESS" ? "true" : "false";
  const days = t("days", { count: aging.targetDays, business });
  const due = new Date(aging.dueAt);
  const date = f.date(due);
  let sentence: string;
  if (aging.state === "MET" || aging.state === "MISSED") {
    sentence = t("targetWas", { date, days });
  } else if (aging.state === "OVERDUE") {
    const late = Math.max(1, Math.ceil((now - due.getTime()) / DAY_MS));
    sentence = t("overdue", { late, target: aging.targetDays, business, date });
  } else {
    const left = Math.max(0, Math.ceil((due.getTime() - now) / DAY_MS));
    sentence = t("due", { left, date, percent: Math.min(aging.percentElapsed, 100), days });
  }
  return (
    <span className="inline-flex flex-col gap-0.5" data-testid="aging">
      <span>
        <Tag tone={AGING_TONES[aging.state]}>{label(`aging.${aging.state}` as never)}</Tag>
      </span>
      <span className="text-xs text-base-dark">{sentence}</span>
    </span>
  );
}
