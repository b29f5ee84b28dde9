// The generated authorization matrix (issue 14 §2): every role × every /api/v1 operation × own/foreign record × case
// state, called through the real route handlers in-process with a personal API token, each answer compared with
// what decide() says for the same caller and record; then every refusal from the policy table must have exactly one
// `access.refused` audit row (request id, caller, policy action), and neither allowed calls nor calls naming a record
// that does not exist may leave one. The operations are enumerated from src/app/api/v1/**/route.ts; the table of what
// each one checks is authorization-matrix-cases.ts.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, PolicySubject } from "@/domain/policy";
import { ROLES, type Role } from "@/domain/roles";
import { ACTOR_EVENTS } from "@/domain/workflow/case-workflow";
import { LOR_ACTION_USE_CASES } from "@/server/lors/lor-actions";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { acknowledgeLor } from "@/server/lors/acknowledge-lor";
import { submitLor } from "@/server/lors/submit-lor";
import { fileSdr } from "@/server/sdr/file-sdr";
import { issueDueStatements } from "@/server/finance/finance-store";
import { createApiToken } from "@/server/tokens/create-api-token";
import { demoDamagePhoto } from "../../prisma/demo-sdrs";
import {
  CASE_STATES,
  LOR_STATES,
  METHODS,
  PUBLIC_ROUTES,
  expectationFor,
  invalidStaticBodies,
  invalidUploadForm,
  matrixEntries,
  STALE,
  type CaseState,
  type Expectation,
  type LorState,
  type MatrixEntry,
  type TargetKind,
  type TargetView,
  type Variant,
} from "./authorization-matrix-cases";
import { createWebhook } from "@/server/webhooks/create-webhook";
import { caseAt, type Cast } from "./case-helpers";
import { context, testPrisma } from "./helpers";
import { PDF_BYTES, actorFor, draftLor, iaManagerOf, newAgency, newCountry, partnerOf, seedSlaRules } from "./lor-helpers";

// Every refusal of the run must be recorded, not folded into a "suppressed" row (read on every call).
process.env.REFUSAL_AUDIT_LIMIT_PER_MINUTE = "1000000";

const prisma = testPrisma();
const API_DIR = fileURLToPath(new URL("../../src/app/api/v1", import.meta.url));
const MATRIX_TIMEOUT_MS = 240_000;
/** How many calls that change nothing run at once (2 cores, one PostgreSQL). */
const CONCURRENCY = 4;

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

// ---- the operations, from the route files ----------------------------------------------------------------------

/** Every exported method of every route.ts under src/app/api/v1, keyed "METHOD route-folder". */
async function routeHandlers(): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts").sort();
  for (const file of files) {
    const route = path.dirname(file).split(path.sep).join("/");
    const routeModule = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof routeModule[method] === "function") handlers.set(`${method} ${route}`, routeModule[method] as Handler);
    }
  }
  return handlers;
}

// ---- the callers and their records -----------------------------------------------------------------------------

interface Caller {
  label: string;
  actor: Actor;
  token: string;
  spareTokenId: string;
}

interface CaseFixture {
  state: CaseState;
  caseId: string;
  subject: PolicySubject;
  documentStatus: string;
  /** The executing case's received shipment, its SDR (with a photo) and a billing statement. */
  shipmentId?: string;
  sdrNumber?: number;
  sdrAttachmentId?: string;
  statementId?: string;
}

interface LorFixture {
  state: LorState;
  lorId: string;
  attachmentId: string;
  subject: PolicySubject;
}

/** One record a row targets: how it looks to a caller, and how to put it back in its state after a real write. */
interface TargetSpec {
  kind: TargetKind;
  state: string;
  exists: boolean;
  view: (caller: Caller) => TargetView;
  ensure?: () => Promise<void>;
}

interface World {
  cast: Cast;
  callers: Caller[];
  targets: Map<TargetKind, TargetSpec[]>;
  cases: Map<CaseState, CaseFixture>;
  rebuilds: string[];
}

let world: World;

const subjectOfCase = (row: { countryId: string; implementingAgencyId: string }): PolicySubject => ({
  organizationId: row.countryId,
  agencyId: row.implementingAgencyId,
});

