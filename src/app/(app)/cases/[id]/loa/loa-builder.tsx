"use client";

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
  CLSSA_PART_LABELS,
  CLSSA_PARTS,
  DELIVERY_TERM_CODES,
  DELIVERY_TERM_LABELS,
  SOURCE_OF_SUPPLY_LABELS,
  SOURCES_OF_SUPPLY,
  TERM_OF_SALE_HELP,
  TERM_OF_SALE_LABELS,
  TERMS_OF_SALE,
  TYPE_OF_ASSISTANCE_LABELS,
  TYPES_OF_ASSISTANCE,
  isSubline,
  parentLineNumber,
  sourceMismatch,
  type ClssaPart,
  type DeliveryTermCode,
  type SourceOfSupply,
  type TermOfSale,
  type TypeOfAssistance,
} from "@/domain/loa/codes";
import { emptyLine, type LoaContent, type LoaLine, type LoaNote } from "@/domain/loa/content";
import { requiredNoteKeys, termsOfSaleBreakout } from "@/domain/loa/validation";
import { UNIT_OF_ISSUE_LABELS, UNITS_OF_ISSUE, type LoaType } from "@/domain/lor/codes";
import { LoaLineInput, type DocumentView } from "@/domain/schemas/loa";
import { notificationDetermination } from "@/domain/pricing/notification";
import { paymentSchedule } from "@/domain/pricing/payment-schedule";
import { formatRate, priceLoa } from "@/domain/pricing/price";
import { typedAmount, typedCount } from "@/domain/money";
import type { RateRow } from "@/domain/pricing/rates";
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
function lineErrorsOf(form: LineForm, others: readonly LineForm[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = LoaLineInput.safeParse(payloadLine(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (!errors.lineNumber && others.some((l) => l.lineNumber === form.lineNumber.trim())) {
    errors.lineNumber = `Line ${form.lineNumber.trim()} is already on this LOA`;
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
  const [terms, setTerms] = useState(doc.termsOfSaleInput.map((t) => ({ term: t.term as TermOfSale, amount: t.amount ?? "" })));
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
    termsOfSale: terms.map((t, i) => ({ term: t.term, amount: i === terms.length - 1 && t.amount.trim() === "" ? null : typedAmount(t.amount) })),
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
      termsOfSale: terms.map((t, i) => ({ term: t.term, amount: i === terms.length - 1 && t.amount.trim() === "" ? null : t.amount })),
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
        setResult({ type: "success", message: isChange || doc.status !== "DRAFT" ? "Saved. The change draft is up to date." : "Draft saved.", fields: {} });
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
    const errors = lineErrorsOf(draftLine, otherLines(editing));
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
          <Alert type={result.type} title={result.type === "error" ? "The LOA was not saved" : result.message} testId="builder-result">
            {result.type === "error" && (
              <>
                <p>{result.message}</p>
                {Object.keys(fields).length > 0 && (
                  <ul className="ml-5 list-disc" data-testid="builder-errors">
                    {Object.entries(fields).map(([path, message]) => (
                      <li key={path}>{message}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </Alert>
        )}

        <Section title="About this LOA" id="loa-about">
          <Field id="loa-description" label="Case description (preamble)" error={fields.description}>
            <Textarea id="loa-description" value={description} disabled={!editable} onChange={(e) => touch(setDescription)(e.target.value)} rows={3} />
          </Field>
          <Field id="loa-reference" label="Customer reference" hint='"Based on" the letters of request, in date order' error={fields.customerReference}>
            <TextInput id="loa-reference" hasHint value={customerReference} disabled={!editable} onChange={(e) => touch(setCustomerReference)(e.target.value)} />
          </Field>
          {caseType === "CLSSA" && (
            <>
              <Field id="loa-clssa-part" label="CLSSA part" error={fields.clssaPart}>
                <Select id="loa-clssa-part" value={clssaPart} disabled={!editable || isChange} onChange={(e) => touch(setClssaPart)(e.target.value as ClssaPart | "")}>
                  <option value="">Choose FMSO I or FMSO II</option>
                  {CLSSA_PARTS.map((part) => (
                    <option key={part} value={part}>
                      {CLSSA_PART_LABELS[part]}
                    </option>
                  ))}
                </Select>
              </Field>
              {clssaPart === "FMSO_II" && (
                <Field id="loa-linked-case" label="FMSO I case it draws on" hint="The same country's FMSO I case, like BN-B-AAA" error={fields.linkedCaseIdentifier}>
                  <TextInput id="loa-linked-case" hasHint value={linkedCase} disabled={!editable || isChange} onChange={(e) => touch(setLinkedCase)(e.target.value.toUpperCase())} />
                </Field>
              )}
            </>
          )}
        </Section>

        <Section title="Lines" id="loa-lines">
          <p className="mb-3 text-sm text-base-dark">
            {caseType === "DEFINED_ORDER"
              ? "Defined order: each line is a quantity at an estimated unit cost."
              : caseType === "BLANKET_ORDER"
                ? "Blanket order: each line is a category of items or services up to a dollar value (its ceiling), with no item quantities."
                : "CLSSA: FMSO I lines are the equity investment (type of assistance U, source P); FMSO II lines are requisitions from that stock (V, S)."}
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
                        <Button type="button" variant="unstyled" onClick={() => openEditor(index)} aria-label={`Edit line ${line.lineNumber}`}>
                          Edit
                        </Button>
                        {!isSubline(line.lineNumber) && (
                          <Button type="button" variant="unstyled" onClick={() => openEditor(null, line.lineNumber)} aria-label={`Add a subline to line ${line.lineNumber}`}>
                            Add subline
                          </Button>
                        )}
                        {!line.adminRate && (
                          <Button type="button" variant="unstyled" onClick={() => removeLine(index)} aria-label={`Remove line ${line.lineNumber}`}>
                            Remove
                          </Button>
                        )}
                      </span>
                    )
                  : undefined
              }
            />
          ) : (
            <Alert type="error" title="These lines cannot be priced">{live.error}</Alert>
          )}
          {editable && !draftLine && (
            <Button type="button" className="mt-3" variant="secondary" onClick={() => openEditor(null)} data-testid="add-line">
              Add a line
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
                if (lineErrors !== null) setLineErrors(lineErrorsOf(line, otherLines(editing)));
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

        <Section title="Terms of sale and payment" id="loa-terms">
          {terms.map((t, index) => (
            <div key={index} className="mb-2 grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end" data-testid={`term-${index}`}>
              <Field id={`term-${index}`} label={`Term of sale ${terms.length > 1 ? index + 1 : ""}`.trim()} hint={TERM_OF_SALE_HELP[t.term]} error={fields[`termsOfSale.${index}.term`]}>
                <Select
                  id={`term-${index}`}
                  hasHint
                  value={t.term}
                  disabled={!editable}
                  onChange={(e) => touch(setTerms)(terms.map((x, i) => (i === index ? { ...x, term: e.target.value as TermOfSale } : x)))}
                >
                  {TERMS_OF_SALE.map((term) => (
                    <option key={term} value={term}>
                      {TERM_OF_SALE_LABELS[term]}
                    </option>
                  ))}
                </Select>
              </Field>
              {terms.length > 1 && (
                <Field id={`term-amount-${index}`} label="Amount" hint={index === terms.length - 1 ? "Blank for the balance" : undefined} error={fields[`termsOfSale.${index}.amount`]}>
                  <TextInput
                    id={`term-amount-${index}`}
                    hasHint={index === terms.length - 1}
                    inputMode="decimal"
                    value={t.amount}
                    disabled={!editable}
                    onChange={(e) => touch(setTerms)(terms.map((x, i) => (i === index ? { ...x, amount: e.target.value } : x)))}
                  />
                </Field>
              )}
              {editable && terms.length > 1 && (
                <Button type="button" variant="unstyled" className="mb-6" onClick={() => touch(setTerms)(terms.filter((_, i) => i !== index))}>
                  Remove term
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
              onClick={() => touch(setTerms)([...terms, { term: TERMS_OF_SALE.find((term) => !terms.some((t) => t.term === term))!, amount: "" }])}
            >
              Add another term of sale (case-level dollar breakout)
            </Button>
          )}
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field id="loa-deposit" label="Initial deposit (% of total)" error={fields.initialDepositPercent}>
              <TextInput id="loa-deposit" inputMode="decimal" value={depositPercent} disabled={!editable} onChange={(e) => touch(setDepositPercent)(e.target.value)} />
            </Field>
            <Field id="loa-quarters" label="Quarterly payments after the deposit" error={fields.paymentQuarters}>
              <TextInput id="loa-quarters" inputMode="numeric" value={quarters} disabled={!editable} onChange={(e) => touch(setQuarters)(e.target.value)} />
            </Field>
          </div>
          {"schedule" in live && live.schedule && <PaymentScheduleTable schedule={live.schedule} />}
        </Section>

        <Section title="Notes" id="loa-notes">
          {missingNotes.length > 0 && (
            <Alert type="warning" title="This LOA must carry these notes" testId="missing-notes">
              <ul className="ml-5 list-disc">
                {missingNotes.map((key) => (
                  <li key={key}>
                    {noteLibrary.find((n) => n.key === key)?.title ?? key}{" "}
                    {editable && (
                      <Button type="button" variant="unstyled" onClick={() => addNote(key)}>
                        Add it
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
                <Field id={`note-title-${index}`} label="Title" error={fields[`notes.${index}.title`]}>
                  <TextInput id={`note-title-${index}`} value={note.title} disabled={!editable} onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, title: e.target.value } : n)))} />
                </Field>
                <Field id={`note-text-${index}`} label="Text" error={fields[`notes.${index}.text`]}>
                  <Textarea id={`note-text-${index}`} value={note.text} disabled={!editable} rows={3} onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, text: e.target.value } : n)))} />
                </Field>
                <label className="mr-6 inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={note.internal}
                    disabled={!editable}
                    onChange={(e) => touch(setNotes)(notes.map((n, i) => (i === index ? { ...n, internal: e.target.checked } : n)))}
                  />
                  U.S. Government internal (never shown to the partner or printed)
                </label>
                {editable && (
                  <Button type="button" variant="unstyled" onClick={() => touch(setNotes)(notes.filter((_, i) => i !== index))}>
                    Remove note
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {editable && (
            <div className="mt-4 flex flex-wrap items-end gap-3">
              <Field id="note-library" label="Add a note from the library">
                <Select id="note-library" value={libraryKey} onChange={(e) => setLibraryKey(e.target.value)}>
                  <option value="">Choose a note</option>
                  {noteLibrary
                    .filter((n) => !presentNotes.has(n.key))
                    .map((n) => (
                      <option key={n.key} value={n.key}>
                        {n.title}
                        {n.historic ? " (historic)" : ""}
                      </option>
                    ))}
                </Select>
              </Field>
              <Button type="button" variant="secondary" className="mb-5" disabled={!libraryKey} onClick={() => { addNote(libraryKey); setLibraryKey(""); }}>
                Add note
              </Button>
              <Button
                type="button"
                variant="unstyled"
                className="mb-6"
                onClick={() => touch(setNotes)([...notes, { key: null, title: "Pricing note (internal)", text: "", internal: true }])}
              >
                Write an internal pricing note
              </Button>
            </div>
          )}
          {libraryKey && <p className="text-sm text-base-dark">When required: {noteLibrary.find((n) => n.key === libraryKey)?.whenRequired}</p>}
        </Section>
      </div>

      <aside className="order-first grid content-start gap-6 lg:sticky lg:top-4 lg:order-none" aria-label="Totals and notification">
        <Section title="Estimated cost" id="loa-totals">
          {"priced" in live && live.priced ? (
            <CostSummaryTable summary={live.priced.summary} rates={live.priced.ratesApplied} />
          ) : (
            <p className="text-error-dark">{live.error}</p>
          )}
          {editable && (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <Button type="button" onClick={save} disabled={saving} data-testid="save-loa">
                {saving ? "Saving…" : isChange && doc.status !== "DRAFT" ? "Start the change and save" : "Save draft"}
              </Button>
              {dirty && <span className="text-sm font-bold text-warning-dark" data-testid="unsaved">Unsaved changes</span>}
            </div>
          )}
        </Section>
        <Section title="Congressional notification" id="loa-meter">
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
  const set = <K extends keyof LineForm>(key: K, value: LineForm[K]) => onChange({ ...line, [key]: value });
  const mismatch = sourceMismatch(line.typeOfAssistance, line.sourceOfSupply);
  const id = (field: string) => `line-${field}`;
  return (
    <fieldset className="mt-4 rounded border-2 border-primary p-4" data-testid="line-editor">
      <legend className="px-1 text-lg font-bold">{isNew ? `New line ${line.lineNumber}` : `Edit line ${line.lineNumber}`}</legend>
      {line.adminRate && (
        <Alert type="info" title={`Rate locked at ${formatRate(line.adminRate)} on ${line.rateLockedOn}`}>
          This line keeps its rate. More quantity or value (more scope) must go on a new line at the current rate.
        </Alert>
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <Field id={id("number")} label="Line number" error={errors.lineNumber}>
          <TextInput id={id("number")} error={errors.lineNumber} value={line.lineNumber} disabled={!isNew} onChange={(e) => set("lineNumber", e.target.value.trim())} />
        </Field>
        <Field id={id("generic")} label="MASL generic code" hint="3 characters, like F1K" error={errors.genericCode}>
          <TextInput id={id("generic")} error={errors.genericCode} hasHint value={line.genericCode} maxLength={3} onChange={(e) => set("genericCode", e.target.value.toUpperCase())} />
        </Field>
        <Field id={id("masl")} label="MASL number" hint="13 characters, often the NSN" error={errors.maslNumber}>
          <TextInput id={id("masl")} error={errors.maslNumber} hasHint value={line.maslNumber} maxLength={13} onChange={(e) => set("maslNumber", e.target.value.toUpperCase())} />
        </Field>
      </div>
      <Field id={id("description")} label="Description" error={errors.description}>
        <TextInput id={id("description")} error={errors.description} value={line.description} onChange={(e) => set("description", e.target.value)} />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-3">
        {valueLines ? (
          <Field id={id("value")} label="Value (ceiling), US dollars" error={errors.value}>
            <TextInput id={id("value")} error={errors.value} inputMode="decimal" value={line.value} onChange={(e) => set("value", e.target.value)} />
          </Field>
        ) : (
          <>
            <Field id={id("quantity")} label="Quantity" error={errors.quantity}>
              <TextInput id={id("quantity")} error={errors.quantity} inputMode="numeric" value={line.quantity} onChange={(e) => set("quantity", e.target.value)} />
            </Field>
            <Field id={id("unit")} label="Unit of issue" error={errors.unitOfIssue}>
              <Select id={id("unit")} error={errors.unitOfIssue} value={line.unitOfIssue} onChange={(e) => set("unitOfIssue", e.target.value)}>
                <option value="">Choose</option>
                {UNITS_OF_ISSUE.map((u) => (
                  <option key={u} value={u}>
                    {u} — {UNIT_OF_ISSUE_LABELS[u]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={id("unit-cost")} label="Unit cost, US dollars" error={errors.unitCost}>
              <TextInput id={id("unit-cost")} error={errors.unitCost} inputMode="decimal" value={line.unitCost} onChange={(e) => set("unitCost", e.target.value)} />
            </Field>
          </>
        )}
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id={id("source")} label="Source of supply" error={errors.sourceOfSupply}>
          <Select id={id("source")} error={errors.sourceOfSupply} value={line.sourceOfSupply} onChange={(e) => set("sourceOfSupply", e.target.value as SourceOfSupply)}>
            {SOURCES_OF_SUPPLY.map((s) => (
              <option key={s} value={s}>
                {SOURCE_OF_SUPPLY_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("ta")} label="Type of assistance" error={errors.typeOfAssistance ?? mismatch ?? undefined}>
          <Select id={id("ta")} value={line.typeOfAssistance} error={errors.typeOfAssistance ?? mismatch ?? undefined} onChange={(e) => set("typeOfAssistance", e.target.value as TypeOfAssistance)}>
            {TYPES_OF_ASSISTANCE.map((t) => (
              <option key={t} value={t}>
                {TYPE_OF_ASSISTANCE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("dtc")} label="Delivery term code" hint="Leave blank for services: nothing ships" error={errors.deliveryTermCode}>
          <Select id={id("dtc")} error={errors.deliveryTermCode} hasHint value={line.deliveryTermCode} onChange={(e) => set("deliveryTermCode", e.target.value)}>
            <option value="">None (services)</option>
            {DELIVERY_TERM_CODES.map((d) => (
              <option key={d} value={d}>
                {DELIVERY_TERM_LABELS[d]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("mos")} label="Months of service" error={errors.monthsOfService}>
          <TextInput id={id("mos")} error={errors.monthsOfService} inputMode="numeric" value={line.monthsOfService} onChange={(e) => set("monthsOfService", e.target.value)} />
        </Field>
        {line.sourceOfSupply === "X" && (
          <Field id={id("share")} label="Procurement share (0 to 1)" hint="Blank uses the standard 50/50 split" error={errors.procurementShare}>
            <TextInput id={id("share")} error={errors.procurementShare} hasHint inputMode="decimal" value={line.procurementShare} onChange={(e) => set("procurementShare", e.target.value)} />
          </Field>
        )}
      </div>
      <fieldset className="mb-4">
        <legend className="font-bold">Equipment flags</legend>
        {(
          [
            ["mde", "Major defense equipment (MDE)"],
            ["sme", "Significant military equipment (SME)"],
            ["designConstruction", "Design and construction services"],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="mr-6 inline-flex items-center gap-2">
            <input type="checkbox" checked={line[key]} onChange={(e) => set(key, e.target.checked)} data-testid={`line-${key}`} />
            {label}
          </label>
        ))}
      </fieldset>
      {line.mde && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field id={id("nc")} label="Nonrecurring cost per unit, US dollars" error={errors.ncPerUnit}>
            <TextInput id={id("nc")} error={errors.ncPerUnit} inputMode="decimal" value={line.ncPerUnit} onChange={(e) => set("ncPerUnit", e.target.value)} />
          </Field>
          <div>
            <label className="mt-8 inline-flex items-center gap-2">
              <input type="checkbox" checked={line.ncWaived} onChange={(e) => set("ncWaived", e.target.checked)} />
              Nonrecurring cost waived
            </label>
            {line.ncWaived && (
              <Field id={id("waiver")} label="Waiver reason" error={errors.ncWaiverReason}>
                <TextInput id={id("waiver")} error={errors.ncWaiverReason} value={line.ncWaiverReason} onChange={(e) => set("ncWaiverReason", e.target.value)} />
              </Field>
            )}
          </div>
        </div>
      )}
      {isChange && valueLines && line.adminRate && (
        <label className="mb-4 inline-flex items-center gap-2">
          <input type="checkbox" checked={line.priceOnlyIncrease} onChange={(e) => set("priceOnlyIncrease", e.target.checked)} />
          A higher value is a price increase for the same items (not more items)
        </label>
      )}
      <Field id={id("note")} label="Line note (printed on the LOA)" error={errors.note}>
        <Textarea id={id("note")} error={errors.note} value={line.note} rows={2} onChange={(e) => set("note", e.target.value)} />
      </Field>
      <Field id={id("internal")} label="Internal pricing note (U.S. Government only)" error={errors.internalNote}>
        <Textarea id={id("internal")} error={errors.internalNote} value={line.internalNote} rows={2} onChange={(e) => set("internalNote", e.target.value)} />
      </Field>
      <div className="flex gap-3">
        <Button type="button" onClick={onDone} data-testid="line-done">
          {isNew ? "Add line" : "Update line"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="mt-2 font-bold text-error-dark" role="alert" data-testid="line-errors">
          Fix the {Object.keys(errors).length === 1 ? "field" : `${Object.keys(errors).length} fields`} marked above to {isNew ? "add" : "update"} this line.
        </p>
      )}
      <p className="mt-2 text-sm text-base-dark">Totals update as you type. Save the draft to keep your changes.</p>
    </fieldset>
  );
}

