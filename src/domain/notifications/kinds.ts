// What people are told about (issue 15): each kind of event, who follows it, and how it reads. Pure: the outbox's
// dispatch (src/server/notifications/dispatch-outbox.ts) applies these rules to each event it finds.

export const NOTIFICATION_KINDS = [
  // Work for you or your office
  "task-assigned",
  "task-due-soon",
  "task-overdue",
  // Letters of request
  "letter-submitted",
  "letter-acknowledged",
  "letter-returned",
  "letter-complete",
  "letter-disapproved",
  "price-availability",
  // Reviews and the case's steps
  "case-opened",
  "review-returned",
  "case-progress",
  // Offers and changes
  "offer-issued",
  "oed-approaching",
  "offer-expired",
  "offer-accepted",
  "changes-requested",
  "change-submitted",
  "change-returned",
  "amendment-offered",
  "amendment-accepted",
  // Money
  "deposit-recorded",
  "statement-issued",
  "payment-recorded",
  "payment-overdue",
  // Deliveries and discrepancies
  "shipment-sent",
  "shipment-received",
  "service-performed",
  "sdr-filed",
  "sdr-decided",
  // Closure
  "case-closed",
  // Policy
  "policy-proposed",
  "policy-approved",
  // Webhooks
  "webhook-disabled",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);

export const NOTIFICATION_GROUPS = ["Your work", "Letters of request", "Cases and reviews", "Offers and changes", "Money", "Deliveries", "Closure", "Policy", "Connected systems"] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

/**
 * Who follows a kind of event besides the people it gives work to: the partner's officers (only ever for what the
 * partner may see), the case's implementing agency, DSCA's analysts, DFAS, administrators and policy staff.
 */
export const FOLLOWERS = ["PARTNER", "AGENCY", "DSCA", "FINANCE", "ADMIN", "POLICY"] as const;
export type Follower = (typeof FOLLOWERS)[number];

export type EmailMode = "IMMEDIATE" | "DIGEST" | "OFF";

export interface NotificationKindRule {
  /** For the preferences page: "Offer issued to the partner". */
  label: string;
  group: NotificationGroup;
  followers: readonly Follower[];
  /** E-mail until the person chooses otherwise: work and deadlines at once, the rest in the daily digest. */
  defaultEmail: EmailMode;
  /** The e-mail's subject. It names the kind of event only: never a country, case, item or amount. */
  subject: string;
}

