// The case workflow as data (fms-domain.md §3, §4.2–4.4, §6): every event a case can take, the states it leaves and
// reaches, the policy rule that says who may fire it, its guards and its effects. `transition()` and
// `availableActions()` in ./engine.ts read only this table, and the diagram is drawn from it.
import { depositStanding } from "../execution/billing";
import { nonAccRefusal, type ClosureType } from "../execution/closure";
import { executionEventOf } from "../execution/timeline";
import { formatUsd, sumAmounts } from "../money";
import type { Actor, PolicyAction } from "../policy";
import { dueDate, isoDay, ruleInForce, type SlaRule } from "../sla";
import { resumeClocks } from "./suspension";
import {
  CN_CLEAR_STATUSES,
  PRE_OFFER_STATUSES,
  REVIEW_OFFICES,
  REVIEW_OFFICE_ORGANIZATION,
  REVIEW_OFFICE_SHORT_NAMES,
  WAIVABLE_REVIEW_OFFICES,
  STATUS_SLA_KEYS,
  SUSPENDABLE_STATUSES,
  TERMINAL_STATUSES,
  WORKFLOW_RULE_KEYS,
  CASE_STATUSES,
  type CaseStatus,
  type CnStatus,
  type CommentVisibility,
  type ReviewDecision,
  type ReviewOffice,
  type ReviewTaskStatus,
} from "./states";

export interface ReviewTaskSnapshot {
  /** Absent for a task this transition opens. */
  id?: string;
  round: number;
  office: ReviewOffice;
  status: ReviewTaskStatus;
  openedAt: Date;
  dueAt: Date;
  slaRuleId: string | null;
  decision: ReviewDecision | null;
  decidedById: string | null;
  decidedAt: Date | null;
  comment: string | null;
  commentVisibility: CommentVisibility | null;
}

export interface CnSnapshot {
  status: CnStatus;
  heldFrom: CnStatus | null;
  informalEndsAt: Date | null;
  notifiedAt: Date | null;
  periodEndsAt: Date | null;
}

/** Everything the workflow reads and writes about a case. The server maps it to and from the database. */
export interface CaseSnapshot {
  status: CaseStatus;
  statusChangedAt: Date;
  statusDueAt: Date | null;
  statusSlaRuleId: string | null;
  suspendedFromStatus: CaseStatus | null;
  /**
   * The clock of the state the case was suspended from (when it entered it, its target and rule), kept by suspend and
   * restored by resume with its due date moved on by the time suspended (./suspension.ts). Null for a case never
   * suspended, after its resume, and for cases suspended before it was kept.
   */
  pausedStatusClock: StatusClock | null;
  countryId: string;
  agencyId: string;
  /** NATO, a NATO member, Japan, Australia, South Korea, Israel or New Zealand: shorter notification periods. */
  natoPlus: boolean;
  reviewRound: number;
  loaPreparerIds: readonly string[];
  agencyApprovedAt: Date | null;
  offerExpiresAt: Date | null;
  agencySignedAt: Date | null;
  countersignedAt: Date | null;
  offeredAt: Date | null;
  acceptedAt: Date | null;
  acceptance: { signerName: string; signerTitle: string; signedOn: string; initialDeposit: string } | null;
  /** The initial deposit the LOA called for at acceptance (kept, so a later Amendment does not change it). */
  initialDepositDue: string | null;
  depositReceivedAt: Date | null;
  implementedAt: Date | null;
  emergencyImplementation: boolean;
  closedAt: Date | null;
  cn: CnSnapshot;
  /** Every review task of every round, so separation of duties can see who decided what. */
  tasks: readonly ReviewTaskSnapshot[];
}

/** The clock of whoever must act while the case is in its state. */
export type StatusClock = Pick<CaseSnapshot, "statusChangedAt" | "statusDueAt" | "statusSlaRuleId">;

/** Facts from outside the case that a transition needs: the time, effective-dated rules and the country's OED days. */
export interface WorkflowContext {
  now: Date;
  rules: readonly (SlaRule & { id: string })[];
  holidays?: ReadonlySet<string>;
  /** The country's approved offer validity, if it has its own; otherwise the OFFER_VALIDITY rule applies. */
  countryOedDays: number | null;
  /**
   * The LOA draft behind the case, when the server has loaded it (src/server/loa): what stops it going to review,
   * and whether its values cross a congressional-notification threshold. Absent, the LOA is not checked.
   */
  loa?: { problems: readonly string[]; notificationRequired: boolean };
  /** From acceptance on (src/server/execution/after-acceptance-facts.ts): the money and lines the late events check. */
  afterAcceptance?: AfterAcceptanceFacts;
}

/** An accepted case's deposit, open lines and closure blockers, as exact decimal strings and plain reasons. */
export interface AfterAcceptanceFacts {
  /** What the accepted LOA's payment schedule asks with acceptance (the whole value for Cash with Acceptance). */
  initialDepositDue: string;
  /** Deposits recorded as received so far. */
  depositsReceived: string;
  /** Line numbers of the LOA in force that are neither supply/services complete nor cancelled. */
  openLines: readonly string[];
  /** Why the case cannot close yet, each in plain words; empty when nothing stands in the way. */
  closureBlockers: readonly string[];
  /**
   * Loaded once the case is supply/services complete (src/domain/execution/closure.ts): what stops the closure
   * certificate (open lines, open SDRs) and the unliquidated obligations a non-ACC closure must not leave.
   */
  closure?: { submitBlockers: readonly string[]; unliquidatedObligations: string };
}

