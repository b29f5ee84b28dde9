import type { CasePredictionView, PredictedStepView } from "@/domain/schemas/insight";
import { formatDate } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";

// "When to expect what" (issue 18 item 2): the next step first with its predicted date, the at-risk warning in words
// (never colour alone), then every remaining step with the basis of its date. Dates are days, not times: a median of
// past cases does not know the hour.

function PredictedDate({ at, fallback }: { at: string | null; fallback: string }) {
  return at ? <time dateTime={at}>{formatDate(at)}</time> : <span className="text-base-dark">{fallback}</span>;
}

function StepRow({ step }: { step: PredictedStepView }) {
  const notEnough = step.basis === "NOT_ENOUGH_HISTORY";
  return (
    <li className="border-b border-base-lighter py-2 last:border-b-0" data-testid={`outlook-step-${step.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span>
          {step.label}
          {step.state === "CURRENT" && <span className="ml-2 text-xs font-bold uppercase text-base-dark">now</span>}
          {step.parallel && step.governs && step.key !== "USG_REVIEW" && (
            <span className="ml-2 text-xs text-base-dark">(the slowest of the parallel reviews)</span>
          )}
        </span>
        <span className="font-bold">
          <PredictedDate at={step.predictedAt} fallback={notEnough ? "Not enough history to predict" : "Cannot be predicted yet"} />
        </span>
      </div>
      <p className="mt-1 text-sm text-base-dark">{step.explanation}</p>
      {step.overOwnTarget && step.ownDueAt && (
        <p className="mt-1 text-sm">
          <span className="font-bold">Overdue:</span> its own target was <time dateTime={step.ownDueAt}>{formatDate(step.ownDueAt)}</time>
        </p>
      )}
    </li>
  );
}

/** The outlook of one case, from GET /api/v1/cases/{id}/prediction or predictCaseForActor. */
export function CaseOutlook({ prediction, headingId = "case-outlook" }: { prediction: CasePredictionView; headingId?: string }) {
  if (prediction.kind === "NONE") {
    return (
      <Section id={headingId} title="When to expect what" testId="case-outlook">
        <p className="text-sm">{prediction.reason}</p>
      </Section>
    );
  }
  // The next thing to happen: of the steps under way, the one the case waits for longest (the governing review).
  const next = prediction.steps.find((s) => s.state === "CURRENT" && s.governs) ?? prediction.steps[0];
  const { offer, notificationClearance, firstDelivery } = prediction;
  return (
    <Section id={headingId} title="When to expect what" testId="case-outlook">
      {offer?.atRisk && (
        <div className="mb-4">
          <Alert type="warning" title={offer.targetPassed ? "Offer target passed" : "At risk: the offer is expected after its target"} testId="outlook-at-risk">
            <p>
              {offer.explanation}.
              {offer.targetAt && (
                <>
                  {" "}Target: <time dateTime={offer.targetAt}>{formatDate(offer.targetAt)}</time>.
                </>
              )}
            </p>
            {offer.causeLabel && (
              <p className="mt-1">
                <span className="font-bold">Cause:</span> {offer.causeLabel}
              </p>
            )}
          </Alert>
        </div>
      )}

      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {next && (
          <>
            <dt className="font-bold">Next: {next.label}</dt>
            <dd data-testid="outlook-next">
              <PredictedDate at={next.predictedAt} fallback={next.basis === "NOT_ENOUGH_HISTORY" ? "Not enough history to predict" : "Cannot be predicted yet"} />
            </dd>
          </>
        )}
        {offer && (
          <>
            <dt className="font-bold">{offer.offeredAt ? "Offered" : "Expected offer"}</dt>
            <dd data-testid="outlook-offer">
              {offer.offeredAt ? (
                <time dateTime={offer.offeredAt}>{formatDate(offer.offeredAt)}</time>
              ) : (
                <>
                  <PredictedDate at={offer.predictedAt} fallback="Not enough history to predict" />
                  {offer.targetAt && (
                    <span className="text-base-dark">
                      {" "}(target <time dateTime={offer.targetAt}>{formatDate(offer.targetAt)}</time>
                      {offer.atRisk ? ", at risk" : offer.predictedAt ? ", on track" : ""})
                    </span>
                  )}
                </>
              )}
            </dd>
          </>
        )}
        {notificationClearance && (
          <>
            <dt className="font-bold">Congressional notification cleared</dt>
            <dd data-testid="outlook-clearance">
              <PredictedDate at={notificationClearance.predictedAt} fallback="Cannot be predicted yet" />
              <span className="block text-base-dark">{notificationClearance.explanation}</span>
            </dd>
          </>
        )}
        {firstDelivery && (
          <>
            <dt className="font-bold">{firstDelivery.delivered ? "First delivery received" : "First delivery"}</dt>
            <dd data-testid="outlook-delivery">
              <PredictedDate at={firstDelivery.predictedAt} fallback="Cannot be predicted yet" />
              <span className="block text-base-dark">{firstDelivery.explanation}</span>
            </dd>
          </>
        )}
      </dl>

      {prediction.steps.length > 0 && (
        <>
          <h3 className="mb-1 font-bold">Remaining steps</h3>
          <ol className="text-sm" data-testid="outlook-steps">
            {prediction.steps.map((step) => (
              <StepRow key={step.key} step={step} />
            ))}
          </ol>
        </>
      )}
      <p className="mt-3 text-xs text-base-dark">
        Predicted from the median time each step took in the last 12 months; a step with fewer than {prediction.minimumSample} past cases
        is not predicted.
        {prediction.statisticsComputedAt && <> History as of {formatDate(prediction.statisticsComputedAt)}.</>}
      </p>
    </Section>
  );
}
