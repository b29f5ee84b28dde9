import { useLocale, useTranslations } from "next-intl";
import { MIN_CONFIGURATION_LENGTH, PROBLEMS_SHOWN, type ChecklistProblem, type CriterionResult } from "@/domain/lor/checklist";
import { localeOf } from "@/i18n/config";

/**
 * The completeness score and the actionable checklist, as the partner sees it while writing and the validator while checking.
 * Not async and without "use client", so both the letter page (server) and the letter form (client) render it.
 */
export function ChecklistPanel({
  score,
  criteria,
  heading,
  headingLevel = 2,
  flagged = [],
}: {
  score: number;
  criteria: readonly (Pick<CriterionResult, "key" | "label" | "mandatory" | "applicable" | "met" | "problem"> & { problems?: readonly ChecklistProblem[] })[];
  heading?: string;
  headingLevel?: 2 | 3;
  /** Criteria a validator named when returning the letter. */
  flagged?: readonly string[];
}) {
  const t = useTranslations("LorChecklist");
  const criterionLabel = (c: { key: string; label: string }) => (t.has(`criteria.${c.key}`) ? t(`criteria.${c.key}` as never) : c.label);
  const english = localeOf(useLocale()) === "en";
  // English is the domain's own sentence; other languages word the same problems from the catalogue.
  const problemText = (c: { problem: string | null; problems?: readonly ChecklistProblem[] }): string | null => {
    if (english || !c.problems || c.problems.length === 0) return c.problem;
    const words = c.problems.map((p) =>
      t(`problems.${p.code}` as never, {
        item: p.item ?? 0,
        min: MIN_CONFIGURATION_LENGTH,
        reasons: p.reasons ?? "",
        gaps: (p.gaps ?? []).map((gap) => t(`gaps.${gap}` as never)).join(t("gapSeparator")),
      } as never),
    );
    const shown = words.slice(0, PROBLEMS_SHOWN).join(t("problemSeparator"));
    return words.length > PROBLEMS_SHOWN ? t("andMore", { shown, count: words.length - PROBLEMS_SHOWN }) : shown;
  };
  const applicable = criteria.filter((c) => c.applicable);
  const mandatory = applicable.filter((c) => c.mandatory);
  const recommended = applicable.filter((c) => !c.mandatory);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const tone = score === 100 ? "bg-success" : score >= 60 ? "bg-primary" : "bg-warning";
  return (
    <section aria-labelledby="checklist-heading" className="rounded border border-base-lighter bg-white p-4" data-testid="checklist">
      <Heading id="checklist-heading" className="text-lg">
        {heading ?? t("heading")}
      </Heading>
      <div className="mt-2 flex items-baseline justify-between">
        <span className="text-3xl font-bold text-primary-darker" data-testid="completeness">
          {score}%
        </span>
        <span className="text-sm text-base-dark">{t("complete")}</span>
      </div>
      <div
        className="mt-1 h-3 w-full overflow-hidden rounded bg-base-lighter"
        role="meter"
        aria-label={t("completeness")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score}
      >
        <div className={`h-full ${tone}`} style={{ width: `${score}%` }} />
      </div>
      <p className="mt-2 text-sm" aria-live="polite">
        {t("summary", {
          requiredMet: mandatory.filter((c) => c.met).length,
          required: mandatory.length,
          recommendedMet: recommended.filter((c) => c.met).length,
          recommended: recommended.length,
        })}
      </p>
      {[
        { title: t("required"), items: mandatory },
        { title: t("recommended"), items: recommended },
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
                  <span className="sr-only">{c.met ? t("met") : t("notMet")}</span>
                  <span className={c.met ? "" : "font-bold"}>{criterionLabel(c)}</span>
                  {flagged.includes(c.key) && <span className="ms-1 text-xs font-bold text-error-dark">{t("flagged")}</span>}
                  {c.problem && <span className="block text-base-dark">{problemText(c)}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