/** Inputs after zod parsing (src/domain/schemas/case-actions.ts). */
export interface EventInput {
  comment?: string | null;
  commentVisibility?: CommentVisibility;
  agencyId?: string;
  required?: boolean;
  signerName?: string;
  signerTitle?: string;
  signedOn?: string;
  initialDeposit?: string;
  amount?: string;
  receivedOn?: string;
  wireReference?: string;
  /** With the closure certificate: Accelerated Case Closure or not. */
  closureType?: ClosureType;
  /** The review DSCA records as not required (review-not-required). */
  office?: ReviewOffice;
  /**
   * The LOA document the person confirmed before a binding step (./binding-confirmation.ts). The server checks it against
   * the stored document; the workflow itself does not read it.
   */
  acknowledgedDocument?: { number: number; version: number; sha256?: string | null };
}

export type Guard = (snapshot: CaseSnapshot, actor: Actor, context: WorkflowContext) => string | null;
/** Checks on the input that need the case (e.g. a signature date after the offer); answer [field, message]. */
export type InputCheck = (snapshot: CaseSnapshot, input: EventInput, context: WorkflowContext) => [string, string] | null;
export type Effect = (snapshot: CaseSnapshot, input: EventInput, actor: Actor | null, context: WorkflowContext) => CaseSnapshot;

export interface CaseEventDefinition {
  /** What the button says. */
  label: string;
  /** What the timeline says happened. */
  pastTense: string;
  from: readonly CaseStatus[];
  /** Every state the event can lead to (the effect picks one); "from" for events that keep the state. */
  to: readonly CaseStatus[] | "same";
  /** The policy rule for who may fire it; null for the clock's own events. */
  permission: PolicyAction | null;
  /** The congressional-notification states the event needs (notification events only). */
  cnFrom?: readonly CnStatus[];
  cnTo?: readonly CnStatus[];
  /** A comment (reason) is required. */
  commentRequired?: boolean;
  /** The partner sees this milestone on their timeline. Comments follow their own visibility. */
  partnerVisible: boolean;
  /**
   * Primary work (shown in inboxes) rather than a control every case offers (suspend, cancel…); a list limits it to
   * those states (assigning the agency is work when the case is new, reassigning it is not).
   */
  inbox: boolean | readonly CaseStatus[];
  guards?: readonly Guard[];
  inputChecks?: readonly InputCheck[];
  effect?: Effect;
}

// ---- helpers for guards and effects ----------------------------------------------------------------------------


/** The review office an actor decides for, from their organization. */
export function officeOf(actor: Actor): ReviewOffice | null {
  return REVIEW_OFFICES.find((office) => REVIEW_OFFICE_ORGANIZATION[office] === actor.organizationKind) ?? null;
}

export const currentTasks = (snapshot: CaseSnapshot) => snapshot.tasks.filter((t) => t.round === snapshot.reviewRound);

const openTaskFor = (snapshot: CaseSnapshot, office: ReviewOffice | null) =>
  office ? currentTasks(snapshot).find((t) => t.office === office && t.status === "OPEN") : undefined;

/**
 * Every review of the current round concurred (with or without comment), or DSCA recorded it as not required: the
 * AND-join waits only on the reviews that are required.
 */
export function allReviewsConcurred(snapshot: CaseSnapshot): boolean {
  const tasks = currentTasks(snapshot);
  return (
    tasks.length === REVIEW_OFFICES.length &&
    tasks.every(
      (t) => t.status === "NOT_REQUIRED" || (t.status === "DECIDED" && (t.decision === "CONCUR" || t.decision === "CONCUR_WITH_COMMENT")),
    )
  );
}

export const notificationClear = (snapshot: CaseSnapshot) => CN_CLEAR_STATUSES.includes(snapshot.cn.status);

/**
 * Whether the notification requirement has been decided. The agency's approval of the LOA decides it from the LOA's
 * values (AECA 36(b)), and DSCA may require it earlier; until then NOT_REQUIRED is only the starting value, not a
 * determination. A return to development withdraws the approval, so the next one decides again.
 */
export const notificationDetermined = (snapshot: Pick<CaseSnapshot, "cn" | "agencyApprovedAt">) =>
  snapshot.cn.status !== "NOT_REQUIRED" || snapshot.agencyApprovedAt !== null;

/** The AND-join: every review concurred and the notification track is cleared or not required. */
export const readyToSign = (snapshot: CaseSnapshot) => allReviewsConcurred(snapshot) && notificationClear(snapshot);

function rule(context: WorkflowContext, key: string) {
  return ruleInForce(context.rules, key, context.now);
}

/**
 * The clock of whoever must act while the case is in `status`, started at `context.now` under the rule in force then.
 * An offer is due at its expiration date. Used by every transition and by the opening of a case.
 */
export function statusClock(
  status: CaseStatus,
  offerExpiresAt: Date | null,
  context: Pick<WorkflowContext, "now" | "rules" | "holidays">,
): StatusClock {
  const key = STATUS_SLA_KEYS[status];
  const slaRule = key ? ruleInForce(context.rules, key, context.now) : null;
  return {
    statusChangedAt: context.now,
    statusDueAt: status === "OFFERED" ? offerExpiresAt : slaRule ? dueDate(context.now, slaRule, context.holidays) : null,
    statusSlaRuleId: slaRule?.id ?? null,
  };
}

