// The authorization matrix's table: for every /api/v1 route handler, which policy rules its use case checks and in
// what order (read from the use case, not from the route's name), what it needs to be called (path params and a
// body valid enough to reach authorization), and what an allowed caller may get back. The test
// (authorization-matrix.test.ts) walks the route files and fails when a handler has no entry here or an entry names
// no handler, so a new endpoint cannot skip the matrix; the expected answer of every call is computed with the same
// decide() the use cases enforce. Variants (case workflow events, LOR actions, LOA document actions) are generated
// from the domain's own tables, so a new workflow event is in the matrix the day it is declared.
import { randomUUID } from "node:crypto";
import { milstripDocumentNumber } from "@/domain/execution/lines";
import { PARTNER_VISIBLE_DOCUMENT_STATUSES, type DocumentStatus } from "@/domain/loa/codes";
import { DOCUMENT_FLOW } from "@/domain/loa/document-flow";
import { LOR_ACTION_PERMISSIONS } from "@/domain/lor/access";
import type { LorAction } from "@/domain/lor/workflow";
import { can, decide, type Actor, type PolicyAction, type PolicySubject } from "@/domain/policy";
import { RATE_KEYS } from "@/domain/pricing/rates";
import { CASE_ACTION_INPUTS } from "@/domain/schemas/cases";
import { DOCUMENT_ACTION_INPUTS, DOCUMENT_ACTIONS, LoaDraftInput } from "@/domain/schemas/loa";
import {
  AcknowledgeLorInput,
  DisapproveLorInput,
  MarkCompleteInput,
  MarkInsufficientInput,
  RespondPriceAndAvailabilityInput,
  UpdateLorInput,
  VersionOnlyInput,
  WithdrawLorInput,
} from "@/domain/schemas/lor";
import { CASE_EVENTS, ACTOR_EVENTS, type CaseEvent } from "@/domain/workflow/case-workflow";
import { PDF_BYTES, PNG_BYTES } from "./lor-helpers";
import { acceptInput, depositInput, isoDay } from "./case-helpers";
import { draftInput } from "./loa-helpers";
import { smallLoa } from "../factories/loa";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** The case states every case-targeted operation is tried in: before the offer, offered, and after acceptance. */
export const CASE_STATES = ["IN_REVIEW", "OFFERED", "EXECUTING"] as const;
export type CaseState = (typeof CASE_STATES)[number];
/** Letters of request: an unsent draft (U.S. Government staff must not see it), sent, and routed to an agency. */
export const LOR_STATES = ["DRAFT", "SUBMITTED", "UNDER_VALIDATION"] as const;
export type LorState = (typeof LOR_STATES)[number];

/**
 * What an operation acts on. "case" is tried in every CASE_STATES state; "sdr" is the executing case with the
 * records that exist only once a case executes (a received shipment, its SDR with a photo, a billing statement);
 * "user", "token", "policyChange" and "organization" come in an own and a foreign instance per caller.
 */
export type TargetKind = "none" | "case" | "sdr" | "lor" | "user" | "policyChange" | "organization" | "token" | "webhook";

/** One record as a row sees it: its policy subject, the route params that name it, and facts some rules read. */
export interface TargetView {
  kind: TargetKind;
  /** The case or letter state, or which instance ("self", "another user", …). */
  state: string;
  /** False for the random id each record-targeted operation is also tried with (404, never audited). */
  exists: boolean;
  subject: PolicySubject;
  ids: Record<string, string>;
  facts: {
    /** Status of the case's document 1 (the basic LOA): partners see it only once offered. */
    documentStatus?: string;
    /** Who proposed a policy change; who owns an API token. */
    ownerId?: string;
    /** The case's current version (case workflow actions compare it first). */
    caseVersion?: number;
  };
}

/** A check a use case makes, in order. */
export type Step =
  /** assertCan()/authorize() on the record's subject ("record") or with no subject ("none": a role-only check). */
  | { kind: "policy"; action: PolicyAction | ((actor: Actor) => PolicyAction); on: "record" | "none" }
  /** The use case looks the record up: an id that names nothing answers 404 here, unaudited. */
  | { kind: "load" }
  /**
   * A refusal outside the policy table (a query filter or a hand-written rule). Its status is asserted; whether it
   * is audited is reported, not asserted, because the audit contract covers the policy table's refusals.
   */
  | { kind: "gate"; name: string; decision: "forbidden" | "not-found"; refuses: (actor: Actor, target: TargetView) => boolean }
  /**
   * The use case answers these callers before asking the rule that follows (e.g. an empty page instead of 403).
   * Listed in the report as a divergence from the table, not a refusal.
   */
  | { kind: "shortcut"; name: string; answers: (actor: Actor) => boolean };

