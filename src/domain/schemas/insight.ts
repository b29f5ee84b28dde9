import { z } from "zod";
import { PREDICTION_STEPS } from "../insight/prediction";

const Instant = z.iso.datetime();

export const PredictedStepView = z
  .object({
    key: z.enum(PREDICTION_STEPS),
    label: z.string(),
    state: z.enum(["CURRENT", "UPCOMING"]),
    /** REVIEW: runs beside the other reviews and the notification track; the slowest one governs. */
    parallel: z.enum(["REVIEW"]).nullable(),
    governs: z.boolean(),
    startsAt: Instant.nullable(),
    predictedAt: Instant.nullable().meta({ description: "Null when there is not enough history, or an earlier step cannot be predicted" }),
    basis: z.enum(["HISTORY", "NOT_ENOUGH_HISTORY", "PERIOD", "WAITING_ON_EARLIER", "HELD", "ACTUAL"]),
    sampleSize: z.number().int().nullable(),
    overOwnTarget: z.boolean(),
    ownDueAt: Instant.nullable(),
    explanation: z.string().meta({ description: "The basis in plain words, e.g. 'Median of 37 DTSA reviews of Navy cases in the last 12 months: 11 business days'" }),
  })
  .meta({ id: "PredictedStep" });

export const CasePredictionView = z
  .object({
    caseId: z.uuid(),
    identifier: z.string(),
    computedAt: Instant,
    kind: z.enum(["PREDICTED", "NONE"]),
    reason: z.string().nullable().meta({ description: "Why nothing is predicted (suspended, ended, expired offer)" }),
    minimumSample: z.number().int(),
    statisticsComputedAt: Instant.nullable().meta({ description: "When the historical medians were last computed" }),
    steps: z.array(PredictedStepView),
    offer: z
      .object({
        offeredAt: Instant.nullable(),
        predictedAt: Instant.nullable(),
        targetAt: Instant.nullable(),
        atRisk: z.boolean().meta({ description: "The predicted offer passes the LOR-to-offer target (or the target has already passed)" }),
        targetPassed: z.boolean(),
        cause: z.enum(PREDICTION_STEPS).nullable(),
        causeLabel: z.string().nullable(),
        explanation: z.string(),
      })
      .nullable(),
    notificationClearance: z.object({ predictedAt: Instant.nullable(), explanation: z.string() }).nullable(),
    firstDelivery: z.object({ predictedAt: Instant.nullable(), delivered: z.boolean(), explanation: z.string() }).nullable(),
  })
  .meta({ id: "CasePrediction" });
export type CasePredictionView = z.infer<typeof CasePredictionView>;
export type PredictedStepView = z.infer<typeof PredictedStepView>;
