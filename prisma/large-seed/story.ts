// One seeded case's life, simulated in memory with the app's own workflow: every step is the pure domain
// `transition()` from the snapshot a freshly opened case has, at a backdated `context.now`; the clock's events and the
// overdue flags are applied the way the job (src/server/cases/apply-case-clocks.ts) and commitCaseEvent apply them; the
// basic LOA moves the way syncLoaWithCase moves it; and, when recording, every audit event is hash-chained exactly as
// src/server/audit.ts recordAudit chains it. People react to the case's state after randomly drawn delays (the case's
// "fate" says where it is heading: closed, disapproved, suspended, …).
//
// The story is simulated twice: once to learn when the case is in each state, then again from the opening date that
// places "now" inside the state the seed wants, this time recording. Delays are in calendar time and snapped to
// working hours, and the second run starts a whole number of days after the first, so both runs take the same steps at
// the same offsets (only business-day due dates, which decide no step, move with the weekday).
import { createHash } from "node:crypto";
import { GENESIS_HASH, canonicalJson, eventHash, type ChainedEventFields } from "../../src/domain/audit-chain";
import type { Actor } from "../../src/domain/policy";
import { RATE_KEYS, requireRate, type RateRow } from "../../src/domain/pricing/rates";
import { CASE_ACTION_INPUTS } from "../../src/domain/schemas/cases";
import { isoDay } from "../../src/domain/sla";
import {
  CASE_OPENED_ACTION,
  statusClock,
  type CaseEvent,
  type CaseSnapshot,
  type EventInput,
  type WorkflowContext,
} from "../../src/domain/workflow/case-workflow";
import { applyDueClocks, transition, type AppliedClockEvent } from "../../src/domain/workflow/engine";
import { PRE_OFFER_STATUSES, REVIEW_OFFICES, type CaseStatus, type ReviewOffice } from "../../src/domain/workflow/states";
import { clockEventDetails, eventDetails } from "../../src/server/cases/case-store";
import { COMMENTS } from "./catalog";
import { depositOf, type LoaCatalog, type LoaVariant } from "./loa-variants";
import { Random, hashParts } from "./random";

export const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface Person {
  actor: Actor;
  ip: string;
  userAgent: string;
}

