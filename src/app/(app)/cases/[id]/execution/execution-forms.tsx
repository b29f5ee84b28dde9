"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { SHIPMENT_MODE_LABELS, SHIPMENT_MODES, UMMIPS_PRIORITIES, priorityLabel } from "@/domain/execution/lines";
import { formatUsd } from "@/domain/money";
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
  const prefix = prefixOf(target, "contract");
  return (
    <Folded title="Record a contract award" testId={`form-contract-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title="Could not record the contract" />
        <Hidden target={target} operation="obligation" />
        <TextField prefix={prefix} name="contractNumber" label="Contract number" hint="Letters, digits and dashes, like W15P7T-26-C-0142" errors={errors} autoComplete="off" />
        <TextField prefix={prefix} name="awardedOn" label="Award date" type="date" defaultValue={target.today} errors={errors} />
        <TextField prefix={prefix} name="amount" label="Obligated amount (US dollars)" hint="U.S. Government only: the partner sees the contract, not its amount" inputMode="decimal" errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : "Record contract"}
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
  const prefix = prefixOf(target, "requisition");
  return (
    <Folded title="Submit a requisition" testId={`form-requisition-${target.lineNumber}`} open={state.status === "error"}>
      <p className="mb-3 text-sm">
        {formatUsd(remaining)} of this line remains. A requisition for more than that is refused; the amount is quantity × unit price.
      </p>
      <form action={run} noValidate>
        <FormProblem state={state} title="Could not submit the requisition" />
        <Hidden target={target} operation="requisition" extra={{ idempotencyKey }} />
        <TextField
          prefix={prefix}
          name="documentNumber"
          label="Document number (MILSTRIP)"
          hint={`14 characters: service code, country code, 3 codes, the ordinal date (YDDD) and a serial, like ${example}`}
          errors={errors}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField prefix={prefix} name="itemDescription" label="Item" errors={errors} />
        <TextField prefix={prefix} name="nsn" label="National stock number (optional)" hint="13 digits, like 4320-01-555-0101" inputMode="numeric" errors={errors} />
        <TextField prefix={prefix} name="quantity" label="Quantity" inputMode="numeric" errors={errors} />
        <TextField prefix={prefix} name="unitPrice" label="Unit price (US dollars)" inputMode="decimal" errors={errors} />
        <Field id={`${prefix}-priority`} label="Priority (UMMIPS)" hint="From your force activity designator and urgency of need" error={errors.priority}>
          <Select id={`${prefix}-priority`} name="priority" defaultValue="08" error={errors.priority} hasHint>
            {UMMIPS_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : "Submit requisition"}
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
  const prefix = prefixOf(target, "shipment");
  if (requisitions !== null && requisitions.length === 0) return null;
  return (
    <Folded title="Record a shipment" testId={`form-shipment-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title="Could not record the shipment" />
        <Hidden target={target} operation="shipment" />
        {requisitions !== null && (
          <Field id={`${prefix}-requisitionId`} label="Requisition it fills" error={errors.requisitionId}>
            <Select id={`${prefix}-requisitionId`} name="requisitionId" error={errors.requisitionId}>
              {requisitions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.documentNumber} — {r.itemDescription} ({r.quantity - r.shippedQuantity} of {r.quantity} to ship)
                </option>
              ))}
            </Select>
          </Field>
        )}
        <TextField prefix={prefix} name="documentNumber" label="Shipment document number" hint="The MILSTRIP document number or transportation control number" errors={errors} autoComplete="off" spellCheck={false} />
        <TextField
          prefix={prefix}
          name="quantity"
          label="Quantity shipped"
          hint={unshipped !== null ? `${unshipped}${unitOfIssue ? ` ${unitOfIssue}` : ""} not yet shipped on this line` : undefined}
          inputMode="numeric"
          errors={errors}
        />
        <TextField prefix={prefix} name="shippedOn" label="Ship date" type="date" defaultValue={target.today} errors={errors} />
        <Field id={`${prefix}-mode`} label="Mode" error={errors.mode}>
          <Select id={`${prefix}-mode`} name="mode" defaultValue="AIR" error={errors.mode}>
            {SHIPMENT_MODES.map((m) => (
              <option key={m} value={m}>
                {SHIPMENT_MODE_LABELS[m]}
              </option>
            ))}
          </Select>
        </Field>
        <TextField prefix={prefix} name="trackingReference" label="Tracking reference" hint="What the partner can track it by: TCN, bill of lading, carrier tracking number" errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : "Record shipment"}
        </Button>
      </form>
    </Folded>
  );
}

