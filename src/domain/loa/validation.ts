import Decimal from "decimal.js";
import type { LoaType } from "../lor/codes";
import { MAX_AMOUNT, toAmount } from "../money";
import type { PricedLoa } from "../pricing/price";
import {
  CLSSA_LINE_CODES,
  TA_REQUIRED_TERM,
  TERM_OF_SALE_LABELS,
  isSubline,
  parentLineNumber,
  sourceMismatch,
  type ClssaPart,
  type TermOfSale,
} from "./codes";
import type { LoaContent, LoaLine, TermOfSaleShare } from "./content";

// The rules an LOA must follow beyond each field's own format: the LOA type's line shape, type of assistance against
// source and terms of sale, sublines, the terms-of-sale breakout and the notes that must be carried.

export interface ContentIssue {
  /** The field, as the form and the API name it: "lines.2.typeOfAssistance". */
  path: string;
  message: string;
}

export interface LoaShape {
  caseType: LoaType;
  clssaPart: ClssaPart | null;
}

export function validateLoaContent(content: LoaContent, shape: LoaShape): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const numbers = content.lines.map((line) => line.lineNumber);
  const headers = new Set(numbers.filter(isSubline).map(parentLineNumber));
  const terms = new Set(content.termsOfSale.map((share) => share.term));

  content.lines.forEach((line, index) => {
    const at = (field: string, message: string) => issues.push({ path: `lines.${index}.${field}`, message: `Line ${line.lineNumber}: ${message}` });
    if (numbers.indexOf(line.lineNumber) !== index) at("lineNumber", "the line number is used twice");
    if (isSubline(line.lineNumber) && !numbers.includes(parentLineNumber(line.lineNumber))) {
      at("lineNumber", `subline ${line.lineNumber} needs line ${parentLineNumber(line.lineNumber)}`);
    }
    if (headers.has(line.lineNumber)) {
      // A line broken into sublines is priced by its sublines.
      if (line.quantity !== null || line.unitCost !== null || line.value !== null) {
        at("unitCost", "a line with sublines takes its amounts from them; leave its quantity, unit cost and value empty");
      }
      return;
    }
    checkLineShape(line, shape, at);
    const mismatch = sourceMismatch(line.typeOfAssistance, line.sourceOfSupply);
    if (mismatch) at("typeOfAssistance", mismatch);
    const requiredTerm = TA_REQUIRED_TERM[line.typeOfAssistance];
    if (requiredTerm && !terms.has(requiredTerm)) {
      at("typeOfAssistance", `type of assistance ${line.typeOfAssistance} needs the term of sale ${TERM_OF_SALE_LABELS[requiredTerm]}`);
    }
    if (line.procurementShare !== null && line.sourceOfSupply !== "X") {
      at("procurementShare", "a procurement share applies only to source X (mixed or undetermined)");
    }
    if (line.ncPerUnit !== null && !line.mde) at("ncPerUnit", "nonrecurring-cost recoupment applies only to major defense equipment");
    if (line.ncPerUnit !== null && line.quantity === null) at("ncPerUnit", "nonrecurring cost is charged per unit, so the line needs a quantity");
    if (line.ncWaived && !line.ncWaiverReason?.trim()) at("ncWaiverReason", "give the reason the nonrecurring cost is waived");
    if (line.ncWaived && line.ncPerUnit === null) at("ncWaived", "there is no nonrecurring cost to waive");
    if (line.quantity !== null && line.unitCost !== null && new Decimal(line.unitCost).times(line.quantity).gt(MAX_AMOUNT)) {
      at("quantity", "quantity × unit cost must be less than one trillion dollars");
    }
  });

  const seenTerms = new Set<TermOfSale>();
  content.termsOfSale.forEach((share, index) => {
    if (seenTerms.has(share.term)) issues.push({ path: `termsOfSale.${index}.term`, message: `${TERM_OF_SALE_LABELS[share.term]} is listed twice` });
    seenTerms.add(share.term);
  });
  return issues;
}

function checkLineShape(line: LoaLine, shape: LoaShape, at: (field: string, message: string) => void) {
  if (shape.caseType === "DEFINED_ORDER") {
    if (line.quantity === null) at("quantity", "a defined line needs a quantity");
    if (line.unitCost === null) at("unitCost", "a defined line needs a unit cost");
    if (!line.unitOfIssue) at("unitOfIssue", "a defined line needs a unit of issue");
    if (line.value !== null) at("value", "a defined line is priced as quantity × unit cost; leave the value empty");
    return;
  }
  const kind = shape.caseType === "BLANKET_ORDER" ? "a blanket order line" : "a CLSSA line";
  if (line.value === null) at("value", `${kind} needs a dollar value (its ceiling)`);
  if (line.quantity !== null || line.unitCost !== null) at("quantity", `${kind} has a dollar value, not item quantities`);
  if (shape.caseType === "CLSSA" && shape.clssaPart) {
    const expected = CLSSA_LINE_CODES[shape.clssaPart];
    if (line.typeOfAssistance !== expected.ta || line.sourceOfSupply !== expected.source) {
      at(
        "typeOfAssistance",
        `${shape.clssaPart === "FMSO_I" ? "an FMSO I" : "an FMSO II"} line uses type of assistance ${expected.ta} with source ${expected.source}`,
      );
    }
  }
}

