"use client";

import { useActionState, type ReactNode } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS } from "@/domain/lor/codes";
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
  const [state, run, pending] = useActionState<ActionState, FormData>(lorActionAction, { status: "idle" });
  return (
    <form action={run} className="mb-3">
      <FormProblem state={state} title={`Could not ${label.toLowerCase()}`} />
      <Hidden target={target} action={action} />
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : label}
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
  const [state, run, pending] = useActionState<ActionState, FormData>(lorActionAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <details className="mb-3 rounded border border-base-lighter bg-white p-3" open={state.status === "error"} data-testid={`action-${action}`}>
      <summary className="cursor-pointer font-bold text-primary">{summary}</summary>
      <form action={run} className="mt-3" noValidate>
        <FormProblem state={state} title={`Could not ${submitLabel.toLowerCase()}`} />
        <Hidden target={target} action={action} />
        {children(errors)}
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {pending ? "Working…" : submitLabel}
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
  return (
    <ActionDisclosure target={target} action="mark-insufficient" summary="Return as insufficient" submitLabel="Return to the partner">
      {(errors) => (
        <>
          <fieldset className="mb-4">
            <legend className="font-bold">Which checklist items fall short?</legend>
            <p className="text-sm text-base-dark">Required items the letter does not meet are ticked for you.</p>
            {errors.criteria && <p className="text-sm font-bold text-error-dark">{errors.criteria}</p>}
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {criteria.map((c) => (
                <label key={c.key} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="criteria" value={c.key} defaultChecked={c.mandatory && !c.met} className="h-4 w-4 accent-primary" />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="reasons" label="What must the partner change?" hint="The partner sees this exactly as you write it" error={errors.reasons}>
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
  return (
    <ActionDisclosure
      target={target}
      action="mark-complete"
      summary={opensCase ? "Mark complete and open a case" : "Mark complete"}
      submitLabel={opensCase ? "Mark complete and open the case" : "Mark complete"}
    >
      {(errors) => (
        <>
          {opensCase && chooseAgency && (
            <Field id="implementingAgencyCode" label="Implementing agency that will write the LOA" hint="Its letter becomes part of the case identifier" error={errors.implementingAgencyCode}>
              <Select id="implementingAgencyCode" name="implementingAgencyCode" defaultValue={defaultAgency} hasHint error={errors.implementingAgencyCode}>
                <option value="">Choose an agency</option>
                <AgencyOptions agencies={agencies} />
              </Select>
            </Field>
          )}
          <Field id="complete-comment" label="Comment (optional)" error={errors.comment}>
            <KeptTextarea id="complete-comment" name="comment" error={errors.comment} />
          </Field>
        </>
      )}
    </ActionDisclosure>
  );
}

export function AcknowledgeForm({ target, agencies, routeable, currentAgency }: { target: Target; agencies: { code: string; name: string }[]; routeable: boolean; currentAgency: string }) {
  return (
    <ActionButton target={target} action="acknowledge" label="Acknowledge receipt and start validation">
      {routeable && (
        <Field id="route-agency" label="Route to implementing agency">
          <Select id="route-agency" name="implementingAgencyCode" defaultValue={currentAgency}>
            <option value="">Leave as is</option>
            <AgencyOptions agencies={agencies} />
          </Select>
        </Field>
      )}
    </ActionButton>
  );
}

export function PriceAndAvailabilityForm({ target }: { target: Target }) {
  return (
    <ActionDisclosure target={target} action="respond-pa" summary="Provide P&A data" submitLabel="Send the P&A answer">
      {(errors) => (
        <>
          <p className="mb-3 text-sm">P&A data is a rough estimate for planning. It is not an offer and does not bind the U.S. Government.</p>
          <Field id="estimatedValue" label="Estimated value, US$" error={errors.estimatedValue}>
            <KeptTextInput id="estimatedValue" name="estimatedValue" inputMode="decimal" error={errors.estimatedValue} />
          </Field>
          <Field id="availability" label="Availability" hint="Expected lead time, e.g. 24–30 months after LOA acceptance" error={errors.availability}>
            <KeptTextarea id="availability" name="availability" hasHint error={errors.availability} />
          </Field>
          <Field id="pa-notes" label="Notes (optional)" error={errors.notes}>
            <KeptTextarea id="pa-notes" name="notes" error={errors.notes} />
          </Field>
        </>
      )}
    </ActionDisclosure>
  );
}

export function ReasonForm({ target, action, summary, submitLabel, label, hint, required }: { target: Target; action: string; summary: string; submitLabel: string; label: string; hint: string; required: boolean }) {
  return (
    <ActionDisclosure target={target} action={action} summary={summary} submitLabel={submitLabel} danger>
      {(errors) => (
        <Field id={`${action}-reason`} label={required ? label : `${label} (optional)`} hint={hint} error={errors.reason}>
          <KeptTextarea id={`${action}-reason`} name="reason" hasHint error={errors.reason} />
        </Field>
      )}
    </ActionDisclosure>
  );
}

export function UploadAttachmentForm({ lorId }: { lorId: string }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(uploadAttachmentAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={run} className="mt-4 rounded border border-base-lighter bg-base-lightest p-4" noValidate data-testid="upload-form">
      <FormProblem state={state} title="The file was not attached" />
      <input type="hidden" name="lorId" value={lorId} />
      <Field id="attachment-file" label="File" hint="PDF, PNG or JPEG, at most 10 MB" error={errors.file}>
        <input
          id="attachment-file"
          name="file"
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={`attachment-file-hint${errors.file ? " attachment-file-error" : ""}`}
          className="mt-1 block"
        />
      </Field>
      <Field id="attachment-kind" label="What is it?" error={errors.kind}>
        <Select id="attachment-kind" name="kind" defaultValue="SIGNED_LETTER" error={errors.kind}>
          {ATTACHMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {ATTACHMENT_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Uploading…" : "Attach file"}
      </Button>
    </form>
  );
}

export function RemoveAttachmentButton({ lorId, attachmentId, fileName }: { lorId: string; attachmentId: string; fileName: string }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(removeAttachmentAction, { status: "idle" });
  return (
    <form action={run} className="inline">
      <input type="hidden" name="lorId" value={lorId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <Button type="submit" variant="unstyled" disabled={pending} aria-label={`Remove ${fileName}`}>
        Remove
      </Button>
      {state.status === "error" && <span className="ml-2 text-sm text-error-dark">{state.message}</span>}
    </form>
  );
}
