"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { Button } from "@/components/ui/button";
import { FormProblem } from "@/components/ui/alert";
import { Field, RadioGroup } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import type { ChangeProposal } from "@/domain/loa/changes";
import type { BindingConfirmation } from "@/domain/workflow/binding-confirmation";
import { useLabels } from "@/i18n/use-labels";
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
  const t = useTranslations("BuilderSubmit");
  const [state, action, pending] = useActionState(caseActionAction, { status: "idle" });
  const step = useConfirmStep(state);
  return (
    <form action={action} onSubmit={step.onSubmit} data-testid="submit-for-review">
      <FormProblem state={state} title={t("reviewProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="action" value="approve-loa" />
      <input type="hidden" name="expectedVersion" value={caseVersion} />
      {step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel={t("confirmReview")}
          pending={pending}
          onCancel={step.cancel}
          testId="confirm-approve-loa"
        />
      ) : (
        <Button type="submit" disabled={pending || blocked} {...step.triggerProps}>
          {pending ? t("submitting") : t("approveAndSubmit")}
        </Button>
      )}
      <p className="mt-2 text-sm text-base-dark">
        {blocked ? t("blocked") : t("parallelReview")}
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
  const t = useTranslations("BuilderSubmit");
  const label = useLabels();
  const [state, action, pending] = useActionState(documentActionAction, { status: "idle" });
  const [type, setType] = useState<string>(allowed[0] ?? "");
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={action} data-testid="submit-change">
      <FormProblem state={state} title={t("changeProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="action" value="submit" />
      <input type="hidden" name="expectedVersion" value={version} />
      <RadioGroup
        name="documentType"
        legend={t("issueAs")}
        hint={t("proposes", { proposal: label("changeProposal", proposal) })}
        error={fields.documentType}
        options={allowed.map((value) => ({ value, label: label("documentType", value) }))}
        value={type}
        onChange={setType}
      />
      <Field id="change-reason" label={t("reason")} hint={t("reasonHint")} error={fields.reason}>
        <KeptTextarea id="change-reason" name="reason" hasHint error={fields.reason} />
      </Field>
      <Button type="submit" disabled={pending || blocked || allowed.length === 0}>
        {pending ? t("submitting") : t("submitChange")}
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
  const t = useTranslations("BuilderSubmit");
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
      <FormProblem state={state} title={t("notDone", { action: label })} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="action" value={documentAction} />
      <input type="hidden" name="expectedVersion" value={version} />
      {comment && (
        <Field id={`${documentAction}-comment`} label={t("comment")} error={fields.comment}>
          <KeptTextarea id={`${documentAction}-comment`} name="comment" error={fields.comment} />
        </Field>
      )}
      {signer && (
        <>
          <Field id="accept-signer-name" label={t("signerName")} error={fields.signerName}>
            <KeptTextInput id="accept-signer-name" name="signerName" autoComplete="name" error={fields.signerName} />
          </Field>
          <Field id="accept-signer-title" label={t("signerTitle")} error={fields.signerTitle}>
            <KeptTextInput id="accept-signer-title" name="signerTitle" error={fields.signerTitle} />
          </Field>
        </>
      )}
      {confirmation && step.confirming ? (
        <BindingConfirmationPanel
          confirmation={confirmation}
          confirmLabel={t("confirmAction", { action: `${label.charAt(0).toLowerCase()}${label.slice(1)}` })}
          pending={pending}
          variant={variant === "danger" ? "danger" : "primary"}
          onCancel={step.cancel}
          testId={`confirm-document-${documentAction}`}
        />
      ) : (
        <Button type="submit" variant={variant} disabled={pending} {...step.triggerProps}>
          {pending ? t("working") : label}
        </Button>
      )}
    </form>
  );
}
