import type { DeliveryTermCode, SourceOfSupply, TermOfSale, TypeOfAssistance } from "./codes";

// One version of an LOA's content (fms-domain.md §2.3–2.4): what the builder edits, the pricing engine prices, the
// change classifier compares and the PDF prints. Amounts are exact decimal strings, never floats.

export interface LoaLine {
  /** "001", or "001a" for a subline of 001. */
  lineNumber: string;
  /** MASL generic code (3 characters) and MASL number (13 characters). */
  genericCode: string;
  maslNumber: string;
  description: string;
  /** Defined lines: quantity × unit cost. Blanket and CLSSA lines carry a dollar value instead. */
  quantity: number | null;
  unitOfIssue: string | null;
  unitCost: string | null;
  value: string | null;
  sourceOfSupply: SourceOfSupply;
  typeOfAssistance: TypeOfAssistance;
  monthsOfService: number | null;
  /** Null when nothing ships (services): then neither PC&H nor transportation applies. */
  deliveryTermCode: DeliveryTermCode | null;
  mde: boolean;
  sme: boolean;
  designConstruction: boolean;
  /** Source X only: the procurement share as a fraction ("0.6"); null uses the default share from the rate table. */
  procurementShare: string | null;
  /** Nonrecurring-cost recoupment per unit, MDE lines only. */
  ncPerUnit: string | null;
  ncWaived: boolean;
  ncWaiverReason: string | null;
  /** Printed on the LOA under the line. */
  note: string | null;
  /** U.S. Government only: the pricing build-up behind the estimate. Never shown to the partner. */
  internalNote: string | null;
  /** The administrative surcharge rate locked when the line was accepted (or implemented, for a Modification). */
  adminRate: string | null;
  rateLockedOn: string | null;
  /** A blanket line's value went up for the same items (a price change), not for more items (a scope increase). */
  priceOnlyIncrease: boolean;
}

export interface LoaNote {
  /** The note library key, or null for a note written for this LOA. */
  key: string | null;
  title: string;
  text: string;
  /** U.S. Government internal (for example, pricing notes): never on the partner's LOA or PDF. */
  internal: boolean;
}

export interface TermOfSaleShare {
  term: TermOfSale;
  /** The term's dollar share at case level; null for the only term, or the last one as "Balance". */
  amount: string | null;
}

export interface LoaContent {
  description: string;
  customerReference: string;
  termsOfSale: TermOfSaleShare[];
  /** Percent of the total due with acceptance ("20" is 20%). */
  initialDepositPercent: string;
  /** How many quarterly payments follow the deposit. */
  paymentQuarters: number;
  lines: LoaLine[];
  notes: LoaNote[];
}

export const emptyLine = (lineNumber: string): LoaLine => ({
  lineNumber,
  genericCode: "",
  maslNumber: "",
  description: "",
  quantity: null,
  unitOfIssue: null,
  unitCost: null,
  value: null,
  sourceOfSupply: "S",
  typeOfAssistance: "3",
  monthsOfService: null,
  deliveryTermCode: null,
  mde: false,
  sme: false,
  designConstruction: false,
  procurementShare: null,
  ncPerUnit: null,
  ncWaived: false,
  ncWaiverReason: null,
  note: null,
  internalNote: null,
  adminRate: null,
  rateLockedOn: null,
  priceOnlyIncrease: false,
});
