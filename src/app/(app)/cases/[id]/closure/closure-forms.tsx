"use client";

import { useActionState, useState } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup } from "@/components/ui/form";
import { KeptTextarea } from "@/components/ui/kept-inputs";
import { CLOSURE_TYPE_EXPLANATIONS, CLOSURE_TYPE_LABELS, CLOSURE_TYPES, type ClosureType } from "@/domain/execution/closure";
import { formatUsd } from "@/domain/money";
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
  return (
    <form action={run} noValidate data-testid="submit-closure-form">
      <FormProblem state={state} title="Could not submit the closure certificate" />
      <Hidden target={target} action="submit-closure" />
      <fieldset className={`mb-5 ${error ? "border-l-4 border-error-dark pl-3" : ""}`} aria-describedby={error ? "closure-type-error" : "closure-type-hint"}>
        <legend className="font-bold">How should the case close?</legend>
        <p id="closure-type-hint" className="text-sm text-base-dark">
          {ulo
            ? `${formatUsd(unliquidatedObligations)} of contract obligations are not yet settled, so only Accelerated Case Closure is possible now.`
            : "Every contract obligation is settled, so either closure is possible."}
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
                <span className="block font-bold">{CLOSURE_TYPE_LABELS[type]}</span>
                <span className="block text-sm">{CLOSURE_TYPE_EXPLANATIONS[type]}</span>
                {disabled && <span className="block text-sm font-bold">Not possible while obligations are unsettled.</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Submitting…" : "Submit closure certificate"}
      </Button>
    </form>
  );
}

/** Closing binds DSCA to the LOA in force and the final statement: the person confirms the document first. */
export function CloseCaseForm({ target, confirmation }: { target: Target; confirmation: BindingConfirmation }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(closureEventAction, { status: "idle" });
  const step = useConfirmStep(state);
  return (
    <form action={run} onSubmit={step.onSubmit} data-testid="close-case-form">
      <FormProblem state={state} title="Could not close the case" />
      <Hidden target={target} action="close" />
      <p className="mb-3 text-sm">
        Closing writes the final statement (with any refund of excess funds) and issues the closure certificate. A closed case can only be reopened by
        DSCA, with a reason.
      </p>
      {step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel="Confirm and close the case"
          pending={pending}
          onCancel={step.cancel}
          testId="confirm-close"
        />
      ) : (
        <Button type="submit" disabled={pending} {...step.triggerProps}>
          {pending ? "Closing…" : "Close the case"}
        </Button>
      )}
    </form>
  );
}

export function ReopenForm({ target }: { target: Target }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(closureEventAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const [visibility, setVisibility] = useState("PARTNER_VISIBLE");
  return (
    <form action={run} noValidate data-testid="reopen-form">
      <FormProblem state={state} title="Could not reopen the case" />
      <Hidden target={target} action="reopen" />
      <Field id="reopen-comment" label="Reason for reopening" hint="For example a late delivery, a billing adjustment or a claim." error={errors.comment}>
        <KeptTextarea id="reopen-comment" name="comment" rows={3} required error={errors.comment} hasHint />
      </Field>
      <RadioGroup
        name="commentVisibility"
        idPrefix="reopen-visibility"
        legend="Who may read the reason?"
        error={errors.commentVisibility}
        options={[
          { value: "PARTNER_VISIBLE", label: "Also the partner" },
          { value: "USG_INTERNAL", label: "U.S. Government only" },
        ]}
        value={visibility}
        onChange={setVisibility}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Reopening…" : "Reopen the case"}
      </Button>
    </form>
  );
}

const CHECKLIST = [
  ["loaMatchesDeliveries", "The LOA matches what was delivered and performed", "Quantities and values shipped, received and performed agree with the LOA in force."],
  ["loaMatchesContracts", "The LOA matches the contracts", "Contract awards on each line agree with the LOA's lines and values."],
  ["scheduleAdjusted", "The payment schedule is adjusted to the forecast", "The schedule was compared with the forecast from contracts and deliveries, and adjusted where needed."],
] as const;

export function AnnualReviewForm({ caseId, year }: { caseId: string; year: number }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(annualReviewAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  // Controlled, so a refused submission (notes missing) keeps what was ticked.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  return (
    <form action={run} noValidate data-testid="annual-review-form">
      <FormProblem state={state} title="Could not record the annual review" />
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset className="mb-5">
        <legend className="font-bold">Reconciliation checklist for {year}</legend>
        <p className="text-sm text-base-dark">Tick what you confirmed. Anything you could not confirm needs a note below.</p>
        {CHECKLIST.map(([name, label, hint]) => (
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
              <span className="block">{label}</span>
              <span id={`${name}-hint`} className="block text-sm text-base-dark">
                {hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="annual-review-notes" label="Notes" hint="What differs, and what will be done about it. Kept inside the U.S. Government." error={errors.notes}>
        <KeptTextarea id="annual-review-notes" name="notes" rows={4} error={errors.notes} hasHint />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : `Record the ${year} review`}
      </Button>
    </form>
  );
}
