// What a case is waiting for, read from the case itself rather than from its status alone: in review, the offices whose
// reviews are still open and the step the congressional-notification track is at (Congress, with the date its review
// period ends); otherwise the state's own next step (WAITING_ON). Dates stay dates here: the page and the API format
// them (waitingOnText takes the formatter).
import { currentTasks, type CaseSnapshot } from "./case-workflow";
import { PRE_OFFER_STATUSES, REVIEW_OFFICE_SHORT_NAMES, REVIEW_OFFICES, WAITING_ON, type CaseStatus, type ReviewOffice } from "./states";

/**
 * What a part of the wait is, for a page to say in its reader's language: the status's own next step, or one of the
 * review and congressional-notification waits. `text` says the same in English (the API and the audit trail).
 */
export type WaitingOnCode =
  | `status.${CaseStatus}`
  | "partner-acceptance"
  | "usg-reviews"
  | "office-reviews"
  | "cn-blocked"
  | "cn-formal-period"
  | "cn-preparation"
  | "cn-state-clearance"
  | "cn-held"
  | "cn-informal-period"
  | "cn-formal-notice";

export interface WaitingOnPart {
  code: WaitingOnCode;
  /** For "office-reviews": the offices whose reviews are open, in review order. */
  offices?: ReviewOffice[];
  /** Who must act, or what must pass, in plain words ("State and DTSA reviews", "Congress: the … period ends"). */
  text: string;
  /** When a clock ends the wait (a congressional review period), its date: shown after the text. */
  until: Date | null;
}

/** Partners see what the case waits for without the U.S. Government's internal steps (which office, which stage). */
export type WaitingOnAudience = "USG" | "PARTNER";

/** "DSCA, State and DTSA", "State and DTSA", "DTSA". */
function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A joint resolution ends the sale: nothing else the case waited for matters any more. Public, so partners see it. */
const BLOCKED: WaitingOnPart = { code: "cn-blocked", text: "Nobody — Congress blocked the sale by joint resolution", until: null };

/** What the notification track waits for, if it is under way (nothing once it is cleared or not required). */
function notificationPart(snapshot: CaseSnapshot, now: Date, audience: WaitingOnAudience): WaitingOnPart | "internal" | null {
  const { cn } = snapshot;
  switch (cn.status) {
    case "NOT_REQUIRED":
    case "CLEARED":
      return null;
    // Formal notification is public (it is published): partners see it and its end too.
    case "FORMALLY_NOTIFIED":
      return { code: "cn-formal-period", text: "Congress: the formal notification period ends", until: cn.periodEndsAt };
    case "BLOCKED":
      return BLOCKED;
    default:
      if (audience === "PARTNER") return "internal";
      if (cn.status === "PREPARATION") return { code: "cn-preparation", text: "DSCA to prepare the congressional notification", until: null };
      if (cn.status === "STATE_CLEARANCE") return { code: "cn-state-clearance", text: "State to clear the congressional notification", until: null };
      if (cn.status === "HELD") return { code: "cn-held", text: "DSCA to release the hold on the congressional notification", until: null };
      // The informal review runs until its date; after it DSCA notifies formally (nothing happens on its own).
      return cn.informalEndsAt && now.getTime() < cn.informalEndsAt.getTime()
        ? { code: "cn-informal-period", text: "Congress: the informal review period ends", until: cn.informalEndsAt }
        : { code: "cn-formal-notice", text: "DSCA to formally notify Congress", until: null };
  }
}

/**
 * What the case waits for at `now`, each part something that must happen (all of them, where there are several).
 * In review: the offices whose reviews are open (partners: "U.S. Government reviews") and the notification track's step;
 * before the offer the notification track runs beside the state's own step; suspended: DSCA's resume.
 */
export function waitingOnOf(snapshot: CaseSnapshot, now: Date, audience: WaitingOnAudience): WaitingOnPart[] {
  const { status } = snapshot;
  const own = (code: WaitingOnCode, text: string, offices?: ReviewOffice[]): WaitingOnPart => ({ code, ...(offices ? { offices } : {}), text, until: null });
  const statusStep = own(`status.${status}`, WAITING_ON[status]);
  if (audience === "PARTNER" && status === "OFFERED") return [own("partner-acceptance", "Your acceptance, by the offer expiration date")];
  if (!PRE_OFFER_STATUSES.includes(status)) return [statusStep];

  const notification = notificationPart(snapshot, now, audience);
  if (notification === BLOCKED) return [BLOCKED];
  const parts: WaitingOnPart[] = [];
  if (status === "IN_REVIEW") {
    const open = currentTasks(snapshot).filter((t) => t.status === "OPEN");
    const offices = REVIEW_OFFICES.filter((office) => open.some((t) => t.office === office));
    // Internal notification steps are U.S. Government work too; partners see them as the reviews they are part of.
    if (audience === "PARTNER" && (offices.length > 0 || notification === "internal")) parts.push(own("usg-reviews", "U.S. Government reviews"));
    else if (offices.length > 0) parts.push(own("office-reviews", `${listOf(offices.map((o) => REVIEW_OFFICE_SHORT_NAMES[o]))} review${offices.length > 1 ? "s" : ""}`, offices));
  } else {
    parts.push(statusStep);
  }
  if (notification !== null && notification !== "internal") parts.push(notification);
  return parts.length > 0 ? parts : [statusStep];
}

/** The parts as one line, each date written by `formatDate` ("State and DTSA reviews; Congress: … ends Mar 12, 2027"). */
export function waitingOnText(parts: readonly WaitingOnPart[], formatDate: (date: Date) => string): string {
  return parts.map((p) => (p.until ? `${p.text} ${formatDate(p.until)}` : p.text)).join("; ");
}
