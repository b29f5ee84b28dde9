"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { BindingConfirmationPanel, useConfirmStep } from "@/components/case/binding-confirmation";
import { confirmLabelOf, localizedBindingConfirmation } from "@/components/case/binding-text";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { boundDocumentOf, isBindingEvent, type BindableDocument, type BindingConfirmation } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import type { WaivableReviewOffice } from "@/domain/workflow/states";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
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
  const t = useTranslations("CaseActions");
  const [visibility, setVisibility] = useState("USG_INTERNAL");
  const id = `${action}-comment`;
  return (
    <>
      <Field
        id={id}
        label={internalOnly ? t("reason") : required ? t("commentOrReason") : t("commentOptional")}
        hint={internalOnly ? t("reasonHint") : undefined}
        error={errors.comment}
      >
        <KeptTextarea id={id} name="comment" rows={3} required={required} error={errors.comment} hasHint={internalOnly} />
      </Field>
      {!partner && !internalOnly && (
        <RadioGroup
          name="commentVisibility"
          idPrefix={`${action}-visibility`}
          legend={t("visibilityLegend")}
          hint={t("visibilityHint")}
          error={errors.commentVisibility}
          options={[
            { value: "USG_INTERNAL", label: t("visibilityInternal") },
            { value: "PARTNER_VISIBLE", label: t("visibilityPartner") },
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
  const t = useTranslations("CaseActions");
  const tb = useTranslations("CaseBinding");
  const te = useTranslations("CaseEvents");
  const locale = useLocale();
  const actionLabel = te(`${action}.label`);
  // "Could not approve loa for the agency (milap)": English lowers the whole label, as it always has; other languages
  // lower only its first letter, so acronyms keep their capitals.
  const problemTitle = t("couldNot", { action: locale === "en" ? actionLabel.toLowerCase() : actionLabel.charAt(0).toLowerCase() + actionLabel.slice(1) });
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
        confirmLabel={confirmLabelOf(actionLabel, tb)}
        pending={pending}
        variant={variant}
        onCancel={step.cancel}
        testId={`confirm-${action}`}
      />
    ) : (
      <Button type="submit" variant={variant} disabled={pending} {...step.triggerProps}>
        {pending ? t("working") : actionLabel}
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
    <div className={`mb-4 ${consentMissing && !consented ? "border-s-4 border-error-dark ps-3" : ""}`} data-testid={`${action}-consent-box`}>
      {consentMissing && !consented && (
        <p id={`${action}-consent-error`} className="text-sm font-bold text-error-dark" data-testid={`error-${action}-consent`}>
          {t("consentMissing")}
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
        <FormProblem state={state} title={problemTitle} />
        <Hidden target={target} action={action} />
        {submit}
      </form>
    );
  }
  return (
    <details className="mb-3 rounded border border-base-lighter bg-white p-3" open={open || state.status === "error"} data-testid={`action-${action}`}>
      <summary className="cursor-pointer font-bold text-primary">{actionLabel}</summary>
      <form action={run} onSubmit={onSubmit} className="mt-3" noValidate>
        <FormProblem state={state} title={problemTitle} />
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
  const t = useTranslations("CaseActions");
  const label = useLabels();
  const [office, setOffice] = useState<string>(offices[0] ?? "");
  return (
    <>
      <p className="mb-3 text-sm">{t("waiveIntro")}</p>
      <RadioGroup
        name="office"
        idPrefix="waived-office"
        legend={t("waiveLegend")}
        hint={t("waiveHint")}
        error={errors.office}
        options={offices.map((value) => ({ value, label: label("reviewOffice", value) }))}
        value={office}
        onChange={setOffice}
      />
    </>
  );
}

function NotificationChoice({ errors }: { errors: Record<string, string> }) {
  const t = useTranslations("CaseActions");
  const [required, setRequired] = useState("true");
  return (
    <RadioGroup
      name="required"
      idPrefix="notification-required"
      legend={t("notificationLegend")}
      hint={t("notificationHint")}
      error={errors.required}
      options={[
        { value: "true", label: t("notificationYes") },
        { value: "false", label: t("notificationNo") },
      ]}
      value={required}
      onChange={setRequired}
    />
  );
}

/** The closure certificate says how the case closes; the closure page explains both in full. */
function ClosureTypeChoice({ errors }: { errors: Record<string, string> }) {
  const t = useTranslations("CaseActions");
  const [type, setType] = useState("ACC");
  return (
    <RadioGroup
      name="closureType"
      idPrefix="closure-type"
      legend={t("closureLegend")}
      hint={t("closureHint")}
      error={errors.closureType}
      options={[
        { value: "ACC", label: t("closureAcc") },
        { value: "NON_ACC", label: t("closureNonAcc") },
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
  const t = useTranslations("CaseActions");
  const tb = useTranslations("CaseBinding");
  const te = useTranslations("CaseEvents");
  const f = useFormats();
  return (
    <div data-testid="case-actions">
      {actions.map((action) => (
        <ActionForm
          key={`${action}-${target.version}`}
          target={target}
          action={action}
          partner={partner}
          open={partner && action === "accept"}
          consent={action === "accept" && acceptOnBehalfOf ? t("consent", { country: acceptOnBehalfOf }) : undefined}
          confirmation={
            isBindingEvent(action)
              ? localizedBindingConfirmation(action, te(`${action}.label`), boundDocumentOf(action, documents), tb, f.usd)
              : null
          }
        >
          {(errors) => {
            if (action === "review-not-required") return <WaivedOfficeChoice offices={waivableOffices} errors={errors} />;
            if (action === "assign-agency") {
              return (
                <Field id="agencyId" label={t("agencyLabel")} hint={t("agencyHint")} error={errors.agencyId}>
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
                  <p className="mb-3 text-sm">{t("acceptIntro")}</p>
                  <Field id="signerName" label={t("signerName")} error={errors.signerName}>
                    <KeptTextInput id="signerName" name="signerName" autoComplete="name" error={errors.signerName} />
                  </Field>
                  <Field id="signerTitle" label={t("signerTitle")} error={errors.signerTitle}>
                    <KeptTextInput id="signerTitle" name="signerTitle" autoComplete="organization-title" error={errors.signerTitle} />
                  </Field>
                  <Field id="signedOn" label={t("signedOn")} error={errors.signedOn}>
                    <KeptTextInput id="signedOn" name="signedOn" type="date" defaultValue={today()} error={errors.signedOn} />
                  </Field>
                  {deposit && (
                    <p className="mb-3" data-testid="deposit-due">
                      {t.rich("depositDue", { amount: f.usd(deposit.due), strong: (chunks) => <strong>{chunks}</strong> })}
                    </p>
                  )}
                  <Field
                    id="initialDeposit"
                    label={t("depositLabel")}
                    hint={deposit ? t("depositHintAtLeast", { amount: f.usd(deposit.due) }) : t("depositHint")}
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
                      {t.rich("depositStanding", {
                        due: f.usd(deposit.due),
                        received: f.usd(deposit.received),
                        shortfall: f.usd(deposit.shortfall),
                        strong: (chunks) => <strong>{chunks}</strong>,
                      })}
                    </p>
                  )}
                  <Field id="amount" label={t("amountLabel")} error={errors.amount}>
                    <KeptTextInput id="amount" name="amount" inputMode="decimal" defaultValue={deposit?.shortfall ?? ""} error={errors.amount} />
                  </Field>
                  <Field id="receivedOn" label={t("receivedOnLabel")} hint={t("receivedOnHint")} error={errors.receivedOn}>
                    <KeptTextInput id="receivedOn" name="receivedOn" type="date" defaultValue={today()} error={errors.receivedOn} hasHint />
                  </Field>
                  <Field id="wireReference" label={t("wireReference")} error={errors.wireReference}>
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
