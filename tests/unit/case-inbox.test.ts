// The derived inbox (src/domain/workflow/inbox.ts) must answer exactly what asking the workflow would: for every state
// and notification state, every role with an inbox, people whose separation-of-duties position differs, and every
// moment around the case's clock instants (offer expiry, informal review end, formal period end).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/domain/policy";
import { CASE_EVENTS, type CaseSnapshot } from "@/domain/workflow/case-workflow";
import { applyDueClocks, inboxActions } from "@/domain/workflow/engine";
import { clockInstants, inboxEntriesOf, type InboxEntry, type StoredCaseClock } from "@/domain/workflow/inbox";
import { CASE_STATUSES, CN_STATUSES } from "@/domain/workflow/states";
import { agingOf, dueDate } from "@/domain/sla";
import { AGENCY_ID, NOW, RULES, OTHER_AGENCY_ID, USERS, caseIn, context, decidedTask, dsca, dtsaReviewer, iaManager, plusDays, plusMs, stateReviewer, task } from "./case-fixtures";

const storedOf = (snapshot: CaseSnapshot): StoredCaseClock => ({ ...snapshot, updatedAt: plusDays(NOW, -2) });

/** The entry a person reads at `at`: their own row, or their office's row unless it excludes them. */
function entryFor(entries: readonly InboxEntry[], actor: Actor, at: Date): InboxEntry | undefined {
  const agencyId = actor.role === "IA_CASE_MANAGER" ? actor.organizationId : null;
  return entries.find(
    (e) =>
      e.role === actor.role &&
      e.agencyId === agencyId &&
      (e.validFrom === null || e.validFrom.getTime() <= at.getTime()) &&
      (e.validUntil === null || e.validUntil.getTime() > at.getTime()) &&
      (e.userId === actor.userId || (e.userId === null && !e.excludedUserIds.includes(actor.userId))),
  );
}

const people = (): Actor[] => [
  dsca(),
  dsca(USERS.dsca2),
  stateReviewer(),
  dtsaReviewer(),
  iaManager(),
  iaManager(AGENCY_ID, USERS.ia2),
  iaManager(OTHER_AGENCY_ID),
  // A DSCA analyst who drafted the LOA, and one who decided for another office (separation of duties).
  dsca(USERS.ia),
  dsca(USERS.state),
];

/** Moments that matter: now, and just before, at and after each clock instant, and long after. */
function moments(snapshot: CaseSnapshot): Date[] {
  return [NOW, ...clockInstants(snapshot, NOW).flatMap((t) => [plusMs(t, -1), t, plusMs(t, 1)]), plusDays(NOW, 400)];
}

const variants = (): [string, CaseSnapshot][] => {
  const out: [string, CaseSnapshot][] = [];
  for (const status of CASE_STATUSES) {
    for (const cn of CN_STATUSES) {
      out.push([`${status}/${cn}`, caseIn(status, cn)]);
    }
  }
  // In review with a DSCA preparer, a State reviewer who already decided for DTSA, and a notification running.
  out.push([
    "IN_REVIEW with separation-of-duties people",
    caseIn("IN_REVIEW", "INFORMAL_REVIEW", {
      loaPreparerIds: [USERS.ia, USERS.ia],
      tasks: [task("DSCA"), task("STATE_PM"), decidedTask("DTSA", "CONCUR", { decidedById: USERS.state })],
      cn: { status: "INFORMAL_REVIEW", heldFrom: null, informalEndsAt: plusDays(NOW, 3), notifiedAt: null, periodEndsAt: null },
    }),
  ]);
  out.push([
    "AGENCY_SIGNED with a DSCA preparer",
    caseIn("AGENCY_SIGNED", "NOT_REQUIRED", { loaPreparerIds: [USERS.ia] }),
  ]);
  out.push([
    "OFFERED expiring in 2 days, notification period ending tomorrow",
    caseIn("OFFERED", "FORMALLY_NOTIFIED", {
      offerExpiresAt: plusDays(NOW, 2),
      cn: { status: "FORMALLY_NOTIFIED", heldFrom: null, informalEndsAt: plusDays(NOW, -30), notifiedAt: plusDays(NOW, -29), periodEndsAt: plusDays(NOW, 1) },
    }),
  ]);
  out.push([
    "COUNTERSIGNED whose offer date passes in a week",
    caseIn("COUNTERSIGNED", "CLEARED", { offerExpiresAt: plusDays(NOW, 7) }),
  ]);
  out.push([
    "IN_REVIEW, all concurred, formal period ending in 5 days",
    caseIn("IN_REVIEW", "FORMALLY_NOTIFIED", {
      tasks: ["DSCA", "STATE_PM", "DTSA"].map((o) => decidedTask(o as "DSCA")),
      cn: { status: "FORMALLY_NOTIFIED", heldFrom: null, informalEndsAt: plusDays(NOW, -25), notifiedAt: plusDays(NOW, -20), periodEndsAt: plusDays(NOW, 5) },
    }),
  ]);
  return out;
};

