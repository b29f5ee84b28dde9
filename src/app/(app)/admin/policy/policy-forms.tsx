"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { decidePolicyChangeAction, proposePolicyChangeAction, recomputePolicyImpactAction } from "./actions";

/** A new row for one series: its value, the day it takes effect (today or later) and the source it rests on. */
export function ProposeChangeForm({ seriesKey, unit, today }: { seriesKey: string; unit: "PERCENT" | "DOLLARS" | "DAYS"; today: string }) {
  const t = useTranslations("PolicyForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(proposePolicyChangeAction, { status: "idle" });
  const [values, setValues] = useState({ value: "", days: "", dayKind: "CALENDAR", amberPercent: "75", effectiveFrom: "", source: "" });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate className="max-w-xl" data-testid="propose-form">
      <FormProblem state={state} title={t("proposeProblem")} />
      <input type="hidden" name="key" value={seriesKey} />
      {unit === "DAYS" ? (
        <>
          <Field id="days" label={t("days")} error={fields?.days}>
            <TextInput id="days" name="days" inputMode="numeric" value={values.days} onChange={set("days")} error={fields?.days} />
          </Field>
          <Field id="dayKind" label={t("dayKind")} error={fields?.dayKind}>
            <Select id="dayKind" name="dayKind" value={values.dayKind} onChange={set("dayKind")} error={fields?.dayKind}>
              <option value="CALENDAR">{t("calendarDays")}</option>
              <option value="BUSINESS">{t("businessDays")}</option>
            </Select>
          </Field>
          <Field id="amberPercent" label={t("amberPercent")} error={fields?.amberPercent}>
            <TextInput id="amberPercent" name="amberPercent" inputMode="numeric" value={values.amberPercent} onChange={set("amberPercent")} error={fields?.amberPercent} />
          </Field>
        </>
      ) : (
        <Field
          id="value"
          label={unit === "PERCENT" ? t("newRate") : t("newAmount")}
          hint={unit === "PERCENT" ? t("newRateHint") : t("newAmountHint")}
          error={fields?.value}
        >
          <TextInput id="value" name="value" inputMode="decimal" value={values.value} onChange={set("value")} hasHint error={fields?.value} />
        </Field>
      )}
      <Field id="effectiveFrom" label={t("effectiveFrom")} hint={t("effectiveFromHint", { today })} error={fields?.effectiveFrom}>
        <TextInput id="effectiveFrom" name="effectiveFrom" type="date" min={today} value={values.effectiveFrom} onChange={set("effectiveFrom")} hasHint error={fields?.effectiveFrom} />
      </Field>
      <Field id="source" label={t("source")} hint={t("sourceHint")} error={fields?.source}>
        <Textarea id="source" name="source" value={values.source} onChange={set("source")} hasHint error={fields?.source} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("proposing") : t("propose")}
      </Button>
    </form>
  );
}

/** Approve (with an explicit confirmation), reject (saying why) or withdraw a waiting proposal. */
export function DecisionForms({
  changeId,
  version,
  actions,
  summary,
}: {
  changeId: string;
  version: number;
  actions: readonly ("approve" | "reject" | "withdraw")[];
  /** What approving commits to, in one sentence (series, value, date). */
  summary: string;
}) {
  const t = useTranslations("PolicyForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(decidePolicyChangeAction, { status: "idle" });
  const fields = state.status === "error" ? state.fields : undefined;
  const hidden = (
    <>
      <input type="hidden" name="changeId" value={changeId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
  return (
    <div className="space-y-6" data-testid="decision-forms">
      <FormProblem state={state} title={t("decideProblem")} />
      {actions.includes("approve") && (
        <form action={action} noValidate className="max-w-xl rounded border border-base-lighter bg-white p-4" data-testid="approve-form">
          {hidden}
          <input type="hidden" name="decision" value="approve" />
          <h3 className="text-lg font-bold">{t("approveHeading")}</h3>
          <p className="mb-3">{summary}</p>
          <div className={`mb-4 ${fields?.confirm ? "border-s-4 border-error-dark ps-3" : ""}`}>
            {fields?.confirm && (
              <p id="confirm-error" className="text-sm font-bold text-error-dark">
                {fields.confirm}
              </p>
            )}
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" className="mt-1 h-5 w-5" aria-describedby={fields?.confirm ? "confirm-error" : undefined} />
              <span>{t("confirm")}</span>
            </label>
          </div>
          <Field id="approve-note" label={t("note")}>
            <TextInput id="approve-note" name="note" />
          </Field>
          <Button type="submit" disabled={pending}>
            {t("approve")}
          </Button>
        </form>
      )}
      {actions.includes("reject") && (
        <form action={action} noValidate className="max-w-xl" data-testid="reject-form">
          {hidden}
          <input type="hidden" name="decision" value="reject" />
          <Field id="note" label={t("rejectReason")} error={fields?.note}>
            <Textarea id="note" name="note" error={fields?.note} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("reject")}
          </Button>
        </form>
      )}
      {actions.includes("withdraw") && (
        <form action={action} noValidate data-testid="withdraw-form">
          {hidden}
          <input type="hidden" name="decision" value="withdraw" />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("withdraw")}
          </Button>
        </form>
      )}
    </div>
  );
}

export function RecomputeImpactForm({ changeId }: { changeId: string }) {
  const t = useTranslations("PolicyForms");
  const [state, action, pending] = useActionState<ActionState, FormData>(recomputePolicyImpactAction, { status: "idle" });
  return (
    <form action={action} className="mt-3">
      {state.status === "error" && <Alert type="error" title={t("recomputeProblem")}>{state.message}</Alert>}
      <input type="hidden" name="changeId" value={changeId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("computing") : t("recompute")}
      </Button>
    </form>
  );
}