export type BodySpec = { json: unknown } | { form: () => FormData };

export interface Variant {
  /** "" when the operation has one shape; otherwise the action name or the body's purpose. */
  name: string;
  /** Route params the variant fixes (e.g. the workflow action). */
  params?: Record<string, string>;
  steps: Step[];
  body?: (target: TargetView) => BodySpec;
}

export interface Allowed {
  /** Statuses an allowed caller may get. A 409/422 means authorization passed and a state or body rule said no. */
  statuses: readonly number[];
  why: string;
  /** A 404 an allowed caller may get that is not a refusal (e.g. no certificate before closure), by its message. */
  notFound?: RegExp;
}

export interface MatrixEntry {
  /** The route's folder under src/app/api/v1, e.g. "cases/[id]/loa". */
  route: string;
  method: Method;
  target: TargetKind;
  variants: Variant[];
  allowed: Allowed;
}

/** Routes that are no authorization question: no sign-in, or no operation at all. */
export const PUBLIC_ROUTES: Record<string, string> = {
  "GET health": "public health check",
  "GET openapi.json": "public OpenAPI document",
  "GET [...path]": "unknown API paths answer 404 in the API's error shape (no operation)",
  "POST [...path]": "unknown API paths",
  "PUT [...path]": "unknown API paths",
  "PATCH [...path]": "unknown API paths",
  "DELETE [...path]": "unknown API paths",
};

// ---- expectations ----------------------------------------------------------------------------------------------

export type Expectation =
  | { decision: "allow" }
  | { decision: "forbidden" | "not-found"; policyAction: PolicyAction; gate?: undefined }
  | { decision: "forbidden" | "not-found"; gate: string; policyAction?: undefined }
  /** The id names no record: 404, not audited. */
  | { decision: "missing" };

/** What the policy table (and the gates outside it) says about this call, walking the use case's checks in order. */
export function expectationFor(steps: readonly Step[], actor: Actor, target: TargetView): Expectation {
  for (const step of steps) {
    if (step.kind === "load") {
      if (!target.exists) return { decision: "missing" };
      continue;
    }
    if (step.kind === "shortcut") {
      if (step.answers(actor)) return { decision: "allow" };
      continue;
    }
    if (step.kind === "gate") {
      if (target.exists && step.refuses(actor, target)) return { decision: step.decision, gate: step.name };
      continue;
    }
    const action = typeof step.action === "function" ? step.action(actor) : step.action;
    const decision = decide(actor, action, step.on === "record" ? target.subject : {});
    if (decision !== "allow") return { decision, policyAction: action };
  }
  return { decision: "allow" };
}

// ---- building blocks -------------------------------------------------------------------------------------------

const P = (action: PolicyAction | ((actor: Actor) => PolicyAction)): Step => ({ kind: "policy", action, on: "record" });
/** A role-only check made before the record is read (assertCan(actor, action) without a subject). */
const U = (action: PolicyAction): Step => ({ kind: "policy", action, on: "none" });
const LOAD: Step = { kind: "load" };

/**
 * src/server/loa/loa-access.ts visibleTo(): documents not yet offered do not exist for whoever may not read LOA
 * internals, so findDocument() answers a plain 404 before the action's own rule is asked.
 */
const DOCUMENT_HIDDEN: Step = {
  kind: "gate",
  name: "LOA document not offered yet (visibleTo: viewLoaInternals filter, plain notFound)",
  decision: "not-found",
  refuses: (actor, target) =>
    !can(actor, "viewLoaInternals") && !PARTNER_VISIBLE_DOCUMENT_STATUSES.includes(target.facts.documentStatus as DocumentStatus),
};

const one = (steps: Step[], body?: Variant["body"]): Variant[] => [{ name: "", steps, body }];
const json =
  (value: unknown): Variant["body"] =>
  () => ({ json: value });

/** A version no record has: writes that compare it after authorizing answer 409 and change nothing. */
export const STALE = 999_999;

const READ: Allowed = { statuses: [200], why: "a read" };
const STALE_WRITE: Allowed = { statuses: [409], why: "sent with a stale expectedVersion: 409 after authorization, nothing changes" };
const REJECTED_BODY: Allowed = { statuses: [422], why: "sent with a body that fails validation after authorization: nothing changes" };
const WRITE: Allowed = {
  statuses: [200, 201, 409, 422],
  why: "a real write: 2xx, or 409/422 when the record's state or a rule about the body refuses it (the fixture is rebuilt if its state changes)",
};

