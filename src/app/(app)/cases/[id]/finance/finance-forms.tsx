"use client";

import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import { KeptTextInput } from "@/components/ui/kept-inputs";
import { formatUsd } from "@/domain/money";
import type { ActionState } from "@/server/action-result";
import { issueStatementsAction, recordPaymentAction } from "./actions";

const today = () => new Date().toISOString().slice(0, 10);

export function RecordPaymentForm({
  caseId,
  idempotencyKey,
  statements,
}: {
  caseId: string;
  /** Fresh for each page load: a double submission of this form records one payment. */
  idempotencyKey: string;
  statements: readonly { id: string; dueOn: string; outstanding: string }[];
}) {
  const [state, run, pending] = useActionState<ActionState, FormData>(recordPaymentAction, { status: "idle" });
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={run} noValidate data-testid="record-payment-form">
      <FormProblem state={state} title="Could not record the payment" />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field id="payment-amount" label="Amount received (US dollars)" hint="Exact dollars and cents, like 250000.00" error={errors.amount}>
        <KeptTextInput id="payment-amount" name="amount" inputMode="decimal" error={errors.amount} hasHint />
      </Field>
      <Field id="payment-value-date" label="Value date" hint="The date the money arrived; not in the future" error={errors.valueDate}>
        <KeptTextInput id="payment-value-date" name="valueDate" type="date" defaultValue={today()} error={errors.valueDate} hasHint />
      </Field>
      <Field id="payment-reference" label="Reference" hint="The wire or remittance reference" error={errors.reference}>
        <KeptTextInput id="payment-reference" name="reference" autoComplete="off" error={errors.reference} hasHint />
      </Field>
      <Field id="payment-statement" label="Statement it pays (optional)" hint="Money is applied to the oldest amount billed first either way" error={errors.statementId}>
        <Select id="payment-statement" name="statementId" defaultValue="" error={errors.statementId} hasHint>
          <option value="">Not stated</option>
          {statements.map((s) => (
            <option key={s.id} value={s.id}>
              Due {s.dueOn} ({formatUsd(s.outstanding)} outstanding)
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record payment"}
      </Button>
    </form>
  );
}

export function IssueStatementsForm({ caseId }: { caseId: string }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(issueStatementsAction, { status: "idle" });
  return (
    <form action={run} data-testid="issue-statements-form">
      <FormProblem state={state} title="Could not issue the statements" />
      <input type="hidden" name="caseId" value={caseId} />
      <p className="mb-3 text-sm">
        The daily job issues each quarter&apos;s statements on its own. Issuing now runs the same job for every case being billed; none gets its
        statement twice.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Issuing…" : "Issue statements now"}
      </Button>
    </form>
  );
}