export interface CountryRef {
  id: string;
  code: string;
  name: string;
  natoPlus: boolean;
  standardOedDays: number | null;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

/** Where the case is heading, and the detours it takes on the way. */
export interface Fate {
  target: CaseStatus;
  /** A review office returns round 1 for rework. */
  returnBy: ReviewOffice | null;
  disapproveBy: ReviewOffice | null;
  cancelFrom: "OPENED" | "IN_DEVELOPMENT" | "IN_REVIEW" | "EXPIRED" | "BLOCKED" | null;
  /** Suspended from this state; resumed after `resumeAfterDays` unless null. */
  suspendFrom: CaseStatus | null;
  resumeAfterDays: number | null;
  neverAccept: boolean;
  emergency: boolean;
  /** DSCA starts the notification track while the LOA is still in development. */
  cnEarly: boolean;
  /** A political hold on the notification, released after `holdDays` unless null. */
  holdAt: "PREPARATION" | "STATE_CLEARANCE" | null;
  holdDays: number | null;
  slowReviews: boolean;
  /** Delays of the long phases, in days. */
  assignDays: number;
  developmentDays: number;
  executionDays: number;
  supplyCompleteDays: number;
  closureDays: number;
}

export interface CaseSetup {
  caseNo: number;
  caseId: string;
  lorId: string;
  documentId: string;
  country: CountryRef;
  agency: AgencyRef;
  /** The agency DSCA assigns (another one for a reassigned case). */
  assignedAgency: AgencyRef;
  variant: LoaVariant;
  fate: Fate;
  opener: Person;
  manager: Person;
  partner: Person;
  signer: { name: string; title: string };
  dsca: readonly Person[];
  state: readonly Person[];
  dtsa: readonly Person[];
  /** The letter it opens from, for the opening's audit details and the draft's first description. */
  lorSubject: string;
  customerReference: string;
}

export interface StoryEnv {
  rules: WorkflowContext["rules"];
  rates: readonly RateRow[];
  catalog: LoaCatalog;
  seed: number;
}

export interface Identity {
  identifier: string;
  /** After a reassignment to another agency (assign-agency in OPENED with another agency). */
  newIdentifier: string | null;
}

export interface DocumentState {
  status: "DRAFT" | "SUBMITTED" | "OFFERED" | "ACCEPTED" | "IMPLEMENTED" | "WITHDRAWN";
  version: number;
  /** Content written (the agency saved the draft at least once). */
  saved: boolean;
  description: string;
  pricedOn: string | null;
  submittedAt: Date | null;
  offeredAt: Date | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
  acceptedByTitle: string | null;
  implementedAt: Date | null;
  adminRate: string | null;
  rateLockedOn: string | null;
  updatedAt: Date;
}

export interface AuditRow {
  occurred_at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  actor_organization_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  outcome: "SUCCESS";
  ip: string | null;
  user_agent: string | null;
  request_id: string;
  details: unknown;
  chain_key: string | null;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface StoryResult {
  snapshot: CaseSnapshot;
  version: number;
  updatedAt: Date;
  document: DocumentState;
  /** When the job flagged each review task overdue, by task id. */
  flagged: Map<string, Date>;
  /** [status, entered at] in order, starting with OPENED at the opening. */
  statusLog: [CaseStatus, number][];
  /** When DSCA assigned the agency (null: not yet). */
  assignedAt: number | null;
  events: AuditRow[];
  /** Review task ids in creation order. */
  taskIds: string[];
}

interface Action {
  at: number;
  lane: string;
  key: string;
  kind: "event" | "save";
  event?: CaseEvent;
  person?: Person;
  input?: EventInput;
  /** Built when it fires (amounts and dates depend on that moment). */
  makeInput?: (setup: CaseSetup, env: StoryEnv, snapshot: CaseSnapshot, at: number) => EventInput;
}

/** A moment on the same day mapped into working hours (12:00–22:00 UTC, the U.S. working day), order preserved. */
function workingHours(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  return day + 12 * HOUR + Math.floor(((t - day) / DAY) * 10 * HOUR);
}

const days = (n: number) => Math.round(n * DAY);

const json = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * eventHash (src/domain/audit-chain.ts) for a chained event, computed faster: the same canonical text (the fields in
 * sorted key order, details through canonicalJson), hashed with node:crypto. Checked against eventHash itself on the
 * first events of every run (see chainHashChecked) and by the app's verifier in the tests.
 */
function chainHash(f: ChainedEventFields): string {
  const text =
    `{"action":${json(f.action)},"actorEmail":${json(f.actorEmail)},"actorOrganizationId":${json(f.actorOrganizationId)},` +
    `"actorRole":${json(f.actorRole)},"actorUserId":${json(f.actorUserId)},"chainKey":${json(f.chainKey)},"chainSeq":${f.chainSeq},` +
    `"details":${canonicalJson(f.details)},"ip":${json(f.ip)},"occurredAt":${json(f.occurredAt.toISOString())},"outcome":${json(f.outcome)},` +
    `"prevHash":${json(f.prevHash)},"requestId":${json(f.requestId)},"targetId":${json(f.targetId)},"targetType":${json(f.targetType)},` +
    `"userAgent":${json(f.userAgent)}}`;
  return createHash("sha256").update(text).digest("hex");
}

let hashesChecked = 0;
function chainHashChecked(fields: ChainedEventFields): string {
  const hash = chainHash(fields);
  if (hashesChecked < 200) {
    hashesChecked += 1;
    if (hash !== eventHash(fields)) throw new Error("The large seed's chain hash differs from eventHash: update chainHash in prisma/large-seed/story.ts");
  }
  return hash;
}

/** How far along the main path each state is: a case never comes back to a state once past it (no restated offers). */
const PROGRESS: Record<CaseStatus, number> = {
  OPENED: 0,
  IN_DEVELOPMENT: 1,
  IN_REVIEW: 2,
  READY_TO_SIGN: 3,
  AGENCY_SIGNED: 4,
  COUNTERSIGNED: 5,
  OFFERED: 6,
  ACCEPTED: 7,
  EXPIRED: 7,
  IMPLEMENTED: 8,
  EXECUTING: 9,
  SUPPLY_SERVICES_COMPLETE: 10,
  CLOSURE_PENDING: 11,
  CLOSED: 12,
  SUSPENDED: 99,
  CANCELLED: 99,
  DISAPPROVED: 99,
};

type Recording = { identity: Identity; ids: Random; idTime: number };

/**
 * Simulates the case from `origin` to `horizon`. With `until`, it may stop as soon as the case is past that state for
 * good (the first pass only needs to know when the case is in it).
 */
export function simulateCase(
  setup: CaseSetup,
  env: StoryEnv,
  origin: number,
  horizon: number,
  recording: Recording | null,
  until?: CaseStatus,
): StoryResult {
  return new CaseStory(setup, env, origin, recording).run(horizon, until);
}

/** One run of the story (a class, not closures: it runs twice per case, a hundred thousand times). */
class CaseStory {
  private readonly random: Random;
  private readonly fate: Fate;
  private readonly variant: LoaVariant;
  private readonly notificationRequired: boolean;
  private identifier: string;
  private taskCounter = 0;
  private readonly taskIds: string[] = [];
  private snapshot: CaseSnapshot;
  private version = 1;
  private updatedAt: Date;
  private readonly document: DocumentState;
  private readonly flagged = new Map<string, Date>();
  private readonly statusLog: [CaseStatus, number][];
  private assignedAt: number | null = null;
  private suspendedOnce = false;
  private heldOnce = false;
  private returned = false;
  private readonly events: AuditRow[] = [];
  private chainSeq = 0;
  private prevHash = GENESIS_HASH;
  private requestNo = 0;
  private readonly chainKey: string;
  private pending: Action[] = [];
  private lastAt: number;