describe("inboxEntriesOf answers what the workflow answers, at every moment", () => {
  it.each(variants())("%s", (_name, snapshot) => {
    const entries = inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW));
    for (const at of moments(snapshot)) {
      const ctx = context(at);
      const { snapshot: current } = applyDueClocks(snapshot, ctx);
      for (const actor of people()) {
        const expected = inboxActions(current, actor, ctx);
        const entry = entryFor(entries, actor, at);
        expect(entry?.actions ?? [], `${actor.role} ${actor.userId} at ${at.toISOString()}`).toEqual(expected);
        if (entry) expect(entry.status).toBe(current.status);
      }
    }
  });

  it("covers the work that matters: every inbox event appears for someone in some variant", () => {
    const seen = new Set<string>();
    for (const [, snapshot] of variants()) {
      for (const entry of inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW))) entry.actions.forEach((a) => seen.add(a));
    }
    const inboxEvents = Object.entries(CASE_EVENTS)
      .filter(([, d]) => d.inbox !== false && d.permission !== null && d.permission !== "respondToOffer")
      .map(([e]) => e);
    expect([...seen].sort()).toEqual(expect.arrayContaining(inboxEvents.sort()));
  });
});

describe("inbox rows", () => {
  it("a review row carries its clock: the task's start, due moment and the moment it turns amber", () => {
    const snapshot = caseIn("IN_REVIEW", "NOT_REQUIRED", {
      tasks: [task("DSCA", { slaRuleId: "rule-review-dsca", dueAt: dueDate(plusDays(NOW, -3), RULES[0]) }), task("STATE_PM"), task("DTSA")],
    });
    const entries = inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW));
    const dscaRow = entryFor(entries, dsca(), NOW)!;
    const dscaTask = snapshot.tasks.find((t) => t.office === "DSCA")!;
    expect(dscaRow).toMatchObject({ kind: "REVIEW", office: "DSCA", clockStart: dscaTask.openedAt, dueAt: dscaTask.dueAt });
    expect(dscaRow.amberAt!.getTime()).toBeGreaterThan(dscaTask.openedAt.getTime());
    expect(dscaRow.amberAt!.getTime()).toBeLessThan(dscaTask.dueAt.getTime());
    // The stored amber moment is where the tag turns amber.
    expect(agingOf(dscaTask.openedAt, RULES[0], plusMs(dscaRow.amberAt!, -1)).state).toBe("ON_TRACK");
    expect(agingOf(dscaTask.openedAt, RULES[0], dscaRow.amberAt!).state).toBe("DUE_SOON");
    // A task whose rule is unknown has no clock to age.
    expect(entryFor(entries, stateReviewer(), NOW)).toMatchObject({ kind: "REVIEW", dueAt: null, amberAt: null });
  });

  it("an offer about to expire: the agency's restatement appears exactly at the expiration date", () => {
    const expires = plusDays(NOW, 2);
    const snapshot = caseIn("OFFERED", "NOT_REQUIRED", { offerExpiresAt: expires });
    const entries = inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW));
    expect(entryFor(entries, iaManager(), plusMs(expires, -1))).toBeUndefined();
    expect(entryFor(entries, iaManager(), expires)).toMatchObject({ actions: ["restate"], status: "EXPIRED", validFrom: expires, validUntil: null });
    // The expired offer's new state has no stored clock yet: no aging.
    expect(entryFor(entries, iaManager(), expires)!.dueAt).toBeNull();
  });

  it("separation of duties: the analyst who drafted the LOA is excluded from the office row and gets no review work", () => {
    const snapshot = caseIn("IN_REVIEW", "NOT_REQUIRED", { loaPreparerIds: [USERS.ia] });
    const entries = inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW));
    const office = entries.find((e) => e.role === "DSCA_ANALYST" && e.userId === null)!;
    expect(office.excludedUserIds).toContain(USERS.ia);
    expect(entryFor(entries, dsca(USERS.ia), NOW)).toBeUndefined();
    expect(entryFor(entries, dsca(), NOW)?.actions).toEqual(expect.arrayContaining(["concur"]));
  });

  it("a closed case has no inbox rows at all", () => {
    const snapshot = caseIn("CLOSED");
    expect(inboxEntriesOf(snapshot, storedOf(snapshot), context(NOW))).toEqual([]);
  });
});