/** Moves the case to `status`, restarting the clock of whoever must act next. */
export function enter(snapshot: CaseSnapshot, status: CaseStatus, context: WorkflowContext): CaseSnapshot {
  if (status === snapshot.status) return snapshot;
  return { ...snapshot, status, ...statusClock(status, snapshot.offerExpiresAt, context) };
}

/** When a period under the rule `key` that starts now ends, in the rule's own kind of days. */
function periodEnd(context: WorkflowContext, key: string, fallbackDays: number): Date {
  return dueDate(context.now, rule(context, key) ?? { days: fallbackDays, dayKind: "CALENDAR" }, context.holidays);
}

const addPreparer = (snapshot: CaseSnapshot, actor: Actor | null): CaseSnapshot =>
  actor && !snapshot.loaPreparerIds.includes(actor.userId)
    ? { ...snapshot, loaPreparerIds: [...snapshot.loaPreparerIds, actor.userId] }
    : snapshot;

/** Open tasks of the current round are cancelled (a return or disapproval ends the round). */
const cancelOpenTasks = (snapshot: CaseSnapshot): CaseSnapshot => ({
  ...snapshot,
  tasks: snapshot.tasks.map((t) => (t.round === snapshot.reviewRound && t.status === "OPEN" ? { ...t, status: "CANCELLED" } : t)),
});

/** Back to development: the offer terms and the agency approval no longer stand. */
const backToDevelopment = (snapshot: CaseSnapshot, context: WorkflowContext): CaseSnapshot =>
  enter(
    { ...cancelOpenTasks(snapshot), agencyApprovedAt: null, offerExpiresAt: null, agencySignedAt: null, countersignedAt: null, offeredAt: null },
    "IN_DEVELOPMENT",
    context,
  );

function decide(decision: ReviewDecision): Effect {
  return (snapshot, input, actor, context) => {
    const office = actor ? officeOf(actor) : null;
    const decided: CaseSnapshot = {
      ...snapshot,
      tasks: snapshot.tasks.map((t) =>
        t.round === snapshot.reviewRound && t.office === office && t.status === "OPEN"
          ? {
              ...t,
              status: "DECIDED",
              decision,
              decidedById: actor!.userId,
              decidedAt: context.now,
              comment: input.comment ?? null,
              commentVisibility: input.comment ? (input.commentVisibility ?? "USG_INTERNAL") : null,
            }
          : t,
      ),
    };
    if (decision === "RETURN") return backToDevelopment(decided, context);
    if (decision === "DISAPPROVE") return enter(cancelOpenTasks(decided), "DISAPPROVED", context);
    return readyToSign(decided) ? enter(decided, "READY_TO_SIGN", context) : decided;
  };
}

// ---- guards ----------------------------------------------------------------------------------------------------

const hasOpenReview: Guard = (snapshot, actor) =>
  openTaskFor(snapshot, officeOf(actor)) ? null : "Your office has no open review on this case";

/** Separation of duties: whoever drafted or approved the LOA for the agency cannot decide for DSCA. */
const notAnLoaPreparer: Guard = (snapshot, actor) =>
  officeOf(actor) === "DSCA" && snapshot.loaPreparerIds.includes(actor.userId)
    ? "You drafted or approved this LOA for the agency, so someone else must decide for DSCA"
    : null;

/**
 * Separation of duties: one person decides for one office only. A DSCA analyst who recorded another office's review as
 * not required counts as having acted for that office, so the DSCA review needs a second person: nobody removes a
 * check and passes their own review of the same case.
 */
const notDecidedForAnotherOffice: Guard = (snapshot, actor) => {
  const office = officeOf(actor);
  const other = snapshot.tasks.find((t) => t.decidedById === actor.userId && t.office !== office);
  if (!other) return null;
  return other.status === "NOT_REQUIRED"
    ? "You recorded another office's review of this case as not required, so someone else must decide DSCA's review"
    : "You already decided a review on this case for another office";
};

/** The same rule seen from the waiver: whoever decided DSCA's review of this case cannot also waive another office's. */
const notTheDscaReviewer: Guard = (snapshot, actor) =>
  snapshot.tasks.some((t) => t.office === "DSCA" && t.status === "DECIDED" && t.decidedById === actor.userId)
    ? "You decided DSCA's review of this case, so someone else must record that another review is not required"
    : null;

/** A State or DTSA review of the current round is still open: something DSCA could record as not required. */
const hasWaivableOpenReview: Guard = (snapshot) =>
  currentTasks(snapshot).some((t) => t.status === "OPEN" && (WAIVABLE_REVIEW_OFFICES as readonly ReviewOffice[]).includes(t.office))
    ? null
    : "No State or DTSA review is open on this case";

/** Which review is waived: State or DTSA, still open in this round (a decided review stands as decided). */
const waivableOffice: InputCheck = (snapshot, input) => {
  const office = input.office;
  if (!office) return ["office", "Choose the review that is not required: State or DTSA"];
  if (!(WAIVABLE_REVIEW_OFFICES as readonly ReviewOffice[]).includes(office)) {
    return ["office", "DSCA's own case review is always required; only a State or DTSA review can be recorded as not required"];
  }
  const task = currentTasks(snapshot).find((t) => t.office === office);
  const name = REVIEW_OFFICE_SHORT_NAMES[office];
  if (!task) return ["office", `There is no ${name} review in this round`];
  if (task.status === "NOT_REQUIRED") return ["office", `${name}'s review is already recorded as not required`];
  if (task.status !== "OPEN") return ["office", `${name} has already decided its review; a decided review cannot be recorded as not required`];
  return null;
};