async function buildCase(cast: Cast, state: CaseState): Promise<CaseFixture> {
  const { caseId } = await caseAt(cast, state, `Authorization matrix, ${state.toLowerCase()}`);
  const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { countryId: true, implementingAgencyId: true } });
  const document = await prisma.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId, number: 1 } }, select: { status: true } });
  const fixture: CaseFixture = { state, caseId, subject: subjectOfCase(row), documentStatus: document.status };
  if (state === "EXECUTING") {
    const day = (n: number) => new Date(`${new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
    const shipment = await prisma.shipment.create({
      data: {
        caseId,
        lineNumber: "001",
        documentNumber: `BMTX${randomUUID().slice(0, 8).toUpperCase()}`,
        quantity: 5,
        value: "125000.00",
        shippedOn: day(30),
        mode: "AIR",
        trackingReference: "TRK-MATRIX",
        status: "RECEIVED",
        receivedOn: day(10),
        receivedBy: "Central depot receiving officer",
        recordedById: cast.ia.userId,
      },
    });
    const filed = await fileSdr(
      cast.partner,
      caseId,
      { shipmentId: shipment.id, type: "DAMAGE", quantityAffected: 1, valueAffected: "25000.00", description: "One module arrived with a cracked housing." },
      [{ name: "crate.png", bytes: demoDamagePhoto() }],
      context(),
    );
    await issueDueStatements(prisma, new Date(), { caseIds: [caseId] });
    const statement = await prisma.billingStatement.findFirst({ where: { caseId }, select: { id: true } });
    if (!statement) throw new Error("The executing fixture got no billing statement: the statement PDF row would test nothing");
    Object.assign(fixture, {
      shipmentId: shipment.id,
      sdrNumber: filed.number,
      sdrAttachmentId: filed.attachments[0]!.id,
      statementId: statement.id,
    });
  }
  return fixture;
}

async function buildLor(cast: Cast, state: LorState): Promise<LorFixture> {
  const draft = await draftLor(cast.partner, { subject: `Authorization matrix, ${state.toLowerCase()}`, preferredAgencyCode: cast.agency.code });
  const attachment = await addLorAttachment(cast.partner, draft.id, { kind: "SPECIFICATION" }, { name: "spec.pdf", bytes: PDF_BYTES }, context());
  const version = async () => (await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } })).version;
  if (state !== "DRAFT") await submitLor(cast.partner, draft.id, { expectedVersion: await version() }, context());
  if (state === "UNDER_VALIDATION") await acknowledgeLor(cast.dsca, draft.id, { expectedVersion: await version(), implementingAgencyCode: cast.agency.code }, context());
  const row = await prisma.letterOfRequest.findUniqueOrThrow({ where: { id: draft.id }, select: { countryId: true, firstSubmittedAt: true, routedAgencyId: true } });
  return {
    state,
    lorId: draft.id,
    attachmentId: attachment.id,
    subject: { organizationId: row.countryId, submitted: row.firstSubmittedAt !== null, agencyId: row.routedAgencyId },
  };
}

const fixed =
  (kind: TargetKind, state: string, subject: PolicySubject, ids: Record<string, string>, facts: TargetView["facts"] = {}): TargetSpec["view"] =>
  () => ({ kind, state, exists: true, subject, ids, facts });

async function buildWorld(): Promise<World> {
  await seedSlaRules(prisma);
  const countryA = await newCountry(prisma);
  const countryB = await newCountry(prisma);
  const agency1 = await newAgency(prisma);
  const agency2 = await newAgency(prisma);
  // The people who build the records: separate from the callers, so no separation-of-duties guard sees a caller.
  const cast: Cast = {
    country: countryA,
    agency: agency1,
    otherAgency: agency2,
    foreignCountry: countryB,
    partner: await partnerOf(prisma, countryA.id, "Builder Partner"),
    foreignPartner: await partnerOf(prisma, countryB.id, "Builder Foreign Partner"),
    ia: await iaManagerOf(prisma, agency1.id),
    otherIa: await iaManagerOf(prisma, agency2.id),
    dsca: await actorFor(prisma, "DSCA_ANALYST", undefined, "Builder Analyst"),
    state: await actorFor(prisma, "STATE_REVIEWER", undefined, "Builder State"),
    dtsa: await actorFor(prisma, "DTSA_REVIEWER", undefined, "Builder DTSA"),
  };

  // One caller per role; partner officers of two countries and agency case managers of two agencies.
  const specs: { label: string; role: Role; organizationId?: string }[] = [
    { label: "PARTNER_OFFICER (country A)", role: "PARTNER_OFFICER", organizationId: countryA.id },
    { label: "PARTNER_OFFICER (country B)", role: "PARTNER_OFFICER", organizationId: countryB.id },
    { label: "DSCA_ANALYST", role: "DSCA_ANALYST" },
    { label: "STATE_REVIEWER", role: "STATE_REVIEWER" },
    { label: "DTSA_REVIEWER", role: "DTSA_REVIEWER" },
    { label: "IA_CASE_MANAGER (agency 1)", role: "IA_CASE_MANAGER", organizationId: agency1.id },
    { label: "IA_CASE_MANAGER (agency 2)", role: "IA_CASE_MANAGER", organizationId: agency2.id },
    { label: "ADMIN", role: "ADMIN" },
    { label: "AUDITOR", role: "AUDITOR" },
    { label: "FINANCE_OFFICER", role: "FINANCE_OFFICER" },
    { label: "POLICY_OFFICER", role: "POLICY_OFFICER" },
  ];
  const callers: Caller[] = [];
  for (const spec of specs) {
    const actor = await actorFor(prisma, spec.role, spec.organizationId, `Matrix ${spec.label}`);
    const token = await createApiToken(actor, { name: "authorization matrix" }, context());
    const spare = await createApiToken(actor, { name: "authorization matrix (to revoke)" }, context());
    callers.push({ label: spec.label, actor, token: token.secret, spareTokenId: spare.id });
  }
  const callerWith = (role: Role) => callers.find((c) => c.actor.role === role)!;
  const victimToken = await createApiToken(cast.dsca, { name: "someone else's" }, context());

  const cases = new Map<CaseState, CaseFixture>();
  for (const state of CASE_STATES) cases.set(state, await buildCase(cast, state));
  const lors = new Map<LorState, LorFixture>();
  for (const state of LOR_STATES) lors.set(state, await buildLor(cast, state));

  const proposal = (proposer: Actor) =>
    prisma.policyChange.create({
      data: {
        table: "PRICING_RATE",
        key: "ADMIN_SURCHARGE",
        value: "0.0351",
        effectiveFrom: new Date("2099-01-01T00:00:00Z"),
        source: "Authorization matrix fixture (already decided)",
        status: "REJECTED",
        proposedById: proposer.userId,
        decidedById: cast.dsca.userId,
        decidedAt: new Date(),
        decisionNote: "Matrix fixture",
      },
    });
  const byOfficer = await proposal(callerWith("POLICY_OFFICER").actor);
  const byAdmin = await proposal(callerWith("ADMIN").actor);

  // Webhook subscriptions of the partner's country and of agency 1; DELETE removes one, so ensure() makes it again.
  const webhookOf = async (organizationId: string) =>
    (await createWebhook(callerWith("ADMIN").actor, { organizationId, url: "http://127.0.0.1:9/matrix" }, context())).id;
  const webhooks = new Map<string, string>([
    [countryA.id, await webhookOf(countryA.id)],
    [agency1.id, await webhookOf(agency1.id)],
  ]);
  const webhookTarget = (state: string, organizationId: string): TargetSpec => ({
    kind: "webhook",
    state,
    exists: true,
    view: () => ({ kind: "webhook", state, exists: true, subject: { organizationId }, ids: { id: webhooks.get(organizationId)! }, facts: {} }),
    ensure: async () => {
      if (await prisma.webhookSubscription.findUnique({ where: { id: webhooks.get(organizationId)! }, select: { id: true } })) return;
      webhooks.set(organizationId, await webhookOf(organizationId));
    },
  });

  const rebuilds: string[] = [];
  const ensureCase = (state: CaseState) => async () => {
    const fixture = cases.get(state)!;
    const row = await prisma.case.findUniqueOrThrow({ where: { id: fixture.caseId }, select: { status: true } });
    if (row.status === state) return;
    rebuilds.push(`${state} case (it became ${row.status})`);
    cases.set(state, await buildCase(cast, state));
  };
  const caseView =
    (kind: "case" | "sdr", state: CaseState): TargetSpec["view"] =>
    () => {
      const f = cases.get(state)!;
      const ids: Record<string, string> = { id: f.caseId, number: "1", lineNumber: "001" };
      if (kind === "sdr") {
        Object.assign(ids, { number: String(f.sdrNumber), attachmentId: f.sdrAttachmentId, shipmentId: f.shipmentId, statementId: f.statementId });
      }
      return { kind, state, exists: true, subject: f.subject, ids, facts: { documentStatus: f.documentStatus } };
    };
  const lorView =
    (state: LorState): TargetSpec["view"] =>
    () => {
      const f = lors.get(state)!;
      return { kind: "lor", state, exists: true, subject: f.subject, ids: { id: f.lorId, attachmentId: f.attachmentId }, facts: {} };
    };
  const ensureLorAttachment = (state: LorState) => async () => {
    const f = lors.get(state)!;
    if (await prisma.lorAttachment.findUnique({ where: { id: f.attachmentId }, select: { id: true } })) return;
    const again = await addLorAttachment(cast.partner, f.lorId, { kind: "SPECIFICATION" }, { name: "spec.pdf", bytes: PDF_BYTES }, context());
    f.attachmentId = again.id;
  };

  /** The random id each record-targeted operation is also called with: 404, never audited. */
  const missing = (kind: TargetKind): TargetSpec => {
    const id = randomUUID();
    const ids: Record<string, string> = { id, number: "1", lineNumber: "001", attachmentId: randomUUID(), shipmentId: randomUUID(), statementId: randomUUID() };
    return { kind, state: "no such record", exists: false, view: () => ({ kind, state: "no such record", exists: false, subject: kind === "user" ? { userId: id } : {}, ids, facts: {} }) };
  };

  const targets = new Map<TargetKind, TargetSpec[]>([
    ["none", [{ kind: "none", state: "—", exists: true, view: fixed("none", "—", {}, {}) }]],
    [
      "case",
      [...CASE_STATES.map((state): TargetSpec => ({ kind: "case", state, exists: true, view: caseView("case", state), ensure: ensureCase(state) })), missing("case")],
    ],
    ["sdr", [{ kind: "sdr", state: "EXECUTING", exists: true, view: caseView("sdr", "EXECUTING"), ensure: ensureCase("EXECUTING") }, missing("sdr")]],
    [
      "lor",
      [...LOR_STATES.map((state): TargetSpec => ({ kind: "lor", state, exists: true, view: lorView(state), ensure: ensureLorAttachment(state) })), missing("lor")],
    ],
    [
      "user",
      [
        {
          kind: "user",
          state: "self",
          exists: true,
          view: (caller) => ({ kind: "user", state: "self", exists: true, subject: { userId: caller.actor.userId }, ids: { id: caller.actor.userId }, facts: {} }),
        },
        { kind: "user", state: "another user", exists: true, view: fixed("user", "another user", { userId: cast.dsca.userId }, { id: cast.dsca.userId }) },
        missing("user"),
      ],
    ],
    [
      "policyChange",
      [
        {
          kind: "policyChange",
          state: "proposed by the policy officer",
          exists: true,
          view: fixed("policyChange", "proposed by the policy officer", { userId: byOfficer.proposedById }, { id: byOfficer.id }, { ownerId: byOfficer.proposedById }),
        },
        {
          kind: "policyChange",
          state: "proposed by the administrator",
          exists: true,
          view: fixed("policyChange", "proposed by the administrator", { userId: byAdmin.proposedById }, { id: byAdmin.id }, { ownerId: byAdmin.proposedById }),
        },
        missing("policyChange"),
      ],
    ],
    [
      "organization",
      [
        { kind: "organization", state: "country A", exists: true, view: fixed("organization", "country A", { organizationId: countryA.id }, { id: countryA.id }) },
        { kind: "organization", state: "agency 1", exists: true, view: fixed("organization", "agency 1", { organizationId: agency1.id }, { id: agency1.id }) },
        missing("organization"),
      ],
    ],
    [
      "token",
      [
        {
          kind: "token",
          state: "own spare token",
          exists: true,
          view: (caller) => ({ kind: "token", state: "own spare token", exists: true, subject: {}, ids: { id: caller.spareTokenId }, facts: { ownerId: caller.actor.userId } }),
        },
        { kind: "token", state: "another person's token", exists: true, view: fixed("token", "another person's token", {}, { id: victimToken.id }, { ownerId: cast.dsca.userId }) },
        missing("token"),
      ],
    ],
    ["webhook", [webhookTarget("country A's subscription", countryA.id), webhookTarget("agency 1's subscription", agency1.id), missing("webhook")]],
  ]);
  return { cast, callers, targets, cases, rebuilds };
}

/** Own or foreign, for the rules that look at it: a partner's country, an agency's cases and letters, a person's own things. */
function relation(caller: Caller, target: TargetView): string {
  if (!target.exists) return "missing";
  const actor = caller.actor;
  switch (target.kind) {
    case "case":
    case "sdr":
    case "lor":
      if (actor.role === "PARTNER_OFFICER") return target.subject.organizationId === actor.organizationId ? "own" : "foreign";
      if (actor.role === "IA_CASE_MANAGER" && target.subject.agencyId) return target.subject.agencyId === actor.organizationId ? "own" : "foreign";
      return "—";
    case "organization":
      return actor.role === "PARTNER_OFFICER" ? (target.subject.organizationId === actor.organizationId ? "own" : "foreign") : "—";
    case "webhook":
      return actor.role === "PARTNER_OFFICER" || actor.role === "IA_CASE_MANAGER" ? (target.subject.organizationId === actor.organizationId ? "own" : "foreign") : "—";
    case "user":
      return target.subject.userId === actor.userId ? "own" : "foreign";
    case "policyChange":
    case "token":
      return target.facts.ownerId === actor.userId ? "own" : "foreign";
    default:
      return "—";
  }
}

// ---- the rows and their answers ----------------------------------------------------------------------------------

interface Row {
  entry: MatrixEntry;
  variant: Variant;
  caller: Caller;
  target: TargetSpec;
  relation: string;
  expected: Expectation;
  /**
   * Sent by a refused caller to learn what a use case checks first: "body" a body that fails validation, "stale" a
   * valid body with a stale expectedVersion.
   */
  probe?: "body" | "stale";
}

interface Answer {
  row: Row;
  status: number;
  code: string | null;
  message: string | null;
  requestId: string | null;
  path: string;
  /** A refused case workflow call that still changed the case's version. */
  changedCase?: boolean;
  ms: number;
}

/** Runs `work` over the items, `limit` at a time, keeping the results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

const operationName = (entry: MatrixEntry, variant: Variant) => `${entry.method} /${entry.route}${variant.name ? ` [${variant.name}]` : ""}`;
const describeExpectation = (e: Expectation) =>
  e.decision === "allow" ? "allow" : e.decision === "missing" ? "404 (no such record)" : `${e.decision === "forbidden" ? 403 : 404} by ${e.policyAction ?? e.gate}`;
const isRefusal = (e: Expectation): e is Extract<Expectation, { decision: "forbidden" | "not-found" }> => e.decision === "forbidden" || e.decision === "not-found";
const firstUuid = (value: string) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(value)?.[0] ?? null;
/**
 * The record a path names first, typed as the audit log's other events on that record type it (src/server/**
 * recordAudit targets), so filtering a record's history shows its refusals too: the id after /cases/ is a case,
 * whatever follows it.
 */
const TARGET_TYPES: [RegExp, string][] = [
  [/^\/api\/v1\/cases\//, "case"],
  [/^\/api\/v1\/lors\//, "lor"],
  [/^\/api\/v1\/users\//, "user"],
  [/^\/api\/v1\/organizations\//, "organization"],
  [/^\/api\/v1\/policy\/changes\//, "policy-change"],
  [/^\/api\/v1\/me\/tokens\//, "api_token"],
  [/^\/api\/v1\/webhooks\//, "webhook_subscription"],
];
const targetTypeOf = (urlPath: string) => TARGET_TYPES.find(([pattern]) => pattern.test(urlPath))?.[1] ?? null;

function buildRows(entries: MatrixEntry[], w: World): Row[] {
  const rows: Row[] = [];
  for (const entry of entries) {
    const specs = w.targets.get(entry.target) ?? [];
    for (const [index, variant] of entry.variants.entries()) {
      for (const target of specs) {
        let callers = w.callers;
        if (!target.exists) {
          // One random id per operation (not per workflow action: they share the lookup), called by the first caller
          // the role checks let through and by the other country's partner.
          if (index > 0) continue;
          const through = w.callers.find((c) => expectationFor(variant.steps, c.actor, target.view(c)).decision === "missing");
          callers = w.callers.filter((c) => c === through || c.label === "PARTNER_OFFICER (country B)");
        }
        for (const caller of callers) {
          const view = target.view(caller);
          rows.push({ entry, variant, caller, target, relation: relation(caller, view), expected: expectationFor(variant.steps, caller.actor, view) });
        }
      }
    }
  }
  return rows;
}

/** Refusals first (they must not change anything, so the fixtures are pristine for them), then reads, then writes. */
const rowOrder = (row: Row) => (isRefusal(row.expected) ? 0 : row.expected.decision === "missing" ? 1 : row.entry.method === "GET" ? 2 : 3);

/** In phase order, and within a phase round-robin over the records, so calls running together rarely wait on one row lock. */
function scheduled(rows: Row[]): Row[] {
  const seen = new Map<TargetSpec, number>();
  const keyed = rows.map((row) => {
    const seq = seen.get(row.target) ?? 0;
    seen.set(row.target, seq + 1);
    return { row, seq };
  });
  return keyed.sort((a, b) => rowOrder(a.row) - rowOrder(b.row) || a.seq - b.seq).map((k) => k.row);
}

async function call(handlers: Map<string, Handler>, row: Row, { ensure = false } = {}): Promise<Answer> {
  const { entry, variant, caller } = row;
  const started = performance.now();
  if (ensure) await row.target.ensure?.();
  const view = row.target.view(caller);
  const isCaseAction = entry.route === "cases/[id]/actions/[action]";
  const versionOf = async (id: string) => (await prisma.case.findUnique({ where: { id }, select: { version: true } }))?.version;
  const before = isCaseAction && view.exists ? await versionOf(view.ids.id!) : undefined;
  if (before !== undefined) view.facts.caseVersion = before;

  const ids: Record<string, string> = { ...view.ids, ...variant.params };
  const names = [...entry.route.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  for (const name of names) if (ids[name] === undefined) throw new Error(`${operationName(entry, variant)}: no value for [${name}] on ${view.kind} ${view.state}`);
  const urlPath = `/api/v1/${entry.route.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(ids[name]!))}`;
  const headers = new Headers({ authorization: `Bearer ${caller.token}` });
  let body: BodyInit | undefined;
  const real = variant.body?.(view);
  let spec = real;
  if (row.probe === "body") spec = real && "form" in real ? { form: invalidUploadForm } : { json: { matrixProbe: true } };
  if (row.probe === "stale" && real && "json" in real) spec = { json: { ...(real.json as object), expectedVersion: STALE } };
  if (spec && "json" in spec) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(spec.json);
  } else if (spec) {
    body = spec.form();
  }
  const handler = handlers.get(`${entry.method} ${entry.route}`)!;
  const response = await handler(new Request(`http://caseway.test${urlPath}`, { method: entry.method, headers, body }), {
    params: Promise.resolve(Object.fromEntries(names.map((name) => [name, ids[name]!]))),
  });
  let code: string | null = null;
  let message: string | null = null;
  if ((response.headers.get("content-type") ?? "").includes("application/json")) {
    const payload = (await response.json()) as { error?: { code?: string; message?: string } };
    code = payload.error?.code ?? null;
    message = payload.error?.message ?? null;
  } else if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    await response.body?.cancel(); // a live stream stays open: its status is the answer
  } else {
    await response.arrayBuffer();
  }
  const answer: Answer = { row, status: response.status, code, message, requestId: response.headers.get("x-request-id"), path: urlPath, ms: performance.now() - started };
  if (before !== undefined && !row.probe && isRefusal(row.expected)) answer.changedCase = (await versionOf(view.ids.id!)) !== before;
  return answer;
}

