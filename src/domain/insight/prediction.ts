// When to expect what (issue 18 item 2): the predicted date of each step still ahead of a case, from the medians of how
// long that step took for the same agency in the last 12 months (src/server/insight/step-duration-stats.ts computes
// them in SQL), the congressional-notification periods in force, and the case's own dates. Pure: the server loads
// everything. A date is predicted only from enough history (MINIMUM_SAMPLE); otherwise the step says so and nothing
// after it gets a date. The LOR-to-offer target is the LOA_DEVELOPMENT rule in force when the letter was complete
// (fms-domain.md §9, "letter complete to offer"); a prediction past it marks the case "at risk" and names the step.
import { businessTimeBetween, dueDate, isBusinessDay, type DayKind } from "../sla";
import { CASE_EVENTS } from "../workflow/case-workflow";
import {
  REVIEW_OFFICES,
  STATUS_SLA_KEYS,
  TERMINAL_STATUSES,
  WORKFLOW_RULE_KEYS,
  type CaseStatus,
  type CnStatus,
  type ReviewOffice,
  type ReviewTaskStatus,
} from "../workflow/states";

const DAY_MS = 86_400_000;

/** Fewer past occurrences than this and a median says too little: the step reports "not enough history". */
export const MINIMUM_SAMPLE = 5;
/** The statistics look back this far. */
export const HISTORY_MONTHS = 12;

/** Every step a prediction can name. Status steps share their key with the SLA rule of the state (STATUS_SLA_KEYS). */
export const PREDICTION_STEPS = [
  "CASE_ASSIGNMENT",
  "LOA_DEVELOPMENT",
  "REVIEW_DSCA",
  "REVIEW_STATE_PM",
  "REVIEW_DTSA",
  "CN_PREPARATION",
  "CN_STATE_CLEARANCE",
  "CN_INFORMAL_REVIEW",
  "CN_FORMAL_REVIEW",
  "AGENCY_SIGNATURE",
  "DSCA_COUNTERSIGNATURE",
  "OFFER_TRANSMITTAL",
  "FIRST_DELIVERY",
  // The partner's name for the reviews and the notification track together (partnerViewOfPrediction).
  "USG_REVIEW",
] as const;
export type PredictionStepKey = (typeof PREDICTION_STEPS)[number];

/** The steps whose duration comes from history (the statistics table holds one row per agency and step). */
export const HISTORY_STEPS = [
  "CASE_ASSIGNMENT",
  "LOA_DEVELOPMENT",
  "REVIEW_DSCA",
  "REVIEW_STATE_PM",
  "REVIEW_DTSA",
  "CN_PREPARATION",
  "CN_STATE_CLEARANCE",
  "AGENCY_SIGNATURE",
  "DSCA_COUNTERSIGNATURE",
  "OFFER_TRANSMITTAL",
  "SHIPMENT_TRANSIT",
] as const;
export type HistoryStepKey = (typeof HISTORY_STEPS)[number];

export const REVIEW_STEP: Record<ReviewOffice, PredictionStepKey & HistoryStepKey> = {
  DSCA: "REVIEW_DSCA",
  STATE_PM: "REVIEW_STATE_PM",
  DTSA: "REVIEW_DTSA",
};

/**
 * The path to the offer, as the workflow declares it: each state, the event that leaves it forward, and the step (and
 * SLA rule) of whoever acts there. IN_REVIEW is the parallel review set; its step is the AND-join.
 */
export const OFFER_PATH = [
  { status: "OPENED", event: "assign-agency", step: "CASE_ASSIGNMENT" },
  { status: "IN_DEVELOPMENT", event: "approve-loa", step: "LOA_DEVELOPMENT" },
  { status: "IN_REVIEW", event: "concur", step: null },
  { status: "READY_TO_SIGN", event: "sign", step: "AGENCY_SIGNATURE" },
  { status: "AGENCY_SIGNED", event: "countersign", step: "DSCA_COUNTERSIGNATURE" },
  { status: "COUNTERSIGNED", event: "offer", step: "OFFER_TRANSMITTAL" },
] as const satisfies readonly { status: CaseStatus; event: keyof typeof CASE_EVENTS; step: PredictionStepKey | null }[];

