"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select } from "@/components/ui/form";
import { KeptTextarea, KeptTextInput } from "@/components/ui/kept-inputs";
import { SDR_DECISIONS, SDR_TYPES } from "@/domain/execution/sdr";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import type { Formats } from "@/lib/format";
import type { SdrFilingShipment } from "@/domain/schemas/sdr";
import type { ActionState } from "@/server/action-result";
import { acceptSdrDecisionAction, attachSdrAction, commentSdrAction, decideSdrAction, fileSdrAction, reconsiderSdrAction } from "./actions";

/** A calendar day ("2026-03-01") in the reader's words, the same day for every reader. */
const dateText = (f: Formats, iso: string) => f.date(`${iso}T00:00:00Z`);

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
  const t = useTranslations("SdrForms");
  const f = useFormats();
  const label = useLabels();
  return (
    <form action={run} noValidate data-testid="file-sdr-form">
      <FormProblem state={state} title={t("fileProblem")} />
      <input type="hidden" name="caseId" value={caseId} />
      <Field id="sdr-shipment" label={t("shipment")} hint={t("shipmentHint")} error={errors.shipmentId}>
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
              {t("shipmentOption", { line: s.lineNumber, document: s.documentNumber, quantity: String(s.quantity), date: dateText(f, s.receivedOn) })}
              {s.open ? (s.lastDay ? t("reportBy", { date: dateText(f, s.lastDay) }) : "") : t("windowClosed")}
            </option>
          ))}
        </Select>
        {chosen && (
          <p className="mt-1 text-sm text-base-dark" data-testid="sdr-shipment-facts">
            {t("shipmentFacts", { tracking: chosen.trackingReference, value: f.usd(chosen.value), quantity: String(chosen.quantity) })}
          </p>
        )}
      </Field>
      <RadioGroup
        name="type"
        idPrefix="sdr-type"
        legend={t("whatIsWrong")}
        hint={(SDR_TYPES as readonly string[]).includes(type) ? t(`typeHint.${type as (typeof SDR_TYPES)[number]}`) : undefined}
        error={errors.type}
        options={SDR_TYPES.map((value) => ({ value, label: label("sdrType", value) }))}
        value={type}
        onChange={setType}
      />
      <Field
        id="sdr-quantity"
        label={type === "BILLING_ERROR" ? t("quantityOptional") : t("quantity")}
        hint={chosen ? t("quantityHintMax", { quantity: String(chosen.quantity) }) : t("quantityHint")}
        error={errors.quantityAffected}
      >
        <KeptTextInput id="sdr-quantity" name="quantityAffected" inputMode="numeric" autoComplete="off" hasHint error={errors.quantityAffected} />
      </Field>
      <Field
        id="sdr-value"
        label={t("value")}
        hint={t("valueHint", {
          max: chosen ? t("valueHintMax", { value: f.usd(chosen.value) }) : "",
          min: minimum ? t("valueHintMin", { value: f.usd(minimum) }) : ".",
        })}
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
              {t("informationOnly")}
            </label>
            <p id="sdr-information-only-hint" className="text-sm text-base-dark">
              {t("informationOnlyHint")}
            </p>
          </div>
        </div>
      </div>
      <Field id="sdr-description" label={t("description")} hint={t("descriptionHint")} error={errors.description}>
        <KeptTextarea id="sdr-description" name="description" rows={5} hasHint error={errors.description} />
      </Field>
      <FileInput
        id="sdr-files"
        label={t("files")}
        error={errors.file}
        hint={state.status === "error" ? t("filesHintAgain") : t("filesHint")}
      />
      <Button type="submit" disabled={pending || open.length === 0}>
        {pending ? t("filing") : t("file")}
      </Button>
    </form>
  );
}

