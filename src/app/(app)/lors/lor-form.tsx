"use client";

import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { ChecklistPanel } from "@/components/lor/checklist-panel";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select, Textarea, TextInput } from "@/components/ui/form";
import { evaluateChecklist, type ChecklistInput } from "@/domain/lor/checklist";
import {
  FINANCING_TYPES,
  LOA_TYPES,
  LOR_REQUEST_TYPES,
  UNITS_OF_ISSUE,
  requestRefersToCase,
  type AttachmentKind,
  type UnitOfIssue,
} from "@/domain/lor/codes";
import type { LorView } from "@/domain/schemas/lor";
import { useLabels } from "@/i18n/use-labels";
import type { ActionState } from "@/server/action-result";
import { saveLorAction } from "./actions";
import { AgencyOptions } from "./lor-action-forms";

// The letter-of-request form. Everything typed stays in the browser until "Save draft"; the checklist score updates
// on every keystroke from the same function the server runs at submission.

interface ItemValues {
  nomenclature: string;
  description: string;
  quantity: string;
  unitOfIssue: string;
  estimatedValue: string;
}
interface ContactValues {
  name: string;
  title: string;
  email: string;
  phone: string;
}
type YesNo = "" | "yes" | "no";

export interface LorFormValues {
  subject: string;
  originatorReference: string;
  originatorName: string;
  originatorAddress: string;
  requestType: string;
  relatedCaseIdentifier: string;
  loaType: string;
  preferredAgencyCode: string;
  items: ItemValues[];
  blanketValue: string;
  blanketCategory: string;
  financing: string;
  financingNotes: string;
  requestedDeliveryBy: string;
  deliveryNotes: string;
  thirdPartyInvolvement: YesNo;
  thirdPartyDetails: string;
  soleSourceRequested: YesNo;
  soleSourceContractor: string;
  soleSourceJustification: string;
  trainingNeeds: string;
  logisticsNeeds: string;
  transportationNeeds: string;
  pointsOfContact: ContactValues[];
  signatoryName: string;
  signatoryTitle: string;
  signatoryAuthority: string;
  signedOn: string;
}

const emptyItem = (): ItemValues => ({ nomenclature: "", description: "", quantity: "", unitOfIssue: "", estimatedValue: "" });
const emptyContact = (): ContactValues => ({ name: "", title: "", email: "", phone: "" });
const yesNo = (value: boolean | null): YesNo => (value === null ? "" : value ? "yes" : "no");
const fromYesNo = (value: YesNo) => (value === "" ? null : value === "yes");

export function formValuesFrom(lor: LorView | null): LorFormValues {
  const s = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    subject: s(lor?.subject),
    originatorReference: s(lor?.originatorReference),
    originatorName: s(lor?.originatorName),
    originatorAddress: s(lor?.originatorAddress),
    requestType: s(lor?.requestType),
    relatedCaseIdentifier: s(lor?.relatedCaseIdentifier),
    loaType: s(lor?.loaType),
    preferredAgencyCode: s(lor?.preferredAgency?.code),
    items: lor?.items.length
      ? lor.items.map((i) => ({ nomenclature: s(i.nomenclature), description: s(i.description), quantity: s(i.quantity), unitOfIssue: s(i.unitOfIssue), estimatedValue: s(i.estimatedValue) }))
      : [emptyItem()],
    blanketValue: s(lor?.blanketValue),
    blanketCategory: s(lor?.blanketCategory),
    financing: s(lor?.financing),
    financingNotes: s(lor?.financingNotes),
    requestedDeliveryBy: s(lor?.requestedDeliveryBy),
    deliveryNotes: s(lor?.deliveryNotes),
    thirdPartyInvolvement: yesNo(lor?.thirdPartyInvolvement ?? null),
    thirdPartyDetails: s(lor?.thirdPartyDetails),
    soleSourceRequested: yesNo(lor?.soleSourceRequested ?? null),
    soleSourceContractor: s(lor?.soleSourceContractor),
    soleSourceJustification: s(lor?.soleSourceJustification),
    trainingNeeds: s(lor?.trainingNeeds),
    logisticsNeeds: s(lor?.logisticsNeeds),
    transportationNeeds: s(lor?.transportationNeeds),
    pointsOfContact: lor?.pointsOfContact.length
      ? lor.pointsOfContact.map((c) => ({ name: s(c.name), title: s(c.title), email: s(c.email), phone: s(c.phone) }))
      : [emptyContact()],
    signatoryName: s(lor?.signatoryName),
    signatoryTitle: s(lor?.signatoryTitle),
    signatoryAuthority: s(lor?.signatoryAuthority),
    signedOn: s(lor?.signedOn),
  };
}

