"use client";

import { useActionState, useState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { SDR_DECISION_LABELS, SDR_DECISIONS, SDR_TYPE_HINTS, SDR_TYPE_LABELS, SDR_TYPES } from "@/domain/execution/sdr";
import { formatUsd } from "@/domain/money";
import type { SdrFilingShipment } from "@/domain/schemas/sdr";
import type { ActionState } from "@/server/action-result";
import { acceptSdrDecisionAction, attachSdrAction, commentSdrAction, decideSdrAction, fileSdrAction, reconsiderSdrAction } from "./actions";

const dateText = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

const errorsOf = (state: ActionState) => (state.status === "error" ? (state.fields ?? {}) : {});

function FileInput({ id, label, error, hint }: { id: string; label: string; error?: string; hint: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name="file"
        type="file"
        multiple
        accept="image/png,image/jpeg,application/pdf"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        className="mt-1 block w-full max-w-md text-sm"
      />
    </Field>
  );
}

interface Report {
  caseId: string;
  number: number;
  version: number;
}

function ReportFields({ report }: { report: Report }) {
  return (
    <>
      <input type="hidden" name="caseId" value={report.caseId} />
      <input type="hidden" name="number" value={report.number} />
      <input type="hidden" name="expectedVersion" value={report.version} />
    </>
  );
}

/** The partner's report: which shipment, what is wrong, how many and how much, and the evidence. */
export function FileSdrForm({
  caseId,
  shipments,
  preselected,
  minimum,
}: {
  caseId: string;
  shipments: SdrFilingShipment[];
  preselected: string | null;
  minimum: string | null;
}) {
  const [state, run, pending] = useActionState<ActionState, FormData>(fileSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const open = shipments.filter((s) => s.open);
  const [shipmentId, setShipmentId] = useState(preselected && open.some((s) => s.id === preselected) ? preselected : (open[0]?.id ?? ""));
  const [type, setType] = useState("DAMAGE");
  const [informationOnly, setInformationOnly] = useState(false);
  const chosen = shipments.find((s) => s.id === shipmentId);
  return (
    <form action={run} noValidate data-testid="file-sdr-form">
      <FormProblem state={state} title="The report was not filed" />
      <input type="hidden" name="caseId" value={caseId} />
      <Field id="sdr-shipment" label="Shipment" hint="Only received shipments within the reporting window can be chosen." error={errors.shipmentId}>
        <Select
          id="sdr-shipment"
          name="shipmentId"
          value={shipmentId}
          onChange={(e) => setShipmentId(e.target.value)}
          hasHint
          error={errors.shipmentId}
        >
          {shipments.map((s) => (
            <option key={s.id} value={s.id} disabled={!s.open}>
              Line {s.lineNumber} · {s.documentNumber} · {s.quantity} received {dateText(s.receivedOn)}
              {s.open ? (s.lastDay ? ` · report by ${dateText(s.lastDay)}` : "") : " · reporting window closed"}
            </option>
          ))}
        </Select>
        {chosen && (
          <p className="mt-1 text-sm text-base-dark" data-testid="sdr-shipment-facts">
            Tracking {chosen.trackingReference}. Shipment value {formatUsd(chosen.value)} for {chosen.quantity} items.
          </p>
        )}
      </Field>
      <RadioGroup
        name="type"
        idPrefix="sdr-type"
        legend="What is wrong?"
        hint={SDR_TYPE_HINTS[type as keyof typeof SDR_TYPE_HINTS]}
        error={errors.type}
        options={SDR_TYPES.map((t) => ({ value: t, label: SDR_TYPE_LABELS[t] }))}
        value={type}
        onChange={setType}
      />
      <Field
        id="sdr-quantity"
        label={type === "BILLING_ERROR" ? "Quantity affected (optional for a billing error)" : "Quantity affected"}
        hint={chosen ? `How many items, at most the ${chosen.quantity} shipped.` : "How many items."}
        error={errors.quantityAffected}
      >
        <KeptTextInput id="sdr-quantity" name="quantityAffected" inputMode="numeric" autoComplete="off" hasHint error={errors.quantityAffected} />
      </Field>
      <Field
        id="sdr-value"
        label="Value affected (US dollars)"
        hint={`What the discrepancy is worth${chosen ? `, at most the shipment's ${formatUsd(chosen.value)}` : ""}${
          minimum ? `. At least ${formatUsd(minimum)} unless it is for information only.` : "."
        }`}
        error={errors.valueAffected}
      >
        <KeptTextInput id="sdr-value" name="valueAffected" inputMode="decimal" autoComplete="off" hasHint error={errors.valueAffected} />
      </Field>
      <div className="mb-5">
        <div className="flex items-start gap-2">
          <input
            id="sdr-information-only"
            type="checkbox"
            name="informationOnly"
            value="true"
            checked={informationOnly}
            onChange={(e) => setInformationOnly(e.target.checked)}
            className="mt-1 h-5 w-5 accent-primary"
            aria-describedby="sdr-information-only-hint"
          />
          <div>
            <label htmlFor="sdr-information-only" className="font-bold">
              For information only
            </label>
            <p id="sdr-information-only-hint" className="text-sm text-base-dark">
              You ask for no credit, replacement or repair; the agency records the discrepancy.
            </p>
          </div>
        </div>
      </div>
      <Field id="sdr-description" label="What happened" hint="What arrived, what is wrong with it, and how it was found." error={errors.description}>
        <KeptTextarea id="sdr-description" name="description" rows={5} hasHint error={errors.description} />
      </Field>
      <FileInput
        id="sdr-files"
        label="Photos and documents (optional)"
        error={errors.file}
        hint={`Photos (PNG or JPEG) or PDFs such as the packing list, at most 10 MB in all.${state.status === "error" ? " Choose them again after fixing the form." : ""}`}
      />
      <Button type="submit" disabled={pending || open.length === 0}>
        {pending ? "Filing…" : "File the report"}
      </Button>
    </form>
  );
}

/** The agency's decision: credit (with its amount), replacement, repair and return, or rejection (with a reason). */
export function DecideSdrForm({ report, valueAffected, final, informationOnly }: { report: Report; valueAffected: string; final: boolean; informationOnly: boolean }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(decideSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const [decision, setDecision] = useState(informationOnly ? "REPLACEMENT" : "CREDIT");
  return (
    <form action={run} noValidate data-testid="decide-sdr-form">
      <FormProblem state={state} title="The decision was not recorded" />
      <ReportFields report={report} />
      {final && <p className="mb-3 text-sm">The partner asked for reconsideration: this decision is final and closes the report.</p>}
      <RadioGroup
        name="decision"
        idPrefix="sdr-decision"
        legend="Decision"
        error={errors.decision}
        options={SDR_DECISIONS.filter((d) => !(informationOnly && d === "CREDIT")).map((d) => ({ value: d, label: SDR_DECISION_LABELS[d] }))}
        value={decision}
        onChange={setDecision}
      />
      {decision === "CREDIT" && (
        <Field id="sdr-credit" label="Credit amount (US dollars)" hint={`At most the value affected, ${formatUsd(valueAffected)}. It is credited on the case's statements.`} error={errors.creditAmount}>
          <KeptTextInput id="sdr-credit" name="creditAmount" inputMode="decimal" autoComplete="off" hasHint error={errors.creditAmount} />
        </Field>
      )}
      <Field
        id="sdr-reason"
        label={decision === "REJECTED" ? "Reason for rejecting" : "Reason or instructions (optional)"}
        hint="The partner reads this."
        error={errors.reason}
      >
        <KeptTextarea id="sdr-reason" name="reason" rows={3} hasHint error={errors.reason} />
      </Field>
      <Button type="submit" variant={decision === "REJECTED" ? "danger" : "primary"} disabled={pending}>
        {pending ? "Recording…" : "Record the decision"}
      </Button>
    </form>
  );
}

