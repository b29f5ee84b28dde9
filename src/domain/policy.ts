// Who may do what: the one permission table. Use cases enforce it with assertCan(); pages and navigation call
// can() to hide what a person may not do. Partner officers are confined to their own country.
import { isUsgRole, ROLES, type OrganizationKind, type Role } from "./roles";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  /** The FMS customer code of a partner officer's country; null for USG staff. */
  countryCode: string | null;
  sessionId: string | null;
  tokenId: string | null;
}

/** The user fields an Actor is built from, wherever the user was loaded. */
export interface ActingUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organization: { kind: OrganizationKind; name: string; code: string };
}

export function actorFromUser(user: ActingUser, ids: { sessionId?: string; tokenId?: string } = {}): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.organization.kind,
    organizationName: user.organization.name,
    countryCode: user.organization.kind === "PARTNER_COUNTRY" ? user.organization.code : null,
    sessionId: ids.sessionId ?? null,
    tokenId: ids.tokenId ?? null,
  };
}

/** The record a rule looks at. Only the fields rules need, so the table stays independent of storage. */
export interface PolicySubject {
  organizationId?: string;
  organizationKind?: OrganizationKind;
  countryCode?: string | null;
  userId?: string;
  /** A letter of request that has been submitted at least once (U.S. Government staff never see unsent drafts). */
  submitted?: boolean;
  /** The implementing agency a letter of request is routed to, if any. */
  agencyId?: string | null;
}

type Rule = {
  roles: readonly Role[] | "everyone";
  /** Extra condition on the record (beyond country isolation, which applies to every rule). */
  when?: (actor: Actor, subject: PolicySubject) => boolean;
  /** The record is not there for this actor at all (404), e.g. a partner's unsent draft for U.S. Government staff. */
  hiddenWhen?: (actor: Actor, subject: PolicySubject) => boolean;
  description: string;
};

const isUsg = (actor: Actor) => actor.role !== "PARTNER_OFFICER";
const unsentDraft = (actor: Actor, subject: PolicySubject) => isUsg(actor) && subject.submitted === false;
/** Agency case managers work the letters routed to their agency, and unrouted ones any agency may pick up. */
const routedToActorsAgency = (actor: Actor, subject: PolicySubject) =>
  actor.role !== "IA_CASE_MANAGER" || !subject.agencyId || subject.agencyId === actor.organizationId;

/** Agency case managers act on the cases of their own agency only. */
const actorsAgency = (actor: Actor, subject: PolicySubject) =>
  actor.role !== "IA_CASE_MANAGER" || (subject.agencyId !== undefined && subject.agencyId === actor.organizationId);

const USG: readonly Role[] = ROLES.filter(isUsgRole);

/**
 * Another agency's webhook subscription is not there (404) for an agency case manager, as another country's is not for
 * a partner officer (isForeignToActor); administrators manage every organization's.
 */
const otherOrganizationsWebhook = (actor: Actor, subject: PolicySubject) =>
  actor.role === "IA_CASE_MANAGER" && subject.organizationId !== undefined && subject.organizationId !== actor.organizationId;

/** A record belonging to another purchaser than the partner officer's own. USG staff see every country. */
export function isForeignToActor(actor: Actor, subject: PolicySubject): boolean {
  return (
    actor.role === "PARTNER_OFFICER" &&
    subject.organizationId !== undefined &&
    subject.organizationId !== actor.organizationId
  );
}