const countersignerNotPreparer: Guard = (snapshot, actor) =>
  snapshot.loaPreparerIds.includes(actor.userId)
    ? "You drafted or approved this LOA for the agency, so someone else must countersign for DSCA"
    : null;

/** Guards that refuse the person rather than the moment: a refusal is "forbidden", not "try later". */
export const SEPARATION_OF_DUTIES_GUARDS: ReadonlySet<Guard> = new Set([notAnLoaPreparer, notDecidedForAnotherOffice, notTheDscaReviewer, countersignerNotPreparer]);

const notificationCleared: Guard = (snapshot) =>
  notificationClear(snapshot) ? null : "The congressional notification must be cleared (or not required) first";

const loaReadyForReview: Guard = (_snapshot, _actor, context) =>
  context.loa && context.loa.problems.length > 0 ? `The LOA is not ready for review: ${context.loa.problems.join("; ")}` : null;

const offerNotExpired: Guard = (snapshot, _actor, context) =>
  snapshot.offerExpiresAt && context.now.getTime() >= snapshot.offerExpiresAt.getTime()
    ? "The offer expiration date has passed; the agency must restate the offer"
    : null;

const offerDatePassed: Guard = (snapshot, _actor, context) =>
  snapshot.status === "EXPIRED" || (snapshot.offerExpiresAt && context.now.getTime() >= snapshot.offerExpiresAt.getTime())
    ? null
    : "The offer can be restated only once its expiration date has passed";

const informalReviewOver: Guard = (snapshot, _actor, context) =>
  snapshot.cn.informalEndsAt && context.now.getTime() >= snapshot.cn.informalEndsAt.getTime()
    ? null
    : "The informal review period has not ended yet";

const signedOnWithinOffer: InputCheck = (snapshot, input, context) => {
  if (!input.signedOn) return null;
  if (input.signedOn > isoDay(context.now)) return ["signedOn", "The signature date cannot be in the future"];
  if (snapshot.offeredAt && input.signedOn < isoDay(snapshot.offeredAt)) {
    return ["signedOn", "The signature date cannot be before the offer was made"];
  }
  return null;
};

const receivedOnNotFuture: InputCheck = (_snapshot, input, context) =>
  input.receivedOn && input.receivedOn > isoDay(context.now) ? ["receivedOn", "The date received cannot be in the future"] : null;

/** The partner may not promise less than the deposit the LOA calls for (checked when the server knows it). */
const promisesDepositDue: InputCheck = (_snapshot, input, context) => {
  const due = context.afterAcceptance?.initialDepositDue;
  if (!due || input.initialDeposit === undefined) return null;
  return depositStanding(due, input.initialDeposit).covered
    ? null
    : ["initialDeposit", `The LOA calls for an initial deposit of ${formatUsd(due)}; you cannot promise less`];
};

/** What the deposit must cover: the LOA's amount, else the one kept at acceptance, else what the partner promised. */
const depositDueOf = (snapshot: CaseSnapshot, context: WorkflowContext) =>
  context.afterAcceptance?.initialDepositDue ?? snapshot.initialDepositDue ?? snapshot.acceptance?.initialDeposit ?? "0.00";

/** A case is supply/services complete when every line of the LOA in force is SSC or cancelled (checked when known). */
const noOpenLines: Guard = (_snapshot, _actor, context) => {
  const open = context.afterAcceptance?.openLines ?? [];
  if (open.length === 0) return null;
  return `Every line must be supply/services complete or cancelled first; still open: line${open.length === 1 ? "" : "s"} ${open.join(", ")}`;
};

/** The closure certificate waits for every line to be SSC or cancelled and every SDR settled (the payment may follow). */
const closureSubmittable: Guard = (_snapshot, _actor, context) => {
  const blockers = context.afterAcceptance?.closure?.submitBlockers ?? [];
  return blockers.length > 0 ? `The closure certificate cannot be submitted yet: ${blockers.join("; ")}` : null;
};

const closureTypeFits: InputCheck = (_snapshot, input, context) => {
  if (!input.closureType) return ["closureType", "Choose Accelerated Case Closure (ACC) or non-ACC closure"];
  const refusal = input.closureType === "NON_ACC" ? nonAccRefusal(context.afterAcceptance?.closure?.unliquidatedObligations ?? "0") : null;
  return refusal ? ["closureType", refusal] : null;
};

/** Nothing closes with money or deliveries outstanding: every blocker is named, not only the first. */
const nothingOutstanding: Guard = (_snapshot, _actor, context) => {
  const blockers = context.afterAcceptance?.closureBlockers ?? [];
  return blockers.length > 0 ? `The case cannot close yet: ${blockers.join("; ")}` : null;
};

// ---- the definition --------------------------------------------------------------------------------------------

const REVIEW_TARGETS: readonly CaseStatus[] = ["IN_REVIEW", "READY_TO_SIGN"];