  constructor(
    private readonly setup: CaseSetup,
    private readonly env: StoryEnv,
    private readonly origin: number,
    private readonly recording: Recording | null,
  ) {
    this.random = new Random(env.seed, setup.caseNo, "story");
    this.fate = setup.fate;
    this.variant = setup.variant;
    this.notificationRequired = setup.country.natoPlus ? setup.variant.notificationRequired.natoPlus : setup.variant.notificationRequired.other;
    this.identifier = recording?.identity.identifier ?? "XX-X-AAA";
    this.chainKey = `case:${setup.caseId}`;
    this.lastAt = origin;
    const openedAt = new Date(origin);
    this.updatedAt = openedAt;
    this.statusLog = [["OPENED", origin]];
    // The snapshot a freshly opened case has (openCase, then snapshotOf).
    this.snapshot = {
      status: "OPENED",
      ...statusClock("OPENED", null, { now: openedAt, rules: env.rules }),
      suspendedFromStatus: null,
      pausedStatusClock: null,
      countryId: setup.country.id,
      agencyId: setup.agency.id,
      natoPlus: setup.country.natoPlus,
      reviewRound: 0,
      loaPreparerIds: [],
      agencyApprovedAt: null,
      offerExpiresAt: null,
      agencySignedAt: null,
      countersignedAt: null,
      offeredAt: null,
      acceptedAt: null,
      acceptance: null,
      initialDepositDue: null,
      depositReceivedAt: null,
      implementedAt: null,
      emergencyImplementation: false,
      closedAt: null,
      cn: { status: "NOT_REQUIRED", heldFrom: null, informalEndsAt: null, notifiedAt: null, periodEndsAt: null },
      tasks: [],
    };
    // Its empty basic draft (createBasicDraft).
    this.document = {
      status: "DRAFT",
      version: 1,
      saved: false,
      description: setup.lorSubject,
      pricedOn: null,
      submittedAt: null,
      offeredAt: null,
      acceptedAt: null,
      acceptedByName: null,
      acceptedByTitle: null,
      implementedAt: null,
      adminRate: null,
      rateLockedOn: null,
      updatedAt: openedAt,
    };
    // The first link of its chain.
    this.record(
      origin,
      CASE_OPENED_ACTION,
      setup.opener,
      { identifier: this.identifier, lorId: setup.lorId, caseType: setup.variant.template.loaType, toStatus: "OPENED" },
      `large-seed-${setup.caseNo}-0`,
    );
  }

  run(horizon: number, until?: CaseStatus): StoryResult {
    this.react(this.origin);
    for (let guard = 0; guard < 10_000 && !this.pastUntil(until); guard++) {
      this.pending.sort((a, b) => a.at - b.at);
      const action = this.pending[0];
      const due = this.nextDue();
      const tick = due === null ? null : this.tickAfter(due);
      if (tick !== null && (!action || tick <= action.at)) {
        if (tick > horizon) break;
        this.runTick(tick);
        this.lastAt = tick;
        this.react(tick);
        continue;
      }
      if (!action || action.at > horizon) break;
      this.pending = this.pending.slice(1);
      if (this.laneKey(action.lane) !== action.key) continue; // the case moved on: this intention no longer applies
      this.runAction(action);
      this.lastAt = action.at;
      this.react(action.at);
    }
    return {
      snapshot: this.snapshot,
      version: this.version,
      updatedAt: this.updatedAt,
      document: this.document,
      flagged: this.flagged,
      statusLog: this.statusLog,
      assignedAt: this.assignedAt,
      events: this.events,
      taskIds: this.taskIds,
    };
  }

  private pastUntil(until: CaseStatus | undefined): boolean {
    const now = PROGRESS[this.snapshot.status];
    return until !== undefined && PROGRESS[until] < 99 && now < 99 && now > PROGRESS[until];
  }

  private context(now: number): WorkflowContext {
    return { now: new Date(now), rules: this.env.rules, countryOedDays: this.setup.country.standardOedDays };
  }

  // ---- recording -------------------------------------------------------------------------------------------------