/** What is wrong with an answer, or null. */
function problemWith(answer: Answer): string | null {
  const { row, status, code, message } = answer;
  const e = row.expected;
  if (answer.changedCase) return "refused, but the case's version changed";
  if (e.decision === "allow") {
    if (status === 403 || (status === 404 && !row.entry.allowed.notFound?.test(message ?? ""))) return "an allowed caller was refused";
    if (status === 404) return null;
    return row.entry.allowed.statuses.includes(status) ? null : `unexpected status for an allowed caller (${row.entry.allowed.why})`;
  }
  const want = e.decision === "forbidden" ? 403 : 404;
  const wantCode = e.decision === "forbidden" ? "FORBIDDEN" : "NOT_FOUND";
  if (status !== want) return `expected ${want}`;
  if (code !== wantCode || !message) return `expected the error envelope with code ${wantCode}`;
  return null;
}

/** A long list of problems as a count per kind (ids and paths blanked), then its first rows in full. */
function digest(header: string[], rows: string[][], limit = 40): string {
  const kinds = new Map<string, number>();
  for (const row of rows) {
    const kind = `${row[0]!.replace(/ \[[^\]]+\]$/, " [*]")} → ${row.at(-1)!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "…").replace(/"path":"[^"]*"/g, '"path":…')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const summary = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${String(n).padStart(4)} × ${kind}`);
  return [...summary, "", table(header, rows.slice(0, limit)), rows.length > limit ? `… and ${rows.length - limit} more` : ""].join("\n");
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" │ ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("─┼─"), ...rows.map(line)].join("\n");
}

