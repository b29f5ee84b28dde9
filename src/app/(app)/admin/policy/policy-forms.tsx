"use client";

import { useActionState, useState } from "react";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { decidePolicyChangeAction, proposePolicyChangeAction, recomputePolicyImpactAction } from "./actions";

/** A new row for one series: its value, the day it takes effect (today or later) and the source it rests on. */
export function ProposeChangeForm({ seriesKey, unit, today }: { seriesKey: string; unit: "PERCENT" | "DOLLARS" | "DAYS"; today: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(proposePolicyChangeAction, { status: "idle" });
  const [values, setValues] = useState({ value: "", days: "", dayKind: "CALENDAR", amberPercent: "75", effectiveFrom: "", source: "" });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate className="max-w-xl" data-testid="propose-form">
      <FormProblem state={state} title="The change was not proposed" />
      <input type="hidden" name="key" value={seriesKey} />
      {unit === "DAYS" ? (
        <>
          <Field id="days" label="Days" error={fields?.days}>
            <TextInput id="days" name="days" inputMode="numeric" value={values.days} onChange={set("days")} error={fields?.days} />
          </Field>
          <Field id="dayKind" label="Kind of days" error={fields?.dayKind}>
            <Select id="dayKind" name="dayKind" value={values.dayKind} onChange={set("dayKind")} error={fields?.dayKind}>
              <option value="CALENDAR">Calendar days</option>
              <option value="BUSINESS">Business days (weekdays except federal holidays)</option>
            </Select>
          </Field>
          <Field id="amberPercent" label="Turns amber at (percent of the target used)" error={fields?.amberPercent}>
            <TextInput id="amberPercent" name="amberPercent" inputMode="numeric" value={values.amberPercent} onChange={set("amberPercent")} error={fields?.amberPercent} />
          </Field>
        </>
      ) : (
        <Field
          id="value"
          label={unit === "PERCENT" ? "New rate, as a fraction" : "New amount in US dollars"}
          hint={unit === "PERCENT" ? "0.035 is 3.5%" : "Whole dollars or to the cent, without commas"}
          error={fields?.value}
        >
          <TextInput id="value" name="value" inputMode="decimal" value={values.value} onChange={set("value")} hasHint error={fields?.value} />
        </Field>
      )}
      <Field id="effectiveFrom" label="Takes effect on" hint={`Today (${today}) or later, as YYYY-MM-DD. Rows already in force never change.`} error={fields?.effectiveFrom}>
        <TextInput id="effectiveFrom" name="effectiveFrom" type="date" min={today} value={values.effectiveFrom} onChange={set("effectiveFrom")} hasHint error={fields?.effectiveFrom} />
      </Field>
      <Field id="source" label="Reason and source" hint="Cite the authority, e.g. the DSCA policy memo number and its date" error={fields?.source}>
        <Textarea id="source" name="source" value={values.source} onChange={set("source")} hasHint error={fields?.source} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Proposing…" : "Propose this change"}
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
      <FormProblem state={state} title="Nothing was decided" />
      {actions.includes("approve") && (
        <form action={action} noValidate className="max-w-xl rounded border border-base-lighter bg-white p-4" data-testid="approve-form">
          {hidden}
          <input type="hidden" name="decision" value="approve" />
          <h3 className="text-lg font-bold">Approve</h3>
          <p className="mb-3">{summary}</p>
          <div className={`mb-4 ${fields?.confirm ? "border-l-4 border-error-dark pl-3" : ""}`}>
            {fields?.confirm && (
              <p id="confirm-error" className="text-sm font-bold text-error-dark">
                {fields.confirm}
              </p>
            )}
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" className="mt-1 h-5 w-5" aria-describedby={fields?.confirm ? "confirm-error" : undefined} />
              <span>I have read the impact preview and the source, and I approve this change.</span>
            </label>
          </div>
          <Field id="approve-note" label="Note (optional)">
            <TextInput id="approve-note" name="note" />
          </Field>
          <Button type="submit" disabled={pending}>
            Approve the change
          </Button>
        </form>
      )}
      {actions.includes("reject") && (
        <form action={action} noValidate className="max-w-xl" data-testid="reject-form">
          {hidden}
          <input type="hidden" name="decision" value="reject" />
          <Field id="note" label="Why reject it" error={fields?.note}>
            <Textarea id="note" name="note" error={fields?.note} />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            Reject the proposal
          </Button>
        </form>
      )}
      {actions.includes("withdraw") && (
        <form action={action} noValidate data-testid="withdraw-form">
          {hidden}
          <input type="hidden" name="decision" value="withdraw" />
          <Button type="submit" variant="secondary" disabled={pending}>
            Withdraw my proposal
          </Button>
        </form>
      )}
    </div>
  );
}

export function RecomputeImpactForm({ changeId }: { changeId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(recomputePolicyImpactAction, { status: "idle" });
  return (
    <form action={action} className="mt-3">
      {state.status === "error" && <Alert type="error" title="The impact was not computed">{state.message}</Alert>}
      <input type="hidden" name="changeId" value={changeId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Computing…" : "Compute the impact again"}
      </Button>
    </form>
  );
}
