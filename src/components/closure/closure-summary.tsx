import Link from "next/link";
import { Tag } from "@/components/ui/card";
import { CLOSURE_TYPE_LABELS } from "@/domain/execution/closure";
import { formatUsd } from "@/domain/money";
import type { ClosureView } from "@/domain/schemas/closure";
import { formatDate } from "@/lib/format";

// The case overview's answer to "when will this close": closed (and the refund or bill), ready, or what still stands
// in the way, with the 24-month target. Props only: the page loads the readiness (getClosureReadiness).

export type ClosureSummaryFacts = Pick<
  ClosureView,
  "caseId" | "status" | "closureType" | "ready" | "blockers" | "target" | "closedAt" | "finalStatement" | "statement" | "certificate"
>;

const SHOWN = 3;

export function ClosureSummary({ closure }: { closure: ClosureSummaryFacts }) {
  const closed = closure.status === "CLOSED";
  const refund = closure.finalStatement?.amountDue.startsWith("-") ? closure.finalStatement.amountDue.slice(1) : null;
  return (
    <div data-testid="closure-summary">
      {closed ? (
        <p>
          <Tag tone="success">Closed</Tag> on {formatDate(closure.closedAt)}
          {closure.closureType ? ` under ${CLOSURE_TYPE_LABELS[closure.closureType]}` : ""}.{" "}
          {refund ? `Excess funds of ${formatUsd(refund)} are returned to the partner.` : "The final bill is settled."}
        </p>
      ) : closure.ready ? (
        <p>
          <Tag tone="success">Ready to close</Tag> Nothing stands in the way of closing.
        </p>
      ) : (
        <>
          <p>
            <Tag tone="warning">Not ready to close</Tag> {closure.blockers.length} {closure.blockers.length === 1 ? "thing stands" : "things stand"} in the way:
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="closure-summary-blockers">
            {closure.blockers.slice(0, SHOWN).map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
            {closure.blockers.length > SHOWN && <li>and {closure.blockers.length - SHOWN} more</li>}
          </ul>
        </>
      )}
      {!closed && closure.target && (
        <p className="mt-2 text-sm text-base-dark">
          Target: closed by {formatDate(closure.target.targetDate)} ({closure.target.months} months after supply and services complete)
          {closure.target.overdue ? " — passed" : ""}.
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/cases/${closure.caseId}/closure`}>Closure readiness in full</Link>
        {closure.certificate && (
          <>
            {" · "}
            <a href={closure.certificate.url} download>
              Closure certificate (PDF)
            </a>
          </>
        )}
      </p>
    </div>
  );
}