export interface TermsBreakout {
  rows: { term: TermOfSale; amount: string; balance: boolean }[];
  problem: string | null;
}

/**
 * The case-level dollar breakout of several terms of sale (fms-domain.md §5.4): stated amounts, and "Balance" for
 * the last one. Without a balance row the stated amounts must add up to the total exactly.
 */
export function termsOfSaleBreakout(terms: readonly TermOfSaleShare[], total: string): TermsBreakout {
  const totalValue = new Decimal(total);
  if (terms.length === 0) return { rows: [], problem: "Choose at least one term of sale" };
  if (terms.length === 1) return { rows: [{ term: terms[0]!.term, amount: toAmount(totalValue), balance: terms[0]!.amount === null }], problem: null };
  const missing = terms.slice(0, -1).find((share) => share.amount === null);
  if (missing) return { rows: [], problem: `Give the dollar amount under ${TERM_OF_SALE_LABELS[missing.term]}; only the last term may be "Balance"` };
  const stated = terms.filter((share) => share.amount !== null).reduce((sum, share) => sum.plus(share.amount!), new Decimal(0));
  const last = terms[terms.length - 1]!;
  if (stated.gt(totalValue)) {
    return { rows: [], problem: `The terms of sale add up to $${toAmount(stated)}, more than the total estimated cost $${toAmount(totalValue)}` };
  }
  if (last.amount !== null && !stated.eq(totalValue)) {
    return {
      rows: [],
      problem: `The terms of sale add up to $${toAmount(stated)} but the total estimated cost is $${toAmount(totalValue)}; make the last one "Balance" or correct the amounts`,
    };
  }
  return {
    rows: terms.map((share) => ({
      term: share.term,
      amount: share.amount ?? toAmount(totalValue.minus(stated)),
      balance: share.amount === null,
    })),
    problem: null,
  };
}

/** Library notes this LOA must carry, by the conditions in the note library (loa-notes.csv `when_required`). */
export function requiredNoteKeys(content: LoaContent, priced: PricedLoa, shape: LoaShape): string[] {
  const keys = ["administrative-surcharge"];
  const summary = priced.summary;
  if (new Decimal(summary.packingCratingHandling).plus(summary.transportation).gt(0)) keys.push("accessorial-charges");
  if (content.lines.some((line) => line.sourceOfSupply === "P" || line.sourceOfSupply === "X")) {
    keys.push("contract-administration-services-cas-surcharge");
  }
  if (priced.lines.some((line) => !line.isHeader && new Decimal(line.nc).gt(0))) keys.push("nonrecurring-cost-apply-estimated");
  if (content.lines.some((line) => line.ncWaived)) keys.push("nonrecurring-cost-waiver-approved");
  if (new Decimal(summary.transportation).gt(0)) keys.push("transportation-services-through-dts");
  if (shape.caseType === "CLSSA" && shape.clssaPart === "FMSO_I") keys.push("cooperative-logistics-supply-support-arrangement-clssa-fmso-i-purpose");
  return keys;
}

/** What stops this LOA from going to review, in plain words; empty when it is ready. */
export function submissionProblems(content: LoaContent, priced: PricedLoa, shape: LoaShape, noteTitles: Record<string, string>): string[] {
  const problems: string[] = [];
  if (content.lines.length === 0) problems.push("Add at least one line");
  if (!content.description.trim()) problems.push("Write the case description");
  problems.push(...validateLoaContent(content, shape).map((issue) => issue.message));
  const breakout = termsOfSaleBreakout(content.termsOfSale, priced.summary.totalEstimatedCost);
  if (breakout.problem) problems.push(breakout.problem);
  if (shape.caseType === "CLSSA" && !shape.clssaPart) problems.push("Say whether this CLSSA case is FMSO I or FMSO II");
  const present = new Set(content.notes.map((note) => note.key));
  for (const key of requiredNoteKeys(content, priced, shape)) {
    if (!present.has(key)) problems.push(`Add the note "${noteTitles[key] ?? key}": this LOA must carry it`);
  }
  return problems;
}
