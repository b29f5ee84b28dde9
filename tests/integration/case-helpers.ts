// Builders for the case-workflow integration tests: a cast of people around one partner country, cases opened the
// real way (a complete letter of request), a driver that fires workflow actions with the version it last saw, a
// shortcut that walks a case to a given status, audit look-ups and a raw connection for tampering with the audit trail.
import { expect } from "vitest";
import pg from "pg";
import type { Actor } from "@/domain/policy";
import type { CaseView } from "@/domain/schemas/cases";
import type { CaseStatus } from "@/domain/workflow/states";
import type { PrismaClient } from "@/generated/prisma/client";
import { performCaseAction, type CaseActionOptions } from "@/server/cases/perform-case-action";
import { db } from "@/server/db";
import { completeLine } from "@/server/execution/complete-line";
import { loadLoaInForce } from "@/server/execution/loa-in-force";
import { dispatchOutbox } from "@/server/notifications/dispatch-outbox";
import { markLorComplete } from "@/server/lors/mark-lor-complete";
import { createOrganization } from "../factories";
import { fillBasicLoa } from "../factories/loa";
import { actorOf, context } from "./helpers";
import { actorFor, iaManagerOf, newAgency, newCountry, partnerOf, randomCode, underValidationLor, waitForLockWaiters } from "./lor-helpers";

type Db = PrismaClient;

export const DAY_MS = 86_400_000;
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface CastOptions {
  /** A NATO+ purchaser: formal notification straight after State clears, 15-day period. */
  natoPlus?: boolean;
  /** The country's code; by default a fresh six-character one. */
  countryCode?: string;
}

/**
 * Everyone a case meets: its partner officer, the agency's case manager, a DSCA analyst, a State and a DTSA reviewer,
 * plus outsiders — a second agency with its own manager and another country's partner officer.
 */
export async function caseCast(prisma: Db, options: CastOptions = {}) {
  const code = options.countryCode ?? randomCode("Q", 6);
  const country = options.natoPlus
    ? await createOrganization(prisma, { kind: "PARTNER_COUNTRY", code, name: `Test NATO+ country ${code}`, natoPlus: true })
    : await newCountry(prisma, code);
  const agency = await newAgency(prisma);
  const otherAgency = await newAgency(prisma);
  const foreignCountry = await newCountry(prisma);
  return {
    country,
    agency,
    otherAgency,
    foreignCountry,
    partner: await partnerOf(prisma, country.id, "Partner Officer"),
    foreignPartner: await partnerOf(prisma, foreignCountry.id, "Foreign Officer"),
    ia: await iaManagerOf(prisma, agency.id),
    otherIa: await iaManagerOf(prisma, otherAgency.id),
    dsca: await actorFor(prisma, "DSCA_ANALYST", undefined, "Dana Analyst"),
    state: await actorFor(prisma, "STATE_REVIEWER", undefined, "Sam State"),
    dtsa: await actorFor(prisma, "DTSA_REVIEWER", undefined, "Dee Dtsa"),
  };
}
export type Cast = Awaited<ReturnType<typeof caseCast>>;

/** Fires one workflow action through the real use case with a fresh request context. */
export function act(actor: Actor, caseId: string, action: string, input: Record<string, unknown>, options?: CaseActionOptions) {
  return performCaseAction(actor, caseId, action, input, context(), options);
}

/** Tracks a case's version so each step sends the version it last saw. */
export class CaseDriver {
  constructor(
    readonly caseId: string,
    public version: number,
  ) {}

  async do(actor: Actor, action: string, extra: Record<string, unknown> = {}): Promise<CaseView> {
    const result = await act(actor, this.caseId, action, { expectedVersion: this.version, ...extra });
    expect(result.replayed).toBe(false);
    expect(result.case.version).toBe(this.version + 1);
    this.version = result.case.version;
    return result.case;
  }

  /** The same action with the version the driver holds, without firing it (for refusals). */
  attempt(actor: Actor, action: string, extra: Record<string, unknown> = {}) {
    return act(actor, this.caseId, action, { expectedVersion: this.version, ...extra });
  }