export function ServiceForm({ target, unitLabel, remaining }: { target: LineTarget; unitLabel: string; remaining: string | null }) {
  const { state, run, pending, errors } = useExecutionAction();
  const prefix = prefixOf(target, "service");
  return (
    <Folded title="Record services performed" testId={`form-service-${target.lineNumber}`} open={state.status === "error"}>
      <form action={run} noValidate>
        <FormProblem state={state} title="Could not record the services" />
        <Hidden target={target} operation="service" />
        <TextField prefix={prefix} name="performedFrom" label="First day" type="date" errors={errors} />
        <TextField prefix={prefix} name="performedTo" label="Last day" type="date" defaultValue={target.today} errors={errors} />
        <TextField
          prefix={prefix}
          name="units"
          label={`${unitLabel === "months" ? "Months" : "Events"} performed`}
          hint={remaining !== null ? `${remaining} ${unitLabel} remain on this line; halves are fine (0.5)` : undefined}
          inputMode="decimal"
          errors={errors}
        />
        <TextField prefix={prefix} name="value" label="Value (US dollars)" inputMode="decimal" errors={errors} />
        <TextField prefix={prefix} name="description" label="What was performed" errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : "Record services"}
        </Button>
      </form>
    </Folded>
  );
}

export function CompletionForm({ target, problems }: { target: LineTarget; problems: readonly string[] }) {
  const { state, run, pending, errors } = useExecutionAction();
  const [outcome, setOutcome] = useState("SUPPLY_COMPLETE");
  const prefix = prefixOf(target, "completion");
  const needsReason = outcome === "CANCELLED" || problems.length > 0;
  return (
    <Folded title="Declare supply/services complete, or cancel the line" testId={`form-completion-${target.lineNumber}`} open={state.status === "error"}>
      {problems.length > 0 ? (
        <div className="mb-3 text-sm">
          <p className="font-bold">Not yet accounted for:</p>
          <ul className="list-disc pl-6" data-testid={`ssc-problems-${target.lineNumber}`}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mb-3 text-sm">Everything on this line is accounted for: it can be declared complete without a reason.</p>
      )}
      <form action={run} noValidate>
        <FormProblem state={state} title="Could not close out the line" />
        <Hidden target={target} operation="completion" />
        <RadioGroup
          name="outcome"
          idPrefix={`${prefix}-outcome`}
          legend="Outcome"
          error={errors.outcome}
          options={[
            { value: "SUPPLY_COMPLETE", label: "Supply/services complete" },
            { value: "CANCELLED", label: "Cancel the line" },
          ]}
          value={outcome}
          onChange={setOutcome}
        />
        <Field
          id={`${prefix}-reason`}
          label={needsReason ? "Reason (required)" : "Reason (optional)"}
          hint="The partner sees it on the line and the timeline. Open requisitions are cancelled with the line."
          error={errors.reason}
        >
          <KeptTextarea id={`${prefix}-reason`} name="reason" error={errors.reason} hasHint />
        </Field>
        <Button type="submit" variant={outcome === "CANCELLED" ? "danger" : "primary"} disabled={pending}>
          {pending ? "Working…" : outcome === "CANCELLED" ? "Cancel the line" : "Declare complete"}
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
  const transit = useExecutionAction();
  const receive = useExecutionAction();
  const prefix = `s-${shipment.id.slice(0, 8)}`;
  const hidden = { shipmentId: shipment.id, expectedVersion: shipment.version };
  if (shipment.status === "RECEIVED") return null;
  return (
    <div className="grid gap-2" data-testid={`shipment-actions-${shipment.documentNumber}`}>
      {mayMarkInTransit && shipment.status === "SHIPPED" && (
        <form action={transit.run}>
          <FormProblem state={transit.state} title="Could not update the shipment" />
          <Hidden target={target} operation="status" extra={{ ...hidden, status: "IN_TRANSIT" }} />
          <Button type="submit" variant="secondary" disabled={transit.pending} aria-label={`Mark shipment ${shipment.documentNumber} in transit`}>
            {transit.pending ? "Working…" : "Mark in transit"}
          </Button>
        </form>
      )}
      {mayReceive && (
        <details className="rounded border border-base-lighter bg-white p-2" open={receive.state.status === "error"}>
          <summary className="cursor-pointer font-bold text-primary">
            Mark received<span className="sr-only"> (shipment {shipment.documentNumber})</span>
          </summary>
          <form action={receive.run} noValidate className="mt-2">
            <FormProblem state={receive.state} title="Could not record the receipt" />
            <Hidden target={target} operation="status" extra={{ ...hidden, status: "RECEIVED" }} />
            <TextField prefix={prefix} name="receivedOn" label="Date received" type="date" defaultValue={target.today} errors={receive.errors} />
            <TextField prefix={prefix} name="receivedBy" label="Received by" hint="The receiving officer or the freight forwarder" errors={receive.errors} />
            <Button type="submit" disabled={receive.pending}>
              {receive.pending ? "Working…" : "Record receipt"}
            </Button>
          </form>
        </details>
      )}
    </div>
  );
}