  private record(at: number, action: string, who: Person | null, details: Record<string, unknown>, requestId: string, clock = false) {
    if (!this.recording) return;
    // Round-trip the details through JSON so the hash covers exactly what jsonb gives back (as recordAudit does).
    const stored = JSON.parse(JSON.stringify(details)) as unknown;
    const fields = {
      chainKey: this.chainKey,
      chainSeq: ++this.chainSeq,
      prevHash: this.prevHash,
      occurredAt: new Date(at),
      action,
      outcome: "SUCCESS",
      actorUserId: who?.actor.userId ?? null,
      actorEmail: who?.actor.email ?? (clock ? "clock" : null),
      actorRole: who?.actor.role ?? null,
      actorOrganizationId: who?.actor.organizationId ?? null,
      targetType: "case",
      targetId: this.setup.caseId,
      details: stored,
      ip: clock ? null : (who?.ip ?? null),
      userAgent: clock ? "caseway-clock" : (who?.userAgent ?? null),
      requestId,
    };
    const hash = chainHashChecked(fields);
    this.events.push({
      occurred_at: fields.occurredAt.toISOString(),
      actor_user_id: fields.actorUserId,
      actor_email: fields.actorEmail,
      actor_role: fields.actorRole,
      actor_organization_id: fields.actorOrganizationId,
      action,
      target_type: "case",
      target_id: this.setup.caseId,
      outcome: "SUCCESS",
      ip: fields.ip,
      user_agent: fields.userAgent,
      request_id: requestId,
      details: stored,
      chain_key: this.chainKey,
      chain_seq: fields.chainSeq,
      prev_hash: this.prevHash,
      hash,
    });
    this.prevHash = hash;
  }

  private actorRequest() {
    return `large-seed-${this.setup.caseNo}-${++this.requestNo}`;
  }

  private clockRequest() {
    return `clock-${this.recording ? this.recording.ids.uuid() : "pass"}`;
  }

  /** The clock's events on the chain, as recordCaseClockEvents writes them. */
  private recordClockEvents(applied: readonly AppliedClockEvent[], at: number, requestId: string) {
    for (const step of applied) {
      this.record(
        at,
        `case.${step.event}`,
        null,
        clockEventDetails(step),
        requestId,
        true,
      );
    }
  }

  // ---- the basic LOA follows the case (syncLoaWithCase) ----------------------------------------------------------

  private syncDocument(event: CaseEvent, before: CaseStatus, after: CaseStatus, at: number) {
    const document = this.document;
    if (before === after || document.status === "WITHDRAWN") return;
    const now = new Date(at);
    const today = isoDay(now);
    let changed = true;
    if (event === "approve-loa" && document.status === "DRAFT") {
      Object.assign(document, { status: "SUBMITTED", pricedOn: today, submittedAt: now });
    } else if (after === "IN_DEVELOPMENT" && document.status === "SUBMITTED") {
      Object.assign(document, { status: "DRAFT", pricedOn: null, submittedAt: null });
    } else if (after === "IN_DEVELOPMENT" && document.status === "OFFERED") {
      throw new Error("The large seed does not restate offers (a new document version would be needed)");
    } else if (after === "OFFERED" && document.status === "SUBMITTED") {
      // No PDF is stored (pdf_file_id stays null): see the note in ./index.ts.
      Object.assign(document, { status: "OFFERED", offeredAt: now, pricedOn: document.pricedOn ?? today });
    } else if (after === "ACCEPTED" && document.status === "OFFERED") {
      document.adminRate = requireRate(this.env.rates, RATE_KEYS.adminSurcharge, now);
      document.rateLockedOn = today;
      Object.assign(document, {
        status: "ACCEPTED",
        acceptedAt: now,
        acceptedByName: this.snapshot.acceptance?.signerName ?? null,
        acceptedByTitle: this.snapshot.acceptance?.signerTitle ?? null,
      });
    } else if (after === "IMPLEMENTED" && document.status === "ACCEPTED") {
      Object.assign(document, { status: "IMPLEMENTED", implementedAt: now });
    } else if ((after === "CANCELLED" || after === "DISAPPROVED") && (document.status === "DRAFT" || document.status === "SUBMITTED")) {
      document.status = "WITHDRAWN";
    } else {
      changed = false;
    }
    if (changed) {
      document.version += 1;
      document.updatedAt = now;
    }
  }

  // ---- scheduling ------------------------------------------------------------------------------------------------

  private laneKey(lane: string): string | null {
    const snapshot = this.snapshot;
    if (lane === "main" || lane === "save") return `${snapshot.status}|${snapshot.statusChangedAt.getTime()}`;
    if (lane === "cn") return `${snapshot.cn.status}|${PRE_OFFER_STATUSES.includes(snapshot.status)}`;
    const office = lane.slice("review:".length) as ReviewOffice;
    if (snapshot.status !== "IN_REVIEW") return null;
    const task = snapshot.tasks.find((t) => t.round === snapshot.reviewRound && t.office === office && t.status === "OPEN");
    return task ? `${task.round}` : null;
  }

  private hasPending(lane: string, key: string) {
    return this.pending.some((a) => a.lane === lane && a.key === key);
  }

