import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/card";
import type { ReviewTaskView } from "@/domain/schemas/cases";
import { REVIEW_OFFICES } from "@/domain/workflow/states";
import { AgingTag } from "./status";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";

const DECISION_TONES = { CONCUR: "success", CONCUR_WITH_COMMENT: "success", RETURN: "warning", DISAPPROVE: "error" } as const;

/** The parallel reviews of the current round: who concurred, who is pending and since when. */
export function ReviewPanel({ reviews, round }: { reviews: readonly ReviewTaskView[]; round: number }) {
  const t = useTranslations("CaseReviews");
  const label = useLabels();
  const f = useFormats();
  if (round === 0 || reviews.length === 0) {
    return <p className="text-base-dark">{t("notStarted")}</p>;
  }
  const byOffice = new Map(reviews.map((r) => [r.office, r]));
  const concurred = reviews.filter((r) => r.decision === "CONCUR" || r.decision === "CONCUR_WITH_COMMENT").length;
  const waived = reviews.filter((r) => r.status === "NOT_REQUIRED").length;
  const required = REVIEW_OFFICES.length - waived;
  return (
    <div>
      <p className="mb-3 text-sm text-base-dark" data-testid="review-summary">
        {waived === 0
          ? t("summary", { round, concurred, offices: REVIEW_OFFICES.length })
          : t("summaryWaived", { round, concurred, required, waived })}
      </p>
      <ul className="grid gap-3 lg:grid-cols-3" data-testid="review-panel">
        {REVIEW_OFFICES.map((office) => {
          const review = byOffice.get(office);
          return (
            <li key={office} className="rounded border border-base-lighter p-3" data-testid={`review-${office}`} data-review-status={review?.status}>
              <h3 className="font-bold">{label("reviewOffice", office)}</h3>
              {!review ? (
                <p className="text-sm text-base-dark">{t("officeNotStarted")}</p>
              ) : review.status === "OPEN" ? (
                <>
                  <p className="my-1">
                    <Tag tone="info">{t("pending")}</Tag> <span className="text-sm">{t("since", { date: f.date(review.openedAt) })}</span>
                  </p>
                  <AgingTag aging={review.aging} />
                </>
              ) : review.status === "CANCELLED" ? (
                <p className="my-1">
                  <Tag>{t("cancelled")}</Tag> <span className="text-sm">{t("cancelledNote")}</span>
                </p>
              ) : review.status === "NOT_REQUIRED" ? (
                <>
                  <p className="my-1">
                    <Tag>{t("notRequired")}</Tag>
                  </p>
                  <p className="text-sm">
                    {t("recordedBy", { name: review.decidedBy?.name ?? "DSCA", when: f.dateTime(review.decidedAt) })}
                  </p>
                  {review.comment && (
                    <p className="mt-1 whitespace-pre-line border-s-4 border-base-light ps-2 text-sm" data-testid="review-not-required-reason">
                      {t("reason", { comment: review.comment })}
                      <span className="block text-xs text-base-dark">{label("commentVisibility", "USG_INTERNAL")}</span>
                    </p>
                  )}
                </>
              ) : (
                <>
                  <p className="my-1">
                    <Tag tone={DECISION_TONES[review.decision!]}>{label("reviewDecision", review.decision!)}</Tag>
                  </p>
                  <p className="text-sm">
                    {review.decidedBy?.name} · {f.dateTime(review.decidedAt)}
                  </p>
                  {review.comment && (
                    <p className="mt-1 whitespace-pre-line border-s-4 border-base-light ps-2 text-sm">
                      {review.comment}
                      <span className="block text-xs text-base-dark">
                        {label("commentVisibility", review.commentVisibility ?? "USG_INTERNAL")}
                      </span>
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
