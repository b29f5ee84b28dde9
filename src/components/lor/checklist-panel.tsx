import type { CriterionResult } from "@/domain/lor/checklist";

/** The completeness score and the actionable checklist, as the partner sees it while writing and the validator while checking. */
export function ChecklistPanel({
  score,
  criteria,
  heading = "Actionable checklist",
  headingLevel = 2,
  flagged = [],
}: {
  score: number;
  criteria: readonly Pick<CriterionResult, "key" | "label" | "mandatory" | "applicable" | "met" | "problem">[];
  heading?: string;
  headingLevel?: 2 | 3;
  /** Criteria a validator named when returning the letter. */
  flagged?: readonly string[];
}) {
  const applicable = criteria.filter((c) => c.applicable);
  const mandatory = applicable.filter((c) => c.mandatory);
  const recommended = applicable.filter((c) => !c.mandatory);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const tone = score === 100 ? "bg-success" : score >= 60 ? "bg-primary" : "bg-warning";
  return (
    <section aria-labelledby="checklist-heading" className="rounded border border-base-lighter bg-white p-4" data-testid="checklist">
      <Heading id="checklist-heading" className="text-lg">
        {heading}
      </Heading>
      <div className="mt-2 flex items-baseline justify-between">
        <span className="text-3xl font-bold text-primary-darker" data-testid="completeness">
          {score}%
        </span>
        <span className="text-sm text-base-dark">complete</span>
      </div>
      <div
        className="mt-1 h-3 w-full overflow-hidden rounded bg-base-lighter"
        role="meter"
        aria-label="Completeness"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score}
      >
        <div className={`h-full ${tone}`} style={{ width: `${score}%` }} />
      </div>
      <p className="mt-2 text-sm" aria-live="polite">
        Required: {mandatory.filter((c) => c.met).length} of {mandatory.length} met. Recommended: {recommended.filter((c) => c.met).length} of{" "}
        {recommended.length}.
      </p>
      {[
        { title: "Required", items: mandatory },
        { title: "Recommended", items: recommended },
      ].map((group) => (
        <div key={group.title} className="mt-3">
          <p className="text-sm font-bold">{group.title}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {group.items.map((c) => (
              <li key={c.key} className="flex gap-2" data-testid={`criterion-${c.key}`} data-met={c.met}>
                <span aria-hidden="true" className={c.met ? "text-success-dark" : c.mandatory ? "text-error-dark" : "text-base-dark"}>
                  {c.met ? "✓" : c.mandatory ? "✗" : "○"}
                </span>
                <span>
                  <span className="sr-only">{c.met ? "Met: " : "Not met: "}</span>
                  <span className={c.met ? "" : "font-bold"}>{c.label}</span>
                  {flagged.includes(c.key) && <span className="ml-1 text-xs font-bold text-error-dark">(flagged by the validator)</span>}
                  {c.problem && <span className="block text-base-dark">{c.problem}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