export const CASE_EVENTS = {
  "assign-agency": {
    label: "Assign implementing agency",
    pastTense: "Implementing agency assigned",
    from: ["OPENED", "IN_DEVELOPMENT"],
    to: ["IN_DEVELOPMENT"],
    permission: "assignCaseAgency",
    partnerVisible: true,
    inbox: ["OPENED"],
    inputChecks: [
      (snapshot, input) =>
        snapshot.status === "IN_DEVELOPMENT" && input.agencyId === snapshot.agencyId
          ? ["agencyId", "The case is already with this agency; choose another to reassign it"]
          : null,
    ],
    effect: (snapshot, input, _actor, context) => enter({ ...snapshot, agencyId: input.agencyId! }, "IN_DEVELOPMENT", context),
  },
  "approve-loa": {
    label: "Approve LOA for the agency (MILAP)",
    pastTense: "Agency approved the LOA (MILAP)",
    from: ["IN_DEVELOPMENT"],
    to: ["IN_REVIEW"],
    permission: "developLoa",
    partnerVisible: true,
    inbox: true,
    guards: [loaReadyForReview],
    effect: (snapshot, _input, actor, context) => {
      const round = snapshot.reviewRound + 1;
      const tasks = REVIEW_OFFICES.map((office): ReviewTaskSnapshot => {
        const slaRule = rule(context, WORKFLOW_RULE_KEYS.review[office]);
        return {
          round,
          office,
          status: "OPEN",
          openedAt: context.now,
          // Without a rule in force the task is due at once, so a missing rule shows up as overdue rather than hiding.
          dueAt: slaRule ? dueDate(context.now, slaRule, context.holidays) : context.now,
          slaRuleId: slaRule?.id ?? null,
          decision: null,
          decidedById: null,
          decidedAt: null,
          comment: null,
          commentVisibility: null,
        };
      });
      return enter(
        addPreparer(
          {
            ...snapshot,
            reviewRound: round,
            agencyApprovedAt: context.now,
            // The LOA's values decide whether Congress must be notified (AECA 36(b)); DSCA can still change it.
            cn:
              context.loa?.notificationRequired && snapshot.cn.status === "NOT_REQUIRED"
                ? { ...snapshot.cn, status: "PREPARATION" }
                : snapshot.cn,
            offerExpiresAt:
              context.countryOedDays !== null
                ? dueDate(context.now, { days: context.countryOedDays, dayKind: "CALENDAR" })
                : periodEnd(context, WORKFLOW_RULE_KEYS.offerValidity, 85),
            tasks: [...snapshot.tasks, ...tasks],
          },
          actor,
        ),
        "IN_REVIEW",
        context,
      );
    },
  },
  concur: {
    label: "Concur",
    pastTense: "Review concurred",
    from: ["IN_REVIEW"],
    to: REVIEW_TARGETS,
    permission: "decideReview",
    partnerVisible: false,
    inbox: true,
    guards: [hasOpenReview, notAnLoaPreparer, notDecidedForAnotherOffice],
    effect: decide("CONCUR"),
  },
  "concur-with-comment": {
    label: "Concur with comment",
    pastTense: "Review concurred with comment",
    from: ["IN_REVIEW"],
    to: REVIEW_TARGETS,
    permission: "decideReview",
    commentRequired: true,
    partnerVisible: false,
    inbox: true,
    guards: [hasOpenReview, notAnLoaPreparer, notDecidedForAnotherOffice],
    effect: decide("CONCUR_WITH_COMMENT"),
  },
  "return-for-rework": {
    label: "Return for rework",
    pastTense: "Returned to the agency for rework",
    from: ["IN_REVIEW"],
    to: ["IN_DEVELOPMENT"],
    permission: "decideReview",
    commentRequired: true,
    partnerVisible: false,
    inbox: true,
    guards: [hasOpenReview, notAnLoaPreparer, notDecidedForAnotherOffice],
    effect: decide("RETURN"),
  },
  disapprove: {
    label: "Disapprove",
    pastTense: "Case disapproved",
    from: ["IN_REVIEW"],
    to: ["DISAPPROVED"],
    permission: "decideReview",
    commentRequired: true,
    partnerVisible: true,
    inbox: true,
    guards: [hasOpenReview, notAnLoaPreparer, notDecidedForAnotherOffice],
    effect: decide("DISAPPROVE"),
  },
  "review-not-required": {
    label: "Record that a review is not required",
    pastTense: "Review recorded as not required",
    from: ["IN_REVIEW"],
    to: REVIEW_TARGETS,
    permission: "waiveReview",
    // The reason is the record: it stays inside the U.S. Government (the input takes no visibility).
    commentRequired: true,
    partnerVisible: false,
    inbox: false,
    guards: [hasWaivableOpenReview, notAnLoaPreparer, notTheDscaReviewer],
    inputChecks: [waivableOffice],
    // The task closes as NOT_REQUIRED, with who recorded it, when and why; the join may then be complete. The waiver
    // covers this round only: an LOA returned and approved again is reviewed by every office again (it may have changed).
    effect: (snapshot, input, actor, context) => {
      const next: CaseSnapshot = {
        ...snapshot,
        tasks: snapshot.tasks.map((t) =>
          t.round === snapshot.reviewRound && t.office === input.office && t.status === "OPEN"
            ? {
                ...t,
                status: "NOT_REQUIRED",
                decision: null,
                decidedById: actor!.userId,
                decidedAt: context.now,
                comment: input.comment ?? null,
                commentVisibility: "USG_INTERNAL",
              }
            : t,
        ),
      };
      return readyToSign(next) ? enter(next, "READY_TO_SIGN", context) : next;
    },
  },
  "set-notification-requirement": {
    label: "Set congressional notification",
    pastTense: "Congressional notification requirement set",
    from: PRE_OFFER_STATUSES,
    // Mostly keeps the state, but moves a case between IN_REVIEW and READY_TO_SIGN (see the effect), so not "same".
    to: PRE_OFFER_STATUSES,
    permission: "manageNotification",
    cnFrom: ["NOT_REQUIRED", "PREPARATION"],
    cnTo: ["NOT_REQUIRED", "PREPARATION"],
    partnerVisible: false,
    inbox: false,
    inputChecks: [
      (snapshot, input) =>
        (input.required === true) === (snapshot.cn.status === "PREPARATION")
          ? ["required", input.required ? "Notification is already required" : "Notification is already not required"]
          : null,
    ],
    effect: (snapshot, input, _actor, context) => {
      const next: CaseSnapshot = { ...snapshot, cn: { ...snapshot.cn, status: input.required ? "PREPARATION" : "NOT_REQUIRED" } };
      // A ready case goes back to review when notification becomes required; a reviewed one is ready once it is not.
      if (next.status === "READY_TO_SIGN" && !readyToSign(next)) return enter(next, "IN_REVIEW", context);
      if (next.status === "IN_REVIEW" && readyToSign(next)) return enter(next, "READY_TO_SIGN", context);
      return next;
    },
  },
  "send-notification-to-state": {
    label: "Send notification to State for clearance",
    pastTense: "Notification sent to State for clearance",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "manageNotification",
    cnFrom: ["PREPARATION"],
    cnTo: ["STATE_CLEARANCE"],
    partnerVisible: false,
    inbox: true,
    effect: (snapshot) => ({ ...snapshot, cn: { ...snapshot.cn, status: "STATE_CLEARANCE" } }),
  },
  "clear-notification": {
    label: "Clear notification for State",
    pastTense: "State cleared the notification",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "clearNotification",
    cnFrom: ["STATE_CLEARANCE"],
    cnTo: ["INFORMAL_REVIEW", "FORMALLY_NOTIFIED"],
    partnerVisible: false,
    inbox: true,
    // Once State clears, DSCA delivers: NATO+ straight to formal notification, others to the 20-day informal review.
    effect: (snapshot, _input, _actor, context) => {
      if (snapshot.natoPlus) return formallyNotify(snapshot, context);
      return {
        ...snapshot,
        cn: { ...snapshot.cn, status: "INFORMAL_REVIEW", informalEndsAt: periodEnd(context, WORKFLOW_RULE_KEYS.cnInformalReview, 20) },
      };
    },
  },
  "notify-congress": {
    label: "Formally notify Congress",
    pastTense: "Congress formally notified",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "manageNotification",
    cnFrom: ["INFORMAL_REVIEW"],
    cnTo: ["FORMALLY_NOTIFIED"],
    partnerVisible: false,
    inbox: true,
    guards: [informalReviewOver],
    effect: (snapshot, _input, _actor, context) => formallyNotify(snapshot, context),
  },
  "notification-period-ended": {
    label: "Congressional review period ended",
    pastTense: "Congressional review period ended without a joint resolution",
    from: PRE_OFFER_STATUSES,
    // Mostly keeps the state, but completes the AND-join (IN_REVIEW → READY_TO_SIGN), so not "same".
    to: PRE_OFFER_STATUSES,
    permission: null,
    cnFrom: ["FORMALLY_NOTIFIED"],
    cnTo: ["CLEARED"],
    partnerVisible: false,
    inbox: false,
    effect: (snapshot, _input, _actor, context) => {
      const next: CaseSnapshot = { ...snapshot, cn: { ...snapshot.cn, status: "CLEARED" } };
      return next.status === "IN_REVIEW" && readyToSign(next) ? enter(next, "READY_TO_SIGN", context) : next;
    },
  },
  "record-notification-blocked": {
    label: "Record joint resolution blocking the sale",
    pastTense: "Congress blocked the sale by joint resolution",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "manageNotification",
    cnFrom: ["FORMALLY_NOTIFIED"],
    cnTo: ["BLOCKED"],
    commentRequired: true,
    partnerVisible: false,
    inbox: false,
    effect: (snapshot) => ({ ...snapshot, cn: { ...snapshot.cn, status: "BLOCKED" } }),
  },
  "hold-notification": {
    label: "Hold notification",
    pastTense: "Notification held",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "holdNotification",
    cnFrom: ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"],
    cnTo: ["HELD"],
    commentRequired: true,
    partnerVisible: false,
    inbox: false,
    effect: (snapshot) => ({ ...snapshot, cn: { ...snapshot.cn, status: "HELD", heldFrom: snapshot.cn.status } }),
  },
  "release-notification-hold": {
    label: "Release notification hold",
    pastTense: "Notification hold released",
    from: PRE_OFFER_STATUSES,
    to: "same",
    permission: "holdNotification",
    cnFrom: ["HELD"],
    cnTo: ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"],
    partnerVisible: false,
    inbox: true,
    effect: (snapshot) => ({ ...snapshot, cn: { ...snapshot.cn, status: snapshot.cn.heldFrom ?? "PREPARATION", heldFrom: null } }),
  },
  sign: {
    label: "Sign for the agency (MILSGN)",
    pastTense: "Agency signed the LOA (MILSGN)",
    from: ["READY_TO_SIGN"],
    to: ["AGENCY_SIGNED"],
    permission: "developLoa",
    partnerVisible: true,
    inbox: true,
    guards: [notificationCleared],
    effect: (snapshot, _input, actor, context) => enter(addPreparer({ ...snapshot, agencySignedAt: context.now }, actor), "AGENCY_SIGNED", context),
  },
  countersign: {
    label: "Countersign for DSCA",
    pastTense: "DSCA countersigned the LOA",
    from: ["AGENCY_SIGNED"],
    to: ["COUNTERSIGNED"],
    permission: "countersignLoa",
    partnerVisible: true,
    inbox: true,
    guards: [countersignerNotPreparer, notificationCleared],
    effect: (snapshot, _input, _actor, context) => enter({ ...snapshot, countersignedAt: context.now }, "COUNTERSIGNED", context),
  },
  offer: {
    label: "Send offer to the partner",
    pastTense: "LOA offered to the partner",
    from: ["COUNTERSIGNED"],
    to: ["OFFERED"],
    permission: "developLoa",
    partnerVisible: true,
    inbox: true,
    guards: [notificationCleared, offerNotExpired],
    effect: (snapshot, _input, _actor, context) => enter({ ...snapshot, offeredAt: context.now }, "OFFERED", context),
  },
  accept: {
    label: "Accept the offer",
    pastTense: "Partner accepted the offer",
    from: ["OFFERED"],
    to: ["ACCEPTED"],
    permission: "respondToOffer",
    partnerVisible: true,
    inbox: true,
    guards: [offerNotExpired],
    inputChecks: [signedOnWithinOffer, promisesDepositDue],
    effect: (snapshot, input, _actor, context) =>
      enter(
        {
          ...snapshot,
          acceptedAt: context.now,
          initialDepositDue: context.afterAcceptance?.initialDepositDue ?? snapshot.initialDepositDue,
          acceptance: {
            signerName: input.signerName!,
            signerTitle: input.signerTitle!,
            signedOn: input.signedOn!,
            initialDeposit: input.initialDeposit!,
          },
        },
        "ACCEPTED",
        context,
      ),
  },
  "request-changes": {
    label: "Ask for changes (counter-offer)",
    pastTense: "Partner asked for changes",
    from: ["OFFERED"],
    to: ["IN_DEVELOPMENT"],
    permission: "respondToOffer",
    commentRequired: true,
    partnerVisible: true,
    inbox: false,
    guards: [offerNotExpired],
    effect: (snapshot, _input, _actor, context) => backToDevelopment(snapshot, context),
  },
  "expire-offer": {
    label: "Offer expired",
    pastTense: "Offer expired unsigned",
    from: ["OFFERED"],
    to: ["EXPIRED"],
    permission: null,
    partnerVisible: true,
    inbox: false,
    effect: (snapshot, _input, _actor, context) => enter(snapshot, "EXPIRED", context),
  },
  restate: {
    label: "Restate the offer",
    pastTense: "Agency reopened the LOA to restate the offer",
    from: ["EXPIRED", "COUNTERSIGNED"],
    to: ["IN_DEVELOPMENT"],
    permission: "developLoa",
    partnerVisible: true,
    inbox: true,
    guards: [offerDatePassed],
    effect: (snapshot, _input, _actor, context) => backToDevelopment(snapshot, context),
  },
  "record-deposit": {
    label: "Record initial deposit received",
    pastTense: "Initial deposit recorded",
    from: ["ACCEPTED"],
    // Implemented only once the deposits received, this one included, cover the amount due; a partial deposit is
    // recorded (src/server/cases/case-store.ts writes the row) and the case waits, showing the shortfall.
    to: ["IMPLEMENTED", "ACCEPTED"],
    permission: "recordDeposit",
    partnerVisible: true,
    inbox: true,
    inputChecks: [receivedOnNotFuture],
    effect: (snapshot, input, _actor, context) => {
      const received = sumAmounts([context.afterAcceptance?.depositsReceived, input.amount]);
      const standing = depositStanding(depositDueOf(snapshot, context), received);
      if (!standing.covered) return snapshot;
      return enter({ ...snapshot, depositReceivedAt: context.now, implementedAt: context.now }, "IMPLEMENTED", context);
    },
  },
  "emergency-implement": {
    label: "Approve emergency implementation",
    pastTense: "DSCA approved emergency implementation",
    from: ["ACCEPTED"],
    to: ["IMPLEMENTED"],
    permission: "implementCase",
    commentRequired: true,
    partnerVisible: true,
    inbox: false,
    effect: (snapshot, _input, _actor, context) =>
      enter({ ...snapshot, implementedAt: context.now, emergencyImplementation: true }, "IMPLEMENTED", context),
  },
  "start-execution": {
    label: "Start execution",
    pastTense: "Execution started",
    from: ["IMPLEMENTED"],
    to: ["EXECUTING"],
    permission: "executeCase",
    partnerVisible: true,
    inbox: true,
    effect: (snapshot, _input, _actor, context) => enter(snapshot, "EXECUTING", context),
  },
  "declare-supply-complete": {
    label: "Declare supply and services complete",
    pastTense: "Supply and services complete",
    from: ["EXECUTING"],
    to: ["SUPPLY_SERVICES_COMPLETE"],
    permission: "executeCase",
    partnerVisible: true,
    inbox: false,
    guards: [noOpenLines],
    effect: (snapshot, _input, _actor, context) => enter(snapshot, "SUPPLY_SERVICES_COMPLETE", context),
  },
  "submit-closure": {
    label: "Submit closure certificate",
    pastTense: "Closure certificate submitted",
    from: ["SUPPLY_SERVICES_COMPLETE"],
    to: ["CLOSURE_PENDING"],
    permission: "executeCase",
    partnerVisible: true,
    inbox: true,
    guards: [closureSubmittable],
    inputChecks: [closureTypeFits],
    // The server stores the closure type with the case (src/server/closure/closure-effects.ts).
    effect: (snapshot, _input, _actor, context) => enter(snapshot, "CLOSURE_PENDING", context),
  },
  close: {
    label: "Close the case",
    pastTense: "Case closed",
    from: ["CLOSURE_PENDING"],
    to: ["CLOSED"],
    permission: "closeCase",
    partnerVisible: true,
    inbox: true,
    guards: [nothingOutstanding],
    // The server writes the final statement and the suspense amount in the same transaction (closure-effects.ts).
    effect: (snapshot, _input, _actor, context) => enter({ ...snapshot, closedAt: context.now }, "CLOSED", context),
  },
  reopen: {
    label: "Reopen the case",
    pastTense: "Case reopened",
    // SAMM C16 / RCG A7.C4.15: a closed case is reopened (reinstated) to execute again, e.g. for a late delivery or
    // a billing adjustment. The only event that leaves CLOSED.
    from: ["CLOSED"],
    to: ["EXECUTING"],
    permission: "reopenCase",
    commentRequired: true,
    partnerVisible: true,
    inbox: false,
    effect: (snapshot, _input, _actor, context) => enter({ ...snapshot, closedAt: null }, "EXECUTING", context),
  },
  suspend: {
    label: "Suspend",
    pastTense: "Case suspended",
    from: SUSPENDABLE_STATUSES,
    to: ["SUSPENDED"],
    permission: "controlCase",
    commentRequired: true,
    partnerVisible: true,
    inbox: false,
    // The state's clock is kept, paused, for resume to restore; the suspension's own clock starts now.
    effect: (snapshot, _input, _actor, context) =>
      enter(
        {
          ...snapshot,
          suspendedFromStatus: snapshot.status,
          pausedStatusClock: { statusChangedAt: snapshot.statusChangedAt, statusDueAt: snapshot.statusDueAt, statusSlaRuleId: snapshot.statusSlaRuleId },
        },
        "SUSPENDED",
        context,
      ),
  },
  resume: {
    label: "Resume",
    pastTense: "Case resumed",
    from: ["SUSPENDED"],
    to: SUSPENDABLE_STATUSES,
    permission: "controlCase",
    partnerVisible: true,
    inbox: true,
    // Suspended time does not count (fms-domain.md §9 "Clock pauses"): every clock that was running resumes where it
    // stopped, its due date moved on by the time suspended. A case suspended before the state's clock was kept starts
    // that clock afresh.
    effect: (snapshot, _input, _actor, context) => {
      const resumed = resumeClocks(snapshot, context);
      const status = snapshot.suspendedFromStatus ?? "IN_DEVELOPMENT";
      const clock = resumed.pausedStatusClock ?? statusClock(status, resumed.offerExpiresAt, context);
      return { ...resumed, status, ...clock, suspendedFromStatus: null, pausedStatusClock: null };
    },
  },
  cancel: {
    label: "Cancel the case",
    pastTense: "Case cancelled",
    from: CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s)),
    to: ["CANCELLED"],
    permission: "controlCase",
    commentRequired: true,
    partnerVisible: true,
    inbox: false,
    effect: (snapshot, _input, _actor, context) => enter(cancelOpenTasks(snapshot), "CANCELLED", context),
  },
} satisfies Record<string, CaseEventDefinition>;