/** The SLA rule each step's duration is counted in (its kind of days) and, for the current step, its own target. */
export const STEP_RULE_KEYS: Partial<Record<HistoryStepKey, string>> = {
  CASE_ASSIGNMENT: STATUS_SLA_KEYS.OPENED!,
  LOA_DEVELOPMENT: STATUS_SLA_KEYS.IN_DEVELOPMENT!,
  REVIEW_DSCA: WORKFLOW_RULE_KEYS.review.DSCA,
  REVIEW_STATE_PM: WORKFLOW_RULE_KEYS.review.STATE_PM,
  REVIEW_DTSA: WORKFLOW_RULE_KEYS.review.DTSA,
  AGENCY_SIGNATURE: STATUS_SLA_KEYS.READY_TO_SIGN!,
  DSCA_COUNTERSIGNATURE: STATUS_SLA_KEYS.AGENCY_SIGNED!,
  OFFER_TRANSMITTAL: STATUS_SLA_KEYS.COUNTERSIGNED!,
};

/** Past durations of one step for the case's agency: how many, and their median in the step's kind of days. */
export interface StepHistory {
  sampleSize: number;
  /** Median duration in milliseconds of `unit` time (business time skips weekends, as src/domain/sla.ts counts it). */
  medianMs: number;
  unit: DayKind;
}

/** The median as PostgreSQL's percentile_cont(0.5) gives it: the middle value, or the mean of the two middle ones. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A step's history from raw durations (milliseconds of `unit` time), the median rounded to the millisecond. */
export function historyOf(durationsMs: readonly number[], unit: DayKind): StepHistory {
  const median = medianOf(durationsMs);
  return { sampleSize: durationsMs.length, medianMs: median === null ? 0 : Math.round(median), unit };
}

/**
 * `start` moved on by `ms` of business time: the inverse of businessTimeBetween (whole business days land on business
 * days at the start's time of day; the part of a day left over is counted on the next day that lands on one).
 */
export function addBusinessTime(start: Date, ms: number, holidays?: ReadonlySet<string>): Date {
  if (ms <= 0) return start;
  const wholeDays = Math.floor(ms / DAY_MS);
  const rest = ms - wholeDays * DAY_MS;
  const landed = dueDate(start, { days: wholeDays, dayKind: "BUSINESS" }, holidays).getTime();
  if (rest === 0) return new Date(landed);
  let day = 1;
  while (!isBusinessDay(new Date(landed + day * DAY_MS), holidays)) day += 1;
  return new Date(landed + (day - 1) * DAY_MS + rest);
}

/** `start` moved on by `ms` of the given kind of time. */
export const addDuration = (start: Date, ms: number, unit: DayKind, holidays?: ReadonlySet<string>) =>
  unit === "BUSINESS" ? addBusinessTime(start, ms, holidays) : new Date(start.getTime() + ms);

/** Time between two instants in the given kind of time. */
export const durationBetween = (start: Date, end: Date, unit: DayKind, holidays?: ReadonlySet<string>) =>
  unit === "BUSINESS" ? businessTimeBetween(start, end, holidays) : Math.max(end.getTime() - start.getTime(), 0);

/** "11 business days", "2.5 calendar days": days to one decimal place. */
export function formatDays(ms: number, unit: DayKind): string {
  const days = Math.round((ms / DAY_MS) * 10) / 10;
  return `${days} ${unit === "BUSINESS" ? "business" : "calendar"} day${days === 1 ? "" : "s"}`;
}

// ---- input ---------------------------------------------------------------------------------------------------------

export interface ReviewInput {
  office: ReviewOffice;
  status: ReviewTaskStatus;
  openedAt: Date;
  dueAt: Date;
}

export interface PeriodRule {
  days: number;
  dayKind: DayKind;
}

