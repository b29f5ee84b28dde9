import { Tag } from "@/components/ui/card";
import type { SdrDecision, SdrStatus } from "@/domain/execution/sdr";
import type { Formats } from "@/lib/format";
import { useLabels } from "@/i18n/use-labels";

const STATUS_TONES: Record<SdrStatus, "base" | "success" | "warning" | "error" | "info"> = {
  SUBMITTED: "warning",
  DECIDED: "info",
  RECONSIDERATION_REQUESTED: "warning",
  CLOSED: "base",
};

/** A report's state in words (never colour alone). */
export function SdrStatusTag({ status }: { status: SdrStatus }) {
  const label = useLabels();
  return (
    <span data-testid="sdr-status" data-status={status}>
      <Tag tone={STATUS_TONES[status]}>{label("sdrStatus", status)}</Tag>
    </span>
  );
}

/** "Credit to the case: $1,500.00", "Rejected", or nothing before a decision; in the reader's words and formats. */
export function sdrDecisionText(
  decision: SdrDecision | null,
  creditAmount: string | null,
  label: (table: "sdrDecision", value: string) => string,
  f: Pick<Formats, "usd">,
): string | null {
  if (!decision) return null;
  return decision === "CREDIT" ? `${label("sdrDecision", "CREDIT")}: ${f.usd(creditAmount)}` : label("sdrDecision", decision);
}