  /** After a change made behind the driver's back (the clock job), pick up the stored version. */
  async reload(prisma: Db) {
    this.version = (await prisma.case.findUniqueOrThrow({ where: { id: this.caseId }, select: { version: true } })).version;
    return this.version;
  }
}

/**
 * Opens a case the real way: the partner's letter is validated and marked complete by DSCA (status OPENED, version 1).
 * Its basic LOA draft is then filled with a small complete LOA (straight to the database, no audit event) so the
 * agency can approve it; `emptyLoa` leaves the draft as opening made it.
 */
export async function openCase(cast: Cast, subject = "Counterfire radars with training", options: { emptyLoa?: boolean } = {}) {
  const lor = await underValidationLor(cast.partner, cast.dsca, { preferredAgencyCode: cast.agency.code, subject });
  const done = await markLorComplete(cast.dsca, lor.id, { expectedVersion: lor.version }, context());
  if (!options.emptyLoa) await fillBasicLoa(db(), done.case!.id);
  return { caseId: done.case!.id, identifier: done.case!.identifier, driver: new CaseDriver(done.case!.id, 1) };
}

export const acceptInput = (overrides: Record<string, unknown> = {}) => ({
  signerName: "Mira Castellan",
  signerTitle: "Director of Procurement",
  signedOn: isoDay(new Date()),
  initialDeposit: "1250000.00",
  ...overrides,
});

export const depositInput = () => ({ amount: "1250000.00", receivedOn: isoDay(new Date()), wireReference: "FED-WIRE-TEST-0001" });

/**
 * Declares every line of the LOA in force supply/services complete (with a reason: nothing was delivered in these
 * tests); the last one moves the case to Supply/Services Complete through the workflow. Answers the case's status.
 */
export async function completeEveryLine(ia: Actor, caseId: string, reason = "Closed out in the test: nothing further to deliver") {
  const loa = await loadLoaInForce(db(), caseId);
  let status: string | null = null;
  for (const entry of loa?.lines ?? []) {
    status = (await completeLine(ia, caseId, entry.line.lineNumber, { outcome: "SUPPLY_COMPLETE", reason }, context())).caseStatus;
  }
  return status;
}

/** The shortest walk (no congressional notification), in order; each step names who takes it. */
export const HAPPY_PATH: {
  to: CaseStatus;
  who: keyof Cast;
  action: string;
  input?: (cast: Cast) => Record<string, unknown>;
  /** Instead of firing `action` directly: the work that leads the case there (it fires `action` itself). */
  run?: (cast: Cast, caseId: string) => Promise<unknown>;
}[] = [
  { to: "IN_DEVELOPMENT", who: "dsca", action: "assign-agency", input: (c) => ({ agencyId: c.agency.id }) },
  { to: "IN_REVIEW", who: "ia", action: "approve-loa" },
  { to: "IN_REVIEW", who: "dsca", action: "concur" },
  { to: "IN_REVIEW", who: "state", action: "concur" },
  { to: "READY_TO_SIGN", who: "dtsa", action: "concur" },
  { to: "AGENCY_SIGNED", who: "ia", action: "sign" },
  { to: "COUNTERSIGNED", who: "dsca", action: "countersign" },
  { to: "OFFERED", who: "ia", action: "offer" },
  { to: "ACCEPTED", who: "partner", action: "accept", input: () => acceptInput() },
  { to: "IMPLEMENTED", who: "dsca", action: "record-deposit", input: () => depositInput() },
  { to: "EXECUTING", who: "ia", action: "start-execution" },
  // The last line declared SSC moves the case (src/server/execution/execution-store.ts completeLineTx).
  { to: "SUPPLY_SERVICES_COMPLETE", who: "ia", action: "declare-supply-complete", run: (cast, caseId) => completeEveryLine(cast.ia, caseId) },
  { to: "CLOSURE_PENDING", who: "ia", action: "submit-closure", input: () => ({ closureType: "ACC" }) },
  { to: "CLOSED", who: "dsca", action: "close" },
];

/**
 * Opens a case and walks it along the happy path until it reaches `status` (for IN_REVIEW: right after the agency's
 * approval, with all three reviews open). Returns the driver holding the current version.
 */