  /** A moment `gapDays` after `from`, in working hours, after everything already done. */
  private after(from: number, gapDays: number) {
    return Math.max(workingHours(from + days(gapDays)), from + MINUTE * this.random.int(5, 90));
  }

  /** A working-hours moment a share of the way from `from` to `until`, strictly between them. */
  private before(from: number, until: number, share: number) {
    return Math.min(Math.max(workingHours(from + Math.round((until - from) * share)), from + MINUTE), until - 10 * MINUTE);
  }

  private schedule(action: Omit<Action, "key">) {
    const key = this.laneKey(action.lane);
    if (key === null) return;
    this.pending.push({ ...action, key });
  }

  private pick<T>(pool: readonly T[]): T {
    return this.random.pick(pool);
  }

  private dsca(): Person {
    return this.random.pick(this.setup.dsca);
  }

  private officePool(office: ReviewOffice) {
    return office === "DSCA" ? this.setup.dsca : office === "STATE_PM" ? this.setup.state : this.setup.dtsa;
  }

  private reviewDays(office: ReviewOffice) {
    const random = this.random;
    const slow = this.fate.slowReviews && random.chance(0.5);
    if (office === "DTSA") return slow ? random.between(25, 100) : random.between(2, 30);
    return slow ? random.between(10, 60) : random.between(1, 14);
  }

  private react(now: number) {
    this.reactMain(now);
    this.reactReviews(now);
    this.reactNotification(now);
  }

  private reactMain(now: number) {
    const key = this.laneKey("main")!;
    if (this.hasPending("main", key)) return;
    const { fate, setup, random, snapshot } = this;
    switch (snapshot.status) {
      case "OPENED":
        if (fate.cancelFrom === "OPENED") this.schedule({ at: this.after(now, fate.assignDays), lane: "main", kind: "event", event: "cancel", person: this.dsca(), input: { comment: this.pick(COMMENTS.cancel) } });
        else if (fate.suspendFrom === "OPENED" && !this.suspendedOnce) this.suspend(now, fate.assignDays);
        else this.schedule({ at: this.after(now, fate.assignDays), lane: "main", kind: "event", event: "assign-agency", person: this.dsca(), input: { agencyId: setup.assignedAgency.id } });
        return;
      case "IN_DEVELOPMENT": {
        const devDays = this.returned && snapshot.reviewRound > 0 ? random.between(5, 30) : fate.developmentDays;
        if (fate.cancelFrom === "IN_DEVELOPMENT") {
          this.schedule({ at: this.after(now, devDays * random.between(0.4, 1.5)), lane: "main", kind: "event", event: "cancel", person: this.dsca(), input: { comment: this.pick(COMMENTS.cancel) } });
        } else if (fate.suspendFrom === "IN_DEVELOPMENT" && !this.suspendedOnce) {
          this.suspend(now, devDays * random.between(0.3, 0.9));
        } else {
          const approveAt = this.after(now, devDays);
          this.schedule({ at: approveAt, lane: "main", kind: "event", event: "approve-loa", person: setup.manager });
          // The agency saves the draft once or twice before approving it.
          const saves = random.int(1, 2);
          for (let i = 0; i < saves; i++) {
            this.schedule({ at: this.before(now, approveAt, random.between(0.2 + i * 0.4, 0.55 + i * 0.4)), lane: "save", kind: "save", person: setup.manager });
          }
          if (this.notificationRequired && fate.cnEarly && snapshot.cn.status === "NOT_REQUIRED") {
            this.schedule({
              at: this.before(now, approveAt, random.between(0.2, 0.7)),
              lane: "cn",
              kind: "event",
              event: "set-notification-requirement",
              person: this.dsca(),
              input: { required: true, comment: this.pick(COMMENTS.notification) },
            });
          }
        }
        return;
      }
      case "IN_REVIEW":
        if (fate.cancelFrom === "IN_REVIEW") this.schedule({ at: this.after(now, random.between(10, 80)), lane: "main", kind: "event", event: "cancel", person: this.dsca(), input: { comment: this.pick(COMMENTS.cancel) } });
        else if (fate.suspendFrom === "IN_REVIEW" && !this.suspendedOnce) this.suspend(now, random.between(3, 40));
        return;
      case "READY_TO_SIGN":
        if (fate.suspendFrom === "READY_TO_SIGN" && !this.suspendedOnce) this.suspend(now, random.between(1, 10));
        else this.schedule({ at: this.after(now, random.between(0.2, 8)), lane: "main", kind: "event", event: "sign", person: setup.manager });
        return;
      case "AGENCY_SIGNED":
        this.schedule({ at: this.after(now, random.between(0.2, 8)), lane: "main", kind: "event", event: "countersign", person: this.dsca() });
        return;
      case "COUNTERSIGNED": {
        const expiresAt = snapshot.offerExpiresAt!.getTime();
        const at = Math.min(this.after(now, random.between(0.2, 6)), expiresAt - HOUR);
        // Past the offer expiration date the agency would have to restate; this case then waits in COUNTERSIGNED.
        if (at > now + MINUTE) this.schedule({ at, lane: "main", kind: "event", event: "offer", person: setup.manager });
        return;
      }
      case "OFFERED": {
        if (fate.neverAccept) return;
        const offeredAt = snapshot.offeredAt!.getTime();
        const expiresAt = snapshot.offerExpiresAt!.getTime();
        const at = offeredAt + Math.round((expiresAt - offeredAt) * random.between(0.05, 0.9));
        if (at <= now + MINUTE || at >= expiresAt) return;
        this.schedule({ at, lane: "main", kind: "event", event: "accept", person: setup.partner, makeInput: acceptInput });
        return;
      }
      case "EXPIRED":
        if (fate.cancelFrom === "EXPIRED") this.schedule({ at: this.after(now, random.between(20, 200)), lane: "main", kind: "event", event: "cancel", person: this.dsca(), input: { comment: this.pick(COMMENTS.cancel) } });
        return;
      case "ACCEPTED":
        if (fate.emergency) {
          this.schedule({ at: this.after(now, random.between(0.5, 8)), lane: "main", kind: "event", event: "emergency-implement", person: this.dsca(), input: { comment: this.pick(COMMENTS.emergency) } });
        } else {
          const gap = random.chance(0.7) ? random.between(1, 14) : random.between(14, 60);
          this.schedule({ at: this.after(now, gap), lane: "main", kind: "event", event: "record-deposit", person: this.dsca(), makeInput: depositInput });
        }
        return;
      case "IMPLEMENTED":
        this.schedule({ at: this.after(now, random.between(3, 60)), lane: "main", kind: "event", event: "start-execution", person: setup.manager });
        return;
      case "EXECUTING":
        if (fate.suspendFrom === "EXECUTING" && !this.suspendedOnce) this.suspend(now, fate.executionDays * random.between(0.1, 0.7));
        else this.schedule({ at: this.after(now, fate.executionDays), lane: "main", kind: "event", event: "declare-supply-complete", person: setup.manager });
        return;
      case "SUPPLY_SERVICES_COMPLETE":
        this.schedule({ at: this.after(now, fate.supplyCompleteDays), lane: "main", kind: "event", event: "submit-closure", person: setup.manager, input: { closureType: "ACC" } });
        return;
      case "CLOSURE_PENDING":
        this.schedule({ at: this.after(now, fate.closureDays), lane: "main", kind: "event", event: "close", person: this.dsca() });
        return;
      case "SUSPENDED":
        if (fate.resumeAfterDays !== null) this.schedule({ at: this.after(now, fate.resumeAfterDays), lane: "main", kind: "event", event: "resume", person: this.dsca() });
        return;
      default:
        return;
    }
  }

