import { Tag } from "@/components/ui/card";
import { SDR_DECISION_LABELS, SDR_STATUS_LABELS, type SdrDecision, type SdrStatus } from "@/domain/execution/sdr";
import { formatUsd } from "@/domain/money";

const STATUS_TONES: Record<SdrStatus, "base" | "success" | "warning" | "error" | "info"> = {
  SUBMITTED: "warning",
  DECIDED: "info",
  RECONSIDERATION_REQUESTED: "warning",
  CLOSED: "base",
};

/** A report's state in words (never colour alone). */
export function SdrStatusTag({ status }: { status: SdrStatus }) {
  return (
    <span data-testid="sdr-status" data-status={status}>
      <Tag tone={STATUS_TONES[status]}>{SDR_STATUS_LABELS[status]}</Tag>
    </span>
  );
}

/** "Credit to the case: $1,500.00", "Rejected", or nothing before a decision. */
export function sdrDecisionText(decision: SdrDecision | null, creditAmount: string | null): string | null {
  if (!decision) return null;
  return decision === "CREDIT" ? `${SDR_DECISION_LABELS.CREDIT}: ${formatUsd(creditAmount)}` : SDR_DECISION_LABELS[decision];
}