const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));
let requisitionSerial = 0;
const pdfForm = (kind?: string) => () => {
  const form = new FormData();
  if (kind) form.set("kind", kind);
  form.append("file", new File([new Uint8Array(kind ? PDF_BYTES : PNG_BYTES)], kind ? "matrix.pdf" : "matrix.png", { type: kind ? "application/pdf" : "image/png" }));
  return form;
};

/** An upload that fails validation (a text file, no kind): sent by a refused caller to see which check comes first. */
export const invalidUploadForm = () => {
  const form = new FormData();
  form.append("file", new File(["not a pdf"], "matrix.txt", { type: "text/plain" }));
  return form;
};

// ---- variants generated from the domain's own tables ------------------------------------------------------------

/** Extra fields each case event's input needs (src/domain/schemas/cases.ts CASE_ACTION_INPUTS); the rest take none. */
const CASE_EVENT_FIELDS: Partial<Record<CaseEvent, (target: TargetView) => Record<string, unknown>>> = {
  // A random agency for the random case id: the body must parse for the 404 to be the case's.
  "assign-agency": (t) => ({ agencyId: t.subject.agencyId ?? randomUUID() }),
  "set-notification-requirement": () => ({ required: false }),
  accept: () => acceptInput(),
  "record-deposit": () => depositInput(),
  "submit-closure": () => ({ closureType: "ACC" }),
  "review-not-required": () => ({ office: "DTSA" }),
};

/** The case's current version: src/server/cases/perform-case-action.ts compares it before the event's own rule. */
export const caseActionBody = (event: CaseEvent) => (target: TargetView) => ({
  json: { expectedVersion: target.facts.caseVersion ?? 1, ...CASE_EVENT_FIELDS[event]?.(target) },
});

const caseActionVariants = (): Variant[] =>
  ACTOR_EVENTS.map((event) => ({
    name: event,
    params: { action: event },
    // perform-case-action.ts: parse → lock → viewCase → version → transition(): the event's permission, then state.
    steps: [LOAD, P("viewCase"), P(CASE_EVENTS[event].permission!)],
    body: caseActionBody(event),
  }));

/** URL name → the LOR workflow action whose permission the use case asks (src/server/lors/lor-actions.ts). */
export const LOR_URL_ACTIONS: Record<string, LorAction> = {
  submit: "submit",
  withdraw: "withdraw",
  acknowledge: "acknowledge",
  "mark-insufficient": "markInsufficient",
  "mark-actionable": "markActionable",
  "mark-complete": "markComplete",
  disapprove: "disapprove",
  "respond-pa": "respondPriceAndAvailability",
};

/** A valid body per LOR action, with a stale version (transitionLor authorizes, then compares it). */
export const LOR_ACTION_BODIES: Record<string, { body: Record<string, unknown>; schema: { safeParse(value: unknown): { success: boolean } } }> = {
  submit: { body: { expectedVersion: STALE }, schema: VersionOnlyInput },
  withdraw: { body: { expectedVersion: STALE, reason: "Matrix: no longer needed" }, schema: WithdrawLorInput },
  acknowledge: { body: { expectedVersion: STALE }, schema: AcknowledgeLorInput },
  "mark-insufficient": { body: { expectedVersion: STALE, reasons: "Matrix: the quantities are missing" }, schema: MarkInsufficientInput },
  "mark-actionable": { body: { expectedVersion: STALE }, schema: VersionOnlyInput },
  "mark-complete": { body: { expectedVersion: STALE }, schema: MarkCompleteInput },
  disapprove: { body: { expectedVersion: STALE, reason: "Matrix: not releasable" }, schema: DisapproveLorInput },
  "respond-pa": { body: { expectedVersion: STALE, estimatedValue: "1000000.00", availability: "Twelve months from acceptance" }, schema: RespondPriceAndAvailabilityInput },
};

const lorActionVariants = (): Variant[] =>
  Object.entries(LOR_URL_ACTIONS).map(([urlName, action]) => ({
    name: urlName,
    params: { action: urlName },
    // lor-transition.ts: lock → load → viewLor → the action's permission → version → state.
    steps: [LOAD, P("viewLor"), P(LOR_ACTION_PERMISSIONS[action])],
    body: json(LOR_ACTION_BODIES[urlName]?.body),
  }));

export const DOCUMENT_ACTION_BODIES: Record<(typeof DOCUMENT_ACTIONS)[number], Record<string, unknown>> = {
  submit: { expectedVersion: STALE, documentType: "AMENDMENT", reason: "Matrix: a change to the quantities" },
  approve: { expectedVersion: STALE },
  return: { expectedVersion: STALE, comment: "Matrix: rework the pricing" },
  accept: { expectedVersion: STALE, signerName: "Mira Castellan", signerTitle: "Director of Procurement" },
  withdraw: { expectedVersion: STALE },
};

