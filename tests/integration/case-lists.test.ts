// Lists and inboxes: listCases filters by status, agency, country and overdue, pages newest first and keeps partners to
// their own country; listMyTasks gives each office the reviews and steps waiting on it, with aging (amber at 75% of the
// target, red once overdue), and an agency only its own cases. Each test works inside an agency of its own (the
// agency filter isolates it from every other test's cases); dates are moved in the database.
import { beforeAll, describe, expect, it } from "vitest";
import { dueDate } from "@/domain/sla";
import { WORKFLOW_RULE_KEYS } from "@/domain/workflow/states";
import { listCases } from "@/server/cases/list-cases";
import { listMyTasks } from "@/server/cases/list-my-tasks";
import { refreshCaseInboxes } from "@/server/cases/case-inbox";
import { createCase, type CaseSpec } from "../factories/case";
import { expectAppError, testPrisma } from "./helpers";
import { seedSlaRules, twoLetterCountry } from "./lor-helpers";
import { DAY_MS, caseAt, caseCast, openCase, type Cast } from "./case-helpers";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

const PAST = () => new Date(Date.now() - 2 * DAY_MS);
const FUTURE = () => new Date(Date.now() + 10 * DAY_MS);

/** Eight cases in the cast's own agency, opened a minute apart (oldest first), in the states the filters care about. */
async function caseShelf(cast: Cast) {
  const c2 = await twoLetterCountry(prisma);
  const base = Date.now() - 60 * DAY_MS;
  let minute = 0;
  const make = async (spec: Omit<CaseSpec, "agency" | "openedById" | "openedAt">) => {
    minute += 1;
    return createCase(prisma, { agency: cast.agency, openedById: cast.dsca.userId, openedAt: new Date(base + minute * 60_000), ...spec });
  };
  const own = cast.country;
  const openedLate = await make({ country: own, status: "OPENED", statusDueAt: PAST() });
  const openedOnTime = await make({ country: own, status: "OPENED", statusDueAt: FUTURE() });
  const reviewLate = await make({
    country: own,
    status: "IN_REVIEW",
    reviews: [
      { office: "DSCA", dueAt: PAST() },
      { office: "STATE_PM", dueAt: FUTURE() },
      { office: "DTSA", dueAt: FUTURE() },
    ],
  });
  const reviewOnTime = await make({
    country: own,
    status: "IN_REVIEW",
    reviews: [
      { office: "DSCA", dueAt: FUTURE() },
      // A late review that was decided in time does not make the case overdue.
      { office: "STATE_PM", dueAt: PAST(), status: "DECIDED", decision: "CONCUR", decidedById: cast.state.userId },
      { office: "DTSA", dueAt: FUTURE() },
    ],
  });
  // An offer past its expiration date is not overdue: it expires.
  const offerLapsed = await make({ country: own, status: "OFFERED", statusDueAt: PAST(), fields: { offerExpiresAt: PAST(), offeredAt: PAST() } });
  // No target in this state at all.
  const executing = await make({ country: own, status: "EXECUTING", statusDueAt: null });
  const twoLetter = await make({ country: c2, status: "OPENED", statusDueAt: FUTURE() });
  const foreign = await make({ country: cast.foreignCountry, status: "IN_DEVELOPMENT", statusDueAt: FUTURE() });
  return { c2, openedLate, openedOnTime, reviewLate, reviewOnTime, offerLapsed, executing, twoLetter, foreign };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

describe("listCases", () => {
  it("finds a case by a word of its letter's subject (any case) or a piece of its identifier, and its new identifier after reassignment", async () => {
    const cast = await caseCast(prisma);
    const word = `Zircon${Math.random().toString(36).slice(2, 8)}`;
    const opened = await openCase(cast, `Sonar buoys and ${word} spares`);
    const ids = async (q: string) => (await listCases(cast.dsca, { q, pageSize: "100" })).items.map((c) => c.id);
    expect(await ids(word.toLowerCase())).toEqual([opened.caseId]);
    expect(await ids(opened.identifier.slice(0, 10).toLowerCase())).toContain(opened.caseId);
    expect(await ids(`${word} tanks`)).toEqual([]);
    // Assigning another agency gives the case a new identifier; the search follows it.
    const view = await opened.driver.do(cast.dsca, "assign-agency", { agencyId: cast.otherAgency.id });
    expect(view.identifier).not.toBe(opened.identifier);
    expect(await ids(view.identifier)).toEqual([opened.caseId]);
    expect(await ids(word)).toEqual([opened.caseId]);
    // Partners search only their own country's cases.
    expect((await listCases(cast.foreignPartner, { q: word })).total).toBe(0);
  });

  it("filters by agency, status, country and overdue, newest first", async () => {
    const cast = await caseCast(prisma);
    const s = await caseShelf(cast);
    const list = (query: Record<string, string>) => listCases(cast.dsca, { agency: cast.agency.code, ...query });

    const all = await list({});
    expect(all.total).toBe(8);
    expect(ids(all)).toEqual(
      [s.foreign, s.twoLetter, s.executing, s.offerLapsed, s.reviewOnTime, s.reviewLate, s.openedOnTime, s.openedLate].map((c) => c.id),
    );
    expect(all.items.every((c) => c.implementingAgency.code === cast.agency.code)).toBe(true);

    expect(ids(await list({ status: "OPENED" }))).toEqual([s.twoLetter.id, s.openedOnTime.id, s.openedLate.id]);
    expect(ids(await list({ status: "IN_REVIEW" }))).toEqual([s.reviewOnTime.id, s.reviewLate.id]);
    expect(ids(await list({ status: "EXECUTING" }))).toEqual([s.executing.id]);
    expect((await list({ status: "CLOSED" })).total).toBe(0);

    expect(ids(await list({ country: s.c2.code }))).toEqual([s.twoLetter.id]);
    const byCountry = await listCases(cast.dsca, { country: s.c2.code, pageSize: "100" });
    expect(ids(byCountry)).toContain(s.twoLetter.id);
    expect(byCountry.items.every((c) => c.country.code === s.c2.code)).toBe(true);

    expect(ids(await list({ overdue: "true" })).sort()).toEqual([s.openedLate.id, s.reviewLate.id].sort());
    expect(ids(await list({ overdue: "false" })).sort()).toEqual(
      [s.openedOnTime.id, s.reviewOnTime.id, s.offerLapsed.id, s.executing.id, s.twoLetter.id, s.foreign.id].sort(),
    );
    expect(ids(await list({ overdue: "true", status: "IN_REVIEW" }))).toEqual([s.reviewLate.id]);
  });

  it("filters by the day a case opened, each bound a whole day in UTC (from its first instant to its last)", async () => {
    const cast = await caseCast(prisma);
    const at = (iso: string) =>
      createCase(prisma, { agency: cast.agency, openedById: cast.dsca.userId, openedAt: new Date(iso), country: cast.country, status: "OPENED" });
    const lastOfNinth = await at("2026-03-09T23:59:59.999Z");
    const firstOfTenth = await at("2026-03-10T00:00:00.000Z");
    const lastOfTenth = await at("2026-03-10T23:59:59.999Z");
    const firstOfEleventh = await at("2026-03-11T00:00:00.000Z");
    const list = async (query: Record<string, string>) => ids(await listCases(cast.dsca, { agency: cast.agency.code, ...query }));

    expect(await list({ openedFrom: "2026-03-10", openedTo: "2026-03-10" })).toEqual([lastOfTenth.id, firstOfTenth.id]);
    expect(await list({ openedFrom: "2026-03-10" })).toEqual([firstOfEleventh.id, lastOfTenth.id, firstOfTenth.id]);
    expect(await list({ openedTo: "2026-03-09" })).toEqual([lastOfNinth.id]);
    expect(await list({ openedFrom: "2026-03-12" })).toEqual([]);
    const error = await expectAppError(listCases(cast.dsca, { openedFrom: "10 March" }), "VALIDATION_FAILED");
    expect(error.extra.fields).toEqual({ openedFrom: "openedFrom must be a date like 2027-01-31" });
  });

  it("pages with a total, newest first", async () => {
    const cast = await caseCast(prisma);
    await caseShelf(cast);
    const all = ids(await listCases(cast.dsca, { agency: cast.agency.code }));
    const pages = [];
    for (const page of ["1", "2", "3"]) {
      const result = await listCases(cast.dsca, { agency: cast.agency.code, page, pageSize: "3" });
      expect(result).toMatchObject({ total: 8, page: Number(page), pageSize: 3 });
      pages.push(ids(result));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(all);
    expect(ids(await listCases(cast.dsca, { agency: cast.agency.code, page: "4", pageSize: "3" }))).toEqual([]);
  });

  it("sorts by every column both ways, each page continuing the one before", async () => {
    const cast = await caseCast(prisma);
    await caseShelf(cast);
    // The cast's own two countries, renamed so that their names sort opposite to their codes (which lead the
    // identifiers): a sort by country that read anything but the names would differ. (The shelf's two-letter country
    // may be shared with other tests, so it keeps its name.)
    const countries = [cast.country, cast.foreignCountry].sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const [i, country] of countries.entries()) {
      await prisma.organization.update({ where: { id: country.id }, data: { name: `Sort test ${"ZY"[i]} ${country.code}` } });
    }
    const everything = (await listCases(cast.dsca, { agency: cast.agency.code, pageSize: "100" })).items;
    type Item = (typeof everything)[number];
    const byText = (pick: (c: Item) => string) => (a: Item, b: Item) => (pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : 0);
    const newestFirst = (a: Item, b: Item) => b.openedAt.localeCompare(a.openedAt) || byText((c) => c.id)(a, b);
    const STATUS_ORDER = (await import("@/domain/workflow/states")).CASE_STATUSES as readonly string[];
    const expected: Record<string, (dir: 1 | -1) => (a: Item, b: Item) => number> = {
      identifier: (dir) => (a, b) => dir * byText((c) => c.identifier)(a, b),
      country: (dir) => (a, b) => dir * (byText((c) => c.country.name)(a, b) || byText((c) => c.identifier)(a, b)),
      type: (dir) => (a, b) => dir * byText((c) => c.caseType)(a, b) || newestFirst(a, b),
      status: (dir) => (a, b) => dir * (STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)) || newestFirst(a, b),
      opened: (dir) => (a, b) => -dir * newestFirst(a, b) || byText((c) => c.id)(a, b),
    };
    for (const [sort, compare] of Object.entries(expected)) {
      for (const [dir, sign] of [["asc", 1], ["desc", -1]] as const) {
        const first = await listCases(cast.dsca, { agency: cast.agency.code, sort, dir, pageSize: "5" });
        const second = await listCases(cast.dsca, { agency: cast.agency.code, sort, dir, pageSize: "5", page: "2" });
        expect([...ids(first), ...ids(second)], `${sort} ${dir}`).toEqual([...everything].sort(compare(sign)).map((c) => c.id));
      }
    }
  });

  it("keeps a partner to their own country's cases, whatever the filters say", async () => {
    const cast = await caseCast(prisma);
    const s = await caseShelf(cast);
    const own = [s.executing, s.offerLapsed, s.reviewOnTime, s.reviewLate, s.openedOnTime, s.openedLate].map((c) => c.id);

    expect(ids(await listCases(cast.partner, { agency: cast.agency.code }))).toEqual(own);
    const everything = await listCases(cast.partner, { pageSize: "100" });
    expect(everything.items.every((c) => c.country.id === cast.country.id)).toBe(true);
    expect(ids(everything)).toEqual(own);
    expect((await listCases(cast.partner, { country: s.c2.code })).total).toBe(0);
    expect(ids(await listCases(cast.partner, { agency: cast.agency.code, overdue: "true" })).sort()).toEqual([s.openedLate.id, s.reviewLate.id].sort());
    expect(ids(await listCases(cast.foreignPartner, { agency: cast.agency.code }))).toEqual([s.foreign.id]);
    // Partners get no review internals in lists either.
    expect(everything.items.every((c) => c.reviews.length === 0 && c.notification === null)).toBe(true);
  });

  it("an offer past its expiration date is listed as EXPIRED before the clock job records it", async () => {
    const cast = await caseCast(prisma);
    const s = await caseShelf(cast);
    const lapsed = (await listCases(cast.dsca, { agency: cast.agency.code })).items.find((c) => c.id === s.offerLapsed.id);
    expect(lapsed?.status).toBe("EXPIRED");
    // The status filter agrees with the status each item shows.
    expect(ids(await listCases(cast.dsca, { agency: cast.agency.code, status: "EXPIRED" }))).toEqual([s.offerLapsed.id]);
    expect(ids(await listCases(cast.dsca, { agency: cast.agency.code, status: "OFFERED" }))).toEqual([]);
  });

  it("a case whose formal notification period ended with every review concurred is listed as READY_TO_SIGN", async () => {
    const cast = await caseCast(prisma);
    const concurred = (office: "DSCA" | "STATE_PM" | "DTSA") => ({ office, status: "DECIDED" as const, decision: "CONCUR" as const });
    const notified = { cnStatus: "FORMALLY_NOTIFIED" as const, cnNotifiedAt: new Date(Date.now() - 20 * DAY_MS), cnPeriodEndsAt: PAST() };
    const base = { agency: cast.agency, country: cast.country, openedById: cast.dsca.userId, status: "IN_REVIEW" as const };
    const ready = await createCase(prisma, { ...base, reviews: [concurred("DSCA"), concurred("STATE_PM"), concurred("DTSA")], fields: notified });
    const stillOpen = await createCase(prisma, { ...base, reviews: [concurred("DSCA"), concurred("STATE_PM"), { office: "DTSA" }], fields: notified });
    const stillRunning = await createCase(prisma, {
      ...base,
      reviews: [concurred("DSCA"), concurred("STATE_PM"), concurred("DTSA")],
      fields: { ...notified, cnPeriodEndsAt: FUTURE() },
    });
    const list = (status: string) => listCases(cast.dsca, { agency: cast.agency.code, status });

    const readyList = await list("READY_TO_SIGN");
    expect(ids(readyList)).toEqual([ready.id]);
    expect(readyList.items[0]).toMatchObject({ status: "READY_TO_SIGN", notification: { status: "CLEARED" } });
    const inReview = await list("IN_REVIEW");
    expect(ids(inReview).sort()).toEqual([stillOpen.id, stillRunning.id].sort());
    expect(inReview.items.every((c) => c.status === "IN_REVIEW")).toBe(true);
  });

  it("refuses malformed filters", async () => {
    const cast = await caseCast(prisma);
    for (const query of [{ country: "QQQ" }, { overdue: "maybe" }, { status: "LOST" }, { agency: "lower" }, { pageSize: "0" }, { page: "-1" }]) {
      await expectAppError(listCases(cast.dsca, query), "VALIDATION_FAILED");
    }
  });
});

