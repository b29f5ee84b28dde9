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

/** Where a clock stands against its target, as numbers a sentence is made of (in any language). */
export type AgingFacts =
  | { kind: "met" | "missed"; due: Date }
  | { kind: "overdue"; due: Date; daysLate: number }
  | { kind: "dueToday"; due: Date; percent: number }
  | { kind: "dueIn"; due: Date; daysLeft: number; percent: number };

export function agingFacts(aging: AgingLike, now: Date = new Date()): AgingFacts {
  const due = new Date(aging.dueAt);
  switch (aging.state) {
    case "MET":
      return { kind: "met", due };
    case "MISSED":
      return { kind: "missed", due };
    case "OVERDUE":
      return { kind: "overdue", due, daysLate: Math.max(1, Math.ceil((now.getTime() - due.getTime()) / DAY_MS)) };
    default: {
      const daysLeft = Math.max(0, Math.ceil((due.getTime() - now.getTime()) / DAY_MS));
      const percent = Math.min(aging.percentElapsed, 100);
      return daysLeft === 0 ? { kind: "dueToday", due, percent } : { kind: "dueIn", due, daysLeft, percent };
    }
  }
}

/**
 * A clock against its target as a plain English sentence, after the state's own tag ("Overdue", "Due soon"…):
 * "32 days past the 7-day target (due Nov 2, 2026)", "Due in 3 days, Nov 27, 2026 (75% of the time used)". Pages word
 * the same facts in their reader's language (src/components/case/status.tsx).
 */
export function agingSentence(aging: AgingLike, now: Date = new Date()): string {
  const facts = agingFacts(aging, now);
  const date = formatDate(facts.due);
  switch (facts.kind) {
    case "met":
      return `Target met (due ${date})`;
    case "missed":
      return `Target missed (was due ${date})`;
    case "overdue":
      return `${plural(facts.daysLate, "day")} past ${targetPhrase(aging)} (due ${date})`;
    case "dueToday":
      return `Due today, ${date} (${facts.percent}% of the time used)`;
    case "dueIn":
      return `Due in ${plural(facts.daysLeft, "day")}, ${date} (${facts.percent}% of the time used)`;
  }
}