/**
 * A case offered to the partner the ordinary way, with an internal comment on the way (which the partner must never
 * read): every review concurs, the agency signs, DSCA countersigns, the agency offers.
 */
export async function offeredCase(cast: Cast) {
  const at = await caseAt(cast, "IN_REVIEW");
  await at.driver.do(cast.dsca, "concur-with-comment", { comment: "Internal: watch the export licence", commentVisibility: "USG_INTERNAL" });
  await at.driver.do(cast.state, "concur");
  await at.driver.do(cast.dtsa, "concur");
  await at.driver.do(cast.ia, "sign");
  await at.driver.do(cast.dsca, "countersign");
  await at.driver.do(cast.ia, "offer");
  return at;
}

/**
 * Dispatches the outbox events of one cast's records only — its country's cases and letters, its organizations'
 * webhook subscriptions. Every test file shares one database: dispatching everything would make each call pay for
 * the whole suite's events, and tell another file's people of them while that file counts its own.
 */
export async function dispatchFor(prisma: Db, cast: Cast, now: Date = new Date()): Promise<number> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM cases WHERE country_id = ${cast.country.id}::uuid
    UNION ALL SELECT id::text FROM letters_of_request WHERE country_id = ${cast.country.id}::uuid
    UNION ALL SELECT id::text FROM webhook_subscriptions WHERE organization_id IN (${cast.country.id}::uuid, ${cast.agency.id}::uuid)`;
  return dispatchOutbox(now, { targetIds: rows.map((r) => r.id) });
}

/** The people of a cast, for sending only their e-mails (sendPendingEmails' `only`). */
export const castUserIds = (cast: Cast) =>
  [cast.partner, cast.foreignPartner, cast.ia, cast.otherIa, cast.dsca, cast.state, cast.dtsa].map((actor) => actor.userId);

export async function caseAt(cast: Cast, status: CaseStatus | "OPENED", subject?: string) {
  const opened = await openCase(cast, subject);
  if (status === "OPENED") return opened;
  for (const step of HAPPY_PATH) {
    if (step.run) {
      await step.run(cast, opened.caseId);
      await opened.driver.reload(db());
    } else {
      await opened.driver.do(cast[step.who] as Actor, step.action, step.input?.(cast) ?? {});
    }
    if (step.to === status) return opened;
  }
  throw new Error(`The happy path never reaches ${status}`);
}

/** Audit rows about one case, in chain order. */
export function caseAudit(prisma: Db, caseId: string, action?: string) {
  return prisma.auditEvent.findMany({
    where: { targetType: "case", targetId: caseId, ...(action ? { action } : {}) },
    orderBy: [{ chainSeq: "asc" }, { id: "asc" }],
  });
}

/** Rebuilds a user's actor from the database, as a new session would after an administrator changed them. */
export async function reloadActor(prisma: Db, userId: string) {
  return actorOf(await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { organization: true } }));
}

/**
 * Runs `fn` on a raw connection with triggers off (session_replication_role = replica, needs the superuser the test
 * database runs as), so a test can change or delete audit rows the append-only trigger protects. Only this
 * connection is affected, and it is closed afterwards.
 */
export async function withAuditTriggersOff<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    return await fn(client);
  } finally {
    await client.query("RESET session_replication_role").catch(() => undefined);
    await client.end();
  }
}

/**
 * Starts operations while a transaction of ours holds the case's row lock, so they pile up on it and then fight it
 * out when it is released: a real race, not a queue. Returns their settled results in order.
 */
export async function raceOnCase<T>(prisma: Db, caseId: string, start: () => Promise<T>[], waiters = 2) {
  let pending: Promise<PromiseSettledResult<T>[]> | undefined;
  await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`;
      pending = Promise.allSettled(start());
      await waitForLockWaiters(prisma, waiters);
    },
    { timeout: 10_000 },
  );
  return pending!;
}

/** Splits settled results into values and the error codes of the failures. */
export function outcomes<T>(results: PromiseSettledResult<T>[]) {
  const values = results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value);
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as { code?: string; extra?: { currentVersion?: number }; message?: string });
  return { values, errors };
}