/** What the server receives: the same field names as the API. Blank text means "not filled in". */
function payloadFrom(values: LorFormValues) {
  const blanket = values.loaType === "BLANKET_ORDER";
  return {
    ...values,
    relatedCaseIdentifier: requestRefersToCase(values.requestType as never) ? values.relatedCaseIdentifier : "",
    items: blanket ? [] : values.items,
    blanketValue: blanket ? values.blanketValue : "",
    blanketCategory: blanket ? values.blanketCategory : "",
    thirdPartyInvolvement: fromYesNo(values.thirdPartyInvolvement),
    thirdPartyDetails: values.thirdPartyInvolvement === "yes" ? values.thirdPartyDetails : "",
    soleSourceRequested: fromYesNo(values.soleSourceRequested),
    soleSourceContractor: values.soleSourceRequested === "yes" ? values.soleSourceContractor : "",
    soleSourceJustification: values.soleSourceRequested === "yes" ? values.soleSourceJustification : "",
  };
}

const blankToNull = (value: string) => (value.trim() === "" ? null : value);

function checklistInputFrom(values: LorFormValues, attachmentKinds: readonly AttachmentKind[]): ChecklistInput {
  const payload = payloadFrom(values);
  return {
    ...Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, typeof v === "string" ? blankToNull(v) : v])),
    requestType: blankToNull(values.requestType) as ChecklistInput["requestType"],
    loaType: blankToNull(values.loaType) as ChecklistInput["loaType"],
    financing: blankToNull(values.financing) as ChecklistInput["financing"],
    items: payload.items
      .filter((i) => Object.values(i).some((v) => v.trim() !== ""))
      .map((i) => ({
        nomenclature: blankToNull(i.nomenclature),
        description: blankToNull(i.description),
        quantity: /^\s*\d+\s*$/.test(i.quantity) && Number(i.quantity) > 0 ? Number(i.quantity) : null,
        unitOfIssue: blankToNull(i.unitOfIssue) as UnitOfIssue | null,
        estimatedValue: blankToNull(i.estimatedValue),
      })),
    pointsOfContact: payload.pointsOfContact
      .filter((c) => Object.values(c).some((v) => v.trim() !== ""))
      .map((c) => ({ name: blankToNull(c.name), email: blankToNull(c.email) })),
    attachmentKinds,
  } as ChecklistInput;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <fieldset className="mb-6 rounded border border-base-lighter bg-white p-5" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="px-1 text-xl font-bold text-primary-darker">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

