// How the after-acceptance events (deposits, contracts, requisitions, shipments, services, SSC, SDRs, statements,
// payments, annual reviews, closure) read on a case's timeline, and which the partner sees. Each is an audit event
// on the case's hash chain (target "case"), recorded in the same transaction as the change it describes; its details
// hold what the note prints. Each area keeps its entries in its own module and they are merged here.
import { CLOSURE_EVENTS } from "./closure-events";
import { MONEY_EVENTS } from "./money-events";
import { LINE_EVENTS } from "./line-events";
import { SDR_EVENTS } from "./sdr-events";

export type EventDetails = Record<string, unknown>;

export interface ExecutionEventText {
  label: string;
  /** The partner sees this entry (with its note). U.S. Government-only entries stay off their timeline. */
  partnerVisible: boolean;
  /** The facts the entry prints, from its audit details; null for none. */
  note?: (details: EventDetails, viewer: { partner: boolean }) => string | null;
  /**
   * The same facts as data, for a page to word in its reader's language (a message in the ExecNotes catalogue):
   * `message` names it, the other fields fill it — days as ISO dates, amounts as decimal strings, codes as codes.
   */
  fact?: (details: EventDetails, viewer: { partner: boolean }) => ExecutionFact | null;
}

export type ExecutionFact = { message: string } & Record<string, string>;

// One spread per area (money, lines, SDRs, closure), e.g. `...SDR_EVENTS`.
export const EXECUTION_EVENTS: Readonly<Record<string, ExecutionEventText>> = { ...MONEY_EVENTS, ...LINE_EVENTS, ...SDR_EVENTS, ...CLOSURE_EVENTS };

export const executionEventOf = (action: string): ExecutionEventText | null =>
  Object.hasOwn(EXECUTION_EVENTS, action) ? EXECUTION_EVENTS[action]! : null;
