// The large-dataset seed (prisma/large-seed) writes what the app would have written: ~600 cases in every state, with
// designators the app's next allocation steps past, hash chains the app's verifier accepts, versions and review tasks
// that agree with the recorded events, LOAs and letters that pass the domain's own validation, country isolation in
// the lists, and the app carrying on from any seeded case. A second call adds only the difference.
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "@/domain/audit-chain";
import { DESIGNATOR_ALPHABET } from "@/domain/cases/identifier";
import { submissionProblems } from "@/domain/loa/validation";
import { actorFromUser } from "@/domain/policy";
import { LorContentInput } from "@/domain/schemas/lor";
import { applyDueClocks, inboxActions } from "@/domain/workflow/engine";
import { CASE_STATUSES, type CaseStatus } from "@/domain/workflow/states";
import { INBOX_REVISION } from "@/domain/workflow/inbox";
import { rowsOf as inboxRowsOf } from "@/server/cases/case-inbox";
import { caseInclude, snapshotOf, workflowContextFor } from "@/server/cases/case-store";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { listCases } from "@/server/cases/list-cases";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { openCase } from "@/server/cases/open-case";
import { performCaseAction } from "@/server/cases/perform-case-action";
import { listEvents } from "@/server/notifications/list-events";
import { contentOf, loadDocuments, loadNoteTitles, loadRates, priceContent, shapeOf } from "@/server/loa/loa-store";
import { countLargeSeedCases, seedLargeDataset } from "../../prisma/large-seed";
import { seedDemo, seedReference } from "../../prisma/seed";
import { context, testPrisma } from "./helpers";

const prisma = testPrisma();
const SEED = 7;
const CASES = 600;

let base = 0;
let seededIds: string[] = [];
let firstRun: { casesAdded: number; ms: number };

/** The ids of the cases the large seed opened (its opening events carry its request ids). */
async function largeSeedCaseIds(): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    "SELECT target_id AS id FROM audit_events WHERE action = 'case.open' AND request_id LIKE 'large-seed-%' ORDER BY id",
  );
  return rows.map((r) => r.id);
}

const designatorNumber = (designator: string) =>
  [...designator].reduce((n, ch) => n * DESIGNATOR_ALPHABET.length + DESIGNATOR_ALPHABET.indexOf(ch), 0);

const actorByEmail = async (email: string) => actorFromUser(await prisma.user.findUniqueOrThrow({ where: { email }, include: { organization: true } }));

beforeAll(async () => {
  await seedReference(prisma);
  await seedDemo(prisma);
  base = await countLargeSeedCases(prisma);
  firstRun = await seedLargeDataset(prisma, { cases: base + CASES, seed: SEED });
  seededIds = await largeSeedCaseIds();
}, 600_000);

