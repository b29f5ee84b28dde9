import { Tag } from "@/components/ui/card";
import { LOR_STATUS_LABELS, LOR_STATUS_TONES, type LorStatus } from "@/domain/lor/codes";
import { AGING_LABELS, type AgingState } from "@/domain/sla";
import { agingSentence } from "@/lib/aging-text";
import { formatDate } from "@/lib/format";

export function LorStatusTag({ status }: { status: LorStatus }) {
  return (
    <span data-testid="lor-status">
      <Tag tone={LOR_STATUS_TONES[status]}>{LOR_STATUS_LABELS[status]}</Tag>
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

/** Age against the validation target, e.g. "Due soon · Due in 1 day, Nov 27 (80% of 5 days used)". */
export function AgingTag({
  aging,
}: {
  aging: { state: AgingState; dueAt: string; percentElapsed: number; targetDays: number; dayKind: string } | null;
}) {
  if (!aging) return <span className="text-base-dark">—</span>;
  const days = `${aging.targetDays} ${aging.dayKind === "BUSINESS" ? "business " : ""}days`;
  return (
    <span className="inline-flex flex-col gap-0.5" data-testid="aging">
      <span>
        <Tag tone={AGING_TONES[aging.state]}>{AGING_LABELS[aging.state]}</Tag>
      </span>
      <span className="text-xs text-base-dark">
        {aging.state === "MET" || aging.state === "MISSED"
          ? `Target was ${formatDate(aging.dueAt)} (${days} from receipt)`
          : aging.state === "OVERDUE"
            ? agingSentence(aging)
            : agingSentence(aging).replace("of the time used", `of ${days} used`)}
      </span>
    </span>
  );
}
