"use client";

import { useActionState, useState } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { Button } from "@/components/ui/button";
import { FormProblem } from "@/components/ui/alert";
import { Field, RadioGroup } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { CHANGE_PROPOSAL_LABELS, type ChangeProposal } from "@/domain/loa/changes";
import { DOCUMENT_TYPE_LABELS } from "@/domain/loa/codes";
import type { BindingConfirmation } from "@/domain/workflow/binding-confirmation";
import { caseActionAction } from "../../actions";
import { documentActionAction } from "./actions";

/**
 * The basic LOA goes to review through the case workflow's own event (MILAP), which checks it is complete. Approving
 * binds the agency to the saved version, so the person confirms it (name, version, total) first.
 */
export function SubmitForReviewForm({
  caseId,
  caseVersion,
  blocked,
  confirmation,
}: {
  caseId: string;
  caseVersion: number;
  blocked: boolean;
  confirmation: BindingConfirmation;
}) {
  const [state, action, pending] = useActionState(caseActionAction, { status: "idle" });
  const step = useConfirmStep(state);
  return (
    <form action={action} onSubmit={step.onSubmit} data-testid="submit-for-review">
      <FormProblem state={state} title="The LOA did not go to review" />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="action" value="approve-loa" />
      <input type="hidden" name="expectedVersion" value={caseVersion} />
      {step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel="Confirm and submit for review"
          pending={pending}
          onCancel={step.cancel}
          testId="confirm-approve-loa"
        />
      ) : (
        <Button type="submit" disabled={pending || blocked} {...step.triggerProps}>
          {pending ? "Submitting…" : "Approve and submit for review (MILAP)"}
        </Button>
      )}
      <p className="mt-2 text-sm text-base-dark">
        {blocked ? "Save the draft and fix the items listed above first." : "DSCA, State and DTSA review it in parallel; the offer expiration date is set now."}
      </p>
    </form>
  );
}

/** A person confirms what the change is: never weaker than the classification (src/domain/loa/changes.ts). */
export function SubmitChangeForm({
  caseId,
  number,
  version,
  proposal,
  allowed,
  blocked,
}: {
  caseId: string;
  number: number;
  version: number;
  proposal: ChangeProposal;
  allowed: ("MODIFICATION" | "AMENDMENT")[];
  blocked: boolean;
}) {
  const [state, action, pending] = useActionState(documentActionAction, { status: "idle" });
  const [type, setType] = useState<string>(allowed[0] ?? "");
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={action} data-testid="submit-change">
      <FormProblem state={state} title="The change was not submitted" />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="action" value="submit" />
      <input type="hidden" name="expectedVersion" value={version} />
      <RadioGroup
        name="documentType"
        legend="Issue this change as"
        hint={`Caseway proposes: ${CHANGE_PROPOSAL_LABELS[proposal]}.`}
        error={fields.documentType}
        options={allowed.map((value) => ({ value, label: DOCUMENT_TYPE_LABELS[value] }))}
        value={type}
        onChange={setType}
      />
      <Field id="change-reason" label="Why the change is made" hint='Printed on the document, e.g. "Increases line 002 to cover contract price increases".' error={fields.reason}>
        <KeptTextarea id="change-reason" name="reason" hasHint error={fields.reason} />
      </Field>
      <Button type="submit" disabled={pending || blocked || allowed.length === 0}>
        {pending ? "Submitting…" : "Submit the change to DSCA"}
      </Button>
    </form>
  );
}

/** DSCA's approve/return, the partner's acceptance and the agency's withdrawal of a change. */
export function DocumentActionForm({
  caseId,
  number,
  version,
  action: documentAction,
  label,
  comment = false,
  signer = false,
  variant = "primary",
  confirmation = null,
}: {
  caseId: string;
  number: number;
  version: number;
  action: string;
  label: string;
  comment?: boolean;
  signer?: boolean;
  variant?: "primary" | "secondary" | "danger";
  /** A binding step (approving or accepting a change): what the person confirms before it is sent. */
  confirmation?: BindingConfirmation | null;
}) {
  const [state, action, pending] = useActionState(documentActionAction, { status: "idle" });
  const step = useConfirmStep(state);
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form
      action={action}
      onSubmit={confirmation ? step.onSubmit : undefined}
      className="mb-4"
      data-testid={`document-action-${documentAction}`}
    >
      <FormProblem state={state} title={`${label}: not done`} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="action" value={documentAction} />
      <input type="hidden" name="expectedVersion" value={version} />
      {comment && (
        <Field id={`${documentAction}-comment`} label="Comment for the agency" error={fields.comment}>
          <KeptTextarea id={`${documentAction}-comment`} name="comment" error={fields.comment} />
        </Field>
      )}
      {signer && (
        <>
          <Field id="accept-signer-name" label="Signer's name" error={fields.signerName}>
            <KeptTextInput id="accept-signer-name" name="signerName" autoComplete="name" error={fields.signerName} />
          </Field>
          <Field id="accept-signer-title" label="Signer's title" error={fields.signerTitle}>
            <KeptTextInput id="accept-signer-title" name="signerTitle" error={fields.signerTitle} />
          </Field>
        </>
      )}
      {confirmation && step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel={`Confirm: ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          pending={pending}
          variant={variant === "danger" ? "danger" : "primary"}
          onCancel={step.cancel}
          testId={`confirm-document-${documentAction}`}
        />
      ) : (
        <Button type="submit" variant={variant} disabled={pending} {...step.triggerProps}>
          {pending ? "Working…" : label}
        </Button>
      )}
    </form>
  );
}
