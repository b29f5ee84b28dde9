"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { ATTACHMENT_KINDS } from "@/domain/lor/codes";
import { useLabels } from "@/i18n/use-labels";
import type { ActionState } from "@/server/action-result";
import { lorActionAction, removeAttachmentAction, uploadAttachmentAction } from "./actions";

export function AgencyOptions({ agencies }: { agencies: { code: string; name: string }[] }) {
  return (
    <>
      {agencies.map((a) => (
        <option key={a.code} value={a.code}>
          {a.name} ({a.code})
        </option>
      ))}
    </>
  );
}

interface Target {
  lorId: string;
  version: number;
}

/** "Could not submit the letter": English lowercases the whole label, as it always has; other languages only its first letter. */
function useCouldNot() {
  const t = useTranslations("LorActions");
  const locale = useLocale();
  return (label: string) =>
    t("couldNot", { action: locale === "en" ? label.toLowerCase() : label.charAt(0).toLocaleLowerCase(locale) + label.slice(1) });
}

function Hidden({ target, action }: { target: Target; action: string }) {
  return (
    <>
      <input type="hidden" name="lorId" value={target.lorId} />
      <input type="hidden" name="expectedVersion" value={target.version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

/** A button that fires an action with nothing else to say (submit, acknowledge, mark actionable). */
export function ActionButton({
  target,
  action,
  label,
  variant = "primary",
  children,
}: {
  target: Target;
  action: string;
  label: string;
  variant?: "primary" | "secondary";
  children?: ReactNode;
}) {
  const t = useTranslations("LorActions");
  const couldNot = useCouldNot();
  const [state, run, pending] = useActionState<ActionState, FormData>(lorActionAction, { status: "idle" });
  return (
    <form action={run} className="mb-3">
      <FormProblem state={state} title={couldNot(label)} />
      <Hidden target={target} action={action} />
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? t("working") : label}
      </Button>
    </form>
  );
}

/** An action that needs words (reasons, a comment): tucked behind a disclosure so the page stays calm. */
export function ActionDisclosure({
  target,
  action,
  summary,
  submitLabel,
  danger = false,
  children,
}: {
  target: Target;
  action: string;
  summary: string;
  submitLabel: string;
  danger?: boolean;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const t = useTranslations("LorActions");
  const couldNot = useCouldNot();
  const [state, run, pending] = useActionState<ActionState, FormData>(lorActionAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <details className="mb-3 rounded border border-base-lighter bg-white p-3" open={state.status === "error"} data-testid={`action-${action}`}>
      <summary className="cursor-pointer font-bold text-primary">{summary}</summary>
      <form action={run} className="mt-3" noValidate>
        <FormProblem state={state} title={couldNot(submitLabel)} />
        <Hidden target={target} action={action} />
        {children(errors)}
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {pending ? t("working") : submitLabel}
        </Button>
      </form>
    </details>
  );
}

export function InsufficientForm({
  target,
  criteria,
}: {
  target: Target;
  criteria: { key: string; label: string; met: boolean; mandatory: boolean }[];
}) {
  const t = useTranslations("LorActions");
  const tc = useTranslations("LorChecklist");
  return (
    <ActionDisclosure target={target} action="mark-insufficient" summary={t("insufficientSummary")} submitLabel={t("insufficientSubmit")}>
      {(errors) => (
        <>
          <fieldset className="mb-4">
            <legend className="font-bold">{t("insufficientLegend")}</legend>
            <p className="text-sm text-base-dark">{t("insufficientTicked")}</p>
            {errors.criteria && <p className="text-sm font-bold text-error-dark">{errors.criteria}</p>}
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {criteria.map((c) => (
                <label key={c.key} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="criteria" value={c.key} defaultChecked={c.mandatory && !c.met} className="h-4 w-4 accent-primary" />
                  {tc.has(`criteria.${c.key}`) ? tc(`criteria.${c.key}` as never) : c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="reasons" label={t("reasons")} hint={t("reasonsHint")} error={errors.reasons}>
            <KeptTextarea id="reasons" name="reasons" rows={4} hasHint error={errors.reasons} />
          </Field>
        </>
      )}
    </ActionDisclosure>
  );
}

export function CompleteForm({
  target,
  agencies,
  defaultAgency,
  chooseAgency,
  opensCase,
}: {
  target: Target;
  agencies: { code: string; name: string }[];
  defaultAgency: string;
  chooseAgency: boolean;
  opensCase: boolean;
}) {
  const t = useTranslations("LorActions");
  return (
    <ActionDisclosure
      target={target}
      action="mark-complete"
      summary={opensCase ? t("completeOpenSummary") : t("complete")}
      submitLabel={opensCase ? t("completeOpenSubmit") : t("complete")}
    >
      {(errors) => (
        <>
          {opensCase && chooseAgency && (
            <Field id="implementingAgencyCode" label={t("agency")} hint={t("agencyHint")} error={errors.implementingAgencyCode}>
              <Select id="implementingAgencyCode" name="implementingAgencyCode" defaultValue={defaultAgency} hasHint error={errors.implementingAgencyCode}>
                <option value="">{t("chooseAgency")}</option>
                <AgencyOptions agencies={agencies} />
              </Select>
            </Field>
          )}
          <Field id="complete-comment" label={t("comment")} error={errors.comment}>
            <KeptTextarea id="complete-comment" name="comment" error={errors.comment} />
          </Field>
        </>
      )}
    </ActionDisclosure>
  );
}

export function AcknowledgeForm({ target, agencies, routeable, currentAgency }: { target: Target; agencies: { code: string; name: string }[]; routeable: boolean; currentAgency: string }) {
  const t = useTranslations("LorActions");
  return (
    <ActionButton target={target} action="acknowledge" label={t("acknowledge")}>
      {routeable && (
        <Field id="route-agency" label={t("routeAgency")}>
          <Select id="route-agency" name="implementingAgencyCode" defaultValue={currentAgency}>
            <option value="">{t("leaveAsIs")}</option>
            <AgencyOptions agencies={agencies} />
          </Select>
        </Field>
      )}
    </ActionButton>
  );
}

export function PriceAndAvailabilityForm({ target }: { target: Target }) {
  const t = useTranslations("LorActions");
  return (
    <ActionDisclosure target={target} action="respond-pa" summary={t("paSummary")} submitLabel={t("paSubmit")}>
      {(errors) => (
        <>
          <p className="mb-3 text-sm">{t("paNote")}</p>
          <Field id="estimatedValue" label={t("paEstimatedValue")} error={errors.estimatedValue}>
            <KeptTextInput id="estimatedValue" name="estimatedValue" inputMode="decimal" error={errors.estimatedValue} />
          </Field>
          <Field id="availability" label={t("paAvailability")} hint={t("paAvailabilityHint")} error={errors.availability}>
            <KeptTextarea id="availability" name="availability" hasHint error={errors.availability} />
          </Field>
          <Field id="pa-notes" label={t("paNotes")} error={errors.notes}>
            <KeptTextarea id="pa-notes" name="notes" error={errors.notes} />
          </Field>
        </>
      )}
    </ActionDisclosure>
  );
}

export function ReasonForm({ target, action, summary, submitLabel, label, hint, required }: { target: Target; action: string; summary: string; submitLabel: string; label: string; hint: string; required: boolean }) {
  const t = useTranslations("LorActions");
  return (
    <ActionDisclosure target={target} action={action} summary={summary} submitLabel={submitLabel} danger>
      {(errors) => (
        <Field id={`${action}-reason`} label={required ? label : t("optional", { label })} hint={hint} error={errors.reason}>
          <KeptTextarea id={`${action}-reason`} name="reason" hasHint error={errors.reason} />
        </Field>
      )}
    </ActionDisclosure>
  );
}

export function UploadAttachmentForm({ lorId }: { lorId: string }) {
  const t = useTranslations("LorActions");
  const label = useLabels();
  const [state, run, pending] = useActionState<ActionState, FormData>(uploadAttachmentAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={run} className="mt-4 rounded border border-base-lighter bg-base-lightest p-4" noValidate data-testid="upload-form">
      <FormProblem state={state} title={t("uploadFailed")} />
      <input type="hidden" name="lorId" value={lorId} />
      <Field id="attachment-file" label={t("file")} hint={t("fileHint")} error={errors.file}>
        <input
          id="attachment-file"
          name="file"
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={`attachment-file-hint${errors.file ? " attachment-file-error" : ""}`}
          className="mt-1 block"
        />
      </Field>
      <Field id="attachment-kind" label={t("fileKind")} error={errors.kind}>
        <Select id="attachment-kind" name="kind" defaultValue="SIGNED_LETTER" error={errors.kind}>
          {ATTACHMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {label("attachmentKind", k)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("uploading") : t("attach")}
      </Button>
    </form>
  );
}

export function RemoveAttachmentButton({ lorId, attachmentId, fileName }: { lorId: string; attachmentId: string; fileName: string }) {
  const t = useTranslations("LorActions");
  const [state, run, pending] = useActionState<ActionState, FormData>(removeAttachmentAction, { status: "idle" });
  return (
    <form action={run} className="inline">
      <input type="hidden" name="lorId" value={lorId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <Button type="submit" variant="unstyled" disabled={pending} aria-label={t("removeFile", { fileName })}>
        {t("remove")}
      </Button>
      {state.status === "error" && <span className="ms-2 text-sm text-error-dark">{state.message}</span>}
    </form>
  );
}
