// The large-dataset seed (issue 11): fills a database with realistic FMS cases fast, for benchmarks, dashboards,
// search and the scale tests. `seedLargeDataset(prisma, { cases })` brings the number of large-seed cases up to
// `cases` (it counts what an earlier run made and adds the difference), deterministically for a given seed.
//
// What it writes is what the app would have written (see ./story.ts): designators from the per-(country, agency)
// sequence, workflow states reached by the domain's own transitions, review tasks, one hash-chained audit event per
// step, the letter of request each case opened from, and the basic LOA with its lines moved the way the workflow
// moves it. Only the volume is written differently: in bulk, one transaction per batch, with
// json_populate_recordset so each table takes one statement per batch.
//
// Offered LOAs keep pdf_file_id null. The app renders and stores the PDF when it makes the offer, but a render costs
// ~100 ms and ~17 KB per case (about 15 minutes and 1 GB at 100k cases), and one PDF per template copied to every
// case would print another case's identifier. getDocumentPdf (src/server/loa/get-document-pdf.ts) renders a document
// without a stored file on request, so downloads still work; such a download carries the DRAFT mark and no stored
// SHA-256, which is the one way seeded offered LOAs differ from offers made through the app.
import { fillEventFeed } from "./feed";
import pg from "pg";
import { caseIdentifier, DESIGNATOR_CAPACITY, designatorFor } from "../../src/domain/cases/identifier";
import { SLA_KEYS, isoDay, dueDate, ruleInForce } from "../../src/domain/sla";
import type { CaseStatus } from "../../src/domain/workflow/states";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { INBOX_REVISION } from "../../src/domain/workflow/inbox";
import { rebuildCaseInboxes, rowsOf as inboxRowsOf } from "../../src/server/cases/case-inbox";
import { loadRates } from "../../src/server/loa/loa-store";
import { LOA_TEMPLATES, ORIGINATOR_OFFICES, RANKS, SIGNER_TITLES, FIRST_NAMES, LAST_NAMES } from "./catalog";
import { LASTING_STATES, TARGET_WEIGHTS, drawFate } from "./fates";
import { LoaCatalog } from "./loa-variants";
import { ensurePeople, type People } from "./people";
import { Random } from "./random";
import { DAY, simulateCase, statusIntervals, type AgencyRef, type AuditRow, type CaseSetup, type CountryRef, type StoryEnv, type StoryResult } from "./story";

export interface SeedLargeOptions {
  /** The number of large-seed cases the database should hold afterwards. */
  cases: number;
  /** Same seed, same data (default 1). */
  seed?: number;
  /** The moment the data leads up to (default: now). */
  now?: Date;
  onProgress?: (message: string) => void;
  /** Cases per transaction (default 2000). */
  batchSize?: number;
  /** The database's URL, for fast bulk writes through `pg` (default DATABASE_URL); without it the Prisma client writes. */
  databaseUrl?: string;
}

/** How many years of history the cases' opening dates spread over. */
export const HISTORY_YEARS = 8;
const WINDOW = HISTORY_YEARS * 365 * DAY;
/** The request ids of seeded events start with this; it is how a later run counts what an earlier one made. */
export const LARGE_SEED_REQUEST_PREFIX = "large-seed-";

/** Partner countries weighted heavily (the rest of the reference countries share a small part). */
const HEAVY_COUNTRIES = ["SR", "BN", "W7", "7B", "N4", "N1", "W1"];
const HEAVY_WEIGHTS = [18, 15, 10, 8, 7, 6, 5, 5, 4, 4, 3, 3];
const MAX_COUNTRIES = 40;
const AGENCY_WEIGHTS: Record<string, number> = { P: 30, B: 30, D: 28, R: 6, F: 6 };