/** The partner's one request for reconsideration, within the window. */
export function ReconsiderSdrForm({ report, lastDay }: { report: Report; lastDay: string | null }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(reconsiderSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  return (
    <form action={run} noValidate data-testid="reconsider-sdr-form">
      <FormProblem state={state} title="The request was not sent" />
      <ReportFields report={report} />
      <p className="mb-3 text-sm">
        You may ask once{lastDay ? `, until ${dateText(lastDay)}` : ""}. The agency then makes a final decision.
      </p>
      <Field id="sdr-reconsider-reason" label="Why should the decision be reconsidered?" error={errors.reason}>
        <KeptTextarea id="sdr-reconsider-reason" name="reason" rows={4} error={errors.reason} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Ask for reconsideration"}
      </Button>
    </form>
  );
}

/** The partner takes the decision as final, without waiting for the reconsideration window to end. */
export function AcceptSdrDecisionForm({ report }: { report: Report }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(acceptSdrDecisionAction, { status: "idle" });
  return (
    <form action={run} noValidate data-testid="accept-sdr-form" className="mt-4 border-t border-base-lighter pt-4">
      <FormProblem state={state} title="The decision was not accepted" />
      <ReportFields report={report} />
      <p className="mb-3 text-sm">Satisfied with the decision? Accepting it closes the report; you can no longer ask for reconsideration.</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Accepting…" : "Accept the decision"}
      </Button>
    </form>
  );
}

/** A comment; U.S. Government staff choose whether the partner may read it. */
export function SdrCommentForm({ report, partner }: { report: Report; partner: boolean }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(commentSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const [visibility, setVisibility] = useState("USG_INTERNAL");
  return (
    <form action={run} noValidate className="mt-4" data-testid="sdr-comment-form">
      <FormProblem state={state} title="The comment was not added" />
      <ReportFields report={report} />
      <Field id="sdr-comment" label="Add a comment" hint={partner ? "The implementing agency and DSCA read it." : undefined} error={errors.text}>
        <KeptTextarea id="sdr-comment" name="text" rows={3} hasHint={partner} error={errors.text} />
      </Field>
      {!partner && (
        <RadioGroup
          name="visibility"
          idPrefix="sdr-comment-visibility"
          legend="Who may read this comment?"
          hint="Comments stay inside the U.S. Government unless you choose otherwise."
          error={errors.visibility}
          options={[
            { value: "USG_INTERNAL", label: "U.S. Government only" },
            { value: "PARTNER_VISIBLE", label: "Also the partner" },
          ]}
          value={visibility}
          onChange={setVisibility}
        />
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : "Add comment"}
      </Button>
    </form>
  );
}

/** More photos or documents on the report. */
export function SdrAttachForm({ report }: { report: Report }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(attachSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  return (
    <form action={run} noValidate className="mt-4 rounded border border-base-lighter bg-base-lightest p-4" data-testid="sdr-attach-form">
      <FormProblem state={state} title="Nothing was attached" />
      <ReportFields report={report} />
      <FileInput id="sdr-more-files" label="Add photos or documents" error={errors.file} hint="Photos (PNG or JPEG) or PDFs, at most 10 MB in all." />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Uploading…" : "Attach"}
      </Button>
    </form>
  );
}
