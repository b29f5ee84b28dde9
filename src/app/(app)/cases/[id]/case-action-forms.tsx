"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { formatUsd } from "@/domain/money";
import { CASE_EVENTS, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
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

function CommentFields({ action, errors, required, partner }: { action: CaseEvent; errors: Record<string, string>; required: boolean; partner: boolean }) {
  const [visibility, setVisibility] = useState("USG_INTERNAL");
  const id = `${action}-comment`;
  return (
    <>
      <Field id={id} label={required ? "Comment or reason" : "Comment (optional)"} error={errors.comment}>
        <KeptTextarea id={id} name="comment" rows={3} required={required} error={errors.comment} />
      </Field>
      {!partner && (
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

function ActionForm({
  target,
  action,
  partner,
  open,
  children,
}: {
  target: Target;
  action: CaseEvent;
  partner: boolean;
  open?: boolean;
  children?: (errors: Record<string, string>) => ReactNode;
}) {
  const definition: CaseEventDefinition = CASE_EVENTS[action];
  const [state, run, pending] = useActionState<ActionState, FormData>(caseActionAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const variant = DANGER.includes(action) ? "danger" : "primary";
  if (PLAIN.includes(action)) {
    return (
      <form action={run} className="mb-3" data-testid={`action-${action}`}>
        <FormProblem state={state} title={`Could not ${definition.label.toLowerCase()}`} />
        <Hidden target={target} action={action} />
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Working…" : definition.label}
        </Button>
      </form>
    );
  }
  return (
    <details className="mb-3 rounded border border-base-lighter bg-white p-3" open={open || state.status === "error"} data-testid={`action-${action}`}>
      <summary className="cursor-pointer font-bold text-primary">{definition.label}</summary>
      <form action={run} className="mt-3" noValidate>
        <FormProblem state={state} title={`Could not ${definition.label.toLowerCase()}`} />
        <Hidden target={target} action={action} />
        {children?.(errors)}
        {action !== "accept" && action !== "record-deposit" && (
          <CommentFields action={action} errors={errors} required={definition.commentRequired === true} partner={partner} />
        )}
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Working…" : definition.label}
        </Button>
      </form>
    </details>
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
}: {
  target: Target;
  actions: readonly CaseEvent[];
  agencies: readonly { id: string; code: string; name: string }[];
  currentAgencyId: string;
  partner: boolean;
  deposit?: DepositFacts | null;
}) {
  return (
    <div data-testid="case-actions">
      {actions.map((action) => (
        <ActionForm key={`${action}-${target.version}`} target={target} action={action} partner={partner} open={partner && action === "accept"}>
          {(errors) => {
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
                    By accepting, your government agrees to the LOA&apos;s terms and to pay the initial deposit by the offer expiration date.
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