export interface PredictionInput {
  now: Date;
  status: CaseStatus;
  /** When the case entered its status, and that state's own target (null where no rule applies). */
  statusChangedAt: Date;
  statusDueAt: Date | null;
  /** The LOR-to-offer target, already moved on by any suspension; null when no rule was in force. */
  target: { dueAt: Date; days: number; dayKind: DayKind } | null;
  /** The reviews of the current round (none before the agency approves the LOA). */
  reviews: readonly ReviewInput[];
  cn: {
    status: CnStatus;
    /** When the track entered its current stage (from the case's history); null if unknown. */
    enteredAt: Date | null;
    informalEndsAt: Date | null;
    periodEndsAt: Date | null;
    natoPlus: boolean;
  };
  /** The notification periods in force now (effective-dated rules), for periods that have not started yet. */
  cnPeriods: { informal: PeriodRule | null; formal: PeriodRule | null };
  /** Each step's own service-level target in force (its SLA rule), to tell which step runs over its own target. */
  stepTargets?: Partial<Record<HistoryStepKey, PeriodRule>>;
  /** Past durations per step for the case's agency (absent: no history at all). */
  history: Partial<Record<HistoryStepKey, StepHistory>>;
  /** The agency's short name, for the basis text ("… of Navy cases"). */
  agencyName?: string;
  offeredAt: Date | null;
  /** Shipments recorded so far (execution); empty before execution. */
  shipments: readonly { shippedOn: Date; receivedOn: Date | null }[];
  minimumSample?: number;
  holidays?: ReadonlySet<string>;
}

// ---- output --------------------------------------------------------------------------------------------------------

export type StepState = "CURRENT" | "UPCOMING";
export type Basis =
  | { kind: "HISTORY"; sampleSize: number; medianMs: number; unit: DayKind }
  | { kind: "NOT_ENOUGH_HISTORY"; sampleSize: number; needed: number }
  | { kind: "PERIOD"; days: number; dayKind: DayKind; endsAt: Date | null }
  | { kind: "WAITING_ON_EARLIER" }
  | { kind: "HELD" }
  | { kind: "ACTUAL" };

export interface PredictedStep {
  key: PredictionStepKey;
  state: StepState;
  /** Steps that run side by side share a group: the slowest ("governs") decides when the group ends. */
  parallel: "REVIEW" | null;
  governs: boolean;
  startsAt: Date | null;
  predictedAt: Date | null;
  basis: Basis;
  /** The current step has passed its own target (its SLA due date, or a review's due date). */
  overOwnTarget: boolean;
  ownDueAt: Date | null;
  /** The usual duration over the step's own target (1.5 = half as long again); null without history or a target. */
  overrunRatio: number | null;
  explanation: string;
}

export interface CasePrediction {
  /** NONE: nothing is predicted (suspended, ended, expired), and `reason` says why. */
  kind: "PREDICTED" | "NONE";
  reason: string | null;
  steps: PredictedStep[];
  offer: {
    /** Already offered (an actual date) or predicted; null when it cannot be predicted. */
    offeredAt: Date | null;
    predictedAt: Date | null;
    targetAt: Date | null;
    atRisk: boolean;
    /** The target has already passed without an offer. */
    targetPassed: boolean;
    cause: PredictionStepKey | null;
    explanation: string;
  } | null;
  notificationClearance: { predictedAt: Date | null; explanation: string } | null;
  firstDelivery: { predictedAt: Date | null; delivered: boolean; explanation: string } | null;
}

export const STEP_LABELS: Record<PredictionStepKey, string> = {
  CASE_ASSIGNMENT: "DSCA assigns the implementing agency",
  LOA_DEVELOPMENT: "The agency develops and approves the LOA",
  REVIEW_DSCA: "DSCA case review",
  REVIEW_STATE_PM: "State review",
  REVIEW_DTSA: "DTSA review",
  CN_PREPARATION: "Congressional notification: DSCA prepares it",
  CN_STATE_CLEARANCE: "Congressional notification: State clears it",
  CN_INFORMAL_REVIEW: "Congressional notification: informal review",
  CN_FORMAL_REVIEW: "Congressional notification: formal review period",
  AGENCY_SIGNATURE: "Agency signature",
  DSCA_COUNTERSIGNATURE: "DSCA countersignature",
  OFFER_TRANSMITTAL: "Offer sent to the partner",
  FIRST_DELIVERY: "First delivery",
  USG_REVIEW: "U.S. Government review",
};

