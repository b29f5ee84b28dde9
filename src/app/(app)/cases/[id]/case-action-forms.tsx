"use client";

import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { formatUsd } from "@/domain/money";
import {
  bindingConfirmation,
  boundDocumentOf,
  isBindingEvent,
  type BindableDocument,
  type BindingConfirmation,
} from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { REVIEW_OFFICE_LABELS, type WaivableReviewOffice } from "@/domain/workflow/states";
import type { ActionState } from "@/server/action-result";
import { caseActionAction } from "../actions";

interface Target {
  caseId: string;
  version: number;
}

const DANGER: readonly CaseEvent[] = ["disapprove", "cancel", "record-notification-blocked", "return-for-rework"];
/** Actions with nothing to say beyond the click. */
const PLAIN: readonly CaseEvent[] = [
  "approve-loa",
  "concur",
  "send-notification-to-state",
  "clear-notification",
  "notify-congress",
  "release-notification-hold",
  "sign",
  "countersign",
  "offer",
  "restate",
  "start-execution",
  "declare-supply-complete",
  "close",
  "resume",
];

const today = () => new Date().toISOString().slice(0, 10);

function Hidden({ target, action }: { target: Target; action: CaseEvent }) {
  return (
    <>
      <input type="hidden" name="caseId" value={target.caseId} />
      <input type="hidden" name="expectedVersion" value={target.version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

function CommentFields({
  action,
  errors,
  required,
  partner,
  internalOnly = false,
}: {
  action: CaseEvent;
  errors: Record<string, string>;
  required: boolean;
  partner: boolean;
  /** The comment is always U.S. Government-only (no choice offered). */
  internalOnly?: boolean;
}) {
  const [visibility, setVisibility] = useState("USG_INTERNAL");
  const id = `${action}-comment`;
  return (
    <>
      <Field
        id={id}
        label={internalOnly ? "Reason" : required ? "Comment or reason" : "Comment (optional)"}
        hint={internalOnly ? "Recorded on the case's timeline and audit trail; never shown to the partner." : undefined}
        error={errors.comment}
      >
        <KeptTextarea id={id} name="comment" rows={3} required={required} error={errors.comment} hasHint={internalOnly} />
      </Field>
      {!partner && !internalOnly && (
        <RadioGroup
          name="commentVisibility"
          idPrefix={`${action}-visibility`}
          legend="Who may read this comment?"
          hint="Comments stay inside the U.S. Government unless you choose otherwise."
          error={errors.commentVisibility}
          options={[
            { value: "USG_INTERNAL", label: "U.S. Government only" },
            { value: "PARTNER_VISIBLE", label: "Also the partner" },
          ]}
          value={visibility}
          onChange={setVisibility}
        />
      )}
    </>
  );
}

/** "Confirm and sign for the agency (MILSGN)": the confirmation's button repeats the step it takes. */
export const confirmLabelOf = (label: string) => `Confirm and ${label.charAt(0).toLowerCase()}${label.slice(1)}`;

function ActionForm({
  target,
  action,
  partner,
  open,
  confirmation,
  consent,
  children,
}: {
  target: Target;
  action: CaseEvent;
  partner: boolean;
  open?: boolean;
  /** A statement the person must tick before the step goes on ("I accept this LOA on behalf of Bandaria"). */
  consent?: string;
  /** Binding steps: what the person confirms before the form is sent. */
  confirmation: BindingConfirmation | null;
  children?: (errors: Record<string, string>) => ReactNode;
}) {
  const definition: CaseEventDefinition = CASE_EVENTS[action];
  const [state, run, pending] = useActionState<ActionState, FormData>(caseActionAction, { status: "idle" });
  const step = useConfirmStep(state);
  const [consented, setConsented] = useState(false);
  const [consentMissing, setConsentMissing] = useState(false);
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const variant = DANGER.includes(action) ? "danger" : "primary";
  // The step's own button; for a binding step it opens the confirmation instead of sending the form.
  const submit =
    confirmation && step.confirming ? (
      <BindingConfirmationPanel
        confirmation={confirmation}
        confirmLabel={confirmLabelOf(definition.label)}
        pending={pending}
        variant={variant}
        onCancel={step.cancel}
        testId={`confirm-${action}`}
      />
    ) : (
      <Button type="submit" variant={variant} disabled={pending} {...step.triggerProps}>
        {pending ? "Working…" : definition.label}
      </Button>
    );
  const confirmSubmit = confirmation ? step.onSubmit : undefined;
  // The consent box is checked here, in the browser, before anything else: it is the person's own statement, not a field
  // the server stores (it has no name, so it is never sent).
  const onSubmit =
    consent !== undefined
      ? (event: FormEvent<HTMLFormElement>) => {
          if (!consented) {
            event.preventDefault();
            setConsentMissing(true);
            document.getElementById(`${action}-consent`)?.focus();
            return;
          }
          confirmSubmit?.(event);
        }
      : confirmSubmit;
  const consentBox = consent !== undefined && (
    <div className={`mb-4 ${consentMissing && !consented ? "border-l-4 border-error-dark pl-3" : ""}`} data-testid={`${action}-consent-box`}>
      {consentMissing && !consented && (
        <p id={`${action}-consent-error`} className="text-sm font-bold text-error-dark" data-testid={`error-${action}-consent`}>
          Tick the box to confirm that you accept on behalf of your government
        </p>
      )}
      <label className="inline-flex items-start gap-2 font-bold">
        <input
          type="checkbox"
          id={`${action}-consent`}
          className="mt-1 h-5 w-5 shrink-0"
          checked={consented}
          aria-invalid={consentMissing && !consented ? true : undefined}
          aria-describedby={consentMissing && !consented ? `${action}-consent-error` : undefined}
          onChange={(e) => setConsented(e.target.checked)}
        />
        {consent}
      </label>
    </div>
  );
  if (PLAIN.includes(action)) {
    return (
      <form action={run} onSubmit={onSubmit} className="mb-3" data-testid={`action-${action}`}>
        <FormProblem state={state} title={`Could not ${definition.label.toLowerCase()}`} />
        <Hidden target={target} action={action} />
        {submit}
      </form>
    );
  }
  return (
    <details className="mb-3 rounded border border-base-lighter bg-white p-3" open={open || state.status === "error"} data-testid={`action-${action}`}>
      <summary className="cursor-pointer font-bold text-primary">{definition.label}</summary>
      <form action={run} onSubmit={onSubmit} className="mt-3" noValidate>
        <FormProblem state={state} title={`Could not ${definition.label.toLowerCase()}`} />
        <Hidden target={target} action={action} />
        {children?.(errors)}
        {action !== "accept" && action !== "record-deposit" && (
          <CommentFields
            action={action}
            errors={errors}
            required={definition.commentRequired === true}
            partner={partner}
            internalOnly={action === "review-not-required"}
          />
        )}
        {consentBox}
        {submit}
      </form>
    </details>
  );
}

/** DSCA records that an open State or DTSA review is not required; the reason (the comment) stays internal. */
function WaivedOfficeChoice({ offices, errors }: { offices: readonly WaivableReviewOffice[]; errors: Record<string, string> }) {
  const [office, setOffice] = useState<string>(offices[0] ?? "");
  return (
    <>
      <p className="mb-3 text-sm">
        The case then waits only on the reviews that are still required, and someone else at DSCA must decide DSCA&apos;s own review
        (separation of duties). This covers the current round: if the LOA is returned and approved again, every office reviews it again.
      </p>
      <RadioGroup
        name="office"
        idPrefix="waived-office"
        legend="Which review is not required?"
        hint="DSCA's own case review is always required. A review already decided cannot be waived."
        error={errors.office}
        options={offices.map((value) => ({ value, label: REVIEW_OFFICE_LABELS[value] }))}
        value={office}
        onChange={setOffice}
      />
    </>
  );
}

function NotificationChoice({ errors }: { errors: Record<string, string> }) {
  const [required, setRequired] = useState("true");
  return (
    <RadioGroup
      name="required"
      idPrefix="notification-required"
      legend="Does this sale need congressional notification?"
      hint="Until pricing computes it, DSCA decides from the thresholds in SAMM C5 (e.g. $14M MDE for non-NATO+ purchasers)."
      error={errors.required}
      options={[
        { value: "true", label: "Yes, notification is required" },
        { value: "false", label: "No, not required" },
      ]}
      value={required}
      onChange={setRequired}
    />
  );
}

/** The closure certificate says how the case closes; the closure page explains both in full. */
function ClosureTypeChoice({ errors }: { errors: Record<string, string> }) {
  const [type, setType] = useState("ACC");
  return (
    <RadioGroup
      name="closureType"
      idPrefix="closure-type"
      legend="How should the case close?"
      hint="ACC closes now and holds any unsettled contract obligations in the Case Closure Suspense Account; non-ACC needs them all settled first."
      error={errors.closureType}
      options={[
        { value: "ACC", label: "Accelerated Case Closure (ACC)" },
        { value: "NON_ACC", label: "Non-ACC (all obligations settled)" },
      ]}
      value={type}
      onChange={setType}
    />
  );
}

/** The initial deposit the LOA calls for and what has arrived, when the case is at acceptance or waiting for it. */
export interface DepositFacts {
  due: string;
  received: string;
  shortfall: string;
}

export function CaseActions({
  target,
  actions,
  agencies,
  currentAgencyId,
  partner,
  deposit = null,
  documents,
  waivableOffices = [],
  acceptOnBehalfOf,
}: {
  target: Target;
  actions: readonly CaseEvent[];
  agencies: readonly { id: string; code: string; name: string }[];
  currentAgencyId: string;
  partner: boolean;
  deposit?: DepositFacts | null;
  /** The case's LOA documents: binding steps name the one they commit to. */
  documents: readonly BindableDocument[];
  /** The State and DTSA reviews still open, which DSCA may record as not required. */
  waivableOffices?: readonly WaivableReviewOffice[];
  /** The partner's country: accepting asks them to confirm "I accept this LOA on behalf of …". */
  acceptOnBehalfOf?: string;
}) {
  return (
    <div data-testid="case-actions">
      {actions.map((action) => (
        <ActionForm
          key={`${action}-${target.version}`}
          target={target}
          action={action}
          partner={partner}
          open={partner && action === "accept"}
          consent={action === "accept" && acceptOnBehalfOf ? `I accept this LOA on behalf of ${acceptOnBehalfOf}` : undefined}
          confirmation={
            isBindingEvent(action) ? bindingConfirmation(action, CASE_EVENTS[action].label, boundDocumentOf(action, documents)) : null
          }
        >
          {(errors) => {
            if (action === "review-not-required") return <WaivedOfficeChoice offices={waivableOffices} errors={errors} />;
            if (action === "assign-agency") {
              return (
                <Field id="agencyId" label="Implementing agency" hint="Reassigning gives the case a new identifier." error={errors.agencyId}>
                  <Select id="agencyId" name="agencyId" defaultValue={currentAgencyId} error={errors.agencyId} hasHint>
                    {agencies.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({a.code})
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            }
            if (action === "set-notification-requirement") return <NotificationChoice errors={errors} />;
            if (action === "submit-closure") return <ClosureTypeChoice errors={errors} />;
            if (action === "accept") {
              return (
                <>
                  <p className="mb-3 text-sm">
                    By accepting, your government agrees to the LOA&apos;s terms and to pay the initial deposit by the offer expiration date. Enter the
                    person signing and the deposit, tick the statement, then check the confirmation that names the file.
                  </p>
                  <Field id="signerName" label="Name of the person signing" error={errors.signerName}>
                    <KeptTextInput id="signerName" name="signerName" autoComplete="name" error={errors.signerName} />
                  </Field>
                  <Field id="signerTitle" label="Title" error={errors.signerTitle}>
                    <KeptTextInput id="signerTitle" name="signerTitle" autoComplete="organization-title" error={errors.signerTitle} />
                  </Field>
                  <Field id="signedOn" label="Date signed" error={errors.signedOn}>
                    <KeptTextInput id="signedOn" name="signedOn" type="date" defaultValue={today()} error={errors.signedOn} />
                  </Field>
                  {deposit && (
                    <p className="mb-3" data-testid="deposit-due">
                      Initial deposit due with acceptance: <strong>{formatUsd(deposit.due)}</strong>
                    </p>
                  )}
                  <Field
                    id="initialDeposit"
                    label="Initial deposit (US dollars)"
                    hint={deposit ? `At least ${formatUsd(deposit.due)}, as the LOA's payment schedule asks` : "The amount shown in the LOA's payment schedule"}
                    error={errors.initialDeposit}
                  >
                    <KeptTextInput id="initialDeposit" name="initialDeposit" inputMode="decimal" defaultValue={deposit?.due ?? ""} error={errors.initialDeposit} hasHint />
                  </Field>
                </>
              );
            }
            if (action === "record-deposit") {
              return (
                <>
                  {deposit && (
                    <p className="mb-3 text-sm" data-testid="deposit-standing">
                      Due {formatUsd(deposit.due)}; received so far {formatUsd(deposit.received)}; still to arrive{" "}
                      <strong>{formatUsd(deposit.shortfall)}</strong>. The case is implemented once the deposits cover the amount due.
                    </p>
                  )}
                  <Field id="amount" label="Amount received (US dollars)" error={errors.amount}>
                    <KeptTextInput id="amount" name="amount" inputMode="decimal" defaultValue={deposit?.shortfall ?? ""} error={errors.amount} />
                  </Field>
                  <Field id="receivedOn" label="Value date" hint="The date the money arrived; not in the future" error={errors.receivedOn}>
                    <KeptTextInput id="receivedOn" name="receivedOn" type="date" defaultValue={today()} error={errors.receivedOn} hasHint />
                  </Field>
                  <Field id="wireReference" label="Wire reference" error={errors.wireReference}>
                    <KeptTextInput id="wireReference" name="wireReference" autoComplete="off" error={errors.wireReference} />
                  </Field>
                </>
              );
            }
            return null;
          }}
        </ActionForm>
      ))}
    </div>
  );
}