  private suspend(now: number, gapDays: number) {
    this.schedule({ at: this.after(now, gapDays), lane: "main", kind: "event", event: "suspend", person: this.dsca(), input: { comment: this.pick(COMMENTS.suspend) } });
  }

  private reactReviews(now: number) {
    const { snapshot, fate, random } = this;
    if (snapshot.status !== "IN_REVIEW") return;
    for (const office of REVIEW_OFFICES) {
      const lane = `review:${office}`;
      const key = this.laneKey(lane);
      if (key === null || this.hasPending(lane, key)) continue;
      const task = snapshot.tasks.find((t) => t.round === snapshot.reviewRound && t.office === office && t.status === "OPEN")!;
      const at = Math.max(this.after(task.openedAt.getTime(), this.reviewDays(office)), now + MINUTE * random.int(2, 60));
      const who = this.pick(this.officePool(office));
      let event: CaseEvent;
      let input: EventInput = {};
      if (fate.disapproveBy === office && (fate.returnBy === null || snapshot.reviewRound > 1)) {
        event = "disapprove";
        input = { comment: this.pick(COMMENTS.disapprove), commentVisibility: random.chance(0.6) ? "PARTNER_VISIBLE" : "USG_INTERNAL" };
      } else if (fate.returnBy === office && snapshot.reviewRound === 1) {
        event = "return-for-rework";
        input = { comment: this.pick(COMMENTS.return), commentVisibility: random.chance(0.4) ? "PARTNER_VISIBLE" : "USG_INTERNAL" };
      } else if (random.chance(0.3)) {
        event = "concur-with-comment";
        const visible = random.chance(0.15);
        input = {
          comment: this.pick(visible ? COMMENTS.partnerVisibleConcur : COMMENTS.concurWithComment),
          commentVisibility: visible ? "PARTNER_VISIBLE" : "USG_INTERNAL",
        };
      } else {
        event = "concur";
      }
      this.schedule({ at, lane, kind: "event", event, person: who, input });
    }
  }