/** The agency's decision: credit (with its amount), replacement, repair and return, or rejection (with a reason). */
export function DecideSdrForm({ report, valueAffected, final, informationOnly }: { report: Report; valueAffected: string; final: boolean; informationOnly: boolean }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(decideSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const [decision, setDecision] = useState(informationOnly ? "REPLACEMENT" : "CREDIT");
  const t = useTranslations("SdrForms");
  const f = useFormats();
  const label = useLabels();
  return (
    <form action={run} noValidate data-testid="decide-sdr-form">
      <FormProblem state={state} title={t("decideProblem")} />
      <ReportFields report={report} />
      {final && <p className="mb-3 text-sm">{t("finalNote")}</p>}
      <RadioGroup
        name="decision"
        idPrefix="sdr-decision"
        legend={t("decision")}
        error={errors.decision}
        options={SDR_DECISIONS.filter((d) => !(informationOnly && d === "CREDIT")).map((d) => ({ value: d, label: label("sdrDecision", d) }))}
        value={decision}
        onChange={setDecision}
      />
      {decision === "CREDIT" && (
        <Field id="sdr-credit" label={t("credit")}
          hint={t("creditHint", { value: f.usd(valueAffected) })} error={errors.creditAmount}>
          <KeptTextInput id="sdr-credit" name="creditAmount" inputMode="decimal" autoComplete="off" hasHint error={errors.creditAmount} />
        </Field>
      )}
      <Field
        id="sdr-reason"
        label={decision === "REJECTED" ? t("reasonReject") : t("reasonOptional")}
        hint={t("reasonHint")}
        error={errors.reason}
      >
        <KeptTextarea id="sdr-reason" name="reason" rows={3} hasHint error={errors.reason} />
      </Field>
      <Button type="submit" variant={decision === "REJECTED" ? "danger" : "primary"} disabled={pending}>
        {pending ? t("recording") : t("recordDecision")}
      </Button>
    </form>
  );
}

/** The partner's one request for reconsideration, within the window. */
export function ReconsiderSdrForm({ report, lastDay }: { report: Report; lastDay: string | null }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(reconsiderSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const t = useTranslations("SdrForms");
  const f = useFormats();
  return (
    <form action={run} noValidate data-testid="reconsider-sdr-form">
      <FormProblem state={state} title={t("reconsiderProblem")} />
      <ReportFields report={report} />
      <p className="mb-3 text-sm">
        {lastDay ? t("askOnceUntil", { date: dateText(f, lastDay) }) : t("askOnce")}
      </p>
      <Field id="sdr-reconsider-reason" label={t("whyReconsider")} error={errors.reason}>
        <KeptTextarea id="sdr-reconsider-reason" name="reason" rows={4} error={errors.reason} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("sending") : t("askReconsideration")}
      </Button>
    </form>
  );
}

/** The partner takes the decision as final, without waiting for the reconsideration window to end. */
export function AcceptSdrDecisionForm({ report }: { report: Report }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(acceptSdrDecisionAction, { status: "idle" });
  const t = useTranslations("SdrForms");
  return (
    <form action={run} noValidate data-testid="accept-sdr-form" className="mt-4 border-t border-base-lighter pt-4">
      <FormProblem state={state} title={t("acceptProblem")} />
      <ReportFields report={report} />
      <p className="mb-3 text-sm">{t("acceptNote")}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("accepting") : t("accept")}
      </Button>
    </form>
  );
}

/** A comment; U.S. Government staff choose whether the partner may read it. */
export function SdrCommentForm({ report, partner }: { report: Report; partner: boolean }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(commentSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const [visibility, setVisibility] = useState("USG_INTERNAL");
  const t = useTranslations("SdrForms");
  return (
    <form action={run} noValidate className="mt-4" data-testid="sdr-comment-form">
      <FormProblem state={state} title={t("commentProblem")} />
      <ReportFields report={report} />
      <Field id="sdr-comment" label={t("comment")} hint={partner ? t("commentHintPartner") : undefined} error={errors.text}>
        <KeptTextarea id="sdr-comment" name="text" rows={3} hasHint={partner} error={errors.text} />
      </Field>
      {!partner && (
        <RadioGroup
          name="visibility"
          idPrefix="sdr-comment-visibility"
          legend={t("whoMayRead")}
          hint={t("whoMayReadHint")}
          error={errors.visibility}
          options={[
            { value: "USG_INTERNAL", label: t("usgOnly") },
            { value: "PARTNER_VISIBLE", label: t("alsoPartner") },
          ]}
          value={visibility}
          onChange={setVisibility}
        />
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("adding") : t("addComment")}
      </Button>
    </form>
  );
}

/** More photos or documents on the report. */
export function SdrAttachForm({ report }: { report: Report }) {
  const [state, run, pending] = useActionState<ActionState, FormData>(attachSdrAction, { status: "idle" });
  const errors = errorsOf(state);
  const t = useTranslations("SdrForms");
  return (
    <form action={run} noValidate className="mt-4 rounded border border-base-lighter bg-base-lightest p-4" data-testid="sdr-attach-form">
      <FormProblem state={state} title={t("attachProblem")} />
      <ReportFields report={report} />
      <FileInput id="sdr-more-files" label={t("moreFiles")} error={errors.file} hint={t("moreFilesHint")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("uploading") : t("attach")}
      </Button>
    </form>
  );
}