/** Every item of the actor's inbox, page after page, in the inbox's order. */
async function wholeInbox(actor: Cast["dsca"], query: Record<string, string> = {}) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const result = await listMyTasks(actor, { ...query, page: String(page), pageSize: "100" });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/** After moving dates in the database, rewrite the derived inbox rows as the app does with every change it makes. */
const refreshInbox = (caseId: string) => prisma.$transaction((tx) => refreshCaseInboxes(tx, [caseId]));

describe("listMyTasks", () => {
  const itemFor = async (actor: Cast["dsca"], caseId: string, query: Record<string, string> = {}) =>
    (await wholeInbox(actor, query)).find((i) => i.caseId === caseId);

  it("gives each office its open review; a decided review leaves the inbox", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    for (const [actor, office] of [
      [cast.dsca, "DSCA"],
      [cast.state, "STATE_PM"],
      [cast.dtsa, "DTSA"],
    ] as const) {
      const item = await itemFor(actor, driver.caseId);
      expect(item).toMatchObject({ kind: "REVIEW", office, status: "IN_REVIEW", country: { id: cast.country.id }, implementingAgency: { id: cast.agency.id } });
      expect(item!.actions).toEqual(expect.arrayContaining(["concur", "return-for-rework"]));
      expect(item!.aging).toMatchObject({ state: "ON_TRACK" });
    }
    expect(await itemFor(cast.ia, driver.caseId)).toBeUndefined();

    await driver.do(cast.dsca, "concur");
    expect(await itemFor(cast.dsca, driver.caseId)).toBeUndefined();
    expect(await itemFor(cast.state, driver.caseId)).toBeDefined();
  });

  it("ages a review amber at 75% of its target and red once past due", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    const dtsaRule = await prisma.slaRule.findFirstOrThrow({ where: { key: WORKFLOW_RULE_KEYS.review.DTSA } });
    const dscaRule = await prisma.slaRule.findFirstOrThrow({ where: { key: WORKFLOW_RULE_KEYS.review.DSCA } });
    expect(dtsaRule).toMatchObject({ days: 30, dayKind: "CALENDAR", amberPercent: 75 });
    const openFor = async (office: "DSCA" | "DTSA", openedAt: Date, rule: typeof dtsaRule) => {
      await prisma.reviewTask.updateMany({ where: { caseId: driver.caseId, office }, data: { openedAt, dueAt: dueDate(openedAt, rule) } });
      await refreshInbox(driver.caseId);
    };
    const target = dtsaRule.days * DAY_MS;

    // 74% of 30 days: still on track.
    await openFor("DTSA", new Date(Date.now() - target * 0.74), dtsaRule);
    expect((await itemFor(cast.dtsa, driver.caseId))!.aging).toMatchObject({ state: "ON_TRACK", percentElapsed: 74 });
    // Exactly 75% (plus a second): amber.
    await openFor("DTSA", new Date(Date.now() - target * 0.75 - 1000), dtsaRule);
    expect((await itemFor(cast.dtsa, driver.caseId))!.aging).toMatchObject({ state: "DUE_SOON", percentElapsed: 75 });
    await openFor("DTSA", new Date(Date.now() - target * 0.9), dtsaRule);
    const amber = (await itemFor(cast.dtsa, driver.caseId))!;
    expect(amber.aging).toMatchObject({ state: "DUE_SOON", percentElapsed: 90, targetDays: 30 });
    expect(new Date(amber.aging!.dueAt).getTime()).toBeGreaterThan(Date.now());

    // DSCA's 10 business days, opened a month ago: overdue.
    await openFor("DSCA", new Date(Date.now() - 30 * DAY_MS), dscaRule);
    const red = (await itemFor(cast.dsca, driver.caseId))!;
    expect(red.aging).toMatchObject({ state: "OVERDUE", targetDays: 10, dayKind: "BUSINESS" });
    expect(red.aging!.percentElapsed).toBeGreaterThan(100);
    expect(await itemFor(cast.dsca, driver.caseId, { overdue: "true" })).toBeDefined();
    expect(await itemFor(cast.dsca, driver.caseId, { overdue: "false" })).toBeUndefined();
    expect(await itemFor(cast.dtsa, driver.caseId, { overdue: "true" })).toBeUndefined();
    // State's review is untouched: on track.
    expect((await itemFor(cast.state, driver.caseId))!.aging).toMatchObject({ state: "ON_TRACK" });

    // Most urgent first: the overdue review comes before DSCA's on-track work.
    const other = await caseAt(cast, "IN_REVIEW");
    const inbox = (await wholeInbox(cast.dsca)).map((i) => i.caseId);
    expect(inbox.indexOf(driver.caseId)).toBeLessThan(inbox.indexOf(other.driver.caseId));
  });

  it("shows DSCA the case waiting on its assignment, aged by the state's target", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "OPENED");
    const item = await itemFor(cast.dsca, driver.caseId);
    expect(item).toMatchObject({ kind: "CASE", office: null, status: "OPENED", actions: ["assign-agency"], aging: { state: "ON_TRACK" } });
    const changedAt = new Date(Date.now() - 20 * DAY_MS);
    await prisma.case.update({ where: { id: driver.caseId }, data: { statusChangedAt: changedAt, statusDueAt: new Date(changedAt.getTime() + 7 * DAY_MS) } });
    await refreshInbox(driver.caseId);
    expect((await itemFor(cast.dsca, driver.caseId))!.aging).toMatchObject({ state: "OVERDUE" });
    expect(await itemFor(cast.dsca, driver.caseId, { overdue: "true" })).toBeDefined();
  });

  it("gives State the notification waiting for its clearance, after its own review is done", async () => {
    const cast = await caseCast(prisma);
    const { driver } = await caseAt(cast, "IN_REVIEW");
    await driver.do(cast.state, "concur");
    expect(await itemFor(cast.state, driver.caseId)).toBeUndefined();
    await driver.do(cast.dsca, "set-notification-requirement", { required: true });
    await driver.do(cast.dsca, "send-notification-to-state");
    const item = await itemFor(cast.state, driver.caseId);
    expect(item).toMatchObject({ kind: "CASE", office: null, actions: ["clear-notification"], aging: null });
    expect(item!.waitingFor).toMatch(/State for clearance/);
    await driver.do(cast.state, "clear-notification");
    expect(await itemFor(cast.state, driver.caseId)).toBeUndefined();
  });

  it("gives an agency only its own agency's cases", async () => {
    const cast = await caseCast(prisma);
    const ours = await caseAt(cast, "IN_DEVELOPMENT");
    const ready = await caseAt(cast, "READY_TO_SIGN");
    const theirs = await caseAt({ ...cast, agency: cast.otherAgency, ia: cast.otherIa }, "IN_DEVELOPMENT");

    const mine = await wholeInbox(cast.ia);
    expect(mine.every((i) => i.implementingAgency.id === cast.agency.id)).toBe(true);
    expect(mine.find((i) => i.caseId === ours.driver.caseId)).toMatchObject({ kind: "CASE", actions: ["approve-loa"] });
    expect(mine.find((i) => i.caseId === ready.driver.caseId)).toMatchObject({ kind: "CASE", actions: ["sign"] });
    expect(mine.find((i) => i.caseId === theirs.driver.caseId)).toBeUndefined();

    const others = await wholeInbox(cast.otherIa);
    expect(others.every((i) => i.implementingAgency.id === cast.otherAgency.id)).toBe(true);
    expect(others.map((i) => i.caseId)).toContain(theirs.driver.caseId);
    expect(others.map((i) => i.caseId)).not.toContain(ours.driver.caseId);
  });

  it("is not for partners", async () => {
    const cast = await caseCast(prisma);
    await expectAppError(listMyTasks(cast.partner), "FORBIDDEN");
    await expectAppError(listMyTasks(cast.dsca, { overdue: "perhaps" }), "VALIDATION_FAILED");
  });
});
