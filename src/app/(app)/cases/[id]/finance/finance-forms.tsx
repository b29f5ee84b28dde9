"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import { KeptTextInput } from "@/components/ui/kept-inputs";
import { useFormats } from "@/i18n/use-formats";
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
  const t = useTranslations("FinanceForms");
  const f = useFormats();
  return (
    <form action={run} noValidate data-testid="record-payment-form">
      <FormProblem state={state} title={t("paymentProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field id="payment-amount" label={t("amount")} hint={t("amountHint")} error={errors.amount}>
        <KeptTextInput id="payment-amount" name="amount" inputMode="decimal" error={errors.amount} hasHint />
      </Field>
      <Field id="payment-value-date" label={t("valueDate")} hint={t("valueDateHint")} error={errors.valueDate}>
        <KeptTextInput id="payment-value-date" name="valueDate" type="date" defaultValue={today()} error={errors.valueDate} hasHint />
      </Field>
      <Field id="payment-reference" label={t("reference")} hint={t("referenceHint")} error={errors.reference}>
        <KeptTextInput id="payment-reference" name="reference" autoComplete="off" error={errors.reference} hasHint />
      </Field>
      <Field id="payment-statement" label={t("statement")} hint={t("statementHint")} error={errors.statementId}>
        <Select id="payment-statement" name="statementId" defaultValue="" error={errors.statementId} hasHint>
          <option value="">{t("notStated")}</option>
          {statements.map((s) => (
            <option key={s.id} value={s.id}>
              {t("statementOption", { due: s.dueOn, outstanding: f.usd(s.outstanding) })}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("recording") : t("recordPayment")}
      </Button>
    </form>
  );
}

export function IssueStatementsForm({ caseId }: { caseId: string }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(issueStatementsAction, { status: "idle" });
  const t = useTranslations("FinanceForms");
  return (
    <form action={run} data-testid="issue-statements-form">
      <FormProblem state={state} title={t("issueProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <p className="mb-3 text-sm">
        {t("issueExplanation")}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("issuing") : t("issueNow")}
      </Button>
    </form>
  );
}
