"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { SHIPMENT_MODES, UMMIPS_PRIORITIES } from "@/domain/execution/lines";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import type { ActionState } from "@/server/action-result";
import { executionAction, type ExecutionOperation } from "./actions";

// The execution page's forms, one per thing a person records. Each posts to executionAction with the case, the line
// and the operation; the use case checks everything again (role, case state, what the line has left).

export interface LineTarget {
  caseId: string;
  lineNumber: string;
  /** Today's date (YYYY-MM-DD, UTC) from the server, the default of the date fields. */
  today: string;
}

function useExecutionAction() {
  const [state, run, pending] = useActionState<ActionState, FormData>(executionAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return { state, run, pending, errors };
}

function Hidden({ target, operation, extra = {} }: { target: LineTarget; operation: ExecutionOperation; extra?: Record<string, string | number> }) {
  return (
    <>
      <input type="hidden" name="caseId" value={target.caseId} />
      <input type="hidden" name="lineNumber" value={target.lineNumber} />
      <input type="hidden" name="operation" value={operation} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A form folded under its title until needed (and kept open when the server refused it). */
function Folded({ title, testId, open, children }: { title: string; testId: string; open: boolean; children: ReactNode }) {
  return (
    <details className="mt-3 rounded border border-base-lighter bg-white p-3" open={open} data-testid={testId}>
      <summary className="cursor-pointer font-bold text-primary">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** A text field whose id is unique on the page (several lines carry the same form) and whose name is the API's. */
function TextField({
  prefix,
  name,
  label,
  hint,
  errors,
  ...input
}: {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  errors: Record<string, string>;
} & Omit<Parameters<typeof KeptTextInput>[0], "id" | "name" | "error">) {
  const id = `${prefix}-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={errors[name]}>
      <KeptTextInput id={id} name={name} error={errors[name]} hasHint={Boolean(hint)} {...input} />
    </Field>
  );
}

const prefixOf = (target: LineTarget, operation: string) => `l${target.lineNumber}-${operation}`;

export function ContractForm({ target }: { target: LineTarget }) {
  const { state, run, pending, errors } = useExecutionAction();
  const t = useTranslations("ExecForms");
  const prefix = prefixOf(target, "contract");
  return (
    <Folded title={t("contractTitle")} testId={`form-contract-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title={t("contractProblem")} />
        <Hidden target={target} operation="obligation" />
        <TextField prefix={prefix} name="contractNumber" label={t("contractNumber")} hint={t("contractNumberHint")} errors={errors} autoComplete="off" />
        <TextField prefix={prefix} name="awardedOn" label={t("awardDate")} type="date" defaultValue={target.today} errors={errors} />
        <TextField prefix={prefix} name="amount" label={t("obligatedAmount")} hint={t("obligatedAmountHint")} inputMode="decimal" errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("recordContract")}
        </Button>
      </form>
    </Folded>
  );
}

export function RequisitionForm({
  target,
  remaining,
  example,
  idempotencyKey,
}: {
  target: LineTarget;
  remaining: string;
  /** A well-formed document number for this case and today, shown as an example. */
  example: string;
  idempotencyKey: string;
}) {
  const { state, run, pending, errors } = useExecutionAction();
  const t = useTranslations("ExecForms");
  const f = useFormats();
  const prefix = prefixOf(target, "requisition");
  const priorityLabel = (priority: string) => {
    const n = Number(priority);
    return n <= 3 ? t("priorityEmergency", { code: priority }) : n <= 8 ? t("priorityPriority", { code: priority }) : t("priorityRoutine", { code: priority });
  };
  return (
    <Folded title={t("requisitionTitle")} testId={`form-requisition-${target.lineNumber}`} open={state.status === "error"}>
      <p className="mb-3 text-sm">
        {t("requisitionRemaining", { value: f.usd(remaining) })}
      </p>
      <form action={run} noValidate>
        <FormProblem state={state} title={t("requisitionProblem")} />
        <Hidden target={target} operation="requisition" extra={{ idempotencyKey }} />
        <TextField
          prefix={prefix}
          name="documentNumber"
          label={t("milstripNumber")}
          hint={t("milstripNumberHint", { example })}
          errors={errors}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField prefix={prefix} name="itemDescription" label={t("item")} errors={errors} />
        <TextField prefix={prefix} name="nsn" label={t("nsn")} hint={t("nsnHint")} inputMode="numeric" errors={errors} />
        <TextField prefix={prefix} name="quantity" label={t("quantity")} inputMode="numeric" errors={errors} />
        <TextField prefix={prefix} name="unitPrice" label={t("unitPrice")} inputMode="decimal" errors={errors} />
        <Field id={`${prefix}-priority`} label={t("priority")} hint={t("priorityHint")} error={errors.priority}>
          <Select id={`${prefix}-priority`} name="priority" defaultValue="08" error={errors.priority} hasHint>
            {UMMIPS_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("submitRequisition")}
        </Button>
      </form>
    </Folded>
  );
}

export interface OpenRequisition {
  id: string;
  documentNumber: string;
  itemDescription: string;
  quantity: number;
  shippedQuantity: number;
}

export function ShipmentForm({
  target,
  unshipped,
  unitOfIssue,
  requisitions,
}: {
  target: LineTarget;
  /** Articles lines: the quantity not yet shipped. */
  unshipped: number | null;
  unitOfIssue: string | null;
  /** Blanket lines: the open requisitions a shipment may fill. */
  requisitions: readonly OpenRequisition[] | null;
}) {
  const { state, run, pending, errors } = useExecutionAction();
  const t = useTranslations("ExecForms");
  const label = useLabels();
  const prefix = prefixOf(target, "shipment");
  if (requisitions !== null && requisitions.length === 0) return null;
  return (
    <Folded title={t("shipmentTitle")} testId={`form-shipment-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title={t("shipmentProblem")} />
        <Hidden target={target} operation="shipment" />
        {requisitions !== null && (
          <Field id={`${prefix}-requisitionId`} label={t("requisitionFilled")} error={errors.requisitionId}>
            <Select id={`${prefix}-requisitionId`} name="requisitionId" error={errors.requisitionId}>
              {requisitions.map((r) => (
                <option key={r.id} value={r.id}>
                  {t("requisitionOption", { document: r.documentNumber, item: r.itemDescription, left: String(r.quantity - r.shippedQuantity), quantity: String(r.quantity) })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <TextField prefix={prefix} name="documentNumber" label={t("shipmentNumber")}
          hint={t("shipmentNumberHint")} errors={errors} autoComplete="off" spellCheck={false} />
        <TextField
          prefix={prefix}
          name="quantity"
          label={t("quantityShipped")}
          hint={unshipped !== null ? t("unshipped", { quantity: `${unshipped}${unitOfIssue ? ` ${unitOfIssue}` : ""}` }) : undefined}
          inputMode="numeric"
          errors={errors}
        />
        <TextField prefix={prefix} name="shippedOn" label={t("shipDate")} type="date" defaultValue={target.today} errors={errors} />
        <Field id={`${prefix}-mode`} label={t("mode")} error={errors.mode}>
          <Select id={`${prefix}-mode`} name="mode" defaultValue="AIR" error={errors.mode}>
            {SHIPMENT_MODES.map((m) => (
              <option key={m} value={m}>
                {label("shipmentMode", m)}
              </option>
            ))}
          </Select>
        </Field>
        <TextField prefix={prefix} name="trackingReference" label={t("tracking")}
          hint={t("trackingHint")} errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("recordShipment")}
        </Button>
      </form>
    </Folded>
  );
}

export function ServiceForm({ target, unitLabel, remaining }: { target: LineTarget; unitLabel: string; remaining: string | null }) {
  const { state, run, pending, errors } = useExecutionAction();
  const t = useTranslations("ExecForms");
  const prefix = prefixOf(target, "service");
  const unitWord = unitLabel === "months" ? t("unitMonths") : t("unitEvents");
  return (
    <Folded title={t("serviceTitle")} testId={`form-service-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title={t("serviceProblem")} />
        <Hidden target={target} operation="service" />
        <TextField prefix={prefix} name="performedFrom" label={t("firstDay")} type="date" errors={errors} />
        <TextField prefix={prefix} name="performedTo" label={t("lastDay")} type="date" defaultValue={target.today} errors={errors} />
        <TextField
          prefix={prefix}
          name="units"
          label={unitLabel === "months" ? t("monthsPerformed") : t("eventsPerformed")}
          hint={remaining !== null ? t("unitsRemaining", { remaining, unit: unitWord }) : undefined}
          inputMode="decimal"
          errors={errors}
        />
        <TextField prefix={prefix} name="value" label={t("value")} inputMode="decimal" errors={errors} />
        <TextField prefix={prefix} name="description" label={t("whatPerformed")} errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? t("working") : t("recordServices")}
        </Button>
      </form>
    </Folded>
  );
}

export function CompletionForm({ target, problems }: { target: LineTarget; problems: readonly string[] }) {
  const { state, run, pending, errors } = useExecutionAction();
  const [outcome, setOutcome] = useState("SUPPLY_COMPLETE");
  const prefix = prefixOf(target, "completion");
  const t = useTranslations("ExecForms");
  const needsReason = outcome === "CANCELLED" || problems.length > 0;
  return (
    <Folded title={t("completionTitle")} testId={`form-completion-${target.lineNumber}`} open={state.status === "error"}>
      {problems.length > 0 ? (
        <div className="mb-3 text-sm">
          <p className="font-bold">{t("notAccountedFor")}</p>
          <ul className="list-disc ps-6" data-testid={`ssc-problems-${target.lineNumber}`}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mb-3 text-sm">{t("allAccountedFor")}</p>
      )}
      <form action={run} noValidate>
        <FormProblem state={state} title={t("completionProblem")} />
        <Hidden target={target} operation="completion" />
        <RadioGroup
          name="outcome"
          idPrefix={`${prefix}-outcome`}
          legend={t("outcome")}
          error={errors.outcome}
          options={[
            { value: "SUPPLY_COMPLETE", label: t("outcomeComplete") },
            { value: "CANCELLED", label: t("outcomeCancel") },
          ]}
          value={outcome}
          onChange={setOutcome}
        />
        <Field
          id={`${prefix}-reason`}
          label={needsReason ? t("reasonRequired") : t("reasonOptional")}
          hint={t("reasonHint")}
          error={errors.reason}
        >
          <KeptTextarea id={`${prefix}-reason`} name="reason" error={errors.reason} hasHint />
        </Field>
        <Button type="submit" variant={outcome === "CANCELLED" ? "danger" : "primary"} disabled={pending}>
          {pending ? t("working") : outcome === "CANCELLED" ? t("outcomeCancel") : t("declareComplete")}
        </Button>
      </form>
    </Folded>
  );
}

export interface ShipmentRef {
  id: string;
  version: number;
  documentNumber: string;
  status: "SHIPPED" | "IN_TRANSIT" | "RECEIVED";
}

/** What can happen to one shipment next: the agency marks it in transit; the partner or the agency marks it received. */
export function ShipmentStatusForms({
  target,
  shipment,
  mayMarkInTransit,
  mayReceive,
}: {
  target: LineTarget;
  shipment: ShipmentRef;
  mayMarkInTransit: boolean;
  mayReceive: boolean;
}) {
  const t = useTranslations("ExecForms");
  const transit = useExecutionAction();
  const receive = useExecutionAction();
  const prefix = `s-${shipment.id.slice(0, 8)}`;
  const hidden = { shipmentId: shipment.id, expectedVersion: shipment.version };
  if (shipment.status === "RECEIVED") return null;
  return (
    <div className="grid gap-2" data-testid={`shipment-actions-${shipment.documentNumber}`}>
      {mayMarkInTransit && shipment.status === "SHIPPED" && (
        <form action={transit.run}>
          <FormProblem state={transit.state} title={t("transitProblem")} />
          <Hidden target={target} operation="status" extra={{ ...hidden, status: "IN_TRANSIT" }} />
          <Button type="submit" variant="secondary" disabled={transit.pending} aria-label={t("markInTransitLabel", { document: shipment.documentNumber })}>
            {transit.pending ? t("working") : t("markInTransit")}
          </Button>
        </form>
      )}
      {mayReceive && (
        <details className="rounded border border-base-lighter bg-white p-2" open={receive.state.status === "error"}>
          <summary className="cursor-pointer font-bold text-primary">
            {t("markReceived")}
            <span className="sr-only">{t("shipmentSr", { document: shipment.documentNumber })}</span>
          </summary>
          <form action={receive.run} noValidate className="mt-2">
            <FormProblem state={receive.state} title={t("receiptProblem")} />
            <Hidden target={target} operation="status" extra={{ ...hidden, status: "RECEIVED" }} />
            <TextField prefix={prefix} name="receivedOn" label={t("dateReceived")} type="date" defaultValue={target.today} errors={receive.errors} />
            <TextField prefix={prefix} name="receivedBy" label={t("receivedBy")}
              hint={t("receivedByHint")} errors={receive.errors} />
            <Button type="submit" disabled={receive.pending}>
              {receive.pending ? t("working") : t("recordReceipt")}
            </Button>
          </form>
        </details>
      )}
    </div>
  );
}