describe("seedLargeDataset", () => {
  it("adds the cases asked for, in every workflow state, with the notification track and reviews in many stages", async () => {
    expect(firstRun.casesAdded).toBe(CASES);
    expect(await countLargeSeedCases(prisma)).toBe(base + CASES);
    expect(seededIds).toHaveLength(base + CASES);

    const cases = await prisma.case.findMany({ where: { id: { in: seededIds } }, select: { status: true, cnStatus: true, openedAt: true } });
    const statuses = new Set(cases.map((c) => c.status));
    for (const status of CASE_STATUSES) expect(statuses, `no seeded case is ${status}`).toContain(status);
    const tracks = new Set(cases.map((c) => c.cnStatus));
    expect(tracks).toContain("NOT_REQUIRED");
    expect(tracks).toContain("CLEARED");
    expect([...tracks].filter((t) => ["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW", "FORMALLY_NOTIFIED", "HELD"].includes(t)).length).toBeGreaterThanOrEqual(2);
    // Years of history.
    const years = new Set(cases.map((c) => c.openedAt.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(6);

    const tasks = await prisma.reviewTask.groupBy({ by: ["status"], where: { caseId: { in: seededIds } }, _count: true });
    expect(tasks.map((t) => t.status).sort()).toEqual(["CANCELLED", "DECIDED", "OPEN"]);
    expect(await prisma.reviewTask.count({ where: { caseId: { in: seededIds }, status: "OPEN", overdueFlaggedAt: { not: null } } })).toBeGreaterThan(0);
  });

  it("about a third of the cases are work in a DSCA analyst's inbox, and My tasks lists them", async () => {
    const dsca = await actorByEmail("dsca@caseway.example");
    const rows = await prisma.case.findMany({ where: { id: { in: seededIds } }, include: caseInclude });
    const rules = await prisma.slaRule.findMany();
    const now = new Date();
    const work = rows.filter((row) => {
      const ctx = workflowContextFor(row, rules, now);
      return inboxActions(applyDueClocks(snapshotOf(row), ctx).snapshot, dsca, ctx).length > 0;
    }).length;
    expect(work / rows.length).toBeGreaterThan(0.3);
    const tasks = await listMyTasks(dsca, { pageSize: 10 });
    expect(tasks.total).toBeGreaterThanOrEqual(work);
    expect(tasks.items).toHaveLength(10);
  });

  it("writes each case's inbox rows as the app derives them from the stored case at its last change", async () => {
    const rows = await prisma.case.findMany({ where: { id: { in: seededIds.slice(base, base + 150) } }, include: caseInclude });
    const rules = await prisma.slaRule.findMany();
    const comparable = (r: Record<string, unknown>) => {
      const { id: _id, ...rest } = r;
      return JSON.parse(JSON.stringify(rest)) as unknown;
    };
    for (const row of rows) {
      expect(row.inboxRev).toBe(INBOX_REVISION);
      const stored = { status: row.status, statusChangedAt: row.statusChangedAt, statusDueAt: row.statusDueAt, statusSlaRuleId: row.statusSlaRuleId, updatedAt: row.updatedAt };
      const expected = inboxRowsOf(row.id, snapshotOf(row), stored, workflowContextFor(row, rules, row.updatedAt)).map((r) => comparable(r));
      const written = (await prisma.caseInboxEntry.findMany({ where: { caseId: row.id } })).map((r) => comparable(r));
      const key = (r: unknown) => canonicalJson(r);
      expect(written.map(key).sort(), `inbox rows of ${row.identifier}`).toEqual(expected.map(key).sort());
    }
  });

  it("uses unique identifiers and leaves every designator sequence past the designators in use", async () => {
    const cases = await prisma.case.findMany({ where: { id: { in: seededIds } }, select: { identifier: true, countryId: true, implementingAgencyId: true } });
    expect(new Set(cases.map((c) => c.identifier)).size).toBe(cases.length);

    const seeded = await prisma.case.findMany({ where: { id: { in: seededIds } }, select: { countryId: true, implementingAgencyId: true, designator: true } });
    const highest = new Map<string, number>();
    for (const c of seeded) {
      const key = `${c.countryId}|${c.implementingAgencyId}`;
      highest.set(key, Math.max(highest.get(key) ?? -1, designatorNumber(c.designator)));
    }
    const sequences = new Map((await prisma.caseDesignatorSequence.findMany()).map((s) => [`${s.countryId}|${s.agencyId}`, s.next]));
    for (const [key, number] of highest) expect(sequences.get(key), `sequence ${key} behind its designators`).toBeGreaterThan(number);

    // The busiest pair: the app's next opening there gets a fresh identifier.
    const busiest = await prisma.case.groupBy({
      by: ["countryId", "implementingAgencyId"],
      where: { id: { in: seededIds } },
      _count: true,
      orderBy: { _count: { id: "desc" } },
      take: 1,
    });
    const { countryId, implementingAgencyId } = busiest[0]!;
    const country = await prisma.organization.findUniqueOrThrow({ where: { id: countryId } });
    const agency = await prisma.organization.findUniqueOrThrow({ where: { id: implementingAgencyId } });
    const dsca = await actorByEmail("dsca@caseway.example");
    const opened = await prisma.$transaction((tx) =>
      openCase(tx, dsca, { lorId: null, country, agency, caseType: "DEFINED_ORDER" }, context(), new Date()),
    );
    expect(cases.map((c) => c.identifier)).not.toContain(opened.identifier);
    expect(designatorNumber(opened.designator)).toBe(sequences.get(`${countryId}|${implementingAgencyId}`));
  });

  it("writes the event feed a dispatch would have made of its history: worded as the app words it, in time order, telling nobody", async () => {
    const [partner] = await prisma.user.findMany({ where: { email: "partner.bn@caseway.example" } });
    const feed = await listEvents(actorFromUser(await prisma.user.findUniqueOrThrow({ where: { id: partner!.id }, include: { organization: true } })), { limit: "200" });
    expect(feed.events.length).toBeGreaterThan(0);
    expect(feed.events.map((e) => e.title)).toContain("Case opened from a complete letter of request");
    const events = await prisma.outboxEvent.findMany({ where: { caseId: { in: seededIds.slice(0, 50) } }, orderBy: { feedSeq: "asc" }, select: { occurredAt: true, dispatchedAt: true, title: true } });
    expect(events.every((e) => e.dispatchedAt !== null && e.title)).toBe(true);
    const times = events.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A partner's feed never holds an internal step: a notification-track step has no partner wording.
    expect(await prisma.outboxEvent.count({ where: { caseId: { in: seededIds }, title: { startsWith: "Notification" }, partnerTitle: { not: null } } })).toBe(0);
    expect(await prisma.notification.count({ where: { event: { caseId: { in: seededIds } } } })).toBe(0);
  });

  it("writes hash chains the app verifies, and versions that count the steps that changed the case", async () => {
    for (const id of seededIds.slice(base)) {
      const { events, verification } = await verifyCaseChain(id);
      expect(verification, `chain of case ${id}`).toMatchObject({ verified: true });
      expect(events[0]!.action).toBe("case.open");

      // Each person's step is one version; so is each run of the clock job that changed the case (not one that only
      // flagged a review overdue). Saving the LOA draft does not change the case.
      const requests = new Map<string, typeof events>();
      for (const e of events.slice(1)) requests.set(e.requestId!, [...(requests.get(e.requestId!) ?? []), e]);
      let steps = 0;
      for (const group of requests.values()) {
        const byPerson = group.some((e) => e.actorEmail !== "clock" && e.action.startsWith("case."));
        const byClock = group.every((e) => e.actorEmail === "clock") && group.some((e) => e.action !== "case.review-overdue");
        if (byPerson || byClock) steps += 1;
      }
      const row = await prisma.case.findUniqueOrThrow({ where: { id }, select: { version: true } });
      expect(row.version, `version of case ${id}`).toBe(steps + 1);
    }
  });

  it("keeps review tasks in agreement with the recorded decisions and the case's state", async () => {
    const rows = await prisma.case.findMany({ where: { id: { in: seededIds } }, include: caseInclude });
    const events = await prisma.auditEvent.findMany({
      where: { targetType: "case", targetId: { in: seededIds }, action: { in: ["case.concur", "case.concur-with-comment", "case.return-for-rework", "case.disapprove", "case.review-overdue"] } },
    });
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.targetId!, [...(byCase.get(e.targetId!) ?? []), e]);
    const decisions: Record<string, string> = {
      "case.concur": "CONCUR",
      "case.concur-with-comment": "CONCUR_WITH_COMMENT",
      "case.return-for-rework": "RETURN",
      "case.disapprove": "DISAPPROVE",
    };
    for (const row of rows) {
      const snapshot = snapshotOf(row);
      expect(row.reviewTasks).toHaveLength(3 * row.reviewRound);
      for (const task of row.reviewTasks.filter((t) => t.round < row.reviewRound)) expect(task.status).not.toBe("OPEN");
      const current = row.reviewTasks.filter((t) => t.round === row.reviewRound);
      const open = current.filter((t) => t.status === "OPEN");
      if (row.status === "IN_REVIEW") {
        const concurred = current.every((t) => t.decision === "CONCUR" || t.decision === "CONCUR_WITH_COMMENT");
        expect(open.length > 0 || (concurred && !["NOT_REQUIRED", "CLEARED"].includes(row.cnStatus))).toBe(true);
      }
      if (["READY_TO_SIGN", "AGENCY_SIGNED", "COUNTERSIGNED", "OFFERED", "ACCEPTED", "IMPLEMENTED", "EXECUTING", "CLOSED"].includes(row.status)) {
        expect(current.map((t) => t.decision).every((d) => d === "CONCUR" || d === "CONCUR_WITH_COMMENT")).toBe(true);
      }
      if (row.status === "DISAPPROVED") expect(current.some((t) => t.decision === "DISAPPROVE")).toBe(true);
      if (row.status === "CANCELLED" || row.status === "DISAPPROVED") expect(open).toHaveLength(0);

      const recorded = byCase.get(row.id) ?? [];
      const decided = row.reviewTasks.filter((t) => t.status === "DECIDED");
      expect(recorded.filter((e) => e.action !== "case.review-overdue")).toHaveLength(decided.length);
      for (const e of recorded) {
        const details = e.details as { reviewOffice: string; reviewRound: number };
        const task = row.reviewTasks.find((t) => t.office === details.reviewOffice && t.round === details.reviewRound)!;
        if (e.action === "case.review-overdue") {
          expect(task.overdueFlaggedAt?.toISOString()).toBe(e.occurredAt.toISOString());
          continue;
        }
        expect(task).toMatchObject({ status: "DECIDED", decision: decisions[e.action], decidedById: e.actorUserId, decidedAt: e.occurredAt });
      }
      expect(snapshot.tasks.filter((t) => t.status === "OPEN").every((t) => t.round === row.reviewRound || row.status === "SUSPENDED")).toBe(true);
    }
  });

  it("gives each case its letter of request and a basic LOA that moves with the workflow, valid by the domain's rules", async () => {
    const rows = await prisma.case.findMany({ where: { id: { in: seededIds } }, include: { documents: { include: { lines: true } }, openedFromLor: true } });
    const expected: Partial<Record<CaseStatus, string[]>> = {
      OPENED: ["DRAFT"],
      IN_DEVELOPMENT: ["DRAFT"],
      IN_REVIEW: ["SUBMITTED"],
      READY_TO_SIGN: ["SUBMITTED"],
      AGENCY_SIGNED: ["SUBMITTED"],
      COUNTERSIGNED: ["SUBMITTED"],
      OFFERED: ["OFFERED"],
      EXPIRED: ["OFFERED"],
      ACCEPTED: ["ACCEPTED"],
      IMPLEMENTED: ["IMPLEMENTED"],
      EXECUTING: ["IMPLEMENTED"],
      SUPPLY_SERVICES_COMPLETE: ["IMPLEMENTED"],
      CLOSURE_PENDING: ["IMPLEMENTED"],
      CLOSED: ["IMPLEMENTED"],
      CANCELLED: ["WITHDRAWN", "OFFERED"],
      DISAPPROVED: ["WITHDRAWN"],
    };
    const rates = await loadRates(prisma);
    const noteTitles = await loadNoteTitles(prisma);
    for (const row of rows) {
      const lor = row.openedFromLor!;
      expect(lor).toMatchObject({ status: "COMPLETE", caseId: row.id, countryId: row.countryId });
      expect(lor.completedAt!.getTime()).toBe(row.openedAt.getTime());
      expect(lor.submittedAt!.getTime()).toBeLessThan(row.openedAt.getTime());
      const parsed = LorContentInput.safeParse({
        subject: lor.subject,
        originatorReference: lor.originatorReference,
        loaType: lor.loaType,
        requestType: lor.requestType,
        items: lor.items,
        pointsOfContact: lor.pointsOfContact,
        blanketValue: lor.blanketValue?.toFixed(2) ?? null,
      });
      expect(parsed.error).toBeUndefined();

      expect(row.documents).toHaveLength(1);
      const doc = row.documents[0]!;
      expect(doc).toMatchObject({ number: 1, documentType: "BASIC", documentNumber: 0, pdfFileId: null });
      if (expected[row.status]) expect(expected[row.status]).toContain(doc.status);
      if (doc.status !== "DRAFT" && doc.status !== "WITHDRAWN") {
        expect(doc.pricedOn).not.toBeNull();
        expect(doc.submittedAt).not.toBeNull();
      }
      if (doc.status === "OFFERED" || doc.status === "ACCEPTED" || doc.status === "IMPLEMENTED") expect(doc.offeredAt).not.toBeNull();
      if (doc.status === "ACCEPTED" || doc.status === "IMPLEMENTED") {
        expect(doc.acceptedAt!.getTime()).toBe(row.acceptedAt!.getTime());
        expect(doc.lines.every((l) => l.adminRate !== null && l.rateLockedOn !== null)).toBe(true);
      } else {
        expect(doc.lines.every((l) => l.adminRate === null)).toBe(true);
      }
    }

    // The LOA content of a sample of cases past the agency's approval passes the checks the approval runs.
    const approved = rows.filter((r) => r.agencyApprovedAt !== null).slice(0, 40);
    expect(approved.length).toBeGreaterThan(10);
    for (const row of approved) {
      const [doc] = await loadDocuments(prisma, row.id);
      const content = contentOf(doc!);
      expect(content.lines.length).toBeGreaterThanOrEqual(1);
      expect(content.lines.length).toBeLessThanOrEqual(6);
      const { priced } = priceContent(content, { rates, pricedOn: doc!.pricedOn ?? new Date(), natoPlus: false, paymentsAfter: new Date() });
      expect(submissionProblems(content, priced, shapeOf(row), noteTitles)).toEqual([]);
    }
  });

  it("finds seeded cases by the subject of their letter of request", async () => {
    const dsca = await actorByEmail("dsca@caseway.example");
    const lor = await prisma.letterOfRequest.findFirstOrThrow({ where: { caseId: { in: seededIds } }, orderBy: { createdAt: "desc" } });
    const found = await listCases(dsca, { q: lor.subject!, pageSize: 100 });
    expect(found.total).toBeGreaterThan(0);
    const own = await prisma.case.findUniqueOrThrow({ where: { id: lor.caseId! }, select: { identifier: true } });
    const byIdentifier = await listCases(dsca, { q: own.identifier, pageSize: 10 });
    expect(byIdentifier.items.map((item) => item.identifier)).toContain(own.identifier);
  });

  it("shows a partner officer only their own country's cases", async () => {
    const [top] = await prisma.case.groupBy({ by: ["countryId"], where: { id: { in: seededIds } }, _count: true, orderBy: { _count: { id: "desc" } }, take: 1 });
    const countryId = top!.countryId;
    const officer = await prisma.user.findFirstOrThrow({
      where: { role: "PARTNER_OFFICER", organizationId: countryId, email: { endsWith: "@caseway.example" } },
      include: { organization: true },
    });
    const listed = await listCases(actorFromUser(officer), { pageSize: 100 });
    expect(listed.total).toBe(await prisma.case.count({ where: { countryId } }));
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((item) => item.country.id === countryId)).toBe(true);
  });

  it("leaves cases the app carries on from: DSCA assigns, countersigns and decides a review on seeded cases", async () => {
    const dsca = await actorByEmail("dsca@caseway.example");
    const pick = (status: CaseStatus, extra: object = {}) =>
      prisma.case.findFirstOrThrow({ where: { id: { in: seededIds }, status, ...extra }, orderBy: { openedAt: "desc" } });
    const opened = await pick("OPENED");
    const signed = await pick("AGENCY_SIGNED");
    const reviewing = await pick("IN_REVIEW", { reviewTasks: { some: { office: "DSCA", status: "OPEN" } } });
    await performCaseAction(dsca, opened.id, "assign-agency", { expectedVersion: opened.version, agencyId: opened.implementingAgencyId }, context());
    await performCaseAction(dsca, signed.id, "countersign", { expectedVersion: signed.version }, context());
    await performCaseAction(dsca, reviewing.id, "concur", { expectedVersion: reviewing.version }, context());
    for (const c of [opened, signed, reviewing]) {
      const after = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(after.version).toBeGreaterThan(c.version);
      expect((await verifyCaseChain(c.id)).verification).toMatchObject({ verified: true });
    }
  });

  it("adds only the difference when called again with a larger count, and nothing when called with the same", async () => {
    const again = await seedLargeDataset(prisma, { cases: base + CASES + 40, seed: SEED });
    expect(again.casesAdded).toBe(40);
    expect(await countLargeSeedCases(prisma)).toBe(base + CASES + 40);
    const added = (await largeSeedCaseIds()).filter((id) => !seededIds.includes(id));
    expect(added).toHaveLength(40);
    for (const id of added.slice(0, 10)) expect((await verifyCaseChain(id)).verification).toMatchObject({ verified: true });

    expect((await seedLargeDataset(prisma, { cases: base + CASES + 40, seed: SEED })).casesAdded).toBe(0);
  });
});
