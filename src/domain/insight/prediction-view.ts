// The prediction as the API and the page read it (src/domain/schemas/insight.ts): ISO dates, labels for the viewer.
import { CasePredictionView } from "../schemas/insight";
import { MINIMUM_SAMPLE, stepLabelFor, type CasePrediction } from "./prediction";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** `prediction` is already the partner's view (partnerViewOfPrediction) when `meta.partner` is set. */
export function toPredictionView(
  prediction: CasePrediction,
  meta: { caseId: string; identifier: string; now: Date; partner: boolean; statisticsComputedAt: Date | null },
): CasePredictionView {
  return CasePredictionView.parse({
    caseId: meta.caseId,
    identifier: meta.identifier,
    computedAt: meta.now.toISOString(),
    kind: prediction.kind,
    reason: prediction.reason,
    minimumSample: MINIMUM_SAMPLE,
    statisticsComputedAt: iso(meta.statisticsComputedAt),
    steps: prediction.steps.map((step) => ({
      key: step.key,
      label: stepLabelFor(step.key, meta.partner),
      state: step.state,
      parallel: step.parallel,
      governs: step.governs,
      startsAt: iso(step.startsAt),
      predictedAt: iso(step.predictedAt),
      basis: step.basis.kind,
      sampleSize: step.basis.kind === "HISTORY" || step.basis.kind === "NOT_ENOUGH_HISTORY" ? step.basis.sampleSize : null,
      overOwnTarget: step.overOwnTarget,
      ownDueAt: iso(step.ownDueAt),
      explanation: step.explanation,
    })),
    offer: prediction.offer && {
      offeredAt: iso(prediction.offer.offeredAt),
      predictedAt: iso(prediction.offer.predictedAt),
      targetAt: iso(prediction.offer.targetAt),
      atRisk: prediction.offer.atRisk,
      targetPassed: prediction.offer.targetPassed,
      cause: prediction.offer.cause,
      causeLabel: prediction.offer.cause ? stepLabelFor(prediction.offer.cause, meta.partner) : null,
      explanation: prediction.offer.explanation,
    },
    notificationClearance: prediction.notificationClearance && {
      predictedAt: iso(prediction.notificationClearance.predictedAt),
      explanation: prediction.notificationClearance.explanation,
    },
    firstDelivery: prediction.firstDelivery && {
      predictedAt: iso(prediction.firstDelivery.predictedAt),
      delivered: prediction.firstDelivery.delivered,
      explanation: prediction.firstDelivery.explanation,
    },
  });
}
