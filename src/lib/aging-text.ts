import { formatDate } from "./format";

const DAY_MS = 86_400_000;

interface AgingLike {
  state: "ON_TRACK" | "DUE_SOON" | "OVERDUE" | "MET" | "MISSED";
  dueAt: string | Date;
  percentElapsed: number;
  targetDays?: number;
  dayKind?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "the 7-day target", "the 10-business-day target", or "the target" when the rule's length is not known. */
export function targetPhrase(aging: Pick<AgingLike, "targetDays" | "dayKind">): string {
  if (aging.targetDays === undefined) return "the target";
  return `the ${aging.targetDays}-${aging.dayKind === "BUSINESS" ? "business-day" : "day"} target`;
}

/**
 * A clock against its target as a plain sentence, after the state's own tag ("Overdue", "Due soon"…):
 * "32 days past the 7-day target (due Nov 2, 2026)", "Due in 3 days, Nov 27, 2026 (75% of the time used)".
 */
export function agingSentence(aging: AgingLike, now: Date = new Date()): string {
  const due = new Date(aging.dueAt);
  const date = formatDate(due);
  switch (aging.state) {
    case "MET":
      return `Target met (due ${date})`;
    case "MISSED":
      return `Target missed (was due ${date})`;
    case "OVERDUE": {
      const late = Math.max(1, Math.ceil((now.getTime() - due.getTime()) / DAY_MS));
      return `${plural(late, "day")} past ${targetPhrase(aging)} (due ${date})`;
    }
    default: {
      const left = Math.max(0, Math.ceil((due.getTime() - now.getTime()) / DAY_MS));
      const when = left === 0 ? `Due today, ${date}` : `Due in ${plural(left, "day")}, ${date}`;
      return `${when} (${Math.min(aging.percentElapsed, 100)}% of the time used)`;
    }
  }
}