export const POLICY = {
  viewOwnProfile: { roles: "everyone", description: "See your own profile and session" },
  manageOwnApiTokens: { roles: "everyone", description: "Create, list and revoke your own API tokens" },
  manageOwnSigningKey: {
    roles: "everyone",
    description: "Rotate your own key for signing binding decisions: a new key signs from now on, the old one keeps verifying its signatures",
  },
  readOwnNotifications: { roles: "everyone", description: "Read and mark your own notifications and follow live updates" },
  manageOwnNotificationPreferences: { roles: "everyone", description: "See and change how and when Caseway e-mails you" },
  manageOwnDisplayPreferences: { roles: "everyone", description: "See and change your own language and time zone" },
  readEventFeed: {
    roles: "everyone",
    description: "Read the event feed: partners their country's partner-visible events, agency case managers their agency's, other staff all",
  },
  manageWebhooks: {
    roles: ["PARTNER_OFFICER", "IA_CASE_MANAGER", "ADMIN"],
    hiddenWhen: otherOrganizationsWebhook,
    description: "Create, change, delete and redeliver your organization's webhook subscriptions; administrators any organization's",
  },
  viewOrganization: {
    roles: "everyone",
    description: "See an organization; partners only their own",
  },
  listOrganizations: { roles: "everyone", description: "List organizations (partners get only their own)" },
  viewOrganizationMembers: {
    roles: [...USG, "PARTNER_OFFICER"],
    description: "See who works for an organization; partners only their own colleagues",
  },
  confirmReferenceData: {
    roles: ["ADMIN"],
    description: "Confirm a reference code seeded as unverified after checking it against SAMM",
  },
  listUsers: { roles: ["ADMIN"], description: "List and search every user" },
  viewUser: { roles: ["ADMIN"], description: "See any user's account" },
  createUser: { roles: ["ADMIN"], description: "Create a user" },
  changeUserRole: {
    roles: ["ADMIN"],
    when: (actor, subject) => subject.userId !== actor.userId,
    description: "Change another user's role or organization",
  },
  deactivateUser: {
    roles: ["ADMIN"],
    when: (actor, subject) => subject.userId !== actor.userId,
    description: "Deactivate or reactivate another user",
  },
  viewAuditLog: { roles: ["AUDITOR", "ADMIN"], description: "Read the audit log" },
  viewPolicyRates: { roles: "everyone", description: "Read the rates, thresholds and clocks in force (the what-if calculator shows them)" },
  viewPolicyAdministration: {
    roles: ["ADMIN", "POLICY_OFFICER", "AUDITOR"],
    description: "Read every policy row's history, the proposed changes and their impact",
  },
  proposePolicyChange: {
    roles: ["ADMIN", "POLICY_OFFICER"],
    description: "Propose a new rate, threshold or clock row, effective today or later, citing its source",
  },
  decidePolicyChange: {
    roles: ["ADMIN"],
    when: (actor, subject) => subject.userId !== actor.userId,
    description: "Approve or reject another person's proposed policy change (two-person rule)",
  },
  listLors: {
    roles: "everyone",
    description: "List letters of request: partners their own country's, USG staff every submitted one",
  },
  viewLor: {
    roles: "everyone",
    hiddenWhen: unsentDraft,
    description: "Read a letter of request, its attachments and timeline; USG staff only once it has been submitted",
  },
  createLor: { roles: ["PARTNER_OFFICER"], description: "Start a draft letter of request for your country" },
  editLor: {
    roles: ["PARTNER_OFFICER"],
    description: "Change a draft or insufficient letter of request, and its attachments",
  },
  submitLor: { roles: ["PARTNER_OFFICER"], description: "Submit or resubmit a letter of request" },
  withdrawLor: { roles: ["PARTNER_OFFICER"], description: "Withdraw your country's letter of request" },
  validateLor: {
    roles: ["DSCA_ANALYST", "IA_CASE_MANAGER"],
    hiddenWhen: unsentDraft,
    when: routedToActorsAgency,
    description:
      "Acknowledge a letter of request and validate it: insufficient, actionable, complete (opening a case) or a P&A answer",
  },
  disapproveLor: {
    roles: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER"],
    hiddenWhen: unsentDraft,
    description: "Disapprove a letter of request for policy, technology-security or eligibility reasons",
  },
  listImplementingAgencies: {
    roles: "everyone",
    description: "List implementing agencies (reference data every user may read, e.g. to name a preferred agency)",
  },
  listCases: { roles: "everyone", description: "List cases: partners their own country's, USG staff all" },
  viewCase: { roles: "everyone", description: "Read a case; another country's answers 404" },
  viewDashboard: {
    roles: "everyone",
    description: "See the dashboards: partners their own country's cases, agency case managers their agency's, other staff all",
  },
  assignOfficeAccountable: { roles: ["ADMIN"], description: "Name the person accountable for an office's queue of cases" },
  viewCaseAudit: {
    roles: USG,
    description: "Read a case's tamper-evident audit trail and its verification (U.S. Government staff)",
  },
  viewCaseEvidence: {
    roles: "everyone",
    description:
      "Download a case's evidence bundle: its PDFs, signed decisions, public keys and audit chain (partners: their own country's cases, with the events hidden from them as hashes only)",
  },
  listMyTasks: {
    roles: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER", "FINANCE_OFFICER"],
    description: "See the cases and reviews waiting on your office",
  },
  // Case workflow (src/domain/workflow/case-workflow.ts names the rule behind each event).
  assignCaseAgency: { roles: ["DSCA_ANALYST"], description: "Assign or reassign a case's implementing agency" },
  developLoa: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Approve the LOA for the agency (MILAP), sign it (MILSGN), offer it and restate it — own agency only",
  },
  decideReview: {
    roles: ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER"],
    description: "Decide your office's review of a case: concur, concur with comment, return for rework or disapprove",
  },
  waiveReview: {
    roles: ["DSCA_ANALYST"],
    description: "Record, with a reason, that a case's State or DTSA review is not required (never DSCA's own review)",
  },
  manageNotification: {
    roles: ["DSCA_ANALYST"],
    description: "Set whether congressional notification is required, send it to State and notify Congress",
  },
  clearNotification: { roles: ["STATE_REVIEWER"], description: "Clear a congressional notification for the Department of State" },
  holdNotification: {
    roles: ["DSCA_ANALYST", "STATE_REVIEWER"],
    description: "Place or release a political hold on a congressional notification",
  },
  countersignLoa: { roles: ["DSCA_ANALYST"], description: "Countersign an LOA for DSCA" },
  respondToOffer: {
    roles: ["PARTNER_OFFICER"],
    description: "Accept an offered LOA for your country, or ask for changes",
  },
  implementCase: {
    roles: ["DSCA_ANALYST"],
    description: "Approve emergency implementation of an accepted case before its deposit has arrived",
  },
  recordDeposit: {
    roles: ["DSCA_ANALYST", "FINANCE_OFFICER"],
    description: "Record an initial deposit that arrived (amount, value date, wire reference); the case is implemented once covered",
  },
  executeCase: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Start execution, declare supply and services complete, and submit the closure certificate — own agency only",
  },
  closeCase: { roles: ["DSCA_ANALYST"], description: "Close a case once its closure certificate is in" },
  reopenCase: { roles: ["DSCA_ANALYST"], description: "Reopen a closed case, with a reason" },
  // After acceptance (issue 12): execution per line, SDRs, billing and closure.
  viewExecution: {
    roles: "everyone",
    description: "See a case's lines, contracts, requisitions, shipments, services and SDRs; partners their own country's",
  },
  recordExecution: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Record contracts, shipments and services performed, and declare lines supply/services complete — own agency only",
  },
  submitRequisition: {
    roles: ["PARTNER_OFFICER", "IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Requisition items against a Blanket Order or CLSSA line's remaining value",
  },
  receiveShipment: {
    roles: ["PARTNER_OFFICER", "IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Record that a shipment arrived, and who received it",
  },
  fileSdr: {
    roles: ["PARTNER_OFFICER"],
    description: "File a Supply Discrepancy Report against a shipment, or ask once for reconsideration of its decision",
  },
  decideSdr: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Decide a Supply Discrepancy Report: credit, replacement, repair and return, or rejection — own agency only",
  },
  commentOnSdr: {
    roles: ["PARTNER_OFFICER", "IA_CASE_MANAGER", "DSCA_ANALYST"],
    when: actorsAgency,
    description: "Comment on a Supply Discrepancy Report (U.S. Government-only comments never reach the partner)",
  },
  viewFinances: {
    roles: "everyone",
    description: "See a case's deposits, statements, payments, balance and arrears; partners their own country's",
  },
  recordPayment: {
    roles: ["FINANCE_OFFICER"],
    description: "Record a payment received against a case's statements",
  },
  issueStatements: {
    roles: ["FINANCE_OFFICER"],
    description: "Issue the quarter's billing statements now (the job issues them on its own; a run issues each once)",
  },
  reviewCaseAnnually: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Complete the annual case review (reconciliation checklist) — own agency only",
  },
  controlCase: { roles: ["DSCA_ANALYST"], description: "Suspend, resume or cancel a case, with a reason" },
  // LOA documents and pricing (src/server/loa).
  editLoa: {
    roles: ["IA_CASE_MANAGER"],
    when: actorsAgency,
    description: "Draft and price the LOA, and propose Amendments and Modifications — own agency only",
  },
  viewLoaInternals: {
    roles: USG,
    description: "Read LOA drafts, documents in review and internal pricing notes (U.S. Government staff)",
  },
  decideLoaChange: { roles: ["DSCA_ANALYST"], description: "Approve or return an Amendment or Modification" },
  quotePricing: { roles: "everyone", description: "Price what-if lines at the rates in force (no case needed)" },
} satisfies Record<string, Rule>;

export type PolicyAction = keyof typeof POLICY;

export type Decision = "allow" | "forbidden" | "not-found";

/**
 * Role not allowed → "forbidden" (403). A record of another country → "not-found" (404) for every
 * action, so a partner cannot even learn that another country's record exists.
 */
export function decide(actor: Actor, action: PolicyAction, subject: PolicySubject = {}): Decision {
  const rule: Rule = POLICY[action];
  if (isForeignToActor(actor, subject)) return "not-found";
  if (rule.hiddenWhen?.(actor, subject)) return "not-found";
  if (rule.roles !== "everyone" && !rule.roles.includes(actor.role)) return "forbidden";
  if (rule.when && !rule.when(actor, subject)) return "forbidden";
  return "allow";
}

export function can(actor: Actor, action: PolicyAction, subject: PolicySubject = {}): boolean {
  return decide(actor, action, subject) === "allow";
}
