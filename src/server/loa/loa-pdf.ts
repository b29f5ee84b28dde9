// From a stored document to the words and numbers its PDF prints (LoaPdfModel). Deterministic: nothing here reads
// the clock, so a document version always yields the same model, and the renderer the same bytes.
import {
  CLSSA_PART_LABELS,
  TERM_OF_SALE_LABELS,
  isSubline,
  type ClssaPart,
  type DocumentType,
} from "../../domain/loa/codes";
import type { LoaPdfModel } from "../../domain/loa/pdf-model";
import { LOA_TYPE_LABELS, type LoaType } from "../../domain/lor/codes";
import { formatUsd } from "../../domain/money";
import type { DocumentView } from "../../domain/schemas/loa";
import { formatRate, pchLabel } from "../../domain/pricing/price";
import type { LoaCaseRow } from "./loa-store";
import { startOfUtcDay } from "../../domain/sla";

const LONG_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
export const longDate = (iso: string | Date) => LONG_DATE.format(typeof iso === "string" ? (iso.length === 10 ? startOfUtcDay(iso) : new Date(iso)) : iso);

function titleOf(type: DocumentType | null, number: number | null) {
  if (type === "AMENDMENT") return `Amendment ${number} to the Letter of Offer and Acceptance`;
  if (type === "MODIFICATION") return `Modification ${number} to the Letter of Offer and Acceptance`;
  return "Letter of Offer and Acceptance";
}

/** An electronic signature as its block prints it (ADR 0031): who, when, and the signing key's fingerprint. */
export interface SignatureStamp {
  name: string;
  signedAt: Date;
  kid: string;
}

const stampedAt = (at: Date) => `${longDate(at)}, ${at.toISOString().slice(11, 16)} UTC`;
// Two lines: the fingerprint is long and takes a line of its own, so it is never broken.
const stampLine = (stamp: SignatureStamp) => `e-signed\nkey ${stamp.kid}`;

/**
 * The partner's view of the document (no internal notes) turned into print. `stamps`: the agency's signature and DSCA's
 * countersignature of this document's data, printed in their blocks; the partner's acceptance comes after the PDF is
 * fixed, so its block stays blank and the acceptance lives in the evidence bundle.
 */
export function pdfModelOf(
  caseRow: LoaCaseRow,
  view: DocumentView,
  options: { draft: boolean; stamps?: { agency: SignatureStamp | null; dsca: SignatureStamp | null } },
): LoaPdfModel {
  const agency = options.stamps?.agency ?? null;
  const dsca = options.stamps?.dsca ?? null;
  const priced = new Map(view.pricing.lines.map((line) => [line.lineNumber, line]));
  const summary = view.pricing.summary;
  const adminRates = [...new Set(view.pricing.lines.filter((l) => !l.isHeader).map((l) => l.adminRate))].map(formatRate).join(" / ");
  const loaType = LOA_TYPE_LABELS[view.caseType as LoaType] + (view.clssaPart ? ` — ${CLSSA_PART_LABELS[view.clssaPart as ClssaPart]}` : "");
  return {
    documentName: view.name,
    title: titleOf(view.documentType, view.documentNumber),
    caseIdentifier: view.caseIdentifier,
    purchaser: `${caseRow.country.name} (${caseRow.country.code})`,
    implementingAgency: `${caseRow.implementingAgency.name} (${caseRow.implementingAgency.code})`,
    customerReference: view.customerReference || "Based on U.S. Government Review",
    offerExpiration: view.offerExpiresAt ? longDate(view.offerExpiresAt) : "Set when the implementing agency approves the LOA",
    loaType: view.linkedCaseIdentifier ? `${loaType}, drawing on ${view.linkedCaseIdentifier}` : loaType,
    description: view.description,
    changeReason: view.changeReason,
    termsOfSale: view.termsOfSale.map((row) => ({
      term: TERM_OF_SALE_LABELS[row.term] + (row.balance && view.termsOfSale.length > 1 ? " (balance)" : ""),
      amount: formatUsd(row.amount),
    })),
    initialDeposit: formatUsd(view.paymentSchedule.initialDeposit),
    lines: view.lines.map((line) => {
      const price = priced.get(line.lineNumber)!;
      const valueLine = line.quantity === null;
      return {
        lineNumber: line.lineNumber,
        masl: `${line.genericCode} ${line.maslNumber}`,
        description: line.description,
        quantity: price.isHeader ? "" : valueLine ? "—" : `${line.quantity!.toLocaleString("en-US")} ${line.unitOfIssue ?? ""}`.trim(),
        unitCost: price.isHeader || valueLine ? "" : formatUsd(line.unitCost),
        total: formatUsd(price.lineTotal),
        sourceOfSupply: price.isHeader ? "" : line.sourceOfSupply,
        typeOfAssistance: price.isHeader ? "" : line.typeOfAssistance,
        monthsOfService: line.monthsOfService === null ? "" : String(line.monthsOfService),
        deliveryTermCode: line.deliveryTermCode ?? "",
        flags: [line.mde && "MDE", line.sme && "SME", line.designConstruction && "D&C", line.ncWaived && "NC waived"].filter(Boolean).join(", "),
        note: line.note,
        isSubline: isSubline(line.lineNumber),
      };
    }),
    costSummary: [
      { label: "Net estimated cost", amount: formatUsd(summary.netEstimatedCost) },
      { label: pchLabel(view.pricing.ratesApplied.pch), amount: formatUsd(summary.packingCratingHandling) },
      { label: `Administrative surcharge (${adminRates || formatRate(view.pricing.ratesApplied.adminSurcharge)})`, amount: formatUsd(summary.administrativeSurcharge) },
      { label: "Transportation", amount: formatUsd(summary.transportation) },
      { label: "Total estimated cost", amount: formatUsd(summary.totalEstimatedCost) },
    ],
    paymentSchedule: view.paymentSchedule.rows.map((row) => ({ dueOn: longDate(row.dueOn), amount: formatUsd(row.amount), cumulative: formatUsd(row.cumulative) })),
    notes: view.notes.filter((note) => !note.internal).map((note) => ({ title: note.title, text: note.text })),
    signatures: [
      {
        role: `Implementing agency: ${caseRow.implementingAgency.name}`,
        name: agency?.name ?? "",
        title: "",
        date: agency ? stampedAt(agency.signedAt) : caseRow.agencySignedAt && view.documentType === "BASIC" ? longDate(caseRow.agencySignedAt) : "",
        ...(agency ? { signature: stampLine(agency) } : {}),
      },
      {
        role: "Defense Security Cooperation Agency (countersignature)",
        name: dsca?.name ?? "",
        title: "",
        date: dsca ? stampedAt(dsca.signedAt) : caseRow.countersignedAt && view.documentType === "BASIC" ? longDate(caseRow.countersignedAt) : "",
        ...(dsca ? { signature: stampLine(dsca) } : {}),
      },
      { role: `Purchaser: ${caseRow.country.name}`, name: "", title: "", date: "" },
    ],
    draft: options.draft,
    // One document for every reader: its SHA-256 is what the signatures cover, so it cannot follow a viewer's language
    // or zone. It is English (the legal text) and states that its dates and times are UTC (ADR 0032).
    footer: `${view.name} · Estimates priced on ${longDate(view.pricing.pricedOn)} · Dates and times in UTC · Caseway`,
  };
}
