// E-mail preferences (issue 15 §3), pure: which kinds of notice a person in a role can actually receive — so the
// preferences page offers nothing that never reaches them (a partner never sees the Policy kinds) — and what each is
// set to, their choice or the kind's default. In-app notices always arrive; these settings govern e-mail only.
import type { Role } from "../roles";
import { INBOX_ROLES } from "../workflow/inbox";
import { audienceOf } from "./audience";
import {
  NOTIFICATION_GROUPS,
  NOTIFICATION_KINDS,
  NOTIFICATION_RULES,
  emailModeFor,
  type EmailMode,
  type NotificationGroup,
  type NotificationKind,
} from "./kinds";

/** Kinds a person hears of because their office has work: only roles with an inbox ever get work. */
const WORK_KINDS: readonly NotificationKind[] = ["task-assigned", "task-due-soon", "task-overdue"];
/** Kinds that reach the person an event names, whatever their role (the owner of a failing webhook subscription). */
const NAMED_KINDS: readonly NotificationKind[] = ["webhook-disabled"];

/** The roles that follow a kind, read from the same selectors the dispatch uses (audience.ts), not a second table. */
function followerRolesOf(kind: NotificationKind): Set<Role> {
  const selectors = audienceOf({ kind, partnerVisible: true, countryId: "country", agencyId: "agency", actorUserId: null, work: [] });
  return new Set(selectors.map((s) => s.role).filter((role): role is Role => role !== null));
}

/**
 * The kinds a person in `role` can receive, in NOTIFICATION_KINDS order: the work kinds for roles with an inbox, the
 * kinds their role follows, and the kinds that reach whoever an event names. A policy change's proposer hears how it
 * was decided: policy staff and administrators follow that kind anyway.
 */
export function receivableKinds(role: Role): NotificationKind[] {
  const hasInbox = Object.hasOwn(INBOX_ROLES, role);
  return NOTIFICATION_KINDS.filter(
    (kind) => (WORK_KINDS.includes(kind) && hasInbox) || NAMED_KINDS.includes(kind) || followerRolesOf(kind).has(role),
  );
}

export interface PreferenceItem {
  kind: NotificationKind;
  label: string;
  group: NotificationGroup;
  email: EmailMode;
  defaultEmail: EmailMode;
}

export interface PreferenceGroup {
  group: NotificationGroup;
  items: PreferenceItem[];
}

/** A person's settings for every kind they can receive, grouped for the page; `chosen` holds their saved rows. */
export function preferencesFor(role: Role, chosen: ReadonlyMap<string, EmailMode>): PreferenceGroup[] {
  const items = receivableKinds(role).map((kind): PreferenceItem => {
    const rule = NOTIFICATION_RULES[kind];
    return { kind, label: rule.label, group: rule.group, email: emailModeFor(kind, chosen.get(kind)), defaultEmail: rule.defaultEmail };
  });
  return NOTIFICATION_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((g) => g.items.length > 0);
}
