import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/card";
import type { AgingState } from "@/domain/sla";
import type { CaseStatus } from "@/domain/workflow/states";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import { agingFacts } from "@/lib/aging-text";

const STATUS_TONES: Partial<Record<CaseStatus, "base" | "success" | "warning" | "error" | "info">> = {
  OFFERED: "warning",
  ACCEPTED: "success",
  IMPLEMENTED: "success",
  EXECUTING: "success",
  SUPPLY_SERVICES_COMPLETE: "success",
  CLOSURE_PENDING: "base",
  CLOSED: "base",
  EXPIRED: "error",
  SUSPENDED: "warning",
  CANCELLED: "base",
  DISAPPROVED: "error",
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const label = useLabels();
  return (
    <span data-testid="case-status" data-status={status}>
      <Tag tone={STATUS_TONES[status] ?? "info"}>{label("caseStatus", status)}</Tag>
    </span>
  );
}

const AGING_TONES: Record<AgingState, "success" | "warning" | "error" | "base"> = {
  ON_TRACK: "success",
  DUE_SOON: "warning",
  OVERDUE: "error",
  MET: "success",
  MISSED: "error",
};

const DAY_MS = 86_400_000;

type Aging = { state: AgingState; dueAt: string; percentElapsed: number; targetDays?: number; dayKind?: string };

/**
 * Due date with its aging: green on track, amber from the rule's share (75%), red when overdue. Words, not only colour:
 * the tag, then a sentence ("32 days past the 7-day target", "Due in 3 days (75% of the time used)").
 */
export function AgingTag({ aging }: { aging: Aging | null }) {
  const t = useTranslations("CaseStatus");
  const label = useLabels();
  const f = useFormats();
  if (!aging) return <span className="text-base-dark">{t("noTarget")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="aging" data-aging={aging.state}>
      <Tag tone={AGING_TONES[aging.state]}>{label("aging", aging.state)}</Tag>
      <span className="text-sm">
        <time dateTime={aging.dueAt}>{agingSentence(aging, t, f.date)}</time>
      </span>
    </span>
  );
}

type Words = (key: string, values?: Record<string, string | number>) => string;

/** The domain's aging facts (src/lib/aging-text.ts) as a sentence in the reader's language. */
function agingSentence(aging: Aging, t: Words, formatDate: (value: Date) => string): string {
  const facts = agingFacts(aging);
  const date = formatDate(facts.due);
  switch (facts.kind) {
    case "met":
      return t("agingMet", { date });
    case "missed":
      return t("agingMissed", { date });
    case "overdue": {
      const kind = aging.targetDays === undefined ? "none" : aging.dayKind === "BUSINESS" ? "business" : "calendar";
      return t("agingOverdue", { days: facts.daysLate, kind, target: String(aging.targetDays ?? ""), date });
    }
    case "dueToday":
      return t("agingDueToday", { date, percent: String(facts.percent) });
    case "dueIn":
      return t("agingDueIn", { days: facts.daysLeft, date, percent: String(facts.percent) });
  }
}

/**
 * Time left on an offer, in words ("12 days 4 hours left"), or that it has passed. `t` reads the "CaseStatus"
 * messages: `countdownText(deadline, now, await getTranslations("CaseStatus"))`.
 */
export function countdownText(deadline: string, now: Date, t: Words): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return t("countdownPassed");
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / 3_600_000);
  return days > 0 ? t("countdownDaysHours", { days, hours }) : t("countdownHours", { hours });
}