export async function countLargeSeedCases(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM audit_events WHERE action = 'case.open' AND request_id LIKE '${LARGE_SEED_REQUEST_PREFIX}%'`,
  );
  return Number(row!.n);
}

export async function seedLargeDataset(prisma: PrismaClient, options: SeedLargeOptions): Promise<{ casesAdded: number; ms: number }> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const log = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? 2000;

  const existing = await countLargeSeedCases(prisma);
  if (existing >= options.cases) {
    log(`${existing} large-seed cases already present; nothing to add`);
    // A database seeded before the outbox existed gets its feed now.
    const fed = await fillEventFeed(prisma, LARGE_SEED_REQUEST_PREFIX);
    if (fed > 0) log(`Event feed: ${fed} events`);
    return { casesAdded: 0, ms: Math.round(performance.now() - started) };
  }
  const world = await loadWorld(prisma, seed, now);
  log(
    `Seeding cases ${existing + 1}–${options.cases} over ${world.countries.length} countries and ${world.agencies.length} agencies ` +
      `(${world.people.dsca.length} DSCA analysts, ${world.people.state.length} State and ${world.people.dtsa.length} DTSA reviewers)`,
  );

  const writer = await openWriter(prisma, options.databaseUrl ?? process.env.DATABASE_URL);
  try {
    let pendingInsert: Promise<void> = Promise.resolve();
    let batch = new Batch();
    let lastReport = performance.now();
    for (let caseNo = existing + 1; caseNo <= options.cases; caseNo++) {
      buildCase(world, caseNo, batch);
      if (batch.cases.length >= batchSize || caseNo === options.cases) {
        const full = batch;
        batch = new Batch();
        await pendingInsert;
        // The batch is written while the next one is built (a failure surfaces at the next await).
        pendingInsert = insertBatch(writer.run, full, world.designators.drain());
        pendingInsert.catch(() => {});
        if (performance.now() - lastReport > 5000 || caseNo === options.cases) {
          lastReport = performance.now();
          const seconds = (performance.now() - started) / 1000;
          log(`${caseNo - existing} of ${options.cases - existing} cases (${Math.round((caseNo - existing) / seconds)}/s)`);
        }
      }
    }
    await pendingInsert;
  } finally {
    await writer.close();
  }
  log(`Wrote ${options.cases - existing} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The seed writes its cases' inbox rows itself (see inboxRows); this brings any other stale case up to date.
  const rebuilt = await rebuildCaseInboxes(prisma, {
    batchSize: 2000,
    onProgress: (done) => {
      if (done % 10_000 === 0) log(`Inbox rows rebuilt for ${done} cases`);
    },
  });
  if (rebuilt > 0) log(`Inbox rows rebuilt for ${rebuilt} cases`);
  const fed = await fillEventFeed(prisma, LARGE_SEED_REQUEST_PREFIX);
  if (fed > 0) log(`Event feed: ${fed} events`);
  for (const table of TABLES) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
  if (fed > 0) await prisma.$executeRawUnsafe(`ANALYZE "outbox_events"`);
  const ms = Math.round(performance.now() - started);
  log(`Done: ${options.cases - existing} cases in ${(ms / 1000).toFixed(1)} s`);
  return { casesAdded: options.cases - existing, ms };
}

const TABLES = [
  "users",
  "letters_of_request",
  "cases",
  "case_documents",
  "case_document_lines",
  "review_tasks",
  "audit_events",
  "case_designator_sequences",
  "case_inbox_entries",
];

// ---- the world the cases live in -----------------------------------------------------------------------------------

interface World {
  seed: number;
  now: number;
  env: StoryEnv;
  countries: CountryRef[];
  countryWeights: [CountryRef, number][];
  agencies: AgencyRef[];
  agencyWeights: [AgencyRef, number][];
  people: People;
  designators: Designators;
  lorRule: { id: string; days: number; dayKind: "CALENDAR" | "BUSINESS" };
  /** The inbox table's columns, when the seed writes the inbox rows itself (see inboxRows). */
  inboxColumns: Set<string> | null;
  /** Whether cases carry their value (migration 20261206000000_case_value); the bench also seeds older revisions. */
  caseValueColumn: boolean;
}