function formallyNotify(snapshot: CaseSnapshot, context: WorkflowContext): CaseSnapshot {
  const key = snapshot.natoPlus ? WORKFLOW_RULE_KEYS.cnFormalNatoPlus : WORKFLOW_RULE_KEYS.cnFormalOther;
  return {
    ...snapshot,
    cn: {
      ...snapshot.cn,
      status: "FORMALLY_NOTIFIED",
      notifiedAt: context.now,
      periodEndsAt: periodEnd(context, key, snapshot.natoPlus ? 15 : 30),
    },
  };
}

export type CaseEvent = keyof typeof CASE_EVENTS;
export const CASE_EVENT_NAMES = Object.keys(CASE_EVENTS) as CaseEvent[];

/** The events people fire (the clock fires the rest). */
export const ACTOR_EVENTS = CASE_EVENT_NAMES.filter((e) => CASE_EVENTS[e].permission !== null);

/** The clock's events, applied when their date has come (also when the job that applies them runs late). */
export const TIMED_EVENTS = CASE_EVENT_NAMES.filter((e) => CASE_EVENTS[e].permission === null);

/** The event is work waiting in the actor's inbox when the case is in `status`. */
export function isInboxWork(event: CaseEvent, status: CaseStatus): boolean {
  const inbox = (CASE_EVENTS[event] as CaseEventDefinition).inbox;
  return inbox === true || (Array.isArray(inbox) && inbox.includes(status));
}

export const isCaseEvent = (value: string): value is CaseEvent => Object.hasOwn(CASE_EVENTS, value);

/** The audit action that opens a case (before any workflow event). Partners see it. */
export const CASE_OPENED_ACTION = "case.open";

/**
 * What a partner sees of a recorded case event: the whole milestone (events marked partner-visible, and the opening),
 * only a comment marked for them ("Comment from State PM"), or nothing. U.S. Government-internal comments never.
 */
export function partnerViewOf(
  event: string | null,
  action: string,
  commentVisibility: CommentVisibility | null,
): "milestone" | "comment" | "hidden" {
  if (action === CASE_OPENED_ACTION || (event !== null && isCaseEvent(event) && CASE_EVENTS[event].partnerVisible)) return "milestone";
  if (executionEventOf(action)?.partnerVisible) return "milestone";
  return commentVisibility === "PARTNER_VISIBLE" ? "comment" : "hidden";
}