const documentActionVariants = (): Variant[] =>
  DOCUMENT_ACTIONS.map((action) => ({
    name: action,
    params: { action },
    // perform-document-action.ts: parse → lock → viewCase → findDocument (hidden if not offered) → the step's rule → version.
    steps: [LOAD, P("viewCase"), DOCUMENT_HIDDEN, P(DOCUMENT_FLOW[action].permission)],
    body: json(DOCUMENT_ACTION_BODIES[action]),
  }));

/** The LOA PUT body: complete content with a stale version (save-loa-draft.ts authorizes, then compares it). */
export const LOA_DRAFT_BODY = draftInput(smallLoa(), STALE);

/** Static bodies are checked against the schemas, so a body that no longer parses fails setup, not 900 rows. */
export function invalidStaticBodies(): string[] {
  const problems: string[] = [];
  const check = (name: string, schema: { safeParse(value: unknown): { success: boolean } }, body: unknown) => {
    if (!schema.safeParse(body).success) problems.push(name);
  };
  for (const [name, { body, schema }] of Object.entries(LOR_ACTION_BODIES)) check(`LOR action ${name}`, schema, body);
  for (const action of DOCUMENT_ACTIONS) check(`document action ${action}`, DOCUMENT_ACTION_INPUTS[action], DOCUMENT_ACTION_BODIES[action]);
  const fakeCase: TargetView = { kind: "case", state: "IN_REVIEW", exists: true, subject: { agencyId: randomUUID() }, ids: {}, facts: { caseVersion: 3 } };
  for (const event of ACTOR_EVENTS) check(`case action ${event}`, CASE_ACTION_INPUTS[event], (caseActionBody(event)(fakeCase) as { json: unknown }).json);
  check("LOA draft", LoaDraftInput, LOA_DRAFT_BODY);
  check("LOR update", UpdateLorInput, { expectedVersion: STALE, subject: "Matrix edit" });
  for (const lorAction of Object.values(LOR_URL_ACTIONS)) if (!(lorAction in LOR_ACTION_PERMISSIONS)) problems.push(`LOR action ${lorAction} has no permission`);
  return problems;
}

// ---- the matrix --------------------------------------------------------------------------------------------------

const byRole = (partner: PolicyAction, usg: PolicyAction) => (actor: Actor) => (actor.role === "PARTNER_OFFICER" ? partner : usg);