/** What one past occurrence of the step is called in the basis text. */
const SAMPLE_NOUN: Record<HistoryStepKey, string> = {
  CASE_ASSIGNMENT: "agency assignments",
  LOA_DEVELOPMENT: "LOA developments",
  REVIEW_DSCA: "DSCA reviews",
  REVIEW_STATE_PM: "State reviews",
  REVIEW_DTSA: "DTSA reviews",
  CN_PREPARATION: "notification preparations",
  CN_STATE_CLEARANCE: "State notification clearances",
  AGENCY_SIGNATURE: "agency signatures",
  DSCA_COUNTERSIGNATURE: "DSCA countersignatures",
  OFFER_TRANSMITTAL: "offer transmittals",
  SHIPMENT_TRANSIT: "shipments",
};

// ---- the computation -----------------------------------------------------------------------------------------------

const latest = (dates: readonly Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

const NO_PREDICTION: Partial<Record<CaseStatus, string>> = {
  SUSPENDED: "The case is suspended: its clocks are paused, so no date is predicted until DSCA resumes it.",
  EXPIRED: "The offer expired: dates are predicted again once the agency restates it.",
};

interface Ctx {
  input: PredictionInput;
  needed: number;
  scope: string;
}

function basisText(ctx: Ctx, key: HistoryStepKey, basis: Basis): string {
  if (basis.kind === "HISTORY") {
    return `Median of ${basis.sampleSize} ${SAMPLE_NOUN[key]}${ctx.scope} in the last ${HISTORY_MONTHS} months: ${formatDays(basis.medianMs, basis.unit)}`;
  }
  if (basis.kind === "NOT_ENOUGH_HISTORY") {
    return `Not enough history to predict: ${basis.sampleSize} ${SAMPLE_NOUN[key]}${ctx.scope} in the last ${HISTORY_MONTHS} months (at least ${basis.needed} needed)`;
  }
  return "";
}

/**
 * One step from history: it starts at `startsAt` (or, for the current step, when the case entered it) and ends a
 * median later — but never before now: a step that has already run longer than usual is expected to end any moment.
 */
function historyStep(
  ctx: Ctx,
  key: HistoryStepKey & PredictionStepKey,
  state: StepState,
  startsAt: Date | null,
  ownDueAt: Date | null,
  parallel: "REVIEW" | null = null,
): PredictedStep {
  const { now } = ctx.input;
  const history = ctx.input.history[key];
  const overOwnTarget = state === "CURRENT" && ownDueAt !== null && now.getTime() > ownDueAt.getTime();
  const base = { key, state, parallel, governs: false, startsAt, ownDueAt, overOwnTarget, overrunRatio: null };
  if (!history || history.sampleSize < ctx.needed) {
    const basis: Basis = { kind: "NOT_ENOUGH_HISTORY", sampleSize: history?.sampleSize ?? 0, needed: ctx.needed };
    return { ...base, predictedAt: null, basis, explanation: basisText(ctx, key, basis) };
  }
  const basis: Basis = { kind: "HISTORY", sampleSize: history.sampleSize, medianMs: history.medianMs, unit: history.unit };
  if (!startsAt) {
    return { ...base, predictedAt: null, basis: { kind: "WAITING_ON_EARLIER" }, explanation: `${basisText(ctx, key, basis)}; its start depends on an earlier step that cannot be predicted` };
  }
  const usualEnd = addDuration(startsAt, history.medianMs, history.unit, ctx.input.holidays);
  let explanation = basisText(ctx, key, basis);
  if (state === "CURRENT" && usualEnd.getTime() < now.getTime()) {
    explanation += `; it has already taken longer (${formatDays(durationBetween(startsAt, now, history.unit, ctx.input.holidays), history.unit)}), so it is expected any day now`;
  }
  if (overOwnTarget) explanation += "; it is past its own target";
  const own = ctx.input.stepTargets?.[key];
  // Comparable only in the same kind of days (the server reads the median in the unit of the step's own rule).
  const overrunRatio = own && own.dayKind === history.unit && own.days > 0 ? history.medianMs / (own.days * DAY_MS) : null;
  return { ...base, overrunRatio, predictedAt: later(usualEnd, now), basis, explanation };
}

/** A congressional review period: its end is known once it has started, otherwise the period in force from its start. */
function periodStep(ctx: Ctx, key: "CN_INFORMAL_REVIEW" | "CN_FORMAL_REVIEW", state: StepState, startsAt: Date | null, endsAt: Date | null, rule: PeriodRule | null): PredictedStep {
  const base = { key, state, parallel: "REVIEW" as const, governs: false, startsAt, ownDueAt: endsAt, overOwnTarget: false, overrunRatio: null };
  const name = key === "CN_INFORMAL_REVIEW" ? "Informal review period" : "Formal notification period";
  if (endsAt) {
    return { ...base, predictedAt: endsAt, basis: { kind: "PERIOD", days: rule?.days ?? 0, dayKind: rule?.dayKind ?? "CALENDAR", endsAt }, explanation: `${name}: its end is fixed by law and policy once it starts` };
  }
  if (!rule) {
    return { ...base, predictedAt: null, basis: { kind: "NOT_ENOUGH_HISTORY", sampleSize: 0, needed: ctx.needed }, explanation: `No ${name.toLowerCase()} is in force, so its end cannot be predicted` };
  }
  const period = `${name} in force: ${rule.days} ${rule.dayKind === "BUSINESS" ? "business" : "calendar"} days`;
  if (!startsAt) return { ...base, predictedAt: null, basis: { kind: "WAITING_ON_EARLIER" }, explanation: `${period}; its start depends on an earlier step that cannot be predicted` };
  const predictedAt = dueDate(startsAt, rule, ctx.input.holidays);
  return { ...base, predictedAt, basis: { kind: "PERIOD", days: rule.days, dayKind: rule.dayKind, endsAt: null }, explanation: `${period}, from the earliest day it can start` };
}

/** The congressional-notification track from its current stage to clearance; empty when it is not required or cleared. */
function notificationSteps(ctx: Ctx): PredictedStep[] | "HELD" {
  const { cn, cnPeriods, now } = ctx.input;
  if (cn.status === "NOT_REQUIRED" || cn.status === "CLEARED") return [];
  if (cn.status === "HELD" || cn.status === "BLOCKED") return "HELD";
  const order: CnStatus[] = ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW", "FORMALLY_NOTIFIED"];
  const at = order.indexOf(cn.status);
  const steps: PredictedStep[] = [];
  // The current stage runs from when the track entered it; each later one from the predicted end of the one before.
  let cursor: Date | null = null;
  const stateOf = (index: number): StepState => (index === at ? "CURRENT" : "UPCOMING");
  const startOf = (index: number) => (index === at ? (cn.enteredAt ?? now) : cursor);
  if (at <= 0) {
    const step = historyStep(ctx, "CN_PREPARATION", stateOf(0), startOf(0), null, "REVIEW");
    steps.push(step);
    cursor = step.predictedAt;
  }
  if (at <= 1) {
    const step = historyStep(ctx, "CN_STATE_CLEARANCE", stateOf(1), startOf(1), null, "REVIEW");
    steps.push(step);
    cursor = step.predictedAt;
  }
  if (!cn.natoPlus && at <= 2) {
    const step = periodStep(ctx, "CN_INFORMAL_REVIEW", stateOf(2), startOf(2), at === 2 ? cn.informalEndsAt : null, cnPeriods.informal);
    steps.push(step);
    // DSCA notifies formally once the informal review is over: no earlier than today.
    cursor = step.predictedAt ? later(step.predictedAt, now) : null;
  }
  steps.push(periodStep(ctx, "CN_FORMAL_REVIEW", stateOf(3), at === 3 ? (cn.enteredAt ?? now) : cursor, at === 3 ? cn.periodEndsAt : null, cnPeriods.formal));
  return steps;
}

/** The predicted first delivery once execution exists: received already, or in transit for the usual time. */
function firstDelivery(ctx: Ctx): CasePrediction["firstDelivery"] {
  const { shipments } = ctx.input;
  const received = shipments.filter((s) => s.receivedOn !== null).map((s) => s.receivedOn!);
  if (received.length > 0) {
    const first = new Date(Math.min(...received.map((d) => d.getTime())));
    return { predictedAt: first, delivered: true, explanation: "The first shipment has been received" };
  }
  if (shipments.length === 0) {
    return { predictedAt: null, delivered: false, explanation: "No shipment has been recorded yet, so no delivery date can be predicted" };
  }
  const shipped = new Date(Math.min(...shipments.map((s) => s.shippedOn.getTime())));
  const history = ctx.input.history.SHIPMENT_TRANSIT;
  if (!history || history.sampleSize < ctx.needed) {
    const basis: Basis = { kind: "NOT_ENOUGH_HISTORY", sampleSize: history?.sampleSize ?? 0, needed: ctx.needed };
    return { predictedAt: null, delivered: false, explanation: basisText(ctx, "SHIPMENT_TRANSIT", basis).replace("shipments", "shipments received") };
  }
  const predictedAt = later(addDuration(shipped, history.medianMs, history.unit, ctx.input.holidays), ctx.input.now);
  const basis: Basis = { kind: "HISTORY", sampleSize: history.sampleSize, medianMs: history.medianMs, unit: history.unit };
  return { predictedAt, delivered: false, explanation: `From the first shipment: ${basisText(ctx, "SHIPMENT_TRANSIT", basis).replace(/^Median/, "median")} from shipping to receipt` };
}

/** When to expect what for one case. */
export function predictCase(input: PredictionInput): CasePrediction {
  const ctx: Ctx = { input, needed: input.minimumSample ?? MINIMUM_SAMPLE, scope: input.agencyName ? ` of ${input.agencyName} cases` : " of this agency's cases" };
  const none = (reason: string): CasePrediction => ({ kind: "NONE", reason, steps: [], offer: null, notificationClearance: null, firstDelivery: null });
  if (TERMINAL_STATUSES.includes(input.status)) return none("The case has ended: there is nothing left to predict.");
  const stopped = NO_PREDICTION[input.status];
  if (stopped) return none(stopped);

  const pathIndex = OFFER_PATH.findIndex((p) => p.status === input.status);
  if (pathIndex < 0) {
    // Offered or later: the offer date is a fact; what is ahead is the partner's decision, then execution.
    const executing = ["IMPLEMENTED", "EXECUTING", "SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"].includes(input.status);
    return {
      kind: "PREDICTED",
      reason: null,
      steps: [],
      offer: input.offeredAt
        ? { offeredAt: input.offeredAt, predictedAt: null, targetAt: input.target?.dueAt ?? null, atRisk: false, targetPassed: false, cause: null, explanation: "The LOA has been offered" }
        : null,
      notificationClearance: null,
      firstDelivery: executing ? firstDelivery(ctx) : null,
    };
  }

  const steps: PredictedStep[] = [];
  let cursor: Date | null = input.now;
  let heldBy: string | null = null;
  let clearance: CasePrediction["notificationClearance"] = null;
  for (let index = pathIndex; index < OFFER_PATH.length; index += 1) {
    const entry = OFFER_PATH[index]!;
    const current = index === pathIndex;
    if (entry.step !== null) {
      const step = historyStep(ctx, entry.step, current ? "CURRENT" : "UPCOMING", current ? input.statusChangedAt : cursor, current ? input.statusDueAt : null);
      steps.push(step);
      cursor = step.predictedAt;
      continue;
    }
    // The parallel review set: each required office's review, beside the notification track; the AND-join waits for all.
    const group: PredictedStep[] = [];
    for (const office of REVIEW_OFFICES) {
      const task = current ? input.reviews.find((r) => r.office === office) : undefined;
      if (task && task.status !== "OPEN") continue; // decided or not required: nothing ahead
      group.push(historyStep(ctx, REVIEW_STEP[office], task ? "CURRENT" : "UPCOMING", task ? task.openedAt : cursor, task ? task.dueAt : null, "REVIEW"));
    }
    const track = notificationSteps(ctx);
    const cnSteps = track === "HELD" ? [] : track;
    if (track === "HELD") {
      heldBy = input.cn.status === "BLOCKED" ? "Congress blocked the sale by joint resolution" : "The congressional notification is on hold";
      clearance = { predictedAt: null, explanation: `${heldBy}: no clearance date can be predicted` };
    } else {
      group.push(...cnSteps);
      const last = cnSteps.at(-1);
      if (last) {
        clearance = {
          predictedAt: last.predictedAt,
          explanation: last.predictedAt
            ? `${last.key === "CN_FORMAL_REVIEW" && input.cn.periodEndsAt ? "The formal review period ends then" : "The earliest end of the notification periods in force, after the steps before them"}`
            : "The notification's clearance cannot be predicted: an earlier step lacks history",
        };
      }
    }
    // Within the notification track only its last step ends the track; each review office ends on its own.
    const ends = group.filter((s) => !s.key.startsWith("CN_") || s === cnSteps.at(-1));
    if (ends.length > 0 && ends.every((s) => s.predictedAt !== null) && !heldBy) {
      const end = latest(ends.map((s) => s.predictedAt!));
      const governing = ends.find((s) => s.predictedAt!.getTime() === end.getTime())!;
      governing.governs = true;
      cursor = later(end, input.now);
    } else if (ends.length === 0 && !heldBy) {
      cursor = current ? input.now : cursor;
    } else {
      cursor = null;
    }
    steps.push(...group);
  }

  return { kind: "PREDICTED", reason: null, steps, offer: offerOutlook(ctx, steps, cursor, heldBy), notificationClearance: clearance, firstDelivery: null };
}

/** The offer date against the target, and — when it passes it — the step to blame. */
function offerOutlook(ctx: Ctx, steps: PredictedStep[], offerAt: Date | null, heldBy: string | null): NonNullable<CasePrediction["offer"]> {
  const { target, now } = ctx.input;
  const targetAt = target?.dueAt ?? null;
  const targetPassed = targetAt !== null && now.getTime() > targetAt.getTime();
  const atRisk = targetAt !== null && (targetPassed || (offerAt !== null && offerAt.getTime() > targetAt.getTime()));
  // The cause, in order: a current step already past its own target (the governing one first); else the step on the
  // critical path whose usual duration runs furthest over its own target; else the first step to end after the target.
  const onPath = (s: PredictedStep) => !s.parallel || s.governs;
  const overdue = steps.filter((s) => s.overOwnTarget);
  const overrun = steps
    .filter((s) => onPath(s) && s.overrunRatio !== null && s.overrunRatio > 1)
    .sort((a, b) => b.overrunRatio! - a.overrunRatio!)[0];
  const crossing = targetAt ? steps.find((s) => onPath(s) && s.predictedAt !== null && s.predictedAt.getTime() > targetAt.getTime()) : undefined;
  const cause = atRisk
    ? (overdue.find((s) => s.governs) ?? overdue[0] ?? overrun ?? crossing ?? steps.find((s) => s.state === "CURRENT") ?? null)
    : null;
  const targetText = target ? `the target of ${target.days} ${target.dayKind === "BUSINESS" ? "business" : "calendar"} days from the complete letter` : "no target";
  let explanation: string;
  if (targetPassed) explanation = `The offer is already later than ${targetText}`;
  else if (heldBy) explanation = `${heldBy}, so the offer date cannot be predicted`;
  else if (!offerAt) explanation = "Not enough history to predict the offer date (see the steps below)";
  else if (!targetAt) explanation = "No LOR-to-offer target was in force when the letter was complete";
  else if (atRisk) explanation = `The predicted offer comes after ${targetText}`;
  else explanation = `The predicted offer is within ${targetText}`;
  if (cause) explanation += `; the cause is ${STEP_LABELS[cause.key].replace(/^The /, "the ")}${cause.overOwnTarget ? ", already past its own target" : ""}`;
  return { offeredAt: null, predictedAt: offerAt, targetAt, atRisk, targetPassed, cause: cause?.key ?? null, explanation };
}

// ---- the partner's view --------------------------------------------------------------------------------------------

/** Steps the partner sees by name: the reviews and the notification track are one "U.S. Government review" to them. */
const PARTNER_STEP_LABELS: Partial<Record<PredictionStepKey, string>> = {
  CASE_ASSIGNMENT: "DSCA assigns the implementing agency",
  LOA_DEVELOPMENT: "The implementing agency develops and approves the LOA",
  AGENCY_SIGNATURE: "Agency signature",
  DSCA_COUNTERSIGNATURE: "DSCA countersignature",
  OFFER_TRANSMITTAL: "Offer sent to you",
  FIRST_DELIVERY: "First delivery",
};
export const PARTNER_REVIEW_LABEL = "U.S. Government review";

/** A step label for the audience: partners never see which U.S. Government office reviews, nor the notification track. */
export const stepLabelFor = (key: PredictionStepKey, partner: boolean) => (partner ? (PARTNER_STEP_LABELS[key] ?? PARTNER_REVIEW_LABEL) : STEP_LABELS[key]);

/**
 * What a partner may read of a prediction: the parallel reviews and the notification track fold into one
 * "U.S. Government review" step dated by the group's end, with a basis that names no office; the notification
 * clearance is left out (the notification track is U.S. Government-internal until it is public).
 */
export function partnerViewOfPrediction(prediction: CasePrediction): CasePrediction {
  const steps: PredictedStep[] = [];
  const group = prediction.steps.filter((s) => s.parallel === "REVIEW");
  for (const step of prediction.steps) {
    if (step.parallel !== "REVIEW") {
      steps.push(partnerStep(step));
      continue;
    }
    if (step !== group[0]) continue;
    const governing = group.find((s) => s.governs);
    const unknown = group.find((s) => s.predictedAt === null);
    const state: StepState = group.some((s) => s.state === "CURRENT") ? "CURRENT" : "UPCOMING";
    const explanation = governing
      ? `Based on how long the U.S. Government reviews of similar cases took in the last ${HISTORY_MONTHS} months (the slowest one decides)`
      : unknown?.basis.kind === "NOT_ENOUGH_HISTORY"
        ? "Not enough history to predict the U.S. Government review"
        : "The U.S. Government review cannot be dated yet";
    steps.push({
      key: "USG_REVIEW",
      state,
      parallel: "REVIEW",
      governs: true,
      startsAt: group[0]!.startsAt,
      predictedAt: governing?.predictedAt ?? null,
      basis: governing?.basis.kind === "HISTORY" ? governing.basis : (unknown?.basis ?? { kind: "WAITING_ON_EARLIER" }),
      // Internal service-level targets are the U.S. Government's own business.
      overOwnTarget: false,
      ownDueAt: null,
      overrunRatio: null,
      explanation,
    });
  }
  const causeStep = prediction.steps.find((s) => s.key === prediction.offer?.cause);
  const offer = prediction.offer && {
    ...prediction.offer,
    cause: causeStep?.parallel === "REVIEW" ? ("USG_REVIEW" as const) : prediction.offer.cause,
  };
  if (offer) offer.explanation = partnerOfferText(offer);
  return { ...prediction, steps, offer, notificationClearance: null };
}

/** The basis in words that name no agency or office. */
function partnerStep(step: PredictedStep): PredictedStep {
  const { basis } = step;
  let explanation: string;
  if (basis.kind === "HISTORY") {
    explanation = `Based on ${basis.sampleSize} similar cases in the last ${HISTORY_MONTHS} months: typically ${formatDays(basis.medianMs, basis.unit)}`;
  } else if (basis.kind === "NOT_ENOUGH_HISTORY") explanation = "Not enough history to predict this step";
  else explanation = "Depends on an earlier step that cannot be predicted yet";
  return { ...step, ownDueAt: null, overOwnTarget: false, overrunRatio: null, explanation };
}

function partnerOfferText(offer: NonNullable<CasePrediction["offer"]>): string {
  if (offer.offeredAt) return "The LOA has been offered";
  const cause = offer.cause ? `, because of the ${stepLabelFor(offer.cause, true).replace(/^The /, "")} step` : "";
  if (offer.targetPassed) return `The offer is later than its target${cause}`;
  if (!offer.predictedAt) return "The offer date cannot be predicted yet";
  if (offer.atRisk) return `The offer is expected after its target${cause}`;
  return "The offer is expected within its target";
}