export function LorForm({
  lor,
  agencies,
  attachmentKinds = [],
}: {
  lor: LorView | null;
  agencies: { code: string; name: string }[];
  attachmentKinds?: readonly AttachmentKind[];
}) {
  const t = useTranslations("LorForm");
  const label = useLabels();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveLorAction, { status: "idle" });
  const [values, setValues] = useState<LorFormValues>(() => formValuesFrom(lor));
  const checklist = useMemo(() => evaluateChecklist(checklistInputFrom(values, attachmentKinds), todayIso()), [values, attachmentKinds]);
  const errors = state.status === "error" ? (state.fields ?? {}) : {};
  const set = <K extends keyof LorFormValues>(key: K, value: LorFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof LorFormValues) => ({
    id: key,
    name: key,
    value: values[key] as string,
    error: errors[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
  });
  const setItem = (index: number, key: keyof ItemValues, value: string) =>
    setValues((v) => ({ ...v, items: v.items.map((item, i) => (i === index ? { ...item, [key]: value } : item)) }));
  const setContact = (index: number, key: keyof ContactValues, value: string) =>
    setValues((v) => ({ ...v, pointsOfContact: v.pointsOfContact.map((c, i) => (i === index ? { ...c, [key]: value } : c)) }));
  const blanket = values.loaType === "BLANKET_ORDER";

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form action={action} noValidate data-testid="lor-form">
        <FormProblem state={state} title={t("notSaved")} />
        {Object.keys(errors).length > 1 && (
          <ul className="mb-4 list-disc ps-6 text-sm text-error-dark" data-testid="error-summary">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        )}
        <input type="hidden" name="lorId" value={lor?.id ?? ""} />
        <input type="hidden" name="expectedVersion" value={lor?.version ?? ""} />
        <input type="hidden" name="payload" value={JSON.stringify(payloadFrom(values))} />

        <Section title={t("sectionAbout")} id="about">
          <Field id="subject" label={t("subject")} hint={t("subjectHint")} error={errors.subject}>
            <TextInput {...text("subject")} hasHint maxLength={200} />
          </Field>
          <Field id="originatorReference" label={t("reference")} hint={t("referenceHint")} error={errors.originatorReference}>
            <TextInput {...text("originatorReference")} hasHint maxLength={64} />
          </Field>
          <Field id="originatorName" label={t("originatorName")} error={errors.originatorName}>
            <TextInput {...text("originatorName")} maxLength={200} />
          </Field>
          <Field id="originatorAddress" label={t("originatorAddress")} error={errors.originatorAddress}>
            <Textarea {...text("originatorAddress")} rows={3} />
          </Field>
          <RadioGroup
            name="requestType"
            legend={t("requestType")}
            hint={t("requestTypeHint")}
            error={errors.requestType}
            options={LOR_REQUEST_TYPES.map((type) => ({ value: type, label: label("lorRequestType", type) }))}
            value={values.requestType}
            onChange={(v) => set("requestType", v)}
          />
          {requestRefersToCase(values.requestType as never) && (
            <Field id="relatedCaseIdentifier" label={t("relatedCase")} hint={t("relatedCaseHint")} error={errors.relatedCaseIdentifier}>
              <TextInput {...text("relatedCaseIdentifier")} hasHint maxLength={16} />
            </Field>
          )}
          <RadioGroup
            name="loaType"
            legend={t("loaType")}
            error={errors.loaType}
            options={LOA_TYPES.map((type) => ({ value: type, label: label("loaType", type) }))}
            value={values.loaType}
            onChange={(v) => set("loaType", v)}
          />
          <Field id="preferredAgencyCode" label={t("preferredAgency")} error={errors.preferredAgencyCode}>
            <Select {...text("preferredAgencyCode")}>
              <option value="">{t("noPreference")}</option>
              <AgencyOptions agencies={agencies} />
            </Select>
          </Field>
        </Section>

        <Section title={blanket ? t("sectionBlanket") : t("sectionItems")} id="items">
          {blanket ? (
            <>
              <Field id="blanketValue" label={t("blanketValue")} hint={t("blanketValueHint")} error={errors.blanketValue}>
                <TextInput {...text("blanketValue")} hasHint inputMode="decimal" />
              </Field>
              <Field id="blanketCategory" label={t("blanketCategory")} hint={t("blanketCategoryHint")} error={errors.blanketCategory}>
                <TextInput {...text("blanketCategory")} hasHint maxLength={200} />
              </Field>
            </>
          ) : (
            <>
              {errors.items && <p className="mb-2 font-bold text-error-dark">{errors.items}</p>}
              {values.items.map((item, index) => {
                const id = (key: string) => `items.${index}.${key}`;
                return (
                  <div key={index} className="mb-4 border-b border-base-lighter pb-4" data-testid="item-row">
                    <div className="flex items-baseline justify-between">
                      <h3 className="text-lg">{t("itemHeading", { number: index + 1 })}</h3>
                      {values.items.length > 1 && (
                        <Button type="button" variant="unstyled" onClick={() => set("items", values.items.filter((_, i) => i !== index))}>
                          {t("removeItem", { number: index + 1 })}
                        </Button>
                      )}
                    </div>
                    <Field id={id("nomenclature")} label={t("nomenclature")} hint={t("nomenclatureHint")} error={errors[id("nomenclature")]}>
                      <TextInput id={id("nomenclature")} value={item.nomenclature} onChange={(e) => setItem(index, "nomenclature", e.target.value)} hasHint error={errors[id("nomenclature")]} maxLength={200} />
                    </Field>
                    <Field id={id("description")} label={t("description")} hint={t("descriptionHint")} error={errors[id("description")]}>
                      <Textarea id={id("description")} value={item.description} onChange={(e) => setItem(index, "description", e.target.value)} hasHint error={errors[id("description")]} />
                    </Field>
                    <div className="flex flex-wrap gap-4">
                      <Field id={id("quantity")} label={t("quantity")} error={errors[id("quantity")]}>
                        <TextInput id={id("quantity")} value={item.quantity} onChange={(e) => setItem(index, "quantity", e.target.value)} inputMode="numeric" error={errors[id("quantity")]} />
                      </Field>
                      <Field id={id("unitOfIssue")} label={t("unitOfIssue")} error={errors[id("unitOfIssue")]}>
                        <Select id={id("unitOfIssue")} value={item.unitOfIssue} onChange={(e) => setItem(index, "unitOfIssue", e.target.value)} error={errors[id("unitOfIssue")]}>
                          <option value="">{t("choose")}</option>
                          {UNITS_OF_ISSUE.map((u) => (
                            <option key={u} value={u}>
                              {label("unitOfIssue", u)} ({u})
                            </option>
                          ))}
                        </Select>
                      </Field>
                      <Field id={id("estimatedValue")} label={t("estimatedValue")} error={errors[id("estimatedValue")]}>
                        <TextInput id={id("estimatedValue")} value={item.estimatedValue} onChange={(e) => setItem(index, "estimatedValue", e.target.value)} inputMode="decimal" error={errors[id("estimatedValue")]} />
                      </Field>
                    </div>
                  </div>
                );
              })}
              <Button type="button" variant="secondary" onClick={() => set("items", [...values.items, emptyItem()])} disabled={values.items.length >= 200}>
                {t("addItem")}
              </Button>
            </>
          )}
        </Section>

        <Section title={t("sectionFunding")} id="funding">
          <RadioGroup
            name="financing"
            legend={t("financing")}
            error={errors.financing}
            options={FINANCING_TYPES.map((type) => ({ value: type, label: label("financing", type) }))}
            value={values.financing}
            onChange={(v) => set("financing", v)}
          />
          <Field id="financingNotes" label={values.financing === "MIXED" ? t("financingSplit") : t("financingNotes")} error={errors.financingNotes}>
            <Textarea {...text("financingNotes")} />
          </Field>
          <Field id="requestedDeliveryBy" label={t("deliveryBy")} hint={t("deliveryByHint")} error={errors.requestedDeliveryBy}>
            <TextInput {...text("requestedDeliveryBy")} type="date" hasHint />
          </Field>
          <Field id="deliveryNotes" label={t("deliveryNotes")} error={errors.deliveryNotes}>
            <Textarea {...text("deliveryNotes")} />
          </Field>
        </Section>

        <Section title={t("sectionParties")} id="parties">
          <RadioGroup
            name="thirdPartyInvolvement"
            legend={t("thirdParty")}
            hint={t("thirdPartyHint")}
            error={errors.thirdPartyInvolvement}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
            value={values.thirdPartyInvolvement}
            onChange={(v) => set("thirdPartyInvolvement", v as YesNo)}
          />
          {values.thirdPartyInvolvement === "yes" && (
            <Field id="thirdPartyDetails" label={t("thirdPartyDetails")} error={errors.thirdPartyDetails}>
              <Textarea {...text("thirdPartyDetails")} />
            </Field>
          )}
          <RadioGroup
            name="soleSourceRequested"
            legend={t("soleSource")}
            error={errors.soleSourceRequested}
            options={[
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
            value={values.soleSourceRequested}
            onChange={(v) => set("soleSourceRequested", v as YesNo)}
          />
          {values.soleSourceRequested === "yes" && (
            <>
              <Field id="soleSourceContractor" label={t("soleSourceContractor")} error={errors.soleSourceContractor}>
                <TextInput {...text("soleSourceContractor")} maxLength={200} />
              </Field>
              <Field id="soleSourceJustification" label={t("soleSourceJustification")} error={errors.soleSourceJustification}>
                <Textarea {...text("soleSourceJustification")} rows={4} />
              </Field>
            </>
          )}
        </Section>

        <Section title={t("sectionSupport")} id="support">
          <Field id="trainingNeeds" label={t("training")} hint={t("trainingHint")} error={errors.trainingNeeds}>
            <Textarea {...text("trainingNeeds")} hasHint />
          </Field>
          <Field id="logisticsNeeds" label={t("logistics")} hint={t("logisticsHint")} error={errors.logisticsNeeds}>
            <Textarea {...text("logisticsNeeds")} hasHint />
          </Field>
          <Field id="transportationNeeds" label={t("transportation")} error={errors.transportationNeeds}>
            <Textarea {...text("transportationNeeds")} />
          </Field>
        </Section>

        <Section title={t("sectionContacts")} id="contacts">
          {values.pointsOfContact.map((contact, index) => {
            const id = (key: string) => `pointsOfContact.${index}.${key}`;
            return (
              <div key={index} className="mb-4 border-b border-base-lighter pb-4" data-testid="contact-row">
                <div className="flex items-baseline justify-between">
                  <h3 className="text-lg">{t("contactHeading", { number: index + 1 })}</h3>
                  {values.pointsOfContact.length > 1 && (
                    <Button type="button" variant="unstyled" onClick={() => set("pointsOfContact", values.pointsOfContact.filter((_, i) => i !== index))}>
                      {t("removeContact", { number: index + 1 })}
                    </Button>
                  )}
                </div>
                <div className="grid gap-x-4 sm:grid-cols-2">
                  {(["name", "title", "email", "phone"] as const).map((key) => (
                    <Field key={key} id={id(key)} label={{ name: t("contactName"), title: t("contactTitle"), email: t("contactEmail"), phone: t("contactPhone") }[key]} error={errors[id(key)]}>
                      <TextInput
                        id={id(key)}
                        type={key === "email" ? "email" : key === "phone" ? "tel" : "text"}
                        value={contact[key]}
                        onChange={(e) => setContact(index, key, e.target.value)}
                        error={errors[id(key)]}
                      />
                    </Field>
                  ))}
                </div>
              </div>
            );
          })}
          <Button type="button" variant="secondary" onClick={() => set("pointsOfContact", [...values.pointsOfContact, emptyContact()])} disabled={values.pointsOfContact.length >= 10}>
            {t("addContact")}
          </Button>
        </Section>

        <Section title={t("sectionSignatory")} id="signatory">
          <Field id="signatoryName" label={t("signatoryName")} error={errors.signatoryName}>
            <TextInput {...text("signatoryName")} maxLength={120} />
          </Field>
          <Field id="signatoryTitle" label={t("signatoryTitle")} error={errors.signatoryTitle}>
            <TextInput {...text("signatoryTitle")} maxLength={120} />
          </Field>
          <Field id="signatoryAuthority" label={t("signatoryAuthority")} hint={t("signatoryAuthorityHint")} error={errors.signatoryAuthority}>
            <Textarea {...text("signatoryAuthority")} hasHint />
          </Field>
          <Field id="signedOn" label={t("signedOn")} error={errors.signedOn}>
            <TextInput {...text("signedOn")} type="date" />
          </Field>
        </Section>

        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" name="intent" value="save" disabled={pending}>
            {pending ? t("saving") : t("saveDraft")}
          </Button>
          <Button type="submit" name="intent" value="submit" variant="secondary" disabled={pending || !checklist.ready} aria-describedby="submit-hint">
            {t("saveAndSubmit")}
          </Button>
          <p id="submit-hint" className="text-sm text-base-dark">
            {checklist.ready ? t("ready") : t("notReady")}
          </p>
        </div>
      </form>
      <aside className="order-first lg:sticky lg:top-4 lg:order-last lg:self-start">
        <ChecklistPanel score={checklist.score} criteria={checklist.criteria} heading={t("completeness")} />
      </aside>
    </div>
  );
}