export const NOTIFICATION_RULES: Record<NotificationKind, NotificationKindRule> = {
  "task-assigned": { label: "A record needs action from you or your office", group: "Your work", followers: [], defaultEmail: "IMMEDIATE", subject: "Action needed in Caseway" },
  "task-due-soon": { label: "Your office's work is due soon", group: "Your work", followers: [], defaultEmail: "IMMEDIATE", subject: "Work due soon in Caseway" },
  "task-overdue": { label: "Your office's work is overdue", group: "Your work", followers: [], defaultEmail: "IMMEDIATE", subject: "Work overdue in Caseway" },

  "letter-submitted": { label: "A letter of request was submitted", group: "Letters of request", followers: ["DSCA"], defaultEmail: "DIGEST", subject: "A letter of request was submitted" },
  "letter-acknowledged": { label: "A letter's receipt was acknowledged", group: "Letters of request", followers: ["PARTNER"], defaultEmail: "DIGEST", subject: "A letter of request was acknowledged" },
  "letter-returned": { label: "A letter was returned as insufficient", group: "Letters of request", followers: ["PARTNER"], defaultEmail: "IMMEDIATE", subject: "A letter of request was returned" },
  "letter-complete": { label: "A letter was accepted as complete", group: "Letters of request", followers: ["PARTNER"], defaultEmail: "DIGEST", subject: "A letter of request is complete" },
  "letter-disapproved": { label: "A letter was disapproved", group: "Letters of request", followers: ["PARTNER"], defaultEmail: "IMMEDIATE", subject: "A letter of request was disapproved" },
  "price-availability": { label: "Price and availability data was provided", group: "Letters of request", followers: ["PARTNER"], defaultEmail: "DIGEST", subject: "Price and availability data is ready" },

  "case-opened": { label: "A case was opened", group: "Cases and reviews", followers: ["PARTNER", "AGENCY"], defaultEmail: "DIGEST", subject: "A case was opened" },
  "review-returned": { label: "A review was returned for rework", group: "Cases and reviews", followers: ["AGENCY"], defaultEmail: "IMMEDIATE", subject: "A review was returned for rework" },
  "case-progress": { label: "A case moved to its next step", group: "Cases and reviews", followers: [], defaultEmail: "DIGEST", subject: "A case moved to its next step" },

  "offer-issued": { label: "An LOA was offered to the partner", group: "Offers and changes", followers: ["PARTNER", "AGENCY"], defaultEmail: "IMMEDIATE", subject: "An LOA is offered for your acceptance" },
  "oed-approaching": { label: "An offer's expiration date is near", group: "Offers and changes", followers: ["PARTNER", "AGENCY"], defaultEmail: "IMMEDIATE", subject: "An offer expires soon" },
  "offer-expired": { label: "An offer expired", group: "Offers and changes", followers: ["PARTNER", "AGENCY", "DSCA"], defaultEmail: "IMMEDIATE", subject: "An offer expired" },
  "offer-accepted": { label: "An offer was accepted", group: "Offers and changes", followers: ["AGENCY", "DSCA", "FINANCE"], defaultEmail: "IMMEDIATE", subject: "An offer was accepted" },
  "changes-requested": { label: "The partner asked for changes to an offer", group: "Offers and changes", followers: ["AGENCY", "DSCA"], defaultEmail: "IMMEDIATE", subject: "Changes to an offer were requested" },
  "change-submitted": { label: "An Amendment or Modification was submitted to DSCA", group: "Offers and changes", followers: ["DSCA"], defaultEmail: "DIGEST", subject: "A change to an LOA was submitted" },
  "change-returned": { label: "An Amendment or Modification was returned to the agency", group: "Offers and changes", followers: ["AGENCY"], defaultEmail: "IMMEDIATE", subject: "A change to an LOA was returned" },
  "amendment-offered": { label: "An Amendment was offered, or a Modification came into force", group: "Offers and changes", followers: ["PARTNER", "AGENCY"], defaultEmail: "IMMEDIATE", subject: "A change to an LOA is ready" },
  "amendment-accepted": { label: "An Amendment was accepted", group: "Offers and changes", followers: ["AGENCY", "DSCA", "FINANCE"], defaultEmail: "DIGEST", subject: "An Amendment was accepted" },

  "deposit-recorded": { label: "A deposit was recorded", group: "Money", followers: ["PARTNER", "AGENCY", "FINANCE"], defaultEmail: "DIGEST", subject: "A deposit was recorded" },
  "statement-issued": { label: "A billing statement was issued", group: "Money", followers: ["PARTNER", "FINANCE"], defaultEmail: "IMMEDIATE", subject: "A billing statement was issued" },
  "payment-recorded": { label: "A payment was recorded", group: "Money", followers: ["PARTNER", "FINANCE"], defaultEmail: "DIGEST", subject: "A payment was recorded" },
  "payment-overdue": { label: "A payment is overdue", group: "Money", followers: ["PARTNER", "FINANCE"], defaultEmail: "IMMEDIATE", subject: "A payment is overdue" },

  "shipment-sent": { label: "A shipment was sent", group: "Deliveries", followers: ["PARTNER", "AGENCY"], defaultEmail: "DIGEST", subject: "A shipment was sent" },
  "shipment-received": { label: "A shipment's status changed", group: "Deliveries", followers: ["PARTNER", "AGENCY"], defaultEmail: "DIGEST", subject: "A shipment's status changed" },
  "service-performed": { label: "Services were performed", group: "Deliveries", followers: ["PARTNER"], defaultEmail: "DIGEST", subject: "Services were performed" },
  "sdr-filed": { label: "A supply discrepancy report was filed", group: "Deliveries", followers: ["AGENCY"], defaultEmail: "IMMEDIATE", subject: "A supply discrepancy report was filed" },
  "sdr-decided": { label: "A supply discrepancy report was decided", group: "Deliveries", followers: ["PARTNER"], defaultEmail: "IMMEDIATE", subject: "A supply discrepancy report was decided" },

  "case-closed": { label: "A case was closed", group: "Closure", followers: ["PARTNER", "AGENCY", "DSCA", "FINANCE"], defaultEmail: "DIGEST", subject: "A case was closed" },

  "policy-proposed": { label: "A policy change was proposed", group: "Policy", followers: ["ADMIN"], defaultEmail: "IMMEDIATE", subject: "A policy change awaits a decision" },
  "policy-approved": { label: "A policy change was decided", group: "Policy", followers: ["POLICY", "ADMIN"], defaultEmail: "DIGEST", subject: "A policy change was decided" },

  "webhook-disabled": { label: "A webhook subscription was turned off after failing", group: "Connected systems", followers: [], defaultEmail: "IMMEDIATE", subject: "A webhook subscription was turned off" },
};

