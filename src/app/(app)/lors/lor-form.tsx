"use client";

import { useActionState, useMemo, useState } from "react";
import { ChecklistPanel } from "@/components/lor/checklist-panel";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup, Select, Textarea, TextInput } from "@/components/ui/form";
import { evaluateChecklist, type ChecklistInput } from "@/domain/lor/checklist";
import {
  FINANCING_LABELS,
  FINANCING_TYPES,
  LOA_TYPE_LABELS,
  LOA_TYPES,
  LOR_REQUEST_TYPE_LABELS,
  LOR_REQUEST_TYPES,
  UNIT_OF_ISSUE_LABELS,
  UNITS_OF_ISSUE,
  requestRefersToCase,
  type AttachmentKind,
  type UnitOfIssue,
} from "@/domain/lor/codes";
import type { LorView } from "@/domain/schemas/lor";
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
        <FormProblem state={state} title="Your letter was not saved" />
        {Object.keys(errors).length > 1 && (
          <ul className="mb-4 list-disc pl-6 text-sm text-error-dark" data-testid="error-summary">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        )}
        <input type="hidden" name="lorId" value={lor?.id ?? ""} />
        <input type="hidden" name="expectedVersion" value={lor?.version ?? ""} />
        <input type="hidden" name="payload" value={JSON.stringify(payloadFrom(values))} />

        <Section title="About this request" id="about">
          <Field id="subject" label="Subject" hint="A short title, for example: Counterfire radars and training" error={errors.subject}>
            <TextInput {...text("subject")} hasHint maxLength={200} />
          </Field>
          <Field id="originatorReference" label="Your reference number" hint="Your own traceable reference, such as the letter's serial number" error={errors.originatorReference}>
            <TextInput {...text("originatorReference")} hasHint maxLength={64} />
          </Field>
          <Field id="originatorName" label="Originating office" error={errors.originatorName}>
            <TextInput {...text("originatorName")} maxLength={200} />
          </Field>
          <Field id="originatorAddress" label="Office address" error={errors.originatorAddress}>
            <Textarea {...text("originatorAddress")} rows={3} />
          </Field>
          <RadioGroup
            name="requestType"
            legend="What are you asking for?"
            hint="P&A data is a rough, non-binding estimate. An LOA is a formal offer."
            error={errors.requestType}
            options={LOR_REQUEST_TYPES.map((t) => ({ value: t, label: LOR_REQUEST_TYPE_LABELS[t] }))}
            value={values.requestType}
            onChange={(v) => set("requestType", v)}
          />
          {requestRefersToCase(values.requestType as never) && (
            <Field id="relatedCaseIdentifier" label="Existing case" hint="The case identifier, like BN-B-ZAA" error={errors.relatedCaseIdentifier}>
              <TextInput {...text("relatedCaseIdentifier")} hasHint maxLength={16} />
            </Field>
          )}
          <RadioGroup
            name="loaType"
            legend="Type of LOA you want"
            error={errors.loaType}
            options={LOA_TYPES.map((t) => ({ value: t, label: LOA_TYPE_LABELS[t] }))}
            value={values.loaType}
            onChange={(v) => set("loaType", v)}
          />
          <Field id="preferredAgencyCode" label="Preferred implementing agency (optional)" error={errors.preferredAgencyCode}>
            <Select {...text("preferredAgencyCode")}>
              <option value="">No preference</option>
              <AgencyOptions agencies={agencies} />
            </Select>
          </Field>
        </Section>

        <Section title={blanket ? "Blanket order" : "Articles and services"} id="items">
          {blanket ? (
            <>
              <Field id="blanketValue" label="Requested dollar value" hint="US dollars, for example 2500000.00" error={errors.blanketValue}>
                <TextInput {...text("blanketValue")} hasHint inputMode="decimal" />
              </Field>
              <Field id="blanketCategory" label="Category of items or services" hint="For example: follow-on spare parts for F-16 aircraft" error={errors.blanketCategory}>
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
                      <h3 className="text-lg">Item {index + 1}</h3>
                      {values.items.length > 1 && (
                        <Button type="button" variant="unstyled" onClick={() => set("items", values.items.filter((_, i) => i !== index))}>
                          Remove item {index + 1}
                        </Button>
                      )}
                    </div>
                    <Field id={id("nomenclature")} label="Nomenclature" hint="What the item is called, e.g. AN/TPQ-53 radar" error={errors[id("nomenclature")]}>
                      <TextInput id={id("nomenclature")} value={item.nomenclature} onChange={(e) => setItem(index, "nomenclature", e.target.value)} hasHint error={errors[id("nomenclature")]} maxLength={200} />
                    </Field>
                    <Field id={id("description")} label="Description and configuration" hint="Enough detail to estimate the cost: model, configuration, options" error={errors[id("description")]}>
                      <Textarea id={id("description")} value={item.description} onChange={(e) => setItem(index, "description", e.target.value)} hasHint error={errors[id("description")]} />
                    </Field>
                    <div className="flex flex-wrap gap-4">
                      <Field id={id("quantity")} label="Quantity" error={errors[id("quantity")]}>
                        <TextInput id={id("quantity")} value={item.quantity} onChange={(e) => setItem(index, "quantity", e.target.value)} inputMode="numeric" error={errors[id("quantity")]} />
                      </Field>
                      <Field id={id("unitOfIssue")} label="Unit of issue" error={errors[id("unitOfIssue")]}>
                        <Select id={id("unitOfIssue")} value={item.unitOfIssue} onChange={(e) => setItem(index, "unitOfIssue", e.target.value)} error={errors[id("unitOfIssue")]}>
                          <option value="">Choose</option>
                          {UNITS_OF_ISSUE.map((u) => (
                            <option key={u} value={u}>
                              {UNIT_OF_ISSUE_LABELS[u]} ({u})
                            </option>
                          ))}
                        </Select>
                      </Field>
                      <Field id={id("estimatedValue")} label="Estimated value, US$ (optional)" error={errors[id("estimatedValue")]}>
                        <TextInput id={id("estimatedValue")} value={item.estimatedValue} onChange={(e) => setItem(index, "estimatedValue", e.target.value)} inputMode="decimal" error={errors[id("estimatedValue")]} />
                      </Field>
                    </div>
                  </div>
                );
              })}
              <Button type="button" variant="secondary" onClick={() => set("items", [...values.items, emptyItem()])} disabled={values.items.length >= 200}>
                Add another item
              </Button>
            </>
          )}
        </Section>

        <Section title="Funding and delivery" id="funding">
          <RadioGroup
            name="financing"
            legend="How do you propose to pay?"
            error={errors.financing}
            options={FINANCING_TYPES.map((t) => ({ value: t, label: FINANCING_LABELS[t] }))}
            value={values.financing}
            onChange={(v) => set("financing", v)}
          />
          <Field id="financingNotes" label={values.financing === "MIXED" ? "How are the funds split?" : "Financing details (optional)"} error={errors.financingNotes}>
            <Textarea {...text("financingNotes")} />
          </Field>
          <Field id="requestedDeliveryBy" label="Delivery needed by" hint="A date in the future" error={errors.requestedDeliveryBy}>
            <TextInput {...text("requestedDeliveryBy")} type="date" hasHint />
          </Field>
          <Field id="deliveryNotes" label="Delivery details (optional)" error={errors.deliveryNotes}>
            <Textarea {...text("deliveryNotes")} />
          </Field>
        </Section>

        <Section title="Third parties and contractors" id="parties">
          <RadioGroup
            name="thirdPartyInvolvement"
            legend="Will anyone other than your government's officers or employees take part?"
            hint="For example, a private company acting for your government"
            error={errors.thirdPartyInvolvement}
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            value={values.thirdPartyInvolvement}
            onChange={(v) => set("thirdPartyInvolvement", v as YesNo)}
          />
          {values.thirdPartyInvolvement === "yes" && (
            <Field id="thirdPartyDetails" label="Who are they, and what is their role?" error={errors.thirdPartyDetails}>
              <Textarea {...text("thirdPartyDetails")} />
            </Field>
          )}
          <RadioGroup
            name="soleSourceRequested"
            legend="Do you ask for a specific contractor (sole source)?"
            error={errors.soleSourceRequested}
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            value={values.soleSourceRequested}
            onChange={(v) => set("soleSourceRequested", v as YesNo)}
          />
          {values.soleSourceRequested === "yes" && (
            <>
              <Field id="soleSourceContractor" label="Contractor you request" error={errors.soleSourceContractor}>
                <TextInput {...text("soleSourceContractor")} maxLength={200} />
              </Field>
              <Field id="soleSourceJustification" label="Why this contractor?" error={errors.soleSourceJustification}>
                <Textarea {...text("soleSourceJustification")} rows={4} />
              </Field>
            </>
          )}
        </Section>

        <Section title="Training, logistics and transportation" id="support">
          <Field id="trainingNeeds" label="Training needs" hint="Write 'None' if there are none" error={errors.trainingNeeds}>
            <Textarea {...text("trainingNeeds")} hasHint />
          </Field>
          <Field id="logisticsNeeds" label="Logistics support needs" hint="Spares, maintenance, publications" error={errors.logisticsNeeds}>
            <Textarea {...text("logisticsNeeds")} hasHint />
          </Field>
          <Field id="transportationNeeds" label="Transportation preference" error={errors.transportationNeeds}>
            <Textarea {...text("transportationNeeds")} />
          </Field>
        </Section>

        <Section title="Points of contact" id="contacts">
          {values.pointsOfContact.map((contact, index) => {
            const id = (key: string) => `pointsOfContact.${index}.${key}`;
            return (
              <div key={index} className="mb-4 border-b border-base-lighter pb-4" data-testid="contact-row">
                <div className="flex items-baseline justify-between">
                  <h3 className="text-lg">Contact {index + 1}</h3>
                  {values.pointsOfContact.length > 1 && (
                    <Button type="button" variant="unstyled" onClick={() => set("pointsOfContact", values.pointsOfContact.filter((_, i) => i !== index))}>
                      Remove contact {index + 1}
                    </Button>
                  )}
                </div>
                <div className="grid gap-x-4 sm:grid-cols-2">
                  {(["name", "title", "email", "phone"] as const).map((key) => (
                    <Field key={key} id={id(key)} label={{ name: "Name", title: "Title or rank (optional)", email: "Email", phone: "Phone (optional)" }[key]} error={errors[id(key)]}>
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
            Add another contact
          </Button>
        </Section>

        <Section title="Signatory" id="signatory">
          <Field id="signatoryName" label="Name of the signing official" error={errors.signatoryName}>
            <TextInput {...text("signatoryName")} maxLength={120} />
          </Field>
          <Field id="signatoryTitle" label="Title" error={errors.signatoryTitle}>
            <TextInput {...text("signatoryTitle")} maxLength={120} />
          </Field>
          <Field id="signatoryAuthority" label="Authority to request" hint="The official's authority to request defense articles for your government" error={errors.signatoryAuthority}>
            <Textarea {...text("signatoryAuthority")} hasHint />
          </Field>
          <Field id="signedOn" label="Date signed (optional)" error={errors.signedOn}>
            <TextInput {...text("signedOn")} type="date" />
          </Field>
        </Section>

        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" name="intent" value="save" disabled={pending}>
            {pending ? "Saving…" : "Save draft"}
          </Button>
          <Button type="submit" name="intent" value="submit" variant="secondary" disabled={pending || !checklist.ready} aria-describedby="submit-hint">
            Save and submit
          </Button>
          <p id="submit-hint" className="text-sm text-base-dark">
            {checklist.ready ? "Every required item is there. You can submit now." : "You can submit once every required item is filled in."}
          </p>
        </div>
      </form>
      <aside className="order-first lg:sticky lg:top-4 lg:order-last lg:self-start">
        <ChecklistPanel score={checklist.score} criteria={checklist.criteria} heading="Completeness" />
      </aside>
    </div>
  );
}