async function loadWorld(prisma: PrismaClient, seed: number, now: number): Promise<World> {
  const at = new Date(now);
  const current = { OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }] };
  const organizations = await prisma.organization.findMany({ where: current, orderBy: { code: "asc" } });
  const office = (kind: "DSCA" | "STATE_PM" | "DTSA", code: string) => {
    const found = organizations.find((o) => o.kind === kind && o.code === code) ?? organizations.find((o) => o.kind === kind);
    if (!found) throw new Error(`No ${kind} organization: load the reference data first (npm run db:seed)`);
    return found.id;
  };
  const partnerCountries = organizations.filter((o) => o.kind === "PARTNER_COUNTRY");
  const ordered = [
    ...HEAVY_COUNTRIES.flatMap((code) => partnerCountries.filter((c) => c.code === code)),
    ...partnerCountries.filter((c) => !HEAVY_COUNTRIES.includes(c.code)),
  ].slice(0, MAX_COUNTRIES);
  if (ordered.length === 0) throw new Error("No partner countries: load the reference data first (npm run db:seed)");
  const countries: CountryRef[] = ordered.map((c) => ({ id: c.id, code: c.code, name: c.name, natoPlus: c.natoPlus === true, standardOedDays: c.standardOedDays }));
  const countryWeights = countries.map((c, i): [CountryRef, number] => [c, HEAVY_WEIGHTS[i] ?? 0.5]);
  const agencies: AgencyRef[] = organizations
    .filter((o) => o.kind === "IMPLEMENTING_AGENCY")
    .map((a) => ({ id: a.id, code: a.code, name: a.name }));
  if (agencies.length === 0) throw new Error("No implementing agencies: load the reference data first (npm run db:seed)");
  const agencyWeights = agencies.map((a): [AgencyRef, number] => [a, AGENCY_WEIGHTS[a.code] ?? 2]);

  const people = await ensurePeople(prisma, { DSCA: office("DSCA", "DSCA"), STATE_PM: office("STATE_PM", "PM"), DTSA: office("DTSA", "DTSA") }, agencies, countries);
  if (people.dsca.length === 0 || people.state.length === 0 || people.dtsa.length === 0) throw new Error("No review staff could be set up");

  const rules = await prisma.slaRule.findMany();
  const lorRule = ruleInForce(rules, SLA_KEYS.lorValidation, new Date(now - WINDOW));
  if (!lorRule) throw new Error("No LOR validation rule in force: load the reference data first (npm run db:seed)");
  const rates = await loadRates(prisma);
  const notes = new Map((await prisma.loaNoteTemplate.findMany()).map((n) => [n.key, { key: n.key, title: n.title, text: n.text }]));
  // One day per rate era between the first opening and now: the LOA variants must decide notification alike in each.
  const windowStart = now - WINDOW - 30 * DAY;
  const boundaries = [...new Set(rates.flatMap((r) => [r.effectiveFrom.getTime(), r.effectiveTo?.getTime() ?? 0]))]
    .filter((t) => t > windowStart && t <= now)
    .sort((a, b) => a - b);
  const eraDays = [windowStart, ...boundaries].map((t) => new Date(t));
  const catalog = new LoaCatalog(rates, notes, eraDays);

  return {
    seed,
    now,
    env: { rules, rates, catalog, seed },
    countries,
    countryWeights,
    agencies,
    agencyWeights,
    people,
    designators: await loadDesignators(prisma),
    lorRule: { id: lorRule.id, days: lorRule.days, dayKind: lorRule.dayKind as "CALENDAR" | "BUSINESS" },
    inboxColumns: await inboxColumnsOf(prisma),
    caseValueColumn: await hasColumn(prisma, "cases", "value"),
  };
}

