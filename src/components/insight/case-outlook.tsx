import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CasePredictionView, PredictedStepView } from "@/domain/schemas/insight";
import { STEP_LABELS } from "@/domain/insight/prediction";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";

// "When to expect what" (issue 18 item 2): the next step first with its predicted date, the at-risk warning in words
// (never colour alone), then every remaining step with the basis of its date. Dates are days, not times: a median of
// past cases does not know the hour. The basis of each date (`explanation`, `reason`) is the domain's English sentence.

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Label = Awaited<ReturnType<typeof getLabels>>;
type StepKey = PredictedStepView["key"];

/** Steps a partner sees under their own name (the rest fold into "U.S. Government review"). */
const PARTNER_STEPS: readonly StepKey[] = ["LOA_DEVELOPMENT", "OFFER_TRANSMITTAL"];

/** A step's name in the reader's words: the shared label, or the partner's wording when the server gave that. */
function stepName(t: Translator, label: Label, key: StepKey, english: string): string {
  if (english === STEP_LABELS[key]) return label("predictionStep", key);
  return PARTNER_STEPS.includes(key) ? t(`partnerStep.${key}`) : english;
}

function PredictedDate({ at, fallback, f }: { at: string | null; fallback: string; f: Formats }) {
  return at ? <time dateTime={at}>{f.date(at)}</time> : <span className="text-base-dark">{fallback}</span>;
}

function StepRow({ step, t, label, f }: { step: PredictedStepView; t: Translator; label: Label; f: Formats }) {
  const notEnough = step.basis === "NOT_ENOUGH_HISTORY";
  const ownDueAt = step.ownDueAt;
  return (
    <li className="border-b border-base-lighter py-2 last:border-b-0" data-testid={`outlook-step-${step.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span>
          {stepName(t, label, step.key, step.label)}
          {step.state === "CURRENT" && <span className="ms-2 text-xs font-bold uppercase text-base-dark">{t("now")}</span>}
          {step.parallel && step.governs && step.key !== "USG_REVIEW" && <span className="ms-2 text-xs text-base-dark">{t("slowestReview")}</span>}
        </span>
        <span className="font-bold">
          <PredictedDate at={step.predictedAt} fallback={notEnough ? t("notEnoughHistory") : t("cannotPredict")} f={f} />
        </span>
      </div>
      <p className="mt-1 text-sm text-base-dark">{step.explanation}</p>
      {step.overOwnTarget && ownDueAt && (
        <p className="mt-1 text-sm">
          {t.rich("overdue", {
            date: f.date(ownDueAt),
            bold: (chunks) => <span className="font-bold">{chunks}</span>,
            time: (chunks) => <time dateTime={ownDueAt}>{chunks}</time>,
          })}
        </p>
      )}
    </li>
  );
}

/** The outlook of one case, from GET /api/v1/cases/{id}/prediction or predictCaseForActor. */
export async function CaseOutlook({ prediction, headingId = "case-outlook" }: { prediction: CasePredictionView; headingId?: string }) {
  const t = await getTranslations("InsightOutlook");
  const label = await getLabels();
  const f = await getFormats();
  if (prediction.kind === "NONE") {
    return (
      <Section id={headingId} title={t("title")} testId="case-outlook">
        <p className="text-sm">{prediction.reason}</p>
      </Section>
    );
  }
  // The next thing to happen: of the steps under way, the one the case waits for longest (the governing review).
  const next = prediction.steps.find((s) => s.state === "CURRENT" && s.governs) ?? prediction.steps[0];
  const { offer, notificationClearance, firstDelivery } = prediction;
  const targetAt = offer?.targetAt ?? null;
  const timeTag = (at: string) =>
    function TimeTag(chunks: ReactNode) {
      return <time dateTime={at}>{chunks}</time>;
    };
  return (
    <Section id={headingId} title={t("title")} testId="case-outlook">
      {offer?.atRisk && (
        <div className="mb-4">
          <Alert type="warning" title={offer.targetPassed ? t("targetPassed") : t("atRisk")} testId="outlook-at-risk">
            <p>
              {offer.explanation}.
              {targetAt && (
                <>
                  {" "}
                  {t.rich("alertTarget", { date: f.date(targetAt), time: timeTag(targetAt) })}
                </>
              )}
            </p>
            {offer.causeLabel && (
              <p className="mt-1">
                {t.rich("cause", {
                  cause: offer.cause ? stepName(t, label, offer.cause, offer.causeLabel) : offer.causeLabel,
                  bold: (chunks) => <span className="font-bold">{chunks}</span>,
                })}
              </p>
            )}
          </Alert>
        </div>
      )}

      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {next && (
          <>
            <dt className="font-bold">{t("next", { step: stepName(t, label, next.key, next.label) })}</dt>
            <dd data-testid="outlook-next">
              <PredictedDate at={next.predictedAt} fallback={next.basis === "NOT_ENOUGH_HISTORY" ? t("notEnoughHistory") : t("cannotPredict")} f={f} />
            </dd>
          </>
        )}
        {offer && (
          <>
            <dt className="font-bold">{offer.offeredAt ? t("offered") : t("expectedOffer")}</dt>
            <dd data-testid="outlook-offer">
              {offer.offeredAt ? (
                <time dateTime={offer.offeredAt}>{f.date(offer.offeredAt)}</time>
              ) : (
                <>
                  <PredictedDate at={offer.predictedAt} fallback={t("notEnoughHistory")} f={f} />
                  {targetAt && (
                    <span className="text-base-dark">
                      {" "}
                      {t.rich("offerTarget", {
                        date: f.date(targetAt),
                        state: offer.atRisk ? "risk" : offer.predictedAt ? "track" : "none",
                        time: timeTag(targetAt),
                      })}
                    </span>
                  )}
                </>
              )}
            </dd>
          </>
        )}
        {notificationClearance && (
          <>
            <dt className="font-bold">{t("clearance")}</dt>
            <dd data-testid="outlook-clearance">
              <PredictedDate at={notificationClearance.predictedAt} fallback={t("cannotPredict")} f={f} />
              <span className="block text-base-dark">{notificationClearance.explanation}</span>
            </dd>
          </>
        )}
        {firstDelivery && (
          <>
            <dt className="font-bold">{firstDelivery.delivered ? t("firstDeliveryReceived") : t("firstDelivery")}</dt>
            <dd data-testid="outlook-delivery">
              <PredictedDate at={firstDelivery.predictedAt} fallback={t("cannotPredict")} f={f} />
              <span className="block text-base-dark">{firstDelivery.explanation}</span>
            </dd>
          </>
        )}
      </dl>

      {prediction.steps.length > 0 && (
        <>
          <h3 className="mb-1 font-bold">{t("remaining")}</h3>
          <ol className="text-sm" data-testid="outlook-steps">
            {prediction.steps.map((step) => (
              <StepRow key={step.key} step={step} t={t} label={label} f={f} />
            ))}
          </ol>
        </>
      )}
      <p className="mt-3 text-xs text-base-dark">
        {t("footnote", { n: f.number(prediction.minimumSample) })}
        {prediction.statisticsComputedAt && ` ${t("historyAsOf", { date: f.date(prediction.statisticsComputedAt) })}`}
      </p>
    </Section>
  );
}