  private reactNotification(now: number) {
    const { snapshot, fate, random, setup } = this;
    if (!PRE_OFFER_STATUSES.includes(snapshot.status)) return;
    const key = this.laneKey("cn")!;
    if (this.hasPending("cn", key)) return;
    switch (snapshot.cn.status) {
      case "PREPARATION":
        if (fate.holdAt === "PREPARATION" && snapshot.cn.heldFrom === null && !this.heldOnce) this.hold(now, this.dsca());
        else this.schedule({ at: this.after(now, random.between(0.5, 4)), lane: "cn", kind: "event", event: "send-notification-to-state", person: this.dsca() });
        return;
      case "STATE_CLEARANCE":
        if (fate.holdAt === "STATE_CLEARANCE" && !this.heldOnce) this.hold(now, this.pick(setup.state));
        else this.schedule({ at: this.after(now, random.between(1, 8)), lane: "cn", kind: "event", event: "clear-notification", person: this.pick(setup.state) });
        return;
      case "INFORMAL_REVIEW":
        this.schedule({ at: this.after(snapshot.cn.informalEndsAt!.getTime(), random.between(0.05, 2)), lane: "cn", kind: "event", event: "notify-congress", person: this.dsca() });
        return;
      case "FORMALLY_NOTIFIED":
        if (fate.cancelFrom === "BLOCKED") {
          const periodDays = (snapshot.cn.periodEndsAt!.getTime() - now) / DAY;
          this.schedule({ at: this.after(now, periodDays * random.between(0.2, 0.8)), lane: "cn", kind: "event", event: "record-notification-blocked", person: this.dsca(), input: { comment: this.pick(COMMENTS.blocked) } });
        }
        return;
      case "BLOCKED":
        this.schedule({ at: this.after(now, random.between(5, 40)), lane: "cn", kind: "event", event: "cancel", person: this.dsca(), input: { comment: this.pick(COMMENTS.cancel) } });
        return;
      case "HELD":
        if (fate.holdDays !== null) {
          const who = random.chance(0.5) ? this.dsca() : this.pick(setup.state);
          this.schedule({ at: this.after(now, fate.holdDays), lane: "cn", kind: "event", event: "release-notification-hold", person: who });
        }
        return;
      default:
        return;
    }
  }

  private hold(now: number, who: Person) {
    this.schedule({ at: this.after(now, this.random.between(0.5, 5)), lane: "cn", kind: "event", event: "hold-notification", person: who, input: { comment: this.pick(COMMENTS.hold) } });
  }

  // ---- the clock (the job every minute, and commitCaseEvent before each step) ----------------------------------

  private nextDue(): number | null {
    const snapshot = this.snapshot;
    let due: number | null = null;
    if (snapshot.status === "OFFERED" && snapshot.offerExpiresAt) due = snapshot.offerExpiresAt.getTime();
    if (snapshot.cn.status === "FORMALLY_NOTIFIED" && snapshot.cn.periodEndsAt && PRE_OFFER_STATUSES.includes(snapshot.status)) {
      const t = snapshot.cn.periodEndsAt.getTime();
      if (due === null || t < due) due = t;
    }
    for (const task of snapshot.tasks) {
      if (task.status !== "OPEN" || !task.id || this.flagged.has(task.id)) continue;
      const t = task.dueAt.getTime();
      if (due === null || t < due) due = t;
    }
    return due;
  }

  /** The job's run after `due` (cron every minute, picked up within a few seconds), not before the last write. */
  private tickAfter(due: number) {
    const from = Math.max(due, this.lastAt);
    return (Math.floor(from / MINUTE) + 1) * MINUTE + 500 + (hashParts(this.setup.caseNo, from - this.origin) % 2500);
  }

  private setStatus(next: CaseSnapshot, at: number) {
    if (next.status !== this.snapshot.status) this.statusLog.push([next.status, at]);
  }

  private withTaskIds(next: CaseSnapshot): CaseSnapshot {
    if (next.tasks.every((t) => t.id)) return next;
    return {
      ...next,
      tasks: next.tasks.map((t) => {
        if (t.id) return t;
        const id = this.recording ? this.recording.ids.uuid(this.recording.idTime) : `task-${++this.taskCounter}`;
        this.taskIds.push(id);
        return { ...t, id };
      }),
    };
  }

  /** One run of apply-case-clocks: due clock events (one version), then overdue reviews flagged. */
  private runTick(at: number) {
    const clocks = applyDueClocks(this.snapshot, this.context(at));
    const requestId = this.clockRequest();
    if (clocks.applied.length > 0) {
      this.setStatus(clocks.snapshot, at);
      this.snapshot = clocks.snapshot;
      this.version += 1;
      this.updatedAt = new Date(at);
      this.recordClockEvents(clocks.applied, at, requestId);
    }
    for (const task of this.snapshot.tasks) {
      if (task.status !== "OPEN" || !task.id || this.flagged.has(task.id) || task.dueAt.getTime() > at) continue;
      this.flagged.set(task.id, new Date(at));
      this.record(
        at,
        "case.review-overdue",
        null,
        { event: "review-overdue", reviewOffice: task.office, reviewRound: task.round, dueAt: task.dueAt.toISOString() },
        requestId,
        true,
      );
    }
  }

