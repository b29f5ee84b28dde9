import { Tag } from "@/components/ui/card";
import type { ReviewTaskView } from "@/domain/schemas/cases";
import { COMMENT_VISIBILITY_LABELS, REVIEW_DECISION_LABELS, REVIEW_OFFICE_LABELS, REVIEW_OFFICES } from "@/domain/workflow/states";
import { formatDate, formatDateTime } from "@/lib/format";
import { AgingTag } from "./status";

const DECISION_TONES = { CONCUR: "success", CONCUR_WITH_COMMENT: "success", RETURN: "warning", DISAPPROVE: "error" } as const;

/** The parallel reviews of the current round: who concurred, who is pending and since when. */
export function ReviewPanel({ reviews, round }: { reviews: readonly ReviewTaskView[]; round: number }) {
  if (round === 0 || reviews.length === 0) {
    return <p className="text-base-dark">Reviews start when the implementing agency approves the LOA.</p>;
  }
  const byOffice = new Map(reviews.map((r) => [r.office, r]));
  const concurred = reviews.filter((r) => r.decision === "CONCUR" || r.decision === "CONCUR_WITH_COMMENT").length;
  const waived = reviews.filter((r) => r.status === "NOT_REQUIRED").length;
  const required = REVIEW_OFFICES.length - waived;
  return (
    <div>
      <p className="mb-3 text-sm text-base-dark" data-testid="review-summary">
        {waived === 0
          ? `Round ${round}: ${concurred} of ${REVIEW_OFFICES.length} offices have concurred. All must concur before signature.`
          : `Round ${round}: ${concurred} of ${required} required ${required === 1 ? "review has" : "reviews have"} concurred; DSCA recorded ${waived === 1 ? "one review" : "two reviews"} as not required. Every required review must concur before signature.`}
      </p>
      <ul className="grid gap-3 lg:grid-cols-3" data-testid="review-panel">
        {REVIEW_OFFICES.map((office) => {
          const review = byOffice.get(office);
          return (
            <li key={office} className="rounded border border-base-lighter p-3" data-testid={`review-${office}`} data-review-status={review?.status}>
              <h3 className="font-bold">{REVIEW_OFFICE_LABELS[office]}</h3>
              {!review ? (
                <p className="text-sm text-base-dark">Not started</p>
              ) : review.status === "OPEN" ? (
                <>
                  <p className="my-1">
                    <Tag tone="info">Pending</Tag> <span className="text-sm">since {formatDate(review.openedAt)}</span>
                  </p>
                  <AgingTag aging={review.aging} />
                </>
              ) : review.status === "CANCELLED" ? (
                <p className="my-1">
                  <Tag>Cancelled</Tag> <span className="text-sm">the round ended before this review</span>
                </p>
              ) : review.status === "NOT_REQUIRED" ? (
                <>
                  <p className="my-1">
                    <Tag>Not required</Tag>
                  </p>
                  <p className="text-sm">
                    Recorded by {review.decidedBy?.name ?? "DSCA"} for DSCA · {formatDateTime(review.decidedAt)}
                  </p>
                  {review.comment && (
                    <p className="mt-1 whitespace-pre-line border-l-4 border-base-light pl-2 text-sm" data-testid="review-not-required-reason">
                      Reason: {review.comment}
                      <span className="block text-xs text-base-dark">{COMMENT_VISIBILITY_LABELS.USG_INTERNAL}</span>
                    </p>
                  )}
                </>
              ) : (
                <>
                  <p className="my-1">
                    <Tag tone={DECISION_TONES[review.decision!]}>{REVIEW_DECISION_LABELS[review.decision!]}</Tag>
                  </p>
                  <p className="text-sm">
                    {review.decidedBy?.name} · {formatDateTime(review.decidedAt)}
                  </p>
                  {review.comment && (
                    <p className="mt-1 whitespace-pre-line border-l-4 border-base-light pl-2 text-sm">
                      {review.comment}
                      <span className="block text-xs text-base-dark">
                        {COMMENT_VISIBILITY_LABELS[review.commentVisibility ?? "USG_INTERNAL"]}
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