export function matrixEntries(): MatrixEntry[] {
  const caseRead = (route: string, steps: Step[], allowed: Allowed = READ): MatrixEntry => ({
    route,
    method: "GET",
    target: "case",
    variants: one([LOAD, ...steps]),
    allowed,
  });
  const lineWrite = (what: string, rule: PolicyAction, body: () => unknown, allowed: Allowed): MatrixEntry => ({
    route: `cases/[id]/lines/[lineNumber]/${what}`,
    method: "POST",
    target: "case",
    // execution-store.ts lockAndAuthorize: lock → load → viewExecution → the rule → case status → line.
    variants: one([LOAD, P("viewExecution"), P(rule)], () => ({ json: body() })),
    allowed,
  });
  const sdr = (route: string, method: Method, steps: Step[], allowed: Allowed, body?: Variant["body"]): MatrixEntry => ({
    route: `cases/[id]/sdrs/[number]${route}`,
    method,
    target: "sdr",
    variants: one([LOAD, ...steps], body),
    allowed,
  });
  const list = (route: string, steps: Step[], method: Method = "GET", allowed: Allowed = READ, body?: Variant["body"]): MatrixEntry => ({
    route,
    method,
    target: "none",
    variants: one(steps, body),
    allowed,
  });

  return [
    // Lists, reference data and the caller's own things.
    list("audit-events", [U("viewAuditLog")]),
    list("cases", [U("listCases")]),
    // export-cases.ts / export-lors.ts: the list's own rule, before anything is read (ADR 0025).
    list("cases/export", [U("listCases")]),
    list("change-tasks", [U("listMyTasks")]),
    list("lor-tasks", [U("listMyTasks")]),
    list("tasks", [U("listMyTasks")]),
    list("sdr-tasks", [U("viewExecution")]),
    list("offered-amendments", [
      // list-offered-amendments.ts: "Partner officers only" — but everyone else gets an empty page (200), not 403.
      { kind: "shortcut", name: "non-partners get an empty page before respondToOffer is asked", answers: (actor) => actor.role !== "PARTNER_OFFICER" },
      U("respondToOffer"),
    ]),
    list("organizations", [U("listOrganizations")]),
    list("policy", [U("viewPolicyRates")]),
    list("policy/changes", [U("viewPolicyAdministration")]),
    list("policy/changes", [U("proposePolicyChange")], "POST", REJECTED_BODY, json({})),
    { route: "policy/series/[key]", method: "GET", target: "none", variants: [{ name: "", params: { key: RATE_KEYS.adminSurcharge }, steps: [U("viewPolicyAdministration")] }], allowed: READ },
    list("pricing/quote", [U("quotePricing")], "POST", REJECTED_BODY, json({ lines: [] })),
    list("lors", [U("listLors")]),
    // search-everything.ts: both list rules, before anything is read.
    list("search", [U("listCases"), U("listLors")], "GET", { statuses: [422], why: "sent without the required q: 422 after authorization, nothing is read" }),
    list("lors/export", [U("listLors")]),
    list("lors", [U("createLor")], "POST", REJECTED_BODY, json({ matrixUnknownField: true })),
    list("me", []),
    list("me/tokens", [U("manageOwnApiTokens")]),
    list("me/tokens", [U("manageOwnApiTokens")], "POST", REJECTED_BODY, json({})),
    // rotate-own-signing-key.ts: one's own key, no body: it always succeeds.
    list("me/signing-key/rotation", [U("manageOwnSigningKey")], "POST", { statuses: [200], why: "rotating one's own signing key needs no body and always succeeds" }),
    list("me/signing-key", [U("manageOwnSigningKey")]),
    list("me/signing-key/revocation", [U("manageOwnSigningKey")], "POST", REJECTED_BODY, json({})),
    // The caller's own notifications (list-notifications.ts, mark-notifications-read.ts) and live stream.
    list("me/notifications", [U("readOwnNotifications")]),
    list("me/notifications/unread-count", [U("readOwnNotifications")]),
    list("me/notifications/read", [U("readOwnNotifications")], "POST", REJECTED_BODY, json({})),
    list("live", [U("readOwnNotifications")]),
    list("me/notification-preferences", [U("manageOwnNotificationPreferences")]),
    list("me/notification-preferences", [U("manageOwnNotificationPreferences")], "PUT", REJECTED_BODY, json({ preferences: { "no-such-kind": "OFF" } })),
    list("me/display-preferences", [U("manageOwnDisplayPreferences")]),
    list("me/display-preferences", [U("manageOwnDisplayPreferences")], "PUT", REJECTED_BODY, json({ locale: "xx" })),
    // The event feed (list-events.ts) and webhook subscriptions (src/server/webhooks/*): the role first, before
    // anything is read or parsed; a subscription's organization after it is loaded (another's answers 404).
    list("events", [U("readEventFeed")]),
    list("webhooks", [U("manageWebhooks")]),
    list("webhooks", [U("manageWebhooks")], "POST", REJECTED_BODY, json({})),
    { route: "webhooks/[id]", method: "GET", target: "webhook", variants: one([U("manageWebhooks"), LOAD, P("manageWebhooks")]), allowed: READ },
    // update-webhook.ts: manageWebhooks (role) → parse → lock and load → manageWebhooks on { organizationId } → version.
    { route: "webhooks/[id]", method: "PATCH", target: "webhook", variants: one([U("manageWebhooks"), LOAD, P("manageWebhooks")], json({ expectedVersion: STALE })), allowed: STALE_WRITE },
    { route: "webhooks/[id]/secret", method: "POST", target: "webhook", variants: one([U("manageWebhooks"), LOAD, P("manageWebhooks")], json({ expectedVersion: STALE })), allowed: STALE_WRITE },
    { route: "webhooks/[id]", method: "DELETE", target: "webhook", variants: one([U("manageWebhooks"), LOAD, P("manageWebhooks")]), allowed: { statuses: [200], why: "deletes the fixture subscription (ensure makes it again)" } },
    // redeliver-webhook.ts: the subscription first; a random delivery id is then a plain 404.
    {
      route: "webhooks/[id]/deliveries/[deliveryId]/redelivery",
      method: "POST",
      target: "webhook",
      variants: [{ name: "", params: { deliveryId: "00000000-0000-4000-8000-000000000000" }, steps: [U("manageWebhooks"), LOAD, P("manageWebhooks")] }],
      allowed: { statuses: [404], why: "the subscription is authorized, then the delivery is not there", notFound: /Delivery not found/ },
    },
    list("statements/issue", [U("issueStatements")], "POST", { statuses: [200], why: "issues the statements due today (other files scope their runs by case)" }),
    list("users", [U("listUsers")]),
    // get-dashboard.ts: everyone has one, scoped to what they may see (partners their country, agencies their agency).
    list("dashboard", [U("viewDashboard")]),
    // list-offices.ts / assign-office-accountable.ts: administrators only, before anything is read or parsed.
    list("offices", [U("assignOfficeAccountable")]),
    {
      route: "offices/[office]/accountable",
      method: "PUT",
      target: "none",
      variants: [{ name: "", params: { office: "DTSA_REVIEWER" }, steps: [U("assignOfficeAccountable")], body: json({}) }],
      allowed: REJECTED_BODY,
    },
    list("users", [U("createUser")], "POST", REJECTED_BODY, json({})),

    // Users: the caller's own account and another person's.
    { route: "users/[id]", method: "GET", target: "user", variants: one([U("viewUser"), LOAD]), allowed: READ },
    {
      route: "users/[id]",
      method: "PATCH",
      target: "user",
      // update-user.ts: viewUser → parse → deactivateUser / changeUserRole on { userId } → load → version.
      variants: [
        { name: "deactivate", steps: [U("viewUser"), P("deactivateUser"), LOAD], body: json({ expectedVersion: STALE, active: false }) },
        { name: "change role", steps: [U("viewUser"), P("changeUserRole"), LOAD], body: json({ expectedVersion: STALE, role: "AUDITOR" }) },
      ],
      allowed: STALE_WRITE,
    },

    // Organizations: the partner's own country, and an implementing agency (another organization for a partner).
    { route: "organizations/[id]", method: "GET", target: "organization", variants: one([LOAD, P("viewOrganization")]), allowed: READ },
    {
      route: "organizations/[id]/confirm",
      method: "POST",
      target: "organization",
      variants: one([U("confirmReferenceData"), LOAD], json({ expectedVersion: STALE })),
      allowed: STALE_WRITE,
    },

    // Personal API tokens: the caller's spare token, and another person's.
    {
      route: "me/tokens/[id]",
      method: "DELETE",
      target: "token",
      variants: one([
        U("manageOwnApiTokens"),
        LOAD,
        {
          kind: "gate",
          name: "another person's API token (revoke-api-token.ts filters by user id, plain notFound)",
          decision: "not-found",
          refuses: (actor, t) => t.facts.ownerId !== actor.userId,
        },
      ]),
      allowed: { statuses: [200], why: "revokes the caller's own spare token" },
    },

    // Policy changes: one proposed by the policy officer, one by the administrator (two-person rule).
    { route: "policy/changes/[id]", method: "GET", target: "policyChange", variants: one([U("viewPolicyAdministration"), LOAD]), allowed: READ },
    { route: "policy/changes/[id]/impact", method: "GET", target: "policyChange", variants: one([U("viewPolicyAdministration"), LOAD]), allowed: READ },
    {
      route: "policy/changes/[id]/impact",
      method: "POST",
      target: "policyChange",
      variants: one([U("proposePolicyChange"), LOAD]),
      allowed: { statuses: [409], why: "the fixture proposals are already decided: 409 after authorization" },
    },
    ...(["approval", "rejection"] as const).map(
      (route): MatrixEntry => ({
        route: `policy/changes/[id]/${route}`,
        method: "POST",
        target: "policyChange",
        variants: one([U("viewPolicyAdministration"), LOAD, P("decidePolicyChange")], json({ expectedVersion: STALE, note: "Matrix" })),
        allowed: STALE_WRITE,
      }),
    ),
    {
      route: "policy/changes/[id]/withdrawal",
      method: "POST",
      target: "policyChange",
      variants: one(
        [
          U("viewPolicyAdministration"),
          LOAD,
          {
            kind: "gate",
            name: "only the proposer may withdraw (decide-policy-change.ts, hand-written AppError FORBIDDEN)",
            decision: "forbidden",
            refuses: (actor, t) => t.facts.ownerId !== actor.userId,
          },
        ],
        json({ expectedVersion: STALE }),
      ),
      allowed: STALE_WRITE,
    },

    // Letters of request.
    { route: "lors/[id]", method: "GET", target: "lor", variants: one([LOAD, P("viewLor")]), allowed: READ },
    {
      route: "lors/[id]",
      method: "PATCH",
      target: "lor",
      variants: one([LOAD, P("viewLor"), P("editLor")], json({ expectedVersion: STALE, subject: "Matrix edit" })),
      allowed: STALE_WRITE,
    },
    { route: "lors/[id]/events", method: "GET", target: "lor", variants: one([LOAD, P("viewLor")]), allowed: READ },
    { route: "lors/[id]/attachments", method: "GET", target: "lor", variants: one([LOAD, P("viewLor")]), allowed: READ },
    {
      route: "lors/[id]/attachments",
      method: "POST",
      target: "lor",
      variants: one([LOAD, P("viewLor"), P("editLor")], () => ({ form: pdfForm("OTHER") })),
      allowed: { statuses: [201, 409], why: "attaches to the own draft; a sent letter is not editable (409)" },
    },
    { route: "lors/[id]/attachments/[attachmentId]", method: "GET", target: "lor", variants: one([LOAD, P("viewLor")]), allowed: READ },
    {
      route: "lors/[id]/attachments/[attachmentId]",
      method: "DELETE",
      target: "lor",
      variants: one([LOAD, P("viewLor"), P("editLor")]),
      allowed: { statuses: [200, 409], why: "removes it from the own draft (the fixture puts it back); a sent letter is not editable (409)" },
    },
    { route: "lors/[id]/[action]", method: "POST", target: "lor", variants: lorActionVariants(), allowed: STALE_WRITE },

    // Cases, in every state of CASE_STATES.
    caseRead("cases/[id]", [P("viewCase")]),
    {
      route: "cases/[id]/actions/[action]",
      method: "POST",
      target: "case",
      variants: caseActionVariants(),
      allowed: {
        statuses: [200, 409, 422],
        why: "sent with the current version: 200 when the event applies (the fixture is rebuilt if the case moved), 409 when the state or a guard refuses it, 422 when a comment or field is missing",
      },
    },
    caseRead("cases/[id]/prediction", [P("viewCase")]),
    caseRead("cases/[id]/events", [P("viewCase")]),
    caseRead("cases/[id]/timeline", [P("viewCase")]),
    caseRead("cases/[id]/audit", [P("viewCase"), P("viewCaseAudit")]),
    // get-case-evidence.ts: the case first (another country's is a 404), then the evidence rule.
    caseRead("cases/[id]/evidence", [P("viewCase"), P("viewCaseEvidence")]),
    caseRead("cases/[id]/closure", [P("viewCase"), P("viewExecution")]),
    caseRead("cases/[id]/closure-certificate", [P("viewCase"), P("viewExecution")], {
      statuses: [404],
      why: "no case in the matrix is closed: 404 after authorization",
      notFound: /no closure certificate until the case is closed/,
    }),
    caseRead("cases/[id]/documents", [P("viewCase")]),
    { route: "cases/[id]/documents/[number]", method: "GET", target: "case", variants: one([LOAD, P("viewCase"), DOCUMENT_HIDDEN]), allowed: READ },
    // compare-documents.ts: loadLoaContext (viewCase; partners see offered documents only), then the query. The matrix
    // sends none, so it compares the document in force with the latest version the caller can see: a partner before
    // the offer can see none, and gets findDocument's plain 404.
    { route: "cases/[id]/documents/compare", method: "GET", target: "case", variants: one([LOAD, P("viewCase"), DOCUMENT_HIDDEN]), allowed: READ },
    { route: "cases/[id]/documents/[number]/pdf", method: "GET", target: "case", variants: one([LOAD, P("viewCase"), DOCUMENT_HIDDEN]), allowed: READ },
    { route: "cases/[id]/documents/[number]/actions/[action]", method: "POST", target: "case", variants: documentActionVariants(), allowed: STALE_WRITE },
    caseRead("cases/[id]/execution", [P("viewExecution")]),
    caseRead("cases/[id]/finances", [P("viewCase"), P("viewFinances")]),
    caseRead("cases/[id]/loa", [P("viewCase"), P("viewLoaInternals")]),
    {
      route: "cases/[id]/loa",
      method: "PUT",
      target: "case",
      variants: one([LOAD, P("viewCase"), P("viewLoaInternals"), P("editLoa")], json(LOA_DRAFT_BODY)),
      allowed: STALE_WRITE,
    },
    {
      route: "cases/[id]/annual-reviews",
      method: "POST",
      target: "case",
      variants: one([LOAD, P("viewCase"), P("reviewCaseAnnually")], json({ loaMatchesDeliveries: true, loaMatchesContracts: true, scheduleAdjusted: true })),
      allowed: WRITE,
    },
    {
      route: "cases/[id]/payments",
      method: "POST",
      target: "case",
      variants: one([LOAD, P("viewCase"), P("recordPayment")], () => ({ json: { amount: "100.00", valueDate: daysAgo(1), reference: `MATRIX-${randomUUID().slice(0, 8)}` } })),
      allowed: WRITE,
    },
    lineWrite("obligations", "recordExecution", () => ({ contractNumber: "W15P7T-26-C-0142", awardedOn: daysAgo(1), amount: "1000.00" }), WRITE),
    lineWrite(
      "requisitions",
      "submitRequisition",
      () => ({
        documentNumber: milstripDocumentNumber({ serviceCode: "Y", countryCode: "QQ", day: isoDay(new Date()), serial: (requisitionSerial += 1) % 10_000 }),
        itemDescription: "Matrix impeller",
        quantity: 1,
        unitPrice: "10.00",
        priority: "05",
      }),
      { statuses: [409, 422], why: "line 001 is a defined-order line: requisitions are refused after authorization" },
    ),
    lineWrite(
      "shipments",
      "recordExecution",
      () => ({ documentNumber: "SHP-MATRIX01", quantity: 11, shippedOn: daysAgo(3), mode: "AIR", trackingReference: "TCN MATRIX" }),
      { statuses: [409, 422], why: "11 of line 001's 10 units: refused after authorization (409 before execution)" },
    ),
    lineWrite("services", "recordExecution", () => ({ performedFrom: daysAgo(40), performedTo: daysAgo(10), units: "1", value: "1000.00", description: "Matrix service" }), WRITE),
    lineWrite("completion", "recordExecution", () => ({ outcome: "SUPPLY_COMPLETE" }), WRITE),
    caseRead("cases/[id]/sdrs", [P("viewExecution")]),
    {
      route: "cases/[id]/sdrs",
      method: "POST",
      target: "case",
      // file-sdr.ts / sdr-core.ts: parse → lock → viewExecution → fileSdr → closed case → shipment of this case.
      variants: one([LOAD, P("viewExecution"), P("fileSdr")], () => ({
        json: { shipmentId: randomUUID(), type: "DAMAGE", quantityAffected: 1, valueAffected: "100.00", description: "Matrix: a dented crate" },
      })),
      allowed: { statuses: [422], why: "names no shipment of the case: 422 after authorization" },
    },
    {
      route: "cases/[id]/shipments/[shipmentId]/status",
      method: "POST",
      target: "sdr",
      // execution-store.ts updateShipmentStatusTx: parse → the rule depends on the new status → lock → viewExecution → rule.
      variants: [
        { name: "in transit", steps: [LOAD, P("viewExecution"), P("recordExecution")], body: json({ expectedVersion: STALE, status: "IN_TRANSIT" }) },
        {
          name: "received",
          steps: [LOAD, P("viewExecution"), P("receiveShipment")],
          body: json({ expectedVersion: STALE, status: "RECEIVED", receivedOn: daysAgo(1), receivedBy: "Matrix receiving officer" }),
        },
      ],
      allowed: STALE_WRITE,
    },
    {
      route: "cases/[id]/statements/[statementId]/pdf",
      method: "GET",
      target: "sdr",
      variants: one([LOAD, P("viewCase"), P("viewFinances")]),
      allowed: READ,
    },
    // The executing case's SDR.
    sdr("", "GET", [P("viewExecution")], READ),
    sdr("/comments", "GET", [P("viewExecution")], READ),
    sdr(
      "/comments",
      "POST",
      [P("viewExecution"), P("commentOnSdr")],
      { statuses: [201, 422], why: "staff comments are added; a partner may not choose a visibility (422 after authorization)" },
      json({ text: "Matrix comment", visibility: "PARTNER_VISIBLE" }),
    ),
    sdr("/attachments", "GET", [P("viewExecution")], READ),
    sdr(
      "/attachments",
      "POST",
      // sdr-core.ts attachToSdrInTx: viewExecution, then fileSdr for partners and decideSdr for everyone else.
      [P("viewExecution"), P(byRole("fileSdr", "decideSdr"))],
      { statuses: [201], why: "adds a photo to the open report" },
      () => ({ form: pdfForm() }),
    ),
    sdr("/attachments/[attachmentId]", "GET", [P("viewExecution")], READ),
    sdr("/decision", "POST", [P("viewExecution"), P("decideSdr")], STALE_WRITE, json({ expectedVersion: STALE, decision: "REJECTED", reason: "Matrix: not a discrepancy" })),
    sdr("/reconsideration", "POST", [P("viewExecution"), P("fileSdr")], STALE_WRITE, json({ expectedVersion: STALE, reason: "Matrix: please look again" })),
    sdr("/acceptance", "POST", [P("viewExecution"), P("fileSdr")], STALE_WRITE, json({ expectedVersion: STALE })),
  ];
}
