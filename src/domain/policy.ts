// Who may do what: the one permission table. Use cases enforce it with assertCan(); pages and navigation call
// can() to hide what a person may not do. Partner officers are confined to their own country.
import type { OrganizationKind, Role } from "./roles";

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
}

type Rule = {
  roles: readonly Role[] | "everyone";
  /** Extra condition on the record (beyond country isolation, which applies to every rule). */
  when?: (actor: Actor, subject: PolicySubject) => boolean;
  description: string;
};

const USG: readonly Role[] = ["DSCA_ANALYST", "STATE_REVIEWER", "DTSA_REVIEWER", "IA_CASE_MANAGER", "ADMIN", "AUDITOR"];

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
  if (rule.roles !== "everyone" && !rule.roles.includes(actor.role)) return "forbidden";
  if (rule.when && !rule.when(actor, subject)) return "forbidden";
  return "allow";
}

export function can(actor: Actor, action: PolicyAction, subject: PolicySubject = {}): boolean {
  return decide(actor, action, subject) === "allow";
}
