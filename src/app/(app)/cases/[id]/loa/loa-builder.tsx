"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { CostSummaryTable } from "@/components/loa/cost-summary";
import { LinesTable } from "@/components/loa/lines-table";
import { PaymentScheduleTable } from "@/components/loa/payment-schedule";
import { ThresholdMeter } from "@/components/loa/threshold-meter";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput, Textarea } from "@/components/ui/form";
import {
  CLSSA_PARTS,
  DELIVERY_TERM_CODES,
  SOURCES_OF_SUPPLY,
  TA_ALLOWED_SOURCES,
  TERMS_OF_SALE,
  TYPES_OF_ASSISTANCE,
  isSubline,
  parentLineNumber,
  sourceAllowedFor,
  type ClssaPart,
  type DeliveryTermCode,
  type SourceOfSupply,
  type TermOfSale,
  type TypeOfAssistance,
} from "@/domain/loa/codes";
import { emptyLine, type LoaContent, type LoaLine, type LoaNote } from "@/domain/loa/content";
import { requiredNoteKeys, termsOfSaleBreakout } from "@/domain/loa/validation";
import { UNITS_OF_ISSUE, type LoaType } from "@/domain/lor/codes";
import { LoaLineInput, type DocumentView } from "@/domain/schemas/loa";
import { notificationDetermination } from "@/domain/pricing/notification";
import { paymentSchedule } from "@/domain/pricing/payment-schedule";
import { formatRate, priceLoa } from "@/domain/pricing/price";
import { typedAmount, typedCount } from "@/domain/money";
import type { RateRow } from "@/domain/pricing/rates";
import { useLabels } from "@/i18n/use-labels";
import { saveLoaAction } from "./actions";

export interface NoteTemplate {
  key: string;
  title: string;
  whenRequired: string;
  text: string;
  historic: boolean;
}

