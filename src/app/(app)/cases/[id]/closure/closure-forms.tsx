"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup } from "@/components/ui/form";
import { KeptTextarea } from "@/components/ui/kept-inputs";
import { CLOSURE_TYPES, type ClosureType } from "@/domain/execution/closure";
import { useFormats } from "@/i18n/use-formats";
import type { BindingConfirmation } from "@/domain/workflow/binding-confirmation";
import type { ActionState } from "@/server/action-result";
import { annualReviewAction, closureEventAction } from "./actions";

interface Target {
  caseId: string;
  version: number;
}

function Hidden({ target, action }: { target: Target; action: string }) {
  return (
    <>
      <input type="hidden" name="caseId" value={target.caseId} />
      <input type="hidden" name="expectedVersion" value={target.version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

/**
 * The closure certificate, with the closure type chosen in plain words. Non-ACC is offered only when no obligation is
 * left unliquidated; the server checks it again either way.
 */
export function SubmitClosureForm({ target, unliquidatedObligations }: { target: Target; unliquidatedObligations: string }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(closureEventAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const ulo = Number(unliquidatedObligations) > 0;
  const [choice, setChoice] = useState<ClosureType>(ulo ? "ACC" : "NON_ACC");
  const error = errors.closureType;
  const t = useTranslations("ClosureForms");
  const types = useTranslations("ClosureTypes");
  const f = useFormats();
  return (
    <form action={run} noValidate data-testid="submit-closure-form">
      <FormProblem state={state} title={t("submitProblem")} />
      <Hidden target={target} action="submit-closure" />
      <fieldset className={`mb-5 ${error ? "border-s-4 border-error-dark ps-3" : ""}`} aria-describedby={error ? "closure-type-error" : "closure-type-hint"}>
        <legend className="font-bold">{t("howClose")}</legend>
        <p id="closure-type-hint" className="text-sm text-base-dark">
          {ulo ? t("onlyAcc", { value: f.usd(unliquidatedObligations) }) : t("eitherClosure")}
        </p>
        {error && (
          <p id="closure-type-error" className="text-sm font-bold text-error-dark" data-testid="error-closureType">
            {error}
          </p>
        )}
        {CLOSURE_TYPES.map((type) => {
          const disabled = type === "NON_ACC" && ulo;
          return (
            <label key={type} className={`mt-2 flex gap-3 rounded border border-base-lighter p-3 ${disabled ? "opacity-70" : ""}`}>
              <input
                type="radio"
                name="closureType"
                value={type}
                checked={choice === type}
                disabled={disabled}
                onChange={() => setChoice(type)}
                className="mt-1 h-5 w-5 shrink-0 accent-primary"
              />
              <span>
                <span className="block font-bold">{types(`label.${type}`)}</span>
                <span className="block text-sm">{types(`explanation.${type}`)}</span>
                {disabled && <span className="block text-sm font-bold">{t("notPossible")}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

/** Closing binds DSCA to the LOA in force and the final statement: the person confirms the document first. */
export function CloseCaseForm({ target, confirmation }: { target: Target; confirmation: BindingConfirmation }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(closureEventAction, { status: "idle" });
  const step = useConfirmStep(state);
  const t = useTranslations("ClosureForms");
  return (
    <form action={run} onSubmit={step.onSubmit} data-testid="close-case-form">
      <FormProblem state={state} title={t("closeProblem")} />
      <Hidden target={target} action="close" />
      <p className="mb-3 text-sm">
        {t("closeExplanation")}
      </p>
      {step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel={t("confirmClose")}
          pending={pending}
          onCancel={step.cancel}
          testId="confirm-close"
        />
      ) : (
        <Button type="submit" disabled={pending} {...step.triggerProps}>
          {pending ? t("closing") : t("close")}
        </Button>
      )}
    </form>
  );
}

export function ReopenForm({ target }: { target: Target }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(closureEventAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const [visibility, setVisibility] = useState("PARTNER_VISIBLE");
  const t = useTranslations("ClosureForms");
  return (
    <form action={run} noValidate data-testid="reopen-form">
      <FormProblem state={state} title={t("reopenProblem")} />
      <Hidden target={target} action="reopen" />
      <Field id="reopen-comment" label={t("reopenReason")} hint={t("reopenReasonHint")} error={errors.comment}>
        <KeptTextarea id="reopen-comment" name="comment" rows={3} required error={errors.comment} hasHint />
      </Field>
      <RadioGroup
        name="commentVisibility"
        idPrefix="reopen-visibility"
        legend={t("whoMayRead")}
        error={errors.commentVisibility}
        options={[
          { value: "PARTNER_VISIBLE", label: t("alsoPartner") },
          { value: "USG_INTERNAL", label: t("usgOnly") },
        ]}
        value={visibility}
        onChange={setVisibility}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("reopening") : t("reopen")}
      </Button>
    </form>
  );
}

const CHECKLIST = ["loaMatchesDeliveries", "loaMatchesContracts", "scheduleAdjusted"] as const;

export function AnnualReviewForm({ caseId, year }: { caseId: string; year: number }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(annualReviewAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  // Controlled, so a refused submission (notes missing) keeps what was ticked.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const t = useTranslations("ClosureForms");
  return (
    <form action={run} noValidate data-testid="annual-review-form">
      <FormProblem state={state} title={t("reviewProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset className="mb-5">
        <legend className="font-bold">{t("checklistLegend", { year: String(year) })}</legend>
        <p className="text-sm text-base-dark">{t("checklistHint")}</p>
        {CHECKLIST.map((name) => (
          <label key={name} className="mt-2 flex gap-3">
            <input
              type="checkbox"
              name={name}
              checked={ticked[name] === true}
              onChange={(event) => setTicked({ ...ticked, [name]: event.target.checked })}
              className="mt-1 h-5 w-5 shrink-0 accent-primary"
              aria-describedby={`${name}-hint`}
            />
            <span>
              <span className="block">{t(`check.${name}.label`)}</span>
              <span id={`${name}-hint`} className="block text-sm text-base-dark">
                {t(`check.${name}.hint`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="annual-review-notes" label={t("notes")} hint={t("notesHint")} error={errors.notes}>
        <KeptTextarea id="annual-review-notes" name="notes" rows={4} error={errors.notes} hasHint />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("recording") : t("recordReview", { year: String(year) })}
      </Button>
    </form>
  );
}