const answerCells = (a: Answer) => [
  operationName(a.row.entry, a.row.variant),
  a.row.caller.label,
  `${a.row.target.kind} ${a.row.target.state} (${a.row.relation})`,
  describeExpectation(a.row.expected),
  `${a.status}${a.code ? ` ${a.code}` : ""}`,
];

// ---- the tests ------------------------------------------------------------------------------------------------------

describe("the authorization matrix", () => {
  let handlers: Map<string, Handler>;
  let entries: MatrixEntry[];
  const answers: Answer[] = [];
  const probes: Answer[] = [];

  beforeAll(async () => {
    handlers = await routeHandlers();
    entries = matrixEntries();
    world = await buildWorld();
  }, 180_000);

  it("has an entry for every /api/v1 route handler, and no entry without one", () => {
    const covered = new Set([...entries.map((e) => `${e.method} ${e.route}`), ...Object.keys(PUBLIC_ROUTES)]);
    const handled = new Set(handlers.keys());
    expect({
      handlersWithoutEntry: [...handled].filter((key) => !covered.has(key)),
      entriesWithoutHandler: [...covered].filter((key) => !handled.has(key)),
      duplicateEntries: entries.map((e) => `${e.method} ${e.route}`).filter((key, i, all) => all.indexOf(key) !== i),
    }).toEqual({ handlersWithoutEntry: [], entriesWithoutHandler: [], duplicateEntries: [] });
    // The action routes' variants come from the domain's tables; the LOR actions' URL names must all be there.
    const lorActions = entries.find((e) => e.route === "lors/[id]/[action]")!.variants.map((v) => v.name);
    expect(lorActions.sort()).toEqual(Object.keys(LOR_ACTION_USE_CASES).sort());
    expect(entries.find((e) => e.route === "cases/[id]/actions/[action]")!.variants.map((v) => v.name)).toEqual([...ACTOR_EVENTS]);
    expect(invalidStaticBodies()).toEqual([]);
    // Every role has a caller.
    expect(new Set(world.callers.map((c) => c.actor.role))).toEqual(new Set(ROLES));
  });

  it(
    "every role × operation × own/foreign record × case state answers as decide() says",
    async () => {
      const started = performance.now();
      const rows = scheduled(buildRows(entries, world));
      // Refusals, unknown ids and allowed reads change nothing: they run a few at a time. Allowed writes run one by
      // one, each on a fixture put back in its state first.
      answers.push(...(await inParallel(rows.filter((r) => rowOrder(r) < 3), CONCURRENCY, (row) => call(handlers, row))));
      for (const row of rows.filter((r) => rowOrder(r) === 3)) answers.push(await call(handlers, row, { ensure: true }));

      // Validation before authorization: a malformed body from a refused caller, once per operation that takes a body.
      for (const entry of entries) {
        for (const variant of entry.variants.slice(0, 1)) {
          if (!variant.body || entry.target === "none") continue;
          const refused =
            answers.find((a) => a.row.variant === variant && a.row.expected.decision === "not-found" && a.row.expected.policyAction) ??
            answers.find((a) => a.row.variant === variant && isRefusal(a.row.expected) && a.row.expected.policyAction);
          if (refused) probes.push(await call(handlers, { ...refused.row, probe: "body" }));
        }
      }
      // perform-case-action.ts compares the version before the event's own rule: a caller that rule refuses, sending a
      // stale version, is answered 409 — and that refusal is not recorded.
      const refusedEvent = answers.find(
        (a) => a.row.entry.route === "cases/[id]/actions/[action]" && a.row.expected.decision === "forbidden" && a.row.expected.policyAction !== "viewCase",
      );
      if (refusedEvent) probes.push(await call(handlers, { ...refusedEvent.row, probe: "stale" }));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);

      // The summary: per caller, how the policy table answered.
      const tally = (list: Answer[], test: (a: Answer) => boolean) => String(list.filter(test).length);
      const perCaller = world.callers.map((caller) => {
        const mine = answers.filter((a) => a.row.caller === caller);
        return [
          caller.label,
          String(mine.length),
          tally(mine, (a) => a.row.expected.decision === "allow"),
          tally(mine, (a) => a.row.expected.decision === "forbidden"),
          tally(mine, (a) => a.row.expected.decision === "not-found"),
          tally(mine, (a) => a.row.expected.decision === "missing"),
        ];
      });
      const operations = new Set(answers.map((a) => operationName(a.row.entry, a.row.variant)));
      const byRecord = new Map<string, number>();
      for (const entry of entries) byRecord.set(entry.target, (byRecord.get(entry.target) ?? 0) + entry.variants.length);
      const slowest = [...answers].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        [
          `Authorization matrix: ${entries.length} handlers (${operations.size} operations with their variants) × ${world.callers.length} callers × targets = ${answers.length} calls (+${probes.length} validation probes) in ${seconds}s`,
          `Operations by record: ${[...byRecord].map(([kind, n]) => `${kind} ${n}`).join(" · ")}. Case states: ${CASE_STATES.join(", ")}; letter states: ${LOR_STATES.join(", ")}.`,
          `Fixtures rebuilt after real writes: ${world.rebuilds.length ? world.rebuilds.join("; ") : "none"}. Slowest call: ${slowest ? `${operationName(slowest.row.entry, slowest.row.variant)} ${slowest.ms.toFixed(0)} ms` : "—"}.`,
          table(["caller", "calls", "allow", "403", "404 (hidden)", "404 (no such id)"], perCaller),
        ].join("\n"),
      );

      const mismatches = answers.map((a) => ({ a, problem: problemWith(a) })).filter((m) => m.problem);
      const report = digest(
        ["operation", "caller", "target", "expected", "got", "problem"],
        mismatches.map(({ a, problem }) => [...answerCells(a), `${problem}${a.message ? `: ${a.message}` : ""}`]),
      );
      expect(mismatches.length, `${mismatches.length} answers differ from the policy table:\n${report}`).toBe(0);
    },
    MATRIX_TIMEOUT_MS,
  );

  it("a refused caller's malformed body or stale version is never answered as a success", () => {
    const bodyProbes = probes.filter((p) => p.row.probe === "body");
    const validatesFirst = bodyProbes.filter((p) => p.status === 422 || p.status === 400);
    const stale = probes.filter((p) => p.row.probe === "stale");
    console.log(
      [
        `Validated before authorizing (a refused caller with a bad body gets 400/422, and no refusal is recorded): ${validatesFirst.length} of ${bodyProbes.length} operations that take a body`,
        ...validatesFirst.map((p) => `  ${operationName(p.row.entry, p.row.variant)}`),
        ...stale.map((p) => `Version compared before the rule: ${answerCells(p).slice(0, 4).join(" | ")} with a stale expectedVersion → ${p.status} ${p.code ?? ""}`),
      ].join("\n"),
    );
    expect(probes.filter((p) => ![400, 403, 404, 409, 422].includes(p.status)).map((p) => answerCells(p).join(" | "))).toEqual([]);
  });

  it("records every refusal by the policy table once, with its request id, caller and policy action — and nothing else", async () => {
    const callerIds = world.callers.map((c) => c.actor.userId);
    const rows = await prisma.auditEvent.findMany({
      where: { actorUserId: { in: callerIds }, action: { startsWith: "access.refused" } },
      select: { action: true, outcome: true, actorUserId: true, requestId: true, targetType: true, targetId: true, details: true },
    });
    const byRequest = new Map<string, typeof rows>();
    for (const row of rows) byRequest.set(row.requestId ?? "", [...(byRequest.get(row.requestId ?? "") ?? []), row]);
    const probeIds = new Set(probes.map((p) => p.requestId));

    const problems: string[][] = [];
    const gates: string[][] = [];
    for (const answer of answers) {
      const found = byRequest.get(answer.requestId ?? "") ?? [];
      const e = answer.row.expected;
      const cells = answerCells(answer);
      if (!answer.requestId) {
        problems.push([...cells, "the answer has no x-request-id header"]);
      } else if (isRefusal(e) && e.gate) {
        gates.push([...cells.slice(0, 4), found.length ? "audited" : "NOT audited"]);
      } else if (isRefusal(e)) {
        const [row] = found;
        const details = (row?.details ?? {}) as Record<string, unknown>;
        const want = { policyAction: e.policyAction, answered: answer.status, method: answer.row.entry.method, path: answer.path };
        const targetId = firstUuid(answer.path);
        if (found.length !== 1) problems.push([...cells, `${found.length} access.refused rows (want 1)`]);
        else if (row!.action !== "access.refused" || row!.outcome !== "DENIED" || row!.actorUserId !== answer.row.caller.actor.userId) {
          problems.push([...cells, `row ${row!.action}/${row!.outcome} by ${row!.actorUserId}`]);
        } else if (Object.entries(want).some(([key, value]) => details[key] !== value)) {
          problems.push([...cells, `details ${JSON.stringify({ policyAction: details.policyAction, answered: details.answered, method: details.method, path: details.path })}`]);
        } else if (targetId && (row!.targetId !== targetId || row!.targetType !== targetTypeOf(answer.path))) {
          problems.push([...cells, `target ${row!.targetType}:${row!.targetId} (want ${targetTypeOf(answer.path)}:${targetId}, the record the path names)`]);
        }
      } else if (found.length > 0) {
        problems.push([...cells, `${found.length} access.refused rows for a call that was ${e.decision === "missing" ? "about no record" : "allowed"}`]);
      }
    }
    const answered = new Set(answers.map((a) => a.requestId));
    const strays = rows.filter((row) => !answered.has(row.requestId ?? "") && !probeIds.has(row.requestId ?? ""));
    for (const stray of strays) problems.push(["?", stray.actorUserId ?? "?", stray.targetId ?? "", "", "", `a refusal row no call of the matrix explains: ${JSON.stringify(stray.details)}`]);

    if (gates.length) {
      console.log(
        `Refusals outside the policy table (status asserted, audit reported — ${gates.filter((g) => g[4] === "NOT audited").length} of ${gates.length} not audited):\n` +
          table(["operation", "caller", "target", "expected", "audit"], [...new Map(gates.map((g) => [`${g[0]}|${g[3]}|${g[4]}`, g])).values()]),
      );
    }
    const report = digest(["operation", "caller", "target", "expected", "got", "audit problem"], problems);
    expect(problems.length, `${problems.length} audit problems:\n${report}`).toBe(0);
  });
});