  /** One person's step, as commitCaseEvent commits it. */
  private runAction(action: Action) {
    const at = action.at;
    const who = action.person!;
    const document = this.document;
    if (action.kind === "save") {
      // saveLoaDraft: the draft's content, a new document version and a loa.save event on the case's chain.
      if (document.status !== "DRAFT") return;
      document.saved = true;
      document.description = this.variant.content.description;
      document.version += 1;
      document.updatedAt = new Date(at);
      this.record(at, "loa.save", who, { document: 1, lines: this.variant.content.lines.length }, this.actorRequest());
      return;
    }
    const event = action.event!;
    const raw = action.makeInput ? action.makeInput(this.setup, this.env, this.snapshot, at) : (action.input ?? {});
    const input = (this.recording ? parsedInput(event, raw, this.version) : { ...raw, expectedVersion: this.version }) as unknown as EventInput & {
      expectedVersion: number;
    };
    const now = this.context(at);
    const clocks = applyDueClocks(this.snapshot, now);
    const eventContext = event === "approve-loa" ? { ...now, loa: { problems: [], notificationRequired: this.notificationRequired } } : now;
    const result = transition(clocks.snapshot, event, who.actor, input, eventContext);
    if (!result.ok) {
      throw new Error(`Large seed case ${this.setup.caseNo}: ${event} by ${who.actor.email} refused (${result.kind}): ${result.message}`);
    }
    const next = this.withTaskIds(result.next);
    const requestId = this.actorRequest();
    const newIdentifier = next.agencyId !== clocks.snapshot.agencyId ? (this.recording?.identity.newIdentifier ?? "XX-X-AAB") : undefined;
    this.syncDocument(event, clocks.snapshot.status, next.status, at);
    this.recordClockEvents(clocks.applied, at, requestId);
    if (this.recording) {
      const details = eventDetails(event, who.actor, input, clocks.snapshot, next, this.identifier, newIdentifier, now.now);
      this.record(at, `case.${event}`, who, details as Record<string, unknown>, requestId);
    }
    if (newIdentifier) this.identifier = newIdentifier;
    if (event === "assign-agency") this.assignedAt = at;
    if (event === "return-for-rework") this.returned = true;
    if (event === "suspend") this.suspendedOnce = true;
    if (event === "hold-notification") this.heldOnce = true;
    this.setStatus(clocks.snapshot, at);
    this.snapshot = clocks.snapshot;
    this.setStatus(next, at);
    this.snapshot = next;
    this.version += 1;
    this.updatedAt = new Date(at);
  }
}

/** The partner's acceptance: signed today, with the LOA's deposit share of its total at the rates in force. */
function acceptInput(setup: CaseSetup, env: StoryEnv, _snapshot: CaseSnapshot, at: number): EventInput {
  return {
    signerName: setup.signer.name,
    signerTitle: setup.signer.title,
    signedOn: isoDay(new Date(at)),
    initialDeposit: depositOf(setup.variant, env.catalog.eraOf(new Date(at))),
  };
}

function depositInput(setup: CaseSetup, _env: StoryEnv, snapshot: CaseSnapshot, at: number): EventInput {
  return { amount: snapshot.acceptance!.initialDeposit, receivedOn: isoDay(new Date(at)), wireReference: `FMS-WIRE-${setup.caseNo}` };
}

const parsedInputs = new Map<string, Record<string, unknown>>();

/**
 * The input as the action's own schema parses it (what the API hands the use case), so the audit records exactly what
 * the app would record. The same raw input always parses the same way, so parses are remembered.
 */
function parsedInput(event: CaseEvent, raw: EventInput, version: number): Record<string, unknown> {
  if (Object.keys(raw).length === 0) return { expectedVersion: version };
  const key = `${event}|${JSON.stringify(raw)}`;
  let parsed = parsedInputs.get(key);
  if (!parsed) {
    parsed = CASE_ACTION_INPUTS[event].parse({ ...raw, expectedVersion: 1 }) as Record<string, unknown>;
    if (parsedInputs.size > 50_000) parsedInputs.clear();
    parsedInputs.set(key, parsed);
  }
  return { ...parsed, expectedVersion: version };
}

/** Intervals [from, to) of each status in the log, up to `end`. */
export function statusIntervals(log: readonly [CaseStatus, number][], end: number): { status: CaseStatus; from: number; to: number }[] {
  return log.map(([status, from], i) => ({ status, from, to: i + 1 < log.length ? log[i + 1]![1] : end })).filter((s) => s.to > s.from);
}
