import { describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import {
  ACTOR_EVENTS,
  CASE_EVENTS,
  CASE_EVENT_NAMES,
  type CaseEvent,
  type CaseEventDefinition,
  type CaseSnapshot,
  type ReviewTaskSnapshot,
} from "@/domain/workflow/case-workflow";
import { availableActions, transition } from "@/domain/workflow/engine";
import {
  CASE_STATUSES,
  CN_STATUSES,
  REVIEW_DECISIONS,
  SUSPENDABLE_STATUSES,
  type CaseStatus,
  type CnStatus,
  type ReviewDecision,
  type ReviewOffice,
} from "@/domain/workflow/states";
import {
  AGENCY_ID,
  COUNTRY_ID,
  NOW,
  OFFICES,
  OTHER_AGENCY_ID,
  OTHER_COUNTRY_ID,
  USERS,
  admin,
  auditor,
  caseIn,
  context,
  describeResult,
  dsca,
  dtsaReviewer,
  financeOfficer,
  fire,
  firerOf,
  iaManager,
  isoDay,
  openedCase,
  partner,
  person,
  plusDays,
  plusMs,
  refuse,
  reviewerFor,
  stateReviewer,
  task,
  validInput,
} from "./case-fixtures";

const DECISION_EVENTS = ["concur", "concur-with-comment", "return-for-rework", "disapprove"] as const;
const withComment = { comment: "Reason given." };

/** A case in review whose LOA the agency's `USERS.ia` approved. */
function inReview(): CaseSnapshot {
  const developing = fire(openedCase(), "assign-agency", dsca(), { agencyId: AGENCY_ID });
  return fire(developing, "approve-loa", iaManager(AGENCY_ID, USERS.ia));
}

describe("separation of duties", () => {
  // The agency case manager who approved the LOA later moved to DSCA (role and organization changed, same person).
  const formerPreparer = person("DSCA_ANALYST", USERS.ia);

  it("the approver is recorded as an LOA preparer", () => {
    expect(inReview().loaPreparerIds).toEqual([USERS.ia]);
  });

  it.each(DECISION_EVENTS)("the IA user who approved the LOA cannot %s for DSCA, even after becoming a DSCA analyst", (event) => {
    const c = inReview();
    const result = refuse(c, event, formerPreparer, withComment);
    expect(result.kind).toBe("separation-of-duties");
    expect(availableActions(c, formerPreparer, context())).not.toContain(event);
    // Another DSCA analyst may.
    expect(transition(c, event, dsca(), withComment, context()).ok).toBe(true);
    expect(availableActions(c, dsca(), context())).toContain(event);
  });

  it("the separation-of-duties refusal comes before the missing comment", () => {
    expect(refuse(inReview(), "return-for-rework", formerPreparer, {}).kind).toBe("separation-of-duties");
  });

  it("nobody who approved or signed the LOA for the agency can countersign it", () => {
    let c = concurAll(inReview());
    c = fire(c, "sign", iaManager(AGENCY_ID, USERS.ia2));
    expect(c.loaPreparerIds).toEqual([USERS.ia, USERS.ia2]);
    for (const userId of [USERS.ia, USERS.ia2]) {
      const moved = person("DSCA_ANALYST", userId);
      expect(refuse(c, "countersign", moved).kind).toBe("separation-of-duties");
      expect(availableActions(c, moved, context())).not.toContain("countersign");
    }
    expect(fire(c, "countersign", dsca()).status).toBe("COUNTERSIGNED");
  });

  it("a person who decided for one office cannot decide for another office on the same case", () => {
    let c = inReview();
    c = fire(c, "concur", stateReviewer(USERS.state));
    // The same person, now in DTSA (or DSCA).
    for (const other of [person("DTSA_REVIEWER", USERS.state), person("DSCA_ANALYST", USERS.state)]) {
      for (const event of DECISION_EVENTS) {
        expect(refuse(c, event, other, withComment).kind, `${other.role} ${event}`).toBe("separation-of-duties");
      }
      expect(availableActions(c, other, context()).filter((e) => (DECISION_EVENTS as readonly string[]).includes(e))).toEqual([]);
    }
    expect(fire(c, "concur", dtsaReviewer()).status).toBe("IN_REVIEW");
  });

  it("deciding for one office in an earlier round still bars deciding for another office later", () => {
    let c = fire(inReview(), "return-for-rework", stateReviewer(USERS.state), withComment);
    c = fire(c, "approve-loa", iaManager());
    expect(c.reviewRound).toBe(2);
    expect(refuse(c, "concur", person("DTSA_REVIEWER", USERS.state)).kind).toBe("separation-of-duties");
    // Deciding again for the same office in the new round is fine.
    expect(transition(c, "concur", stateReviewer(USERS.state), {}, context()).ok).toBe(true);
  });

  it.each(OFFICES)("%s cannot decide twice in a round, by the same or another person", (office) => {
    const first = reviewerFor(office);
    const colleague = reviewerFor(office, `colleague-in-${office}`);
    const c = fire(inReview(), "concur", first);
    for (const actor of [first, colleague]) {
      for (const event of DECISION_EVENTS) {
        const result = refuse(c, event, actor, withComment);
        expect(result.kind, `${event}`).toBe("guard");
        expect(result.message).toMatch(/no open review/i);
      }
      expect(availableActions(c, actor, context()).filter((e) => (DECISION_EVENTS as readonly string[]).includes(e))).toEqual([]);
    }
    // The decision stands as it was.
    expect(c.tasks.filter((t) => t.office === office).map((t) => t.decision)).toEqual(["CONCUR"]);
  });

  it("roles without a review office cannot decide reviews", () => {
    const c = inReview();
    for (const actor of [iaManager(), partner(), admin(), auditor()]) {
      for (const event of DECISION_EVENTS) expect(refuse(c, event, actor, withComment).kind).toBe("forbidden");
    }
  });
});

function concurAll(snapshot: CaseSnapshot): CaseSnapshot {
  let next = snapshot;
  for (const office of OFFICES) next = fire(next, "concur", reviewerFor(office));
  return next;
}

// ---- comments ----------------------------------------------------------------------------------------------------

/** The events that need a reason, written out independently of the definition. */
const COMMENT_REQUIRED: Partial<Record<CaseEvent, CaseStatus>> = {
  "concur-with-comment": "IN_REVIEW",
  "return-for-rework": "IN_REVIEW",
  disapprove: "IN_REVIEW",
  "request-changes": "OFFERED",
  suspend: "IN_DEVELOPMENT",
  cancel: "IN_DEVELOPMENT",
  "emergency-implement": "ACCEPTED",
  "record-notification-blocked": "IN_REVIEW",
  "hold-notification": "IN_REVIEW",
  reopen: "CLOSED",
  "review-not-required": "IN_REVIEW",
};
/** What an event needs besides its comment. */
const OTHER_INPUT: Partial<Record<CaseEvent, Record<string, unknown>>> = { "review-not-required": { office: "DTSA" } };
const CN_FOR: Partial<Record<CaseEvent, CnStatus>> = { "record-notification-blocked": "FORMALLY_NOTIFIED", "hold-notification": "PREPARATION" };

describe("comments", () => {
  it("exactly these events require a comment", () => {
    expect(CASE_EVENT_NAMES.filter((e) => (CASE_EVENTS[e] as CaseEventDefinition).commentRequired === true).sort()).toEqual(Object.keys(COMMENT_REQUIRED).sort());
  });

  it.each(Object.entries(COMMENT_REQUIRED) as [CaseEvent, CaseStatus][])("%s without a comment is invalid input naming the comment", (event, status) => {
    const c = caseIn(status, CN_FOR[event] ?? "NOT_REQUIRED");
    const actor = firerOf(event, c);
    for (const comment of [undefined, null, ""]) {
      expect(refuse(c, event, actor, { ...OTHER_INPUT[event], comment })).toMatchObject({ kind: "invalid-input", field: "comment" });
    }
    expect(transition(c, event, actor, { ...OTHER_INPUT[event], comment: "Because." }, context()).ok).toBe(true);
  });

  it("a comment is kept on the decision with its visibility, USG-internal unless said otherwise", () => {
    const c = fire(inReview(), "concur-with-comment", dsca(), { comment: "Check the notes." });
    expect(c.tasks.find((t) => t.office === "DSCA")).toMatchObject({ comment: "Check the notes.", commentVisibility: "USG_INTERNAL" });
  });
});

// ---- offer, acceptance and input checks -------------------------------------------------------------------------

describe("offer acceptance", () => {
  const offerDay = plusDays(NOW, -5);
  const oed = plusDays(NOW, 30);
  const offered = caseIn("OFFERED", "NOT_REQUIRED", { offeredAt: offerDay, offerExpiresAt: oed });
  const acceptance = (signedOn: string) => ({ signerName: "Minister", signerTitle: "Minister of Defence", signedOn, initialDeposit: "100.00" });

  it("is accepted up to the last millisecond before the OED and refused from the OED on", () => {
    const justBefore = plusMs(oed, -1);
    expect(fire(offered, "accept", partner(), acceptance(isoDay(justBefore)), context(justBefore)).status).toBe("ACCEPTED");
    for (const when of [oed, plusDays(oed, 2)]) {
      const result = refuse(offered, "accept", partner(), acceptance(isoDay(oed)), context(when));
      expect(result.kind).toBe("guard");
      expect(result.message).toMatch(/expiration/i);
      expect(refuse(offered, "request-changes", partner(), withComment, context(when)).kind).toBe("guard");
      expect(availableActions(offered, partner(), context(when))).toEqual([]);
    }
  });

  it("refuses a signature date in the future, naming signedOn", () => {
    const result = refuse(offered, "accept", partner(), acceptance(isoDay(plusDays(NOW, 1))));
    expect(result).toMatchObject({ kind: "invalid-input", field: "signedOn" });
    expect(result.message).toMatch(/future/i);
  });

  it("refuses a signature date before the offer was made, naming signedOn", () => {
    const result = refuse(offered, "accept", partner(), acceptance(isoDay(plusDays(offerDay, -1))));
    expect(result).toMatchObject({ kind: "invalid-input", field: "signedOn" });
    expect(result.message).toMatch(/before the offer/i);
  });

  it("accepts a signature on the offer day or today", () => {
    for (const signedOn of [isoDay(offerDay), isoDay(NOW)]) {
      const next = fire(offered, "accept", partner(), acceptance(signedOn));
      expect(next.acceptance).toEqual(acceptance(signedOn));
    }
  });

  it("record-deposit refuses a receipt date in the future, naming receivedOn", () => {
    const accepted = caseIn("ACCEPTED");
    expect(refuse(accepted, "record-deposit", dsca(), { amount: "10.00", receivedOn: isoDay(plusDays(NOW, 1)) })).toMatchObject({
      kind: "invalid-input",
      field: "receivedOn",
    });
    expect(fire(accepted, "record-deposit", dsca(), { amount: "10.00", receivedOn: isoDay(NOW) }).status).toBe("IMPLEMENTED");
  });

  it("reassigning a case in development to the agency it already has is refused, naming agencyId", () => {
    const developing = caseIn("IN_DEVELOPMENT");
    expect(refuse(developing, "assign-agency", dsca(), { agencyId: AGENCY_ID })).toMatchObject({ kind: "invalid-input", field: "agencyId" });
    expect(fire(developing, "assign-agency", dsca(), { agencyId: OTHER_AGENCY_ID }).agencyId).toBe(OTHER_AGENCY_ID);
    // A new case may be assigned to the agency the letter named.
    expect(fire(caseIn("OPENED"), "assign-agency", dsca(), { agencyId: AGENCY_ID }).status).toBe("IN_DEVELOPMENT");
  });
});

// ---- organizations ------------------------------------------------------------------------------------------------

/** Agency events and the state each applies to. */
const AGENCY_EVENTS: [CaseEvent, CaseStatus][] = [
  ["approve-loa", "IN_DEVELOPMENT"],
  ["sign", "READY_TO_SIGN"],
  ["offer", "COUNTERSIGNED"],
  ["restate", "EXPIRED"],
  ["start-execution", "IMPLEMENTED"],
  ["declare-supply-complete", "EXECUTING"],
  ["submit-closure", "SUPPLY_SERVICES_COMPLETE"],
];

describe("agencies and countries", () => {
  it.each(AGENCY_EVENTS)("an IA case manager of another agency is forbidden %s; the case's own agency may", (event, status) => {
    const c = caseIn(status);
    const outsider = iaManager(OTHER_AGENCY_ID, USERS.ia2);
    expect(refuse(c, event, outsider).kind).toBe("forbidden");
    expect(availableActions(c, outsider, context())).toEqual([]);
    expect(transition(c, event, iaManager(AGENCY_ID), validInput(event, c), context()).ok).toBe(true);
    expect(availableActions(c, iaManager(AGENCY_ID), context())).toContain(event);
  });

  it("the agency's events are named exactly by the two agency rules", () => {
    const agencyEvents = ACTOR_EVENTS.filter((e) => ["developLoa", "executeCase"].includes(CASE_EVENTS[e].permission as string));
    expect(agencyEvents.sort()).toEqual(AGENCY_EVENTS.map(([e]) => e).sort());
  });

  it("a partner of another country gets not-found for every action on every state", () => {
    const stranger = partner(OTHER_COUNTRY_ID);
    for (const status of CASE_STATUSES) {
      const c = caseIn(status);
      expect(availableActions(c, stranger, context())).toEqual([]);
      for (const event of ACTOR_EVENTS) expect(refuse(c, event, stranger, validInput(event, c)).kind, `${event} on ${status}`).toBe("not-found");
    }
  });

  it("a partner of the case's country may respond to the offer and nothing else", () => {
    expect(availableActions(caseIn("OFFERED"), partner(), context()).sort()).toEqual(["accept", "request-changes"]);
    for (const status of CASE_STATUSES) {
      if (status === "OFFERED") continue;
      expect(availableActions(caseIn(status), partner(), context()), status).toEqual([]);
    }
    expect(refuse(caseIn("IN_DEVELOPMENT"), "approve-loa", partner()).kind).toBe("forbidden");
  });

  it("administrators and auditors fire no workflow events", () => {
    for (const actor of [admin(), auditor()]) {
      for (const status of CASE_STATUSES) expect(availableActions(caseIn(status), actor, context())).toEqual([]);
    }
  });
});

// ---- availableActions agrees with transition, over generated cases ---------------------------------------------

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [USERS.dsca, USERS.dsca2, USERS.state, USERS.dtsa, USERS.ia, USERS.ia2];
const ACTORS: Actor[] = [
  partner(COUNTRY_ID),
  partner(OTHER_COUNTRY_ID),
  dsca(USERS.dsca),
  dsca(USERS.dsca2),
  person("DSCA_ANALYST", USERS.ia),
  stateReviewer(USERS.state),
  stateReviewer(USERS.dsca2),
  dtsaReviewer(USERS.dtsa),
  dtsaReviewer(USERS.state),
  iaManager(AGENCY_ID, USERS.ia),
  iaManager(AGENCY_ID, USERS.ia2),
  iaManager(OTHER_AGENCY_ID, USERS.ia2),
  admin(),
  auditor(),
];

function generate(next: () => number): { snapshot: CaseSnapshot; actor: Actor } {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const round = pick([0, 1, 1, 2]);
  const tasks: ReviewTaskSnapshot[] = [];
  for (let r = 1; r <= round; r += 1) {
    for (const office of OFFICES as ReviewOffice[]) {
      if (next() < 0.1) continue;
      const state = r < round ? pick(["DECIDED", "CANCELLED"] as const) : pick(["OPEN", "OPEN", "DECIDED", "DECIDED", "CANCELLED"] as const);
      const decision = state === "DECIDED" ? pick<ReviewDecision>([...REVIEW_DECISIONS, "CONCUR", "CONCUR"]) : null;
      tasks.push(task(office, { round: r, status: state, decision, decidedById: decision ? pick(PEOPLE) : null }));
    }
  }
  const status = pick(CASE_STATUSES);
  const snapshot = caseIn(status, pick(CN_STATUSES), {
    countryId: pick([COUNTRY_ID, COUNTRY_ID, OTHER_COUNTRY_ID]),
    agencyId: pick([AGENCY_ID, AGENCY_ID, OTHER_AGENCY_ID]),
    natoPlus: next() < 0.5,
    reviewRound: round,
    tasks,
    loaPreparerIds: PEOPLE.filter(() => next() < 0.25),
    offerExpiresAt: pick([null, plusDays(NOW, -1), NOW, plusMs(NOW, 1), plusDays(NOW, 30)]),
    offeredAt: pick([null, plusDays(NOW, -5), NOW]),
    suspendedFromStatus: status === "SUSPENDED" ? pick(SUSPENDABLE_STATUSES) : null,
  });
  snapshot.cn = {
    ...snapshot.cn,
    heldFrom: snapshot.cn.status === "HELD" ? pick(["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW"] as const) : null,
    informalEndsAt: pick([null, plusDays(NOW, -1), NOW, plusMs(NOW, 1)]),
  };
  return { snapshot, actor: pick(ACTORS) };
}

describe("availableActions agrees with transition", () => {
  it("over 3000 generated cases and actors: an action is listed iff firing it with valid input succeeds", () => {
    const next = random(20260302);
    const mismatches: string[] = [];
    const listedAtLeastOnce = new Set<CaseEvent>();
    const refusedBecause = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1) {
      const { snapshot, actor } = generate(next);
      const listed = availableActions(snapshot, actor, context());
      expect(listed.every((e) => ACTOR_EVENTS.includes(e))).toBe(true);
      for (const event of ACTOR_EVENTS) {
        const result = transition(snapshot, event, actor, validInput(event, snapshot), context());
        if (listed.includes(event)) listedAtLeastOnce.add(event);
        else if (!result.ok) refusedBecause.set(result.kind, (refusedBecause.get(result.kind) ?? 0) + 1);
        if (listed.includes(event) !== result.ok) {
          mismatches.push(`#${i} ${event} by ${actor.role}/${actor.userId.slice(-1)} on ${snapshot.status}/${snapshot.cn.status}: listed=${listed.includes(event)}, ${describeResult(result)}`);
        }
        // Valid input is never the reason: refusals are policy, state or guards.
        if (!result.ok) expect(result.kind, `${event} on ${snapshot.status}`).not.toBe("invalid-input");
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The sample exercises every action and every kind of refusal.
    expect([...listedAtLeastOnce].sort()).toEqual([...ACTOR_EVENTS].sort());
    expect([...refusedBecause.keys()].sort()).toEqual(["forbidden", "guard", "invalid-state", "not-found", "separation-of-duties"]);
  }, 60_000); // 3000 cases take about a second alone, and several times that while builds share the two cores

  it("on every state with the right people: listed iff allowed", () => {
    for (const status of CASE_STATUSES) {
      for (const cn of CN_STATUSES) {
        const c = caseIn(status, cn);
        for (const actor of ACTORS) {
          const listed = availableActions(c, actor, context());
          for (const event of ACTOR_EVENTS) {
            const ok = transition(c, event, actor, validInput(event, c), context()).ok;
            expect(listed.includes(event), `${event} by ${actor.role} on ${status}/${cn}`).toBe(ok);
          }
        }
      }
    }
  });
});

// ---- money at acceptance (issue 12): the deposit promised and the deposit received ---------------------------------

describe("the initial deposit", () => {
  const offered = caseIn("OFFERED", "NOT_REQUIRED", { offeredAt: plusDays(NOW, -5), offerExpiresAt: plusDays(NOW, 30) });
  const facts = (depositsReceived = "0.00") => ({ initialDepositDue: "1199246.50", depositsReceived, openLines: [], closureBlockers: [] });
  const withFacts = (depositsReceived?: string) => context(NOW, { afterAcceptance: facts(depositsReceived) });
  const acceptance = (initialDeposit: string) => ({ signerName: "Minister", signerTitle: "Minister of Defence", signedOn: isoDay(NOW), initialDeposit });
  const wire = (amount: string) => ({ amount, receivedOn: isoDay(NOW), wireReference: "FED-2026-0042" });

  it.each(["1000000.00", "1199246.49", "0.00"])("refuses a promise of %s below the $1,199,246.50 due, naming initialDeposit and the amount", (promised) => {
    const result = refuse(offered, "accept", partner(), acceptance(promised), withFacts());
    expect(result).toMatchObject({ kind: "invalid-input", field: "initialDeposit" });
    expect(result.message).toContain("$1,199,246.50");
  });

  it.each(["1199246.50", "1199246.51", "2000000.00"])("accepts a promise of %s and keeps the amount due on the case", (promised) => {
    const next = fire(offered, "accept", partner(), acceptance(promised), withFacts());
    expect(next).toMatchObject({ status: "ACCEPTED", initialDepositDue: "1199246.50", acceptance: { initialDeposit: promised } });
  });

  it("without the LOA's facts (no LOA loaded) the promise is not checked", () => {
    expect(fire(offered, "accept", partner(), acceptance("1.00")).status).toBe("ACCEPTED");
  });

  const accepted = caseIn("ACCEPTED", "NOT_REQUIRED", { initialDepositDue: "1199246.50", acceptedAt: plusDays(NOW, -3) });

  it("a partial deposit is recorded and the case stays accepted, not implemented", () => {
    const next = fire(accepted, "record-deposit", financeOfficer(), wire("1000000.00"), withFacts());
    expect(next).toMatchObject({ status: "ACCEPTED", implementedAt: null, depositReceivedAt: null });
  });

  it("the deposit that completes the amount due (with those before it) implements the case", () => {
    const next = fire(accepted, "record-deposit", financeOfficer(), wire("199246.50"), withFacts("1000000.00"));
    expect(next).toMatchObject({ status: "IMPLEMENTED", implementedAt: NOW, depositReceivedAt: NOW, emergencyImplementation: false });
  });

  it("one cent short is still short", () => {
    expect(fire(accepted, "record-deposit", financeOfficer(), wire("199246.49"), withFacts("1000000.00")).status).toBe("ACCEPTED");
  });

  it("without the LOA's facts the amount kept at acceptance must be covered", () => {
    expect(fire(accepted, "record-deposit", dsca(), wire("1199246.49")).status).toBe("ACCEPTED");
    expect(fire(accepted, "record-deposit", dsca(), wire("1199246.50")).status).toBe("IMPLEMENTED");
  });

  it("DSCA analysts and finance officers record deposits; nobody else", () => {
    for (const actor of [dsca(), financeOfficer()]) expect(availableActions(accepted, actor, withFacts())).toContain("record-deposit");
    for (const actor of [partner(), iaManager(), stateReviewer(), dtsaReviewer(), admin(), auditor()]) {
      expect(refuse(accepted, "record-deposit", actor, wire("1.00"), withFacts()).kind).toBe("forbidden");
    }
    // Emergency implementation stays DSCA's alone.
    expect(availableActions(accepted, financeOfficer(), withFacts())).not.toContain("emergency-implement");
    expect(availableActions(accepted, dsca(), withFacts())).toContain("emergency-implement");
  });
});