type Details = Record<string, unknown> | null;

const CASE_EVENT_KINDS: Record<string, NotificationKind> = {
  "case.open": "case-opened",
  "case.return-for-rework": "review-returned",
  "case.offer": "offer-issued",
  "case.accept": "offer-accepted",
  "case.request-changes": "changes-requested",
  "case.expire-offer": "offer-expired",
  "case.record-deposit": "deposit-recorded",
  "case.close": "case-closed",
};

const OTHER_KINDS: Record<string, NotificationKind> = {
  "lor.submit": "letter-submitted",
  "lor.acknowledge": "letter-acknowledged",
  "lor.mark_insufficient": "letter-returned",
  "lor.mark_complete": "letter-complete",
  "lor.disapprove": "letter-disapproved",
  "lor.respond_pa": "price-availability",
  "loa.submit": "change-submitted",
  "loa.return": "change-returned",
  "loa.accept": "amendment-accepted",
  "shipment.record": "shipment-sent",
  "shipment.status": "shipment-received",
  "service.record": "service-performed",
  "sdr.file": "sdr-filed",
  "sdr.decide": "sdr-decided",
  "statement.issue": "statement-issued",
  "payment.record": "payment-recorded",
  "policy.change-proposed": "policy-proposed",
  "policy.change-approved": "policy-approved",
  "policy.change-rejected": "policy-approved",
};

/**
 * The kind of notice a successful audit event makes, or null when nobody needs telling (drafts saved, files attached,
 * exports, sign-ins). Every other step of a case's workflow is "case-progress": it tells the people it gives work to.
 */
export function notificationKindOf(action: string, details: Details): NotificationKind | null {
  if (Object.hasOwn(CASE_EVENT_KINDS, action)) return CASE_EVENT_KINDS[action]!;
  if (Object.hasOwn(OTHER_KINDS, action)) return OTHER_KINDS[action]!;
  // DSCA's approval of a change: an Amendment is then offered (or a Modification in force); a basic LOA's approval
  // is an internal step before the offer.
  if (action === "loa.approve") return details?.toStatus === "OFFERED" || details?.toStatus === "IMPLEMENTED" ? "amendment-offered" : "case-progress";
  if (action.startsWith("case.") && typeof details?.event === "string") return "case-progress";
  return null;
}

/** The record types an outbox event may be about, each with the page that shows it. */
export function recordLink(targetType: string, targetId: string): string | null {
  switch (targetType) {
    case "case":
      return `/cases/${targetId}`;
    case "lor":
      return `/lors/${targetId}`;
    case "policy-change":
      return `/admin/policy/changes/${targetId}`;
    case "webhook_subscription":
      return `/webhooks/${targetId}`;
    default:
      return null;
  }
}

/**
 * Which preference governs a notice: people told because their office now has work hear it as "task-assigned" (one
 * switch for all new work), everyone else by the event's own kind.
 */
export const preferenceKindOf = (kind: NotificationKind, reason: NotificationReason): NotificationKind =>
  reason === "action" && kind !== "task-due-soon" && kind !== "task-overdue" ? "task-assigned" : kind;

export type NotificationReason = "action" | "update";

export function emailModeFor(kind: NotificationKind, chosen: EmailMode | undefined): EmailMode {
  return chosen ?? NOTIFICATION_RULES[kind].defaultEmail;
}

/** The notice's one line: the record's name, then what happened; work for the reader says so first. */
export function noticeTitle(subject: string | null, what: string, reason: NotificationReason): string {
  const line = subject ? `${subject}: ${what}` : what;
  return reason === "action" ? `Action needed — ${line}` : line;
}
