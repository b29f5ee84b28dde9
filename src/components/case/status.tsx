import { Tag } from "@/components/ui/card";
import { AGING_LABELS, type AgingState } from "@/domain/sla";
import { CASE_STATUS_LABELS, type CaseStatus } from "@/domain/workflow/states";
import { agingSentence } from "@/lib/aging-text";

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
  return (
    <span data-testid="case-status" data-status={status}>
      <Tag tone={STATUS_TONES[status] ?? "info"}>{CASE_STATUS_LABELS[status]}</Tag>
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

/**
 * Due date with its aging: green on track, amber from the rule's share (75%), red when overdue. Words, not only colour:
 * the tag, then a sentence ("32 days past the 7-day target", "Due in 3 days (75% of the time used)").
 */
export function AgingTag({
  aging,
}: {
  aging: { state: AgingState; dueAt: string; percentElapsed: number; targetDays?: number; dayKind?: string } | null;
}) {
  if (!aging) return <span className="text-base-dark">No target</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="aging" data-aging={aging.state}>
      <Tag tone={AGING_TONES[aging.state]}>{AGING_LABELS[aging.state]}</Tag>
      <span className="text-sm">
        <time dateTime={aging.dueAt}>{agingSentence(aging)}</time>
      </span>
    </span>
  );
}

const DAY_MS = 86_400_000;

/** Time left on an offer, in words ("12 days 4 hours left"), or that it has passed. */
export function countdownText(deadline: string, now: Date): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return "The offer expiration date has passed";
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / 3_600_000);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return days > 0 ? `${plural(days, "day")} ${plural(hours, "hour")} left` : `${plural(hours, "hour")} left`;
}
