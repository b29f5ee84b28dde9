import type { ClosureView } from "@/domain/schemas/closure";

// The closure readiness checklist: each criterion met (✓) or not (✗) with its numbers, and every reason under it.
// Informational criteria (the 24-month target, the annual review) are marked so and never read as blockers. Words
// say what the symbols show, for screen readers and for anyone who does not read colour. Props only.

type Criterion = ClosureView["criteria"][number];

function Mark({ criterion }: { criterion: Criterion }) {
  const met = criterion.met;
  const tone = met ? "bg-success-lighter text-success-dark" : criterion.blocking ? "bg-error-lighter text-error-dark" : "bg-warning-lighter text-base-darkest";
  return (
    <span aria-hidden="true" className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-lg font-bold ${tone}`}>
      {met ? "✓" : "✗"}
    </span>
  );
}

const stateWords = (criterion: Criterion) =>
  criterion.met ? "Met" : criterion.blocking ? "Not met — stops the closure" : "Not met — for information, does not stop the closure";

export function ClosureChecklist({ criteria }: { criteria: ClosureView["criteria"] }) {
  return (
    <ul className="grid gap-3" data-testid="closure-checklist">
      {criteria.map((criterion) => (
        <li
          key={criterion.key}
          className="flex gap-3 rounded border border-base-lighter p-3"
          data-testid={`criterion-${criterion.key}`}
          data-met={criterion.met ? "true" : "false"}
          data-blocking={criterion.blocking ? "true" : "false"}
        >
          <Mark criterion={criterion} />
          <div className="min-w-0">
            <p className="font-bold">
              {criterion.label} <span className="sr-only">({stateWords(criterion)})</span>
            </p>
            <p className="text-sm text-base-dark">
              <span aria-hidden="true">{stateWords(criterion)}. </span>
              {criterion.summary}
            </p>
            {criterion.reasons.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {criterion.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
