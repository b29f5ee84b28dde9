// Everything the LOA PDF prints, already worded and formatted: the renderer only lays it out, so the same model
// always renders to the same bytes (fms-domain.md §10). Built from a document version by src/server/loa.

export interface LoaPdfModel {
  /** "BN-P-AAB", "BN-P-AAB A01" … */
  documentName: string;
  /** "Letter of Offer and Acceptance", "Amendment 1 to the Letter of Offer and Acceptance" … */
  title: string;
  caseIdentifier: string;
  purchaser: string;
  implementingAgency: string;
  /** "Based on …" and the LORs in date order, or "Based on U.S. Government Review". */
  customerReference: string;
  /** "January 6, 2027", or "Set when the agency approves the LOA". */
  offerExpiration: string;
  loaType: string;
  description: string;
  /** Amendments and Modifications state why (eSAMM 6.07). */
  changeReason: string | null;
  termsOfSale: { term: string; amount: string }[];
  initialDeposit: string;
  lines: {
    lineNumber: string;
    /** "F1K 1005000566753" */
    masl: string;
    description: string;
    /** "10 EA", or "—" for a value line. */
    quantity: string;
    unitCost: string;
    total: string;
    sourceOfSupply: string;
    typeOfAssistance: string;
    monthsOfService: string;
    deliveryTermCode: string;
    /** MDE / SME / D&C markers, e.g. "MDE, SME". */
    flags: string;
    note: string | null;
    isSubline: boolean;
  }[];
  costSummary: { label: string; amount: string }[];
  paymentSchedule: { dueOn: string; amount: string; cumulative: string }[];
  notes: { title: string; text: string }[];
  /**
   * `signature`: an electronic signature's two lines, "e-signed\nkey <Ed25519 key fingerprint>" (ADR 0031); absent
   * where the block is left to sign by hand.
   */
  signatures: { role: string; name: string; title: string; date: string; signature?: string }[];
  /** True until the document is offered: every page carries a DRAFT watermark. */
  draft: boolean;
  /** Printed in each page's footer, e.g. "Priced on 2026-11-22". */
  footer: string;
}
