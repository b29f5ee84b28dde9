import { useTranslations } from "next-intl";
import { ACC_TARGET_MONTHS } from "@/domain/execution/closure";
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

type Translate = ReturnType<typeof useTranslations<"ClosureChecklist">>;

const stateWords = (criterion: Criterion, t: Translate) => (criterion.met ? t("met") : criterion.blocking ? t("notMetBlocking") : t("notMetInformational"));

/** The criterion's name in the reader's words (the domain's English label, which carries the review year, is the fallback). */
function criterionLabel(criterion: Criterion, t: Translate): string {
  switch (criterion.key) {
    case "lines":
    case "sdrs":
    case "obligations":
    case "finalBill":
      return t(`label.${criterion.key}`);
    case "target":
      return t("label.target", { months: ACC_TARGET_MONTHS });
    case "annualReview": {
      const year = /\d{4}/.exec(criterion.label)?.[0];
      return year ? t("label.annualReview", { year }) : criterion.label;
    }
    default:
      return criterion.label;
  }
}

export function ClosureChecklist({ criteria }: { criteria: ClosureView["criteria"] }) {
  const t = useTranslations("ClosureChecklist");
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
              {criterionLabel(criterion, t)} <span className="sr-only">{t("stateSr", { state: stateWords(criterion, t) })}</span>
            </p>
            <p className="text-sm text-base-dark">
              <span aria-hidden="true">{t("stateVisible", { state: stateWords(criterion, t) })}</span>
              {criterion.summary}
            </p>
            {criterion.reasons.length > 0 && (
              <ul className="mt-1 list-disc ps-5 text-sm">
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
