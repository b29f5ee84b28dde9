// Who hears of an event (issue 15), pure: the people it gives work to, then the kind's followers. A partner's officers
// hear only of what the partner may see, and only for their own country; an agency's case managers only of their
// agency's cases. The person who acted is not told of their own act.
import type { Role } from "../roles";
import { NOTIFICATION_RULES, type Follower, type NotificationKind, type NotificationReason } from "./kinds";

/** Work the event left on the record: an inbox key of src/domain/workflow/inbox.ts, possibly for one person. */
export interface WorkOnRecord {
  inbox: string;
  userId: string | null;
  excludedUserIds: readonly string[];
}

export interface EventScope {
  kind: NotificationKind;
  /** The partner may see this event (it has partner wording). */
  partnerVisible: boolean;
  countryId: string | null;
  agencyId: string | null;
  actorUserId: string | null;
  work: readonly WorkOnRecord[];
  /** People the event names (who proposed a policy change, who owns a failing webhook), whatever their role. */
  namedUserIds?: readonly string[];
}

/** A group of people: everyone in `role` (in `organizationId` when set), or one person. */
export interface AudienceSelector {
  /** Null: any role (a person the event names). */
  role: Role | null;
  organizationId: string | null;
  userId: string | null;
  excludedUserIds: readonly string[];
  reason: NotificationReason;
}

export interface Person {
  id: string;
  role: Role;
  organizationId: string;
}

const FOLLOWER_ROLES: Record<Follower, Role> = {
  PARTNER: "PARTNER_OFFICER",
  AGENCY: "IA_CASE_MANAGER",
  DSCA: "DSCA_ANALYST",
  FINANCE: "FINANCE_OFFICER",
  ADMIN: "ADMIN",
  POLICY: "POLICY_OFFICER",
};

/** "IA_CASE_MANAGER:<agency>" → the agency's case managers; "DSCA_ANALYST" → every DSCA analyst. */
export function selectorOfWork(work: WorkOnRecord): AudienceSelector {
  const [role, organizationId] = work.inbox.split(":") as [Role, string | undefined];
  return { role, organizationId: organizationId ?? null, userId: work.userId, excludedUserIds: work.excludedUserIds, reason: "action" };
}

export function audienceOf(scope: EventScope): AudienceSelector[] {
  const selectors = scope.work.map(selectorOfWork);
  for (const userId of scope.namedUserIds ?? []) selectors.push({ role: null, organizationId: null, userId, excludedUserIds: [], reason: "update" });
  for (const follower of NOTIFICATION_RULES[scope.kind].followers) {
    if (follower === "PARTNER" && (!scope.partnerVisible || !scope.countryId)) continue;
    if (follower === "AGENCY" && !scope.agencyId) continue;
    const organizationId = follower === "PARTNER" ? scope.countryId : follower === "AGENCY" ? scope.agencyId : null;
    selectors.push({ role: FOLLOWER_ROLES[follower], organizationId, userId: null, excludedUserIds: [], reason: "update" });
  }
  return selectors;
}

const matches = (selector: AudienceSelector, person: Person) =>
  (selector.role === null || person.role === selector.role) &&
  (selector.organizationId === null || person.organizationId === selector.organizationId) &&
  (selector.userId === null || person.id === selector.userId) &&
  !selector.excludedUserIds.includes(person.id);

/**
 * The people among `candidates` who hear of the event, each once, with why: work for them outranks an update. A
 * partner officer is never told of a U.S. Government-internal event, whatever selected them.
 */
export function recipientsOf(scope: EventScope, candidates: readonly Person[]): { person: Person; reason: NotificationReason }[] {
  const selectors = audienceOf(scope);
  const chosen = new Map<string, { person: Person; reason: NotificationReason }>();
  for (const selector of selectors) {
    for (const person of candidates) {
      if (person.id === scope.actorUserId || !matches(selector, person)) continue;
      if (person.role === "PARTNER_OFFICER" && (!scope.partnerVisible || person.organizationId !== scope.countryId)) continue;
      const earlier = chosen.get(person.id);
      if (!earlier || (earlier.reason === "update" && selector.reason === "action")) chosen.set(person.id, { person, reason: selector.reason });
    }
  }
  return [...chosen.values()];
}