async function inboxColumnsOf(prisma: PrismaClient): Promise<Set<string> | null> {
  const columns = await prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('case_inbox_entries', 'cases')`,
  );
  if (!columns.some((c) => c.table_name === "cases" && c.column_name === "inbox_rev")) return null;
  const inbox = new Set(columns.filter((c) => c.table_name === "case_inbox_entries").map((c) => c.column_name));
  return inbox.size > 0 ? inbox : null;
}

async function hasColumn(prisma: PrismaClient, table: string, column: string): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
    table,
    column,
  );
  return rows.length > 0;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

// ---- designators -----------------------------------------------------------------------------------------------

/**
 * Designators drawn in order from the per-(country, agency) sequence, skipping any already taken, exactly as
 * allocateDesignator does; each batch moves the sequence past everything it used, so the app's next allocation is fresh.
 */
class Designators {
  constructor(
    private readonly next: Map<string, number>,
    private readonly taken: Map<string, Set<string>>,
  ) {}

  readonly used = new Map<string, number>();

  /** The next free designator, or null when the pair has none left. */
  allocate(countryId: string, agencyId: string): string | null {
    const key = `${countryId}|${agencyId}`;
    const taken = this.taken.get(key);
    for (let n = this.next.get(key) ?? 0; n < DESIGNATOR_CAPACITY; n++) {
      const designator = designatorFor(n);
      if (taken?.has(designator)) continue;
      this.next.set(key, n + 1);
      this.used.set(key, n + 1);
      return designator;
    }
    this.next.set(key, DESIGNATOR_CAPACITY);
    return null;
  }

  hasRoom(countryId: string, agencyId: string): boolean {
    return (this.next.get(`${countryId}|${agencyId}`) ?? 0) < DESIGNATOR_CAPACITY - (this.taken.get(`${countryId}|${agencyId}`)?.size ?? 0) - 1;
  }

  /** The sequence rows to write: `next` is the first number not yet used. */
  drain(): { country_id: string; agency_id: string; next: number }[] {
    const rows = [...this.used].map(([key, next]) => {
      const [countryId, agencyId] = key.split("|");
      return { country_id: countryId!, agency_id: agencyId!, next };
    });
    this.used.clear();
    return rows;
  }
}

async function loadDesignators(prisma: PrismaClient): Promise<Designators> {
  const sequences = await prisma.caseDesignatorSequence.findMany();
  const cases = await prisma.$queryRawUnsafe<{ country_id: string; implementing_agency_id: string; designator: string }[]>(
    "SELECT country_id::text, implementing_agency_id::text, designator FROM cases",
  );
  const taken = new Map<string, Set<string>>();
  for (const c of cases) {
    const key = `${c.country_id}|${c.implementing_agency_id}`;
    if (!taken.has(key)) taken.set(key, new Set());
    taken.get(key)!.add(c.designator);
  }
  return new Designators(new Map(sequences.map((s) => [`${s.countryId}|${s.agencyId}`, s.next])), taken);
}

// ---- one case ------------------------------------------------------------------------------------------------------

class Batch {
  lors: Record<string, unknown>[] = [];
  cases: Record<string, unknown>[] = [];
  documents: Record<string, unknown>[] = [];
  lines: Record<string, unknown>[] = [];
  tasks: Record<string, unknown>[] = [];
  inbox: Record<string, unknown>[] = [];
  deposits: Record<string, unknown>[] = [];
  events: AuditRow[] = [];
}

/**
 * The case's rows in the derived inbox, exactly as the app writes them with the case's last change (rowsOf in
 * src/server/cases/case-inbox.ts, at that moment), so rebuildCaseInboxes has nothing left to do for seeded cases.
 * If the rows do not map onto the table's columns (a newer schema), the seed stops writing them and leaves every
 * seeded case to rebuildCaseInboxes instead.
 */
function inboxRows(world: World, caseId: string, story: StoryResult, country: CountryRef, ids: Random, caseNo: number) {
  const s = story.snapshot;
  const stored = { status: s.status, statusChangedAt: s.statusChangedAt, statusDueAt: s.statusDueAt, statusSlaRuleId: s.statusSlaRuleId, updatedAt: story.updatedAt };
  const context = { now: story.updatedAt, rules: world.env.rules, countryOedDays: country.standardOedDays };
  const rows: Record<string, unknown>[] = [];
  for (const entry of inboxRowsOf(caseId, s, stored, context)) {
    const row: Record<string, unknown> = { id: ids.uuid(idTime(caseNo)) };
    for (const [key, value] of Object.entries(entry)) {
      const column = snakeCase(key);
      if (!world.inboxColumns!.has(column)) {
        world.inboxColumns = null;
        return null;
      }
      row[column] = value instanceof Date ? value.toISOString() : value;
    }
    rows.push(row);
  }
  return rows;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** The time field of a case's ids (see Random.uuid): in case order, from a fixed start so the seed stays deterministic. */
export const idTime = (caseNo: number) => Date.UTC(2026, 0, 1) + caseNo * 16;
const personName = (random: Random) => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;

function buildCase(world: World, caseNo: number, batch: Batch) {
  const { env, now } = world;
  const random = new Random(world.seed, caseNo, "setup");
  const ids = new Random(world.seed, caseNo, "ids");
  const target = random.weighted(TARGET_WEIGHTS);
  const country = random.weighted(world.countryWeights);
  let agency = random.weighted(world.agencyWeights);
  if (!world.designators.hasRoom(country.id, agency.id)) {
    agency = world.agencies.find((a) => world.designators.hasRoom(country.id, a.id)) ?? agency;
  }
  const templateIndex = random.weighted(LOA_TEMPLATES.map((t, i): [number, number] => [i, t.agencies.includes(agency.code) ? 6 : 1]));
  const variant = env.catalog.draw(random, templateIndex);
  const notificationRequired = country.natoPlus ? variant.notificationRequired.natoPlus : variant.notificationRequired.other;
  const fate = drawFate(random, target, notificationRequired);
  const others = world.agencyWeights.filter(([a]) => a.id !== agency.id && world.designators.hasRoom(country.id, a.id));
  const assignedAgency = others.length > 0 && random.chance(0.03) ? random.weighted(others) : agency;
  const managersOf = (a: AgencyRef) => world.people.agency.get(a.id) ?? [];
  const openerIsAgency = managersOf(agency).length > 0 && random.chance(0.5);
  const opener = openerIsAgency ? random.pick(managersOf(agency)) : random.pick(world.people.dsca);
  const manager = random.pick(managersOf(assignedAgency).length > 0 ? managersOf(assignedAgency) : managersOf(agency));
  const partners = world.people.partner.get(country.id) ?? [];
  if (!manager || partners.length === 0) throw new Error(`No staff for ${country.code} / ${assignedAgency.code}`);
  const partner = random.pick(partners);
  const signer = { name: `${random.pick(RANKS)} ${personName(random)}`, title: random.pick(SIGNER_TITLES) };

  // The letter of request: drafted, submitted, acknowledged and completed before the case opened.
  const template = variant.template;
  const subject = random.pick(template.subjects);
  const [officeName, officeCode] = random.pick(ORIGINATOR_OFFICES);
  const validationDays = random.chance(0.6) ? random.between(0.3, 5) : random.between(5, 25);
  const draftingDays = random.between(1, 45);
  const ackShare = random.between(0.05, 0.6);
  const lorSaves = random.int(0, 3);
  const soleSource = random.chance(0.1);
  const deliveryYears = random.between(1, 3);
  const signedDaysBefore = random.int(0, 7);
  const poc = personName(random);
  const openMinutes = random.int(12 * 60, 22 * 60 - 1);

  const caseId = ids.uuid(idTime(caseNo));
  const lorId = ids.uuid(idTime(caseNo));
  const documentId = ids.uuid(idTime(caseNo));

  const setup: CaseSetup = {
    caseNo,
    caseId,
    lorId,
    documentId,
    country,
    agency,
    assignedAgency,
    variant,
    fate,
    opener,
    manager,
    partner,
    signer,
    dsca: world.people.dsca,
    state: world.people.state,
    dtsa: world.people.dtsa,
    lorSubject: subject,
    customerReference: "",
  };

  // First pass: when is the case in each state? Then open it so that today falls inside the state it should be in.
  const origin1 = Math.floor(now / DAY) * DAY - (HISTORY_YEARS * 365 + 1) * DAY + openMinutes * 60_000;
  const first = simulateCase(setup, env, origin1, origin1 + WINDOW, null, target);
  const offset = chooseOffset(first, origin1, target, now, random);
  const openedAt = origin1 + offset.dayShift * DAY;

  // The letter's dates, now that the opening date is known.
  const submittedAt = openedAt - Math.round(validationDays * DAY);
  const acknowledgedAt = submittedAt + Math.round((openedAt - submittedAt) * ackShare);
  const createdAt = submittedAt - Math.round(draftingDays * DAY);
  const year = new Date(submittedAt).getUTCFullYear();
  const originatorReference = `${country.code}/${officeCode}/${year}/${caseNo}`;
  setup.customerReference = `Based on ${originatorReference} dated ${isoDay(new Date(submittedAt))}`;

  const allocate = (a: AgencyRef) => {
    const designator = world.designators.allocate(country.id, a.id);
    if (!designator) throw new Error(`No designator left for ${country.code}-${a.code}`);
    return { designator, identifier: caseIdentifier(country.code, a.code, designator) };
  };
  const opening = allocate(agency);
  let reassigned: { designator: string; identifier: string } | null = null;
  const story = simulateCase(setup, env, openedAt, now, {
    identity: {
      identifier: opening.identifier,
      get newIdentifier() {
        reassigned ??= allocate(assignedAgency);
        return reassigned.identifier;
      },
    },
    ids,
    idTime: idTime(caseNo),
  });
  const finalAgencyId = story.snapshot.agencyId;
  const current = reassigned ?? opening;

  // ---- rows ----
  const lorRequest = `${LARGE_SEED_REQUEST_PREFIX}${caseNo}-0`;
  const validator = opener;
  const lorEvent = (at: number, action: string, who: typeof partner, details: Record<string, unknown>, requestId: string): AuditRow => ({
    occurred_at: new Date(at).toISOString(),
    actor_user_id: who.actor.userId,
    actor_email: who.actor.email,
    actor_role: who.actor.role,
    actor_organization_id: who.actor.organizationId,
    action,
    target_type: "lor",
    target_id: lorId,
    outcome: "SUCCESS",
    ip: who.ip,
    user_agent: who.userAgent,
    request_id: requestId,
    details,
    chain_key: null,
    chain_seq: null,
    prev_hash: null,
    hash: null,
  });
  batch.events.push(
    lorEvent(createdAt, "lor.create", partner, { toStatus: "DRAFT" }, `${LARGE_SEED_REQUEST_PREFIX}${caseNo}-lor-1`),
    lorEvent(submittedAt, "lor.submit", partner, { fromStatus: "DRAFT", toStatus: "SUBMITTED" }, `${LARGE_SEED_REQUEST_PREFIX}${caseNo}-lor-2`),
    lorEvent(acknowledgedAt, "lor.acknowledge", validator, { fromStatus: "SUBMITTED", toStatus: "UNDER_VALIDATION" }, `${LARGE_SEED_REQUEST_PREFIX}${caseNo}-lor-3`),
  );
  // markLorComplete opens the case and then records its own event, in the same request.
  batch.events.push(story.events[0]!);
  batch.events.push(
    lorEvent(openedAt, "lor.mark_complete", opener, { fromStatus: "UNDER_VALIDATION", toStatus: "COMPLETE", comment: null, caseId, caseIdentifier: opening.identifier }, lorRequest),
  );
  for (const event of story.events.slice(1)) batch.events.push(event);
  // The deposit row the app writes with its "record-deposit" event (src/server/finance/deposit-store.ts), from the event.
  const depositIds = new Random(world.seed, caseNo, "deposits");
  for (const event of story.events) {
    if (event.action !== "case.record-deposit") continue;
    const input = (event.details as { input: { amount: string; receivedOn: string; wireReference: string } }).input;
    batch.deposits.push({
      id: depositIds.uuid(idTime(caseNo)),
      case_id: caseId,
      amount: input.amount,
      value_date: input.receivedOn,
      wire_reference: input.wireReference,
      recorded_by_id: event.actor_user_id,
      recorded_at: event.occurred_at,
    });
  }

  const lines = template.loaType === "BLANKET_ORDER" ? [] : variant.content.lines.filter((l) => l.quantity !== null);
  const blanketValue =
    template.loaType === "BLANKET_ORDER"
      ? variant.content.lines.reduce((sum, l) => sum + Number(l.value ?? 0), 0).toFixed(2)
      : null;
  const financing = variant.termVariant === "FMF_AND_CASH" ? "MIXED" : variant.termVariant === "FMS_CREDIT" ? "FMF" : "NATIONAL_FUNDS";
  const pocEmail = `${poc.toLowerCase().replace(/[^a-z]+/g, ".")}@mod-${country.code.toLowerCase()}.example`;
  batch.lors.push({
    id: lorId,
    country_id: country.id,
    status: "COMPLETE",
    version: 4 + lorSaves,
    subject,
    originator_reference: originatorReference,
    originator_name: officeName,
    originator_address: `${officeName}\n${country.name}`,
    request_type: "LOA",
    loa_type: template.loaType,
    preferred_agency_id: random.chance(0.7) ? agency.id : null,
    routed_agency_id: agency.id,
    items: lines.map((l) => ({ nomenclature: l.description, quantity: l.quantity, unitOfIssue: l.unitOfIssue })),
    blanket_value: blanketValue,
    blanket_category: template.blanketCategory ?? null,
    financing,
    financing_notes: financing === "NATIONAL_FUNDS" ? null : "Foreign Military Financing allotted for the current fiscal year.",
    requested_delivery_by: isoDay(new Date(submittedAt + Math.round(deliveryYears * 365 * DAY))),
    third_party_involvement: false,
    sole_source_requested: soleSource,
    sole_source_contractor: soleSource ? "The original equipment manufacturer" : null,
    sole_source_justification: soleSource ? "Commonality with the equipment already in service and its support chain." : null,
    training_needs: "Operator and maintainer training for the purchaser's crews.",
    logistics_needs: "Initial spares and two years of follow-on support.",
    transportation_needs: "Delivery to the port of embarkation; the purchaser's freight forwarder arranges onward shipment.",
    points_of_contact: [{ name: poc, title: "Case officer", email: pocEmail, phone: `+1 555 ${String(1000 + (caseNo % 9000)).padStart(4, "0")}` }],
    signatory_name: signer.name,
    signatory_title: signer.title,
    signatory_authority: "Authorized by the Minister of Defence to request defense articles and services on behalf of the government",
    signed_on: isoDay(new Date(submittedAt - signedDaysBefore * DAY)),
    case_id: caseId,
    created_by_id: partner.actor.userId,
    created_at: iso(new Date(createdAt)),
    updated_at: iso(new Date(openedAt)),
    first_submitted_at: iso(new Date(submittedAt)),
    submitted_at: iso(new Date(submittedAt)),
    validation_due_at: iso(dueDate(new Date(submittedAt), world.lorRule)),
    validation_sla_rule_id: world.lorRule.id,
    acknowledged_at: iso(new Date(acknowledgedAt)),
    validated_at: iso(new Date(openedAt)),
    completed_at: iso(new Date(openedAt)),
  });

  const s = story.snapshot;
  batch.cases.push({
    id: caseId,
    identifier: current.identifier,
    country_id: country.id,
    implementing_agency_id: finalAgencyId,
    designator: current.designator,
    case_type: template.loaType,
    status: s.status,
    opened_from_lor_id: lorId,
    opened_by_id: opener.actor.userId,
    opened_at: iso(new Date(openedAt)),
    version: story.version,
    updated_at: iso(story.updatedAt),
    status_changed_at: iso(s.statusChangedAt),
    status_due_at: iso(s.statusDueAt),
    status_sla_rule_id: s.statusSlaRuleId,
    suspended_from_status: s.suspendedFromStatus,
    paused_status_changed_at: iso(s.pausedStatusClock?.statusChangedAt ?? null),
    paused_status_due_at: iso(s.pausedStatusClock?.statusDueAt ?? null),
    paused_status_sla_rule_id: s.pausedStatusClock?.statusSlaRuleId ?? null,
    review_round: s.reviewRound,
    loa_preparer_ids: s.loaPreparerIds,
    agency_approved_at: iso(s.agencyApprovedAt),
    offer_expires_at: iso(s.offerExpiresAt),
    agency_signed_at: iso(s.agencySignedAt),
    countersigned_at: iso(s.countersignedAt),
    offered_at: iso(s.offeredAt),
    accepted_at: iso(s.acceptedAt),
    signer_name: s.acceptance?.signerName ?? null,
    signer_title: s.acceptance?.signerTitle ?? null,
    signed_on: s.acceptance?.signedOn ?? null,
    initial_deposit: s.acceptance?.initialDeposit ?? null,
    initial_deposit_due: s.initialDepositDue ?? s.acceptance?.initialDeposit ?? null,
    deposit_received_at: iso(s.depositReceivedAt),
    implemented_at: iso(s.implementedAt),
    emergency_implementation: s.emergencyImplementation,
    closed_at: iso(s.closedAt),
    cn_status: s.cn.status,
    cn_held_from_status: s.cn.heldFrom,
    cn_informal_ends_at: iso(s.cn.informalEndsAt),
    cn_notified_at: iso(s.cn.notifiedAt),
    cn_period_ends_at: iso(s.cn.periodEndsAt),
  });

  if (world.caseValueColumn) {
    // What refreshCaseValue stores: the saved basic LOA's total at the rates of the day it is priced on (today while
    // a draft), none for the empty or withdrawn draft.
    const doc = story.document;
    const pricedOn = doc.pricedOn ? new Date(`${doc.pricedOn}T00:00:00Z`) : new Date(world.now);
    batch.cases[batch.cases.length - 1]!.value = doc.saved && doc.status !== "WITHDRAWN" ? variant.totals[world.env.catalog.eraOf(pricedOn)]! : null;
  }

  if (world.inboxColumns) {
    const rows = inboxRows(world, caseId, story, country, ids, caseNo);
    if (rows) {
      batch.cases[batch.cases.length - 1]!.inbox_rev = INBOX_REVISION;
      batch.inbox.push(...rows);
    }
  }

  for (const task of s.tasks) {
    batch.tasks.push({
      id: task.id,
      case_id: caseId,
      round: task.round,
      office: task.office,
      status: task.status,
      opened_at: iso(task.openedAt),
      due_at: iso(task.dueAt),
      sla_rule_id: task.slaRuleId,
      decision: task.decision,
      decided_by_id: task.decidedById,
      decided_at: iso(task.decidedAt),
      comment: task.comment,
      comment_visibility: task.commentVisibility,
      overdue_flagged_at: iso(story.flagged.get(task.id!) ?? null),
    });
  }

  // The basic LOA: the empty draft openCase makes, until the agency saves its content.
  const doc = story.document;
  const content = variant.content;
  batch.documents.push({
    id: documentId,
    case_id: caseId,
    number: 1,
    document_type: "BASIC",
    document_number: 0,
    status: doc.status,
    version: doc.version,
    description: doc.description,
    customer_reference: setup.customerReference,
    terms_of_sale: doc.saved ? content.termsOfSale : [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
    initial_deposit_percent: doc.saved ? content.initialDepositPercent : "20",
    payment_quarters: doc.saved ? content.paymentQuarters : 8,
    notes: doc.saved ? content.notes : [],
    priced_on: doc.pricedOn,
    submitted_at: iso(doc.submittedAt),
    offered_at: iso(doc.offeredAt),
    accepted_at: iso(doc.acceptedAt),
    accepted_by_name: doc.acceptedByName,
    accepted_by_title: doc.acceptedByTitle,
    implemented_at: iso(doc.implementedAt),
    created_by_id: opener.actor.userId,
    created_at: iso(new Date(openedAt)),
    updated_at: iso(doc.updatedAt),
  });
  if (doc.saved) {
    content.lines.forEach((l, position) => {
      batch.lines.push({
        id: ids.uuid(idTime(caseNo)),
        document_id: documentId,
        position,
        line_number: l.lineNumber,
        generic_code: l.genericCode,
        masl_number: l.maslNumber,
        description: l.description,
        quantity: l.quantity,
        unit_of_issue: l.unitOfIssue,
        unit_cost: l.unitCost,
        value: l.value,
        source_of_supply: l.sourceOfSupply,
        type_of_assistance: l.typeOfAssistance,
        months_of_service: l.monthsOfService,
        delivery_term_code: l.deliveryTermCode,
        mde: l.mde,
        sme: l.sme,
        design_construction: l.designConstruction,
        procurement_share: l.procurementShare,
        nc_per_unit: l.ncPerUnit,
        nc_waived: l.ncWaived,
        nc_waiver_reason: l.ncWaiverReason,
        note: l.note,
        internal_note: l.internalNote,
        admin_rate: doc.adminRate,
        rate_locked_on: doc.rateLockedOn,
        price_only_increase: false,
      });
    });
  }
}

/**
 * How many whole days after the first pass's origin the case opens, so that today falls in a period when it is in
 * `target` (any one of them if it passes through it more than once). States that last are placed anywhere in the
 * years, leaning to recent openings; short ones anywhere within the time they last.
 */
function chooseOffset(first: StoryResult, origin: number, target: CaseStatus, now: number, random: Random): { dayShift: number } {
  const end = origin + WINDOW;
  const intervals = statusIntervals(first.statusLog, end);
  const matching = intervals.filter((i) => i.status === target);
  const candidates = matching.length > 0 ? matching : intervals.slice(-1);
  const total = candidates.reduce((sum, i) => sum + (i.to - i.from), 0);
  let pickAt = random.next() * total;
  let chosen = candidates[candidates.length - 1]!;
  for (const i of candidates) {
    pickAt -= i.to - i.from;
    if (pickAt < 0) {
      chosen = i;
      break;
    }
  }
  // Today is `now - origin - dayShift·DAY` after the opening; it must fall in [from, to) measured from the origin.
  const base = now - origin;
  const a = chosen.from - origin;
  const b = chosen.to - origin;
  const kMin = Math.max(1, Math.floor((base - b) / DAY) + 1);
  const kMax = Math.floor((base - a) / DAY);
  if (kMin > kMax) return { dayShift: Math.max(1, kMax) };
  const share = LASTING_STATES.includes(target) ? 1 - Math.sqrt(random.next()) : random.next();
  return { dayShift: Math.min(kMax, Math.max(kMin, kMax - Math.floor(share * (kMax - kMin + 1)))) };
}

// ---- bulk writes -----------------------------------------------------------------------------------------------

type Run = (sql: string, params: string[]) => Promise<unknown>;

/**
 * Where the batches go: straight through `pg` when the seed knows the database's URL and it is the database the Prisma
 * client talks to (Prisma's raw queries compile every statement in its query engine, which costs as much as the
 * insert at this volume); through the Prisma client otherwise.
 */
async function openWriter(prisma: PrismaClient, url: string | undefined): Promise<{ run: Run; close: () => Promise<void> }> {
  const identity = "SELECT current_database() AS db, inet_server_port() AS port, pg_postmaster_start_time()::text AS started";
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const [mine] = (await pool.query<{ db: string; port: number; started: string }>(identity)).rows;
    const [theirs] = await prisma.$queryRawUnsafe<{ db: string; port: number; started: string }[]>(identity);
    if (mine && theirs && mine.db === theirs.db && mine.port === theirs.port && mine.started === theirs.started) {
      // Only this connection, only while it seeds: a crash can lose the last batches (never corrupt anything), and a
      // rerun counts what is there and adds the rest.
      await pool.query("SET synchronous_commit TO off");
      // Each batch arrives as a few tens of megabytes of JSON: keep its rows in memory rather than in temporary files.
      await pool.query("SET work_mem TO '256MB'");
      return { run: (sql, params) => pool.query(sql, params), close: () => pool.end() };
    }
    await pool.end();
  }
  return { run: (sql, params) => prisma.$executeRawUnsafe(sql, ...params), close: async () => {} };
}

const columnsOf = (rows: readonly object[]) => Object.keys(rows[0]!).map((c) => `"${c}"`).join(", ");

/**
 * One batch in one statement (so one transaction): every table's rows arrive as a JSON array and are inserted with
 * json_populate_recordset. The foreign keys between the letters, the cases and the rest are checked when the statement
 * ends, once all rows exist (a letter names its case and the case the letter it opened from).
 */
async function insertBatch(run: Run, batch: Batch, sequences: ReturnType<Designators["drain"]>) {
  const params: string[] = [];
  const parts: string[] = [];
  const add = (table: string, rows: readonly object[], suffix = "") => {
    if (rows.length === 0) return;
    params.push(JSON.stringify(rows));
    const columns = columnsOf(rows);
    parts.push(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $${params.length}::json)${suffix}`);
  };
  add("letters_of_request", batch.lors);
  add("cases", batch.cases);
  add("case_documents", batch.documents);
  add("case_document_lines", batch.lines);
  add("review_tasks", batch.tasks);
  add("case_inbox_entries", batch.inbox);
  add("case_deposits", batch.deposits);
  add("case_designator_sequences", sequences, ` ON CONFLICT (country_id, agency_id) DO UPDATE SET "next" = GREATEST(case_designator_sequences."next", EXCLUDED."next")`);
  // In time order: the occurred_at index then takes the batch in one sweep (the other indexes follow the case ids).
  add("audit_events", batch.events.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0)));
  const last = parts.pop()!;
  await run(`WITH ${parts.map((part, i) => `t${i} AS (${part})`).join(",\n")}\n${last}`, params);
}