/** The line as the form holds it: what was typed, so nothing is lost while it is still incomplete. */
interface LineForm {
  lineNumber: string;
  genericCode: string;
  maslNumber: string;
  description: string;
  quantity: string;
  unitOfIssue: string;
  unitCost: string;
  value: string;
  sourceOfSupply: SourceOfSupply;
  typeOfAssistance: TypeOfAssistance;
  monthsOfService: string;
  deliveryTermCode: string;
  mde: boolean;
  sme: boolean;
  designConstruction: boolean;
  procurementShare: string;
  ncPerUnit: string;
  ncWaived: boolean;
  ncWaiverReason: string;
  note: string;
  internalNote: string;
  priceOnlyIncrease: boolean;
  adminRate: string | null;
  rateLockedOn: string | null;
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

function formOf(line: DocumentView["lines"][number]): LineForm {
  return {
    ...line,
    quantity: text(line.quantity),
    unitOfIssue: text(line.unitOfIssue),
    unitCost: text(line.unitCost),
    value: text(line.value),
    monthsOfService: text(line.monthsOfService),
    deliveryTermCode: text(line.deliveryTermCode),
    procurementShare: text(line.procurementShare),
    ncPerUnit: text(line.ncPerUnit),
    ncWaiverReason: text(line.ncWaiverReason),
    note: text(line.note),
    internalNote: text(line.internalNote),
  };
}


/** What the pricing engine sees while the form is being filled: unparseable amounts count as nothing yet. */
function lineOf(form: LineForm): LoaLine {
  const share = form.procurementShare.trim();
  return {
    ...form,
    quantity: typedCount(form.quantity),
    unitOfIssue: form.unitOfIssue || null,
    unitCost: typedAmount(form.unitCost),
    value: typedAmount(form.value),
    monthsOfService: typedCount(form.monthsOfService),
    deliveryTermCode: (form.deliveryTermCode || null) as DeliveryTermCode | null,
    procurementShare: /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(share) ? share : null,
    ncPerUnit: typedAmount(form.ncPerUnit),
    ncWaiverReason: form.ncWaiverReason || null,
    note: form.note || null,
    internalNote: form.internalNote || null,
  };
}

/** The payload PUT /cases/{id}/loa takes: the typed strings, so the server names any field it refuses. */
function payloadLine(form: LineForm) {
  const { adminRate: _rate, rateLockedOn: _locked, ...fields } = form;
  return { ...fields, deliveryTermCode: fields.deliveryTermCode || null, unitOfIssue: fields.unitOfIssue || null };
}

function nextLineNumber(lines: readonly LineForm[], parent?: string): string {
  if (parent) {
    const used = lines.filter((l) => isSubline(l.lineNumber) && parentLineNumber(l.lineNumber) === parent).map((l) => l.lineNumber.charCodeAt(3));
    return `${parent}${String.fromCharCode(used.length ? Math.max(...used) + 1 : 97)}`;
  }
  const top = lines.filter((l) => !isSubline(l.lineNumber)).map((l) => Number(l.lineNumber));
  return String((top.length ? Math.max(...top) : 0) + 1).padStart(3, "0");
}

/**
 * A line checked as it is added, with the same schema the server applies on save (LoaLineInput), so a mistake shows
 * beside its field at once: field name → message. A line number already in use is refused too.
 */
function lineErrorsOf(form: LineForm, others: readonly LineForm[], inUse: (lineNumber: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = LoaLineInput.safeParse(payloadLine(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (!errors.lineNumber && others.some((l) => l.lineNumber === form.lineNumber.trim())) {
    errors.lineNumber = inUse(form.lineNumber.trim());
  }
  return errors;
}

/** The line editor's field ids (LineEditor's `id()`), for moving focus to the first field in error. */
const LINE_FIELD_IDS: Record<string, string> = {
  lineNumber: "number",
  genericCode: "generic",
  maslNumber: "masl",
  description: "description",
  value: "value",
  quantity: "quantity",
  unitOfIssue: "unit",
  unitCost: "unit-cost",
  sourceOfSupply: "source",
  typeOfAssistance: "ta",
  deliveryTermCode: "dtc",
  monthsOfService: "mos",
  procurementShare: "share",
  ncPerUnit: "nc",
  ncWaiverReason: "waiver",
  note: "note",
  internalNote: "internal",
};

const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

export function LoaBuilder({
  caseId,
  document: doc,
  rates: rawRates,
  natoPlus,
  noteLibrary,
  editable,
}: {
  caseId: string;
  document: DocumentView;
  rates: { key: string; value: string; effectiveFrom: string; effectiveTo: string | null }[];
  natoPlus: boolean;
  noteLibrary: NoteTemplate[];
  editable: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("BuilderForm");
  const label = useLabels();
  const lineInUse = (lineNumber: string) => t("lineInUse", { number: lineNumber });
  const rates: RateRow[] = useMemo(
    () => rawRates.map((r) => ({ ...r, effectiveFrom: new Date(r.effectiveFrom), effectiveTo: r.effectiveTo ? new Date(r.effectiveTo) : null })),
    [rawRates],
  );
  const caseType = doc.caseType as LoaType;
  const valueLines = caseType !== "DEFINED_ORDER";
  const isChange = doc.documentType !== "BASIC";

  const [version, setVersion] = useState(doc.version);
  const [description, setDescription] = useState(doc.description);
  const [customerReference, setCustomerReference] = useState(doc.customerReference);
  const [terms, setTerms] = useState(doc.termsOfSaleInput.map((term) => ({ term: term.term as TermOfSale, amount: term.amount ?? "" })));
  const [depositPercent, setDepositPercent] = useState(doc.initialDepositPercent);
  const [quarters, setQuarters] = useState(String(doc.paymentQuarters));
  const [clssaPart, setClssaPart] = useState<ClssaPart | "">((doc.clssaPart as ClssaPart | null) ?? "");
  const [linkedCase, setLinkedCase] = useState(doc.linkedCaseIdentifier ?? "");
  const [lines, setLines] = useState<LineForm[]>(doc.lines.map(formOf));
  const [notes, setNotes] = useState<LoaNote[]>(doc.notes.map((n) => ({ ...n })));
  const [editing, setEditing] = useState<number | null>(null);
  const [draftLine, setDraftLine] = useState<LineForm | null>(null);
  // The draft line's own errors, from the last "Add line"/"Update line" on (null before): rechecked as it is edited.
  const [lineErrors, setLineErrors] = useState<Record<string, string> | null>(null);
  const [libraryKey, setLibraryKey] = useState("");
  const [dirty, setDirty] = useState(false);
  const [result, setResult] = useState<{ type: "success" | "error"; message: string; fields: Record<string, string> } | null>(null);
  const [saving, startSaving] = useTransition();

  const touch = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setDirty(true);
  };

  const content: LoaContent = {
    description,
    customerReference,
    termsOfSale: terms.map((x, i) => ({ term: x.term, amount: i === terms.length - 1 && x.amount.trim() === "" ? null : typedAmount(x.amount) })),
    initialDepositPercent: /^\d{1,3}(\.\d{1,2})?$/.test(depositPercent.trim()) ? depositPercent.trim() : "0",
    paymentQuarters: typedCount(quarters) ?? 0,
    lines: lines.map(lineOf),
    notes,
  };
  const live = useMemo(() => {
    try {
      const pricedOn = doc.pricedOn ? new Date(`${doc.pricedOn}T00:00:00Z`) : today();
      const priced = priceLoa(content.lines, { rates, pricedOn });
      return {
        priced,
        notification: notificationDetermination(content.lines, priced, { natoPlus, rates, on: pricedOn }),
        schedule: paymentSchedule({
          total: priced.summary.totalEstimatedCost,
          termsOfSale: content.termsOfSale,
          initialDepositPercent: content.initialDepositPercent,
          quarters: Math.min(40, content.paymentQuarters),
          startsAfter: doc.offerExpiresAt ? new Date(doc.offerExpiresAt) : pricedOn,
        }),
        breakout: termsOfSaleBreakout(content.termsOfSale, priced.summary.totalEstimatedCost),
        required: requiredNoteKeys(content, priced, { caseType, clssaPart: clssaPart || null }),
        error: null,
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) } as const;
    }
    // content is rebuilt from these pieces of state on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lines, terms, depositPercent, quarters, notes, clssaPart, rates, natoPlus]);

  const fields = result?.fields ?? {};
  const errorLines = new Set(
    Object.keys(fields)
      .map((path) => /^lines\.(\d+)\./.exec(path)?.[1])
      .filter((i): i is string => i !== undefined)
      .map((i) => lines[Number(i)]?.lineNumber ?? ""),
  );
  const presentNotes = new Set(notes.map((n) => n.key));
  const missingNotes = "required" in live && live.required ? live.required.filter((key) => !presentNotes.has(key)) : [];

  function save() {
    const payload = {
      expectedVersion: version,
      description,
      customerReference,
      termsOfSale: terms.map((x, i) => ({ term: x.term, amount: i === terms.length - 1 && x.amount.trim() === "" ? null : x.amount })),
      initialDepositPercent: depositPercent,
      paymentQuarters: quarters,
      lines: lines.map(payloadLine),
      notes,
      ...(caseType === "CLSSA" ? { clssaPart: clssaPart || null, linkedCaseIdentifier: linkedCase || null } : {}),
    };
    startSaving(async () => {
      const outcome = await saveLoaAction(caseId, payload);
      if (outcome.status === "ok") {
        setVersion(outcome.data!.version);
        setDirty(false);
        setResult({ type: "success", message: isChange || doc.status !== "DRAFT" ? t("savedChange") : t("savedDraft"), fields: {} });
        router.refresh();
      } else if (outcome.status === "error") {
        setResult({ type: "error", message: outcome.message, fields: outcome.fields ?? {} });
      }
    });
  }

  function openEditor(index: number | null, parent?: string) {
    if (index === null) {
      const line: LineForm = {
        ...formOf(emptyLine(nextLineNumber(lines, parent))),
        ...(caseType === "CLSSA" && clssaPart ? clssaDefaults(clssaPart) : {}),
      };
      setDraftLine(line);
    } else {
      setDraftLine({ ...lines[index]! });
    }
    setLineErrors(null);
    setEditing(index);
  }

  const otherLines = (index: number | null) => lines.filter((_, i) => i !== index);

  function commitLine() {
    if (!draftLine) return;
    const errors = lineErrorsOf(draftLine, otherLines(editing), lineInUse);
    if (Object.keys(errors).length > 0) {
      setLineErrors(errors);
      const first = Object.keys(LINE_FIELD_IDS).find((field) => errors[field]);
      // After React shows the messages: focus the first field in error, so a keyboard or screen-reader user lands on it.
      if (first) setTimeout(() => document.getElementById(`line-${LINE_FIELD_IDS[first]}`)?.focus(), 0);
      return;
    }
    setLineErrors(null);
    if (editing === null) {
      const next = [...lines, draftLine].sort((a, b) => a.lineNumber.localeCompare(b.lineNumber));
      setLines(next);
    } else {
      setLines(lines.map((line, i) => (i === editing ? draftLine : line)));
    }
    setDraftLine(null);
    setEditing(null);
    setDirty(true);
  }

  function removeLine(index: number) {
    const number = lines[index]!.lineNumber;
    setLines(lines.filter((line, i) => i !== index && !(isSubline(line.lineNumber) && parentLineNumber(line.lineNumber) === number)));
    setDirty(true);
  }

  function addNote(key: string) {
    const template = noteLibrary.find((n) => n.key === key);
    if (!template || presentNotes.has(key)) return;
    setNotes([...notes, { key: template.key, title: template.title, text: template.text, internal: false }]);
    setDirty(true);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="grid min-w-0 grid-cols-1 content-start gap-6 lg:col-span-2">
        {result && (
          <Alert type={result.type} title={result.type === "error" ? t("notSaved") : result.message} testId="builder-result">
            {result.type === "error" && (
              <>
                <p>{result.message}</p>
                {Object.keys(fields).length > 0 && (
                  <ul className="ms-5 list-disc" data-testid="builder-errors">
                    {Object.entries(fields).map(([path, message]) => (
                      <li key={path}>{message}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </Alert>
        )}

        <Section title={t("aboutSection")} id="loa-about">
          <Field id="loa-description" label={t("description")} error={fields.description}>
            <Textarea id="loa-description" value={description} disabled={!editable} onChange={(e) => touch(setDescription)(e.target.value)} rows={3} />
          </Field>
          <Field id="loa-reference" label={t("customerReference")} hint={t("customerReferenceHint")} error={fields.customerReference}>
            <TextInput id="loa-reference" hasHint value={customerReference} disabled={!editable} onChange={(e) => touch(setCustomerReference)(e.target.value)} />
          </Field>
          {caseType === "CLSSA" && (
            <>
              <Field id="loa-clssa-part" label={t("clssaPart")} error={fields.clssaPart}>
                <Select id="loa-clssa-part" value={clssaPart} disabled={!editable || isChange} onChange={(e) => touch(setClssaPart)(e.target.value as ClssaPart | "")}>
                  <option value="">{t("chooseClssaPart")}</option>
                  {CLSSA_PARTS.map((part) => (
                    <option key={part} value={part}>
                      {label("clssaPart", part)}
                    </option>
                  ))}
                </Select>
              </Field>
              {clssaPart === "FMSO_II" && (
                <Field id="loa-linked-case" label={t("linkedCase")} hint={t("linkedCaseHint")} error={fields.linkedCaseIdentifier}>
                  <TextInput id="loa-linked-case" hasHint value={linkedCase} disabled={!editable || isChange} onChange={(e) => touch(setLinkedCase)(e.target.value.toUpperCase())} />
                </Field>
              )}
            </>
          )}
        </Section>

        <Section title={t("linesSection")} id="loa-lines">
          <p className="mb-3 text-sm text-base-dark">
            {caseType === "DEFINED_ORDER"
              ? t("definedOrderIntro")
              : caseType === "BLANKET_ORDER"
                ? t("blanketOrderIntro")
                : t("clssaIntro")}
          </p>
          {"priced" in live && live.priced ? (
            <LinesTable
              lines={lines.map(lineOf)}
              priced={live.priced.lines}
              showInternal
              errorLines={errorLines}
              actions={
                editable
                  ? (line, index) => (
                      <span className="flex flex-col gap-1">
                        <Button type="button" variant="unstyled" onClick={() => openEditor(index)} aria-label={t("editLineLabel", { number: line.lineNumber })}>
                          {t("edit")}
                        </Button>
                        {!isSubline(line.lineNumber) && (
                          <Button type="button" variant="unstyled" onClick={() => openEditor(null, line.lineNumber)} aria-label={t("addSublineLabel", { number: line.lineNumber })}>
                            {t("addSubline")}
                          </Button>
                        )}
                        {!line.adminRate && (
                          <Button type="button" variant="unstyled" onClick={() => removeLine(index)} aria-label={t("removeLineLabel", { number: line.lineNumber })}>
                            {t("remove")}
                          </Button>
                        )}
                      </span>
                    )
                  : undefined
              }
            />
          ) : (
            <Alert type="error" title={t("cannotPrice")}>{live.error}</Alert>
          )}
          {editable && !draftLine && (
            <Button type="button" className="mt-3" variant="secondary" onClick={() => openEditor(null)} data-testid="add-line">
              {t("addLine")}
            </Button>
          )}
          {draftLine && (
            <LineEditor
              line={draftLine}
              isNew={editing === null}
              valueLines={valueLines}
              isChange={isChange}
              onChange={(line) => {
                setDraftLine(line);
                if (lineErrors !== null) setLineErrors(lineErrorsOf(line, otherLines(editing), lineInUse));
              }}
              onDone={commitLine}
              onCancel={() => {
                setDraftLine(null);
                setEditing(null);
                setLineErrors(null);
              }}
              errors={{
                ...(editing === null
                  ? {}
                  : Object.fromEntries(Object.entries(fields).filter(([p]) => p.startsWith(`lines.${editing}.`)).map(([p, m]) => [p.split(".")[2]!, m]))),
                ...(lineErrors ?? {}),
              }}
            />
          )}
        </Section>

        <Section title={t("termsSection")} id="loa-terms">
          {terms.map((row, index) => (
            <div key={index} className="mb-2 grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end" data-testid={`term-${index}`}>
              <Field id={`term-${index}`} label={terms.length > 1 ? t("termOfSaleNumbered", { number: index + 1 }) : t("termOfSale")} hint={t(`termHelp.${row.term}`)} error={fields[`termsOfSale.${index}.term`]}>
                <Select
                  id={`term-${index}`}
                  hasHint
                  value={row.term}
                  disabled={!editable}
                  onChange={(e) => touch(setTerms)(terms.map((x, i) => (i === index ? { ...x, term: e.target.value as TermOfSale } : x)))}
                >
                  {TERMS_OF_SALE.map((term) => (
                    <option key={term} value={term}>
                      {label("termOfSale", term)}
                    </option>
                  ))}
                </Select>
              </Field>
              {terms.length > 1 && (
                <Field id={`term-amount-${index}`} label={t("amount")} hint={index === terms.length - 1 ? t("balanceHint") : undefined} error={fields[`termsOfSale.${index}.amount`]}>
                  <TextInput
                    id={`term-amount-${index}`}
                    hasHint={index === terms.length - 1}
                    inputMode="decimal"
                    value={row.amount}
                    disabled={!editable}
                    onChange={(e) => touch(setTerms)(terms.map((x, i) => (i === index ? { ...x, amount: e.target.value } : x)))}
                  />
                </Field>
              )}
              {editable && terms.length > 1 && (
                <Button type="button" variant="unstyled" className="mb-6" onClick={() => touch(setTerms)(terms.filter((_, i) => i !== index))}>
                  {t("removeTerm")}
                </Button>
              )}
            </div>
          ))}
          {"breakout" in live && live.breakout?.problem && (
            <p className="mb-3 font-bold text-error-dark" data-testid="terms-problem">
              {live.breakout.problem}
            </p>
          )}
          {editable && terms.length < TERMS_OF_SALE.length && (
            <Button
              type="button"
              variant="unstyled"
              className="mb-4"
              onClick={() => touch(setTerms)([...terms, { term: TERMS_OF_SALE.find((term) => !terms.some((x) => x.term === term))!, amount: "" }])}
            >
              {t("addTerm")}
            </Button>
          )}
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field id="loa-deposit" label={t("deposit")} error={fields.initialDepositPercent}>
              <TextInput id="loa-deposit" inputMode="decimal" value={depositPercent} disabled={!editable} onChange={(e) => touch(setDepositPercent)(e.target.value)} />
            </Field>
            <Field id="loa-quarters" label={t("quarters")} error={fields.paymentQuarters}>
              <TextInput id="loa-quarters" inputMode="numeric" value={quarters} disabled={!editable} onChange={(e) => touch(setQuarters)(e.target.value)} />
            </Field>
          </div>
          {"schedule" in live && live.schedule && <PaymentScheduleTable schedule={live.schedule} />}
        </Section>

        <Section title={t("notesSection")} id="loa-notes">
          {missingNotes.length > 0 && (
            <Alert type="warning" title={t("missingNotes")} testId="missing-notes">
              <ul className="ms-5 list-disc">
                {missingNotes.map((key) => (
                  <li key={key}>
                    {noteLibrary.find((n) => n.key === key)?.title ?? key}{" "}
                    {editable && (
                      <Button type="button" variant="unstyled" onClick={() => addNote(key)}>
                        {t("addIt")}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <ul className="grid gap-4" data-testid="loa-notes">
            {notes.map((note, index) => (
              <li key={index} className="rounded border border-base-lighter p-3">
                <Field id={`note-title-${index}`} label={t("noteTitle")} error={fields[`notes.${index}.title`]}>
                  <TextInput id={`note-title-${index}`} value={note.title} disabled={!editable} onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, title: e.target.value } : n)))} />
                </Field>
                <Field id={`note-text-${index}`} label={t("noteText")} error={fields[`notes.${index}.text`]}>
                  <Textarea id={`note-text-${index}`} value={note.text} disabled={!editable} rows={3} onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, text: e.target.value } : n)))} />
                </Field>
                <label className="me-6 inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={note.internal}
                    disabled={!editable}
                    onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, internal: e.target.checked } : n)))}
                  />
                  {t("noteInternal")}
                </label>
                {editable && (
                  <Button type="button" variant="unstyled" onClick={() => touch(setNotes)(notes.filter((_, i) => i !== index))}>
                    {t("removeNote")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {editable && (
            <div className="mt-4 flex flex-wrap items-end gap-3">
              <Field id="note-library" label={t("noteLibrary")}>
                <Select id="note-library" value={libraryKey} onChange={(e) => setLibraryKey(e.target.value)}>
                  <option value="">{t("chooseNote")}</option>
                  {noteLibrary
                    .filter((n) => !presentNotes.has(n.key))
                    .map((n) => (
                      <option key={n.key} value={n.key}>
                        {n.historic ? t("historicNote", { title: n.title }) : n.title}
                      </option>
                    ))}
                </Select>
              </Field>
              <Button type="button" variant="secondary" className="mb-5" disabled={!libraryKey} onClick={() => { addNote(libraryKey); setLibraryKey(""); }}>
                {t("addNote")}
              </Button>
              <Button
                type="button"
                variant="unstyled"
                className="mb-6"
                onClick={() => touch(setNotes)([...notes, { key: null, title: t("internalNoteTitle"), text: "", internal: true }])}
              >
                {t("writeInternalNote")}
              </Button>
            </div>
          )}
          {libraryKey && <p className="text-sm text-base-dark">{t("whenRequired", { text: noteLibrary.find((n) => n.key === libraryKey)?.whenRequired ?? "" })}</p>}
        </Section>
      </div>

      <aside className="order-first grid content-start gap-6 lg:sticky lg:top-4 lg:order-none" aria-label={t("totalsLabel")}>
        <Section title={t("costSection")} id="loa-totals">
          {"priced" in live && live.priced ? (
            <CostSummaryTable summary={live.priced.summary} rates={live.priced.ratesApplied} />
          ) : (
            <p className="text-error-dark">{live.error}</p>
          )}
          {editable && (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <Button type="button" onClick={save} disabled={saving} data-testid="save-loa">
                {saving ? t("saving") : isChange && doc.status !== "DRAFT" ? t("startChange") : t("saveDraft")}
              </Button>
              {dirty && <span className="text-sm font-bold text-warning-dark" data-testid="unsaved">{t("unsaved")}</span>}
            </div>
          )}
        </Section>
        <Section title={t("notificationSection")} id="loa-meter">
          {"notification" in live && live.notification ? <ThresholdMeter notification={live.notification} /> : null}
        </Section>
      </aside>
    </div>
  );
}

const clssaDefaults = (part: ClssaPart): Partial<LineForm> =>
  part === "FMSO_I" ? { typeOfAssistance: "U", sourceOfSupply: "P" } : { typeOfAssistance: "V", sourceOfSupply: "S" };

function LineEditor({
  line,
  isNew,
  valueLines,
  isChange,
  onChange,
  onDone,
  onCancel,
  errors,
}: {
  line: LineForm;
  isNew: boolean;
  valueLines: boolean;
  isChange: boolean;
  onChange: (line: LineForm) => void;
  onDone: () => void;
  onCancel: () => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("BuilderLineEditor");
  const label = useLabels();
  const set = <K extends keyof LineForm>(key: K, value: LineForm[K]) => onChange({ ...line, [key]: value });
  const mismatch = sourceAllowedFor(line.typeOfAssistance, line.sourceOfSupply)
    ? null
    : t("sourceMismatch", { ta: line.typeOfAssistance, allowed: TA_ALLOWED_SOURCES[line.typeOfAssistance].join(", "), source: line.sourceOfSupply });
  const id = (field: string) => `line-${field}`;
  return (
    <fieldset className="mt-4 rounded border-2 border-primary p-4" data-testid="line-editor">
      <legend className="px-1 text-lg font-bold">{isNew ? t("newLine", { number: line.lineNumber }) : t("editLine", { number: line.lineNumber })}</legend>
      {line.adminRate && (
        <Alert type="info" title={t("rateLocked", { rate: formatRate(line.adminRate), date: String(line.rateLockedOn) })}>
          {t("rateLockedText")}
        </Alert>
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field id={id("number")} label={t("lineNumber")} error={errors.lineNumber}>
          <TextInput id={id("number")} error={errors.lineNumber} value={line.lineNumber} disabled={!isNew} onChange={(e) => set("lineNumber", e.target.value.trim())} />
        </Field>
        <Field id={id("generic")} label={t("genericCode")} hint={t("genericCodeHint")} error={errors.genericCode}>
          <TextInput id={id("generic")} error={errors.genericCode} hasHint value={line.genericCode} maxLength={3} onChange={(e) => set("genericCode", e.target.value.toUpperCase())} />
        </Field>
        <Field id={id("masl")} label={t("maslNumber")} hint={t("maslNumberHint")} error={errors.maslNumber}>
          <TextInput id={id("masl")} error={errors.maslNumber} hasHint value={line.maslNumber} maxLength={13} onChange={(e) => set("maslNumber", e.target.value.toUpperCase())} />
        </Field>
      </div>
      <Field id={id("description")} label={t("description")} error={errors.description}>
        <TextInput id={id("description")} error={errors.description} value={line.description} onChange={(e) => set("description", e.target.value)} />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-3">
        {valueLines ? (
          <Field id={id("value")} label={t("value")} error={errors.value}>
            <TextInput id={id("value")} error={errors.value} inputMode="decimal" value={line.value} onChange={(e) => set("value", e.target.value)} />
          </Field>
        ) : (
          <>
            <Field id={id("quantity")} label={t("quantity")} error={errors.quantity}>
              <TextInput id={id("quantity")} error={errors.quantity} inputMode="numeric" value={line.quantity} onChange={(e) => set("quantity", e.target.value)} />
            </Field>
            <Field id={id("unit")} label={t("unitOfIssue")} error={errors.unitOfIssue}>
              <Select id={id("unit")} error={errors.unitOfIssue} value={line.unitOfIssue} onChange={(e) => set("unitOfIssue", e.target.value)}>
                <option value="">{t("choose")}</option>
                {UNITS_OF_ISSUE.map((u) => (
                  <option key={u} value={u}>
                    {u} — {label("unitOfIssue", u)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={id("unit-cost")} label={t("unitCost")} error={errors.unitCost}>
              <TextInput id={id("unit-cost")} error={errors.unitCost} inputMode="decimal" value={line.unitCost} onChange={(e) => set("unitCost", e.target.value)} />
            </Field>
          </>
        )}
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id={id("source")} label={t("sourceOfSupply")} error={errors.sourceOfSupply}>
          <Select id={id("source")} error={errors.sourceOfSupply} value={line.sourceOfSupply} onChange={(e) => set("sourceOfSupply", e.target.value as SourceOfSupply)}>
            {SOURCES_OF_SUPPLY.map((s) => (
              <option key={s} value={s}>
                {label("sourceOfSupply", s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("ta")} label={t("typeOfAssistance")} error={errors.typeOfAssistance ?? mismatch ?? undefined}>
          <Select id={id("ta")} value={line.typeOfAssistance} error={errors.typeOfAssistance ?? mismatch ?? undefined} onChange={(e) => set("typeOfAssistance", e.target.value as TypeOfAssistance)}>
            {TYPES_OF_ASSISTANCE.map((ta) => (
              <option key={ta} value={ta}>
                {label("typeOfAssistance", ta)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("dtc")} label={t("deliveryTerm")} hint={t("deliveryTermHint")} error={errors.deliveryTermCode}>
          <Select id={id("dtc")} error={errors.deliveryTermCode} hasHint value={line.deliveryTermCode} onChange={(e) => set("deliveryTermCode", e.target.value)}>
            <option value="">{t("noDeliveryTerm")}</option>
            {DELIVERY_TERM_CODES.map((d) => (
              <option key={d} value={d}>
                {label("deliveryTerm", d)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("mos")} label={t("monthsOfService")} error={errors.monthsOfService}>
          <TextInput id={id("mos")} error={errors.monthsOfService} inputMode="numeric" value={line.monthsOfService} onChange={(e) => set("monthsOfService", e.target.value)} />
        </Field>
        {line.sourceOfSupply === "X" && (
          <Field id={id("share")} label={t("procurementShare")} hint={t("procurementShareHint")} error={errors.procurementShare}>
            <TextInput id={id("share")} error={errors.procurementShare} hasHint inputMode="decimal" value={line.procurementShare} onChange={(e) => set("procurementShare", e.target.value)} />
          </Field>
        )}
      </div>
      <fieldset className="mb-4">
        <legend className="font-bold">{t("flags")}</legend>
        {(["mde", "sme", "designConstruction"] as const).map((key) => (
          <label key={key} className="me-6 inline-flex items-center gap-2">
            <input type="checkbox" checked={line[key]} onChange={(e) => set(key, e.target.checked)} data-testid={`line-${key}`} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      {line.mde && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id={id("nc")} label={t("ncPerUnit")} error={errors.ncPerUnit}>
            <TextInput id={id("nc")} error={errors.ncPerUnit} inputMode="decimal" value={line.ncPerUnit} onChange={(e) => set("ncPerUnit", e.target.value)} />
          </Field>
          <div>
            <label className="mt-8 inline-flex items-center gap-2">
              <input type="checkbox" checked={line.ncWaived} onChange={(e) => set("ncWaived", e.target.checked)} />
              {t("ncWaived")}
            </label>
            {line.ncWaived && (
              <Field id={id("waiver")} label={t("waiverReason")} error={errors.ncWaiverReason}>
                <TextInput id={id("waiver")} error={errors.ncWaiverReason} value={line.ncWaiverReason} onChange={(e) => set("ncWaiverReason", e.target.value)} />
              </Field>
            )}
          </div>
        </div>
      )}
      {isChange && valueLines && line.adminRate && (
        <label className="mb-4 inline-flex items-center gap-2">
          <input type="checkbox" checked={line.priceOnlyIncrease} onChange={(e) => set("priceOnlyIncrease", e.target.checked)} />
          {t("priceOnlyIncrease")}
        </label>
      )}
      <Field id={id("note")} label={t("lineNote")} error={errors.note}>
        <Textarea id={id("note")} error={errors.note} value={line.note} rows={2} onChange={(e) => set("note", e.target.value)} />
      </Field>
      <Field id={id("internal")} label={t("internalNote")} error={errors.internalNote}>
        <Textarea id={id("internal")} error={errors.internalNote} value={line.internalNote} rows={2} onChange={(e) => set("internalNote", e.target.value)} />
      </Field>
      <div className="flex gap-3">
        <Button type="button" onClick={onDone} data-testid="line-done">
          {isNew ? t("addLine") : t("updateLine")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="mt-2 font-bold text-error-dark" role="alert" data-testid="line-errors">
          {t(isNew ? "fixToAdd" : "fixToUpdate", { count: Object.keys(errors).length })}
        </p>
      )}
      <p className="mt-2 text-sm text-base-dark">{t("liveTotals")}</p>
    </fieldset>
  );
}

